use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// A Config aggregator in one of the scanned regions gathers the organization's
    /// configuration data from every region: an organization aggregation source with all
    /// regions (current and future) selected (`DescribeConfigurationAggregators`). An
    /// aggregator of named accounts, or of a region list, does not count. The aggregator
    /// usually lives in the delegated administrator or audit account, so a member account
    /// that holds none fails here even when the organization has one; run the review in that
    /// account for the evidence. FAIL when no such aggregator exists in the scanned regions;
    /// SKIP when a region's aggregators could not be read and none was found elsewhere.
    ///
    /// ### Why it matters
    /// An organization-wide view of configuration and rule compliance is what lets a security
    /// team deploy a control once and see where it holds, rather than checking each account.
    ///
    /// ### How to fix
    /// From the Config delegated administrator, create an aggregator with an organization
    /// source and `AllAwsRegions` enabled.
    ConfigOrganizationAggregatorConfigured {
        id: "config_organization_aggregator_configured",
        title: "An AWS Config aggregator covers the organization in every region",
        severity: Low,
        service: Config,
        resource_kind: "account",
        best_practices: ["SEC01-BP06", "SEC04-BP02"],
        prowler: ["config_delegated_admin_and_org_aggregator_all_regions"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Config: [DescribeConfigurationAggregators] },
        remediation: "Create an organization-wide, all-region Config aggregator in the delegated administrator account.",
    }
}

impl ConfigOrganizationAggregatorConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let mut unread = None;
        let mut partial = None;
        for region in evidence::scanned_regions(inv) {
            let Some(aggregators) = inv.detection.config.get(region).and_then(|c| c.aggregators.as_ref()) else {
                unread
                    .get_or_insert_with(|| evidence::unknown_because(inv, Service::Config, region, "the aggregators"));
                continue;
            };
            for a in aggregators {
                if a.organization && a.all_regions {
                    out.account(
                        Status::Pass,
                        format!("aggregator {} in {region} covers the organization in every region", a.name),
                    );
                    return;
                }
                partial.get_or_insert_with(|| format!("aggregator {} covers only some accounts or regions", a.name));
            }
        }
        match (unread, partial) {
            (Some(why), _) => out.account(Status::Skip, why),
            (None, Some(why)) => out.account(Status::Fail, why),
            (None, None) => out.account(Status::Fail, "no Config aggregator in the scanned regions"),
        }
    }
}
