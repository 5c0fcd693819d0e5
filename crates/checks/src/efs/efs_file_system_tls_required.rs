use crate::resource_policy::denies_insecure_transport;
use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// Every EFS file system's policy denies mounting without TLS: a `Deny` statement for
    /// everyone (`"Principal": "*"` or `{"AWS": "*"}`) whose actions cover
    /// `elasticfilesystem:ClientMount` (`*`, `elasticfilesystem:*`, `elasticfilesystem:Client*`
    /// …), whose resource is absent or matches the file system, and whose only condition is
    /// `aws:SecureTransport` false (`Bool` or `BoolIfExists`). A file system without a policy
    /// fails (plain NFS mounts are then accepted). SKIP when the policy could not be read.
    ///
    /// ### Why it matters
    /// NFS without TLS carries file contents and metadata in the clear across the VPC; the
    /// mount helper's `tls` option protects only the clients that remember to use it.
    ///
    /// ### How to fix
    /// Add a statement denying `*` to `*` when `aws:SecureTransport` is `false` (the console's
    /// "Enforce in-transit encryption for all clients" does this) with `aws efs
    /// put-file-system-policy`, and mount with `-o tls`.
    EfsFileSystemTlsRequired {
        id: "efs_file_system_tls_required",
        title: "EFS file system policies refuse mounts without TLS",
        severity: Medium,
        service: Efs,
        resource_kind: "efs_file_system",
        best_practices: ["SEC09-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Efs: [DescribeFileSystems, DescribeFileSystemPolicy] },
        remediation: "Add a file system policy statement that denies access when aws:SecureTransport is false.",
    }
}

impl EfsFileSystemTlsRequired {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for fs in super::live_file_systems(inv) {
            match &fs.policy {
                None => out.skip(fs, evidence::unknown_for_resource(inv, &fs.arn, "the file system policy")),
                Some(Setting::NotConfigured) => {
                    out.fail(fs, "no file system policy, so mounts without TLS are accepted")
                }
                Some(Setting::Configured(p))
                    if denies_insecure_transport(p, "elasticfilesystem:ClientMount", &fs.arn) =>
                {
                    out.pass(fs, "the policy denies mounts without TLS")
                }
                Some(Setting::Configured(_)) => out.fail(fs, "no policy statement denies mounts without TLS"),
            }
        }
    }
}
