//! CloudWatch Logs of one region: log groups and metric filters, each in one paginated call.
use crate::unit::{client, Unit};
use wasp_model::logs::{LogGroup, MetricFilter, MetricRef};
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let logs = client!(aws_sdk_cloudwatchlogs, unit);
    let (groups, filters) = futures::join!(log_groups(unit, &logs), metric_filters(unit, &logs));
    part.logs.log_groups.extend(groups);
    part.logs.metric_filters.extend(filters);
}

async fn log_groups(unit: &Unit, logs: &aws_sdk_cloudwatchlogs::Client) -> Vec<LogGroup> {
    let mut out = Vec::new();
    let mut pages = logs.describe_log_groups().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeLogGroups", page).ok() else { break };
        out.extend(page.log_groups().iter().filter_map(|g| {
            let name = g.log_group_name()?.to_owned();
            // `arn` ends in `:*`; `logGroupArn` is the group's own ARN.
            let arn = g
                .log_group_arn()
                .or_else(|| g.arn().map(|a| a.strip_suffix(":*").unwrap_or(a)))
                .map_or_else(|| unit.arn("logs", &format!("log-group:{name}")), str::to_owned);
            Some(LogGroup {
                arn,
                region: unit.region.clone(),
                retention_days: g.retention_in_days().and_then(|d| u32::try_from(d).ok()),
                kms_key_id: g.kms_key_id().map(str::to_owned),
                created: g.creation_time().and_then(chrono::DateTime::from_timestamp_millis),
                name,
                location: None,
            })
        }));
    }
    out
}

async fn metric_filters(unit: &Unit, logs: &aws_sdk_cloudwatchlogs::Client) -> Vec<MetricFilter> {
    let mut out = Vec::new();
    let mut pages = logs.describe_metric_filters().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeMetricFilters", page).ok() else { break };
        out.extend(page.metric_filters().iter().filter_map(|f| {
            Some(MetricFilter {
                name: f.filter_name()?.to_owned(),
                region: unit.region.clone(),
                log_group_name: f.log_group_name()?.to_owned(),
                pattern: f.filter_pattern().unwrap_or_default().to_owned(),
                metrics: f
                    .metric_transformations()
                    .iter()
                    .map(|m| MetricRef { namespace: m.metric_namespace().to_owned(), name: m.metric_name().to_owned() })
                    .collect(),
            })
        }));
    }
    out
}
