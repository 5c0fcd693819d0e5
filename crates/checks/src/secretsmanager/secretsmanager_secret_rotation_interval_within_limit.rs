use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every secret with automatic rotation on rotates at most every
    /// `secret_rotation_max_days` days (90 by default, as Security Hub SecretsManager.4 asks):
    /// its rotation rule's `AutomaticallyAfterDays`, or a `rate(N days)` schedule expression.
    /// A `rate` in hours counts as one day; `cron(…)` schedules SKIP, as their interval is not
    /// a number of days.
    /// Secrets without rotation are left to `secretsmanager_secret_rotation_enabled`.
    ///
    /// ### Why it matters
    /// Rotation once a year still leaves a leaked value usable for months. The interval is
    /// the longest a stolen secret keeps working.
    ///
    /// ### How to fix
    /// Run `aws secretsmanager rotate-secret --secret-id <arn> --rotation-rules
    /// AutomaticallyAfterDays=30` (or a shorter `ScheduleExpression`).
    SecretsmanagerSecretRotationIntervalWithinLimit {
        id: "secretsmanager_secret_rotation_interval_within_limit",
        title: "Secrets rotate at least every 90 days",
        severity: Low,
        service: SecretsManager,
        resource_kind: "secret",
        best_practices: ["SEC02-BP05", "SEC02-BP03"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { SecretsManager: [ListSecrets] },
        remediation: "Shorten the secret's rotation interval to the allowed number of days.",
    }
}

/// The days of a `rate(N day[s])` expression; hours count as a day.
fn rate_days(expression: &str) -> Option<i64> {
    let inner = expression.trim().strip_prefix("rate(")?.strip_suffix(')')?;
    let (n, unit) = inner.trim().split_once(' ')?;
    let n: i64 = n.parse().ok()?;
    match unit.trim() {
        "day" | "days" => Some(n),
        "hour" | "hours" => Some(1),
        _ => None,
    }
}

impl SecretsmanagerSecretRotationIntervalWithinLimit {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let max = i64::from(out.settings().secret_rotation_max_days);
        for secret in inv.secretsmanager.secrets.iter().filter(|s| s.rotation_enabled == Some(true)) {
            let days =
                secret.rotation_interval_days.or_else(|| secret.rotation_schedule.as_deref().and_then(rate_days));
            match days {
                Some(d) if d <= max => out.pass(secret, format!("rotates every {d} day(s)")),
                Some(d) => out.fail(secret, format!("rotates every {d} days, more than the {max} allowed")),
                None => out.skip(
                    secret,
                    match &secret.rotation_schedule {
                        Some(e) => format!("the rotation schedule {e} is not a number of days"),
                        None => "AWS did not say how often the secret rotates".to_owned(),
                    },
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rates_read_as_days() {
        assert_eq!(super::rate_days("rate(10 days)"), Some(10));
        assert_eq!(super::rate_days("rate(1 day)"), Some(1));
        assert_eq!(super::rate_days("rate(4 hours)"), Some(1));
        assert_eq!(super::rate_days("cron(0 16 1,15 * ? *)"), None);
    }
}
