//! OpenSearch Service of one region: domain names (one `ListDomainNames`), then
//! `DescribeDomains` five names at a time (the most it takes).
use crate::unit::{client, Unit};
use aws_sdk_opensearch::types::DomainStatus;
use futures::StreamExt;
use wasp_model::opensearch::Domain;
use wasp_model::{Inventory, Setting};

/// Names per `DescribeDomains` call (the most AWS allows).
const BATCH: usize = 5;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let os = client!(aws_sdk_opensearch, unit);
    let Some(listed) = unit.read("ListDomainNames", os.list_domain_names().send().await).ok() else { return };
    let names: Vec<String> = listed.domain_names().iter().filter_map(|d| d.domain_name().map(str::to_owned)).collect();
    let batches: Vec<Vec<String>> = names.chunks(BATCH).map(<[String]>::to_vec).collect();
    let described: Vec<Vec<Domain>> = futures::stream::iter(batches)
        .map(|batch| {
            let os = &os;
            async move {
                let answer = os.describe_domains().set_domain_names(Some(batch)).send().await;
                unit.read("DescribeDomains", answer)
                    .ok()
                    .map(|out| out.domain_status_list().iter().map(|d| domain(unit, d)).collect())
                    .unwrap_or_default()
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await;
    part.opensearch.domains = described.into_iter().flatten().collect();
}

fn domain(unit: &Unit, d: &DomainStatus) -> Domain {
    let security = d.advanced_security_options();
    let arn = d.arn().to_owned();
    let access_policy = match d.access_policies() {
        Some(text) => super::policy_document(unit, "DescribeDomains", &arn, Some(text)),
        None => Some(Setting::NotConfigured),
    };
    Domain {
        name: d.domain_name().to_owned(),
        region: unit.region.clone(),
        engine_version: d.engine_version().map(str::to_owned),
        deleted: d.deleted(),
        encryption_at_rest: d.encryption_at_rest_options().and_then(|e| e.enabled()),
        node_to_node_encryption: d.node_to_node_encryption_options().and_then(|e| e.enabled()),
        enforce_https: d.domain_endpoint_options().and_then(|e| e.enforce_https()),
        tls_policy: d.domain_endpoint_options().and_then(|e| e.tls_security_policy()).map(|p| p.as_str().to_owned()),
        // No VPC options: the endpoint is public.
        vpc_id: Some(match d.vpc_options().and_then(|v| v.vpc_id()).filter(|v| !v.is_empty()) {
            Some(vpc) => Setting::Configured(vpc.to_owned()),
            None => Setting::NotConfigured,
        }),
        access_policy,
        fine_grained_access_control: security.and_then(|s| s.enabled()),
        internal_user_database: security.and_then(|s| s.internal_user_database_enabled()),
        saml: security.map(|s| s.saml_options().and_then(|o| o.enabled()).unwrap_or(false)),
        cognito: Some(d.cognito_options().and_then(|c| c.enabled()).unwrap_or(false)),
        // AWS leaves the map out when no log is published.
        logs_enabled: Some(
            d.log_publishing_options()
                .map(|m| {
                    let mut on: Vec<String> = m
                        .iter()
                        .filter(|(_, o)| o.enabled() == Some(true))
                        .map(|(k, _)| k.as_str().to_owned())
                        .collect();
                    on.sort();
                    on
                })
                .unwrap_or_default(),
        ),
        update_available: d.service_software_options().and_then(|s| s.update_available()),
        arn,
        location: None,
    }
}
