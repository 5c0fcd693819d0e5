use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every `HTTP` listener of an Application Load Balancer only redirects to HTTPS: all its
    /// default actions are `redirect` actions whose protocol is `HTTPS`. An ALB without HTTP
    /// listeners passes. Listener rules beyond the default action are not read. Network and
    /// Gateway Load Balancers are not judged. SKIP when the listeners could not be read.
    ///
    /// ### Why it matters
    /// An HTTP listener that forwards serves the application in clear text: cookies, tokens
    /// and form data travel readable and changeable by anyone on the path.
    ///
    /// ### How to fix
    /// Change the HTTP listener's default action to a redirect to HTTPS (status `HTTP_301`),
    /// and serve the application on an HTTPS listener.
    Elbv2AlbHttpRedirectsToHttps {
        id: "elbv2_alb_http_redirects_to_https",
        title: "ALB HTTP listeners only redirect to HTTPS",
        severity: Medium,
        service: Elbv2,
        resource_kind: "elbv2_load_balancer",
        best_practices: ["SEC09-BP02"],
        prowler: ["elbv2_ssl_listeners"],
        security_hub: ["ELB.1"],
        config_rule: ["ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK"],
        cis: [],
        reads: { Elbv2: [DescribeLoadBalancers, DescribeListeners] },
        remediation: "Make every HTTP listener redirect to HTTPS.",
    }
}

impl Elbv2AlbHttpRedirectsToHttps {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in inv.elbv2.load_balancers.iter().filter(|lb| lb.is_application()) {
            let Some(listeners) = super::listeners(inv, lb, out) else { continue };
            let http: Vec<_> = listeners.iter().filter(|l| l.protocol.as_deref() == Some("HTTP")).collect();
            let plain: Vec<String> = http.iter().filter(|l| !l.redirects_to_https).map(|l| super::label(l)).collect();
            if !plain.is_empty() {
                out.fail(lb, format!("HTTP listener(s) serving without redirecting to HTTPS: {}", plain.join(", ")));
            } else if http.is_empty() {
                out.pass(lb, "no HTTP listener");
            } else {
                out.pass(lb, format!("{} HTTP listener(s), each redirecting to HTTPS", http.len()));
            }
        }
    }
}
