use super::standard;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, Security Hub is enabled and the AWS Foundational Security
    /// Best Practices standard is among its enabled standards (`GetEnabledStandards`, any
    /// version of `standards/aws-foundational-security-best-practices`), in a status other
    /// than `FAILED` or `DELETING`. FAIL when Security Hub is off in the region or the
    /// standard is not enabled or failed; SKIP when the hub or its standards could not be read.
    ///
    /// ### Why it matters
    /// The foundational standard is AWS's own baseline of controls, evaluated continuously
    /// against every account; without it Security Hub aggregates findings but checks nothing
    /// itself, and drift from the baseline goes unreported.
    ///
    /// ### How to fix
    /// Enable the standard in every region (`aws securityhub batch-enable-standards`), or
    /// through a central configuration policy from the delegated administrator.
    SecurityhubFsbpStandardEnabled {
        id: "securityhub_fsbp_standard_enabled",
        title: "Security Hub evaluates the AWS Foundational Security Best Practices",
        severity: Medium,
        service: SecurityHub,
        resource_kind: "region",
        best_practices: ["SEC01-BP03", "SEC04-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { SecurityHub: [DescribeHub, GetEnabledStandards] },
        remediation: "Enable the AWS Foundational Security Best Practices standard in every region.",
    }
}

impl SecurityhubFsbpStandardEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        standard::evaluate(
            inv,
            out,
            "/aws-foundational-security-best-practices/",
            "the AWS Foundational Security Best Practices standard",
        );
    }
}
