use crate::{declare_check, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// A signal about the account: PASS when Shield Advanced is subscribed
    /// (`DescribeSubscription` returns a subscription; AWS answers `ResourceNotFoundException` when there is none), FAIL when it is not, SKIP when the state
    /// could not be read. Shield Standard protects every account at layers 3 and 4 without a
    /// subscription and is not what this signal is about.
    ///
    /// ### Why it matters
    /// Shield Advanced adds detection tuned to the protected resources, automatic layer 7
    /// mitigation with WAF, the Shield Response Team and cost protection against scaling
    /// charges during an attack. Whether it is worth its price depends on the workload, so
    /// its absence decides nothing; its presence shows that inspection-based protection
    /// against DDoS was considered.
    ///
    /// ### How to fix
    /// If the workload's exposure justifies it, subscribe (`aws shield create-subscription`)
    /// and protect the internet-facing resources.
    ShieldAdvancedSubscribed {
        id: "shield_advanced_subscribed",
        title: "Shield Advanced protects the account against DDoS",
        severity: Informational,
        kind: Signal,
        service: Shield,
        resource_kind: "account",
        best_practices: ["SEC05-BP03"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Shield: [DescribeSubscription] },
        remediation: "Consider a Shield Advanced subscription for internet-facing workloads.",
    }
}

impl ShieldAdvancedSubscribed {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        match inv.shield.subscribed {
            Some(true) => out.account(Status::Pass, "Shield Advanced is subscribed"),
            Some(false) => out.account(Status::Fail, "Shield Advanced is not subscribed"),
            None => out.account(
                Status::Skip,
                crate::evidence::unknown_because(inv, Service::Shield, wasp_model::GLOBAL_REGION, "the subscription"),
            ),
        }
    }
}
