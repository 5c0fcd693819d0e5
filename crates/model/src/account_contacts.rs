//! The account's alternate contacts (Account Management API), read once per account.
use crate::Setting;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The contact types wasp reads, as `GetAlternateContact` names them.
pub const CONTACT_TYPES: [&str; 3] = ["BILLING", "OPERATIONS", "SECURITY"];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountContacts {
    /// By contact type (`SECURITY`, `OPERATIONS`, `BILLING`): `NotConfigured` when AWS says
    /// there is none; a type missing from the map was not read. Phone numbers are not kept.
    #[serde(default)]
    pub alternate_contacts: BTreeMap<String, Setting<AlternateContact>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlternateContact {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email_address: Option<String>,
}
