//! Terraform: source (HCL, read directly, no plan, credentials or state needed) and plans
//! (`terraform show -json`), both turned into [`TfResource`]s that one builder ([`build`])
//! joins and maps onto the inventory.
pub mod build;
pub mod hcl_source;
pub mod plan;

use crate::locate::Pos;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use wasp_model::SourceLocation;

/// One resource instance with its attributes as the AWS provider names them (blocks are
/// lists of objects, as in a plan).
#[derive(Debug, Clone)]
pub struct TfResource {
    /// `module.web.aws_s3_bucket.logs[0]`.
    pub address: String,
    /// `aws_s3_bucket`.
    pub ty: String,
    pub attrs: Json,
    /// Top-level attributes (or `block.attribute`) whose value is unknown, with why.
    pub unknown: BTreeMap<String, String>,
    pub location: SourceLocation,
    /// Where each top-level attribute is written.
    pub key_positions: BTreeMap<String, Pos>,
}

impl TfResource {
    /// The attribute at `path`: `Ok(None)` when absent or null, `Err(why)` when unknown.
    pub fn get(&self, path: &[&str]) -> Result<Option<&Json>, String> {
        for i in (1..=path.len()).rev() {
            if let Some(why) = self.unknown.get(&path[..i].join(".")) {
                return Err(why.clone());
            }
        }
        let mut node = &self.attrs;
        for key in path {
            node = match node {
                // A nested block: its first (usually only) instance.
                Json::Array(items) => match items.first().and_then(|i| i.get(*key)) {
                    Some(v) => v,
                    None => return Ok(None),
                },
                other => match other.get(*key) {
                    Some(v) => v,
                    None => return Ok(None),
                },
            };
        }
        Ok(Some(node).filter(|v| !v.is_null()))
    }
}
