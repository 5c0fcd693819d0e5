//! Terraform source read directly: a directory of `.tf` files (one module), its variables
//! (defaults, `terraform.tfvars`, `*.auto.tfvars`, `--var`), locals, `count`/`for_each` with
//! known values, the common built-in functions, `data "aws_iam_policy_document"`, and local
//! modules (`source = "./…"`), followed to a depth limit and never in a cycle.
use super::TfResource;
use crate::locate::Pos;
use crate::ParseError;
use hcl::eval::{Context, Evaluate, FuncArgs, FuncDef, ParamType};
use hcl::structure::{Block, Body, Structure};
use serde_json::{Map, Value as Json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use wasp_model::SourceLocation;

/// Modules nested deeper than this are not followed.
pub const MAX_MODULE_DEPTH: usize = 8;
/// Instances made by one `count`/`for_each`, at most.
const MAX_INSTANCES: usize = 1000;

/// A module's source files, parsed.
struct Module {
    files: Vec<(String, String, Body)>,
}

/// Reads the module in `dir` (its `.tf` files), with `vars` over its variables' defaults and
/// tfvars. Errors are the files that do not parse; the others are still read.
pub fn load_dir(
    dir: &Path,
    files: &[PathBuf],
    vars: &BTreeMap<String, String>,
    max_bytes: u64,
) -> (Vec<TfResource>, Vec<ParseError>) {
    let mut errors = Vec::new();
    let mut cli_vars = Map::new();
    for (k, v) in vars {
        cli_vars.insert(k.clone(), parse_var(v));
    }
    let mut out = Vec::new();
    let mut stack = Vec::new();
    load_module(dir, Some(files), &cli_vars, &BTreeSet::new(), "", 0, max_bytes, &mut stack, &mut out, &mut errors);
    (out, errors)
}

/// `--var k=v`: JSON when it parses as JSON (numbers, booleans, lists), else a string.
fn parse_var(v: &str) -> Json {
    match serde_json::from_str::<Json>(v) {
        Ok(j @ (Json::Number(_) | Json::Bool(_) | Json::Array(_) | Json::Object(_))) => j,
        _ => Json::String(v.to_owned()),
    }
}

fn parse_files(dir: &Path, given: Option<&[PathBuf]>, max_bytes: u64, errors: &mut Vec<ParseError>) -> Module {
    let mut paths: Vec<PathBuf> = match given {
        Some(files) => files.to_vec(),
        None => std::fs::read_dir(dir)
            .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "tf")).collect())
            .unwrap_or_default(),
    };
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let display = path.display().to_string();
        let text = match wasp_model::read_limited(&path, max_bytes) {
            Ok(t) => t,
            Err(e) => {
                errors.push(ParseError {
                    file: display,
                    line: None,
                    column: None,
                    message: wasp_model::error_chain(&e),
                });
                continue;
            }
        };
        match hcl::parse(&text) {
            Ok(body) => files.push((display, text, body)),
            Err(e) => errors.push(hcl_error(&display, &e)),
        }
    }
    Module { files }
}

/// An HCL parse error with the line and column its message gives (`--> L:C`).
pub fn hcl_error(file: &str, e: &hcl::Error) -> ParseError {
    let message = e.to_string();
    let number_after = |key: &str| -> Option<u32> {
        let i = message.find(key)? + key.len();
        message[i..].trim_start().chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()
    };
    let line = number_after("line ");
    let column = number_after("column ");
    let first = message
        .lines()
        .map(|l| l.trim().trim_start_matches("-->").trim().trim_start_matches("= ").trim())
        .find(|l| !l.is_empty())
        .unwrap_or("invalid HCL");
    ParseError { file: file.to_owned(), line, column, message: first.to_owned() }
}

/// tfvars files of a root module: `terraform.tfvars` then `*.auto.tfvars`, in name order.
fn tfvars(dir: &Path, max_bytes: u64, errors: &mut Vec<ParseError>) -> Map<String, Json> {
    let mut out = Map::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    name == "terraform.tfvars" || name.ends_with(".auto.tfvars")
                })
                .collect()
        })
        .unwrap_or_default();
    paths.sort_by_key(|p| (p.file_name().is_some_and(|n| n != "terraform.tfvars"), p.clone()));
    let ctx = base_context();
    for path in paths {
        let display = path.display().to_string();
        let Ok(text) = wasp_model::read_limited(&path, max_bytes) else { continue };
        match hcl::parse(&text) {
            Ok(body) => {
                for attr in body.attributes() {
                    if let Ok(v) = attr.expr().evaluate(&ctx) {
                        out.insert(attr.key().to_owned(), to_json(&v));
                    }
                }
            }
            Err(e) => errors.push(hcl_error(&display, &e)),
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn load_module(
    dir: &Path,
    files: Option<&[PathBuf]>,
    inputs: &Map<String, Json>,
    unknown_inputs: &BTreeSet<String>,
    prefix: &str,
    depth: usize,
    max_bytes: u64,
    stack: &mut Vec<PathBuf>,
    out: &mut Vec<TfResource>,
    errors: &mut Vec<ParseError>,
) {
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    if depth > MAX_MODULE_DEPTH || stack.contains(&canonical) {
        return;
    }
    stack.push(canonical);
    let module = parse_files(dir, files, max_bytes, errors);
    let root_vars = if depth == 0 { tfvars(dir, max_bytes, errors) } else { Map::new() };

    // Variables: default < tfvars < --var (root) or the module block's inputs.
    let mut vars = Map::new();
    let mut unset = BTreeSet::new();
    for (_, _, body) in &module.files {
        for block in body.blocks().filter(|b| b.identifier() == "variable") {
            let Some(name) = block.labels().first().map(|l| l.as_str().to_owned()) else { continue };
            let default = block
                .body()
                .attributes()
                .find(|a| a.key() == "default")
                .and_then(|a| a.expr().evaluate(&base_context()).ok().map(|v| to_json(&v)));
            let value = inputs.get(&name).or(root_vars.get(&name)).cloned();
            match (value, default) {
                _ if unknown_inputs.contains(&name) => {
                    unset.insert(name);
                }
                (Some(v), _) | (None, Some(v)) => {
                    vars.insert(name, v);
                }
                (None, None) => {
                    unset.insert(name);
                }
            }
        }
    }
    let mut ctx = base_context();
    ctx.declare_var("var", to_hcl(&Json::Object(vars)));
    ctx.declare_var("path", to_hcl(&serde_json::json!({"module": dir.display().to_string(), "root": "."})));
    let why_unknown = |text: &str, err: &str| -> String {
        for name in &unset {
            if text.contains(&format!("var.{name}")) {
                return format!(
                    "`{}`: var.{name} has no value (no default, tfvars or --var)",
                    crate::cfn_excerpt(text)
                );
            }
        }
        format!("`{}`: {err}", crate::cfn_excerpt(text))
    };

    // Locals, in rounds until nothing more resolves.
    let mut locals = Map::new();
    let local_exprs: Vec<(String, hcl::Expression)> = module
        .files
        .iter()
        .flat_map(|(_, _, body)| body.blocks().filter(|b| b.identifier() == "locals"))
        .flat_map(|b| b.body().attributes().map(|a| (a.key().to_owned(), a.expr().clone())))
        .collect();
    for _ in 0..8 {
        ctx.declare_var("local", to_hcl(&Json::Object(locals.clone())));
        let before = locals.len();
        for (k, e) in &local_exprs {
            if !locals.contains_key(k) {
                if let Ok(v) = e.evaluate(&ctx) {
                    locals.insert(k.clone(), to_json(&v));
                }
            }
        }
        if locals.len() == before {
            break;
        }
    }
    ctx.declare_var("local", to_hcl(&Json::Object(locals)));

    // Data sources wasp evaluates: IAM policy documents.
    let mut data = Map::new();
    for (_, _, body) in &module.files {
        for block in body.blocks().filter(|b| b.identifier() == "data") {
            let labels: Vec<&str> = block.labels().iter().map(|l| l.as_str()).collect();
            if let ["aws_iam_policy_document", name] = labels.as_slice() {
                if let Some(doc) = policy_document(block, &ctx) {
                    let entry = data.entry("aws_iam_policy_document").or_insert_with(|| Json::Object(Map::new()));
                    entry[*name] = serde_json::json!({"json": doc.to_string()});
                }
            }
        }
    }
    ctx.declare_var("data", to_hcl(&Json::Object(data)));

    // Resource references: identifiers known before apply.
    let resource_blocks: Vec<(&str, &str, &Block)> = module
        .files
        .iter()
        .flat_map(|(file, text, body)| {
            body.blocks().filter(|b| b.identifier() == "resource").map(move |b| (file.as_str(), text.as_str(), b))
        })
        .collect();
    let mut refs: BTreeMap<String, Map<String, Json>> = BTreeMap::new();
    for (_, _, block) in &resource_blocks {
        let labels: Vec<&str> = block.labels().iter().map(|l| l.as_str()).collect();
        let [ty, name] = labels.as_slice() else { continue };
        let mut known = Map::new();
        for a in block.body().attributes() {
            if let Ok(v) = a.expr().evaluate(&ctx) {
                known.insert(a.key().to_owned(), to_json(&v));
            }
        }
        let ids = super::build::reference_attributes(ty, name, &known);
        refs.entry((*ty).to_owned()).or_default().insert((*name).to_owned(), Json::Object(ids));
    }
    for (ty, objects) in &refs {
        ctx.declare_var(ty.clone(), to_hcl(&Json::Object(objects.clone())));
    }

    for (file, text, block) in resource_blocks {
        let labels: Vec<&str> = block.labels().iter().map(|l| l.as_str()).collect();
        let [ty, name] = labels.as_slice() else { continue };
        let pos = locate_block(text, "resource", &[ty, name]);
        let base = format!("{prefix}{ty}.{name}");
        for (address, inst_ctx) in instances(block, &ctx, &base) {
            let mut unknown = BTreeMap::new();
            let attrs = eval_body(block.body(), &inst_ctx, "", &mut unknown, &why_unknown, 0);
            let mut key_positions = BTreeMap::new();
            if let Some(p) = pos {
                for a in block.body().attributes() {
                    if let Some(kp) = locate_key(text, p.line, a.key()) {
                        key_positions.insert(a.key().to_owned(), kp);
                    }
                }
                for b in block.body().blocks() {
                    if let Some(kp) = locate_key(text, p.line, b.identifier()) {
                        key_positions.entry(b.identifier().to_owned()).or_insert(kp);
                    }
                }
            }
            out.push(TfResource {
                address,
                ty: (*ty).to_owned(),
                attrs,
                unknown,
                location: SourceLocation {
                    file: file.to_owned(),
                    line: pos.map(|p| p.line),
                    column: pos.map(|p| p.column),
                    logical_id: String::new(),
                },
                key_positions,
            });
        }
    }
    for r in out.iter_mut().filter(|r| r.location.logical_id.is_empty()) {
        r.location.logical_id = r.address.clone();
    }

    // Local modules.
    for (_, _, body) in &module.files {
        for block in body.blocks().filter(|b| b.identifier() == "module") {
            let Some(name) = block.labels().first().map(|l| l.as_str().to_owned()) else { continue };
            let source =
                block.body().attributes().find(|a| a.key() == "source").and_then(|a| a.expr().evaluate(&ctx).ok());
            let Some(source) = source.as_ref().and_then(|s| s.as_str()).map(str::to_owned) else { continue };
            if !(source.starts_with("./") || source.starts_with("../")) {
                continue;
            }
            let mut inputs = Map::new();
            let mut unknown = BTreeSet::new();
            for a in block.body().attributes() {
                if matches!(a.key(), "source" | "version" | "count" | "for_each" | "providers" | "depends_on") {
                    continue;
                }
                match a.expr().evaluate(&ctx) {
                    Ok(v) => {
                        inputs.insert(a.key().to_owned(), to_json(&v));
                    }
                    Err(_) => {
                        unknown.insert(a.key().to_owned());
                    }
                }
            }
            let child = dir.join(&source);
            let child_prefix = format!("{prefix}module.{name}.");
            load_module(&child, None, &inputs, &unknown, &child_prefix, depth + 1, max_bytes, stack, out, errors);
        }
    }
    stack.pop();
}

/// The instances of a resource block: one, or one per `count` index / `for_each` key, each
/// with its address and context.
fn instances(block: &Block, ctx: &Context<'static>, base: &str) -> Vec<(String, Context<'static>)> {
    let attr = |k: &str| block.body().attributes().find(|a| a.key() == k);
    if let Some(count) = attr("count") {
        let n = count.expr().evaluate(ctx).ok().and_then(|v| v.as_u64());
        return match n {
            Some(n) => (0..(n as usize).min(MAX_INSTANCES))
                .map(|i| {
                    let mut c = ctx.clone();
                    c.declare_var("count", to_hcl(&serde_json::json!({"index": i})));
                    (format!("{base}[{i}]"), c)
                })
                .collect(),
            // An unknown count: the resource is read once, its count.index unknown.
            None => vec![(base.to_owned(), ctx.clone())],
        };
    }
    if let Some(each) = attr("for_each") {
        let items: Option<Vec<(String, Json)>> = each.expr().evaluate(ctx).ok().map(|v| match to_json(&v) {
            Json::Object(m) => m.into_iter().collect(),
            Json::Array(list) => list.into_iter().map(|v| (crate::build::as_text(&v).unwrap_or_default(), v)).collect(),
            _ => Vec::new(),
        });
        return match items {
            Some(items) => items
                .into_iter()
                .take(MAX_INSTANCES)
                .map(|(k, v)| {
                    let mut c = ctx.clone();
                    c.declare_var("each", to_hcl(&serde_json::json!({"key": k, "value": v})));
                    (format!("{base}[\"{k}\"]"), c)
                })
                .collect(),
            None => vec![(base.to_owned(), ctx.clone())],
        };
    }
    vec![(base.to_owned(), ctx.clone())]
}

const META_ARGUMENTS: &[&str] = &["count", "for_each", "depends_on", "provider", "lifecycle", "provisioner"];
const MAX_BLOCK_DEPTH: usize = 32;

/// A block body as provider attributes: nested blocks become lists of objects; attributes
/// that do not evaluate are recorded as unknown.
fn eval_body(
    body: &Body,
    ctx: &Context<'_>,
    prefix: &str,
    unknown: &mut BTreeMap<String, String>,
    why: &dyn Fn(&str, &str) -> String,
    depth: usize,
) -> Json {
    let mut out = Map::new();
    if depth > MAX_BLOCK_DEPTH {
        return Json::Object(out);
    }
    for s in body.iter() {
        match s {
            Structure::Attribute(a) if !META_ARGUMENTS.contains(&a.key()) => match a.expr().evaluate(ctx) {
                Ok(v) => {
                    out.insert(a.key().to_owned(), to_json(&v));
                }
                Err(e) => {
                    let text = hcl::format::to_string(a.expr()).unwrap_or_else(|_| a.key().to_owned());
                    unknown.insert(format!("{prefix}{}", a.key()), why(&text, &e.to_string()));
                }
            },
            Structure::Block(b) if b.identifier() == "dynamic" => {
                if let Some(label) = b.labels().first() {
                    unknown.insert(format!("{prefix}{}", label.as_str()), "a dynamic block".to_owned());
                }
            }
            Structure::Block(b) if !META_ARGUMENTS.contains(&b.identifier()) => {
                let inner = eval_body(b.body(), ctx, &format!("{prefix}{}.", b.identifier()), unknown, why, depth + 1);
                let entry = out.entry(b.identifier().to_owned()).or_insert_with(|| Json::Array(Vec::new()));
                if let Json::Array(list) = entry {
                    list.push(inner);
                }
            }
            _ => {}
        }
    }
    Json::Object(out)
}

/// `data "aws_iam_policy_document"` as the JSON document the provider renders.
fn policy_document(block: &Block, ctx: &Context<'_>) -> Option<Json> {
    let mut statements = Vec::new();
    for s in block.body().blocks().filter(|b| b.identifier() == "statement") {
        let mut st = Map::new();
        let get = |k: &str| s.body().attributes().find(|a| a.key() == k).map(|a| a.expr().evaluate(ctx));
        if let Some(v) = get("sid") {
            st.insert("Sid".into(), to_json(&v.ok()?));
        }
        let effect = match get("effect") {
            Some(v) => to_json(&v.ok()?),
            None => Json::String("Allow".into()),
        };
        st.insert("Effect".into(), effect);
        for (k, name) in [
            ("actions", "Action"),
            ("not_actions", "NotAction"),
            ("resources", "Resource"),
            ("not_resources", "NotResource"),
        ] {
            if let Some(v) = get(k) {
                st.insert(name.into(), to_json(&v.ok()?));
            }
        }
        for (block_name, key) in [("principals", "Principal"), ("not_principals", "NotPrincipal")] {
            let mut principals = Map::new();
            for p in s.body().blocks().filter(|b| b.identifier() == block_name) {
                let attr = |k: &str| p.body().attributes().find(|a| a.key() == k).map(|a| a.expr().evaluate(ctx));
                let ty = crate::build::as_text(&to_json(&attr("type")?.ok()?))?;
                let ids = to_json(&attr("identifiers")?.ok()?);
                if ty == "*" {
                    principals.insert("*".into(), ids);
                } else {
                    principals.insert(ty, ids);
                }
            }
            if !principals.is_empty() {
                let value =
                    if principals.contains_key("*") { Json::String("*".into()) } else { Json::Object(principals) };
                st.insert(key.into(), value);
            }
        }
        let mut conditions = Map::new();
        for c in s.body().blocks().filter(|b| b.identifier() == "condition") {
            let attr = |k: &str| c.body().attributes().find(|a| a.key() == k).map(|a| a.expr().evaluate(ctx));
            let test = crate::build::as_text(&to_json(&attr("test")?.ok()?))?;
            let variable = crate::build::as_text(&to_json(&attr("variable")?.ok()?))?;
            let values = to_json(&attr("values")?.ok()?);
            let entry = conditions.entry(test).or_insert_with(|| Json::Object(Map::new()));
            entry[variable] = values;
        }
        if !conditions.is_empty() {
            st.insert("Condition".into(), Json::Object(conditions));
        }
        statements.push(Json::Object(st));
    }
    Some(serde_json::json!({"Version": "2012-10-17", "Statement": statements}))
}

/// The line of `kind "label" "label"`.
fn locate_block(text: &str, kind: &str, labels: &[&str]) -> Option<Pos> {
    text.lines().enumerate().find_map(|(i, line)| {
        let t = line.trim_start();
        let mut rest = t.strip_prefix(kind)?;
        for l in labels {
            rest = rest.trim_start().strip_prefix(&format!("\"{l}\""))?;
        }
        Some(Pos { line: i as u32 + 1, column: (line.len() - t.len()) as u32 + 1 })
    })
}

/// The first line after `from` (1-based) that sets `key` (`key =` or `key {`).
fn locate_key(text: &str, from: u32, key: &str) -> Option<Pos> {
    let mut depth = 0i32;
    for (i, line) in text.lines().enumerate().skip(from as usize - 1) {
        let t = line.trim_start();
        if i + 1 > from as usize && depth == 1 {
            if let Some(rest) = t.strip_prefix(key) {
                let rest = rest.trim_start();
                if rest.starts_with('=') || rest.starts_with('{') {
                    return Some(Pos { line: i as u32 + 1, column: (line.len() - t.len()) as u32 + 1 });
                }
            }
        }
        depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
        if depth <= 0 && i + 1 > from as usize {
            return None;
        }
    }
    None
}

pub fn to_json(v: &hcl::Value) -> Json {
    serde_json::to_value(v).unwrap_or(Json::Null)
}

pub fn to_hcl(v: &Json) -> hcl::Value {
    hcl::to_value(v).unwrap_or(hcl::Value::Null)
}

/// A context with Terraform's common functions.
fn base_context() -> Context<'static> {
    let mut ctx = Context::new();
    let any = || FuncDef::builder().variadic_param(ParamType::Any);
    ctx.declare_func("jsonencode", FuncDef::builder().param(ParamType::Any).build(f_jsonencode));
    ctx.declare_func("jsondecode", FuncDef::builder().param(ParamType::String).build(f_jsondecode));
    ctx.declare_func("lower", FuncDef::builder().param(ParamType::String).build(f_lower));
    ctx.declare_func("upper", FuncDef::builder().param(ParamType::String).build(f_upper));
    ctx.declare_func("tostring", FuncDef::builder().param(ParamType::Any).build(f_tostring));
    ctx.declare_func("tonumber", FuncDef::builder().param(ParamType::Any).build(f_tonumber));
    ctx.declare_func("tobool", FuncDef::builder().param(ParamType::Any).build(f_tobool));
    ctx.declare_func("tolist", FuncDef::builder().param(ParamType::Any).build(f_identity));
    ctx.declare_func("toset", FuncDef::builder().param(ParamType::Any).build(f_identity));
    ctx.declare_func("tomap", FuncDef::builder().param(ParamType::Any).build(f_identity));
    ctx.declare_func("length", FuncDef::builder().param(ParamType::Any).build(f_length));
    ctx.declare_func("concat", any().build(f_concat));
    ctx.declare_func("merge", any().build(f_merge));
    ctx.declare_func("coalesce", any().build(f_coalesce));
    ctx.declare_func("format", any().build(f_format));
    ctx.declare_func("join", FuncDef::builder().param(ParamType::String).param(ParamType::Any).build(f_join));
    ctx.declare_func("split", FuncDef::builder().param(ParamType::String).param(ParamType::String).build(f_split));
    ctx.declare_func("lookup", any().build(f_lookup));
    ctx.declare_func("contains", FuncDef::builder().param(ParamType::Any).param(ParamType::Any).build(f_contains));
    ctx.declare_func(
        "replace",
        FuncDef::builder().param(ParamType::String).param(ParamType::String).param(ParamType::String).build(f_replace),
    );
    ctx
}

fn args_json(args: &FuncArgs) -> Vec<Json> {
    args.iter().map(to_json).collect()
}

fn f_jsonencode(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(hcl::Value::String(args_json(&args)[0].to_string()))
}
fn f_jsondecode(args: FuncArgs) -> Result<hcl::Value, String> {
    let text = args[0].as_str().unwrap_or_default();
    serde_json::from_str::<Json>(text).map(|j| to_hcl(&j)).map_err(|e| e.to_string())
}
fn f_lower(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(hcl::Value::String(args[0].as_str().unwrap_or_default().to_lowercase()))
}
fn f_upper(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(hcl::Value::String(args[0].as_str().unwrap_or_default().to_uppercase()))
}
fn f_tostring(args: FuncArgs) -> Result<hcl::Value, String> {
    crate::build::as_text(&args_json(&args)[0]).map(hcl::Value::String).ok_or_else(|| "not a primitive".to_owned())
}
fn f_tonumber(args: FuncArgs) -> Result<hcl::Value, String> {
    let text = crate::build::as_text(&args_json(&args)[0]).unwrap_or_default();
    serde_json::from_str::<Json>(&text).ok().filter(Json::is_number).map(|j| to_hcl(&j)).ok_or("not a number".into())
}
fn f_tobool(args: FuncArgs) -> Result<hcl::Value, String> {
    crate::build::as_bool(&args_json(&args)[0]).map(hcl::Value::Bool).ok_or_else(|| "not a boolean".to_owned())
}
fn f_identity(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(args[0].clone())
}
fn f_length(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(match &args_json(&args)[0] {
        Json::Array(a) => hcl::Value::from(a.len() as u64),
        Json::Object(m) => hcl::Value::from(m.len() as u64),
        Json::String(s) => hcl::Value::from(s.chars().count() as u64),
        _ => return Err("length of a primitive".into()),
    })
}
fn f_concat(args: FuncArgs) -> Result<hcl::Value, String> {
    let mut out = Vec::new();
    for a in args_json(&args) {
        match a {
            Json::Array(items) => out.extend(items),
            _ => return Err("concat takes lists".into()),
        }
    }
    Ok(to_hcl(&Json::Array(out)))
}
fn f_merge(args: FuncArgs) -> Result<hcl::Value, String> {
    let mut out = Map::new();
    for a in args_json(&args) {
        if let Json::Object(m) = a {
            out.extend(m);
        }
    }
    Ok(to_hcl(&Json::Object(out)))
}
fn f_coalesce(args: FuncArgs) -> Result<hcl::Value, String> {
    args.iter()
        .find(|v| !v.is_null() && v.as_str() != Some(""))
        .cloned()
        .ok_or_else(|| "no non-null argument".to_owned())
}
fn f_format(args: FuncArgs) -> Result<hcl::Value, String> {
    let values = args_json(&args);
    let spec = values.first().and_then(Json::as_str).ok_or("format needs a string")?;
    let mut rest = values[1..].iter();
    let mut out = String::new();
    let mut chars = spec.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some('s' | 'd' | 'v') => {
                let v = rest.next().ok_or("too few arguments")?;
                out.push_str(&crate::build::as_text(v).unwrap_or_else(|| v.to_string()));
            }
            _ => return Err("unsupported format verb".into()),
        }
    }
    Ok(hcl::Value::String(out))
}
fn f_join(args: FuncArgs) -> Result<hcl::Value, String> {
    let values = args_json(&args);
    let sep = values[0].as_str().unwrap_or_default();
    let Json::Array(items) = &values[1] else { return Err("join takes a list".into()) };
    Ok(hcl::Value::String(items.iter().filter_map(crate::build::as_text).collect::<Vec<_>>().join(sep)))
}
fn f_split(args: FuncArgs) -> Result<hcl::Value, String> {
    let sep = args[0].as_str().unwrap_or_default();
    let text = args[1].as_str().unwrap_or_default();
    if sep.is_empty() {
        return Err("empty separator".into());
    }
    Ok(to_hcl(&Json::Array(text.split(sep).map(|s| Json::String(s.to_owned())).collect())))
}
fn f_lookup(args: FuncArgs) -> Result<hcl::Value, String> {
    let values = args_json(&args);
    let key = values.get(1).and_then(crate::build::as_text).ok_or("lookup needs a key")?;
    match values.first().and_then(|m| m.get(&key)) {
        Some(v) => Ok(to_hcl(v)),
        None => values.get(2).map(to_hcl).ok_or_else(|| format!("no key {key}")),
    }
}
fn f_contains(args: FuncArgs) -> Result<hcl::Value, String> {
    let values = args_json(&args);
    Ok(hcl::Value::Bool(values[0].as_array().is_some_and(|a| a.contains(&values[1]))))
}
fn f_replace(args: FuncArgs) -> Result<hcl::Value, String> {
    let s = args[0].as_str().unwrap_or_default();
    Ok(hcl::Value::String(s.replace(args[1].as_str().unwrap_or_default(), args[2].as_str().unwrap_or_default())))
}
