use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, Amazon Inspector scans at least one resource type: EC2, ECR,
    /// Lambda or Lambda code is `ENABLED` in the account status. FAIL when none is; SKIP when
    /// the account status could not be read. The per-type checks say which are missing.
    ///
    /// ### Why it matters
    /// Without Inspector the account has no continuous, automatic vulnerability management
    /// of its compute: known CVEs are found only when someone looks.
    ///
    /// ### How to fix
    /// `aws inspector2 enable --resource-types EC2 ECR LAMBDA LAMBDA_CODE`, organization-wide
    /// from the delegated administrator.
    InspectorEnabled {
        id: "inspector_enabled",
        title: "Amazon Inspector is activated in every region",
        severity: Medium,
        service: Inspector,
        resource_kind: "region",
        best_practices: ["SEC06-BP01", "SEC01-BP04"],
        prowler: ["inspector2_is_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Inspector: [BatchGetAccountStatus] },
        remediation: "Activate Amazon Inspector in every region.",
    }
}

impl InspectorEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        use crate::{evidence, Status};
        for region in evidence::scanned_regions(inv) {
            let Some(s) = inv.inspector.regions.get(region).and_then(|r| r.status.as_ref()) else {
                let why = evidence::unknown_because(
                    inv,
                    wasp_model::Service::Inspector,
                    region,
                    "the Inspector account status",
                );
                out.in_region(Status::Skip, "inspector2", region, why);
                continue;
            };
            let enabled: Vec<&str> =
                [("EC2", &s.ec2), ("ECR", &s.ecr), ("Lambda", &s.lambda), ("Lambda code", &s.lambda_code)]
                    .into_iter()
                    .filter(|(_, state)| state.as_deref() == Some("ENABLED"))
                    .map(|(label, _)| label)
                    .collect();
            if enabled.is_empty() {
                out.in_region(Status::Fail, "inspector2", region, "Inspector scans no resource type");
            } else {
                out.in_region(Status::Pass, "inspector2", region, format!("Inspector scans {}", enabled.join(", ")));
            }
        }
    }
}
