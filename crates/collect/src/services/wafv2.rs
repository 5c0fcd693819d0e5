//! WAFv2 of one region: the regional web ACLs (and, in us-east-1, CloudFront's), each read with
//! `GetWebACL`; logging configurations in bulk (`ListLoggingConfigurations`, one list per
//! scope); and, for regional ACLs, the Application Load Balancers they protect
//! (`ListResourcesForWebACL`).
use crate::unit::{client, Unit};
use aws_sdk_wafv2::types::{ResourceType, Rule, Scope, WebAcl as SdkWebAcl};
use aws_sdk_wafv2::Client;
use futures::StreamExt;
use std::collections::HashMap;
use wasp_model::wafv2::{WafRule, WafScope, WebAcl};
use wasp_model::{Inventory, Setting};

/// Items per page (the most WAFv2 allows).
const PAGE: i32 = 100;

/// The region CloudFront's web ACLs live in.
const CLOUDFRONT_REGION: &str = "us-east-1";

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let waf = client!(aws_sdk_wafv2, unit);
    let mut acls = web_acls(unit, &waf, WafScope::Regional).await;
    if unit.region == CLOUDFRONT_REGION {
        acls.extend(web_acls(unit, &waf, WafScope::Cloudfront).await);
    }
    part.wafv2.web_acls = acls;
}

fn sdk_scope(scope: WafScope) -> Scope {
    match scope {
        WafScope::Regional => Scope::Regional,
        WafScope::Cloudfront => Scope::Cloudfront,
    }
}

/// The web ACLs of one scope, each read in full; an empty list when listing failed (a gap).
async fn web_acls(unit: &Unit, waf: &Client, scope: WafScope) -> Vec<WebAcl> {
    let mut listed = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let answer =
            waf.list_web_acls().scope(sdk_scope(scope)).limit(PAGE).set_next_marker(marker.take()).send().await;
        let Some(page) = unit.read("ListWebACLs", answer).ok() else { break };
        listed.extend(
            page.web_acls()
                .iter()
                .filter_map(|s| Some((s.arn()?.to_owned(), s.name()?.to_owned(), s.id()?.to_owned()))),
        );
        match page.next_marker().filter(|m| !m.is_empty() && !page.web_acls().is_empty()) {
            Some(next) => marker = Some(next.to_owned()),
            None => break,
        }
    }
    if listed.is_empty() {
        return Vec::new();
    }
    let logging = logging(unit, waf, scope).await;
    futures::stream::iter(listed)
        .map(|(arn, name, id)| {
            let logging = logging.as_ref().map(|l| match l.get(&arn) {
                Some(to) => Setting::Configured(to.clone()),
                None => Setting::NotConfigured,
            });
            async move {
                let answer = waf.get_web_acl().scope(sdk_scope(scope)).name(&name).id(&id).send().await;
                let acl = unit.read_for("GetWebACL", &arn, answer).ok().and_then(|o| o.web_acl().cloned());
                let load_balancers = match scope {
                    WafScope::Regional => load_balancers(unit, waf, &arn).await,
                    WafScope::Cloudfront => None,
                };
                WebAcl {
                    rules: acl.as_ref().map(|a| a.rules().iter().map(rule).collect()),
                    metrics_enabled: acl
                        .as_ref()
                        .and_then(SdkWebAcl::visibility_config)
                        .map(|v| v.cloud_watch_metrics_enabled()),
                    arn,
                    name,
                    region: unit.region.clone(),
                    scope,
                    logging,
                    load_balancers,
                    location: None,
                }
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

fn rule(r: &Rule) -> WafRule {
    WafRule {
        name: r.name().to_owned(),
        managed_by: r.statement().and_then(|s| s.managed_rule_group_statement()).map(|m| m.vendor_name().to_owned()),
        metrics_enabled: r.visibility_config().map(|v| v.cloud_watch_metrics_enabled()),
    }
}

/// Log destinations by web ACL ARN for one scope, or `None` when any page failed.
async fn logging(unit: &Unit, waf: &Client, scope: WafScope) -> Option<HashMap<String, Vec<String>>> {
    let mut by_acl = HashMap::new();
    let mut marker: Option<String> = None;
    loop {
        let answer = waf
            .list_logging_configurations()
            .scope(sdk_scope(scope))
            .limit(PAGE)
            .set_next_marker(marker.take())
            .send()
            .await;
        let page = unit.read("ListLoggingConfigurations", answer).ok()?;
        for config in page.logging_configurations() {
            by_acl.insert(config.resource_arn().to_owned(), config.log_destination_configs().to_vec());
        }
        match page.next_marker().filter(|m| !m.is_empty() && !page.logging_configurations().is_empty()) {
            Some(next) => marker = Some(next.to_owned()),
            None => return Some(by_acl),
        }
    }
}

async fn load_balancers(unit: &Unit, waf: &Client, arn: &str) -> Option<Vec<String>> {
    let answer = waf
        .list_resources_for_web_acl()
        .web_acl_arn(arn)
        .resource_type(ResourceType::ApplicationLoadBalancer)
        .send()
        .await;
    unit.read_for("ListResourcesForWebACL", arn, answer).ok().map(|o| o.resource_arns().to_vec())
}
