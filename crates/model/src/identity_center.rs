//! IAM Identity Center: instances and their permission sets, per region. A region missing from
//! the map was not read.
use crate::{global_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentityCenter {
    /// Instances visible from each region (`ListInstances`); an empty list means none.
    #[serde(default)]
    pub instances: BTreeMap<String, Vec<Instance>>,
    /// Permission sets of the instances, each once.
    #[serde(default)]
    pub permission_sets: Vec<PermissionSet>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    pub arn: String,
    #[serde(default)]
    pub identity_store_id: Option<String>,
    /// The account that owns the instance (the management account for an organization
    /// instance).
    #[serde(default)]
    pub owner_account_id: Option<String>,
    /// `ACTIVE`, `CREATE_IN_PROGRESS`, `DELETE_IN_PROGRESS`.
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PermissionSet {
    pub arn: String,
    pub name: String,
    pub instance_arn: String,
    #[serde(default)]
    pub description: Option<String>,
    /// ISO 8601 duration of the sessions it grants (`PT1H` … `PT12H`); `None` when not read.
    #[serde(default)]
    pub session_duration: Option<String>,
    /// AWS managed policies attached; `None` when not read.
    #[serde(default)]
    pub managed_policies: Option<Vec<String>>,
    /// The inline policy: `NotConfigured` when it has none; `None` when not read.
    #[serde(default)]
    pub inline_policy: Option<Setting<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl PermissionSet {
    /// Session duration in seconds, parsed from the ISO 8601 value (`PT1H30M`): `None` when
    /// unread or not of that form.
    pub fn session_seconds(&self) -> Option<u64> {
        let text = self.session_duration.as_deref()?.strip_prefix("PT")?;
        let (mut total, mut number) = (0u64, String::new());
        for c in text.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let n: u64 = number.parse().ok()?;
            number.clear();
            total += n * match c {
                'H' => 3600,
                'M' => 60,
                'S' => 1,
                _ => return None,
            };
        }
        number.is_empty().then_some(total)
    }
}

global_resource!(PermissionSet);
