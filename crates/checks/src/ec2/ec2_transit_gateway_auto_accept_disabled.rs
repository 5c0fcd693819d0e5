use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No transit gateway has `AutoAcceptSharedAttachments` enabled, which accepts attachment
    /// requests from the accounts the gateway is shared with without review. Gateways being
    /// deleted (`deleting`, `deleted`) are not judged. SKIP when AWS did not report the option.
    ///
    /// ### Why it matters
    /// With auto-accept on, any account the gateway is shared with can attach a VPC and, as
    /// far as the route tables allow, route traffic into your networks without anyone
    /// approving it.
    ///
    /// ### How to fix
    /// `aws ec2 modify-transit-gateway --transit-gateway-id <id> --options
    /// AutoAcceptSharedAttachments=disable`, and accept attachments explicitly.
    Ec2TransitGatewayAutoAcceptDisabled {
        id: "ec2_transit_gateway_auto_accept_disabled",
        title: "Transit gateways do not accept shared attachments automatically",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_transit_gateway",
        best_practices: ["SEC05-BP02"],
        prowler: ["ec2_transitgateway_auto_accept_vpc_attachments"],
        security_hub: ["EC2.23"],
        config_rule: ["EC2_TRANSIT_GATEWAY_AUTO_VPC_ATTACH_DISABLED"],
        cis: [],
        reads: { Ec2: [DescribeTransitGateways] },
        remediation: "Disable AutoAcceptSharedAttachments on the transit gateway.",
    }
}

impl Ec2TransitGatewayAutoAcceptDisabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for tgw in &inv.ec2.transit_gateways {
            if matches!(tgw.state.as_deref(), Some("deleting" | "deleted")) {
                continue;
            }
            match tgw.auto_accept_shared_attachments {
                Some(true) => out.fail(tgw, "attachments from shared accounts are accepted automatically"),
                Some(false) => out.pass(tgw, "attachments must be accepted explicitly"),
                None => out.skip(tgw, evidence::unknown_for_resource(inv, &tgw.arn, "AutoAcceptSharedAttachments")),
            }
        }
    }
}
