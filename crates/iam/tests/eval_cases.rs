//! Runs `eval_cases.yaml`: one test per case, each following a documented AWS rule.

use libtest_mimic::{Arguments, Failed, Trial};
use serde::Deserialize;
use std::collections::BTreeMap;
use wasp_iam::{
    evaluate, Context, ContextValue, Decision, NamedPolicy, Policy, PolicyKind, PolicySet, Principal, Request,
    ResourcePolicyKind, Target,
};

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    rule: String,
    principal: PrincipalSpec,
    action: String,
    #[serde(default)]
    resource: Option<String>,
    #[serde(default)]
    resource_account: Option<String>,
    #[serde(default)]
    context: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    unknown_by_default: bool,
    #[serde(default)]
    identity: Vec<serde_json::Value>,
    #[serde(default)]
    boundary: Option<serde_json::Value>,
    #[serde(default)]
    session: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    scps: Vec<Vec<serde_json::Value>>,
    #[serde(default)]
    rcps: Vec<Vec<serde_json::Value>>,
    #[serde(default)]
    resource_policy: Option<serde_json::Value>,
    #[serde(default)]
    resource_kind: Option<String>,
    expect: String,
    #[serde(default)]
    unknown_keys: Vec<String>,
    #[serde(default)]
    missing: Vec<String>,
    #[serde(default)]
    matched: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct PrincipalSpec {
    kind: String,
    #[serde(default)]
    arn: String,
    #[serde(default)]
    tags: Option<BTreeMap<String, String>>,
    #[serde(default)]
    session: Option<String>,
    #[serde(default)]
    service_linked: bool,
}

fn principal(spec: &PrincipalSpec) -> Result<Principal, Failed> {
    let mut p = match spec.kind.as_str() {
        "user" => Principal::user(&spec.arn),
        "role" => Principal::role(&spec.arn),
        "root" => Principal::root(&spec.arn),
        "service" => Principal::service(&spec.arn),
        "anonymous" => Principal::anonymous(),
        "federated_user" => Principal::federated_user(&spec.arn),
        "web_identity" => Principal::web_identity(&spec.arn),
        other => return Err(format!("unknown principal kind {other}").into()),
    };
    if let Some(tags) = &spec.tags {
        p = p.with_tags(tags.clone());
    }
    if let Some(s) = &spec.session {
        p = p.with_session(s);
    }
    if spec.service_linked {
        p = p.service_linked();
    }
    Ok(p)
}

fn parse(v: &serde_json::Value, kind: PolicyKind, what: &str) -> Result<Policy, Failed> {
    Policy::from_value(v, kind).map_err(|e| format!("{what}: {e}").into())
}

fn run(case: &Case) -> Result<(), Failed> {
    let identity: Vec<Policy> =
        case.identity.iter().map(|v| parse(v, PolicyKind::Identity, "identity")).collect::<Result<_, _>>()?;
    let boundary = case.boundary.as_ref().map(|v| parse(v, PolicyKind::PermissionsBoundary, "boundary")).transpose()?;
    let session: Option<Vec<Policy>> = case
        .session
        .as_ref()
        .map(|l| l.iter().map(|v| parse(v, PolicyKind::Session, "session")).collect::<Result<_, _>>())
        .transpose()?;
    let scps: Vec<Vec<Policy>> = case
        .scps
        .iter()
        .map(|l| l.iter().map(|v| parse(v, PolicyKind::Scp, "scp")).collect::<Result<_, _>>())
        .collect::<Result<_, _>>()?;
    let rcps: Vec<Vec<Policy>> = case
        .rcps
        .iter()
        .map(|l| l.iter().map(|v| parse(v, PolicyKind::Rcp, "rcp")).collect::<Result<_, _>>())
        .collect::<Result<_, _>>()?;
    let rkind = match case.resource_kind.as_deref() {
        None | Some("generic") => ResourcePolicyKind::Generic,
        Some("key") => ResourcePolicyKind::KeyPolicy,
        Some("trust") => ResourcePolicyKind::TrustPolicy,
        Some(other) => return Err(format!("unknown resource_kind {other}").into()),
    };
    let pkind = if rkind == ResourcePolicyKind::TrustPolicy { PolicyKind::Trust } else { PolicyKind::Resource };
    let resource_policy = case.resource_policy.as_ref().map(|v| parse(v, pkind, "resource policy")).transpose()?;

    let mut set = PolicySet::new();
    for (i, p) in identity.iter().enumerate() {
        set = set.identity(format!("identity#{i}"), p);
    }
    if let Some(b) = &boundary {
        set = set.boundary("boundary", b);
    }
    if let Some(s) = &session {
        for (i, p) in s.iter().enumerate() {
            set = set.session(format!("session#{i}"), p);
        }
    }
    for (l, level) in scps.iter().enumerate() {
        set =
            set.scp_level(level.iter().enumerate().map(|(i, p)| NamedPolicy::new(format!("scp#{l}.{i}"), p)).collect());
    }
    for (l, level) in rcps.iter().enumerate() {
        set =
            set.rcp_level(level.iter().enumerate().map(|(i, p)| NamedPolicy::new(format!("rcp#{l}.{i}"), p)).collect());
    }
    if let Some(r) = &resource_policy {
        set = match rkind {
            ResourcePolicyKind::Generic => set.resource_policy("resource", r),
            ResourcePolicyKind::KeyPolicy => set.key_policy("resource", r),
            ResourcePolicyKind::TrustPolicy => set.trust_policy("resource", r),
        };
    }

    let mut context =
        if case.unknown_by_default { Context::unknown_by_default() } else { Context::absent_by_default() };
    for (k, v) in &case.context {
        let value = match v {
            serde_json::Value::String(s) if s == "?" => ContextValue::Unknown,
            serde_json::Value::String(s) => ContextValue::Values(vec![s.clone()]),
            serde_json::Value::Array(a) => {
                ContextValue::Values(a.iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect())
            }
            other => ContextValue::Values(vec![other.to_string()]),
        };
        context.insert(k, value);
    }
    let target = match (&case.resource, &case.resource_account) {
        (None, _) => Target::all(),
        (Some(arn), Some(acct)) => Target::in_account(arn, acct),
        (Some(arn), None) => Target::arn(arn),
    };
    let request = Request::new(principal(&case.principal)?, &case.action, target).with_context(context);
    let ev = evaluate(&set, &request);
    let got = match &ev.decision {
        Decision::Allowed => "allowed",
        Decision::Denied => "denied",
        Decision::ImplicitlyDenied => "implicit",
        Decision::AllowedIf(_) => "conditional",
    };
    let explain = || format!("rule: {}\n{ev}", case.rule);
    if got != case.expect {
        return Err(format!("expected {}, got {got}\n{}", case.expect, explain()).into());
    }
    let keys: Vec<String> = ev.decision.unknowns().iter().filter_map(|u| u.key.clone()).collect();
    for k in &case.unknown_keys {
        if !keys.contains(k) {
            return Err(format!("unknown key {k} not reported (got {keys:?})\n{}", explain()).into());
        }
    }
    let missing: Vec<String> = ev.missing.iter().map(ToString::to_string).collect();
    for m in &case.missing {
        if !missing.iter().any(|x| x.contains(m.as_str())) {
            return Err(format!("missing {m:?} not reported (got {missing:?})\n{}", explain()).into());
        }
    }
    let matched: Vec<String> = ev.matched.iter().map(|m| format!("{}/{}", m.policy, m.statement)).collect();
    for m in &case.matched {
        if !matched.contains(m) {
            return Err(format!("statement {m} not reported (got {matched:?})\n{}", explain()).into());
        }
    }
    // The explanation a person reads always names the decision.
    if !ev.to_string().contains(&ev.decision.to_string()) {
        return Err("explanation does not state the decision".into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let text = include_str!("eval_cases.yaml");
    let cases: Vec<Case> = serde_yaml::from_str(text).expect("eval_cases.yaml parses");
    let mut names = std::collections::BTreeSet::new();
    for c in &cases {
        assert!(names.insert(c.name.clone()), "duplicate case name {}", c.name);
        assert!(!c.rule.is_empty(), "case {} names no rule", c.name);
    }
    let trials = cases
        .into_iter()
        .map(|c| {
            let name = c.name.clone();
            Trial::test(name, move || run(&c))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
