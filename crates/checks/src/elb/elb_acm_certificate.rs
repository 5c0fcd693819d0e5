use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every `HTTPS` and `SSL` listener of a Classic Load Balancer uses a certificate from AWS
    /// Certificate Manager (an `arn:<partition>:acm:` ARN); an IAM server certificate
    /// (`arn:<partition>:iam::…:server-certificate/…`) fails. Load balancers without encrypted
    /// listeners are not judged.
    ///
    /// ### Why it matters
    /// ACM renews the certificates it issues and deploys the renewal itself; certificates
    /// uploaded to IAM are renewed by hand, and their private keys passed through someone's
    /// hands on the way. An expired certificate takes the service down, a leaked key lets
    /// others impersonate it.
    ///
    /// ### How to fix
    /// Request or import the certificate in ACM and
    /// `aws elb set-load-balancer-listener-ssl-certificate --load-balancer-name <name>
    /// --load-balancer-port <port> --ssl-certificate-id <acm-arn>`.
    ElbAcmCertificate {
        id: "elb_acm_certificate",
        title: "Classic Load Balancer TLS listeners use ACM certificates",
        severity: Medium,
        service: Elb,
        resource_kind: "elb_load_balancer",
        best_practices: ["SEC09-BP01"],
        prowler: ["elb_ssl_listeners_use_acm_certificate"],
        security_hub: ["ELB.2"],
        config_rule: ["ELB_ACM_CERTIFICATE_REQUIRED"],
        cis: [],
        reads: { Elb: [DescribeLoadBalancers] },
        remediation: "Serve the listener with an ACM certificate.",
    }
}

impl ElbAcmCertificate {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in &inv.elb.load_balancers {
            let tls: Vec<_> = lb.listeners.iter().filter(|l| l.is_encrypted()).collect();
            if tls.is_empty() {
                continue;
            }
            let other: Vec<String> = tls
                .iter()
                .filter(|l| l.certificate_id.as_deref().is_none_or(|c| c.split(':').nth(2) != Some("acm")))
                .map(|l| {
                    format!("{}:{} ({})", l.protocol, l.port, l.certificate_id.as_deref().unwrap_or("no certificate"))
                })
                .collect();
            if other.is_empty() {
                out.pass(lb, format!("all {} TLS listener(s) use ACM certificates", tls.len()));
            } else {
                out.fail(lb, format!("listener(s) with certificates outside ACM: {}", other.join(", ")));
            }
        }
    }
}
