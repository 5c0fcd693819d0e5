//! AWS Config of one region: configuration recorders, what they record, and whether they are
//! recording.
use crate::unit::{client, Unit};
use aws_sdk_config::types::{RecorderStatus, RecordingGroup, RecordingStrategyType};
use wasp_model::detection::{
    ConfigAggregator, ConfigRecorder, ConfigRegion, DeliveryChannel, RecorderLastStatus, RecordingScope,
};
use wasp_model::Inventory;

/// The resource types a recording group covers: `None` when the answer does not say.
fn scope(group: Option<&RecordingGroup>) -> Option<RecordingScope> {
    let group = group?;
    let types = |list: &[aws_sdk_config::types::ResourceType]| list.iter().map(|t| t.as_str().to_owned()).collect();
    match group.recording_strategy().and_then(|s| s.use_only()) {
        Some(RecordingStrategyType::AllSupportedResourceTypes) => Some(RecordingScope::AllSupported),
        Some(RecordingStrategyType::ExclusionByResourceTypes) => Some(RecordingScope::AllExcept(
            group.exclusion_by_resource_types().map_or_else(Vec::new, |e| types(e.resource_types())),
        )),
        Some(RecordingStrategyType::InclusionByResourceTypes) => {
            Some(RecordingScope::Only(types(group.resource_types())))
        }
        // Recorders made before recording strategies say it with `allSupported`.
        _ if group.all_supported() => Some(RecordingScope::AllSupported),
        _ => Some(RecordingScope::Only(types(group.resource_types()))),
    }
}

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let config = client!(aws_sdk_config, unit);
    let answer = config.describe_configuration_recorders().send().await;
    let Some(answer) = unit.read("DescribeConfigurationRecorders", answer).ok() else { return };
    let mut recorders: Vec<ConfigRecorder> = answer
        .configuration_recorders()
        .iter()
        .map(|r| {
            let group = r.recording_group();
            ConfigRecorder {
                name: r.name().unwrap_or_default().to_owned(),
                scope: scope(group),
                include_global_resource_types: group.map(|g| g.include_global_resource_types()),
                recording: None,
                last_status: None,
            }
        })
        .collect();
    // Without a recorder there is no status to ask for.
    if !recorders.is_empty() {
        let answer = config.describe_configuration_recorder_status().send().await;
        if let Some(status) = unit.read("DescribeConfigurationRecorderStatus", answer).ok() {
            for s in status.configuration_recorders_status() {
                if let Some(r) = recorders.iter_mut().find(|r| Some(r.name.as_str()) == s.name()) {
                    r.recording = Some(s.recording());
                    r.last_status = s.last_status().map(|l| match l {
                        RecorderStatus::Pending => RecorderLastStatus::Pending,
                        RecorderStatus::Success => RecorderLastStatus::Success,
                        RecorderStatus::Failure => RecorderLastStatus::Failure,
                        _ => RecorderLastStatus::Other,
                    });
                }
            }
        }
    }
    let (delivery_channels, aggregators) = futures::join!(delivery_channels(unit, &config), aggregators(unit, &config));
    part.detection.config.insert(unit.region.clone(), ConfigRegion { recorders, delivery_channels, aggregators });
}

async fn delivery_channels(unit: &Unit, config: &aws_sdk_config::Client) -> Option<Vec<DeliveryChannel>> {
    let answer = unit.read("DescribeDeliveryChannels", config.describe_delivery_channels().send().await).ok()?;
    Some(
        answer
            .delivery_channels()
            .iter()
            .map(|c| DeliveryChannel {
                name: c.name().unwrap_or_default().to_owned(),
                s3_bucket: c.s3_bucket_name().map(str::to_owned),
                sns_topic_arn: c.sns_topic_arn().map(str::to_owned),
            })
            .collect(),
    )
}

async fn aggregators(unit: &Unit, config: &aws_sdk_config::Client) -> Option<Vec<ConfigAggregator>> {
    let mut out = Vec::new();
    let mut pages = config.describe_configuration_aggregators().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("DescribeConfigurationAggregators", page).ok()?;
        out.extend(page.configuration_aggregators().iter().map(|a| {
            let org = a.organization_aggregation_source();
            let accounts = a.account_aggregation_sources();
            ConfigAggregator {
                arn: a.configuration_aggregator_arn().unwrap_or_default().to_owned(),
                name: a.configuration_aggregator_name().unwrap_or_default().to_owned(),
                organization: org.is_some(),
                all_regions: org.map_or(!accounts.is_empty() && accounts.iter().all(|s| s.all_aws_regions()), |o| {
                    o.all_aws_regions()
                }),
                account_ids: accounts.iter().flat_map(|s| s.account_ids().iter().cloned()).collect(),
            }
        }));
    }
    Some(out)
}
