use crate::declare_check;
use wasp_model::elbv2::Scheme;
use wasp_model::{Inventory, Resource};

declare_check! {
    /// ### What it checks
    /// When the account subscribes to Shield Advanced, every enabled CloudFront distribution,
    /// internet-facing Application or Classic Load Balancer and public Route 53 hosted zone is
    /// among the resources it protects (`ListProtections`). Nothing is judged in an account
    /// without a subscription (`shield_advanced_subscribed` reports that). SKIP when the
    /// protections could not be read.
    ///
    /// ### Why it matters
    /// The subscription only covers resources registered as protections: an entry point left
    /// out gets none of the tuned detection, automatic mitigation or cost protection being
    /// paid for.
    ///
    /// ### How to fix
    /// `aws shield create-protection --name <name> --resource-arn <arn>` for each entry point,
    /// or let Firewall Manager add protections by policy.
    ShieldAdvancedProtectsEdgeResources {
        id: "shield_advanced_protects_edge_resources",
        title: "Shield Advanced protects every internet entry point",
        severity: Low,
        service: Shield,
        resource_kind: "edge_resource",
        best_practices: ["SEC05-BP03"],
        prowler: [
            "shield_advanced_protection_in_cloudfront_distributions",
            "shield_advanced_protection_in_internet_facing_load_balancers",
            "shield_advanced_protection_in_classic_load_balancers",
            "shield_advanced_protection_in_route53_hosted_zones",
        ],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: {
            Shield: [DescribeSubscription, ListProtections],
            CloudFront: [ListDistributions],
            Elbv2: [DescribeLoadBalancers],
            Elb: [DescribeLoadBalancers],
            Route53: [ListHostedZones],
        },
        remediation: "Register each internet entry point as a Shield Advanced protection.",
    }
}

impl ShieldAdvancedProtectsEdgeResources {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        if inv.shield.subscribed != Some(true) {
            return;
        }
        let mut edge: Vec<&dyn Resource> = Vec::new();
        edge.extend(
            inv.cloudfront.distributions.iter().filter(|d| d.enabled != Some(false)).map(|d| d as &dyn Resource),
        );
        edge.extend(
            inv.elbv2
                .load_balancers
                .iter()
                .filter(|lb| lb.is_application() && lb.scheme == Some(Scheme::InternetFacing))
                .map(|lb| lb as &dyn Resource),
        );
        edge.extend(
            inv.elb
                .load_balancers
                .iter()
                .filter(|lb| lb.scheme == Some(Scheme::InternetFacing))
                .map(|lb| lb as &dyn Resource),
        );
        edge.extend(inv.route53.hosted_zones.iter().filter(|z| !z.private).map(|z| z as &dyn Resource));
        for resource in edge {
            match &inv.shield.protected_resources {
                Some(protected) if protected.iter().any(|p| p == resource.arn()) => {
                    out.pass(resource, "protected by Shield Advanced")
                }
                Some(_) => out.fail(resource, "not registered as a Shield Advanced protection"),
                None => out.skip(
                    resource,
                    crate::evidence::unknown_because(inv, wasp_model::Service::Shield, "global", "the protections"),
                ),
            }
        }
    }
}
