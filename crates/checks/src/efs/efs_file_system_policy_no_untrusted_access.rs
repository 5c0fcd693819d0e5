use crate::resource_policy::{judge, report_untrusted, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No EFS file system policy lets in a principal outside the trusted accounts (the scanned
    /// account, its organization's management account and organization, and `[checks]
    /// trusted_accounts`) without a condition that may restrict it, judged with wasp's policy
    /// engine: anyone, any AWS account and named accounts all count. Outsiders let in only
    /// under conditions pass, with the conditions named. A file system without a policy passes
    /// here (network reachability then decides; see `efs_file_system_tls_required`). SKIP when
    /// the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A grant to another account lets its principals mount the file system from any network
    /// that reaches a mount target (peered VPCs, shared subnets), and read or write every file.
    ///
    /// ### How to fix
    /// Remove the statement with `aws efs put-file-system-policy`, or add the account to
    /// `trusted_accounts` when the share is intended.
    EfsFileSystemPolicyNoUntrustedAccess {
        id: "efs_file_system_policy_no_untrusted_access",
        title: "EFS file system policies let in no principal outside the trusted accounts",
        severity: High,
        service: Efs,
        resource_kind: "efs_file_system",
        best_practices: ["SEC03-BP08", "SEC08-BP04"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Efs: [DescribeFileSystems, DescribeFileSystemPolicy], Organizations: [DescribeOrganization] },
        remediation: "Remove file system policy statements for untrusted principals.",
    }
}

impl EfsFileSystemPolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for fs in super::live_file_systems(inv) {
            report_untrusted(out, fs, judge(inv, &trusted, &fs.arn, fs.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &fs.arn, "the file system policy")
            });
        }
    }
}
