//! AWS Fault Injection Service: experiment templates and experiments, by region.
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fis {
    /// By region; a missing region was not read.
    #[serde(default)]
    pub regions: BTreeMap<String, FisRegion>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FisRegion {
    /// Experiment template ids; `None` when they could not be listed.
    #[serde(default)]
    pub templates: Option<Vec<String>>,
    /// Experiments run; `None` when they could not be listed.
    #[serde(default)]
    pub experiments: Option<Vec<Experiment>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Experiment {
    pub id: String,
    #[serde(default)]
    pub template_id: Option<String>,
    /// `completed`, `stopped`, `failed`, `running` …
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub started: Option<Timestamp>,
}
