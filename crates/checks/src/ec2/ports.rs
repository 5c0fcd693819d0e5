//! Security group ingress from the whole internet to named ports, shared by the per-service
//! port checks.
use wasp_model::ec2::Protocol;
use wasp_model::Inventory;

/// Judges every security group: FAIL when an ingress rule admits any of `ports` over one of
/// `protocols` (directly, by a range that includes the port, or by an all-protocol rule) from
/// `0.0.0.0/0` or `::/0`; PASS otherwise.
pub(crate) fn judge(
    inv: &Inventory,
    out: &mut crate::Findings<'_>,
    service: &str,
    ports: &[i32],
    protocols: &[Protocol],
) {
    for sg in &inv.ec2.security_groups {
        let mut open = Vec::new();
        for &port in ports {
            for &protocol in protocols {
                if let Some(rule) = sg.ingress.iter().find(|r| r.from_anywhere() && r.covers_port(protocol, port)) {
                    let label = format!("{protocol} {port} from {}", rule.source);
                    if !open.contains(&label) {
                        open.push(label);
                    }
                }
            }
        }
        if open.is_empty() {
            out.pass(sg, format!("no {service} port is open to the internet"));
        } else {
            out.fail(sg, format!("{service} reachable from the internet: {}", open.join(", ")));
        }
    }
}
