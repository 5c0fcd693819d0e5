use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, GLOBAL_REGION};

/// Name fragments that mark emergency ("break-glass") access, compared without case,
/// hyphens or underscores.
const MARKERS: [&str; 3] = ["breakglass", "emergency", "firecall"];

/// Whether a name or tag marks emergency access.
pub fn marks_emergency(text: &str) -> bool {
    let flat: String = text.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    MARKERS.iter().any(|m| flat.contains(m))
}

declare_check! {
    /// ### What it checks
    /// An evidence signal for an emergency access process: an IAM role or user whose name,
    /// path or a tag key or value contains `break-glass` (any spelling: `breakglass`,
    /// `break_glass`), `emergency` or `firecall`. PASS names what was found; FAIL when none
    /// is; SKIP when the IAM principals could not be read. A name proves neither that the
    /// credentials are locked away, nor that their use raises an alarm, nor that the process
    /// was tested: it shows the account prepared something for the person answering to
    /// confirm.
    ///
    /// ### Why it matters
    /// When the identity provider is down or an administrator is locked out, an emergency
    /// path decides whether the outage lasts minutes or days; prepared in advance, it is
    /// also monitored and tightly held.
    ///
    /// ### How to fix
    /// Prepare break-glass access (a role or two IAM users with hardware MFA, credentials
    /// in a safe, an alarm on every use) and name or tag it so it is recognisable.
    IamEmergencyAccessSignal {
        id: "iam_emergency_access_signal",
        title: "Signal: break-glass access is prepared",
        severity: Informational,
        kind: Signal,
        service: Iam,
        resource_kind: "account",
        best_practices: ["SEC03-BP03"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails] },
        remediation: "Prepare monitored break-glass access and name or tag it as such.",
    }
}

impl IamEmergencyAccessSignal {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let tagged = |tags: &wasp_model::Tags| tags.iter().any(|(k, v)| marks_emergency(k) || marks_emergency(v));
        let roles = inv
            .iam
            .roles
            .iter()
            .filter(|r| !r.is_service_linked())
            .filter(|r| marks_emergency(&r.name) || marks_emergency(&r.path) || tagged(&r.tags))
            .map(|r| format!("role {}", r.name));
        let users = inv
            .iam
            .users
            .iter()
            .filter(|u| marks_emergency(&u.name) || tagged(&u.tags))
            .map(|u| format!("user {}", u.name));
        let found: Vec<String> = roles.chain(users).collect();
        if !found.is_empty() {
            out.account(Status::Pass, format!("emergency access prepared: {}", found.join(", ")));
        } else if let Some(why) = evidence::operation_gap(
            inv,
            Service::Iam,
            GLOBAL_REGION,
            "GetAccountAuthorizationDetails",
            "the IAM principals",
        ) {
            out.account(Status::Skip, why);
        } else {
            out.account(Status::Fail, "no role or user is named or tagged for break-glass access");
        }
    }
}
