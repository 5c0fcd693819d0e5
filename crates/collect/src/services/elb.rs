//! Classic Load Balancers of one region: every load balancer (one paginated
//! `DescribeLoadBalancers`, listeners included), then per load balancer its policies
//! (`DescribeLoadBalancerPolicies`, for the TLS negotiation policies) and attributes
//! (`DescribeLoadBalancerAttributes`); AWS offers no bulk form of either.
use crate::unit::{client, Unit};
use aws_sdk_elasticloadbalancing::types::LoadBalancerDescription;
use aws_sdk_elasticloadbalancing::Client;
use futures::StreamExt;
use wasp_model::elb::{ClassicAttributes, ClassicListener, ClassicLoadBalancer, SslNegotiationPolicy};
use wasp_model::elbv2::Scheme;
use wasp_model::Inventory;

/// Load balancers per page (the most the API allows).
const PAGE: i32 = 400;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let elb = client!(aws_sdk_elasticloadbalancing, unit);
    part.elb.load_balancers = load_balancers(unit, &elb).await;
}

async fn load_balancers(unit: &Unit, elb: &Client) -> Vec<ClassicLoadBalancer> {
    let mut listed = Vec::new();
    let mut pages = elb.describe_load_balancers().page_size(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeLoadBalancers", page).ok() else { break };
        listed.extend(page.load_balancer_descriptions().iter().filter_map(|lb| load_balancer(unit, lb)));
    }
    futures::stream::iter(listed)
        .map(|lb| async move {
            let (ssl_policies, attributes) = futures::join!(ssl_policies(unit, elb, &lb), attributes(unit, elb, &lb));
            ClassicLoadBalancer { ssl_policies, attributes, ..lb }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

fn load_balancer(unit: &Unit, lb: &LoadBalancerDescription) -> Option<ClassicLoadBalancer> {
    let name = lb.load_balancer_name()?.to_owned();
    Some(ClassicLoadBalancer {
        arn: unit.arn("elasticloadbalancing", &format!("loadbalancer/{name}")),
        region: unit.region.clone(),
        scheme: lb.scheme().and_then(|s| match s {
            "internet-facing" => Some(Scheme::InternetFacing),
            "internal" => Some(Scheme::Internal),
            _ => None,
        }),
        dns_name: lb.dns_name().map(str::to_owned),
        listeners: lb
            .listener_descriptions()
            .iter()
            .filter_map(|d| {
                let l = d.listener()?;
                Some(ClassicListener {
                    protocol: l.protocol().to_ascii_uppercase(),
                    port: l.load_balancer_port(),
                    instance_protocol: l.instance_protocol().map(str::to_ascii_uppercase),
                    certificate_id: l.ssl_certificate_id().map(str::to_owned),
                    policy_names: d.policy_names().to_vec(),
                })
            })
            .collect(),
        name,
        ssl_policies: None,
        attributes: None,
        location: None,
    })
}

/// The load balancer's TLS negotiation policies, with the protocols each enables.
async fn ssl_policies(unit: &Unit, elb: &Client, lb: &ClassicLoadBalancer) -> Option<Vec<SslNegotiationPolicy>> {
    let answer = elb.describe_load_balancer_policies().load_balancer_name(&lb.name).send().await;
    let out = unit.read_for("DescribeLoadBalancerPolicies", &lb.arn, answer).ok()?;
    Some(
        out.policy_descriptions()
            .iter()
            .filter(|p| p.policy_type_name() == Some("SSLNegotiationPolicyType"))
            .map(|p| {
                let attributes = p.policy_attribute_descriptions();
                SslNegotiationPolicy {
                    name: p.policy_name().unwrap_or_default().to_owned(),
                    reference_policy: attributes
                        .iter()
                        .find(|a| a.attribute_name() == Some("Reference-Security-Policy"))
                        .and_then(|a| a.attribute_value())
                        .map(str::to_owned),
                    protocols: attributes
                        .iter()
                        .filter(|a| a.attribute_value().is_some_and(|v| v.eq_ignore_ascii_case("true")))
                        .filter_map(|a| a.attribute_name()?.strip_prefix("Protocol-"))
                        .map(str::to_owned)
                        .collect(),
                }
            })
            .collect(),
    )
}

async fn attributes(unit: &Unit, elb: &Client, lb: &ClassicLoadBalancer) -> Option<ClassicAttributes> {
    let answer = elb.describe_load_balancer_attributes().load_balancer_name(&lb.name).send().await;
    let out = unit.read_for("DescribeLoadBalancerAttributes", &lb.arn, answer).ok()?;
    let attributes = out.load_balancer_attributes();
    Some(ClassicAttributes {
        access_logs: attributes.and_then(|a| a.access_log()).map(|l| l.enabled()),
        desync_mitigation_mode: attributes
            .into_iter()
            .flat_map(|a| a.additional_attributes())
            .find(|a| a.key() == Some("elb.http.desyncmitigationmode"))
            .and_then(|a| a.value())
            .map(str::to_owned),
    })
}
