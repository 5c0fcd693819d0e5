//! CloudWatch of one region: metric alarms, in one paginated call.
use crate::unit::{client, Unit};
use wasp_model::logs::{MetricAlarm, MetricRef};
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let cw = client!(aws_sdk_cloudwatch, unit);
    read_alarms(unit, &cw, part).await;
}

async fn read_alarms(unit: &Unit, cw: &aws_sdk_cloudwatch::Client, part: &mut Inventory) {
    let mut alarms = Vec::new();
    let mut pages = cw.describe_alarms().into_paginator().send();
    while let Some(page) = pages.next().await {
        // The region's list is complete or unread: a partial list would hide alarms.
        let Some(page) = unit.read("DescribeAlarms", page).ok() else { return };
        alarms.extend(page.metric_alarms().iter().filter_map(|a| {
            let name = a.alarm_name()?.to_owned();
            Some(MetricAlarm {
                arn: a.alarm_arn().map_or_else(|| unit.arn("cloudwatch", &format!("alarm:{name}")), str::to_owned),
                name,
                metric: metric(a),
                actions_enabled: a.actions_enabled(),
                alarm_actions: a.alarm_actions().to_vec(),
            })
        }));
    }
    part.logs.alarms.insert(unit.region.clone(), alarms);
}

/// The metric an alarm watches: its own, or the one metric of a metric-math alarm.
fn metric(a: &aws_sdk_cloudwatch::types::MetricAlarm) -> Option<MetricRef> {
    let of = |namespace: Option<&str>, name: Option<&str>| {
        Some(MetricRef { namespace: namespace?.to_owned(), name: name?.to_owned() })
    };
    if let Some(m) = of(a.namespace(), a.metric_name()) {
        return Some(m);
    }
    let mut stats = a.metrics().iter().filter_map(|q| q.metric_stat()?.metric());
    match (stats.next(), stats.next()) {
        (Some(m), None) => of(m.namespace(), m.metric_name()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::Shared;
    use aws_sdk_cloudwatch::operation::describe_alarms::{DescribeAlarmsError, DescribeAlarmsOutput};
    use aws_sdk_cloudwatch::types::MetricAlarm as SdkAlarm;
    use aws_smithy_mocks::{mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::GapKind;
    use wasp_model::Service;

    /// A unit whose SDK config answers nothing by itself: every call must meet a mock rule.
    async fn unit() -> Unit {
        let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_cloudwatch::config::Credentials::new("a", "b", None, None, "test"))
            .http_client(aws_smithy_mocks::create_mock_http_client())
            .retry_config(
                aws_config::retry::RetryConfig::standard()
                    .with_max_attempts(2)
                    .with_initial_backoff(std::time::Duration::from_millis(1)),
            )
            .load()
            .await;
        let shared = Shared { sdk, ..Shared::for_tests(&["us-east-1"]) };
        Unit::new(Arc::new(shared), Service::CloudWatch, "us-east-1".into())
    }

    async fn run(rules: &[&Rule]) -> (Unit, Inventory) {
        let unit = unit().await;
        let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::Sequential);
        for rule in rules {
            mocks = mocks.with_rule(rule);
        }
        let cw = client!(aws_sdk_cloudwatch, &unit, "us-east-1", |b| b.interceptor(mocks));
        let mut part = Inventory::default();
        read_alarms(&unit, &cw, &mut part).await;
        (unit, part)
    }

    fn alarm(name: &str, metric: &str) -> SdkAlarm {
        SdkAlarm::builder()
            .alarm_name(name)
            .alarm_arn(format!("arn:aws:cloudwatch:us-east-1:123456789012:alarm:{name}"))
            .namespace("CISBenchmark")
            .metric_name(metric)
            .actions_enabled(true)
            .alarm_actions("arn:aws:sns:us-east-1:123456789012:security")
            .build()
    }

    #[tokio::test]
    async fn alarms_are_read_across_pages() {
        let first = mock!(aws_sdk_cloudwatch::Client::describe_alarms)
            .match_requests(|r| r.next_token().is_none())
            .then_output(|| {
                DescribeAlarmsOutput::builder().metric_alarms(alarm("root", "RootUsage")).next_token("page-2").build()
            });
        let second = mock!(aws_sdk_cloudwatch::Client::describe_alarms)
            .match_requests(|r| r.next_token() == Some("page-2"))
            .then_output(|| DescribeAlarmsOutput::builder().metric_alarms(alarm("api", "UnauthorizedCalls")).build());
        let (unit, part) = run(&[&first, &second]).await;

        assert!(unit.take_gaps().is_empty());
        let alarms = &part.logs.alarms["us-east-1"];
        let names: Vec<&str> = alarms.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["root", "api"]);
        assert_eq!(alarms[0].metric, Some(MetricRef { namespace: "CISBenchmark".into(), name: "RootUsage".into() }));
        assert_eq!(alarms[0].actions_enabled, Some(true));
        assert_eq!(alarms[0].alarm_actions, ["arn:aws:sns:us-east-1:123456789012:security"]);
        assert_eq!(alarms[1].arn, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:api");
        assert_eq!((first.num_calls(), second.num_calls()), (1, 1));
        let calls = unit.shared.calls.rows();
        assert_eq!(calls.len(), 1);
        assert_eq!((calls[0].operation.as_str(), calls[0].count), ("DescribeAlarms", 2));
    }

    #[tokio::test]
    async fn throttling_past_the_retries_is_a_throttled_gap() {
        let throttled = mock!(aws_sdk_cloudwatch::Client::describe_alarms)
            .sequence()
            .error(|| {
                DescribeAlarmsError::generic(
                    ErrorMetadata::builder().code("Throttling").message("Rate exceeded").build(),
                )
            })
            .times(2)
            .build();
        let (unit, part) = run(&[&throttled]).await;

        assert_eq!(throttled.num_calls(), 2, "retried once, as configured");
        assert!(part.logs.alarms.is_empty(), "an unread region is absent, not empty");
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].kind, GapKind::Throttled);
        assert_eq!((gaps[0].service, gaps[0].operation.as_str()), (Service::CloudWatch, "DescribeAlarms"));
        assert_eq!(gaps[0].reason, "Throttling: Rate exceeded");
    }

    #[test]
    fn a_metric_math_alarm_with_one_metric_names_it() {
        use aws_sdk_cloudwatch::types::{Metric, MetricDataQuery, MetricStat};
        let query = |name: &str| {
            MetricDataQuery::builder()
                .id(name)
                .metric_stat(
                    MetricStat::builder().metric(Metric::builder().namespace("NS").metric_name(name).build()).build(),
                )
                .build()
        };
        let one = SdkAlarm::builder().metrics(query("m1")).build();
        assert_eq!(metric(&one), Some(MetricRef { namespace: "NS".into(), name: "m1".into() }));
        let two = SdkAlarm::builder().metrics(query("m1")).metrics(query("m2")).build();
        assert_eq!(metric(&two), None);
    }
}
