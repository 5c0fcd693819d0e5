use crate::{declare_check, evidence};
use wasp_model::iam::LastUsed;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No IAM role (service-linked roles aside) has gone unused for 90 days or more, by the
    /// `RoleLastUsed` date IAM keeps (any use of the role's credentials counts: an
    /// `AssumeRole` followed by a call, a service acting with it). A role not used in IAM's
    /// tracking period (400 days) counts from its creation, so a role younger than the limit
    /// passes. `unused_access_days` under `[checks]` in wasp.toml changes the 90 days. SKIP
    /// when the last use was not read (templates cannot know it) or a never-used role has no
    /// creation date.
    ///
    /// ### Why it matters
    /// A role nobody uses still trusts whoever its trust policy names and still holds its
    /// permissions. Forgotten roles of finished projects, departed vendors and old pipelines
    /// are access that nobody watches and nobody would miss.
    ///
    /// ### How to fix
    /// Confirm with the owner that the role is not needed, then delete it (detach its
    /// policies, remove it from instance profiles, then `aws iam delete-role`); roles kept for
    /// rare use, such as break-glass access, deserve a documented exception.
    IamRoleUnused {
        id: "iam_role_unused",
        title: "IAM roles unused for 90 days are removed (configurable)",
        severity: Low,
        service: Iam,
        resource_kind: "iam_role",
        best_practices: ["SEC03-BP04", "SEC03-BP06"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails] },
        remediation: "Delete roles that have not been used for 90 days once their owners confirm they are not needed.",
    }
}

impl IamRoleUnused {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let limit = i64::from(out.settings().unused_access_days);
        for role in inv.iam.roles.iter().filter(|r| !r.is_service_linked()) {
            let age = role.created.map(|t| evidence::days_before_collection(inv, t));
            match (role.last_used, age) {
                (None, _) => out.skip(role, evidence::unknown_for_resource(inv, &role.arn, "the role's last use")),
                (Some(LastUsed::At(used)), _) => {
                    let days = evidence::days_before_collection(inv, used);
                    if days >= limit {
                        out.fail(role, format!("last used {days} days ago"));
                    } else {
                        out.pass(role, format!("used {days} days ago"));
                    }
                }
                (Some(LastUsed::Never(_)), Some(age)) if age >= limit => {
                    out.fail(role, format!("never used in IAM's tracking period; created {age} days ago"))
                }
                (Some(LastUsed::Never(_)), Some(age)) => {
                    out.pass(role, format!("not used yet, created {age} days ago"))
                }
                (Some(LastUsed::Never(_)), None) => {
                    out.skip(role, "never used in IAM's tracking period, and its creation date is unknown")
                }
            }
        }
    }
}
