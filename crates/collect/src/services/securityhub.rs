//! Security Hub of one region: whether a hub exists, and its enabled standards.
use crate::unit::{client, Read, Unit};
use wasp_model::detection::SecurityHub;
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let sh = client!(aws_sdk_securityhub, unit);
    let hub = match unit.read("DescribeHub", sh.describe_hub().send().await) {
        Read::Ok(hub) => hub,
        // `InvalidAccessException`: the account is not subscribed in this region.
        Read::NotConfigured => {
            part.detection.securityhub.insert(unit.region.clone(), Setting::NotConfigured);
            return;
        }
        Read::Gap => return,
    };
    let hub = SecurityHub {
        hub_arn: hub.hub_arn().map_or_else(|| unit.arn("securityhub", "hub/default"), str::to_owned),
        subscribed_at: hub
            .subscribed_at()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&chrono::Utc)),
    };
    part.detection.securityhub.insert(unit.region.clone(), Setting::Configured(hub));
}
