use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, GLOBAL_REGION};

/// Name fragments that mark access prepared for incident responders, compared without case,
/// hyphens or underscores.
const MARKERS: [&str; 5] = ["incident", "responder", "forensic", "securityresponse", "breakglass"];

fn marks_response(text: &str) -> bool {
    let flat: String = text.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    MARKERS.iter().any(|m| flat.contains(m))
}

declare_check! {
    /// ### What it checks
    /// An evidence signal for pre-provisioned incident response access: an IAM Identity
    /// Center permission set whose name or description, or an IAM role whose name or path,
    /// contains `incident`, `responder`, `forensic`, `security-response` or `break-glass`
    /// (without regard to case, hyphens or underscores). PASS names what was found; FAIL
    /// when nothing is; SKIP when nothing was found and the permission sets or IAM roles
    /// could not be read. A name does not prove the access works, is scoped for
    /// investigation or is tested: it is offered to the person answering the practice.
    ///
    /// ### Why it matters
    /// Responders who must request access during an incident lose the first hours; access
    /// prepared, reviewed and tested beforehand lets them start investigating at once.
    ///
    /// ### How to fix
    /// Prepare a responder permission set (read-only plus the investigation actions your
    /// playbooks need) or a cross-account role from the security account, and test it in
    /// game days.
    IdentitycenterIncidentResponseAccessSignal {
        id: "identitycenter_incident_response_access_signal",
        title: "Signal: access is prepared for incident responders",
        severity: Informational,
        kind: Signal,
        service: IdentityCenter,
        resource_kind: "account",
        best_practices: ["SEC10-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { IdentityCenter: [ListInstances, ListPermissionSets, DescribePermissionSet], Iam: [GetAccountAuthorizationDetails] },
        remediation: "Prepare and test a permission set or role for incident responders.",
    }
}

impl IdentitycenterIncidentResponseAccessSignal {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let sets = inv
            .identity_center
            .permission_sets
            .iter()
            .filter(|s| marks_response(&s.name) || s.description.as_deref().is_some_and(marks_response))
            .map(|s| format!("permission set {}", s.name));
        let roles = inv
            .iam
            .roles
            .iter()
            .filter(|r| !r.is_service_linked() && (marks_response(&r.name) || marks_response(&r.path)))
            .map(|r| format!("role {}", r.name));
        let found: Vec<String> = sets.chain(roles).collect();
        if !found.is_empty() {
            out.account(Status::Pass, format!("responder access prepared: {}", found.join(", ")));
            return;
        }
        let unread =
            evidence::operation_gap_anywhere(inv, Service::IdentityCenter, "ListPermissionSets", "the permission sets")
                .or_else(|| {
                    evidence::operation_gap_anywhere(
                        inv,
                        Service::IdentityCenter,
                        "ListInstances",
                        "the Identity Center instances",
                    )
                })
                .or_else(|| {
                    evidence::operation_gap(
                        inv,
                        Service::Iam,
                        GLOBAL_REGION,
                        "GetAccountAuthorizationDetails",
                        "the IAM roles",
                    )
                });
        match unread {
            Some(why) => out.account(Status::Skip, why),
            None => out.account(Status::Fail, "no permission set or role is named for incident response"),
        }
    }
}
