//! CloudTrail: the trails that apply to one region, with status and event selectors.
//!
//! `DescribeTrails` with shadow trails lists a multi-region trail in every region. Each trail is
//! kept, and its status and selectors read, by one unit only: its home region's, or, when the
//! home region is out of scope, the first region in scope. Status and selectors are always
//! asked of the trail's home region, which holds the trail itself (moto, for one, cannot find
//! a shadow trail's selectors elsewhere), so each trail appears once and costs those calls
//! once.
use crate::unit::{client, Read, Unit};
use aws_sdk_cloudtrail::operation::get_event_selectors::GetEventSelectorsOutput;
use futures::StreamExt;
use wasp_model::cloudtrail::{DataEvents, ManagementEvents, Trail};
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let ct = client!(aws_sdk_cloudtrail, unit);
    let answer = ct.describe_trails().include_shadow_trails(true).send().await;
    let Some(answer) = unit.read("DescribeTrails", answer).ok() else { return };
    let trails: Vec<Trail> = answer
        .trail_list()
        .iter()
        .filter_map(|t| trail(unit, t))
        .filter(|t| reader_region(unit, &t.region) == unit.region)
        .collect();
    let ct = &ct;
    let trails = futures::stream::iter(trails)
        .map(|mut trail| async move {
            read_status(unit, ct, &mut trail).await;
            trail
        })
        .buffered(unit.inner_concurrency())
        .collect::<Vec<_>>()
        .await;
    part.cloudtrail.trails.extend(trails);
}

/// The one region whose unit keeps a trail whose home is `home`.
fn reader_region<'a>(unit: &'a Unit, home: &'a str) -> &'a str {
    let scope = &unit.shared.regions;
    if scope.is_empty() || scope.iter().any(|r| r == home) {
        home
    } else {
        &scope[0]
    }
}

fn trail(unit: &Unit, t: &aws_sdk_cloudtrail::types::Trail) -> Option<Trail> {
    let name = t.name()?.to_owned();
    let region = t.home_region().unwrap_or(&unit.region).to_owned();
    let arn = t.trail_arn().map_or_else(
        || format!("arn:{}:cloudtrail:{region}:{}:trail/{name}", unit.shared.partition, unit.account_id()),
        str::to_owned,
    );
    Some(Trail {
        arn,
        name,
        region,
        multi_region: t.is_multi_region_trail(),
        organization_trail: t.is_organization_trail(),
        log_file_validation: t.log_file_validation_enabled(),
        kms_key_id: t.kms_key_id().map(str::to_owned),
        s3_bucket: t.s3_bucket_name().map(str::to_owned),
        cloudwatch_logs_group_arn: t.cloud_watch_logs_log_group_arn().map(str::to_owned),
        include_global_service_events: t.include_global_service_events(),
        is_logging: None,
        latest_delivery: None,
        management_events: None,
        data_events: None,
        insight_types: None,
        location: None,
    })
}

async fn read_status(unit: &Unit, ct: &aws_sdk_cloudtrail::Client, trail: &mut Trail) {
    let home;
    let ct = if trail.region == unit.region {
        ct
    } else {
        home = client!(aws_sdk_cloudtrail, unit, &trail.region);
        &home
    };
    let (status, selectors, insights) = futures::join!(
        ct.get_trail_status().name(&trail.arn).send(),
        ct.get_event_selectors().trail_name(&trail.arn).send(),
        ct.get_insight_selectors().trail_name(&trail.arn).send(),
    );
    if let Some(status) = unit.read_for("GetTrailStatus", &trail.arn, status).ok() {
        trail.is_logging = status.is_logging();
        trail.latest_delivery =
            status.latest_delivery_time().and_then(|t| chrono::DateTime::from_timestamp(t.secs(), t.subsec_nanos()));
    }
    if let Some(selectors) = unit.read_for("GetEventSelectors", &trail.arn, selectors).ok() {
        trail.management_events = Some(management_events(&selectors));
        trail.data_events = Some(data_events(&selectors));
    }
    // `InsightNotEnabledException` is AWS's answer for a trail without Insights.
    trail.insight_types = match unit.read_for("GetInsightSelectors", &trail.arn, insights) {
        Read::Ok(out) => Some(
            out.insight_selectors().iter().filter_map(|i| i.insight_type()).map(|t| t.as_str().to_owned()).collect(),
        ),
        Read::NotConfigured => Some(Vec::new()),
        Read::Gap => None,
    };
}

/// Whether a data resource value names every resource of its type: `arn:aws:s3`,
/// `arn:aws:s3:::` or `arn:aws:lambda` (any partition).
fn names_every_resource(value: &str) -> bool {
    let mut parts = value.split(':');
    let (Some("arn"), Some(_partition), Some(_service)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    parts.all(str::is_empty)
}

/// The data events the selectors record, per resource type. Basic selectors cover every
/// resource of a type when a value is the bare service ARN; advanced selectors of the `Data`
/// category cover every resource when they restrict only `resources.type` and `readOnly`.
fn data_events(out: &GetEventSelectorsOutput) -> Vec<DataEvents> {
    let mut events = Vec::new();
    for s in out.event_selectors() {
        let (read, write) = match s.read_write_type().map(|t| t.as_str()) {
            Some("ReadOnly") => (true, false),
            Some("WriteOnly") => (false, true),
            _ => (true, true),
        };
        for r in s.data_resources() {
            let Some(kind) = r.r#type() else { continue };
            let all_resources = r.values().iter().any(|v| names_every_resource(v));
            events.push(DataEvents { resource_type: kind.to_owned(), read, write, all_resources });
        }
    }
    for s in out.advanced_event_selectors() {
        let fields = s.field_selectors();
        let data = fields.iter().any(|f| f.field() == "eventCategory" && f.equals().iter().any(|v| v == "Data"));
        if !data {
            continue;
        }
        let admits = |value: &str| {
            fields.iter().filter(|f| f.field() == "readOnly").all(|f| {
                (f.equals().is_empty() || f.equals().iter().any(|v| v.eq_ignore_ascii_case(value)))
                    && !f.not_equals().iter().any(|v| v.eq_ignore_ascii_case(value))
            })
        };
        let all_resources = fields.iter().all(|f| matches!(f.field(), "eventCategory" | "resources.type" | "readOnly"));
        for f in fields.iter().filter(|f| f.field() == "resources.type") {
            for kind in f.equals() {
                events.push(DataEvents {
                    resource_type: kind.clone(),
                    read: admits("true"),
                    write: admits("false"),
                    all_resources,
                });
            }
        }
    }
    events
}

/// Which management events the selectors record. Basic selectors count unless they exclude
/// management events; advanced selectors count when they select the `Management` category,
/// restricted only by a `readOnly` field.
fn management_events(out: &GetEventSelectorsOutput) -> ManagementEvents {
    let (mut read, mut write) = (false, false);
    for s in out.event_selectors() {
        if s.include_management_events() == Some(false) {
            continue;
        }
        match s.read_write_type().map(|t| t.as_str()) {
            Some("ReadOnly") => read = true,
            Some("WriteOnly") => write = true,
            _ => (read, write) = (true, true),
        }
    }
    for s in out.advanced_event_selectors() {
        let fields = s.field_selectors();
        let management =
            fields.iter().any(|f| f.field() == "eventCategory" && f.equals().iter().any(|v| v == "Management"));
        if !management {
            continue;
        }
        // The values of `readOnly` the selector admits.
        let admits = |value: &str| {
            fields.iter().filter(|f| f.field() == "readOnly").all(|f| {
                (f.equals().is_empty() || f.equals().iter().any(|v| v.eq_ignore_ascii_case(value)))
                    && !f.not_equals().iter().any(|v| v.eq_ignore_ascii_case(value))
            })
        };
        read |= admits("true");
        write |= admits("false");
    }
    match (read, write) {
        (true, true) => ManagementEvents::All,
        (true, false) => ManagementEvents::ReadOnly,
        (false, true) => ManagementEvents::WriteOnly,
        (false, false) => ManagementEvents::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_cloudtrail::types::{AdvancedEventSelector, AdvancedFieldSelector, EventSelector, ReadWriteType};

    fn field(name: &str, equals: &[&str], not_equals: &[&str]) -> AdvancedFieldSelector {
        let mut f = AdvancedFieldSelector::builder().field(name);
        for v in equals {
            f = f.equals(*v);
        }
        for v in not_equals {
            f = f.not_equals(*v);
        }
        f.build().unwrap()
    }

    fn advanced(fields: Vec<AdvancedFieldSelector>) -> GetEventSelectorsOutput {
        let selector = AdvancedEventSelector::builder().set_field_selectors(Some(fields)).build().unwrap();
        GetEventSelectorsOutput::builder().advanced_event_selectors(selector).build()
    }

    fn basic(selectors: Vec<EventSelector>) -> GetEventSelectorsOutput {
        GetEventSelectorsOutput::builder().set_event_selectors(Some(selectors)).build()
    }

    #[test]
    fn basic_selectors() {
        let all = EventSelector::builder().read_write_type(ReadWriteType::All).include_management_events(true).build();
        assert_eq!(management_events(&basic(vec![all])), ManagementEvents::All);
        let defaults = EventSelector::builder().build();
        assert_eq!(management_events(&basic(vec![defaults])), ManagementEvents::All);
        let reads = EventSelector::builder().read_write_type(ReadWriteType::ReadOnly).build();
        assert_eq!(management_events(&basic(vec![reads.clone()])), ManagementEvents::ReadOnly);
        let writes = EventSelector::builder().read_write_type(ReadWriteType::WriteOnly).build();
        assert_eq!(management_events(&basic(vec![reads, writes])), ManagementEvents::All);
        let data_only = EventSelector::builder().include_management_events(false).build();
        assert_eq!(management_events(&basic(vec![data_only])), ManagementEvents::None);
        assert_eq!(management_events(&basic(vec![])), ManagementEvents::None);
    }

    #[test]
    fn advanced_selectors() {
        let category = || field("eventCategory", &["Management"], &[]);
        assert_eq!(management_events(&advanced(vec![category()])), ManagementEvents::All);
        let excluded_source = field("eventSource", &[], &["kms.amazonaws.com"]);
        assert_eq!(management_events(&advanced(vec![category(), excluded_source])), ManagementEvents::All);
        let reads = field("readOnly", &["true"], &[]);
        assert_eq!(management_events(&advanced(vec![category(), reads])), ManagementEvents::ReadOnly);
        let not_reads = field("readOnly", &[], &["true"]);
        assert_eq!(management_events(&advanced(vec![category(), not_reads])), ManagementEvents::WriteOnly);
        let data = field("eventCategory", &["Data"], &[]);
        assert_eq!(management_events(&advanced(vec![data])), ManagementEvents::None);
    }
}
