//! CloudTrail trails.
use super::{as_bool, as_text, Builder, Res};
use serde_json::Value as Json;
use wasp_model::cloudtrail::{ManagementEvents, Trail};

/// `AWS::CloudTrail::Trail`: single-region, no log file validation, no KMS key unless set;
/// global service events included; management events read and write unless event selectors
/// say otherwise.
pub fn trail(b: &mut Builder<'_>, r: &Res<'_>) {
    let management_events = match b.read(r, &["EventSelectors"]) {
        Ok(None) => Some(ManagementEvents::All),
        Ok(Some(Json::Array(selectors))) if selectors.is_empty() => Some(ManagementEvents::All),
        Ok(Some(Json::Array(selectors))) => {
            let mut read = false;
            let mut write = false;
            for s in &selectors {
                if s.get("IncludeManagementEvents").and_then(as_bool).unwrap_or(true) {
                    match s.get("ReadWriteType").and_then(as_text).as_deref() {
                        Some("ReadOnly") => read = true,
                        Some("WriteOnly") => write = true,
                        _ => (read, write) = (true, true),
                    }
                }
            }
            Some(match (read, write) {
                (true, true) => ManagementEvents::All,
                (true, false) => ManagementEvents::ReadOnly,
                (false, true) => ManagementEvents::WriteOnly,
                (false, false) => ManagementEvents::None,
            })
        }
        _ => None,
    };
    let trail = Trail {
        arn: r.arn.clone(),
        name: r.name.clone(),
        region: b.ctx.region.clone(),
        multi_region: b.flag(r, &["IsMultiRegionTrail"], false),
        organization_trail: b.flag(r, &["IsOrganizationTrail"], false),
        log_file_validation: b.flag(r, &["EnableLogFileValidation"], false),
        kms_key_id: b.text(r, &["KMSKeyId"]).ok().flatten(),
        s3_bucket: b.text(r, &["S3BucketName"]).ok().flatten(),
        cloudwatch_logs_group_arn: b.text(r, &["CloudWatchLogsLogGroupArn"]).ok().flatten(),
        include_global_service_events: b.flag(r, &["IncludeGlobalServiceEvents"], true),
        is_logging: b.flag(r, &["IsLogging"], false),
        latest_delivery: None,
        management_events,
        // Data events are modelled only when the template records none.
        data_events: match (r.props.get("EventSelectors"), r.props.get("AdvancedEventSelectors")) {
            (None, None) => Some(Vec::new()),
            _ => None,
        },
        insight_types: match b.read(r, &["InsightSelectors"]) {
            Ok(Some(v)) => Some(
                v.as_array()
                    .map(|items| items.iter().filter_map(|i| i.get("InsightType").and_then(as_text)).collect())
                    .unwrap_or_default(),
            ),
            Ok(None) => Some(Vec::new()),
            Err(()) => None,
        },
        location: Some(r.location.clone()),
    };
    b.inv.cloudtrail.trails.push(trail);
}
