use crate::{declare_check, evidence, Status};
use wasp_model::organizations::FeatureSet;
use wasp_model::{Inventory, Service, Setting, GLOBAL_REGION};

/// The AWS-managed policy every root, OU and account starts with; it restricts nothing.
const FULL_AWS_ACCESS: &str = "FullAWSAccess";

declare_check! {
    /// ### What it checks
    /// The organization has at least one service control policy besides the AWS-managed
    /// `FullAWSAccess`, attached to a root, OU or account. FAIL when the account is in no
    /// organization or one without all features (SCPs cannot apply), when no custom SCP exists,
    /// or when every custom SCP is attached to nothing. SKIP when the SCP list could not be
    /// read (only the management account and a delegated administrator may list them; a member
    /// account cannot see which SCPs apply to it), or when the custom SCPs' targets could not
    /// be read. Whether an attached SCP covers this account, and what it denies, is not
    /// judged.
    ///
    /// ### Why it matters
    /// SCPs are the organization's guardrails: they cap what any principal in an account can
    /// do, including administrators, e.g. leaving the organization, disabling CloudTrail or
    /// GuardDuty, or using unapproved regions. With only `FullAWSAccess`, there is no cap.
    ///
    /// ### How to fix
    /// Write SCPs for the guardrails you need (protect security services and logging, deny
    /// unused regions, deny root actions) and attach them to the organization root or OUs,
    /// testing on a sandbox OU first.
    OrganizationsCustomScpAttached {
        id: "organizations_custom_scp_attached",
        title: "Custom service control policies are attached in the organization",
        severity: Medium,
        service: Organizations,
        resource_kind: "account",
        best_practices: ["SEC03-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Organizations: [DescribeOrganization, ListPolicies, ListTargetsForPolicy] },
        remediation: "Attach guardrail SCPs beyond FullAWSAccess to the organization root or OUs.",
    }
}

impl OrganizationsCustomScpAttached {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        let orgs = &inv.organizations;
        match &orgs.organization {
            Some(Setting::NotConfigured) => {
                out.report(
                    Status::Fail,
                    arn,
                    GLOBAL_REGION,
                    "the account is not in an organization, so no SCP applies",
                );
                return;
            }
            Some(Setting::Configured(org)) if org.feature_set != FeatureSet::All => {
                let msg = format!("organization {} lacks all features, so SCPs cannot apply", org.id);
                out.report(Status::Fail, arn, GLOBAL_REGION, msg);
                return;
            }
            _ => {}
        }
        let Some(policies) = &orgs.service_control_policies else {
            let why = evidence::unknown_because(
                inv,
                Service::Organizations,
                GLOBAL_REGION,
                "the service control policy list",
            );
            out.report(Status::Skip, arn, GLOBAL_REGION, why);
            return;
        };
        let custom: Vec<_> = policies.iter().filter(|p| !p.aws_managed && p.name != FULL_AWS_ACCESS).collect();
        let attached: Vec<&str> = custom
            .iter()
            .filter(|p| p.targets.as_ref().is_some_and(|t| !t.is_empty()))
            .map(|p| p.name.as_str())
            .collect();
        if !attached.is_empty() {
            out.report(Status::Pass, arn, GLOBAL_REGION, format!("attached custom SCPs: {}", attached.join(", ")));
        } else if custom.iter().any(|p| p.targets.is_none()) {
            let why = evidence::unknown_because(
                inv,
                Service::Organizations,
                GLOBAL_REGION,
                "the target list of the custom SCPs",
            );
            out.report(Status::Skip, arn, GLOBAL_REGION, why);
        } else if custom.is_empty() {
            out.report(Status::Fail, arn, GLOBAL_REGION, "no SCP besides FullAWSAccess");
        } else {
            out.report(Status::Fail, arn, GLOBAL_REGION, "custom SCPs exist but are attached to nothing");
        }
    }
}
