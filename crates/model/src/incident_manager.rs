//! AWS Systems Manager Incident Manager: the replication set, response plans and contacts, per
//! region. A region missing from a map was not read.
use crate::Setting;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentManager {
    #[serde(default)]
    pub regions: BTreeMap<String, IncidentManagerRegion>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentManagerRegion {
    /// The replication set ARN (`ListReplicationSets`): `NotConfigured` when Incident Manager
    /// was never set up; `None` when not read.
    #[serde(default)]
    pub replication_set: Option<Setting<String>>,
    /// Response plans (`ListResponsePlans`); `None` when not read.
    #[serde(default)]
    pub response_plans: Option<Vec<ResponsePlan>>,
    /// Contacts and escalation plans (`ListContacts`); `None` when not read.
    #[serde(default)]
    pub contacts: Option<Vec<Contact>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponsePlan {
    pub arn: String,
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub arn: String,
    pub alias: String,
    /// `PERSONAL`, `ESCALATION` or `ONCALL_SCHEDULE`.
    #[serde(default)]
    pub contact_type: Option<String>,
}
