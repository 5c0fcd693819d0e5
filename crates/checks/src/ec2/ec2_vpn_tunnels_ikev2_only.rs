use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every tunnel of every Site-to-Site VPN connection allows only IKEv2 (`IkeVersions` is
    /// exactly `ikev2`). A tunnel whose IKE versions are empty accepts both IKEv1 and IKEv2
    /// (AWS's default) and fails. Connections `deleting` or `deleted` are not judged. SKIP when
    /// AWS returned no tunnel options.
    ///
    /// ### Why it matters
    /// IKEv2 authenticates both ends more robustly than IKEv1 (which has aggressive mode and
    /// weaker negotiation) and is the version AWS recommends; allowing IKEv1 lets a peer
    /// negotiate down.
    ///
    /// ### How to fix
    /// `aws ec2 modify-vpn-tunnel-options --vpn-connection-id <id> --vpn-tunnel-outside-ip-address
    /// <ip> --tunnel-options IKEVersions=[{Value=ikev2}]` for each tunnel, after checking that the
    /// customer gateway supports IKEv2.
    Ec2VpnTunnelsIkev2Only {
        id: "ec2_vpn_tunnels_ikev2_only",
        title: "Site-to-Site VPN tunnels negotiate with IKEv2 only",
        severity: Medium,
        service: Ec2,
        resource_kind: "ec2_vpn_connection",
        best_practices: ["SEC09-BP03", "SEC09-BP02"],
        prowler: [],
        security_hub: ["EC2.183"],
        config_rule: ["EC2_VPN_CONNECTION_IKE_VERSION_CHECK"],
        cis: [],
        reads: { Ec2: [DescribeVpnConnections] },
        remediation: "Restrict each tunnel's IKE versions to ikev2.",
    }
}

impl Ec2VpnTunnelsIkev2Only {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for vpn in &inv.ec2.vpn_connections {
            if matches!(vpn.state.as_deref(), Some("deleting" | "deleted")) {
                continue;
            }
            let Some(tunnels) = &vpn.tunnels else {
                out.skip(vpn, evidence::unknown_for_resource(inv, &vpn.arn, "the tunnel options"));
                continue;
            };
            let weak: Vec<String> = tunnels
                .iter()
                .filter(|t| {
                    t.ike_versions.is_empty() || t.ike_versions.iter().any(|v| !v.eq_ignore_ascii_case("ikev2"))
                })
                .map(|t| t.outside_ip.clone().unwrap_or_else(|| "a tunnel".to_owned()))
                .collect();
            if weak.is_empty() {
                out.pass(vpn, format!("all {} tunnel(s) allow IKEv2 only", tunnels.len()));
            } else {
                out.fail(vpn, format!("IKEv1 is allowed on {}", weak.join(", ")));
            }
        }
    }
}
