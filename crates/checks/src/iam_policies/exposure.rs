//! Resource-policy exposure as checks report it: who outside the trusted accounts a policy
//! lets in, for which actions, and under which conditions.

use super::unknown_text;
use wasp_iam::{ExposedGrant, Exposure, Outsider};

/// One outsider's open or conditional access, grouped for a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub who: String,
    /// `action on resource (statement …)`, as the policy writes them.
    pub grants: Vec<String>,
    /// Conditions that may still restrict it; empty: open.
    pub conditions: Vec<String>,
    pub public: bool,
}

/// How an outsider reads in a message.
pub fn who(outsider: &Outsider) -> String {
    match outsider {
        Outsider::Anonymous => "anyone (unauthenticated callers included)".into(),
        Outsider::AnyAccount => "any AWS account".into(),
        Outsider::Principal(p) => format!("{p} (an untrusted account)"),
        Outsider::Service(s) => format!("{s} acting for any account"),
        Outsider::Federated(p) => format!("identities of {p}"),
        Outsider::Organization(o) => format!("accounts of organization {o}"),
    }
}

/// The grants of an exposure grouped by outsider, open ones first; `keep` filters grants.
pub fn accesses(exposure: &Exposure, keep: impl Fn(&ExposedGrant) -> bool) -> Vec<Access> {
    let mut out: Vec<Access> = Vec::new();
    // Anyone includes every account: a grant to any account that anyone also has adds nothing.
    let anonymous = |g: &ExposedGrant| {
        exposure.grants.iter().any(|a| {
            a.outsider == Outsider::Anonymous
                && a.action == g.action
                && a.resource == g.resource
                && a.conditions == g.conditions
                && keep(a)
        })
    };
    for g in exposure.grants.iter().filter(|g| keep(g)) {
        if g.outsider == Outsider::AnyAccount && anonymous(g) {
            continue;
        }
        let who = who(&g.outsider);
        let grant = format!("{} on {} (statement {})", g.action, g.resource, g.statements.join(", "));
        let mut conditions: Vec<String> = g.conditions.iter().map(unknown_text).collect();
        conditions.sort();
        conditions.dedup();
        let public = matches!(g.outsider, Outsider::Anonymous | Outsider::AnyAccount);
        match out.iter_mut().find(|a| a.who == who && a.conditions == conditions) {
            Some(a) => {
                if !a.grants.contains(&grant) {
                    a.grants.push(grant);
                }
            }
            None => out.push(Access { who, grants: vec![grant], conditions, public }),
        }
    }
    out.sort_by_key(|a| !a.conditions.is_empty());
    out
}

/// `who: grant, grant` for the open accesses, `; `-joined.
pub fn open_text(accesses: &[Access]) -> String {
    accesses
        .iter()
        .filter(|a| a.conditions.is_empty())
        .map(|a| format!("{}: {}", a.who, a.grants.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `who only if …` for the conditional accesses, `; `-joined.
pub fn conditional_text(accesses: &[Access]) -> String {
    accesses
        .iter()
        .filter(|a| !a.conditions.is_empty())
        .map(|a| format!("{} only if {}", a.who, a.conditions.join(" and ")))
        .collect::<Vec<_>>()
        .join("; ")
}
