use super::standard;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, Security Hub is enabled and a version of the CIS AWS
    /// Foundations Benchmark standard (`standards/cis-aws-foundations-benchmark`, or the
    /// older `ruleset/cis-aws-foundations-benchmark`) is among its enabled standards, in a
    /// status other than `FAILED` or `DELETING`. Which version is enabled is not judged. FAIL
    /// when Security Hub is off in the region or no CIS standard is enabled; SKIP when the hub
    /// or its standards could not be read.
    ///
    /// ### Why it matters
    /// The CIS benchmark is the control set auditors and customers most often ask about;
    /// evaluating it continuously gives evidence of the account's posture between audits.
    ///
    /// ### How to fix
    /// Enable the latest CIS AWS Foundations Benchmark standard in every region, or through a
    /// central configuration policy from the delegated administrator.
    SecurityhubCisStandardEnabled {
        id: "securityhub_cis_standard_enabled",
        title: "Security Hub evaluates the CIS AWS Foundations Benchmark",
        severity: Low,
        service: SecurityHub,
        resource_kind: "region",
        best_practices: ["SEC01-BP03", "SEC04-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { SecurityHub: [DescribeHub, GetEnabledStandards] },
        remediation: "Enable the CIS AWS Foundations Benchmark standard in every region.",
    }
}

impl SecurityhubCisStandardEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        standard::evaluate(inv, out, "/cis-aws-foundations-benchmark/", "a CIS AWS Foundations Benchmark standard");
    }
}
