//! Network Firewall: firewalls with their protections and logging, firewall policies and
//! stateless rule groups.
use crate::{regional_resource, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkFirewall {
    #[serde(default)]
    pub firewalls: Vec<Firewall>,
    #[serde(default)]
    pub policies: Vec<FirewallPolicy>,
    #[serde(default)]
    pub rule_groups: Vec<RuleGroup>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Firewall {
    pub arn: String,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub vpc_id: Option<String>,
    #[serde(default)]
    pub policy_arn: Option<String>,
    /// `None` when `DescribeFirewall` failed.
    #[serde(default)]
    pub deletion_protection: Option<bool>,
    #[serde(default)]
    pub policy_change_protection: Option<bool>,
    #[serde(default)]
    pub subnet_change_protection: Option<bool>,
    /// Log types (`FLOW`, `ALERT`, `TLS`) sent somewhere; `None` when unread.
    #[serde(default)]
    pub logging: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FirewallPolicy {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// `None` when `DescribeFirewallPolicy` failed (as for every field below).
    #[serde(default)]
    pub stateless_default_actions: Option<Vec<String>>,
    #[serde(default)]
    pub stateless_fragment_default_actions: Option<Vec<String>>,
    #[serde(default)]
    pub stateless_rule_groups: Option<Vec<String>>,
    #[serde(default)]
    pub stateful_rule_groups: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleGroup {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// `STATELESS` or `STATEFUL`.
    pub kind: String,
    /// Rules in the group; `None` when `DescribeRuleGroup` failed.
    #[serde(default)]
    pub rule_count: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

regional_resource!(Firewall, FirewallPolicy, RuleGroup);
