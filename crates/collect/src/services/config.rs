//! AWS Config of one region: configuration recorders, what they record, and whether they are
//! recording.
use crate::unit::{client, Unit};
use aws_sdk_config::types::{RecorderStatus, RecordingGroup, RecordingStrategyType};
use wasp_model::detection::{ConfigRecorder, ConfigRegion, RecorderLastStatus, RecordingScope};
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
    part.detection.config.insert(unit.region.clone(), ConfigRegion { recorders });
}
