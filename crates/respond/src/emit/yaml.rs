//! Block YAML from JSON values, for CloudFormation and Automation: every string that a YAML 1.1
//! reader could take for something else (`2012-10-17` a date, `on` a boolean, `0700` a number)
//! is quoted, and keys come in the order people expect (`Type` before `Properties`).
use serde_json::Value;
use std::fmt::Write as _;

/// Keys written first, in this order; the others follow alphabetically.
const FIRST: &[&str] = &[
    "AWSTemplateFormatVersion",
    "Description",
    "Type",
    "DependsOn",
    "Properties",
    "description",
    "schemaVersion",
    "assumeRole",
    "parameters",
    "mainSteps",
    "name",
    "action",
    "onFailure",
    "inputs",
    "outputs",
    "Service",
    "Api",
    "Version",
    "Sid",
    "Effect",
];

/// The value (an object) as a YAML document, each line indented by `indent` spaces.
pub(crate) fn to_yaml(value: &Value, indent: usize) -> String {
    let mut out = String::new();
    node(value, indent, &mut out);
    out
}

fn sorted(map: &serde_json::Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
    let rank = |k: &str| FIRST.iter().position(|f| *f == k).unwrap_or(FIRST.len());
    entries.sort_by(|a, b| (rank(a.0), a.0).cmp(&(rank(b.0), b.0)));
    entries
}

/// A mapping or a sequence in block style at `indent`; a scalar on its own line.
fn node(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (k, v) in sorted(map) {
                let _ = write!(out, "{pad}{}:", key(k));
                child(v, indent, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                let mut inner = String::new();
                match item {
                    Value::Object(m) if !m.is_empty() => node(item, indent + 2, &mut inner),
                    Value::Array(a) if !a.is_empty() => node(item, indent + 2, &mut inner),
                    scalar => {
                        let _ = writeln!(out, "{pad}- {}", inline(scalar, indent + 2));
                        continue;
                    }
                }
                // The item's first line starts after `- ` in place of its indentation.
                out.push_str(&pad);
                out.push_str("- ");
                out.push_str(&inner[indent + 2..]);
            }
        }
        scalar => {
            let _ = writeln!(out, "{pad}{}", inline(scalar, indent));
        }
    }
}

/// What follows `key:`: a scalar on the same line, or a nested block below.
fn child(v: &Value, indent: usize, out: &mut String) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            node(v, indent + 2, out);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            node(v, indent, out);
        }
        scalar => {
            let _ = writeln!(out, " {}", inline(scalar, indent + 2));
        }
    }
}

/// A scalar (or an empty collection) on one line; a multi-line string as a literal block
/// indented by `indent`.
fn inline(v: &Value, indent: usize) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(_) => "[]".to_owned(),
        Value::Object(_) => "{}".to_owned(),
        Value::String(s) if literal_block(s) => {
            let pad = " ".repeat(indent);
            let lines: Vec<String> =
                s.lines().map(|l| if l.is_empty() { String::new() } else { format!("{pad}{l}") }).collect();
            format!("|-\n{}", lines.join("\n"))
        }
        Value::String(s) => string(s),
    }
}

/// Whether a string reads back the same as a `|-` block: several lines of printable text, no
/// line starting with a space or ending with one, no trailing newline.
fn literal_block(s: &str) -> bool {
    s.contains('\n')
        && !s.ends_with('\n')
        && !s.starts_with(' ')
        && s.chars().all(|c| c == '\n' || !c.is_control())
        && s.lines().all(|l| !l.ends_with(' ') && !l.starts_with(' '))
}

/// YAML 1.1 words a plain scalar must not be (they read as booleans or null).
const WORDS: &[&str] = &["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"];

/// A string plain when nothing else can be read into it, double-quoted (JSON escapes, which
/// YAML shares) otherwise.
fn string(s: &str) -> String {
    let plain = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || "_./:*-".contains(c))
        && !s.ends_with(':')
        && !WORDS.contains(&s.to_ascii_lowercase().as_str());
    if plain {
        s.to_owned()
    } else {
        serde_json::to_string(s).expect("a string serialises")
    }
}

fn key(k: &str) -> String {
    let plain = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && k.chars().all(|c| c.is_ascii_alphanumeric() || "_.:-".contains(c))
        && !k.ends_with(':')
        && !WORDS.contains(&k.to_ascii_lowercase().as_str());
    if plain {
        k.to_owned()
    } else {
        serde_json::to_string(k).expect("a string serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn what_yaml_would_misread_is_quoted_and_reads_back_the_same() {
        let value = json!({
            "Version": "2012-10-17", "on": "yes", "mode": "0700", "empty": "", "star": "*", "arn": "arn:aws:s3:::b/*",
            "Type": "AWS::S3::Bucket", "n": 3, "b": false, "none": null, "list": [], "map": {},
            "nested": [{"a": 1, "b": [1, [2, "two"]]}, "x"], "text": "line one\n\nline: three", "tail": "ends:",
            "role": "{{ AutomationAssumeRole }}", "quote": "it's \"so\"", "aws:SecureTransport": "false"
        });
        let text = to_yaml(&value, 0);
        assert!(text.starts_with("Type: AWS::S3::Bucket\nVersion: \"2012-10-17\"\n"), "{text}");
        assert!(!text.contains("\non: \"yes\"\n") && text.contains("\"on\": \"yes\"\n"), "{text}");
        assert!(text.contains("text: |-\n  line one\n\n  line: three\n"), "{text}");
        let back: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(serde_json::to_value(back).unwrap(), value);
        let indented = to_yaml(&json!({"R": {"a": [{"b": "c"}]}}), 2);
        assert_eq!(indented, "  R:\n    a:\n    - b: c\n");
    }
}
