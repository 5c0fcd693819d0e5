//! Route 53 (global): every hosted zone (one paginated `ListHostedZones`), query logging in
//! bulk (one paginated `ListQueryLoggingConfigs`), DNSSEC per public zone (`GetDNSSEC`), and
//! registered domains from Route 53 Domains in us-east-1 (`ListDomains`, then per domain
//! `GetDomainDetail` for contact privacy; the contacts themselves are dropped as read).
use crate::unit::{client, Unit};
use futures::StreamExt;
use std::collections::HashMap;
use wasp_model::route53::{Domain, DomainPrivacy, HostedZone};
use wasp_model::Inventory;

/// Route 53 Domains answers in us-east-1 only.
const DOMAINS_REGION: &str = "us-east-1";

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let route53 = client!(aws_sdk_route53, unit);
    let domains = client!(aws_sdk_route53domains, unit, DOMAINS_REGION);
    let (zones, registered) = futures::join!(hosted_zones(unit, &route53), registered_domains(unit, &domains));
    part.route53.hosted_zones = zones;
    part.route53.domains = registered;
}

/// `Z123` from `/hostedzone/Z123`.
fn zone_id(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

async fn hosted_zones(unit: &Unit, route53: &aws_sdk_route53::Client) -> Vec<HostedZone> {
    let mut listed = Vec::new();
    let mut pages = route53.list_hosted_zones().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListHostedZones", page).ok() else { break };
        for zone in page.hosted_zones() {
            let id = zone_id(zone.id()).to_owned();
            listed.push(HostedZone {
                arn: format!("arn:{}:route53:::hostedzone/{id}", unit.shared.partition),
                name: zone.name().to_owned(),
                private: zone.config().is_some_and(|c| c.private_zone()),
                id,
                query_logging: None,
                dnssec_status: None,
                location: None,
            });
        }
    }
    if listed.is_empty() {
        return listed;
    }
    let logging = query_logging(unit, route53).await;
    futures::stream::iter(listed)
        .map(|zone| {
            let query_logging = logging.as_ref().map(|l| l.get(&zone.id).cloned().unwrap_or_default());
            async move {
                let dnssec_status = if zone.private { None } else { dnssec(unit, route53, &zone).await };
                HostedZone { query_logging, dnssec_status, ..zone }
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

/// Log groups by hosted zone id, or `None` when any page failed.
async fn query_logging(unit: &Unit, route53: &aws_sdk_route53::Client) -> Option<HashMap<String, Vec<String>>> {
    let mut by_zone: HashMap<String, Vec<String>> = HashMap::new();
    let mut pages = route53.list_query_logging_configs().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListQueryLoggingConfigs", page).ok()?;
        for config in page.query_logging_configs() {
            by_zone
                .entry(zone_id(config.hosted_zone_id()).to_owned())
                .or_default()
                .push(config.cloud_watch_logs_log_group_arn().to_owned());
        }
    }
    Some(by_zone)
}

async fn dnssec(unit: &Unit, route53: &aws_sdk_route53::Client, zone: &HostedZone) -> Option<String> {
    let answer = route53.get_dnssec().hosted_zone_id(&zone.id).send().await;
    let out = unit.read_for("GetDNSSEC", &zone.arn, answer).ok()?;
    out.status().and_then(|s| s.serve_signature()).map(str::to_owned)
}

async fn registered_domains(unit: &Unit, domains: &aws_sdk_route53domains::Client) -> Option<Vec<Domain>> {
    let mut listed = Vec::new();
    let mut pages = domains.list_domains().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListDomains", page).ok()?;
        for d in page.domains() {
            let Some(name) = d.domain_name() else { continue };
            listed.push(Domain {
                arn: format!("arn:{}:route53domains:::domain/{name}", unit.shared.partition),
                name: name.to_owned(),
                auto_renew: d.auto_renew(),
                transfer_lock: d.transfer_lock(),
                expiry: d.expiry().and_then(|t| chrono::DateTime::from_timestamp(t.secs(), 0)),
                privacy: None,
                location: None,
            });
        }
    }
    Some(
        futures::stream::iter(listed)
            .map(|domain| async move {
                let answer = domains.get_domain_detail().domain_name(&domain.name).send().await;
                let privacy = unit.read_for("GetDomainDetail", &domain.arn, answer).ok().map(|d| DomainPrivacy {
                    registrant: d.registrant_privacy() == Some(true),
                    admin: d.admin_privacy() == Some(true),
                    tech: d.tech_privacy() == Some(true),
                });
                Domain { privacy, ..domain }
            })
            .buffered(unit.inner_concurrency())
            .collect()
            .await,
    )
}
