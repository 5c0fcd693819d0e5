//! The policy model and its parser, for every kind of document AWS accepts: identity,
//! resource, role trust, permissions boundary, session, SCP and RCP.
//!
//! Case rules follow AWS: element names, `Effect` values and condition operators are
//! case-sensitive; action names and condition keys are not; resource ARNs are.

use crate::condition::Condition;
use crate::error::{ErrorKind, ParseError, StatementId};
use crate::pattern::{Pattern, Syntax};
use serde_json::{Map, Value};
use std::fmt;

/// Largest document accepted, in bytes of JSON text. The largest AWS allows is a KMS key
/// policy (32 KiB); the limit leaves room for pretty-printed copies.
pub const MAX_DOCUMENT_BYTES: usize = 128 * 1024;

/// Deepest JSON nesting accepted. A valid policy nests at most 7 levels (document, Statement
/// list, statement, Condition, operator, key, value list).
pub const MAX_DEPTH: usize = 8;

/// Which kind of policy a document is; it decides which elements are required or forbidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyKind {
    /// Attached to a user, group or role (inline or managed).
    Identity,
    /// Attached to a resource (bucket policy, key policy, queue policy …).
    Resource,
    /// A role's trust policy (who may assume it).
    Trust,
    /// A permissions boundary.
    PermissionsBoundary,
    /// A session policy passed when assuming a role or federating.
    Session,
    /// An AWS Organizations service control policy.
    Scp,
    /// An AWS Organizations resource control policy.
    Rcp,
    /// Not known: only the rules common to all kinds are checked.
    Unknown,
}

impl PolicyKind {
    /// A short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity",
            PolicyKind::Resource => "resource",
            PolicyKind::Trust => "trust",
            PolicyKind::PermissionsBoundary => "permissions boundary",
            PolicyKind::Session => "session",
            PolicyKind::Scp => "SCP",
            PolicyKind::Rcp => "RCP",
            PolicyKind::Unknown => "unknown-kind",
        }
    }
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `Allow` or `Deny`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Effect {
    Allow,
    Deny,
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        })
    }
}

/// An element with its negated form: `Action`/`NotAction`, `Resource`/`NotResource`,
/// `Principal`/`NotPrincipal`.
#[derive(Debug, Clone, PartialEq)]
pub struct Element<T> {
    /// `true` for the `Not…` form.
    pub negated: bool,
    pub items: T,
}

/// The principals a `Principal` or `NotPrincipal` element names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Principals {
    /// `"*"` or `{"AWS": "*"}`: everyone, including anonymous callers.
    pub everyone: bool,
    /// `AWS` values other than `*`: account ids, account root ARNs, user, role, session ARNs.
    pub aws: Vec<String>,
    pub service: Vec<String>,
    pub federated: Vec<String>,
    pub canonical_user: Vec<String>,
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub sid: Option<String>,
    /// Position in the document, from 0.
    pub index: usize,
    pub effect: Effect,
    /// Action patterns, lowercased (action names are case-insensitive).
    pub action: Element<Vec<Pattern>>,
    /// Resource patterns; `None` when the statement has neither element (trust policies).
    pub resource: Option<Element<Vec<Pattern>>>,
    pub principal: Option<Element<Principals>>,
    pub conditions: Vec<Condition>,
}

impl Statement {
    /// The statement's name in messages: its Sid, or `#index`.
    pub fn label(&self) -> String {
        match &self.sid {
            Some(sid) if !sid.is_empty() => sid.clone(),
            _ => format!("#{}", self.index),
        }
    }

    /// Whether an action (e.g. `iam:CreatePolicyVersion`) is covered by `Action`/`NotAction`.
    pub fn covers_action(&self, action: &str) -> bool {
        let hit = self.action.items.iter().any(|p| crate::pattern::glob(p.pieces(), action, true));
        hit != self.action.negated
    }
}

/// A parsed policy document.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub kind: PolicyKind,
    pub version: Option<String>,
    pub id: Option<String>,
    pub statements: Vec<Statement>,
}

impl Policy {
    /// Parses JSON text; refuses documents over [`MAX_DOCUMENT_BYTES`] or nested deeper than
    /// [`MAX_DEPTH`] before building any JSON value.
    pub fn parse(text: &str, kind: PolicyKind) -> Result<Policy, ParseError> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(ParseError::doc(ErrorKind::TooLarge { size: text.len(), limit: MAX_DOCUMENT_BYTES }));
        }
        if text_depth(text) > MAX_DEPTH {
            return Err(ParseError::doc(ErrorKind::TooDeep { limit: MAX_DEPTH }));
        }
        let value: Value =
            serde_json::from_str(text).map_err(|e| ParseError::doc(ErrorKind::NotJson(e.to_string())))?;
        Self::parse_checked(&value, kind)
    }

    /// Parses an already-decoded JSON value, with the same limits as [`Policy::parse`].
    pub fn from_value(value: &Value, kind: PolicyKind) -> Result<Policy, ParseError> {
        if value_depth(value) > MAX_DEPTH {
            return Err(ParseError::doc(ErrorKind::TooDeep { limit: MAX_DEPTH }));
        }
        let size = serde_json::to_string(value).map_or(usize::MAX, |s| s.len());
        if size > MAX_DOCUMENT_BYTES {
            return Err(ParseError::doc(ErrorKind::TooLarge { size, limit: MAX_DOCUMENT_BYTES }));
        }
        Self::parse_checked(value, kind)
    }

    fn parse_checked(value: &Value, kind: PolicyKind) -> Result<Policy, ParseError> {
        let doc = value.as_object().ok_or_else(|| ParseError::doc(ErrorKind::NotAnObject))?;
        for key in doc.keys() {
            if !matches!(key.as_str(), "Version" | "Id" | "Statement") {
                return Err(ParseError::doc(ErrorKind::UnknownField(key.clone())));
            }
        }
        let version = match doc.get("Version") {
            None => None,
            Some(Value::String(v)) if v == "2012-10-17" || v == "2008-10-17" => Some(v.clone()),
            Some(Value::String(v)) => return Err(ParseError::doc(ErrorKind::BadVersion(v.clone()))),
            Some(_) => return Err(ParseError::doc(ErrorKind::NotAString("Version"))),
        };
        let id = match doc.get("Id") {
            None => None,
            Some(Value::String(v)) => Some(v.clone()),
            Some(_) => return Err(ParseError::doc(ErrorKind::NotAString("Id"))),
        };
        let raw: Vec<&Value> = match doc.get("Statement") {
            None => return Err(ParseError::doc(ErrorKind::MissingStatement)),
            Some(Value::Array(list)) => list.iter().collect(),
            Some(obj @ Value::Object(_)) => vec![obj],
            Some(_) => return Err(ParseError::doc(ErrorKind::BadStatement)),
        };
        // Policy variables exist only in version 2012-10-17; elsewhere `${…}` is literal text.
        let variables = version.as_deref() == Some("2012-10-17");
        let statements = raw
            .into_iter()
            .enumerate()
            .map(|(index, v)| parse_statement(index, v, kind, variables))
            .collect::<Result<_, _>>()?;
        Ok(Policy { kind, version, id, statements })
    }
}

fn parse_statement(index: usize, value: &Value, kind: PolicyKind, variables: bool) -> Result<Statement, ParseError> {
    let sid = value.get("Sid").and_then(Value::as_str).map(str::to_string);
    let at = |kind: ErrorKind| ParseError { statement: Some(StatementId { index, sid: sid.clone() }), kind };
    let obj = value.as_object().ok_or_else(|| at(ErrorKind::BadStatement))?;
    for key in obj.keys() {
        if !matches!(
            key.as_str(),
            "Sid"
                | "Effect"
                | "Action"
                | "NotAction"
                | "Resource"
                | "NotResource"
                | "Principal"
                | "NotPrincipal"
                | "Condition"
        ) {
            return Err(at(ErrorKind::UnknownField(key.clone())));
        }
    }
    if obj.get("Sid").is_some_and(|v| !v.is_string()) {
        return Err(at(ErrorKind::NotAString("Sid")));
    }
    let effect = match obj.get("Effect") {
        None => return Err(at(ErrorKind::MissingEffect)),
        Some(Value::String(e)) if e == "Allow" => Effect::Allow,
        Some(Value::String(e)) if e == "Deny" => Effect::Deny,
        Some(Value::String(e)) => return Err(at(ErrorKind::BadEffect(e.clone()))),
        Some(_) => return Err(at(ErrorKind::NotAString("Effect"))),
    };

    let (negated, list) =
        pair(obj, "Action", "NotAction").map_err(at)?.ok_or_else(|| at(ErrorKind::Neither("Action", "NotAction")))?;
    let name = if negated { "NotAction" } else { "Action" };
    let actions = strings(list, name).map_err(at)?;
    let mut action_patterns = Vec::with_capacity(actions.len());
    for a in actions {
        let ok = a == "*"
            || a.split_once(':').is_some_and(|(svc, act)| !svc.is_empty() && !act.is_empty() && !act.contains(':'));
        if !ok {
            return Err(at(ErrorKind::BadAction(a.to_string())));
        }
        action_patterns.push(Pattern::parse(a, Syntax { wildcards: true, variables: false, lowercase: true }));
    }
    let action = Element { negated, items: action_patterns };

    let resource = match pair(obj, "Resource", "NotResource").map_err(at)? {
        None => None,
        Some((negated, list)) => {
            let name = if negated { "NotResource" } else { "Resource" };
            let items = strings(list, name)
                .map_err(at)?
                .into_iter()
                .map(|r| Pattern::parse(r, Syntax { wildcards: true, variables, lowercase: false }))
                .collect();
            Some(Element { negated, items })
        }
    };

    let principal = match pair(obj, "Principal", "NotPrincipal").map_err(at)? {
        None => None,
        Some((negated, v)) => Some(Element { negated, items: principals(v).map_err(at)? }),
    };

    let conditions = match obj.get("Condition") {
        None => Vec::new(),
        Some(v) => conditions(v, variables).map_err(at)?,
    };

    // What each kind of policy requires or forbids.
    let has_principal = principal.is_some();
    match kind {
        PolicyKind::Identity | PolicyKind::PermissionsBoundary | PolicyKind::Session | PolicyKind::Scp => {
            if has_principal {
                let name = if principal.as_ref().is_some_and(|p| p.negated) { "NotPrincipal" } else { "Principal" };
                return Err(at(ErrorKind::NotAllowedIn(name, kind.name())));
            }
            if kind != PolicyKind::Scp && resource.is_none() {
                return Err(at(ErrorKind::Neither("Resource", "NotResource")));
            }
        }
        PolicyKind::Resource => {
            if !has_principal {
                return Err(at(ErrorKind::RequiredIn("Principal", kind.name())));
            }
        }
        PolicyKind::Trust => {
            if !has_principal {
                return Err(at(ErrorKind::RequiredIn("Principal", kind.name())));
            }
            if let Some(r) = &resource {
                return Err(at(ErrorKind::NotAllowedIn(
                    if r.negated { "NotResource" } else { "Resource" },
                    kind.name(),
                )));
            }
        }
        PolicyKind::Rcp => match &principal {
            Some(Element { negated: false, items }) if items.everyone => {}
            _ => return Err(at(ErrorKind::RcpPrincipal)),
        },
        PolicyKind::Unknown => {}
    }

    Ok(Statement { sid, index, effect, action, resource, principal, conditions })
}

/// The element present among a positive/negated pair: `(negated, value)`.
fn pair<'v>(
    obj: &'v Map<String, Value>,
    pos: &'static str,
    neg: &'static str,
) -> Result<Option<(bool, &'v Value)>, ErrorKind> {
    match (obj.get(pos), obj.get(neg)) {
        (Some(_), Some(_)) => Err(ErrorKind::Both(pos, neg)),
        (Some(v), None) => Ok(Some((false, v))),
        (None, Some(v)) => Ok(Some((true, v))),
        (None, None) => Ok(None),
    }
}

/// A string or a non-empty list of strings.
fn strings<'v>(value: &'v Value, name: &'static str) -> Result<Vec<&'v str>, ErrorKind> {
    match value {
        Value::String(s) => Ok(vec![s.as_str()]),
        Value::Array(list) => {
            if list.is_empty() {
                return Err(ErrorKind::Empty(name));
            }
            list.iter().map(|v| v.as_str().ok_or(ErrorKind::NotStrings(name))).collect()
        }
        _ => Err(ErrorKind::NotStrings(name)),
    }
}

fn principals(value: &Value) -> Result<Principals, ErrorKind> {
    let mut p = Principals::default();
    match value {
        Value::String(s) if s == "*" => p.everyone = true,
        Value::Object(map) => {
            for (kind, v) in map {
                let list = strings(v, "Principal").map_err(|_| ErrorKind::BadPrincipal)?;
                let target = match kind.as_str() {
                    "AWS" => &mut p.aws,
                    "Service" => &mut p.service,
                    "Federated" => &mut p.federated,
                    "CanonicalUser" => &mut p.canonical_user,
                    other => return Err(ErrorKind::UnknownPrincipalType(other.to_string())),
                };
                for s in list {
                    if kind == "AWS" && s == "*" {
                        p.everyone = true;
                    } else {
                        target.push(s.to_string());
                    }
                }
            }
        }
        _ => return Err(ErrorKind::BadPrincipal),
    }
    Ok(p)
}

fn conditions(value: &Value, variables: bool) -> Result<Vec<Condition>, ErrorKind> {
    let ops = value.as_object().ok_or(ErrorKind::BadCondition)?;
    let mut out = Vec::new();
    for (op, keys) in ops {
        // Check the operator name even when its block is malformed, so the error names it.
        if crate::condition::Operator::parse(op).is_none() {
            return Err(ErrorKind::UnknownOperator(op.clone()));
        }
        let keys = keys.as_object().ok_or(ErrorKind::BadCondition)?;
        for (key, vals) in keys {
            let scalar = |v: &Value| match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                _ => None,
            };
            let values: Option<Vec<String>> = match vals {
                Value::Array(list) => list.iter().map(scalar).collect(),
                v => scalar(v).map(|s| vec![s]),
            };
            let values = values.ok_or_else(|| ErrorKind::BadConditionValue {
                operator: op.clone(),
                key: key.clone(),
                problem: "values must be strings, numbers or booleans".into(),
            })?;
            out.push(Condition::compile(op, key, values, variables)?);
        }
    }
    Ok(out)
}

/// Deepest nesting of `[`/`{` in JSON text, ignoring brackets inside strings. Linear, no
/// recursion; stops counting once past the limit.
fn text_depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_str {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
                if max > MAX_DEPTH {
                    return max;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Depth of a JSON value (a scalar is 0), iteratively; stops once past the limit.
fn value_depth(value: &Value) -> usize {
    let mut max = 0;
    let mut stack = vec![(value, 0usize)];
    while let Some((v, d)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(a) => Box::new(a.iter()),
            Value::Object(o) => Box::new(o.values()),
            _ => continue,
        };
        let d = d + 1;
        max = max.max(d);
        if max > MAX_DEPTH {
            return max;
        }
        stack.extend(children.map(|c| (c, d)));
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_only_structure() {
        assert_eq!(text_depth(r#"{"a":"[[[[[[[[[[["}"#), 1);
        assert_eq!(text_depth(r#"{"a":[{"b":"\"["}]}"#), 3);
        assert_eq!(value_depth(&serde_json::json!({"a":[{"b":[1]}]})), 4);
    }

    #[test]
    fn version_2008_keeps_variables_literal() {
        let doc = r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}}"#;
        let p = Policy::parse(doc, PolicyKind::Identity).unwrap();
        let r = &p.statements[0].resource.as_ref().unwrap().items[0];
        assert!(!r.has_variables());
        let doc = doc.replace("2008", "2012");
        let p = Policy::parse(&doc, PolicyKind::Identity).unwrap();
        assert!(p.statements[0].resource.as_ref().unwrap().items[0].has_variables());
    }
}
