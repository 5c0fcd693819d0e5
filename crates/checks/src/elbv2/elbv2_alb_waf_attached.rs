use crate::declare_check;
use wasp_model::wafv2::WafScope;
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// Every internet-facing Application Load Balancer is protected by a WAFv2 web ACL: it is
    /// among the resources a regional web ACL of its region lists (`ListResourcesForWebACL`).
    /// Internal ALBs, Network and Gateway Load Balancers are not judged; nor are WAF Classic
    /// associations. SKIP when the region's web ACLs, or the resources of one of them, could
    /// not be read.
    ///
    /// ### Why it matters
    /// An ALB on the internet without a web ACL passes every request to the application:
    /// injection attempts, known-bad bots and floods of requests reach the code with nothing
    /// filtering them first.
    ///
    /// ### How to fix
    /// Create a regional web ACL with AWS managed rule groups (core rule set, known bad
    /// inputs, IP reputation) and a rate-based rule, then `aws wafv2 associate-web-acl
    /// --web-acl-arn <acl> --resource-arn <alb>`.
    Elbv2AlbWafAttached {
        id: "elbv2_alb_waf_attached",
        title: "Internet-facing ALBs are protected by a WAF web ACL",
        severity: Medium,
        service: Elbv2,
        resource_kind: "elbv2_load_balancer",
        best_practices: ["SEC05-BP03"],
        prowler: ["elbv2_waf_acl_attached"],
        security_hub: ["ELB.16"],
        config_rule: ["ALB_WAF_ENABLED"],
        cis: [],
        reads: { Elbv2: [DescribeLoadBalancers], Wafv2: [ListWebACLs, ListResourcesForWebACL] },
        remediation: "Associate a regional WAF web ACL with the load balancer.",
    }
}

impl Elbv2AlbWafAttached {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let public = |lb: &&wasp_model::elbv2::LoadBalancer| {
            lb.is_application() && lb.scheme == Some(wasp_model::elbv2::Scheme::InternetFacing)
        };
        for lb in inv.elbv2.load_balancers.iter().filter(public) {
            let unread = ["ListWebACLs", "ListResourcesForWebACL"]
                .into_iter()
                .find_map(|op| crate::evidence::operation_gap(inv, Service::Wafv2, &lb.region, op, "the web ACLs"));
            if let Some(reason) = unread {
                out.skip(lb, reason);
                continue;
            }
            let acls: Vec<_> =
                inv.wafv2.web_acls.iter().filter(|a| a.scope == WafScope::Regional && a.region == lb.region).collect();
            if let Some(acl) = acls.iter().find(|a| a.load_balancers.as_ref().is_some_and(|r| r.contains(&lb.arn))) {
                out.pass(lb, format!("protected by web ACL {}", acl.name));
            } else if acls.iter().any(|a| a.load_balancers.is_none()) {
                out.skip(lb, "the resources of a web ACL in the region could not be read");
            } else {
                out.fail(lb, "no WAF web ACL protects this internet-facing load balancer");
            }
        }
    }
}
