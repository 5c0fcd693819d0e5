//! CloudFront (global): every distribution (one paginated `ListDistributions`, whose summaries
//! carry origins, behaviours, certificate and web ACL), then per distribution its
//! configuration (`GetDistributionConfig`) for the two settings the summary lacks: the default
//! root object and standard logging.
use crate::unit::{client, Unit};
use aws_sdk_cloudfront::types::{DistributionSummary, Origin as SdkOrigin};
use aws_sdk_cloudfront::Client;
use futures::StreamExt;
use wasp_model::cloudfront::{CacheBehavior, CustomOrigin, Distribution, Origin, ViewerCertificate};
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let cloudfront = client!(aws_sdk_cloudfront, unit);
    part.cloudfront.distributions = distributions(unit, &cloudfront).await;
}

async fn distributions(unit: &Unit, cloudfront: &Client) -> Vec<Distribution> {
    let mut listed = Vec::new();
    let mut pages = cloudfront.list_distributions().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListDistributions", page).ok() else { break };
        listed.extend(page.distribution_list().into_iter().flat_map(|l| l.items()).map(distribution));
    }
    futures::stream::iter(listed)
        .map(|d| async move {
            let answer = cloudfront.get_distribution_config().id(&d.id).send().await;
            let Some(config) = unit.read_for("GetDistributionConfig", &d.arn, answer).ok() else { return d };
            let config = config.distribution_config();
            Distribution {
                default_root_object: config.map(|c| c.default_root_object().unwrap_or_default().to_owned()),
                logging_enabled: config.map(|c| c.logging().is_some_and(|l| l.enabled())),
                ..d
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

fn distribution(d: &DistributionSummary) -> Distribution {
    let mut cache_behaviors = Vec::new();
    if let Some(b) = d.default_cache_behavior() {
        cache_behaviors.push(CacheBehavior {
            path_pattern: None,
            viewer_protocol_policy: b.viewer_protocol_policy().as_str().to_owned(),
            field_level_encryption_id: b.field_level_encryption_id().filter(|s| !s.is_empty()).map(str::to_owned),
            realtime_log_config_arn: b.realtime_log_config_arn().filter(|s| !s.is_empty()).map(str::to_owned),
        });
    }
    for b in d.cache_behaviors().map(|c| c.items()).unwrap_or_default() {
        cache_behaviors.push(CacheBehavior {
            path_pattern: Some(b.path_pattern().to_owned()),
            viewer_protocol_policy: b.viewer_protocol_policy().as_str().to_owned(),
            field_level_encryption_id: b.field_level_encryption_id().filter(|s| !s.is_empty()).map(str::to_owned),
            realtime_log_config_arn: b.realtime_log_config_arn().filter(|s| !s.is_empty()).map(str::to_owned),
        });
    }
    Distribution {
        arn: d.arn().to_owned(),
        id: d.id().to_owned(),
        domain_name: Some(d.domain_name().to_owned()),
        aliases: d.aliases().map(|a| a.items().to_vec()).unwrap_or_default(),
        enabled: Some(d.enabled()),
        cache_behaviors,
        origins: d.origins().map(|o| o.items()).unwrap_or_default().iter().map(origin).collect(),
        viewer_certificate: d.viewer_certificate().map(|c| ViewerCertificate {
            cloudfront_default: c.cloud_front_default_certificate() == Some(true),
            acm_certificate_arn: c.acm_certificate_arn().filter(|s| !s.is_empty()).map(str::to_owned),
            iam_certificate_id: c.iam_certificate_id().filter(|s| !s.is_empty()).map(str::to_owned),
            ssl_support_method: c.ssl_support_method().map(|m| m.as_str().to_owned()),
            minimum_protocol_version: c.minimum_protocol_version().map(|m| m.as_str().to_owned()),
        }),
        web_acl_id: Some(d.web_acl_id()).filter(|s| !s.is_empty()).map(str::to_owned),
        geo_restriction: d
            .restrictions()
            .and_then(|r| r.geo_restriction())
            .map(|g| g.restriction_type().as_str().to_owned()),
        default_root_object: None,
        logging_enabled: None,
        location: None,
    }
}

fn origin(o: &SdkOrigin) -> Origin {
    Origin {
        id: o.id().to_owned(),
        domain_name: o.domain_name().to_owned(),
        s3_origin_access_identity: o.s3_origin_config().map(|s| s.origin_access_identity().to_owned()),
        origin_access_control_id: o.origin_access_control_id().filter(|s| !s.is_empty()).map(str::to_owned),
        custom: o.custom_origin_config().map(|c| CustomOrigin {
            protocol_policy: c.origin_protocol_policy().as_str().to_owned(),
            ssl_protocols: c
                .origin_ssl_protocols()
                .map(|p| p.items().iter().map(|i| i.as_str().to_owned()).collect())
                .unwrap_or_default(),
        }),
    }
}
