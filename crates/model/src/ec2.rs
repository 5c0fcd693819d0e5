//! EC2 and VPC: networks, firewalls, instances, block storage and images.
use crate::{regional_resource, SourceLocation, Tags, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ec2 {
    /// Per region: EBS encryption by default; a missing region was not read.
    #[serde(default)]
    pub ebs_defaults: BTreeMap<String, EbsDefaults>,
    #[serde(default)]
    pub vpcs: Vec<Vpc>,
    #[serde(default)]
    pub security_groups: Vec<SecurityGroup>,
    #[serde(default)]
    pub network_acls: Vec<NetworkAcl>,
    #[serde(default)]
    pub flow_logs: Vec<FlowLog>,
    #[serde(default)]
    pub instances: Vec<Instance>,
    #[serde(default)]
    pub volumes: Vec<Volume>,
    /// Per region: the account's snapshots that every AWS account may restore (`DescribeSnapshots`
    /// owned by `self`, restorable by `all`); a missing region was not read.
    #[serde(default)]
    pub public_snapshots: BTreeMap<String, Vec<Snapshot>>,
    /// Machine images owned by the account.
    #[serde(default)]
    pub images: Vec<Image>,
    #[serde(default)]
    pub subnets: Vec<Subnet>,
    #[serde(default)]
    pub transit_gateways: Vec<TransitGateway>,
    /// Site-to-Site VPN connections.
    #[serde(default)]
    pub vpn_connections: Vec<VpnConnection>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EbsDefaults {
    pub encryption_by_default: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vpc {
    pub arn: String,
    pub id: String,
    pub region: String,
    #[serde(default)]
    pub cidr_block: Option<String>,
    #[serde(default)]
    pub is_default: Option<bool>,
    #[serde(default)]
    pub tags: Tags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityGroup {
    pub arn: String,
    pub id: String,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub vpc_id: Option<String>,
    #[serde(default)]
    pub ingress: Vec<SgRule>,
    #[serde(default)]
    pub egress: Vec<SgRule>,
    #[serde(default)]
    pub tags: Tags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl SecurityGroup {
    pub fn is_default(&self) -> bool {
        self.name == "default"
    }
}

/// One permission of a security group, flattened to a single source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SgRule {
    pub protocol: Protocol,
    /// First port (or ICMP type); `None` for every port.
    #[serde(default)]
    pub from_port: Option<i32>,
    #[serde(default)]
    pub to_port: Option<i32>,
    /// IPv4 or IPv6 CIDR, security group id or prefix list id.
    pub source: String,
}

impl SgRule {
    /// Every protocol and port.
    pub fn all_traffic(&self) -> bool {
        self.protocol == Protocol::All
    }

    /// The rule admits traffic to `port` over `protocol` (TCP or UDP), directly or because it
    /// admits every protocol.
    pub fn covers_port(&self, protocol: Protocol, port: i32) -> bool {
        self.protocol == Protocol::All || (self.protocol == protocol && ports_cover(self.from_port, self.to_port, port))
    }

    /// The source is the whole IPv4 or IPv6 internet.
    pub fn from_anywhere(&self) -> bool {
        is_anywhere(&self.source)
    }
}

/// `0.0.0.0/0` or `::/0`.
pub fn is_anywhere(cidr: &str) -> bool {
    cidr == "0.0.0.0/0" || cidr == "::/0"
}

/// A port range (both ends inclusive; a missing end or `-1` means every port) covers `port`.
fn ports_cover(from: Option<i32>, to: Option<i32>, port: i32) -> bool {
    match (from, to) {
        (Some(from), Some(to)) if from >= 0 && to >= 0 => from <= port && port <= to,
        _ => true,
    }
}

/// An IP protocol of a security group rule or network ACL entry. AWS answers names (`tcp`)
/// or numbers (`6`), and `-1` for every protocol; snapshots hold the names, or the number of a
/// protocol without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Protocol {
    All,
    Tcp,
    Udp,
    Icmp,
    Icmpv6,
    /// Any other IP protocol, by number.
    Number(u8),
}

impl Protocol {
    /// Reads AWS's spelling: a name, a number or `-1`.
    pub fn parse(text: &str) -> Option<Protocol> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "-1" | "all" => Protocol::All,
            "tcp" | "6" => Protocol::Tcp,
            "udp" | "17" => Protocol::Udp,
            "icmp" | "1" => Protocol::Icmp,
            "icmpv6" | "58" => Protocol::Icmpv6,
            other => Protocol::Number(other.parse().ok()?),
        })
    }
}

impl std::fmt::Display for Protocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Protocol::All => f.write_str("all"),
            Protocol::Tcp => f.write_str("tcp"),
            Protocol::Udp => f.write_str("udp"),
            Protocol::Icmp => f.write_str("icmp"),
            Protocol::Icmpv6 => f.write_str("icmpv6"),
            Protocol::Number(n) => write!(f, "{n}"),
        }
    }
}

impl TryFrom<String> for Protocol {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Protocol::parse(&text).ok_or_else(|| {
            format!("unknown protocol {:?} (expected all, tcp, udp, icmp, icmpv6 or a number)", crate::excerpt(&text))
        })
    }
}

impl From<Protocol> for String {
    fn from(p: Protocol) -> String {
        p.to_string()
    }
}

impl schemars::JsonSchema for Protocol {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Protocol".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An IP protocol: all (or -1), tcp, udp, icmp, icmpv6, or a protocol number.",
            "type": "string",
            "pattern": "^(all|-1|tcp|udp|icmp|icmpv6|[0-9]{1,3})$"
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkAcl {
    pub arn: String,
    pub id: String,
    pub region: String,
    pub vpc_id: String,
    #[serde(default)]
    pub is_default: Option<bool>,
    #[serde(default)]
    pub entries: Vec<NaclEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NaclEntry {
    pub rule_number: i32,
    pub egress: bool,
    pub action: RuleAction,
    pub protocol: Protocol,
    pub cidr: String,
    /// First port; `None` for every port.
    #[serde(default)]
    pub from_port: Option<i32>,
    #[serde(default)]
    pub to_port: Option<i32>,
}

impl NaclEntry {
    /// The entry matches traffic to `port` over `protocol` (TCP or UDP), directly or because
    /// it matches every protocol.
    pub fn covers_port(&self, protocol: Protocol, port: i32) -> bool {
        self.protocol == Protocol::All || (self.protocol == protocol && ports_cover(self.from_port, self.to_port, port))
    }
}

/// What a network ACL entry does with the traffic it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RuleAction {
    Allow,
    Deny,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlowLog {
    pub arn: String,
    pub id: String,
    pub region: String,
    /// The VPC, subnet or network interface logged.
    pub resource_id: String,
    /// `None` when AWS did not say (a flow log of a Transit Gateway, a template without it).
    #[serde(default)]
    pub traffic_type: Option<TrafficType>,
    /// `None` when AWS did not say (templates).
    #[serde(default)]
    pub status: Option<FlowLogStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

/// Which traffic a flow log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum TrafficType {
    Accept,
    Reject,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum FlowLogStatus {
    Active,
    /// Any status but `ACTIVE`.
    #[serde(other)]
    Inactive,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    pub arn: String,
    pub id: String,
    pub region: String,
    #[serde(default)]
    pub state: Option<InstanceState>,
    #[serde(default)]
    pub vpc_id: Option<String>,
    #[serde(default)]
    pub subnet_id: Option<String>,
    #[serde(default)]
    pub public_ip: Option<String>,
    #[serde(default)]
    pub metadata_http_tokens: Option<HttpTokens>,
    #[serde(default)]
    pub metadata_endpoint: Option<Toggle>,
    #[serde(default)]
    pub instance_profile_arn: Option<String>,
    #[serde(default)]
    pub security_group_ids: Vec<String>,
    #[serde(default)]
    pub launched: Option<Timestamp>,
    #[serde(default)]
    pub tags: Tags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum InstanceState {
    Pending,
    Running,
    ShuttingDown,
    Terminated,
    Stopping,
    Stopped,
}

impl InstanceState {
    /// On its way out: nothing about it can be fixed any more.
    pub fn is_gone(self) -> bool {
        matches!(self, InstanceState::ShuttingDown | InstanceState::Terminated)
    }
}

/// Whether the instance metadata service demands session tokens (IMDSv2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VolumeState {
    Creating,
    Available,
    InUse,
    Deleting,
    Deleted,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum HttpTokens {
    Required,
    Optional,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Toggle {
    Enabled,
    Disabled,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Volume {
    pub arn: String,
    pub id: String,
    pub region: String,
    /// `None` when AWS did not say.
    #[serde(default)]
    pub encrypted: Option<bool>,
    #[serde(default)]
    pub kms_key_id: Option<String>,
    #[serde(default)]
    pub size_gib: Option<i32>,
    #[serde(default)]
    pub state: Option<VolumeState>,
    #[serde(default)]
    pub attached_instance_ids: Vec<String>,
    #[serde(default)]
    pub tags: Tags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub arn: String,
    pub id: String,
    pub region: String,
    #[serde(default)]
    pub encrypted: Option<bool>,
    #[serde(default)]
    pub volume_id: Option<String>,
    #[serde(default)]
    pub started: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub arn: String,
    pub id: String,
    pub region: String,
    #[serde(default)]
    pub name: Option<String>,
    /// `None` when AWS did not say.
    #[serde(default)]
    pub public: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subnet {
    pub arn: String,
    pub id: String,
    pub region: String,
    #[serde(default)]
    pub vpc_id: Option<String>,
    /// `MapPublicIpOnLaunch`; `None` when AWS did not say.
    #[serde(default)]
    pub map_public_ip_on_launch: Option<bool>,
    #[serde(default)]
    pub default_for_az: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitGateway {
    pub arn: String,
    pub id: String,
    pub region: String,
    /// `available`, `deleting` …
    #[serde(default)]
    pub state: Option<String>,
    /// `AutoAcceptSharedAttachments`; `None` when AWS did not say.
    #[serde(default)]
    pub auto_accept_shared_attachments: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VpnConnection {
    pub arn: String,
    pub id: String,
    pub region: String,
    /// `pending`, `available`, `deleting`, `deleted`.
    #[serde(default)]
    pub state: Option<String>,
    /// The tunnels' options; `None` when AWS did not return them.
    #[serde(default)]
    pub tunnels: Option<Vec<VpnTunnel>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VpnTunnel {
    #[serde(default)]
    pub outside_ip: Option<String>,
    /// `ikev1`, `ikev2`; empty when AWS returned none (both allowed).
    #[serde(default)]
    pub ike_versions: Vec<String>,
    /// Tunnel activity logs to CloudWatch Logs; `None` when AWS did not say.
    #[serde(default)]
    pub log_enabled: Option<bool>,
}

regional_resource!(
    Vpc,
    SecurityGroup,
    NetworkAcl,
    FlowLog,
    Instance,
    Volume,
    Snapshot,
    Image,
    Subnet,
    TransitGateway,
    VpnConnection
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocols_read_names_and_numbers() {
        assert_eq!(Protocol::parse("-1"), Some(Protocol::All));
        assert_eq!(Protocol::parse("TCP"), Some(Protocol::Tcp));
        assert_eq!(Protocol::parse("17"), Some(Protocol::Udp));
        assert_eq!(Protocol::parse("50"), Some(Protocol::Number(50)));
        assert_eq!(Protocol::parse("tcpx"), None);
        let rule: SgRule =
            serde_json::from_str(r#"{"protocol": "udp", "from_port": 3389, "to_port": 3389, "source": "0.0.0.0/0"}"#)
                .unwrap();
        assert!(rule.covers_port(Protocol::Udp, 3389) && !rule.covers_port(Protocol::Tcp, 3389));
        assert_eq!(serde_json::to_value(rule.protocol).unwrap(), "udp");
        let err = serde_json::from_str::<SgRule>(r#"{"protocol": "bogus", "source": "x"}"#).unwrap_err();
        assert!(err.to_string().contains("unknown protocol"), "{err}");
    }

    #[test]
    fn port_ranges_cover_their_ends_and_all_means_all() {
        let rule = |p, from, to| SgRule { protocol: p, from_port: from, to_port: to, source: "0.0.0.0/0".into() };
        assert!(rule(Protocol::Tcp, Some(20), Some(22)).covers_port(Protocol::Tcp, 22));
        assert!(!rule(Protocol::Tcp, Some(23), Some(3388)).covers_port(Protocol::Tcp, 22));
        assert!(rule(Protocol::Tcp, None, None).covers_port(Protocol::Tcp, 3389));
        assert!(rule(Protocol::All, Some(-1), Some(-1)).covers_port(Protocol::Udp, 22));
        assert!(!rule(Protocol::Icmp, Some(-1), Some(-1)).covers_port(Protocol::Tcp, 22));
    }
}
