use crate::resource_policy::{judge, report_public, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No EFS file system policy lets anyone, or any AWS account, mount or write the file
    /// system without a condition that restricts the caller, judged with wasp's policy engine
    /// (`elasticfilesystem:AccessedViaMountTarget` alone does not restrict: every NFS client
    /// comes through a mount target). A file system without a policy passes here: EFS then
    /// lets in any client that can reach a mount target over the network, which the security
    /// groups decide. SKIP when the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A public file system policy lets any AWS account with network reach (a peered VPC, a
    /// shared subnet) mount the file system with IAM authorisation and read or change every
    /// file.
    ///
    /// ### How to fix
    /// Replace the wildcard principal with the roles that mount the file system, or add
    /// `aws:PrincipalOrgID`/`aws:PrincipalAccount` conditions, with `aws efs
    /// put-file-system-policy`.
    EfsFileSystemPolicyNotPublic {
        id: "efs_file_system_policy_not_public",
        title: "EFS file system policies do not grant access to everyone",
        severity: High,
        service: Efs,
        resource_kind: "efs_file_system",
        best_practices: ["SEC03-BP07", "SEC08-BP04"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Efs: [DescribeFileSystems, DescribeFileSystemPolicy] },
        remediation: "Name the principals that mount the file system in its policy.",
    }
}

impl EfsFileSystemPolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for fs in super::live_file_systems(inv) {
            report_public(out, fs, judge(inv, &trusted, &fs.arn, fs.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &fs.arn, "the file system policy")
            });
        }
    }
}
