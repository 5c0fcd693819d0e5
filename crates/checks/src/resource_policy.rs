//! Resource policies (secrets, file systems, backup vaults, search domains, queues, topics,
//! functions, APIs …) judged with the IAM policy engine: who outside the trusted accounts a
//! policy lets in.
use crate::iam_policies::exposure::{accesses, conditional_text, open_text, Access};
use std::collections::BTreeSet;
use wasp_iam::{exposure, Outsider, Policy, PolicyKind, ResourcePolicyKind, TrustedSet};
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
