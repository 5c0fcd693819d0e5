use crate::{declare_check, evidence};
use wasp_model::iam::ServiceLastAccessed;
use wasp_model::{Inventory, Resource, Service, Timestamp};

/// Services named in one message, at most.
const SHOWN: usize = 8;

declare_check! {
    /// ### What it checks
    /// No IAM user or role (service-linked roles aside) is granted a service it has not used
    /// for 90 days or more, by IAM's service last accessed data (the "Access Advisor" tab):
    /// for each principal, wasp asks IAM for a report of the services its policies grant and
    /// when it last authenticated to each (IAM counts every attempt, denied ones too, so a
    /// service can look used when it is not; never the reverse). A service never used in
    /// IAM's tracking period (400 days) counts from the principal's creation: a principal
    /// younger than the limit is not failed for it. `unused_access_days` under `[checks]` in wasp.toml changes the 90 days.
    /// FAIL names the idle services; PASS when every granted service was used in time (or
    /// nothing is granted). SKIP when the report could not be generated, failed or did not
    /// finish, and when a never-used service's principal has no creation date.
    ///
    /// ### Why it matters
    /// A permission nobody uses does no work and still does harm: whoever takes over the
    /// principal gets it too. Trimming policies to the services actually used is the most
    /// direct way to least privilege, and the usage data tells you which ones are safe to
    /// remove.
    ///
    /// ### How to fix
    /// Remove the idle services from the principal's policies (IAM Access Analyzer can
    /// generate a policy from its CloudTrail activity), or delete the principal when nothing
    /// it holds is used; keep rarely used break-glass access in roles you review on purpose.
    IamPrincipalUnusedServices {
        id: "iam_principal_unused_services",
        title: "Users and roles use the services they are granted (90 days, configurable)",
        severity: Medium,
        service: Iam,
        resource_kind: "iam_principal",
        best_practices: ["SEC03-BP02", "SEC03-BP04"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails, GenerateServiceLastAccessedDetails, GetServiceLastAccessedDetails] },
        remediation: "Remove services unused for 90 days from the principal's policies, or delete the principal.",
    }
}

impl IamPrincipalUnusedServices {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let users = inv.iam.users.iter().map(|u| (u as &dyn Resource, u.created, &u.services_last_accessed));
        let roles = inv
            .iam
            .roles
            .iter()
            .filter(|r| !r.is_service_linked())
            .map(|r| (r as &dyn Resource, r.created, &r.services_last_accessed));
        for (principal, created, services) in users.chain(roles) {
            match services {
                Some(services) => judge(inv, out, principal, created, services),
                None => out.skip(principal, unread(inv, principal.arn())),
            }
        }
    }
}

fn judge(
    inv: &Inventory,
    out: &mut crate::Findings<'_>,
    principal: &dyn Resource,
    created: Option<Timestamp>,
    services: &[ServiceLastAccessed],
) {
    let limit = i64::from(out.settings().unused_access_days);
    let age = created.map(|t| evidence::days_before_collection(inv, t));
    let mut idle = Vec::new();
    let mut unknown = Vec::new();
    for s in services {
        match (s.last_authenticated, age) {
            (Some(used), _) => {
                let days = evidence::days_before_collection(inv, used);
                if days >= limit {
                    idle.push(format!("{} (last used {days} days ago)", s.namespace));
                }
            }
            (None, Some(age)) if age >= limit => idle.push(format!("{} (never used)", s.namespace)),
            (None, Some(_)) => {}
            (None, None) => unknown.push(s.namespace.as_str()),
        }
    }
    if !idle.is_empty() {
        let more = idle.len().saturating_sub(SHOWN);
        idle.truncate(SHOWN);
        let tail = if more > 0 { format!(" and {more} more") } else { String::new() };
        out.fail(principal, format!("granted services unused for {limit} days or more: {}{tail}", idle.join(", ")));
    } else if !unknown.is_empty() {
        out.skip(principal, format!("never used {} but the principal's creation date is unknown", unknown.join(", ")));
    } else if services.is_empty() {
        out.pass(principal, "its policies grant no service");
    } else {
        match age {
            Some(age) if age < limit && services.iter().any(|s| s.last_authenticated.is_none()) => out.pass(
                principal,
                format!("created {age} days ago; every service it used was used in the last {limit} days"),
            ),
            _ => out.pass(principal, format!("all {} granted services used in the last {limit} days", services.len())),
        }
    }
}

/// Why a principal's last accessed data is unknown: its own gap, or the operation's.
fn unread(inv: &Inventory, arn: &str) -> String {
    let what = "the services it last used";
    if evidence::gap_for_resource(inv, arn).is_some() {
        return evidence::unknown_for_resource(inv, arn, what);
    }
    ["GenerateServiceLastAccessedDetails", "GetServiceLastAccessedDetails"]
        .into_iter()
        .find_map(|op| evidence::operation_gap_anywhere(inv, Service::Iam, op, what))
        .unwrap_or_else(|| format!("{what} were not collected"))
}
