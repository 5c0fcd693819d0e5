use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Network Firewall firewall sends at least one type of log (`FLOW`, `ALERT` or
    /// `TLS`) to S3, CloudWatch Logs or Firehose (`DescribeLoggingConfiguration`). The message
    /// names the types sent. SKIP when the logging configuration could not be read.
    ///
    /// ### Why it matters
    /// Alert logs record which stateful rules matched; flow logs record the traffic passed.
    /// Without them the firewall blocks and allows with no evidence for an investigation.
    ///
    /// ### How to fix
    /// `aws network-firewall update-logging-configuration --firewall-name <name>
    /// --logging-configuration` with `ALERT` and `FLOW` destinations.
    NetworkfirewallLoggingEnabled {
        id: "networkfirewall_logging_enabled",
        title: "Network firewalls send flow or alert logs",
        severity: Medium,
        service: NetworkFirewall,
        resource_kind: "networkfirewall_firewall",
        best_practices: ["SEC04-BP01", "SEC05-BP03"],
        prowler: ["networkfirewall_logging_enabled"],
        security_hub: ["NetworkFirewall.2"],
        config_rule: ["NETFW_LOGGING_ENABLED"],
        cis: [],
        reads: { NetworkFirewall: [ListFirewalls, DescribeLoggingConfiguration] },
        remediation: "Send the firewall's alert and flow logs to a destination.",
    }
}

impl NetworkfirewallLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for fw in &inv.network_firewall.firewalls {
            match fw.logging.as_deref() {
                Some([]) => out.fail(fw, "no logs are sent"),
                Some(types) => out.pass(fw, format!("sends {} logs", types.join(", "))),
                None => out.skip(fw, evidence::unknown_for_resource(inv, &fw.arn, "the logging configuration")),
            }
        }
    }
}
