//! The CIS monitoring chain: a multi-region trail delivers to a log group, a metric filter
//! on that group catches the events, and an alarm on the filter's metric notifies someone.
use crate::evidence::{operation_gap_anywhere, unknown_because};
use crate::filter_pattern;
use crate::Status;
use serde_json::{json, Value};
use wasp_model::cloudtrail::Trail;
use wasp_model::logs::{MetricAlarm, MetricFilter};
use wasp_model::{Inventory, Service};

/// What a metric filter must catch: CloudTrail events it has to match and events it must
/// leave out, as the CIS benchmark's pattern does.
pub struct Events {
    /// Named in messages: "root user activity".
    pub what: &'static str,
    pub must_match: fn() -> Vec<Value>,
    pub must_not_match: fn() -> Vec<Value>,
}

/// A CloudTrail record of an IAM user's API call, for filters to be tried on.
pub fn api_call(source: &str, name: &str) -> Value {
    json!({"userIdentity": {"type": "IAMUser", "userName": "alice", "accountId": "123456789012"}, "eventSource": source, "eventName": name, "eventType": "AwsApiCall", "sourceIPAddress": "203.0.113.5"})
}

/// One [`api_call`] per name, all from `source`.
pub fn api_calls(source: &str, names: &[&str]) -> Vec<Value> {
    names.iter().map(|name| api_call(source, name)).collect()
}

/// An IAM user's console sign-in record: successful or not, with `MFAUsed` and the error
/// message AWS writes on failures.
pub fn console_login(success: bool, mfa_used: Option<&str>, error_message: Option<&str>) -> Value {
    let mut event = json!({"userIdentity": {"type": "IAMUser", "userName": "alice", "accountId": "123456789012"}, "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin", "eventType": "AwsConsoleSignIn", "sourceIPAddress": "203.0.113.5", "responseElements": {"ConsoleLogin": if success { "Success" } else { "Failure" }}});
    if let Some(map) = event.as_object_mut() {
        if let Some(mfa) = mfa_used {
            map.insert(
                "additionalEventData".into(),
                json!({"MFAUsed": mfa, "LoginTo": "https://console.aws.amazon.com/"}),
            );
        }
        if let Some(message) = error_message {
            map.insert("errorMessage".into(), message.into());
        }
    }
    event
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

/// Whether a filter's pattern catches `events`: `Err` says why not.
fn catches(filter: &MetricFilter, events: &Events) -> Result<(), String> {
    let pattern = filter_pattern::parse(&filter.pattern)
        .map_err(|e| format!("the pattern of metric filter {} cannot be read ({e})", filter.name))?;
    if !(events.must_match)().iter().all(|e| pattern.matches(e)) {
        return Err(format!("metric filter {}'s pattern misses {}", filter.name, events.what));
    }
    if (events.must_not_match)().iter().any(|e| pattern.matches(e)) {
        return Err(format!(
            "metric filter {}'s pattern also counts events the CIS pattern leaves out for {}",
            filter.name, events.what
        ));
    }
    Ok(())
}

/// Whether an alarm notifies someone: `Ok(true)` yes, `Ok(false)` no (with the reason in
/// `why`), `Err` when that cannot be told.
fn notifies(inv: &Inventory, alarm: &MetricAlarm) -> Result<Result<(), String>, String> {
    match alarm.actions_enabled {
        None => return Err(format!("whether alarm {}'s actions are enabled was not read", alarm.name)),
        Some(false) => return Ok(Err(format!("alarm {} has its actions disabled", alarm.name))),
        Some(true) => {}
    }
    if alarm.alarm_actions.is_empty() {
        return Ok(Err(format!("alarm {} notifies nobody (no alarm action)", alarm.name)));
    }
    let mut unknown = None;
    for action in &alarm.alarm_actions {
        if action.split(':').nth(2) != Some("sns") {
            // Lambda, Systems Manager OpsItems and incidents act on their own.
            return Ok(Ok(()));
        }
        match inv.sns.topic_has_subscriber(action) {
            Some(true) => return Ok(Ok(())),
            Some(false) => {}
            None => {
                let region = action.split(':').nth(3).unwrap_or_default();
                unknown.get_or_insert_with(|| {
                    unknown_because(inv, Service::Sns, region, &format!("the subscriptions of topic {action}"))
                });
            }
        }
    }
    match unknown {
        Some(why) => Err(why),
        None => Ok(Err(format!("alarm {}'s topics have no confirmed subscriber", alarm.name))),
    }
}

/// PASS as soon as one multi-region trail has the whole chain. Otherwise SKIP when a link could
/// not be read (a trail's flags or status, a region that was not scanned, the metric filters,
/// alarms or subscriptions of the group's region, the trail list), else FAIL naming the first
/// broken link.
pub fn evaluate(inv: &Inventory, events: &Events) -> (Status, String) {
    let mut unknown: Option<String> = None;
    let mut broken: Option<String> = None;
    for trail in &inv.cloudtrail.trails {
        match link(inv, trail, events) {
            Link::Complete(message) => return (Status::Pass, message),
            Link::Unknown(why) => {
                unknown.get_or_insert(why);
            }
            Link::Broken(why) => {
                broken.get_or_insert(why);
            }
            Link::NotMultiRegion => {}
        }
    }
    if let Some(why) =
        unknown.or_else(|| operation_gap_anywhere(inv, Service::CloudTrail, "DescribeTrails", "the trail list"))
    {
        return (Status::Skip, why);
    }
    match broken {
        Some(why) => (Status::Fail, why),
        None => (Status::Fail, "no multi-region trail delivers to CloudWatch Logs".to_owned()),
    }
}

enum Link {
    Complete(String),
    Unknown(String),
    Broken(String),
    NotMultiRegion,
}

fn link(inv: &Inventory, trail: &Trail, events: &Events) -> Link {
    let name = &trail.name;
    match trail.multi_region {
        Some(true) => {}
        Some(false) => return Link::NotMultiRegion,
        None => return Link::Unknown(format!("whether trail {name} is multi-region was not read")),
    }
    let Some(group_arn) = trail.cloudwatch_logs_group_arn.as_deref() else {
        return Link::Broken(format!("multi-region trail {name} does not deliver to CloudWatch Logs"));
    };
    match trail.is_logging {
        Some(true) => {}
        Some(false) => return Link::Broken(format!("multi-region trail {name} is not logging")),
        None => {
            let why = format!("the logging status of trail {name}");
            return Link::Unknown(unknown_because(inv, Service::CloudTrail, &trail.region, &why));
        }
    }
    let Some((region, group)) = log_group_of_arn(group_arn) else {
        return Link::Broken(format!("trail {name} names an unrecognised log group {group_arn}"));
    };
    if !inv.scanned(region) {
        return Link::Unknown(format!("trail {name} delivers to log group {group} in {region}, which was not scanned"));
    }
    if let Some(gap) = inv.operation_gap(Service::Logs, "DescribeMetricFilters", region) {
        return Link::Unknown(format!(
            "the metric filters of {region} could not be read ({}: {})",
            gap.operation, gap.reason
        ));
    }
    let on_group: Vec<&MetricFilter> =
        inv.logs.metric_filters.iter().filter(|f| f.region == region && f.log_group_name == group).collect();
    if on_group.is_empty() {
        return Link::Broken(format!("no metric filter on log group {group} counts {}", events.what));
    }
    let mut why_not = None;
    let filters: Vec<&MetricFilter> = on_group
        .into_iter()
        .filter(|f| match catches(f, events) {
            Ok(()) => true,
            Err(why) => {
                why_not.get_or_insert(why);
                false
            }
        })
        .collect();
    if filters.is_empty() {
        return Link::Broken(why_not.unwrap_or_default());
    }
    let Some(alarms) = inv.logs.alarms.get(region) else {
        let why = format!("the alarm list of {region}");
        return Link::Unknown(unknown_because(inv, Service::CloudWatch, region, &why));
    };
    let mut unknown = None;
    let mut broken = None;
    for filter in &filters {
        for metric in &filter.metrics {
            for alarm in alarms.iter().filter(|a| a.metric.as_ref() == Some(metric)) {
                match notifies(inv, alarm) {
                    Ok(Ok(())) => {
                        return Link::Complete(format!(
                            "alarm {} watches metric {}/{} of filter {} on log group {group} and notifies",
                            alarm.name, metric.namespace, metric.name, filter.name
                        ))
                    }
                    Ok(Err(why)) => {
                        broken.get_or_insert(why);
                    }
                    Err(why) => {
                        unknown.get_or_insert(why);
                    }
                }
            }
        }
    }
    if let Some(why) = unknown {
        return Link::Unknown(why);
    }
    Link::Broken(broken.unwrap_or_else(|| {
        format!("no alarm in {region} watches the metric of filter {} on log group {group}", filters[0].name)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_group_arns_are_split() {
        assert_eq!(
            log_group_of_arn("arn:aws:logs:us-east-1:123456789012:log-group:trail/logs:*"),
            Some(("us-east-1", "trail/logs"))
        );
        assert_eq!(log_group_of_arn("arn:aws:logs:eu-west-1:1:log-group:x"), Some(("eu-west-1", "x")));
        assert_eq!(log_group_of_arn("arn:aws:s3:::bucket"), None);
    }
}
