//! The evaluator: a request against the policies that apply to it, following the IAM User
//! Guide's "Policy evaluation logic" (single-account and cross-account):
//!
//! 1. An explicit `Deny` in any applicable policy decides (identity, boundary, session, SCP,
//!    RCP, resource policy).
//! 2. SCPs (principal's account) and RCPs (resource's account) only bound: every level of each
//!    must have an applicable `Allow`. They never grant. SCPs do not restrict service-linked
//!    roles or service principals; RCPs apply only to the services that support them.
//! 3. Same account: an `Allow` in the identity policies (within the permissions boundary and
//!    session policies) or in the resource policy suffices. A resource policy naming the
//!    user, the role session or everyone (`*`) grants on its own; one naming the role ARN is
//!    still limited by the boundary and session policies; one naming the account only
//!    delegates to the identity policies.
//! 4. Cross account: both the identity side and the resource policy must allow.
//! 5. Role trust policies and KMS key policies must always allow: in the same account
//!    identity policies count only when the trust or key policy names the account.
//!
//! Everything is three-valued: what the request does not pin down stays an unknown, and the
//! decision becomes "allowed if" a formula over those unknowns.

use crate::catalog::catalog;
use crate::condition::Lookup;
use crate::formula::{Formula, Unknown, Val};
use crate::pattern::{arn_glob, Resolved, VarValue};
use crate::policy::{Effect, Element, Policy, Principals, Statement};
use crate::request::{Context, ContextValue, Principal, PrincipalKind, Request, Target};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// A policy with the caller's name for it (used in explanations).
#[derive(Debug, Clone)]
pub struct NamedPolicy<'a> {
    pub name: Cow<'a, str>,
    pub policy: &'a Policy,
}

impl<'a> NamedPolicy<'a> {
    pub fn new(name: impl Into<Cow<'a, str>>, policy: &'a Policy) -> Self {
        NamedPolicy { name: name.into(), policy }
    }
}

/// How a resource policy takes part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourcePolicyKind {
    /// A bucket, queue, topic, secret … policy.
    Generic,
    /// A KMS key policy: it must allow the principal, or name the account so that identity
    /// policies count.
    KeyPolicy,
    /// A role trust policy (for `sts:AssumeRole*`): it must allow the caller.
    TrustPolicy,
}

/// The resource's own policy.
#[derive(Debug, Clone)]
pub struct ResourcePolicy<'a> {
    pub policy: NamedPolicy<'a>,
    pub kind: ResourcePolicyKind,
}

/// Every policy that applies to a request.
#[derive(Debug, Clone, Default)]
pub struct PolicySet<'a> {
    /// The principal's identity policies: inline, managed, and its groups' policies.
    pub identity: Vec<NamedPolicy<'a>>,
    pub boundary: Option<NamedPolicy<'a>>,
    /// Session policies, when the session was created with some (`None`: no session policy).
    pub session: Option<Vec<NamedPolicy<'a>>>,
    /// SCPs of the principal's account, one list per level (root, each OU, the account).
    pub scps: Vec<Vec<NamedPolicy<'a>>>,
    /// RCPs of the resource's account, one list per level.
    pub rcps: Vec<Vec<NamedPolicy<'a>>>,
    pub resource: Option<ResourcePolicy<'a>>,
}

impl<'a> PolicySet<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn identity(mut self, name: impl Into<Cow<'a, str>>, policy: &'a Policy) -> Self {
        self.identity.push(NamedPolicy::new(name, policy));
        self
    }

    pub fn boundary(mut self, name: impl Into<Cow<'a, str>>, policy: &'a Policy) -> Self {
        self.boundary = Some(NamedPolicy::new(name, policy));
        self
    }

    pub fn session(mut self, name: impl Into<Cow<'a, str>>, policy: &'a Policy) -> Self {
        self.session.get_or_insert_with(Vec::new).push(NamedPolicy::new(name, policy));
        self
    }

    /// Adds one SCP level (every level must allow).
    pub fn scp_level(mut self, policies: Vec<NamedPolicy<'a>>) -> Self {
        self.scps.push(policies);
        self
    }

    /// Adds one RCP level (every level must allow).
    pub fn rcp_level(mut self, policies: Vec<NamedPolicy<'a>>) -> Self {
        self.rcps.push(policies);
        self
    }

    pub fn resource_policy(self, name: impl Into<Cow<'a, str>>, policy: &'a Policy) -> Self {
        self.with_resource(name, policy, ResourcePolicyKind::Generic)
    }

    pub fn key_policy(self, name: impl Into<Cow<'a, str>>, policy: &'a Policy) -> Self {
        self.with_resource(name, policy, ResourcePolicyKind::KeyPolicy)
    }

    pub fn trust_policy(self, name: impl Into<Cow<'a, str>>, policy: &'a Policy) -> Self {
        self.with_resource(name, policy, ResourcePolicyKind::TrustPolicy)
    }

    /// Sets the resource's policy, taking part as `kind`.
    pub fn with_resource(
        mut self,
        name: impl Into<Cow<'a, str>>,
        policy: &'a Policy,
        kind: ResourcePolicyKind,
    ) -> Self {
        self.resource = Some(ResourcePolicy { policy: NamedPolicy::new(name, policy), kind });
        self
    }
}

/// The verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    /// An explicit `Deny` applies.
    Denied,
    /// Nothing allows (or a bound does not).
    ImplicitlyDenied,
    /// Allowed exactly when the formula over unknowns holds.
    AllowedIf(Formula),
}

impl Decision {
    pub fn is_allowed(&self) -> bool {
        *self == Decision::Allowed
    }

    /// Allowed, or allowed under conditions the analysis could not decide.
    pub fn may_be_allowed(&self) -> bool {
        matches!(self, Decision::Allowed | Decision::AllowedIf(_))
    }

    /// The unknowns an "allowed if" decision depends on (empty otherwise).
    pub fn unknowns(&self) -> Vec<&Unknown> {
        match self {
            Decision::AllowedIf(f) => f.unknowns(),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Allowed => f.write_str("allowed"),
            Decision::Denied => f.write_str("denied (explicit deny)"),
            Decision::ImplicitlyDenied => f.write_str("denied (no allow)"),
            Decision::AllowedIf(formula) => write!(f, "allowed if {formula}"),
        }
    }
}

/// Where a statement comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Identity,
    PermissionsBoundary,
    Session,
    /// SCP at a level (0 = organization root).
    Scp(usize),
    Rcp(usize),
    Resource(ResourcePolicyKind),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Identity => f.write_str("identity policy"),
            Source::PermissionsBoundary => f.write_str("permissions boundary"),
            Source::Session => f.write_str("session policy"),
            Source::Scp(l) => write!(f, "SCP (level {l})"),
            Source::Rcp(l) => write!(f, "RCP (level {l})"),
            Source::Resource(ResourcePolicyKind::Generic) => f.write_str("resource policy"),
            Source::Resource(ResourcePolicyKind::KeyPolicy) => f.write_str("key policy"),
            Source::Resource(ResourcePolicyKind::TrustPolicy) => f.write_str("trust policy"),
        }
    }
}

/// A statement that applies to the request (possibly only under unknown conditions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchedStatement {
    pub source: Source,
    pub policy: String,
    /// Sid or `#index`.
    pub statement: String,
    pub effect: Effect,
    /// Applies only if some unknown holds.
    pub conditional: bool,
}

/// A required part of the evaluation that does not allow the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No identity-based policy allows.
    IdentityAllow,
    /// The permissions boundary does not allow.
    Boundary(String),
    /// No session policy allows.
    Session,
    /// No SCP at this level allows (level, policy names).
    Scp(usize, Vec<String>),
    Rcp(usize, Vec<String>),
    /// The resource policy does not allow, and it is needed (cross-account, trust, key).
    ResourceAllow(ResourcePolicyKind),
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Missing::IdentityAllow => f.write_str("no identity-based policy allows it"),
            Missing::Boundary(name) => write!(f, "the permissions boundary {name:?} does not allow it"),
            Missing::Session => f.write_str("no session policy allows it"),
            Missing::Scp(level, names) => write!(f, "no SCP at level {level} ({}) allows it", names.join(", ")),
            Missing::Rcp(level, names) => write!(f, "no RCP at level {level} ({}) allows it", names.join(", ")),
            Missing::ResourceAllow(ResourcePolicyKind::Generic) => {
                f.write_str("the resource policy does not allow it (required across accounts)")
            }
            Missing::ResourceAllow(ResourcePolicyKind::KeyPolicy) => {
                f.write_str("the key policy neither allows the principal nor delegates to its account")
            }
            Missing::ResourceAllow(ResourcePolicyKind::TrustPolicy) => {
                f.write_str("the trust policy does not allow it")
            }
        }
    }
}

/// A decision with its explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub decision: Decision,
    pub principal: String,
    pub action: String,
    pub resource: String,
    /// Statements that apply (allows and denies), in evaluation order.
    pub matched: Vec<MatchedStatement>,
    /// Required parts that did not allow.
    pub missing: Vec<Missing>,
    /// Other facts worth knowing (bounds skipped, accounts unknown …).
    pub notes: Vec<String>,
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = if self.principal.is_empty() { "anonymous" } else { &self.principal };
        writeln!(f, "{} {} on {}: {}", who, self.action, self.resource, self.decision)?;
        for m in &self.matched {
            let verb = match m.effect {
                Effect::Allow => "allowed by",
                Effect::Deny => "denied by",
            };
            let cond = if m.conditional { " (under conditions)" } else { "" };
            writeln!(f, "  {verb} {} {:?}, statement {}{cond}", m.source, m.policy, m.statement)?;
        }
        for m in &self.missing {
            writeln!(f, "  not allowed: {m}")?;
        }
        if let Decision::AllowedIf(formula) = &self.decision {
            writeln!(f, "  unknown at analysis time:")?;
            for u in formula.unknowns() {
                writeln!(f, "    - {u}")?;
            }
        }
        for n in &self.notes {
            writeln!(f, "  note: {n}")?;
        }
        Ok(())
    }
}

/// How a resource-policy statement names the caller.
#[derive(Default)]
struct Named {
    /// The user, role session, federated session, service, provider or everyone.
    direct: Vec<Val>,
    /// The role's ARN (limited by boundary and session policies).
    role: Vec<Val>,
    /// The account (delegation to identity policies).
    account: Vec<Val>,
}

/// Evaluates many requests of one principal against one policy set, reusing the derived
/// context.
pub struct Evaluator<'s, 'a> {
    set: &'s PolicySet<'a>,
    principal: &'s Principal,
    context: HashMap<String, ContextValue>,
    unset_is_unknown: bool,
}

/// Evaluates one request.
pub fn evaluate(set: &PolicySet<'_>, request: &Request) -> Evaluation {
    Evaluator::new(set, &request.principal, &request.context).evaluate(&request.action, &request.target)
}

impl<'s, 'a> Evaluator<'s, 'a> {
    pub fn new(set: &'s PolicySet<'a>, principal: &'s Principal, context: &Context) -> Self {
        let mut map: HashMap<String, ContextValue> = HashMap::new();
        let one = |s: &str| ContextValue::Values(vec![s.to_string()]);
        let p = principal;
        let kind = p.kind;
        let authenticated_iam = matches!(
            kind,
            PrincipalKind::User | PrincipalKind::Role | PrincipalKind::Root | PrincipalKind::FederatedUser
        );
        if authenticated_iam {
            map.insert("aws:principalarn".into(), one(&p.arn));
            map.insert("aws:principalaccount".into(), one(&p.account));
            let t = match kind {
                PrincipalKind::User => "User",
                PrincipalKind::Role => "AssumedRole",
                PrincipalKind::Root => "Account",
                _ => "FederatedUser",
            };
            map.insert("aws:principaltype".into(), one(t));
        } else {
            map.insert("aws:principalarn".into(), ContextValue::Absent);
            map.insert("aws:principalaccount".into(), ContextValue::Absent);
            if kind == PrincipalKind::Anonymous {
                map.insert("aws:principaltype".into(), one("Anonymous"));
            }
        }
        map.insert(
            "aws:username".into(),
            if kind == PrincipalKind::User { one(p.name()) } else { ContextValue::Absent },
        );
        map.insert(
            "aws:principalisawsservice".into(),
            one(if kind == PrincipalKind::Service { "true" } else { "false" }),
        );
        if kind == PrincipalKind::Service {
            map.insert("aws:principalservicename".into(), one(&p.arn));
        } else {
            map.insert("aws:principalservicename".into(), ContextValue::Absent);
        }
        if matches!(kind, PrincipalKind::Anonymous | PrincipalKind::Service | PrincipalKind::WebIdentity) {
            for key in ["aws:principalorgid", "aws:principalorgpaths", "aws:userid"] {
                map.insert(key.into(), ContextValue::Absent);
            }
        }
        if let Some(tags) = &p.tags {
            for (k, v) in tags {
                map.insert(format!("aws:principaltag/{}", k.to_lowercase()), one(v));
            }
        }
        for (k, v) in context.entries() {
            map.insert(k.clone(), v.clone());
        }
        Evaluator { set, principal, context: map, unset_is_unknown: context.unset_is_unknown() }
    }

    fn lookup<'x>(&'x self, key: &str, target: &'x Target) -> Lookup<'x> {
        match self.context.get(key) {
            Some(ContextValue::Values(v)) => return Lookup::Values(v),
            Some(ContextValue::Absent) => return Lookup::Absent,
            Some(ContextValue::Unknown) => return Lookup::Unknown,
            None => {}
        }
        if key.starts_with("aws:principaltag/") {
            return if self.principal.tags.is_some() { Lookup::Absent } else { Lookup::Unknown };
        }
        if key == "aws:resourceaccount" {
            if let Target::Resource { account: Some(a), .. } = target {
                return Lookup::Values(std::slice::from_ref(a));
            }
            return Lookup::Unknown;
        }
        if self.unset_is_unknown {
            Lookup::Unknown
        } else {
            Lookup::Absent
        }
    }

    /// Evaluates `action` on `target`.
    pub fn evaluate(&self, action: &str, target: &Target) -> Evaluation {
        let p = self.principal;
        let set = self.set;
        let mut ev = Evaluation {
            decision: Decision::ImplicitlyDenied,
            principal: p.caller_arn().unwrap_or_else(|| p.arn.clone()),
            action: action.to_string(),
            resource: target.display().to_string(),
            matched: Vec::new(),
            missing: Vec::new(),
            notes: Vec::new(),
        };
        let mut denies: Vec<Val> = Vec::new();
        let has_identity = matches!(p.kind, PrincipalKind::User | PrincipalKind::Role | PrincipalKind::FederatedUser);
        let is_root = p.kind == PrincipalKind::Root;

        // Identity side: identity policies, boundary, session policies.
        let mut id_allows = Vec::new();
        if has_identity {
            for np in &set.identity {
                let (a, d) = self.policy_effects(np, action, target, Source::Identity, &mut ev);
                id_allows.push(a);
                denies.push(d);
            }
        }
        let id_allow = if is_root { Val::T } else { Val::any(id_allows) };
        let mut bound_ok = Val::T;
        if let (true, Some(b)) = (has_identity, &set.boundary) {
            let (a, d) = self.policy_effects(b, action, target, Source::PermissionsBoundary, &mut ev);
            denies.push(d);
            if a.is_false() {
                ev.missing.push(Missing::Boundary(b.name.to_string()));
            }
            bound_ok = a;
        }
        if let (true, Some(sessions)) = (has_identity, &set.session) {
            let mut allows = Vec::new();
            for np in sessions {
                let (a, d) = self.policy_effects(np, action, target, Source::Session, &mut ev);
                allows.push(a);
                denies.push(d);
            }
            let a = Val::any(allows);
            if a.is_false() {
                ev.missing.push(Missing::Session);
            }
            bound_ok = bound_ok.and(a);
        }
        let id_path = id_allow.clone().and(bound_ok.clone());
        if has_identity && id_allow.is_false() {
            ev.missing.push(Missing::IdentityAllow);
        }

        // Organization bounds.
        let mut org_ok = Val::T;
        let scps_apply = !set.scps.is_empty()
            && !p.service_linked
            && !matches!(p.kind, PrincipalKind::Service | PrincipalKind::Anonymous | PrincipalKind::WebIdentity);
        if !set.scps.is_empty() && !scps_apply {
            ev.notes.push("SCPs do not apply to this principal".into());
        }
        if scps_apply {
            for (level, policies) in set.scps.iter().enumerate() {
                let mut allows = Vec::new();
                for np in policies {
                    let (a, d) = self.policy_effects(np, action, target, Source::Scp(level), &mut ev);
                    allows.push(a);
                    denies.push(d);
                }
                let a = Val::any(allows);
                if a.is_false() {
                    ev.missing.push(Missing::Scp(level, policies.iter().map(|n| n.name.to_string()).collect()));
                }
                org_ok = org_ok.and(a);
            }
        }
        if !set.rcps.is_empty() {
            let service = action.split(':').next().unwrap_or("");
            if p.service_linked {
                ev.notes.push("RCPs do not apply to service-linked roles".into());
            } else if !catalog().supports_rcp(service) {
                ev.notes.push(format!("RCPs do not apply: {service} does not support them"));
            } else {
                for (level, policies) in set.rcps.iter().enumerate() {
                    let mut allows = Vec::new();
                    for np in policies {
                        let (a, d) = self.policy_effects(np, action, target, Source::Rcp(level), &mut ev);
                        allows.push(a);
                        denies.push(d);
                    }
                    let a = Val::any(allows);
                    if a.is_false() {
                        ev.missing.push(Missing::Rcp(level, policies.iter().map(|n| n.name.to_string()).collect()));
                    }
                    org_ok = org_ok.and(a);
                }
            }
        }

        // Resource policy.
        let mut named = Named::default();
        let rp_kind = set.resource.as_ref().map_or(ResourcePolicyKind::Generic, |r| r.kind);
        if let (Target::Resource { .. }, Some(rp)) = (target, &set.resource) {
            let source = Source::Resource(rp.kind);
            for st in &rp.policy.policy.statements {
                let base = self.statement(&rp.policy.name, st, action, target);
                if base.is_false() {
                    continue;
                }
                let Some(principal) = &st.principal else { continue };
                let (applies, parts) = self.principal_match(&rp.policy.name, st, principal);
                let val = base.clone().and(applies);
                if val.is_false() {
                    continue;
                }
                push_match(&mut ev, &source, &rp.policy.name, st, &val);
                match st.effect {
                    Effect::Deny => denies.push(val),
                    Effect::Allow => {
                        named.direct.push(base.clone().and(parts.direct));
                        named.role.push(base.clone().and(parts.role));
                        named.account.push(base.and(parts.account));
                    }
                }
            }
        }
        let rp_direct = Val::any(named.direct);
        let rp_role = Val::any(named.role);
        let rp_account = Val::any(named.account);
        let rp_any = rp_direct.clone().or(rp_role.clone()).or(rp_account.clone());

        let grant = match p.kind {
            PrincipalKind::Service | PrincipalKind::Anonymous | PrincipalKind::WebIdentity => rp_any.clone(),
            _ => {
                let same = self.same_account(target, &mut ev);
                let same_grant = match rp_kind {
                    ResourcePolicyKind::Generic => {
                        id_path.clone().or(rp_direct.clone()).or(rp_role.clone().and(bound_ok.clone()))
                    }
                    _ => rp_direct
                        .clone()
                        .or(rp_role.clone().and(bound_ok.clone()))
                        .or(rp_account.clone().and(id_path.clone())),
                };
                let cross_grant = id_path.clone().and(rp_any.clone());
                same.clone().and(same_grant).or(same.negate().and(cross_grant))
            }
        };
        let needs_rp = matches!(target, Target::Resource { .. })
            && (rp_kind != ResourcePolicyKind::Generic
                || matches!(p.kind, PrincipalKind::Service | PrincipalKind::Anonymous | PrincipalKind::WebIdentity)
                || self.is_cross_account(target));
        if needs_rp && rp_any.is_false() {
            ev.missing.push(Missing::ResourceAllow(rp_kind));
        }

        let deny = Val::any(denies);
        let allowed = deny.clone().negate().and(org_ok).and(grant);
        ev.decision = match allowed {
            Val::T => Decision::Allowed,
            Val::F if deny == Val::T => Decision::Denied,
            Val::F => Decision::ImplicitlyDenied,
            Val::U(f) => match f.fold() {
                Val::T => Decision::Allowed,
                Val::F => Decision::ImplicitlyDenied,
                Val::U(f) => Decision::AllowedIf(f),
            },
        };
        ev
    }

    fn is_cross_account(&self, target: &Target) -> bool {
        matches!(target, Target::Resource { account: Some(a), .. } if *a != self.principal.account)
    }

    fn same_account(&self, target: &Target, ev: &mut Evaluation) -> Val {
        match target {
            Target::Any => Val::T,
            Target::Resource { account: Some(a), .. } => Val::from_bool(*a == self.principal.account),
            Target::Resource { arn, account: None } if arn == "*" => Val::T,
            Target::Resource { arn, account: None } => {
                if self.set.resource.is_none() {
                    // Without a resource policy only the identity side can grant either way.
                    return Val::T;
                }
                ev.notes.push(format!("the account of {arn} is not known"));
                Val::term(Unknown {
                    policy: String::new(),
                    statement: String::new(),
                    detail: format!("{arn} is in account {}", self.principal.account),
                    key: Some("aws:resourceaccount".into()),
                })
            }
        }
    }

    /// (any Allow applies, any Deny applies) for one policy without a principal element.
    fn policy_effects(
        &self,
        np: &NamedPolicy<'_>,
        action: &str,
        target: &Target,
        source: Source,
        ev: &mut Evaluation,
    ) -> (Val, Val) {
        let mut allows = Vec::new();
        let mut denies = Vec::new();
        for st in &np.policy.statements {
            let mut val = self.statement(&np.name, st, action, target);
            if let (false, Some(principal)) = (val.is_false(), &st.principal) {
                // RCP statements (Principal "*") and unknown-kind documents.
                val = val.and(self.principal_match(&np.name, st, principal).0);
            }
            if val.is_false() {
                continue;
            }
            push_match(ev, &source, &np.name, st, &val);
            match st.effect {
                Effect::Allow => allows.push(val),
                Effect::Deny => denies.push(val),
            }
        }
        (Val::any(allows), Val::any(denies))
    }

    /// Action, resource and conditions of one statement (not its principal).
    fn statement(&self, policy: &str, st: &Statement, action: &str, target: &Target) -> Val {
        if !st.covers_action(action) {
            return Val::F;
        }
        let unknown = |detail: String, key: Option<String>| {
            Val::term(Unknown { policy: policy.to_string(), statement: st.label(), detail, key })
        };
        let resource = match (&st.resource, target) {
            (None, _) => Val::T,
            (Some(Element { negated, items }), Target::Any) => {
                let star = items.iter().any(|p| p.is_star());
                Val::from_bool(match (st.effect, negated) {
                    (Effect::Allow, false) => true,
                    (Effect::Allow, true) => !star,
                    (Effect::Deny, false) => star,
                    (Effect::Deny, true) => false,
                })
            }
            (Some(Element { negated, items }), Target::Resource { arn, .. }) => {
                let var = |key: &str| match self.lookup(key, target) {
                    Lookup::Values([one]) => VarValue::Value(one.as_str()),
                    Lookup::Values(_) | Lookup::Absent => VarValue::Absent,
                    Lookup::Unknown => VarValue::Unknown,
                };
                let mut hits = Vec::new();
                for p in items {
                    hits.push(match p.resolve(&var) {
                        Resolved::Unresolvable => Val::F,
                        Resolved::Unknown(key) => unknown(format!("resource {arn} matches {p}"), Some(key)),
                        r => Val::from_bool(arn_glob(r.pieces().unwrap_or(&[]), arn)),
                    });
                }
                let hit = Val::any(hits);
                if *negated {
                    hit.negate()
                } else {
                    hit
                }
            }
        };
        if resource.is_false() {
            return Val::F;
        }
        let mut parts = vec![resource];
        for c in &st.conditions {
            let tri = c.evaluate(&|key| self.lookup(key, target));
            let v = match tri {
                crate::formula::Tri::True => Val::T,
                crate::formula::Tri::False => return Val::F,
                crate::formula::Tri::Unknown => unknown(c.to_string(), Some(c.key_lower().to_string())),
            };
            parts.push(v);
        }
        Val::all(parts)
    }

    /// Whether the statement's `Principal`/`NotPrincipal` covers the caller, and how.
    fn principal_match(&self, policy: &str, st: &Statement, element: &Element<Principals>) -> (Val, Parts) {
        let parts = self.principal_parts(policy, st, &element.items);
        if !element.negated {
            let any = parts.direct.clone().or(parts.role.clone()).or(parts.account.clone());
            return (any, parts);
        }
        // NotPrincipal: the statement applies unless the caller is listed. A caller is listed
        // when its account and its own identity are (AWS checks each); the root user when its
        // account is. A Deny with NotPrincipal always applies to principals with a permissions
        // boundary (IAM User Guide, "Permissions boundaries for IAM entities").
        if st.effect == Effect::Deny && self.set.boundary.is_some() {
            return (Val::T, Parts::direct(Val::T));
        }
        let listed = if element.items.everyone {
            Val::T
        } else {
            match self.principal.kind {
                PrincipalKind::Root => parts.account.clone(),
                PrincipalKind::User | PrincipalKind::Role | PrincipalKind::FederatedUser => {
                    parts.account.clone().and(parts.direct.clone().or(parts.role.clone()))
                }
                _ => parts.direct.clone(),
            }
        };
        let applies = listed.negate();
        (applies.clone(), Parts::direct(applies))
    }

    fn principal_parts(&self, policy: &str, st: &Statement, items: &Principals) -> Parts {
        let p = self.principal;
        let mut out = Parts::default();
        if items.everyone {
            out.direct = Val::T;
            return out;
        }
        let iam = matches!(
            p.kind,
            PrincipalKind::User | PrincipalKind::Role | PrincipalKind::Root | PrincipalKind::FederatedUser
        );
        for v in &items.aws {
            let v = v.trim();
            if iam && (v == p.account || is_root_arn_of(v, &p.account)) {
                out.account = Val::T;
                if p.kind == PrincipalKind::Root {
                    out.direct = Val::T;
                }
                continue;
            }
            match p.kind {
                PrincipalKind::User | PrincipalKind::FederatedUser if v == p.arn => out.direct = Val::T,
                PrincipalKind::Role if v == p.arn => out.role = Val::T,
                PrincipalKind::Role => {
                    if let Some((account, role, session)) = session_arn(v) {
                        if account == p.account && role == p.name() {
                            let hit = match &p.session_name {
                                Some(s) => Val::from_bool(s == session),
                                None => Val::term(Unknown {
                                    policy: policy.to_string(),
                                    statement: st.label(),
                                    detail: format!("the role session is named {session:?}"),
                                    key: None,
                                }),
                            };
                            out.direct = std::mem::replace(&mut out.direct, Val::F).or(hit);
                        }
                    }
                }
                _ => {}
            }
        }
        if p.kind == PrincipalKind::Service && items.service.iter().any(|s| s.eq_ignore_ascii_case(&p.arn)) {
            out.direct = Val::T;
        }
        if p.kind == PrincipalKind::WebIdentity && items.federated.contains(&p.arn) {
            out.direct = Val::T;
        }
        out
    }
}

#[derive(Clone)]
struct Parts {
    direct: Val,
    role: Val,
    account: Val,
}

impl Default for Parts {
    fn default() -> Self {
        Parts { direct: Val::F, role: Val::F, account: Val::F }
    }
}

impl Parts {
    fn direct(v: Val) -> Parts {
        Parts { direct: v, ..Parts::default() }
    }
}

fn push_match(ev: &mut Evaluation, source: &Source, policy: &str, st: &Statement, val: &Val) {
    ev.matched.push(MatchedStatement {
        source: source.clone(),
        policy: policy.to_string(),
        statement: st.label(),
        effect: st.effect,
        conditional: matches!(val, Val::U(_)),
    });
}

/// `arn:PARTITION:iam::ACCOUNT:root`.
fn is_root_arn_of(v: &str, account: &str) -> bool {
    let parts: Vec<&str> = v.split(':').collect();
    parts.len() == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[4] == account && parts[5] == "root"
}

/// `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION` → (account, role, session).
fn session_arn(v: &str) -> Option<(&str, &str, &str)> {
    let parts: Vec<&str> = v.splitn(6, ':').collect();
    if parts.len() != 6 || parts[0] != "arn" || parts[2] != "sts" {
        return None;
    }
    let rest = parts[5].strip_prefix("assumed-role/")?;
    let (role, session) = rest.split_once('/')?;
    Some((parts[4], role, session))
}

impl Val {
    pub(crate) fn from_bool(b: bool) -> Val {
        if b {
            Val::T
        } else {
            Val::F
        }
    }
}
