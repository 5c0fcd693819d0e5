use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// In every scanned region, AWS Config has a delivery channel that names an S3 bucket
    /// (`DescribeDeliveryChannels`). A recorder without a delivery channel cannot start, and
    /// without a bucket the configuration history and snapshots are kept nowhere. FAIL when
    /// the region has no delivery channel or none names a bucket; SKIP when the region's
    /// Config settings or its delivery channels could not be read. Whether the bucket exists
    /// or accepts Config's writes is not judged.
    ///
    /// ### Why it matters
    /// The delivery channel is where Config writes the configuration history investigations
    /// and audits replay; without it the recorder's work is lost.
    ///
    /// ### How to fix
    /// Create a delivery channel in every region pointing at a central, access-restricted log
    /// bucket (`aws configservice put-delivery-channel`), optionally with an SNS topic.
    ConfigDeliveryChannelConfigured {
        id: "config_delivery_channel_configured",
        title: "AWS Config delivers configuration history to S3 in every region",
        severity: Medium,
        service: Config,
        resource_kind: "region",
        best_practices: ["SEC04-BP01", "SEC04-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Config: [DescribeConfigurationRecorders, DescribeDeliveryChannels] },
        remediation: "Create a Config delivery channel to a central S3 bucket in every region.",
    }
}

impl ConfigDeliveryChannelConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            let channels = inv.detection.config.get(region).and_then(|c| c.delivery_channels.as_ref());
            let (status, message) = match channels {
                None => {
                    (Status::Skip, evidence::unknown_because(inv, Service::Config, region, "the delivery channels"))
                }
                Some(list) => match list.iter().find(|c| c.s3_bucket.as_deref().is_some_and(|b| !b.is_empty())) {
                    Some(c) => (
                        Status::Pass,
                        format!(
                            "delivery channel {} writes to bucket {}",
                            c.name,
                            c.s3_bucket.as_deref().unwrap_or_default()
                        ),
                    ),
                    None if list.is_empty() => (Status::Fail, "no Config delivery channel in this region".to_owned()),
                    None => (Status::Fail, "no Config delivery channel names an S3 bucket".to_owned()),
                },
            };
            out.in_region(status, "config", region, message);
        }
    }
}
