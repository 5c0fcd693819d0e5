//! Static evaluation of CloudFormation intrinsic functions.
//!
//! [`Eval`] is `Ok(Some(v))` for a known value, `Ok(None)` for `AWS::NoValue` (the property is
//! then absent) and `Err(why)` for a value known only at deployment (an import, an attribute of
//! a created resource, a parameter without a value), `why` naming the expression.
use super::show;
use serde_json::{Map, Value as Json};
use std::cell::RefCell;
use std::collections::BTreeMap;

pub type Eval = Result<Option<Json>, String>;

/// Deepest evaluation: intrinsics nested this deep are not followed.
const MAX_DEPTH: usize = 64;

/// What a template's resource answers to `Ref` and `Fn::GetAtt`.
#[derive(Debug, Clone, Default)]
pub struct ResourceIds {
    pub ty: String,
    /// What `Ref` returns (a name, an id, an ARN or a URL, as the type documents).
    pub reference: String,
    pub arn: String,
    /// `Fn::GetAtt` attributes known before deployment.
    pub attrs: BTreeMap<String, Json>,
}

/// The evaluation context of one template.
pub struct Ctx {
    pub region: String,
    pub account: String,
    pub stack_name: String,
    pub params: BTreeMap<String, Result<Json, String>>,
    pub conditions: Map<String, Json>,
    pub mappings: Map<String, Json>,
    pub resources: BTreeMap<String, ResourceIds>,
    cond_cache: RefCell<BTreeMap<String, Result<bool, String>>>,
    visiting: RefCell<Vec<String>>,
}

impl Ctx {
    /// Parameters resolved from `--parameter` values over defaults.
    pub fn new(doc: &Json, overrides: &BTreeMap<String, String>, region: &str, account: &str, stack: &str) -> Ctx {
        let mut params = BTreeMap::new();
        if let Some(Json::Object(declared)) = doc.get("Parameters") {
            for (name, decl) in declared {
                let ty = decl.get("Type").and_then(Json::as_str).unwrap_or("String");
                let list = ty.starts_with("List<") || ty == "CommaDelimitedList";
                let raw = match overrides.get(name) {
                    Some(v) => Some(Json::String(v.clone())),
                    None => decl.get("Default").cloned(),
                };
                let value = match raw {
                    Some(Json::String(s)) if list => {
                        Ok(Json::Array(s.split(',').map(|p| Json::String(p.trim().to_owned())).collect()))
                    }
                    Some(v) => Ok(v),
                    None => Err(format!("!Ref {name}: the parameter has no Default (pass --parameter {name}=VALUE)")),
                };
                params.insert(name.clone(), value);
            }
        }
        let map_of = |key: &str| match doc.get(key) {
            Some(Json::Object(m)) => m.clone(),
            _ => Map::new(),
        };
        Ctx {
            region: region.to_owned(),
            account: account.to_owned(),
            stack_name: stack.to_owned(),
            params,
            conditions: map_of("Conditions"),
            mappings: map_of("Mappings"),
            resources: BTreeMap::new(),
            cond_cache: RefCell::default(),
            visiting: RefCell::default(),
        }
    }

    /// Evaluates a value with every intrinsic in it.
    pub fn eval(&self, value: &Json) -> Eval {
        self.eval_at(value, 0)
    }

    /// The value at `path` below `value`, evaluating intrinsics met on the way: an unknown
    /// sibling does not make the value unknown.
    pub fn get(&self, value: &Json, path: &[&str]) -> Eval {
        let mut node = std::borrow::Cow::Borrowed(value);
        for key in path {
            if is_intrinsic(&node) {
                match self.eval(&node)? {
                    Some(v) => node = std::borrow::Cow::Owned(v),
                    None => return Ok(None),
                }
            }
            match node.get(*key) {
                Some(child) => node = std::borrow::Cow::Owned(child.clone()),
                None => return Ok(None),
            }
        }
        self.eval(&node)
    }

    fn eval_at(&self, value: &Json, depth: usize) -> Eval {
        if depth > MAX_DEPTH {
            return Err(format!("intrinsics nested deeper than {MAX_DEPTH} levels"));
        }
        match value {
            Json::Object(m) if m.len() == 1 && is_intrinsic(value) => {
                let (name, arg) = m.iter().next().expect("one entry");
                self.intrinsic(name, arg, value, depth + 1)
            }
            Json::Object(m) => {
                let mut out = Map::new();
                for (k, v) in m {
                    if let Some(v) = self.eval_at(v, depth + 1)? {
                        out.insert(k.clone(), v);
                    }
                }
                Ok(Some(Json::Object(out)))
            }
            Json::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for v in items {
                    if let Some(v) = self.eval_at(v, depth + 1)? {
                        out.push(v);
                    }
                }
                Ok(Some(Json::Array(out)))
            }
            other => Ok(Some(other.clone())),
        }
    }

    fn known(&self, value: &Json, depth: usize, whole: &Json) -> Result<Json, String> {
        self.eval_at(value, depth)?.ok_or_else(|| format!("{}: an argument is AWS::NoValue", show(whole)))
    }

    fn string(&self, value: &Json, depth: usize, whole: &Json) -> Result<String, String> {
        match self.known(value, depth, whole)? {
            Json::String(s) => Ok(s),
            Json::Number(n) => Ok(n.to_string()),
            Json::Bool(b) => Ok(b.to_string()),
            _ => Err(format!("{}: expected a string", show(whole))),
        }
    }

    fn intrinsic(&self, name: &str, arg: &Json, whole: &Json, depth: usize) -> Eval {
        match name {
            "Ref" => {
                let target = self.string(arg, depth, whole)?;
                self.reference(&target)
            }
            "Condition" => {
                let target = self.string(arg, depth, whole)?;
                self.condition(&target).map(|b| Some(Json::Bool(b)))
            }
            "Fn::GetAtt" => {
                let (res, attr) = match arg {
                    Json::Array(parts) if parts.len() == 2 => {
                        (self.string(&parts[0], depth, whole)?, self.string(&parts[1], depth, whole)?)
                    }
                    Json::String(s) => match s.split_once('.') {
                        Some((a, b)) => (a.to_owned(), b.to_owned()),
                        None => return Err(format!("{}: expected Resource.Attribute", show(whole))),
                    },
                    _ => return Err(format!("{}: expected [Resource, Attribute]", show(whole))),
                };
                self.get_att(&res, &attr).map(Some)
            }
            "Fn::Sub" => self.sub(arg, whole, depth).map(|s| Some(Json::String(s))),
            "Fn::Join" => {
                let Json::Array(parts) = arg else {
                    return Err(format!("{}: expected [delimiter, list]", show(whole)));
                };
                let [delim, list] = parts.as_slice() else {
                    return Err(format!("{}: expected [delimiter, list]", show(whole)));
                };
                let delim = self.string(delim, depth, whole)?;
                let Json::Array(items) = self.known(list, depth, whole)? else {
                    return Err(format!("{}: expected a list to join", show(whole)));
                };
                let texts: Vec<String> = items
                    .iter()
                    .map(|v| match v {
                        Json::String(s) => Ok(s.clone()),
                        Json::Number(n) => Ok(n.to_string()),
                        Json::Bool(b) => Ok(b.to_string()),
                        _ => Err(format!("{}: a part is not a string", show(whole))),
                    })
                    .collect::<Result<_, _>>()?;
                Ok(Some(Json::String(texts.join(&delim))))
            }
            "Fn::Select" => {
                let Json::Array(parts) = arg else { return Err(format!("{}: expected [index, list]", show(whole))) };
                let [index, list] = parts.as_slice() else {
                    return Err(format!("{}: expected [index, list]", show(whole)));
                };
                let index: usize = self
                    .string(index, depth, whole)?
                    .parse()
                    .map_err(|_| format!("{}: the index is not a number", show(whole)))?;
                match self.known(list, depth, whole)? {
                    Json::Array(items) => items
                        .get(index)
                        .cloned()
                        .map(Some)
                        .ok_or_else(|| format!("{}: index {index} is out of range", show(whole))),
                    _ => Err(format!("{}: expected a list", show(whole))),
                }
            }
            "Fn::Split" => {
                let Json::Array(parts) = arg else {
                    return Err(format!("{}: expected [delimiter, text]", show(whole)));
                };
                let [delim, text] = parts.as_slice() else {
                    return Err(format!("{}: expected [delimiter, text]", show(whole)));
                };
                let delim = self.string(delim, depth, whole)?;
                let text = self.string(text, depth, whole)?;
                if delim.is_empty() {
                    return Err(format!("{}: empty delimiter", show(whole)));
                }
                Ok(Some(Json::Array(text.split(delim.as_str()).map(|s| Json::String(s.to_owned())).collect())))
            }
            "Fn::If" => {
                let Json::Array(parts) = arg else {
                    return Err(format!("{}: expected [condition, then, else]", show(whole)));
                };
                let [cond, then, otherwise] = parts.as_slice() else {
                    return Err(format!("{}: expected [condition, then, else]", show(whole)));
                };
                let cond = self.string(cond, depth, whole)?;
                match self.condition(&cond) {
                    Ok(true) => self.eval_at(then, depth),
                    Ok(false) => self.eval_at(otherwise, depth),
                    Err(why) => Err(format!("!If [{cond}, …]: {why}")),
                }
            }
            "Fn::FindInMap" => {
                let Json::Array(parts) = arg else { return Err(format!("{}: expected [map, key, key]", show(whole))) };
                if parts.len() < 3 {
                    return Err(format!("{}: expected [map, key, key]", show(whole)));
                }
                let map = self.string(&parts[0], depth, whole)?;
                let top = self.string(&parts[1], depth, whole)?;
                let second = self.string(&parts[2], depth, whole)?;
                let found = self.mappings.get(&map).and_then(|m| m.get(&top)).and_then(|m| m.get(&second)).cloned();
                match (found, parts.get(3)) {
                    (Some(v), _) => Ok(Some(v)),
                    (None, Some(default)) => {
                        let default = default.get("DefaultValue").unwrap_or(default);
                        self.eval_at(default, depth)
                    }
                    (None, None) => Err(format!("!FindInMap [{map}, {top}, {second}]: no such entry")),
                }
            }
            "Fn::Equals" | "Fn::And" | "Fn::Or" | "Fn::Not" => self.truth(whole, depth).map(|b| Some(Json::Bool(b))),
            "Fn::ToJsonString" => {
                let v = self.known(arg, depth, whole)?;
                Ok(Some(Json::String(serde_json::to_string(&v).unwrap_or_default())))
            }
            "Fn::Length" => match self.known(arg, depth, whole)? {
                Json::Array(items) => Ok(Some(Json::from(items.len()))),
                _ => Err(format!("{}: expected a list", show(whole))),
            },
            "Fn::ImportValue" => Err(format!("{}: an export of another stack, known only at deployment", show(whole))),
            "Fn::GetAZs" => Err(format!("{}: the region's zones are known only at deployment", show(whole))),
            "Fn::Base64" | "Fn::Cidr" | "Fn::Transform" => {
                Err(format!("{}: not evaluated before deployment", show(whole)))
            }
            other => Err(format!("{}: unsupported intrinsic {other}", show(whole))),
        }
    }

    /// `Ref`: a pseudo parameter, a parameter or a resource.
    fn reference(&self, target: &str) -> Eval {
        let known = |s: &str| Ok(Some(Json::String(s.to_owned())));
        match target {
            "AWS::AccountId" => return known(&self.account),
            "AWS::Region" => return known(&self.region),
            "AWS::Partition" => return known("aws"),
            "AWS::URLSuffix" => return known("amazonaws.com"),
            "AWS::StackName" => return known(&self.stack_name),
            "AWS::NoValue" => return Ok(None),
            "AWS::NotificationARNs" => return Ok(Some(Json::Array(Vec::new()))),
            "AWS::StackId" => return Err("!Ref AWS::StackId: known only at deployment".to_owned()),
            _ => {}
        }
        if let Some(p) = self.params.get(target) {
            return p.clone().map(Some);
        }
        if let Some(r) = self.resources.get(target) {
            return known(&r.reference);
        }
        Err(format!("!Ref {target}: no parameter or resource of that name"))
    }

    fn get_att(&self, resource: &str, attr: &str) -> Result<Json, String> {
        let Some(r) = self.resources.get(resource) else {
            return Err(format!("!GetAtt {resource}.{attr}: no resource of that name"));
        };
        if let Some(v) = r.attrs.get(attr) {
            return Ok(v.clone());
        }
        if attr == "Arn" && !r.arn.is_empty() {
            return Ok(Json::String(r.arn.clone()));
        }
        Err(format!("!GetAtt {resource}.{attr}: known only at deployment"))
    }

    /// `Fn::Sub`, both forms: `${Name}`, `${Resource.Attribute}`, `${!Literal}`.
    fn sub(&self, arg: &Json, whole: &Json, depth: usize) -> Result<String, String> {
        let (template, vars) = match arg {
            Json::String(s) => (s.clone(), Map::new()),
            Json::Array(parts) if parts.len() == 2 => {
                let template = self.string(&parts[0], depth, whole)?;
                let vars = match &parts[1] {
                    Json::Object(m) => m.clone(),
                    _ => return Err(format!("{}: expected a map of variables", show(whole))),
                };
                (template, vars)
            }
            _ => return Err(format!("{}: expected a string or [string, map]", show(whole))),
        };
        let mut out = String::with_capacity(template.len());
        let mut rest = template.as_str();
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let name = &after[..end];
            if let Some(literal) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push('}');
            } else {
                let value = match vars.get(name) {
                    Some(v) => self.known(v, depth, whole)?,
                    None => match name.split_once('.') {
                        Some((res, attr)) if !name.starts_with("AWS::") => self.get_att(res, attr)?,
                        _ => self.reference(name)?.ok_or_else(|| format!("!Sub: ${{{name}}} is AWS::NoValue"))?,
                    },
                };
                match value {
                    Json::String(s) => out.push_str(&s),
                    Json::Number(n) => out.push_str(&n.to_string()),
                    Json::Bool(b) => out.push_str(&b.to_string()),
                    _ => return Err(format!("{}: ${{{name}}} is not a string", show(whole))),
                }
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// A named condition, evaluated once; a condition that refers to itself is unknown.
    pub fn condition(&self, name: &str) -> Result<bool, String> {
        if let Some(v) = self.cond_cache.borrow().get(name) {
            return v.clone();
        }
        if self.visiting.borrow().iter().any(|n| n == name) {
            return Err(format!("condition {name} refers to itself"));
        }
        if self.visiting.borrow().len() > MAX_DEPTH {
            return Err(format!("conditions nested deeper than {MAX_DEPTH} levels"));
        }
        let Some(expr) = self.conditions.get(name).cloned() else {
            return Err(format!("no condition named {name}"));
        };
        self.visiting.borrow_mut().push(name.to_owned());
        let result = self.truth(&expr, 0);
        self.visiting.borrow_mut().pop();
        self.cond_cache.borrow_mut().insert(name.to_owned(), result.clone());
        result
    }

    /// A condition expression, with three-valued `And`/`Or`: a known decisive operand wins
    /// over an unknown one.
    fn truth(&self, expr: &Json, depth: usize) -> Result<bool, String> {
        if depth > MAX_DEPTH {
            return Err(format!("conditions nested deeper than {MAX_DEPTH} levels"));
        }
        let Json::Object(m) = expr else {
            return match expr {
                Json::Bool(b) => Ok(*b),
                Json::String(s) if s == "true" || s == "false" => Ok(s == "true"),
                _ => Err(format!("{}: not a condition", show(expr))),
            };
        };
        let Some((op, arg)) = m.iter().next().filter(|_| m.len() == 1) else {
            return Err(format!("{}: not a condition", show(expr)));
        };
        let list = || match arg {
            Json::Array(items) => Ok(items.as_slice()),
            _ => Err(format!("{}: expected a list", show(expr))),
        };
        match op.as_str() {
            "Fn::Equals" => {
                let items = list()?;
                let [a, b] = items else { return Err(format!("{}: expected two values", show(expr))) };
                let a = self.eval_at(a, depth + 1).map_err(|e| format!("!Equals: {e}"))?;
                let b = self.eval_at(b, depth + 1).map_err(|e| format!("!Equals: {e}"))?;
                Ok(scalar_text(a.as_ref()) == scalar_text(b.as_ref()))
            }
            "Fn::Not" => {
                let items = list()?;
                let [inner] = items else { return Err(format!("{}: expected one condition", show(expr))) };
                Ok(!self.truth(inner, depth + 1)?)
            }
            "Fn::And" | "Fn::Or" => {
                let decisive = op == "Fn::Or";
                let mut unknown = None;
                for item in list()? {
                    match self.truth(item, depth + 1) {
                        Ok(b) if b == decisive => return Ok(decisive),
                        Ok(_) => {}
                        Err(e) => unknown = unknown.or(Some(e)),
                    }
                }
                match unknown {
                    Some(e) => Err(e),
                    None => Ok(!decisive),
                }
            }
            "Condition" => {
                let name = arg.as_str().ok_or_else(|| format!("{}: expected a name", show(expr)))?;
                self.condition(name)
            }
            _ => match self.eval_at(expr, depth + 1)? {
                Some(Json::Bool(b)) => Ok(b),
                Some(Json::String(s)) if s == "true" || s == "false" => Ok(s == "true"),
                _ => Err(format!("{}: not a condition", show(expr))),
            },
        }
    }
}

/// `{"Ref": …}`, `{"Fn::…": …}` or `{"Condition": …}`.
pub fn is_intrinsic(value: &Json) -> bool {
    match value {
        Json::Object(m) if m.len() == 1 => {
            m.keys().next().is_some_and(|k| k == "Ref" || k == "Condition" || k.starts_with("Fn::"))
        }
        _ => false,
    }
}

/// How `Fn::Equals` compares: `"22"` equals `22`, `"true"` equals `true`.
fn scalar_text(v: Option<&Json>) -> String {
    match v {
        None => "<novalue>".to_owned(),
        Some(Json::String(s)) => s.clone(),
        Some(Json::Number(n)) => n.to_string(),
        Some(Json::Bool(b)) => b.to_string(),
        Some(other) => serde_json::to_string(other).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ctx(doc: Json) -> Ctx {
        Ctx::new(&doc, &BTreeMap::new(), "eu-west-1", "111122223333", "stack")
    }

    #[test]
    fn intrinsics_resolve_or_name_what_is_unknown() {
        let c = ctx(json!({
            "Parameters": {"Env": {"Type": "String", "Default": "prod"}, "Port": {"Type": "Number"}},
            "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
                           "Loop": {"Condition": "Loop"},
                           "HasPort": {"Fn::Equals": [{"Ref": "Port"}, "22"]}},
            "Mappings": {"M": {"prod": {"Enc": true}}}
        }));
        let sub = c.eval(&json!({"Fn::Sub": "${Env}-${AWS::Region}-${!Literal}"})).unwrap();
        assert_eq!(sub, Some(json!("prod-eu-west-1-${Literal}")));
        assert_eq!(c.eval(&json!({"Fn::If": ["IsProd", 1, 2]})).unwrap(), Some(json!(1)));
        assert_eq!(c.eval(&json!({"Fn::FindInMap": ["M", {"Ref": "Env"}, "Enc"]})).unwrap(), Some(json!(true)));
        let err = c.eval(&json!({"Fn::If": ["HasPort", 1, 2]})).unwrap_err();
        assert!(err.contains("Port") && err.contains("--parameter"), "{err}");
        let err = c.eval(&json!({"Fn::If": ["Loop", 1, 2]})).unwrap_err();
        assert!(err.contains("refers to itself"), "{err}");
        assert_eq!(c.eval(&json!([1, {"Ref": "AWS::NoValue"}])).unwrap(), Some(json!([1])));
        assert!(c.eval(&json!({"Fn::ImportValue": "x"})).unwrap_err().contains("ImportValue"));
        let joined = c.eval(&json!({"Fn::Join": ["-", [{"Fn::Select": [1, {"Fn::Split": [",", "a,b"]}]}, "c"]]}));
        assert_eq!(joined.unwrap(), Some(json!("b-c")));
        // An unknown sibling leaves a known value readable.
        let props = json!({"A": {"Ref": "Port"}, "B": {"C": true}});
        assert_eq!(c.get(&props, &["B", "C"]).unwrap(), Some(json!(true)));
        assert!(c.get(&props, &["A"]).is_err());
        // Or with a true operand is true though another is unknown.
        let or = json!({"Fn::Or": [{"Condition": "HasPort"}, {"Condition": "IsProd"}]});
        assert!(c.truth(&or, 0).unwrap());
    }

    #[test]
    fn deep_nesting_is_unknown_not_a_stack_overflow() {
        let mut v = json!("x");
        for _ in 0..500 {
            v = json!({"Fn::Join": ["", [v]]});
        }
        assert!(ctx(json!({})).eval(&v).unwrap_err().contains("deeper"));
    }
}
