use crate::{declare_check, evidence, Status};
use wasp_model::organizations::DELEGATED_SERVICES;
use wasp_model::{Inventory, Service, Setting, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// Each of the organization's security services has a delegated administrator account
    /// registered (`ListDelegatedAdministrators` per service principal): GuardDuty
    /// (`guardduty.amazonaws.com`), Security Hub, AWS Config, IAM Access Analyzer, Macie and
    /// Inspector (`inspector2.amazonaws.com`). FAIL names the services without one, and fails
    /// when the account is in no organization. SKIP when the organization or a service's
    /// delegated administrators could not be read (only the management account and delegated
    /// administrators may list them). Which account is delegated is not judged.
    ///
    /// ### Why it matters
    /// A delegated security tooling account runs the detective services for every account and
    /// region, so responders have their tools and findings in place before an incident and
    /// the management account is not used day to day.
    ///
    /// ### How to fix
    /// From the management account, register the security tooling account as delegated
    /// administrator of each service (`aws organizations register-delegated-administrator`,
    /// or the service's own enable-organization-admin-account call).
    OrganizationsSecurityServicesDelegatedAdmin {
        id: "organizations_security_services_delegated_admin",
        title: "Security services have a delegated administrator in the organization",
        severity: Low,
        service: Organizations,
        resource_kind: "account",
        best_practices: ["SEC10-BP06", "SEC04-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Organizations: [DescribeOrganization, ListDelegatedAdministrators] },
        remediation: "Register a security tooling account as delegated administrator of each security service.",
    }
}

impl OrganizationsSecurityServicesDelegatedAdmin {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        match &inv.organizations.organization {
            Some(Setting::NotConfigured) => {
                out.account(
                    Status::Fail,
                    "the account is in no organization, so no service has a delegated administrator",
                );
                return;
            }
            None => {
                let why = evidence::unknown_because(inv, Service::Organizations, GLOBAL_REGION, "the organization");
                out.account(Status::Skip, why);
                return;
            }
            Some(Setting::Configured(_)) => {}
        }
        let admins = &inv.organizations.delegated_administrators;
        if let Some(unread) = DELEGATED_SERVICES.iter().find(|s| !admins.contains_key(**s)) {
            let why = evidence::operation_gap(
                inv,
                Service::Organizations,
                GLOBAL_REGION,
                "ListDelegatedAdministrators",
                "the delegated administrators",
            )
            .or_else(|| {
                evidence::operation_gap(
                    inv,
                    Service::Organizations,
                    GLOBAL_REGION,
                    "ListPolicies",
                    "the organization's policies",
                )
            })
            .unwrap_or_else(|| format!("the delegated administrators of {unread} were not collected"));
            out.account(Status::Skip, why);
            return;
        }
        let missing: Vec<&str> =
            DELEGATED_SERVICES.iter().copied().filter(|s| admins.get(*s).is_none_or(|a| a.is_empty())).collect();
        if missing.is_empty() {
            out.account(Status::Pass, "every security service has a delegated administrator");
        } else {
            out.account(Status::Fail, format!("no delegated administrator for: {}", missing.join(", ")));
        }
    }
}
