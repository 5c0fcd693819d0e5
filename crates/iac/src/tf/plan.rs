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
    // An attribute known only after apply that refers to another resource (a bucket's id, a
    // group's id) still joins: the configuration names what it refers to.
    let mut refs = BTreeMap::new();
    if let Some(root) = doc.pointer("/configuration/root_module") {
        references(root, "", 0, &mut refs);
    }
    for r in &mut out {
        let config_address = strip_indexes(&r.address);
        let Some(exprs) = refs.get(&config_address) else { continue };
        for (key, target) in exprs {
            let Some(target) = target else { continue };
            if !JOIN_KEYS.contains(&key.as_str()) {
                continue;
            }
            if r.unknown.remove(key).is_some() {
                if let Json::Object(m) = &mut r.attrs {
                    m.insert(key.clone(), Json::String(format!("${{ref:{target}}}")));
                }
            }
        }
        // Unknown only because the provider computes it: the configuration does not set it,
        // so the documented default applies (a security group's rules, a queue's policy).
        r.unknown.retain(|k, _| exprs.contains_key(k.split('.').next().unwrap_or(k)));
    }
    Ok(out)
}

/// Attributes by which split resources name what they configure.
const JOIN_KEYS: &[&str] = &[
    "bucket",
    "security_group_id",
    "role",
    "user",
    "group",
    "policy_arn",
    "function_name",
    "queue_url",
    "arn",
    "target_bucket",
];

/// `module.a[0].aws_x.y["k"]` → `module.a.aws_x.y`.
fn strip_indexes(address: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in address.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Per resource address: attribute → the `resource.attribute` it refers to (first reference).
fn references(module: &Json, prefix: &str, depth: usize, out: &mut BTreeMap<String, BTreeMap<String, Option<String>>>) {
    if depth > MAX_MODULE_DEPTH {
        return;
    }
    for r in module.get("resources").and_then(Json::as_array).into_iter().flatten() {
        let Some(address) = r.get("address").and_then(Json::as_str) else { continue };
        let mut exprs = BTreeMap::new();
        for (key, e) in r.get("expressions").and_then(Json::as_object).into_iter().flatten() {
            let first = e.get("references").and_then(Json::as_array).and_then(|refs| {
                refs.iter()
                    .filter_map(Json::as_str)
                    .find(|s| s.matches('.').count() >= 2 && !s.starts_with("var.") && !s.starts_with("local."))
            });
            exprs.insert(key.clone(), first.map(|t| format!("{prefix}{t}")));
        }
        out.insert(format!("{prefix}{address}"), exprs);
    }
    for (name, call) in module.get("module_calls").and_then(Json::as_object).into_iter().flatten() {
        if let Some(m) = call.get("module") {
            references(m, &format!("{prefix}module.{name}."), depth + 1, out);
        }
    }
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
        let attrs =
            r.get("values").cloned().filter(Json::is_object).unwrap_or_else(|| Json::Object(Default::default()));
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
