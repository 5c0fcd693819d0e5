use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every IAM Identity Center permission set grants sessions no longer than
    /// `permission_set_session_max_hours` (`[checks]` in wasp.toml, default 8): its
    /// `SessionDuration` (ISO 8601, `PT1H` to `PT12H`) from `DescribePermissionSet`. A session
    /// exactly at the limit passes. FAIL names the duration; SKIP when the permission set
    /// could not be described or its duration is not of the ISO 8601 hours/minutes form.
    ///
    /// ### Why it matters
    /// Temporary credentials are only as temporary as their session: a 12-hour session
    /// copied from a browser or a laptop keeps working long after the person has gone home.
    ///
    /// ### How to fix
    /// Lower the permission set's session duration (`aws sso-admin update-permission-set
    /// --session-duration PT4H`), shortest for the most privileged sets, and re-provision it.
    IdentitycenterPermissionSetSessionDuration {
        id: "identitycenter_permission_set_session_duration",
        title: "Identity Center permission sets grant short sessions",
        severity: Low,
        service: IdentityCenter,
        resource_kind: "identitycenter_permission_set",
        best_practices: ["SEC02-BP02", "SEC02-BP04"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { IdentityCenter: [ListInstances, ListPermissionSets, DescribePermissionSet] },
        remediation: "Shorten the session duration of permission sets to the configured maximum.",
    }
}

impl IdentitycenterPermissionSetSessionDuration {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let max_hours = out.settings().permission_set_session_max_hours;
        for set in &inv.identity_center.permission_sets {
            let Some(seconds) = set.session_seconds() else {
                let why = match &set.session_duration {
                    Some(text) => format!("the session duration {text:?} is not an ISO 8601 duration"),
                    None => evidence::unknown_for_resource(inv, &set.arn, "the session duration"),
                };
                out.skip(set, why);
                continue;
            };
            let text = set.session_duration.as_deref().unwrap_or_default();
            if seconds <= u64::from(max_hours) * 3600 {
                out.pass(set, format!("sessions last {text}, within {max_hours} hours"));
            } else {
                out.fail(set, format!("sessions last {text}, more than {max_hours} hours"));
            }
        }
    }
}
