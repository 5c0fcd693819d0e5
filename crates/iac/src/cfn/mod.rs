//! CloudFormation: recognising templates, parsing JSON and YAML (short-form tags turned into
//! their long form), and evaluating intrinsic functions statically.
mod eval;

pub use eval::{Ctx, Eval, ResourceIds};

use crate::{Format, ParseError};
use serde_json::{Map, Value as Json};

/// Whether a file is a CloudFormation template.
pub enum Detected {
    Yes(Format),
    No(String),
}

/// Recognises templates by content: a `Resources` map of `AWS::` types, or the format version.
/// A file that looks like one but does not parse is still a template (and reported malformed).
pub fn detect(file: &str, text: &str) -> Detected {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let lower = file.to_ascii_lowercase();
    let ext_ok = [".json", ".yaml", ".yml", ".template", ".cfn", ".tmpl"].iter().any(|e| lower.ends_with(e));
    let marker = text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources") && (text.contains("AWS::") || text.contains("Type:")));
    if !marker {
        return Detected::No("no CloudFormation Resources".to_owned());
    }
    if trimmed.starts_with('{') {
        return Detected::Yes(Format::CloudFormationJson);
    }
    if ext_ok || text.contains("AWSTemplateFormatVersion") {
        return Detected::Yes(Format::CloudFormationYaml);
    }
    Detected::No("not a .json/.yaml/.template file".to_owned())
}

/// A parsed template: JSON with every short-form tag in long form.
pub fn parse(file: &str, text: &str, format: Format) -> Result<Json, ParseError> {
    let doc = match format {
        Format::CloudFormationJson => serde_json::from_str::<Json>(text).map_err(|e| ParseError {
            file: file.to_owned(),
            line: u32::try_from(e.line()).ok().filter(|l| *l > 0),
            column: u32::try_from(e.column()).ok().filter(|c| *c > 0),
            message: strip_position(&e.to_string()),
        })?,
        Format::CloudFormationYaml | Format::TerraformHcl | Format::TerraformPlan => {
            if let Some((line, column)) = too_deep(text) {
                return Err(ParseError {
                    file: file.to_owned(),
                    line: Some(line),
                    column: Some(column),
                    message: format!("flow collections nest deeper than {MAX_NESTING} levels"),
                });
            }
            let mut value = serde_yaml::from_str::<serde_yaml::Value>(text).map_err(|e| {
                let loc = e.location();
                ParseError {
                    file: file.to_owned(),
                    line: loc.as_ref().and_then(|l| u32::try_from(l.line()).ok()),
                    column: loc.as_ref().and_then(|l| u32::try_from(l.column()).ok()),
                    message: strip_position(&e.to_string()),
                }
            })?;
            // `<<` merge keys; a template whose merges do not apply keeps them as written.
            let _ = value.apply_merge();
            yaml_to_json(value, 0).map_err(|message| ParseError {
                file: file.to_owned(),
                line: None,
                column: None,
                message,
            })?
        }
    };
    match doc.get("Resources") {
        Some(Json::Object(_)) => Ok(doc),
        _ => Err(ParseError {
            file: file.to_owned(),
            line: None,
            column: None,
            message: "the template has no Resources map".to_owned(),
        }),
    }
}

/// Where flow collections (`[`, `{`) first nest deeper than [`MAX_NESTING`], outside quotes:
/// the YAML parser slows down sharply on such input before its own limit applies.
fn too_deep(text: &str) -> Option<(u32, u32)> {
    let (mut depth, mut line, mut column) = (0usize, 1u32, 0u32);
    let mut quote: Option<char> = None;
    for c in text.chars() {
        column += 1;
        match (quote, c) {
            (_, '\n') => {
                line += 1;
                column = 0;
                quote = None;
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some((line, column));
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// serde's messages end with " at line L column C", which the location already says.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Nesting allowed in a template; serde_yaml stops at 128 already.
const MAX_NESTING: usize = 200;

/// YAML to JSON: `!Ref x` → `{"Ref": x}`, `!GetAtt a.b` → `{"Fn::GetAtt": ["a", "b"]}`,
/// `!Condition c` → `{"Condition": c}`, any other `!Name v` → `{"Fn::Name": v}`.
fn yaml_to_json(value: serde_yaml::Value, depth: usize) -> Result<Json, String> {
    use serde_yaml::Value as Y;
    if depth > MAX_NESTING {
        return Err(format!("the template nests deeper than {MAX_NESTING} levels"));
    }
    Ok(match value {
        Y::Null => Json::Null,
        Y::Bool(b) => Json::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Json::from(i)
            } else if let Some(u) = n.as_u64() {
                Json::from(u)
            } else {
                n.as_f64().and_then(serde_json::Number::from_f64).map(Json::Number).unwrap_or(Json::Null)
            }
        }
        Y::String(s) => Json::String(s),
        Y::Sequence(items) => {
            Json::Array(items.into_iter().map(|v| yaml_to_json(v, depth + 1)).collect::<Result<_, _>>()?)
        }
        Y::Mapping(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                let key = match k {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    other => serde_yaml::to_string(&other).unwrap_or_default().trim().to_owned(),
                };
                out.insert(key, yaml_to_json(v, depth + 1)?);
            }
            Json::Object(out)
        }
        Y::Tagged(tagged) => {
            let tag = tagged.tag.to_string();
            let name = tag.trim_start_matches('!').to_owned();
            let inner = yaml_to_json(tagged.value, depth + 1)?;
            let (key, arg) = match name.as_str() {
                "Ref" => ("Ref".to_owned(), inner),
                "Condition" => ("Condition".to_owned(), inner),
                "GetAtt" => {
                    let arg = match inner {
                        Json::String(s) => match s.split_once('.') {
                            Some((a, b)) => Json::Array(vec![Json::String(a.into()), Json::String(b.into())]),
                            None => Json::String(s),
                        },
                        other => other,
                    };
                    ("Fn::GetAtt".to_owned(), arg)
                }
                other => (format!("Fn::{other}"), inner),
            };
            let mut out = Map::new();
            out.insert(key, arg);
            Json::Object(out)
        }
    })
}

/// How an intrinsic reads in messages: `!Ref Name`, `!GetAtt A.B`, `!If [...]`.
pub fn show(value: &Json) -> String {
    let text = match value {
        Json::Object(m) if m.len() == 1 => {
            let (k, v) = m.iter().next().expect("one entry");
            let name = k.strip_prefix("Fn::").unwrap_or(k);
            match (name, v) {
                ("GetAtt", Json::Array(parts)) => {
                    format!("!GetAtt {}", parts.iter().map(plain).collect::<Vec<_>>().join("."))
                }
                (_, Json::String(s)) => format!("!{name} {s}"),
                _ => format!("!{name} {}", serde_json::to_string(v).unwrap_or_default()),
            }
        }
        other => serde_json::to_string(other).unwrap_or_default(),
    };
    wasp_model::excerpt(&text).to_string()
}

fn plain(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        other => show(other),
    }
}
