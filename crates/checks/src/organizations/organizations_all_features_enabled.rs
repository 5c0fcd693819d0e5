use crate::{declare_check, evidence, Status};
use wasp_model::organizations::FeatureSet;
use wasp_model::{Inventory, Service, Setting, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// The account belongs to an AWS Organizations organization whose feature set is `ALL`.
    /// FAIL when the account is in no organization, or in one limited to consolidated billing;
    /// SKIP when the organization could not be described.
    ///
    /// ### Why it matters
    /// An organization with all features is what makes multi-account separation governable:
    /// service control policies, delegated administrators for security services, organization
    /// trails and centralised root access management all depend on it.
    ///
    /// ### How to fix
    /// Join the account to your organization (or create one from a dedicated management
    /// account), and if it only has consolidated billing, start the all-features handshake
    /// from the management account.
    OrganizationsAllFeaturesEnabled {
        id: "organizations_all_features_enabled",
        title: "Account belongs to an organization with all features enabled",
        severity: High,
        service: Organizations,
        resource_kind: "account",
        best_practices: ["SEC01-BP01"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Organizations: [DescribeOrganization] },
        remediation: "Join the account to an organization that has all features enabled.",
    }
}

impl OrganizationsAllFeaturesEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        match &inv.organizations.organization {
            Some(Setting::Configured(org)) if org.feature_set == FeatureSet::All => {
                out.report(Status::Pass, arn, GLOBAL_REGION, format!("member of {} with all features", org.id))
            }
            Some(Setting::Configured(org)) => out.report(
                Status::Fail,
                arn,
                GLOBAL_REGION,
                format!("organization {} has feature set {}, not ALL", org.id, org.feature_set.as_str()),
            ),
            Some(Setting::NotConfigured) => {
                out.report(Status::Fail, arn, GLOBAL_REGION, "the account is not in an organization")
            }
            None => {
                let why = evidence::unknown_because(inv, Service::Organizations, GLOBAL_REGION, "the organization");
                out.report(Status::Skip, arn, GLOBAL_REGION, why)
            }
        }
    }
}
