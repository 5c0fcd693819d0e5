//! Incident playbooks: containment planned from what the account shows now.
//!
//! A playbook reads its target live, through the executor's read calls and only those its
//! declaration names ([`Reads`]), and plans steps of declared actions (each step kind an
//! [`Action`] of kind [`ActionKind::Playbook`], or a fix it reuses). The plan is applied by the
//! same [`crate::apply`] as fixes: every step's probe is read again first, and nothing is
//! deleted or terminated.
mod contain_role;
mod contain_user;
mod isolate_instance;
mod make_bucket_private;
mod prepare;
mod preserve_evidence;

use crate::action::{Action, Param};
use crate::plan::{Call, EvidenceLocation, Plan, PlanKind, Step, PLAN_SCHEMA_VERSION};
use serde::Serialize;
use serde_json::{json, Value};
use wasp_model::Timestamp;

pub use prepare::responder_policy;

/// Tag key wasp puts on what a playbook creates for an incident (value: the incident id).
pub const INCIDENT_TAG: &str = "wasp:incident-id";

/// Tag key of a forensic snapshot naming the instance it was taken from.
pub const INSTANCE_TAG: &str = "wasp:instance-id";

/// The inline policy that denies a user or role everything.
pub const DENY_ALL_POLICY: &str = "wasp-deny-all";

/// One incident playbook: what it does to its target, the step kinds it plans, the reads it
/// makes while planning, and how it plans.
#[derive(Serialize)]
pub struct Playbook {
    pub id: &'static str,
    pub title: &'static str,
    /// What it does, in a few sentences.
    pub does: &'static str,
    /// What `--target` names; `None` for a playbook without target.
    pub target: Option<&'static str>,
    pub params: &'static [Param],
    /// The actions its steps use.
    #[serde(serialize_with = "action_ids")]
    pub actions: &'static [&'static Action],
    /// Reads its planning makes that no action of it declares (`service:Operation`).
    pub reads: &'static [&'static str],
    /// The IAM actions those reads need.
    pub read_permissions: &'static [&'static str],
    #[serde(skip)]
    pub plan: fn(&PlaybookContext<'_>, &Reads<'_>) -> Result<Planned, String>,
}

fn action_ids<S: serde::Serializer>(actions: &&'static [&'static Action], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(actions.iter().map(|a| a.id))
}

impl std::fmt::Debug for Playbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Playbook").field("id", &self.id).finish_non_exhaustive()
    }
}

/// Every playbook, in the order `wasp respond list` shows them.
pub static PLAYBOOKS: &[&Playbook] = &[
    &isolate_instance::PLAYBOOK,
    &contain_user::PLAYBOOK,
    &contain_role::PLAYBOOK,
    &make_bucket_private::PLAYBOOK,
    &preserve_evidence::PLAYBOOK,
    &prepare::PLAYBOOK,
];

/// The actions only playbooks use (a playbook may also reuse a fix).
pub static PLAYBOOK_ACTIONS: &[&Action] = &[
    &isolate_instance::SNAPSHOT_VOLUME,
    &isolate_instance::TAG_INSTANCE,
    &isolate_instance::DETACH_FROM_AUTO_SCALING,
    &isolate_instance::CREATE_QUARANTINE_GROUP,
    &isolate_instance::QUARANTINE_INSTANCE,
    &isolate_instance::QUARANTINE_INTERFACE,
    &isolate_instance::DETACH_INSTANCE_PROFILE,
    &isolate_instance::STOP_INSTANCE,
    &contain_user::USER_DENY_ALL,
    &contain_user::DEACTIVATE_ACCESS_KEYS,
    &contain_user::DELETE_LOGIN_PROFILE,
    &contain_role::REVOKE_ROLE_SESSIONS,
    &contain_role::ROLE_DENY_ALL,
    &prepare::CREATE_RESPONDER_ROLE,
    &prepare::UPDATE_RESPONDER_ROLE,
];

/// The playbook with this id.
pub fn playbook(id: &str) -> Option<&'static Playbook> {
    PLAYBOOKS.iter().copied().find(|p| p.id == id)
}

/// Who plans (and will apply): the credentials' account and identity.
#[derive(Debug, Clone)]
pub struct Caller {
    pub account_id: String,
    pub partition: String,
    /// `sts:GetCallerIdentity`'s ARN: a playbook refuses to contain the identity it runs as.
    pub arn: String,
}

impl Caller {
    /// From `sts:GetCallerIdentity`'s account and ARN; the partition is the ARN's.
    pub fn new(account_id: &str, arn: &str) -> Caller {
        let partition = arn.split(':').nth(1).filter(|p| !p.is_empty()).unwrap_or("aws");
        Caller { account_id: account_id.to_owned(), partition: partition.to_owned(), arn: arn.to_owned() }
    }
}

/// What a playbook plans from, apart from what it reads.
pub struct PlaybookContext<'a> {
    pub caller: &'a Caller,
    /// `--target`, as given.
    pub target: Option<&'a str>,
    /// The regions to act in (none when none is configured); the first is where a target
    /// that names none is looked for.
    pub regions: &'a [String],
    /// `NAME=VALUE` or `PLAYBOOK.NAME=VALUE`.
    pub params: &'a [(String, String)],
    pub now: Timestamp,
    pub incident_id: String,
}

impl PlaybookContext<'_> {
    /// The first region; for calls that work from any region, the partition's first when none
    /// is configured.
    fn region(&self) -> &str {
        self.regions.first().map_or_else(|| global_events_region(&self.caller.partition), String::as_str)
    }

    /// The first region, or why `what` needs one.
    fn required_region(&self, what: &str) -> Result<&str, String> {
        self.regions.first().map(String::as_str).ok_or_else(|| {
            format!("{what} names no region, so wasp does not know where to look: pass --region, or set AWS_REGION or the profile's region")
        })
    }

    fn param(&self, playbook: &str, name: &str) -> Option<&str> {
        let qualified = format!("{playbook}.{name}");
        self.params.iter().rev().find(|(k, _)| *k == qualified || k == name).map(|(_, v)| v.as_str())
    }

    /// A `true`/`false` parameter, `default` when absent.
    fn flag(&self, playbook: &str, name: &str, default: bool) -> Result<bool, String> {
        match self.param(playbook, name) {
            None => Ok(default),
            Some("true") => Ok(true),
            Some("false") => Ok(false),
            Some(other) => Err(format!("--param {name} takes true or false, not '{}'", wasp_model::excerpt(other))),
        }
    }

    /// The ARN of a resource of this account.
    fn arn(&self, service: &str, region: &str, resource: &str) -> String {
        format!("arn:{}:{service}:{region}:{}:{resource}", self.caller.partition, self.caller.account_id)
    }

    /// The tags wasp puts on what `playbook` creates.
    fn tags(&self, playbook: &str) -> Vec<Value> {
        vec![
            json!({"Key": wasp_model::prepared::CREATED_BY_TAG, "Value": playbook}),
            json!({"Key": INCIDENT_TAG, "Value": self.incident_id}),
        ]
    }
}

/// A read AWS refused or that could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// AWS's error code, when there is one (`NoSuchEntity`, `InvalidInstanceID.NotFound` …).
    pub code: Option<String>,
    pub message: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl ReadError {
    fn is(&self, codes: &[&str]) -> bool {
        self.code.as_deref().is_some_and(|c| codes.contains(&c))
    }
}

/// Makes one read call in a region and answers it as the executor does (the API's JSON shape;
/// `null` for "there is none"). The CLI reads through the SDK executor; tests answer from
/// recordings.
pub trait Reader {
    fn read(&self, region: &str, call: &Call) -> Result<Value, ReadError>;
}

impl<F: Fn(&str, &Call) -> Result<Value, ReadError>> Reader for F {
    fn read(&self, region: &str, call: &Call) -> Result<Value, ReadError> {
        self(region, call)
    }
}

/// The reads a playbook may make: those its declaration names, and only reads.
pub struct Reads<'a> {
    playbook: &'static Playbook,
    reader: &'a dyn Reader,
}

impl Reads<'_> {
    pub fn get(&self, region: &str, service: &str, operation: &str, params: Value) -> Result<Value, ReadError> {
        let call = Call::new(service, operation, params);
        let name = format!("{service}:{operation}");
        let read = ["Describe", "Get", "List"].iter().any(|p| operation.starts_with(p));
        let declared =
            self.playbook.reads.contains(&name.as_str()) || self.playbook.actions.iter().any(|a| a.declares(&call));
        if !read || !declared {
            return Err(ReadError {
                code: None,
                message: format!("playbook {} does not declare the read {name}", self.playbook.id),
            });
        }
        self.reader.read(region, &call)
    }
}

/// What a playbook's planning produces.
#[derive(Debug, Default)]
pub struct Planned {
    /// The target as the plan names it (an ARN where there is one).
    pub target: Option<String>,
    pub steps: Vec<Step>,
    pub notes: Vec<String>,
    pub evidence: Vec<EvidenceLocation>,
}

/// Parameters every playbook takes.
const COMMON_PARAMS: &[Param] = &[Param {
    name: "incident_id",
    help: "the incident's id: tags what the playbook creates and names the record (default: wasp-TIMESTAMP)",
    required: false,
}];

/// Plans playbook `id` for `target`, reading the account through `reader`.
pub fn plan_playbook(
    id: &str,
    caller: &Caller,
    target: Option<&str>,
    regions: &[String],
    params: &[(String, String)],
    reader: &dyn Reader,
) -> Result<Plan, String> {
    let Some(playbook) = playbook(id) else {
        return Err(format!("unknown playbook '{}'; `wasp respond list` names them", wasp_model::excerpt(id)));
    };
    for (name, _) in params {
        let bare = name.strip_prefix(&format!("{id}.")).unwrap_or(name);
        if !playbook.params.iter().chain(COMMON_PARAMS).any(|p| p.name == bare) {
            let known: Vec<&str> = playbook.params.iter().chain(COMMON_PARAMS).map(|p| p.name).collect();
            return Err(format!(
                "playbook {id} takes no parameter '{}' (it takes {})",
                wasp_model::excerpt(name),
                known.join(", ")
            ));
        }
    }
    let target = match (playbook.target, target.map(str::trim).filter(|t| !t.is_empty())) {
        (Some(what), None) => return Err(format!("playbook {id} needs --target {what}")),
        (None, Some(_)) => return Err(format!("playbook {id} takes no --target")),
        (_, t) => t,
    };
    let now = chrono::Utc::now();
    let cx0 = PlaybookContext { caller, target, regions, params, now, incident_id: String::new() };
    let incident_id = match cx0.param(id, "incident_id") {
        Some(given) => incident_id(given)?,
        None => format!("wasp-{}", now.format("%Y%m%dT%H%M%SZ")),
    };
    let cx = PlaybookContext { incident_id, ..cx0 };
    let planned = (playbook.plan)(&cx, &Reads { playbook, reader })?;
    let steps = planned.steps;
    let plan = Plan {
        schema_version: PLAN_SCHEMA_VERSION,
        kind: PlanKind::Playbook(id.to_owned()),
        account_id: caller.account_id.clone(),
        partition: caller.partition.clone(),
        created_at: now,
        evidence: "live".into(),
        target: planned.target,
        steps,
        unplanned: Vec::new(),
        incident_id: Some(cx.incident_id),
        evidence_locations: planned.evidence,
        notes: planned.notes,
    };
    plan.verify().map_err(|e| format!("wasp planned something it cannot apply ({e}); please report it"))?;
    Ok(plan)
}

/// An incident id given with `--param incident_id=…`: it becomes a tag value and a file name.
fn incident_id(given: &str) -> Result<String, String> {
    let ok = !given.is_empty()
        && given.len() <= 64
        && given.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(given.to_owned())
    } else {
        Err(format!(
            "--param incident_id='{}' must be 1 to 64 letters, digits, '-', '_' or '.'",
            wasp_model::excerpt(given)
        ))
    }
}

/// A step of a playbook: the action, its name and where it acts; the rest is filled in.
fn step(name: &str, action: &Action, resource: &str, region: &str, summary: String) -> Step {
    Step {
        name: name.to_owned(),
        action: action.id.to_owned(),
        check_id: None,
        resource: resource.to_owned(),
        region: region.to_owned(),
        summary,
        probe: None,
        current: Value::Null,
        intended: Value::Null,
        calls: Vec::new(),
        rollback: Vec::new(),
        blocked: None,
    }
}

fn call(service: &str, operation: &str, params: Value) -> Call {
    Call::new(service, operation, params)
}

/// For actions whose steps have no probe.
fn not_probed(_: &Value, step: &Step) -> Value {
    step.current.clone()
}

/// A policy document that denies everything.
fn deny_all_document() -> Value {
    json!({"Version": "2012-10-17", "Statement": [{
        "Sid": "WaspDenyAll", "Effect": "Deny", "Action": "*", "Resource": "*"
    }]})
}

/// A policy document as `GetUserPolicy`/`GetRolePolicy` answer it (a JSON string), parsed;
/// `null` when there is no such policy.
fn observe_policy_document(answer: &Value) -> Value {
    match answer.get("PolicyDocument").and_then(Value::as_str) {
        Some(text) => serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned())),
        None => Value::Null,
    }
}

/// IAM answers policy documents URL-encoded (RFC 3986); this decodes `%XX`.
#[cfg(any(feature = "aws", test))]
pub(crate) fn url_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What an ARN names, split.
struct Arn<'a> {
    partition: &'a str,
    service: &'a str,
    region: &'a str,
    account: &'a str,
    resource: &'a str,
}

fn parse_arn(text: &str) -> Option<Arn<'_>> {
    let mut parts = text.splitn(6, ':');
    if parts.next()? != "arn" {
        return None;
    }
    let arn = Arn {
        partition: parts.next()?,
        service: parts.next()?,
        region: parts.next()?,
        account: parts.next()?,
        resource: parts.next()?,
    };
    (!arn.partition.is_empty() && !arn.service.is_empty() && !arn.resource.is_empty()).then_some(arn)
}

/// Refuses a target ARN of another account or partition than the credentials'.
fn same_account(cx: &PlaybookContext<'_>, arn: &Arn<'_>) -> Result<(), String> {
    if !arn.account.is_empty() && arn.account != cx.caller.account_id {
        return Err(format!(
            "the target is in account {}, and these credentials are of account {}; act with credentials of its account",
            arn.account, cx.caller.account_id
        ));
    }
    if arn.partition != cx.caller.partition {
        return Err(format!(
            "the target is in partition {}, and these credentials are of {}",
            arn.partition, cx.caller.partition
        ));
    }
    Ok(())
}

/// Whether an IAM name (user, role) is well formed: letters, digits and `+=,.@_-`.
fn iam_name(name: &str, max: usize) -> bool {
    !name.is_empty() && name.len() <= max && name.chars().all(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c))
}

/// The region where IAM's (global) API calls are logged.
fn global_events_region(partition: &str) -> &'static str {
    match partition {
        "aws-cn" => "cn-north-1",
        "aws-us-gov" => "us-gov-west-1",
        _ => "us-east-1",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_split_and_other_accounts_are_refused() {
        let arn = parse_arn("arn:aws:iam::123456789012:role/path/name").unwrap();
        assert_eq!((arn.service, arn.region, arn.account, arn.resource), ("iam", "", "123456789012", "role/path/name"));
        assert!(parse_arn("i-0abc").is_none());
        assert!(parse_arn("arn:aws:s3:::").is_none());
        let caller = Caller::new("123456789012", "arn:aws:iam::123456789012:user/me");
        let cx = PlaybookContext {
            caller: &caller,
            target: None,
            regions: &[],
            params: &[],
            now: chrono::Utc::now(),
            incident_id: "i".into(),
        };
        let err = same_account(&cx, &parse_arn("arn:aws:iam::999999999999:user/x").unwrap()).unwrap_err();
        assert!(err.contains("999999999999") && err.contains("123456789012"), "{err}");
        assert!(same_account(&cx, &parse_arn("arn:aws-cn:iam::123456789012:user/x").unwrap()).is_err());
        assert!(same_account(&cx, &parse_arn("arn:aws:s3:::bucket").unwrap()).is_ok());
    }

    #[test]
    fn policy_documents_are_url_decoded() {
        assert_eq!(url_decode("%7B%22a%22%3A%20%22b%25%22%7D"), r#"{"a": "b%"}"#);
        // A stray percent sign is kept.
        assert_eq!(url_decode("100%"), "100%");
        assert_eq!(url_decode("%zz"), "%zz");
    }

    #[test]
    fn incident_ids_are_checked_because_they_become_tags_and_file_names() {
        assert_eq!(incident_id("INC-42_a.b").unwrap(), "INC-42_a.b");
        for bad in ["", "a/b", "../x", "a b", &"x".repeat(65)] {
            assert!(incident_id(bad).is_err(), "{bad}");
        }
    }
}
