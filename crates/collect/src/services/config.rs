//! AWS Config of one region: configuration recorders, whether they record, delivery channels.
use crate::unit::{client, Unit};
use aws_sdk_config::types::RecordingStrategyType;
use wasp_model::detection::{ConfigRecorder, ConfigRegion};
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let config = client!(aws_sdk_config, unit);
    let answer = config.describe_configuration_recorders().send().await;
    let Some(answer) = unit.read("DescribeConfigurationRecorders", answer).ok() else { return };
    let mut recorders: Vec<ConfigRecorder> = answer
        .configuration_recorders()
        .iter()
        .map(|r| {
            let group = r.recording_group();
            let all_by_strategy = group
                .and_then(|g| g.recording_strategy())
                .and_then(|s| s.use_only())
                .is_some_and(|s| *s == RecordingStrategyType::AllSupportedResourceTypes);
            ConfigRecorder {
                name: r.name().unwrap_or_default().to_owned(),
                all_supported: group.is_some_and(|g| g.all_supported()) || all_by_strategy,
                include_global_resource_types: group.is_some_and(|g| g.include_global_resource_types()),
                recording: None,
                last_status: None,
            }
        })
        .collect();
    // Without a recorder there is no status to ask for.
    let status = async {
        if recorders.is_empty() {
            return None;
        }
        let answer = config.describe_configuration_recorder_status().send().await;
        unit.read("DescribeConfigurationRecorderStatus", answer).ok()
    };
    let channels = async {
        let answer = config.describe_delivery_channels().send().await;
        unit.read("DescribeDeliveryChannels", answer).ok()
    };
    let (status, channels) = futures::join!(status, channels);
    if let Some(status) = status {
        for s in status.configuration_recorders_status() {
            if let Some(r) = recorders.iter_mut().find(|r| Some(r.name.as_str()) == s.name()) {
                r.recording = Some(s.recording());
                r.last_status = s.last_status().map(|l| l.as_str().to_owned());
            }
        }
    }
    // The model has no "unread" for the channel list: a failed read leaves it empty and the
    // gap explains it.
    let delivery_channels = channels
        .map(|c| c.delivery_channels().iter().filter_map(|d| d.name().map(str::to_owned)).collect())
        .unwrap_or_default();
    part.detection.config.insert(unit.region.clone(), ConfigRegion { recorders, delivery_channels });
}
