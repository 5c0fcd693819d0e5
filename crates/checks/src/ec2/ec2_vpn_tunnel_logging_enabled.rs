use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every tunnel of every Site-to-Site VPN connection sends its activity logs to CloudWatch
    /// Logs (`LogOptions.CloudWatchLogOptions.LogEnabled`). Connections `deleting` or `deleted`
    /// are not judged. SKIP when AWS returned no tunnel options, or a tunnel's log option is
    /// unknown.
    ///
    /// ### Why it matters
    /// Tunnel logs record IKE negotiations, tunnel up/down events and failed authentication:
    /// the evidence for investigating an outage or an attempt to connect from an unexpected
    /// peer.
    ///
    /// ### How to fix
    /// `aws ec2 modify-vpn-tunnel-options ... --tunnel-options
    /// LogOptions={CloudWatchLogOptions={LogEnabled=true,LogGroupArn=<arn>}}` for each tunnel.
    Ec2VpnTunnelLoggingEnabled {
        id: "ec2_vpn_tunnel_logging_enabled",
        title: "Site-to-Site VPN tunnels log their activity to CloudWatch Logs",
        severity: Low,
        service: Ec2,
        resource_kind: "ec2_vpn_connection",
        best_practices: ["SEC04-BP01"],
        prowler: [],
        security_hub: ["EC2.171"],
        config_rule: ["EC2_VPN_CONNECTION_LOGGING_ENABLED"],
        cis: [],
        reads: { Ec2: [DescribeVpnConnections] },
        remediation: "Turn on CloudWatch Logs for each VPN tunnel.",
    }
}

impl Ec2VpnTunnelLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for vpn in &inv.ec2.vpn_connections {
            if matches!(vpn.state.as_deref(), Some("deleting" | "deleted")) {
                continue;
            }
            let Some(tunnels) = &vpn.tunnels else {
                out.skip(vpn, evidence::unknown_for_resource(inv, &vpn.arn, "the tunnel options"));
                continue;
            };
            let label = |t: &wasp_model::ec2::VpnTunnel| t.outside_ip.clone().unwrap_or_else(|| "a tunnel".to_owned());
            let off: Vec<String> = tunnels.iter().filter(|t| t.log_enabled == Some(false)).map(label).collect();
            let unknown = tunnels.iter().any(|t| t.log_enabled.is_none());
            if !off.is_empty() {
                out.fail(vpn, format!("no tunnel logs for {}", off.join(", ")));
            } else if unknown {
                out.skip(vpn, "AWS did not say whether a tunnel logs its activity");
            } else {
                out.pass(vpn, format!("all {} tunnel(s) log to CloudWatch Logs", tunnels.len()));
            }
        }
    }
}
