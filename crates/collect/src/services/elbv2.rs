//! ELBv2 of one region: every load balancer (one paginated `DescribeLoadBalancers`), then per
//! load balancer its listeners (`DescribeListeners`) and attributes
//! (`DescribeLoadBalancerAttributes`); AWS offers no bulk form of either.
use crate::unit::{client, Unit};
use aws_sdk_elasticloadbalancingv2::types::{
    ActionTypeEnum, Listener as SdkListener, LoadBalancer as SdkLoadBalancer, LoadBalancerSchemeEnum,
    LoadBalancerTypeEnum,
};
use aws_sdk_elasticloadbalancingv2::Client;
use futures::StreamExt;
use wasp_model::elbv2::{Listener, LoadBalancer, LoadBalancerAttributes, LoadBalancerKind, Scheme};
use wasp_model::Inventory;

/// Load balancers per page (the most ELBv2 allows).
const PAGE: i32 = 400;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let elb = client!(aws_sdk_elasticloadbalancingv2, unit);
    part.elbv2.load_balancers = load_balancers(unit, &elb).await;
}

async fn load_balancers(unit: &Unit, elb: &Client) -> Vec<LoadBalancer> {
    let mut listed = Vec::new();
    let mut pages = elb.describe_load_balancers().page_size(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeLoadBalancers", page).ok() else { break };
        listed.extend(page.load_balancers().iter().filter_map(|lb| load_balancer(unit, lb)));
    }
    futures::stream::iter(listed)
        .map(|lb| async move {
            let (listeners, attributes) = futures::join!(listeners(unit, elb, &lb.arn), attributes(unit, elb, &lb.arn));
            LoadBalancer { listeners, attributes, ..lb }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

fn load_balancer(unit: &Unit, lb: &SdkLoadBalancer) -> Option<LoadBalancer> {
    Some(LoadBalancer {
        arn: lb.load_balancer_arn()?.to_owned(),
        name: lb.load_balancer_name().unwrap_or_default().to_owned(),
        region: unit.region.clone(),
        kind: lb.r#type().and_then(|t| match t {
            LoadBalancerTypeEnum::Application => Some(LoadBalancerKind::Application),
            LoadBalancerTypeEnum::Network => Some(LoadBalancerKind::Network),
            LoadBalancerTypeEnum::Gateway => Some(LoadBalancerKind::Gateway),
            _ => None,
        }),
        scheme: lb.scheme().and_then(|s| match s {
            LoadBalancerSchemeEnum::InternetFacing => Some(Scheme::InternetFacing),
            LoadBalancerSchemeEnum::Internal => Some(Scheme::Internal),
            _ => None,
        }),
        vpc_id: lb.vpc_id().map(str::to_owned),
        dns_name: lb.dns_name().map(str::to_owned),
        listeners: None,
        attributes: None,
        location: None,
    })
}

/// Every listener, or `None` when any page failed: a partial list could hide a plain one.
async fn listeners(unit: &Unit, elb: &Client, arn: &str) -> Option<Vec<Listener>> {
    let mut out = Vec::new();
    let mut pages = elb.describe_listeners().load_balancer_arn(arn).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read_for("DescribeListeners", arn, page).ok()?;
        out.extend(page.listeners().iter().map(listener));
    }
    Some(out)
}

fn listener(l: &SdkListener) -> Listener {
    let actions = l.default_actions();
    let redirects_to_https = !actions.is_empty()
        && actions.iter().all(|a| {
            a.r#type() == Some(&ActionTypeEnum::Redirect)
                && a.redirect_config().and_then(|r| r.protocol()).is_some_and(|p| p.eq_ignore_ascii_case("HTTPS"))
        });
    Listener {
        arn: l.listener_arn().unwrap_or_default().to_owned(),
        port: l.port(),
        protocol: l.protocol().map(|p| p.as_str().to_owned()),
        ssl_policy: l.ssl_policy().map(str::to_owned),
        certificate_arns: l.certificates().iter().filter_map(|c| c.certificate_arn()).map(str::to_owned).collect(),
        redirects_to_https,
    }
}

async fn attributes(unit: &Unit, elb: &Client, arn: &str) -> Option<LoadBalancerAttributes> {
    let answer = elb.describe_load_balancer_attributes().load_balancer_arn(arn).send().await;
    let out = unit.read_for("DescribeLoadBalancerAttributes", arn, answer).ok()?;
    let value = |key: &str| out.attributes().iter().find(|a| a.key() == Some(key)).and_then(|a| a.value());
    let flag = |key: &str| value(key).map(|v| v.eq_ignore_ascii_case("true"));
    Some(LoadBalancerAttributes {
        access_logs: flag("access_logs.s3.enabled"),
        deletion_protection: flag("deletion_protection.enabled"),
        drop_invalid_header_fields: flag("routing.http.drop_invalid_header_fields.enabled"),
        desync_mitigation_mode: value("routing.http.desync_mitigation_mode").map(str::to_owned),
    })
}
