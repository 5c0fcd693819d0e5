//! Resource policies (secrets, file systems, backup vaults, search domains, queues, topics,
//! functions, APIs …) judged with the IAM policy engine: who outside the trusted accounts a
//! policy lets in, and whether its grants to AWS services are tied to their source (the
//! confused deputy).
use crate::iam_policies::exposure::{accesses, conditional_text, open_text, Access};
use std::collections::{BTreeMap, BTreeSet};
use wasp_iam::{exposure, BaseOperator, Effect, Outsider, Policy, PolicyKind, ResourcePolicyKind, TrustedSet};
use wasp_model::{Inventory, Setting};

/// What a resource policy lets outsiders do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exposure {
    /// The resource has no policy.
    NoPolicy,
    /// The policy could not be parsed; the text is the parser's message.
    Malformed(String),
    /// Outsiders' grants, open ones first.
    Grants(Vec<Access>),
}

impl Exposure {
    /// Open grants to anyone or any account.
    pub fn open_public(&self) -> Vec<&Access> {
        self.grants().iter().filter(|a| a.conditions.is_empty() && a.public).collect()
    }

    /// Open grants to anyone outside the trusted accounts, public or named.
    pub fn open(&self) -> Vec<&Access> {
        self.grants().iter().filter(|a| a.conditions.is_empty()).collect()
    }

    fn grants(&self) -> &[Access] {
        match self {
            Exposure::Grants(g) => g,
            _ => &[],
        }
    }

    /// `who: grants` of the open accesses.
    pub fn open_text(&self) -> String {
        open_text(self.grants())
    }

    /// `who only if …` of the conditional accesses.
    pub fn conditional_text(&self) -> String {
        conditional_text(self.grants())
    }
}

/// The accounts and organization the scanned account trusts: itself, its organization's
/// management account and organization, and `trusted_accounts`.
pub fn trusted(inv: &Inventory, settings: &crate::Settings) -> TrustedSet {
    let mut accounts: BTreeSet<String> = settings.trusted_accounts.iter().cloned().collect();
    accounts.insert(inv.account_id.clone());
    let mut org_ids = BTreeSet::new();
    if let Some(Setting::Configured(org)) = &inv.organizations.organization {
        if !org.master_account_id.is_empty() {
            accounts.insert(org.master_account_id.clone());
        }
        if !org.id.is_empty() {
            org_ids.insert(org.id.clone());
        }
    }
    TrustedSet { accounts, org_ids }
}

/// Judges one resource's policy; `None` when it was not read.
pub fn judge(
    inv: &Inventory,
    trusted: &TrustedSet,
    arn: &str,
    policy: Option<&Setting<serde_json::Value>>,
) -> Option<Exposure> {
    let document = match policy? {
        Setting::NotConfigured => return Some(Exposure::NoPolicy),
        Setting::Configured(d) => d,
    };
    let parsed = match Policy::from_value(document, PolicyKind::Resource) {
        Ok(p) => p,
        Err(e) => return Some(Exposure::Malformed(e.to_string())),
    };
    let exposed = exposure(&parsed, ResourcePolicyKind::Generic, arn, &inv.account_id, trusted);
    Some(Exposure::Grants(accesses(&exposed, |_| true)))
}

/// Whether an outsider is anyone or any account.
pub fn is_public(outsider: &Outsider) -> bool {
    matches!(outsider, Outsider::Anonymous | Outsider::AnyAccount)
}

/// The common verdict of a "no untrusted access" check over one resource.
pub fn report_untrusted(
    out: &mut crate::Findings<'_>,
    resource: &dyn wasp_model::Resource,
    exposure: Option<Exposure>,
    unknown: impl FnOnce() -> String,
) {
    match exposure {
        None => out.skip(resource, unknown()),
        Some(Exposure::NoPolicy) => out.pass(resource, "there is no resource policy"),
        Some(Exposure::Malformed(e)) => out.skip(resource, format!("the policy could not be parsed ({e})")),
        Some(e) if !e.open().is_empty() => out.fail(resource, format!("the policy lets in {}", e.open_text())),
        Some(e) if e.conditional_text().is_empty() => {
            out.pass(resource, "the policy lets in no principal outside the trusted accounts")
        }
        Some(e) => out.pass(resource, format!("outsiders get in only under conditions: {}", e.conditional_text())),
    }
}

/// The common verdict of a "not public" check over one resource.
pub fn report_public(
    out: &mut crate::Findings<'_>,
    resource: &dyn wasp_model::Resource,
    exposure: Option<Exposure>,
    unknown: impl FnOnce() -> String,
) {
    match exposure {
        None => out.skip(resource, unknown()),
        Some(Exposure::NoPolicy) => out.pass(resource, "there is no resource policy"),
        Some(Exposure::Malformed(e)) => out.skip(resource, format!("the policy could not be parsed ({e})")),
        Some(e) if !e.open_public().is_empty() => {
            let open: Vec<Access> = e.open_public().into_iter().cloned().collect();
            out.fail(resource, format!("the policy lets in {}", open_text(&open)));
        }
        Some(_) => out.pass(resource, "the policy grants nothing to everyone without a restricting condition"),
    }
}

/// A condition value that means "false": the boolean, the string, or a list holding either.
fn is_false(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Bool(b) => !b,
        serde_json::Value::String(s) => s.eq_ignore_ascii_case("false"),
        serde_json::Value::Array(list) => list.iter().any(is_false),
        _ => false,
    }
}

/// The statement's only condition is `aws:SecureTransport` being false.
fn only_insecure_transport(statement: &serde_json::Value) -> bool {
    let Some(serde_json::Value::Object(condition)) = statement.get("Condition") else {
        return false;
    };
    let mut blocks = condition.iter();
    let (Some((operator, serde_json::Value::Object(keys))), None) = (blocks.next(), blocks.next()) else {
        return false;
    };
    (operator == "Bool" || operator == "BoolIfExists")
        && keys.len() == 1
        && keys.iter().all(|(key, value)| key.eq_ignore_ascii_case("aws:SecureTransport") && is_false(value))
}

/// Whether a policy has a statement that denies `action` on `arn` to everyone whenever the
/// request is not made over TLS (and under no other condition).
pub fn denies_insecure_transport(document: &serde_json::Value, action: &str, arn: &str) -> bool {
    wasp_model::iam::statements(document).into_iter().any(|s| {
        let resources = wasp_model::iam::string_or_list(s.get("Resource"));
        crate::policy::effect_is(s, "Deny")
            && crate::policy::principal_is_everyone(s.get("Principal"))
            && crate::policy::statement_covers_action(s, action)
            && (s.get("Resource").is_none() || resources.iter().any(|r| crate::policy::glob_match(r, arn)))
            && only_insecure_transport(s)
    })
}

/// Service principals AWS documents resource-policy grants for without any source condition:
/// Elastic Load Balancing's access-log delivery in Regions opened since August 2022 and on
/// Outposts. AWS's bucket policy for them names no `aws:SourceAccount` or `aws:SourceArn`,
/// and scopes the grant by the object key instead (`…/AWSLogs/<account-id>/*`, under which
/// only that account's load balancers write), so their grants are not judged.
pub const NO_SOURCE_CONDITION: &[&str] =
    &["logdelivery.elasticloadbalancing.amazonaws.com", "logdelivery.elb.amazonaws.com"];

/// Keys that tie a service's request to the resource it acts for without naming its account:
/// Alexa's skill id on Lambda (`lambda:EventSourceToken`), which the invoker must supply.
const SOURCE_TOKENS: &[&str] = &["lambda:eventsourcetoken"];

/// What a resource policy's grants to AWS service principals lack against the confused deputy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deputy {
    /// The resource has no policy.
    NoPolicy,
    /// The policy could not be parsed; the text is the parser's message.
    Malformed(String),
    Judged {
        /// One line per service whose grant does not tie the request to its source.
        problems: Vec<String>,
        /// The services the policy's Allow statements name (judged or not).
        services: Vec<String>,
    },
}

/// Judges one resource policy's grants to AWS services; `None` when the policy was not read.
///
/// The policy engine simulates each service the policy names acting for an account outside
/// the trusted set (see [`wasp_iam::exposure`]): the service sends that account's
/// `aws:SourceAccount`, `aws:SourceOrgID`/`aws:SourceOrgPaths` and the ARN of one of its
/// resources as `aws:SourceArn`. A grant it reaches does not tie the request to its source;
/// conditions left over (`aws:SourceIp`, resource tags …) do not change that, and
/// `aws:SecureTransport` and other keys the caller controls never restrict. So a source key
/// restricts when its value pins the scanned account, a trusted one or the organization, or
/// names one resource; a wildcard in the account or resource part (`arn:aws:sns:*:*:*`)
/// restricts nothing. A source key that names another account's resource ties the grant to
/// that source: not a confused deputy, and left to the `*_no_untrusted_access` checks.
///
/// One more rule from AWS's guidance: a bucket ARN (`arn:aws:s3:::name`) holds no account, so
/// a statement whose only source condition is `aws:SourceArn` naming buckets fails too — once
/// the bucket is deleted, another account may create one of that name; AWS asks for
/// `aws:SourceAccount` beside it. Grants of [`NO_SOURCE_CONDITION`] services are not judged.
pub fn confused_deputy(
    inv: &Inventory,
    trusted: &TrustedSet,
    arn: &str,
    policy: Option<&Setting<serde_json::Value>>,
) -> Option<Deputy> {
    let document = match policy? {
        Setting::NotConfigured => return Some(Deputy::NoPolicy),
        Setting::Configured(d) => d,
    };
    let parsed = match Policy::from_value(document, PolicyKind::Resource) {
        Ok(p) => p,
        Err(e) => return Some(Deputy::Malformed(e.to_string())),
    };
    let judged = |s: &str| !NO_SOURCE_CONDITION.contains(&s);
    let allows = || {
        parsed
            .statements
            .iter()
            .filter(|s| s.effect == Effect::Allow)
            .filter_map(|s| s.principal.as_ref().filter(|p| !p.negated).map(|p| (s, &p.items.service)))
    };
    let services: BTreeSet<String> = allows().flat_map(|(_, s)| s.iter().cloned()).collect();

    // Services the engine lets act for an outsider: statements, and conditions left over.
    let mut open: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    let exposed = exposure(&parsed, ResourcePolicyKind::Generic, arn, &inv.account_id, trusted);
    for g in &exposed.grants {
        let Outsider::Service(service) = &g.outsider else { continue };
        let tied = g.conditions.iter().any(|u| u.key.as_deref().is_some_and(|k| SOURCE_TOKENS.contains(&k)));
        if tied || !judged(service) {
            continue;
        }
        let (statements, conditions) = open.entry(service.clone()).or_default();
        statements.extend(g.statements.iter().cloned());
        conditions.extend(g.conditions.iter().map(|u| u.detail.clone()));
    }
    let mut problems: Vec<String> = open
        .iter()
        .map(|(service, (statements, conditions))| {
            let statements = statements.iter().cloned().collect::<Vec<_>>().join(", ");
            let others = match conditions.len() {
                0 => String::new(),
                n => {
                    let c: Vec<&str> = conditions.iter().map(String::as_str).collect();
                    format!("; {} {} not tie it either", c.join(" and "), if n == 1 { "does" } else { "do" })
                }
            };
            format!(
                "{service} may act for any account: no aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or \
                 aws:SourceOrgPaths condition ties it to its source (statement {statements}{others})"
            )
        })
        .collect();

    // Statements pinned only by bucket ARNs, which name no account.
    let mut bucket_only: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (statement, named) in allows() {
        let positive = |c: &&wasp_iam::Condition| {
            matches!(
                c.operator.base,
                BaseOperator::StringEquals
                    | BaseOperator::StringEqualsIgnoreCase
                    | BaseOperator::StringLike
                    | BaseOperator::ArnEquals
                    | BaseOperator::ArnLike
            )
        };
        let conditions: Vec<_> = statement.conditions.iter().filter(positive).collect();
        let pins_account = conditions.iter().any(|c| {
            matches!(c.key_lower(), "aws:sourceaccount" | "aws:sourceowner" | "aws:sourceorgid" | "aws:sourceorgpaths")
        });
        let arns: Vec<&String> =
            conditions.iter().filter(|c| c.key_lower() == "aws:sourcearn").flat_map(|c| &c.values).collect();
        if pins_account || arns.is_empty() || !arns.iter().all(|v| is_bucket_arn(v)) {
            continue;
        }
        for service in named.iter().filter(|s| judged(s) && !open.contains_key(s.as_str())) {
            bucket_only.entry(service).or_default().push(statement.label());
        }
    }
    for (service, statements) in bucket_only {
        problems.push(format!(
            "{service} is tied only to bucket ARNs, which name no account (another account may create a bucket of \
             that name once it is deleted): add aws:SourceAccount (statement {})",
            statements.join(", ")
        ));
    }
    Some(Deputy::Judged { problems, services: services.into_iter().collect() })
}

/// `arn:<partition>:s3:::<bucket>[/key]`: an S3 bucket or object ARN, which holds no account.
fn is_bucket_arn(value: &str) -> bool {
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    matches!(parts.as_slice(), [arn, _, "s3", "", "", resource] if arn.eq_ignore_ascii_case("arn") && !resource.is_empty())
}

/// The common verdict of a confused-deputy check over one resource.
pub fn report_confused_deputy(
    out: &mut crate::Findings<'_>,
    resource: &dyn wasp_model::Resource,
    deputy: Option<Deputy>,
    unknown: impl FnOnce() -> String,
) {
    match deputy {
        None => out.skip(resource, unknown()),
        Some(Deputy::NoPolicy) => out.pass(resource, "there is no policy, so no grant to an AWS service"),
        Some(Deputy::Malformed(e)) => out.skip(resource, format!("the policy could not be parsed ({e})")),
        Some(Deputy::Judged { problems, .. }) if !problems.is_empty() => out.fail(resource, problems.join("; ")),
        Some(Deputy::Judged { services, .. }) => {
            let (judged, unjudged): (Vec<String>, Vec<String>) =
                services.into_iter().partition(|s| !NO_SOURCE_CONDITION.contains(&s.as_str()));
            let message = match (judged.is_empty(), unjudged.is_empty()) {
                (true, true) => "the policy grants nothing to an AWS service".to_owned(),
                (true, false) => format!(
                    "the policy grants only {}, for which AWS documents no source condition",
                    unjudged.join(", ")
                ),
                (false, _) => {
                    let mut m = format!("no grant to an AWS service lacks a source condition ({})", judged.join(", "));
                    if !unjudged.is_empty() {
                        m.push_str(&format!(
                            "; not judged: {}, for which AWS documents no source condition",
                            unjudged.join(", ")
                        ));
                    }
                    m
                }
            };
            out.pass(resource, message);
        }
    }
}
