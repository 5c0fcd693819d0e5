//! Small helpers shared by checks.
use crate::Status;
use serde_json::Value;
use wasp_model::cloudtrail::Trail;
use wasp_model::iam::{statements, string_or_list, AccessKey};
use wasp_model::s3::{Bucket, PublicAccessBlock};
use wasp_model::{Gap, Inventory, Timestamp, GLOBAL_REGION};

/// Whole days from `then` to the moment the inventory was collected.
pub fn days_before_collection(inv: &Inventory, then: Timestamp) -> i64 {
    (inv.collected_at - then).num_days()
}

/// Why a value is unknown, for SKIP messages: the matching gap's reason when there is one.
pub fn unknown_because(inv: &Inventory, service: &str, region: &str, what: &str) -> String {
    match inv.gap_in(service, region) {
        Some(gap) => format!("{what} could not be read ({}: {})", gap.operation, gap.reason),
        None => format!("{what} was not collected"),
    }
}

/// The regions a regional account setting must be judged in.
pub fn scanned_regions(inv: &Inventory) -> impl Iterator<Item = &str> {
    inv.regions.iter().map(String::as_str)
}

/// A SKIP message when a service has a gap in any region: for account-wide verdicts that need
/// every region's evidence (a trail or an alarm may live in the region that was not read).
pub fn service_gap(inv: &Inventory, service: &str, what: &str) -> Option<String> {
    inv.gaps_for(service)
        .next()
        .map(|gap| format!("{what} could not be read ({} in {}: {})", gap.operation, gap.region, gap.reason))
}

/// A SKIP message when one operation of a service failed in a region (or globally).
pub fn operation_gap(inv: &Inventory, service: &str, region: &str, operation: &str, what: &str) -> Option<String> {
    inv.gaps
        .iter()
        .find(|g| {
            g.affects(service)
                && (g.operation == operation || g.service == wasp_model::ALL_SERVICES)
                && (g.region == region || g.region == GLOBAL_REGION)
        })
        .map(|gap| format!("{what} could not be read ({}: {})", gap.operation, gap.reason))
}

/// The gap recorded about one resource (by ARN), if any.
pub fn gap_for_resource<'a>(inv: &'a Inventory, arn: &str) -> Option<&'a Gap> {
    inv.gaps.iter().find(|g| g.resource.as_deref() == Some(arn))
}

/// Why a value of one resource is unknown, for per-resource SKIP messages.
pub fn unknown_for_resource(inv: &Inventory, arn: &str, what: &str) -> String {
    match gap_for_resource(inv, arn) {
        Some(gap) => format!("{what} could not be read ({}: {})", gap.operation, gap.reason),
        None => format!("{what} was not collected"),
    }
}

/// A SKIP message when missing last-used dates are unknown rather than "never used": the IAM
/// credential report could not be generated or read.
pub fn credential_report_gap(inv: &Inventory) -> Option<String> {
    inv.gaps_for("iam")
        .find(|g| g.operation.contains("CredentialReport"))
        .map(|gap| format!("last-used dates could not be read ({}: {})", gap.operation, gap.reason))
}

/// How findings name an access key: its id, or its position when the credential report gave
/// none.
pub fn key_label(key: &AccessKey, index: usize) -> String {
    match &key.id {
        Some(id) => format!("key {id}"),
        None => format!("key {}", index + 1),
    }
}

/// Glob match with `*` (any run of characters) and `?` (one character), as IAM uses them.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut backtrack: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == '*' {
            backtrack = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if let Some((star, from)) = backtrack {
            pi = star + 1;
            ti = from + 1;
            backtrack = Some((star, from + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The statement's `Effect` is exactly `effect` (`Allow` or `Deny`).
pub fn effect_is(statement: &Value, effect: &str) -> bool {
    statement.get("Effect").and_then(Value::as_str) == Some(effect)
}

/// The statement carries a non-empty `Condition` block.
pub fn has_condition(statement: &Value) -> bool {
    match statement.get("Condition") {
        Some(Value::Object(map)) => !map.is_empty(),
        Some(Value::Null) | None => false,
        Some(_) => true,
    }
}

/// A `Principal` element that names everyone: `"*"`, or `"*"` among its `AWS` principals.
pub fn principal_is_everyone(principal: Option<&Value>) -> bool {
    match principal {
        Some(Value::String(s)) => s == "*",
        Some(Value::Object(map)) => map.get("AWS").is_some_and(|aws| string_or_list(Some(aws)).contains(&"*")),
        _ => false,
    }
}

/// Some action pattern of the statement (`Action`, string or list) covers `action`;
/// IAM action names are case-insensitive.
pub fn statement_covers_action(statement: &Value, action: &str) -> bool {
    let action = action.to_ascii_lowercase();
    string_or_list(statement.get("Action")).iter().any(|pattern| glob_match(&pattern.to_ascii_lowercase(), &action))
}

/// The statement allows every action (`"*"`) on every resource (`"*"`), whatever its conditions.
pub fn statement_is_full_admin(statement: &Value) -> bool {
    effect_is(statement, "Allow")
        && string_or_list(statement.get("Action")).contains(&"*")
        && string_or_list(statement.get("Resource")).contains(&"*")
}

/// An identity policy document with at least one full-admin statement.
pub fn allows_full_admin(document: &Value) -> bool {
    statements(document).into_iter().any(statement_is_full_admin)
}

/// Whether a Block Public Access setting (`on`) keeps a kind of public grant from taking effect
/// on the bucket: `Some(true)` when the bucket or the account block has it on, `Some(false)`
/// when both levels were read and neither has it, `None` when that cannot be told.
pub fn public_access_neutralised(inv: &Inventory, bucket: &Bucket, on: fn(&PublicAccessBlock) -> bool) -> Option<bool> {
    let levels = [bucket.public_access_block.as_ref(), inv.s3.account_public_access_block.as_ref()];
    if levels.iter().flatten().any(|level| level.configured().is_some_and(on)) {
        Some(true)
    } else if levels.iter().all(Option::is_some) {
        Some(false)
    } else {
        None
    }
}

/// Region and name of a CloudWatch Logs group ARN
/// (`arn:<partition>:logs:<region>:<account>:log-group:<name>[:*]`).
pub fn log_group_of_arn(arn: &str) -> Option<(&str, &str)> {
    let mut parts = arn.splitn(7, ':');
    let (_arn, _partition, service, region, _account, kind, name) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if service != "logs" || kind != "log-group" || region.is_empty() {
        return None;
    }
    let name = name.strip_suffix(":*").unwrap_or(name);
    (!name.is_empty()).then_some((region, name))
}

/// The CIS monitoring pattern: a multi-region, logging trail delivers to a CloudWatch Logs
/// group; that group has a metric filter whose pattern contains every one of `terms`; and a
/// CloudWatch alarm in the group's region watches a metric the filter publishes.
///
/// PASS as soon as one trail has the whole chain. Otherwise SKIP when a link could not be read
/// (a trail's logging status, the metric filters or the alarms of the group's region, any
/// CloudTrail gap), else FAIL naming the first broken link.
pub fn cloudtrail_metric_alarm(inv: &Inventory, terms: &[&str], what: &str) -> (Status, String) {
    let mut unknown: Option<String> = None;
    let mut broken: Option<String> = None;
    let multi_region: Vec<&Trail> = inv.cloudtrail.trails.iter().filter(|t| t.multi_region).collect();
    for trail in &multi_region {
        let name = &trail.name;
        let Some(group_arn) = trail.cloudwatch_logs_group_arn.as_deref() else {
            broken.get_or_insert_with(|| format!("multi-region trail {name} does not deliver to CloudWatch Logs"));
            continue;
        };
        match trail.is_logging {
            Some(true) => {}
            Some(false) => {
                broken.get_or_insert_with(|| format!("multi-region trail {name} is not logging"));
                continue;
            }
            None => {
                let why = format!("the logging status of trail {name}");
                unknown.get_or_insert_with(|| unknown_because(inv, "cloudtrail", &trail.region, &why));
                continue;
            }
        }
        let Some((region, group)) = log_group_of_arn(group_arn) else {
            broken.get_or_insert_with(|| format!("trail {name} names an unrecognised log group {group_arn}"));
            continue;
        };
        let filters: Vec<_> = inv
            .logs
            .metric_filters
            .iter()
            .filter(|f| f.region == region && f.log_group_name == group)
            .filter(|f| terms.iter().all(|term| f.pattern.contains(term)))
            .collect();
        if filters.is_empty() {
            if inv.gap_in("logs", region).is_some() {
                let why = format!("the metric filter list of log group {group}");
                unknown.get_or_insert_with(|| unknown_because(inv, "logs", region, &why));
            } else {
                broken.get_or_insert_with(|| format!("no metric filter for {what} on log group {group}"));
            }
            continue;
        }
        let Some(alarms) = inv.logs.alarms.get(region) else {
            let why = format!("the alarm list of {region}");
            unknown.get_or_insert_with(|| unknown_because(inv, "cloudwatch", region, &why));
            continue;
        };
        for filter in &filters {
            for metric in &filter.metrics {
                if let Some(alarm) = alarms.iter().find(|a| a.metric.as_ref() == Some(metric)) {
                    return (
                        Status::Pass,
                        format!(
                            "alarm {} watches metric {}/{} of filter {} on log group {group}",
                            alarm.name, metric.namespace, metric.name, filter.name
                        ),
                    );
                }
            }
        }
        broken.get_or_insert_with(|| {
            format!("no alarm in {region} watches the metric of filter {} on log group {group}", filters[0].name)
        });
    }
    if let Some(why) = unknown.or_else(|| service_gap(inv, "cloudtrail", "the trail list")) {
        return (Status::Skip, why);
    }
    match broken {
        Some(why) => (Status::Fail, why),
        None => (Status::Fail, "no multi-region trail delivers to CloudWatch Logs".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_like_iam() {
        assert!(glob_match("*", "anything"));
        assert!(glob_match("s3:*", "s3:*"));
        assert!(glob_match("sts:assumerole*", "sts:assumerolewithsaml"));
        assert!(glob_match("arn:aws:s3:::b*", "arn:aws:s3:::bucket/*"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match("s3:get*", "s3:*"));
        assert!(!glob_match("arn:aws:s3:::bucket/public/*", "arn:aws:s3:::bucket/*"));
        assert!(!glob_match("abc", "abcd"));
        assert!(glob_match("*a*b", "xxaxxb"));
    }

    #[test]
    fn log_group_arns_are_split() {
        assert_eq!(
            log_group_of_arn("arn:aws:logs:us-east-1:123456789012:log-group:trail/logs:*"),
            Some(("us-east-1", "trail/logs"))
        );
        assert_eq!(log_group_of_arn("arn:aws:logs:eu-west-1:1:log-group:x"), Some(("eu-west-1", "x")));
        assert_eq!(log_group_of_arn("arn:aws:s3:::bucket"), None);
    }

    #[test]
    fn full_admin_needs_allow_star_star() {
        let admin = serde_json::json!({"Statement": {"Effect": "Allow", "Action": "*", "Resource": ["*"]}});
        let deny = serde_json::json!({"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]});
        let scoped = serde_json::json!({"Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}]});
        assert!(allows_full_admin(&admin));
        assert!(!allows_full_admin(&deny));
        assert!(!allows_full_admin(&scoped));
    }
}
