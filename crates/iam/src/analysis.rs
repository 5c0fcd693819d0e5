//! Effective-permission questions the checks ask, built on the evaluator and the catalogue.

use crate::catalog::{catalog, Action};
use crate::eval::{Decision, Evaluation, Evaluator, PolicySet, ResourcePolicyKind};
use crate::formula::{Formula, Unknown};
use crate::policy::{Effect, Policy, PolicyKind};
use crate::request::{arn_account, Context, ContextValue, Principal, PrincipalKind, Target};
use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

/// Can the principal perform `action` on `target`? Condition keys not derivable from the
/// principal or target are unknown, so conditions stay open ("allowed if …").
pub fn can(set: &PolicySet<'_>, principal: &Principal, action: &str, target: &Target) -> Evaluation {
    Evaluator::new(set, principal, &Context::unknown_by_default()).evaluate(action, target)
}

/// Which of the given actions (patterns allowed: `s3:Get*`) the principal may perform.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionsReport {
    /// Definitely allowed, by known action name.
    pub allowed: Vec<String>,
    /// Allowed only if the formula holds.
    pub conditional: Vec<(String, Formula)>,
    /// Patterns or names the catalogue does not know; they were evaluated as written.
    pub unknown: Vec<String>,
}

/// Evaluates each action (patterns are expanded through the catalogue; unknown names are
/// reported and evaluated as written) on `target`.
pub fn allowed_actions(set: &PolicySet<'_>, principal: &Principal, actions: &[&str], target: &Target) -> ActionsReport {
    let evaluator = Evaluator::new(set, principal, &Context::unknown_by_default());
    let mut report = ActionsReport::default();
    let mut names: Vec<String> = Vec::new();
    for pattern in actions {
        let exp = catalog().expand(pattern);
        names.extend(exp.actions.iter().map(|a| a.name.clone()));
        for u in exp.unknown {
            names.push(u.clone());
            report.unknown.push(u);
        }
    }
    let mut seen = BTreeSet::new();
    for name in names {
        if !seen.insert(name.to_lowercase()) {
            continue;
        }
        match evaluator.evaluate(&name, target).decision {
            Decision::Allowed => report.allowed.push(name),
            Decision::AllowedIf(f) => report.conditional.push((name, f)),
            _ => {}
        }
    }
    report
}

/// How fully a principal holds a permission set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdminLevel {
    /// Every action is allowed.
    Yes,
    /// Every action is allowed or allowed under unknown conditions, and some only so.
    Conditional,
    No,
}

/// Administrator access of a principal.
///
/// Definition: the principal is an administrator of a service when **every** action the
/// catalogue lists for that service is allowed on every resource — evaluated with the
/// resource `*` in the principal's own account, no resource policy, and all condition keys
/// not derivable from the principal unknown — after all denies, the permissions boundary,
/// session policies and SCPs. It is a full administrator (`*:*`) when that holds for every
/// service in the catalogue. How the allows are written does not matter: `*`, `iam:*`,
/// `NotAction` with `Allow`, or many statements adding up. Statements limited to particular
/// resources do not count (they do not cover `*`), and denies limited to particular
/// resources do not subtract. "Conditional" means every action is allowed or allowed only
/// under unknown conditions (e.g. MFA present, a source IP).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminAccess {
    /// Administrator of everything (`*:*`).
    pub full: AdminLevel,
    /// Services the principal administers fully or conditionally, by prefix.
    pub services: Vec<(String, AdminLevel)>,
}

/// Detects administrator access (see [`AdminAccess`] for the definition).
pub fn admin_access(set: &PolicySet<'_>, principal: &Principal) -> AdminAccess {
    let evaluator = Evaluator::new(set, principal, &Context::unknown_by_default());
    let target = Target::all();
    let cat = catalog();
    let mut services = Vec::new();
    let mut full = AdminLevel::Yes;
    for service in cat.services() {
        let level = level_over(&evaluator, cat.service_actions(service), &target);
        match level {
            AdminLevel::No => full = AdminLevel::No,
            AdminLevel::Conditional if full == AdminLevel::Yes => full = AdminLevel::Conditional,
            _ => {}
        }
        if level != AdminLevel::No {
            services.push((service.prefix.to_string(), level));
        }
    }
    AdminAccess { full, services }
}

fn level_over(evaluator: &Evaluator<'_, '_>, actions: &[Action], target: &Target) -> AdminLevel {
    let mut level = AdminLevel::Yes;
    for a in actions {
        match evaluator.evaluate(&a.name, target).decision {
            Decision::Allowed => {}
            Decision::AllowedIf(_) => level = AdminLevel::Conditional,
            _ => return AdminLevel::No,
        }
    }
    level
}

/// Accounts and organizations the owner trusts; the resource's own account is always
/// trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedSet {
    pub accounts: BTreeSet<String>,
    /// Trusted organization ids. When empty, an organization condition with a concrete value
    /// is taken to name a trusted organization.
    pub org_ids: BTreeSet<String>,
}

impl TrustedSet {
    pub fn new<S: Into<String>>(accounts: impl IntoIterator<Item = S>) -> TrustedSet {
        TrustedSet { accounts: accounts.into_iter().map(Into::into).collect(), org_ids: BTreeSet::new() }
    }

    pub fn with_orgs<S: Into<String>>(mut self, orgs: impl IntoIterator<Item = S>) -> TrustedSet {
        self.org_ids = orgs.into_iter().map(Into::into).collect();
        self
    }
}

/// A caller outside the trusted set, as simulated.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outsider {
    /// An unauthenticated caller.
    Anonymous,
    /// A principal of some untrusted account the policy does not name.
    AnyAccount,
    /// A principal named (by account or ARN) in the policy, in an untrusted account.
    Principal(String),
    /// An AWS service acting for an untrusted account (confused deputy).
    Service(String),
    /// A web-identity or SAML caller of this provider.
    Federated(String),
    /// A principal of an untrusted organization named in a condition.
    Organization(String),
}

impl fmt::Display for Outsider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outsider::Anonymous => f.write_str("anyone (anonymous)"),
            Outsider::AnyAccount => f.write_str("any AWS account"),
            Outsider::Principal(p) => write!(f, "{p}"),
            Outsider::Service(s) => write!(f, "{s} acting for another account"),
            Outsider::Federated(p) => write!(f, "identities of {p}"),
            Outsider::Organization(o) => write!(f, "accounts of organization {o}"),
        }
    }
}

/// One grant of the policy that reaches an outsider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExposedGrant {
    pub outsider: Outsider,
    /// The action as the policy writes it (a pattern, or `*` for `NotAction`).
    pub action: String,
    /// The resource as the policy writes it.
    pub resource: String,
    /// Allow statements of the policy that apply.
    pub statements: Vec<String>,
    /// Conditions that may still restrict the grant (unknown keys an outsider does not
    /// control, e.g. `aws:SourceIp` or resource tags); empty: exposed outright.
    pub conditions: Vec<Unknown>,
}

/// What a resource policy grants to outsiders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exposure {
    pub grants: Vec<ExposedGrant>,
}

impl Exposure {
    /// Some grant reaches an outsider with nothing left to restrict it.
    pub fn is_exposed(&self) -> bool {
        self.grants.iter().any(|g| g.conditions.is_empty())
    }

    /// Some grant may reach an outsider (outright or under open conditions).
    pub fn may_be_exposed(&self) -> bool {
        !self.grants.is_empty()
    }
}

/// Condition keys whose values the caller chooses (or that say nothing about who the caller
/// is): they never restrict a grant to outsiders.
fn caller_controlled(key: &str) -> bool {
    const KEYS: &[&str] = &[
        "aws:useragent",
        "aws:securetransport",
        "aws:referer",
        "aws:currenttime",
        "aws:epochtime",
        "aws:requestedregion",
        "aws:tokenissuetime",
        "aws:multifactorauthpresent",
        "aws:multifactorauthage",
        "aws:viaawsservice",
        "aws:calledvia",
        "aws:calledviafirst",
        "aws:calledvialast",
        "aws:tagkeys",
        "aws:userid",
        "aws:username",
        "aws:federatedprovider",
        "aws:principaltype",
        "aws:sourceidentity",
        // The auth type of the function URL the request came through, not who sent it.
        "lambda:functionurlauthtype",
    ];
    let key = key.to_ascii_lowercase();
    KEYS.iter().any(|k| k.eq_ignore_ascii_case(&key))
        || key.starts_with("aws:requesttag/")
        || key.starts_with("aws:principaltag/")
        || (key.starts_with("s3:")
            && !matches!(
                key.as_str(),
                "s3:resourceaccount"
                    | "s3:accesspointnetworkorigin"
                    | "s3:dataaccesspointaccount"
                    | "s3:dataaccesspointarn"
            ))
}

/// Keys that name the caller or the network it comes from; outsiders get values of their own.
const OUTSIDER_ACCOUNT: &str = "999999999999";

fn allow_all() -> &'static Policy {
    static P: OnceLock<Policy> = OnceLock::new();
    P.get_or_init(|| {
        Policy::parse(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#,
            PolicyKind::Identity,
        )
        .expect("valid policy")
    })
}

/// What a resource policy grants to callers outside the trusted set.
///
/// Outsiders are simulated: an anonymous caller, a principal of an untrusted account, each
/// untrusted principal or account the policy names (in `Principal`, or in an account or
/// source condition), each service principal it names (acting for an untrusted account) and
/// each federated provider. A wildcard principal also matches AWS services, so the untrusted
/// account and the accounts named in conditions are tried as well through a service acting
/// for one of their resources. Outsiders control their own identity policies, tags and
/// request parameters. Keys that identify the caller — `aws:PrincipalOrgID`,
/// `aws:PrincipalOrgPaths`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:SourceAccount`,
/// SNS's older `aws:SourceOwner`, `aws:SourceArn`, `aws:SourceOrgID`, `aws:SourceOrgPaths`,
/// `aws:SourceVpc`, `aws:SourceVpce`, `kms:CallerAccount` — get the outsider's own values (the
/// network keys also absent), so a concrete value restricts. The outsider's `aws:SourceArn`
/// is also each ARN the policy's source-ARN values match once their account is the
/// outsider's: a pattern with wildcards where an ARN names its resource
/// (`arn:aws:sns:*:*:*`, `arn:aws:s3:::*`) restricts nothing; `aws:UserAgent`,
/// `aws:SecureTransport`, `aws:Referer` and other caller-chosen keys never restrict; any
/// other unknown key (e.g. `aws:SourceIp`, resource tags) is reported as a condition that may
/// restrict. An outsider may also belong to no organization (so `…IfExists` organization
/// conditions let it through), sends any `sts:ExternalId` it likes (a wildcard external id
/// restricts nothing; a concrete one stays a condition) and, unauthenticated, has no
/// `kms:CallerAccount`. Each Allow statement's actions and resources are tried as written.
pub fn exposure(
    policy: &Policy,
    kind: ResourcePolicyKind,
    resource_arn: &str,
    resource_account: &str,
    trusted: &TrustedSet,
) -> Exposure {
    let is_trusted = |account: &str| account == resource_account || trusted.accounts.contains(account);
    let generic = ["999999999999", "999999999998", "999999999997"]
        .into_iter()
        .find(|a| !is_trusted(a))
        .unwrap_or(OUTSIDER_ACCOUNT);

    let persona = |outsider, principal: Principal, account: &str, via_service| Persona {
        outsider,
        account: if principal.account.is_empty() { account.to_owned() } else { principal.account.clone() },
        principal,
        via_service,
    };
    let mut personas = vec![
        persona(Outsider::Anonymous, Principal::anonymous(), generic, false),
        persona(Outsider::AnyAccount, Principal::role(&format!("arn:aws:iam::{generic}:role/outsider")), generic, true),
    ];
    let mut services = BTreeSet::new();
    let mut named_accounts = BTreeSet::new();
    let mut orgs = BTreeSet::new();
    let mut source_arns = BTreeSet::new();
    for st in &policy.statements {
        if let Some(p) = &st.principal {
            for v in &p.items.aws {
                if let Some(named) = named_persona(v) {
                    if !is_trusted(&named.account) {
                        personas.push(persona(Outsider::Principal(v.clone()), named, generic, false));
                    }
                }
            }
            services.extend(p.items.service.iter().cloned());
            for fed in &p.items.federated {
                personas.push(persona(Outsider::Federated(fed.clone()), Principal::web_identity(fed), generic, false));
            }
        }
        for c in &st.conditions {
            let key = c.key_lower();
            let named_account = |v: &str| Some(v).filter(|v| is_account_id(v) && !is_trusted(v)).map(str::to_owned);
            match key {
                "aws:principalaccount" | "aws:sourceaccount" | "aws:sourceowner" | "kms:calleraccount" => {
                    named_accounts.extend(c.values.iter().filter_map(|v| named_account(v)));
                }
                "aws:sourcearn" => {
                    source_arns.extend(c.values.iter().cloned());
                    named_accounts.extend(c.values.iter().filter_map(|v| named_account(arn_account(v))));
                }
                _ => {}
            }
            if matches!(key, "aws:principalorgid" | "aws:sourceorgid") && !trusted.org_ids.is_empty() {
                for v in &c.values {
                    if !v.contains(['*', '?']) && !trusted.org_ids.contains(v) {
                        orgs.insert(v.clone());
                    }
                }
            }
        }
    }
    // Each service the policy names acts for any account, and for each account a condition
    // names; so may anyone a wildcard principal matches.
    for s in &services {
        personas.push(persona(Outsider::Service(s.clone()), Principal::service(s), generic, false));
        for account in &named_accounts {
            personas.push(persona(Outsider::Principal(account.clone()), Principal::service(s), account, false));
        }
    }
    for account in &named_accounts {
        personas.push(persona(Outsider::Principal(account.clone()), Principal::root(account), account, true));
    }
    for o in &orgs {
        let outsider = Principal::role(&format!("arn:aws:iam::{generic}:role/outsider"));
        personas.push(persona(Outsider::Organization(o.clone()), outsider, generic, false));
    }
    // One persona per outsider and caller; a service may act for it when any mention says so.
    let mut unique: Vec<Persona> = Vec::new();
    for p in personas {
        let same = |u: &&mut Persona| u.outsider == p.outsider && u.principal == p.principal;
        match unique.iter_mut().find(same) {
            Some(seen) => seen.via_service |= p.via_service,
            None => unique.push(p),
        }
    }
    let personas = unique;
    let source_arns: Vec<String> = source_arns.into_iter().collect();

    let owner_set = match kind {
        ResourcePolicyKind::Generic => PolicySet::new().resource_policy("resource policy", policy),
        ResourcePolicyKind::KeyPolicy => PolicySet::new().key_policy("key policy", policy),
        ResourcePolicyKind::TrustPolicy => PolicySet::new().trust_policy("trust policy", policy),
    };
    let outsider_set = owner_set.clone().identity("outsider's own policy", allow_all());

    let mut out = Exposure::default();
    for st in policy.statements.iter().filter(|s| s.effect == Effect::Allow && s.principal.is_some()) {
        let actions: Vec<String> = if st.action.negated {
            vec!["*".into()]
        } else {
            st.action.items.iter().map(|p| p.as_str().to_string()).collect()
        };
        let resources: Vec<String> = match &st.resource {
            Some(r) if !r.negated => r.items.iter().map(|p| p.as_str().to_string()).collect(),
            _ => vec![resource_arn.to_string()],
        };
        for persona in &personas {
            let Persona { outsider, principal, .. } = persona;
            let org = match outsider {
                Outsider::Organization(o) => Some(o.as_str()),
                _ => None,
            };
            let set = if principal.account.is_empty() { &owner_set } else { &outsider_set };
            for action in &actions {
                for resource in &resources {
                    let target = Target::in_account(resource, resource_account);
                    // The outsider picks the context that suits it best.
                    let found = outsider_contexts(persona, org, &source_arns)
                        .into_iter()
                        .filter_map(|ctx| classify(&Evaluator::new(set, principal, &ctx).evaluate(action, &target)))
                        .min_by_key(|(_, conditions)| conditions.len());
                    if let Some((statements, conditions)) = found {
                        out.grants.push(ExposedGrant {
                            outsider: outsider.clone(),
                            action: action.clone(),
                            resource: resource.clone(),
                            statements,
                            conditions,
                        });
                    }
                }
            }
        }
    }
    // Two callers may stand for one outsider: keep the grant with the fewest conditions.
    out.grants.sort_by(|a, b| {
        (&a.outsider, &a.action, &a.resource, a.conditions.len()).cmp(&(
            &b.outsider,
            &b.action,
            &b.resource,
            b.conditions.len(),
        ))
    });
    out.grants.dedup_by(|a, b| a.outsider == b.outsider && a.action == b.action && a.resource == b.resource);
    out
}

/// One simulated outsider: who it stands for, the caller it is, and the account it acts for
/// (its own; a service's customer).
struct Persona {
    outsider: Outsider,
    principal: Principal,
    account: String,
    /// A wildcard principal may also be a service acting for this account.
    via_service: bool,
}

/// A principal the policy names by ARN or account id.
fn named_persona(v: &str) -> Option<Principal> {
    if v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Principal::root(v));
    }
    let account = arn_account(v);
    if account.is_empty() {
        return None;
    }
    let resource = v.splitn(6, ':').nth(5)?;
    Some(if resource == "root" {
        Principal::root(account)
    } else if resource.starts_with("user/") {
        Principal::user(v)
    } else if resource.starts_with("role/") {
        Principal::role(v)
    } else if let Some(rest) = resource.strip_prefix("assumed-role/") {
        let (role, session) = rest.split_once('/')?;
        Principal::role(&format!("arn:aws:iam::{account}:role/{role}")).with_session(session)
    } else if resource.starts_with("federated-user/") {
        Principal::federated_user(v)
    } else {
        return None;
    })
}

fn is_account_id(v: &str) -> bool {
    v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit())
}

/// The source ARNs an outsider's resources can have for the policy's `aws:SourceArn` values:
/// each value with the outsider's account and its wildcards filled in. An ARN without an
/// account (S3 buckets) belongs to an outsider only when a wildcard names the resource; a
/// value with a policy variable is left out. Always ends with a bucket of the outsider's.
fn source_arn_guesses(values: &[String], account: &str) -> Vec<String> {
    let mut out: Vec<String> = values
        .iter()
        .filter(|v| !v.contains("${"))
        .filter_map(|v| {
            let parts: Vec<&str> = v.splitn(6, ':').collect();
            let [arn, partition, service, region, owner, resource] = parts.as_slice() else { return None };
            if !arn.eq_ignore_ascii_case("arn") || (owner.is_empty() && !resource.contains(['*', '?'])) {
                return None;
            }
            let owner = if owner.is_empty() { "" } else { account };
            let filled = [*arn, partition, service, region, owner, resource].join(":");
            Some(filled.replace(['*', '?'], "x"))
        })
        .collect();
    out.push(format!("arn:aws:s3:::outsider-{account}"));
    out.dedup();
    out
}

/// The contexts an outsider can present: caller-identifying keys with its own values (its
/// organization keys also absent); the source keys of a service acting for one of its
/// resources when the caller is a service, or may be one (`via_service`), otherwise absent;
/// the network keys once absent and once with its own values.
fn outsider_contexts(persona: &Persona, org: Option<&str>, source_arns: &[String]) -> Vec<Context> {
    let Persona { principal, account, via_service, .. } = persona;
    let account = account.as_str();
    let org_id = org.unwrap_or("o-outsider0000");
    let mut base = Context::unknown_by_default();
    let iam = matches!(
        principal.kind,
        PrincipalKind::User | PrincipalKind::Role | PrincipalKind::Root | PrincipalKind::FederatedUser
    );
    if iam {
        base = base
            .set("aws:PrincipalOrgID", org_id)
            .set_many("aws:PrincipalOrgPaths", [format!("{org_id}/r-out0/ou-out0-outsider/")])
            .set("kms:CallerAccount", account)
            // SNS reads the caller's account here.
            .set("aws:SourceOwner", account);
    }
    if matches!(principal.kind, PrincipalKind::Anonymous) {
        // An unauthenticated caller has no account.
        base = base.absent("kms:CallerAccount").absent("aws:SourceOwner");
    }
    let for_resource = |ctx: &Context, arn: &str| {
        ctx.clone()
            .set("aws:SourceAccount", account)
            .set("aws:SourceOwner", account)
            .set("aws:SourceArn", arn)
            .set("aws:SourceOrgID", org_id)
            .set_many("aws:SourceOrgPaths", [format!("{org_id}/r-out0/ou-out0-outsider/")])
    };
    let guesses = source_arn_guesses(source_arns, account);
    let mut callers = Vec::new();
    if matches!(principal.kind, PrincipalKind::Service) {
        callers.extend(guesses.iter().map(|arn| for_resource(&base, arn)));
    } else {
        let mut direct = base.clone();
        for key in ["aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths"] {
            direct = direct.absent(key);
        }
        callers.push(direct);
        if *via_service {
            callers.extend(guesses.iter().map(|arn| for_resource(&base, arn)));
        }
    }
    // An outsider may also belong to no organization at all (its organization keys absent),
    // which `…IfExists` conditions let through.
    let mut bases = callers.clone();
    if iam && org.is_none() {
        bases.extend(callers.into_iter().map(|c| c.absent("aws:PrincipalOrgID").absent("aws:PrincipalOrgPaths")));
    }
    let mut out = Vec::new();
    for base in bases {
        let mut via_network =
            base.clone().set("aws:SourceVpc", "vpc-0outsider").set("aws:SourceVpce", "vpce-0outsider");
        via_network.insert("aws:VpcSourceIp", ContextValue::Unknown);
        out.push(base.absent("aws:SourceVpc").absent("aws:SourceVpce").absent("aws:VpcSourceIp"));
        out.push(via_network);
    }
    // An external id is a secret the outsider does not know, but it may send any value: a
    // wildcard that matches every value restricts nothing.
    if iam {
        let guesses: Vec<Context> = out.iter().map(|c| c.clone().set("sts:ExternalId", "outsider-guess")).collect();
        out.extend(guesses);
    }
    out
}

/// `Some((allow statements, restricting conditions))` when the outsider may be allowed.
fn classify(ev: &Evaluation) -> Option<(Vec<String>, Vec<Unknown>)> {
    let statements = || {
        let mut s: Vec<String> = ev
            .matched
            .iter()
            .filter(|m| m.effect == Effect::Allow && matches!(m.source, crate::eval::Source::Resource(_)))
            .map(|m| m.statement.clone())
            .collect();
        s.dedup();
        s
    };
    match &ev.decision {
        Decision::Allowed => Some((statements(), Vec::new())),
        Decision::AllowedIf(f) => {
            let restricting: Vec<Unknown> = f
                .unknowns()
                .into_iter()
                .filter(|u| !u.key.as_deref().is_some_and(caller_controlled))
                .cloned()
                .collect();
            Some((statements(), restricting))
        }
        _ => None,
    }
}
