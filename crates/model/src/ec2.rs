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
    pub subnets: Vec<Subnet>,
    #[serde(default)]
    pub route_tables: Vec<RouteTable>,
    #[serde(default)]
    pub internet_gateways: Vec<Gateway>,
    #[serde(default)]
    pub nat_gateways: Vec<Gateway>,
    #[serde(default)]
    pub security_groups: Vec<SecurityGroup>,
    #[serde(default)]
    pub network_acls: Vec<NetworkAcl>,
    #[serde(default)]
    pub flow_logs: Vec<FlowLog>,
    #[serde(default)]
    pub vpc_endpoints: Vec<VpcEndpoint>,
    #[serde(default)]
    pub instances: Vec<Instance>,
    #[serde(default)]
    pub volumes: Vec<Volume>,
    /// Snapshots owned by the account.
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    /// Machine images owned by the account.
    #[serde(default)]
    pub images: Vec<Image>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EbsDefaults {
    pub encryption_by_default: bool,
    #[serde(default)]
    pub kms_key_id: Option<String>,
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
    pub is_default: bool,
    #[serde(default)]
    pub tags: Tags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subnet {
    pub arn: String,
    pub id: String,
    pub region: String,
    pub vpc_id: String,
    #[serde(default)]
    pub cidr_block: Option<String>,
    #[serde(default)]
    pub map_public_ip_on_launch: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RouteTable {
    pub arn: String,
    pub id: String,
    pub region: String,
    pub vpc_id: String,
    #[serde(default)]
    pub main: bool,
    #[serde(default)]
    pub subnet_ids: Vec<String>,
    #[serde(default)]
    pub routes: Vec<Route>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub destination: String,
    /// Gateway, NAT gateway, peering connection, endpoint … id.
    pub target: String,
}

/// An internet or NAT gateway.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gateway {
    pub arn: String,
    pub id: String,
    pub region: String,
    #[serde(default)]
    pub vpc_id: Option<String>,
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SgRule {
    /// `tcp`, `udp`, `icmp`, `icmpv6`, a protocol number, or `-1` for all.
    pub protocol: String,
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
        self.protocol == "-1" || self.protocol == "all"
    }

    /// The rule admits traffic to `port` over TCP (or over every protocol).
    pub fn covers_tcp_port(&self, port: i32) -> bool {
        if self.all_traffic() {
            return true;
        }
        if self.protocol != "tcp" && self.protocol != "6" {
            return false;
        }
        match (self.from_port, self.to_port) {
            (Some(from), Some(to)) => from <= port && port <= to,
            _ => true,
        }
    }

    /// The source is the whole IPv4 or IPv6 internet.
    pub fn from_anywhere(&self) -> bool {
        self.source == "0.0.0.0/0" || self.source == "::/0"
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
    pub is_default: bool,
    #[serde(default)]
    pub entries: Vec<NaclEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NaclEntry {
    pub rule_number: i32,
    pub egress: bool,
    /// `allow` or `deny`.
    pub action: String,
    pub protocol: String,
    pub cidr: String,
    #[serde(default)]
    pub from_port: Option<i32>,
    #[serde(default)]
    pub to_port: Option<i32>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlowLog {
    pub arn: String,
    pub id: String,
    pub region: String,
    /// The VPC, subnet or network interface logged.
    pub resource_id: String,
    /// `ACCEPT`, `REJECT` or `ALL`.
    #[serde(default)]
    pub traffic_type: String,
    #[serde(default)]
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VpcEndpoint {
    pub arn: String,
    pub id: String,
    pub region: String,
    pub vpc_id: String,
    pub service_name: String,
    /// `Gateway`, `Interface` …
    #[serde(default)]
    pub endpoint_type: String,
    #[serde(default)]
    pub policy: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    pub arn: String,
    pub id: String,
    pub region: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub vpc_id: Option<String>,
    #[serde(default)]
    pub subnet_id: Option<String>,
    #[serde(default)]
    pub public_ip: Option<String>,
    /// `required` (IMDSv2 only) or `optional`.
    #[serde(default)]
    pub metadata_http_tokens: Option<String>,
    /// `enabled` or `disabled`.
    #[serde(default)]
    pub metadata_endpoint: Option<String>,
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Volume {
    pub arn: String,
    pub id: String,
    pub region: String,
    pub encrypted: bool,
    #[serde(default)]
    pub kms_key_id: Option<String>,
    #[serde(default)]
    pub size_gib: Option<i32>,
    #[serde(default)]
    pub state: String,
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
    pub encrypted: bool,
    #[serde(default)]
    pub volume_id: Option<String>,
    /// Whether `createVolumePermission` includes the `all` group; `None` when not read.
    #[serde(default)]
    pub public: Option<bool>,
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
    pub public: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

regional_resource!(
    Vpc,
    Subnet,
    RouteTable,
    Gateway,
    SecurityGroup,
    NetworkAcl,
    FlowLog,
    VpcEndpoint,
    Instance,
    Volume,
    Snapshot,
    Image
);
