//! Terraform plans as `terraform show -json` writes them: planned values of every module,
//! with `after_unknown` marking what is known only after apply.
use super::TfResource;
use crate::locate::Pos;
use crate::ParseError;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use wasp_model::SourceLocation;

/// Whether JSON text is a plan.
pub fn looks_like_plan(text: &str) -> bool {
    let head: String = text.chars().take(4096).collect();
    head.trim_start().starts_with('{')
        && text.contains("\"format_version\"")
        && (text.contains("\"planned_values\"") || text.contains("\"resource_changes\""))
}

/// The managed resources of a plan, each located at its address in the plan file.
pub fn resources(file: &str, text: &str) -> Result<Vec<TfResource>, ParseError> {
    let doc: Json = serde_json::from_str(text).map_err(|e| ParseError {
        file: file.to_owned(),
        line: u32::try_from(e.line()).ok().filter(|l| *l > 0),
        column: u32::try_from(e.column()).ok().filter(|c| *c > 0),
        message: e.to_string(),
    })?;
    let mut unknown_of: BTreeMap<String, Json> = BTreeMap::new();
    if let Some(Json::Array(changes)) = doc.get("resource_changes") {
        for c in changes {
            if let (Some(addr), Some(u)) = (c.get("address").and_then(Json::as_str), c.pointer("/change/after_unknown"))
            {
                unknown_of.insert(addr.to_owned(), u.clone());
            }
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    if let Some(root) = doc.pointer("/planned_values/root_module") {
        collect(root, 0, file, &lines, &unknown_of, &mut out);
    }
    Ok(out)
}

const MAX_MODULE_DEPTH: usize = 32;

fn collect(
    module: &Json,
    depth: usize,
    file: &str,
    lines: &[&str],
    unknown_of: &BTreeMap<String, Json>,
    out: &mut Vec<TfResource>,
) {
    if depth > MAX_MODULE_DEPTH {
        return;
    }
    for r in module.get("resources").and_then(Json::as_array).into_iter().flatten() {
        if r.get("mode").and_then(Json::as_str) != Some("managed") {
            continue;
        }
        let (Some(address), Some(ty)) = (r.get("address").and_then(Json::as_str), r.get("type").and_then(Json::as_str))
        else {
            continue;
        };
        let attrs = r.get("values").cloned().unwrap_or(Json::Null);
        let mut unknown = BTreeMap::new();
        if let Some(Json::Object(u)) = unknown_of.get(address) {
            for (k, v) in u {
                mark(k, v, &mut unknown);
            }
        }
        let needle = format!("\"{address}\"");
        let line = lines.iter().position(|l| l.contains(&needle)).map(|i| i as u32 + 1);
        let column = line.and_then(|l| lines[l as usize - 1].find(&needle)).map(|c| c as u32 + 1);
        out.push(TfResource {
            address: address.to_owned(),
            ty: ty.to_owned(),
            attrs,
            unknown,
            location: SourceLocation { file: file.to_owned(), line, column, logical_id: address.to_owned() },
            key_positions: BTreeMap::<String, Pos>::new(),
        });
    }
    for child in module.get("child_modules").and_then(Json::as_array).into_iter().flatten() {
        collect(child, depth + 1, file, lines, unknown_of, out);
    }
}

/// Marks the attribute paths `after_unknown` says are known only after apply.
fn mark(path: &str, v: &Json, out: &mut BTreeMap<String, String>) {
    let why = || format!("{path} is known only after apply");
    match v {
        Json::Bool(true) => {
            out.insert(path.to_owned(), why());
        }
        Json::Array(items) => {
            for item in items {
                if let Json::Object(m) = item {
                    for (k, v) in m {
                        if v.as_bool() == Some(true) {
                            out.insert(format!("{path}.{k}"), format!("{path}.{k} is known only after apply"));
                        }
                    }
                } else if item.as_bool() == Some(true) {
                    out.insert(path.to_owned(), why());
                }
            }
        }
        Json::Object(m) => {
            for (k, v) in m {
                if v.as_bool() == Some(true) {
                    out.insert(format!("{path}.{k}"), format!("{path}.{k} is known only after apply"));
                }
            }
        }
        _ => {}
    }
}
