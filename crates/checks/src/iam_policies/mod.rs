//! The bridge from the inventory to the IAM policy engine (`wasp-iam`): every document parsed
//! once, each user's and role's policies gathered into a [`PolicySet`] with names findings can
//! quote, and what had to be left out said out loud.
//!
//! Policy names in explanations:
//! - `managed:ARN` — a managed policy attached to the principal;
//! - `inline:user/NAME/POLICY`, `inline:role/NAME/POLICY` — its inline policies;
//! - `group:GROUP/managed:ARN`, `group:GROUP/inline:POLICY` — its groups' policies;
//! - `boundary:ARN` — its permissions boundary;
//! - `scp:NAME (ID)` — a service control policy of its account.
//!
//! Documents that could not be read or parsed become [`Caveat`]s: the evaluation runs without
//! them and every answer that depends on them says so.

mod aws_managed;
pub mod escalation;
pub mod exposure;
mod resource_docs;

pub use escalation::{escalations, escalations_dot, Certainty, Escalation, Reach, PATHS};

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use wasp_iam::{
    catalog, Context, Decision, Evaluation, Evaluator, NamedPolicy, Policy, PolicyKind, PolicySet, Principal, Target,
    Unknown,
};
use wasp_model::iam::{Group, InlinePolicy, Role, User};
use wasp_model::organizations::{FeatureSet, ServiceControlPolicy};
use wasp_model::{Inventory, Resource, Setting};

/// A policy document as the analysis holds it.
#[derive(Debug, Clone)]
pub enum Doc {
    Ready(Policy),
    /// Not in the inventory; the text says why.
    Missing(String),
    /// Present but refused by the parser; the text is the parser's message.
    Malformed(String),
}

impl Doc {
    fn parse(value: Option<&serde_json::Value>, kind: PolicyKind, missing: impl FnOnce() -> String) -> Doc {
        match value {
            None => Doc::Missing(missing()),
            Some(v) => match Policy::from_value(v, kind) {
                Ok(p) => Doc::Ready(p),
                Err(e) => Doc::Malformed(e.to_string()),
            },
        }
    }

    /// The parsed policy, when there is one.
    pub fn policy(&self) -> Option<&Policy> {
        match self {
            Doc::Ready(p) => Some(p),
            _ => None,
        }
    }

    /// Why the document is unusable ("was not read …", "could not be parsed: …").
    pub fn problem(&self) -> Option<String> {
        match self {
            Doc::Ready(_) => None,
            Doc::Missing(why) => Some(why.clone()),
            Doc::Malformed(e) => Some(format!("could not be parsed ({e})")),
        }
    }
}

/// The part a left-out document would have played.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// It could only add permissions (or deny some, if it holds a `Deny`).
    Identity,
    /// It could only take permissions away.
    Boundary,
    /// Service control policies: they could only take permissions away.
    Scp,
}

/// Something the evaluation had to leave out.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Caveat {
    pub part: Part,
    /// The policy's name (empty for the SCPs as a whole).
    pub policy: String,
    pub problem: String,
}

impl fmt::Display for Caveat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            Part::Identity => write!(f, "policy {} {}", self.policy, self.problem),
            Part::Boundary => write!(f, "permissions boundary {} {}", self.policy, self.problem),
            Part::Scp if self.policy.is_empty() => f.write_str(&self.problem),
            Part::Scp => write!(f, "SCP {} {}", self.policy, self.problem),
        }
    }
}

/// Joins caveats for a message: `a; b; c`.
pub fn caveats_text(caveats: &[Caveat]) -> String {
    caveats.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// The SCPs of the scanned account, as far as they are known.
#[derive(Debug)]
enum Scps {
    /// SCPs do not restrict this account's principals; the text says why.
    NotApplicable(&'static str),
    /// They may apply but are not known; the text says why.
    Unknown(String),
    /// One list per level, root first, with notes on what was assumed.
    Levels(Vec<Vec<(String, Policy)>>, Vec<String>),
}

/// Users or roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    User,
    Role,
}

/// A user or role with every policy that applies to it.
pub struct Subject<'a> {
    pub kind: SubjectKind,
    pub arn: &'a str,
    pub name: &'a str,
    pub resource: &'a (dyn Resource + Sync),
    pub principal: Principal,
    pub set: PolicySet<'a>,
    /// Documents left out of `set`.
    pub caveats: Vec<Caveat>,
    /// Customer-managed policies that apply to it, directly or through its groups.
    pub managed: Vec<&'a str>,
    /// Its groups (users only), as found in the inventory.
    pub groups: Vec<&'a Group>,
    pub user: Option<&'a User>,
    pub role: Option<&'a Role>,
}

impl Subject<'_> {
    /// An evaluator for this subject with some context keys set (others unknown).
    pub fn evaluator<'s>(&'s self, context: &Context) -> Evaluator<'s, 's> {
        Evaluator::new(&self.set, &self.principal, context)
    }

    /// Whether a left-out document could add permissions.
    pub fn identity_incomplete(&self) -> bool {
        self.caveats.iter().any(|c| c.part == Part::Identity)
    }

    /// Whether a left-out boundary or SCP could take permissions away.
    pub fn limits_incomplete(&self) -> bool {
        self.caveats.iter().any(|c| c.part != Part::Identity)
    }
}

/// Every policy document of an inventory, parsed once.
pub struct Analysis<'inv> {
    pub inv: &'inv Inventory,
    /// By ARN: customer-managed policies of the inventory and wasp's AWS-managed copies.
    managed: HashMap<String, Doc>,
    /// By (owner ARN, policy name).
    inline: HashMap<(String, String), Doc>,
    /// Role trust policies, by role ARN.
    trust: HashMap<String, Doc>,
    /// Bucket and key policies, by resource ARN (buckets without a policy have none).
    resources: HashMap<String, Doc>,
    scps: Scps,
    groups: HashMap<&'inv str, &'inv Group>,
}

impl<'inv> Analysis<'inv> {
    /// Parses every document the principals refer to, each once.
    pub fn new(inv: &'inv Inventory) -> Analysis<'inv> {
        let mut managed = HashMap::new();
        // AWS-managed documents as collected win over wasp's own copies of a few of them.
        for p in inv.iam.policies.iter().chain(&inv.iam.aws_policies) {
            let doc = Doc::parse(p.document.as_ref(), PolicyKind::Identity, || {
                crate::evidence::unknown_for_resource(inv, &p.arn, "its document")
            });
            managed.insert(p.arn.clone(), doc);
        }
        let attached = inv
            .iam
            .users
            .iter()
            .flat_map(|u| u.attached_policies.iter().chain(&u.permissions_boundary))
            .chain(inv.iam.groups.iter().flat_map(|g| &g.attached_policies))
            .chain(inv.iam.roles.iter().flat_map(|r| r.attached_policies.iter().chain(&r.permissions_boundary)));
        for arn in attached {
            if managed.contains_key(arn) {
                continue;
            }
            let doc = match aws_managed::copy(arn) {
                Some((_, text)) => match Policy::parse(text, PolicyKind::Identity) {
                    Ok(p) => Doc::Ready(p),
                    Err(e) => Doc::Malformed(e.to_string()),
                },
                None if aws_managed::is_aws_managed(arn) => Doc::Missing(
                    "is AWS-managed and its document is not in the inventory (wasp itself carries \
                     AdministratorAccess, PowerUserAccess and IAMFullAccess only)"
                        .into(),
                ),
                None => Doc::Missing("is not in the inventory".into()),
            };
            managed.insert(arn.clone(), doc);
        }

        let mut inline = HashMap::new();
        let mut add_inline = |owner: &str, policies: &[InlinePolicy]| {
            for p in policies {
                let doc = Doc::parse(p.document.as_ref(), PolicyKind::Identity, || {
                    crate::evidence::unknown_for_resource(inv, owner, "its document")
                });
                inline.insert((owner.to_owned(), p.name.clone()), doc);
            }
        };
        for u in &inv.iam.users {
            add_inline(&u.arn, &u.inline_policies);
        }
        for g in &inv.iam.groups {
            add_inline(&g.arn, &g.inline_policies);
        }
        for r in &inv.iam.roles {
            add_inline(&r.arn, &r.inline_policies);
        }

        let trust = inv
            .iam
            .roles
            .iter()
            .map(|r| {
                let doc = Doc::parse(r.trust_policy.as_ref(), PolicyKind::Trust, || {
                    crate::evidence::unknown_for_resource(inv, &r.arn, "the trust policy")
                });
                (r.arn.clone(), doc)
            })
            .collect();

        let mut resources = HashMap::new();
        for b in &inv.s3.buckets {
            let doc = match &b.policy {
                Some(Setting::NotConfigured) => continue,
                Some(Setting::Configured(v)) => Doc::parse(Some(v), PolicyKind::Resource, String::new),
                None => Doc::Missing(crate::evidence::unknown_for_resource(inv, &b.arn, "the bucket policy")),
            };
            resources.insert(b.arn.clone(), doc);
        }
        for k in &inv.kms.keys {
            let doc = Doc::parse(k.policy.as_ref(), PolicyKind::Resource, || {
                crate::evidence::unknown_for_resource(inv, &k.arn, "the key policy")
            });
            resources.insert(k.arn.clone(), doc);
        }

        let groups = inv.iam.groups.iter().map(|g| (g.name.as_str(), g)).collect();
        Analysis { inv, managed, inline, trust, resources, scps: scps_of(inv), groups }
    }

    /// A managed policy by ARN (customer-managed, or one of wasp's AWS-managed copies).
    pub fn managed(&self, arn: &str) -> Option<&Doc> {
        self.managed.get(arn)
    }

    /// Every managed policy the analysis holds, by ARN.
    pub fn managed_policies(&self) -> impl Iterator<Item = (&str, &Doc)> {
        self.managed.iter().map(|(arn, doc)| (arn.as_str(), doc))
    }

    /// An inline policy of a user, group or role.
    pub fn inline(&self, owner: &str, name: &str) -> Option<&Doc> {
        self.inline.get(&(owner.to_owned(), name.to_owned()))
    }

    /// A role's trust policy.
    pub fn trust(&self, role_arn: &str) -> Option<&Doc> {
        self.trust.get(role_arn)
    }

    /// A bucket's or key's policy, by the resource's ARN (`None`: the bucket has no policy, or
    /// the resource is not in the inventory).
    pub fn resource_doc(&self, arn: &str) -> Option<&Doc> {
        self.resources.get(arn)
    }

    /// A group by name.
    pub fn group(&self, name: &str) -> Option<&'inv Group> {
        self.groups.get(name).copied()
    }

    /// Every user, then every role that is not service-linked, with its policies.
    pub fn subjects(&self) -> Vec<Subject<'_>> {
        let users = self.inv.iam.users.iter().map(|u| self.user(u));
        let roles = self.inv.iam.roles.iter().filter(|r| !r.is_service_linked()).map(|r| self.role(r));
        users.chain(roles).collect()
    }

    /// A user with its own policies, its groups' policies, its boundary and the SCPs.
    pub fn user(&self, user: &'inv User) -> Subject<'_> {
        let mut caveats = Vec::new();
        let mut set = PolicySet::new();
        let mut managed = Vec::new();
        for arn in &user.attached_policies {
            set = self.add_managed(set, &mut caveats, &mut managed, format!("managed:{arn}"), arn);
        }
        for p in &user.inline_policies {
            let name = format!("inline:user/{}/{}", user.name, p.name);
            set = self.add_inline(set, &mut caveats, name, &user.arn, &p.name);
        }
        let mut groups = Vec::new();
        for g in &user.groups {
            let Some(group) = self.group(g) else {
                caveats.push(Caveat {
                    part: Part::Identity,
                    policy: format!("group:{g}"),
                    problem: "is not in the inventory".into(),
                });
                continue;
            };
            groups.push(group);
            set = self.add_group(set, &mut caveats, &mut managed, group);
        }
        let principal = Principal::user(&user.arn).with_tags(user.tags.clone());
        let (set, caveats) = self.limits(set, caveats, user.permissions_boundary.as_deref(), &principal);
        Subject {
            kind: SubjectKind::User,
            arn: &user.arn,
            name: &user.name,
            resource: user,
            principal,
            set,
            caveats,
            managed,
            groups,
            user: Some(user),
            role: None,
        }
    }

    /// A role with its policies, its boundary and the SCPs.
    pub fn role(&self, role: &'inv Role) -> Subject<'_> {
        let mut caveats = Vec::new();
        let mut set = PolicySet::new();
        let mut managed = Vec::new();
        for arn in &role.attached_policies {
            set = self.add_managed(set, &mut caveats, &mut managed, format!("managed:{arn}"), arn);
        }
        for p in &role.inline_policies {
            let name = format!("inline:role/{}/{}", role.name, p.name);
            set = self.add_inline(set, &mut caveats, name, &role.arn, &p.name);
        }
        let mut principal = Principal::role(&role.arn).with_tags(role.tags.clone());
        if role.is_service_linked() {
            principal = principal.service_linked();
        }
        let (set, caveats) = self.limits(set, caveats, role.permissions_boundary.as_deref(), &principal);
        Subject {
            kind: SubjectKind::Role,
            arn: &role.arn,
            name: &role.name,
            resource: role,
            principal,
            set,
            caveats,
            managed,
            groups: Vec::new(),
            user: None,
            role: Some(role),
        }
    }

    /// `user` as if it held only `group`'s policies (and its own boundary and SCPs): what
    /// joining the group would give it.
    pub fn as_member_of(&self, user: &'inv User, group: &'inv Group) -> Subject<'_> {
        let mut caveats = Vec::new();
        let mut managed = Vec::new();
        let set = self.add_group(PolicySet::new(), &mut caveats, &mut managed, group);
        let principal = Principal::user(&user.arn).with_tags(user.tags.clone());
        let (set, caveats) = self.limits(set, caveats, user.permissions_boundary.as_deref(), &principal);
        Subject {
            kind: SubjectKind::User,
            arn: &user.arn,
            name: &user.name,
            resource: user,
            principal,
            set,
            caveats,
            managed,
            groups: vec![group],
            user: Some(user),
            role: None,
        }
    }

    fn add_group<'a>(
        &'a self,
        mut set: PolicySet<'a>,
        caveats: &mut Vec<Caveat>,
        managed: &mut Vec<&'a str>,
        group: &'a Group,
    ) -> PolicySet<'a> {
        for arn in &group.attached_policies {
            set = self.add_managed(set, caveats, managed, format!("group:{}/managed:{arn}", group.name), arn);
        }
        for p in &group.inline_policies {
            let name = format!("group:{}/inline:{}", group.name, p.name);
            set = self.add_inline(set, caveats, name, &group.arn, &p.name);
        }
        set
    }

    fn add_managed<'a>(
        &'a self,
        set: PolicySet<'a>,
        caveats: &mut Vec<Caveat>,
        managed: &mut Vec<&'a str>,
        name: String,
        arn: &'a str,
    ) -> PolicySet<'a> {
        if !aws_managed::is_aws_managed(arn) && !managed.contains(&arn) {
            managed.push(arn);
        }
        match self.managed.get(arn) {
            Some(Doc::Ready(p)) => set.identity(name, p),
            Some(doc) => {
                let problem = doc.problem().unwrap_or_default();
                caveats.push(Caveat { part: Part::Identity, policy: name, problem });
                set
            }
            None => {
                caveats.push(Caveat { part: Part::Identity, policy: name, problem: "is not in the inventory".into() });
                set
            }
        }
    }

    fn add_inline<'a>(
        &'a self,
        set: PolicySet<'a>,
        caveats: &mut Vec<Caveat>,
        name: String,
        owner: &str,
        policy: &str,
    ) -> PolicySet<'a> {
        match self.inline(owner, policy) {
            Some(Doc::Ready(p)) => set.identity(name, p),
            Some(doc) => {
                caveats.push(Caveat { part: Part::Identity, policy: name, problem: doc.problem().unwrap_or_default() });
                set
            }
            None => set,
        }
    }

    /// Adds the permissions boundary and the SCPs.
    fn limits<'a>(
        &'a self,
        mut set: PolicySet<'a>,
        mut caveats: Vec<Caveat>,
        boundary: Option<&'a str>,
        principal: &Principal,
    ) -> (PolicySet<'a>, Vec<Caveat>) {
        if let Some(arn) = boundary {
            let name = format!("boundary:{arn}");
            match self.managed.get(arn) {
                Some(Doc::Ready(p)) => set = set.boundary(name, p),
                other => {
                    let problem = other.and_then(Doc::problem).unwrap_or_else(|| "is not in the inventory".to_owned());
                    caveats.push(Caveat { part: Part::Boundary, policy: arn.to_owned(), problem });
                }
            }
        }
        if principal.service_linked {
            return (set, caveats);
        }
        match &self.scps {
            Scps::NotApplicable(_) => {}
            Scps::Unknown(why) => {
                caveats.push(Caveat { part: Part::Scp, policy: String::new(), problem: why.clone() });
            }
            Scps::Levels(levels, notes) => {
                for level in levels {
                    set = set.scp_level(level.iter().map(|(n, p)| NamedPolicy::new(n.as_str(), p)).collect());
                }
                for note in notes {
                    caveats.push(Caveat { part: Part::Scp, policy: String::new(), problem: note.clone() });
                }
            }
        }
        (set, caveats)
    }

    /// How the SCPs were taken into account, in one sentence.
    pub fn scp_summary(&self) -> String {
        match &self.scps {
            Scps::NotApplicable(why) => format!("SCPs do not apply: {why}"),
            Scps::Unknown(why) => why.clone(),
            Scps::Levels(levels, _) => format!("SCPs evaluated at {} level(s)", levels.len()),
        }
    }

    /// The accounts and organization the scanned account trusts: itself, its organization's
    /// management account and organization, and `settings.trusted_accounts`.
    pub fn trusted(&self, settings: &crate::Settings) -> wasp_iam::TrustedSet {
        let mut accounts: BTreeSet<String> = settings.trusted_accounts.iter().cloned().collect();
        accounts.insert(self.inv.account_id.clone());
        let mut orgs = BTreeSet::new();
        if let Some(Setting::Configured(org)) = &self.inv.organizations.organization {
            if !org.master_account_id.is_empty() {
                accounts.insert(org.master_account_id.clone());
            }
            if !org.id.is_empty() {
                orgs.insert(org.id.clone());
            }
        }
        wasp_iam::TrustedSet { accounts, org_ids: orgs }
    }
}

/// Which SCPs restrict the scanned account, level by level, as far as the inventory says.
fn scps_of(inv: &Inventory) -> Scps {
    let orgs = &inv.organizations;
    let org = match &orgs.organization {
        None => return Scps::Unknown("the account's organization was not read: an SCP could still restrict it".into()),
        Some(Setting::NotConfigured) => return Scps::NotApplicable("the account is in no organization"),
        Some(Setting::Configured(org)) => org,
    };
    if org.feature_set != FeatureSet::All {
        return Scps::NotApplicable("the organization has consolidated billing only");
    }
    if org.master_account_id == inv.account_id {
        return Scps::NotApplicable("SCPs do not restrict the organization's management account");
    }
    let Some(policies) = &orgs.service_control_policies else {
        return Scps::Unknown("the organization's SCPs were not read: one could still block this".into());
    };
    let mut notes = Vec::new();
    let level_ids: Vec<String> = match &orgs.account_parents {
        Some(parents) => parents.iter().cloned().chain([inv.account_id.clone()]).collect(),
        None => {
            let mut roots: Vec<String> = policies
                .iter()
                .flat_map(|p| p.targets.iter().flatten())
                .filter(|t| t.starts_with("r-"))
                .cloned()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            if roots.len() > 1 {
                return Scps::Unknown("the SCPs name several roots and the account's parents were not read".into());
            }
            notes.push("SCPs attached to OUs were left out: the account's OU path was not read".to_owned());
            roots.push(inv.account_id.clone());
            roots
        }
    };
    let is_full_access = |p: &ServiceControlPolicy| p.aws_managed && p.name == "FullAWSAccess";
    let mut levels = Vec::new();
    for id in &level_ids {
        let mut level = Vec::new();
        for p in policies {
            let attached = match &p.targets {
                Some(t) => t.contains(id),
                // AWS attaches FullAWSAccess everywhere; its targets are not read.
                None if is_full_access(p) => true,
                None => return Scps::Unknown(format!("the targets of SCP {} were not read", p.name)),
            };
            if !attached {
                continue;
            }
            let doc = match (&p.document, is_full_access(p)) {
                (Some(v), _) => Policy::from_value(v, PolicyKind::Scp),
                (None, true) => Policy::parse(aws_managed::FULL_AWS_ACCESS, PolicyKind::Scp),
                (None, false) => return Scps::Unknown(format!("the content of SCP {} was not read", p.name)),
            };
            match doc {
                Ok(policy) => level.push((format!("scp:{} ({})", p.name, p.id), policy)),
                Err(e) => return Scps::Unknown(format!("SCP {} could not be parsed ({e})", p.name)),
            }
        }
        if level.is_empty() {
            return Scps::Unknown(format!("no SCP is known to be attached at {id}, where AWS requires one"));
        }
        levels.push(level);
    }
    Scps::Levels(levels, notes)
}

/// Condition keys that describe how the principal calls (from where, when, with MFA, with
/// which tags), not what it may touch: a principal meets them in its normal course.
pub fn request_side(key: &str) -> bool {
    const KEYS: &[&str] = &[
        "aws:multifactorauthpresent",
        "aws:multifactorauthage",
        "aws:sourceip",
        "aws:sourcevpc",
        "aws:sourcevpce",
        "aws:vpcsourceip",
        "aws:requestedregion",
        "aws:currenttime",
        "aws:epochtime",
        "aws:securetransport",
        "aws:useragent",
        "aws:referer",
        "aws:tokenissuetime",
        "aws:viaawsservice",
        "aws:calledvia",
        "aws:calledviafirst",
        "aws:calledvialast",
        "aws:tagkeys",
        "aws:sourceidentity",
        "aws:userid",
        "aws:principalorgid",
        "aws:principalorgpaths",
        "aws:principalisawsservice",
    ];
    let key = key.to_ascii_lowercase();
    KEYS.contains(&key.as_str()) || key.starts_with("aws:requesttag/")
}

/// An "allowed if" decision split by what it depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Allowed under conditions on how the principal calls (MFA, network, region, time …).
    When(Vec<Unknown>),
    /// Allowed only if something the inventory does not decide holds (resource tags, …).
    Undecided(Vec<Unknown>),
    Denied,
}

/// Classifies a decision (see [`request_side`]).
pub fn verdict(decision: &Decision) -> Verdict {
    match decision {
        Decision::Allowed => Verdict::Allowed,
        Decision::AllowedIf(f) => {
            let unknowns: Vec<Unknown> = f.unknowns().into_iter().cloned().collect();
            if unknowns.iter().all(|u| u.key.as_deref().is_some_and(request_side)) {
                Verdict::When(unknowns)
            } else {
                Verdict::Undecided(unknowns)
            }
        }
        Decision::Denied | Decision::ImplicitlyDenied => Verdict::Denied,
    }
}

/// An unknown for messages: `aws:MultiFactorAuthPresent … (managed:arn…, Sid)`.
pub fn unknown_text(u: &Unknown) -> String {
    if u.policy.is_empty() {
        return u.detail.clone();
    }
    format!("{} ({}, {})", u.detail, u.policy, u.statement)
}

/// Allow statements of an evaluation, as `policy (statement)`, each once.
pub fn allowing_statements(ev: &Evaluation) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in ev.matched.iter().filter(|m| m.effect == wasp_iam::Effect::Allow) {
        let label = format!("{} ({})", m.policy, m.statement);
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}

/// How fully a subject holds every action of a service, or of every service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminLevels {
    /// Every action of every service (`*:*`).
    pub full: Verdict,
    /// Every IAM action (`iam:*`).
    pub iam: Verdict,
}

impl AdminLevels {
    /// Full or IAM administrator, outright or under request-side conditions.
    pub fn is_admin(&self) -> bool {
        matches!(self.full, Verdict::Allowed | Verdict::When(_))
            || matches!(self.iam, Verdict::Allowed | Verdict::When(_))
    }
}

/// Whether the subject may perform every catalogue action of IAM, and of every service, on
/// every resource (`*`), after all denies, the boundary and the SCPs (the definition of
/// [`wasp_iam::AdminAccess`]). Stops at the first action denied.
pub fn admin_levels(subject: &Subject<'_>) -> AdminLevels {
    let ev = subject.evaluator(&Context::unknown_by_default());
    let cat = catalog();
    let target = Target::all();
    let over = |actions: &mut dyn Iterator<Item = &str>| -> Verdict {
        let mut when = Vec::new();
        let mut undecided = Vec::new();
        for a in actions {
            match verdict(&ev.evaluate(a, &target).decision) {
                Verdict::Allowed => {}
                Verdict::When(u) => when.extend(u),
                Verdict::Undecided(u) => undecided.extend(u),
                Verdict::Denied => return Verdict::Denied,
            }
        }
        let dedup = |mut v: Vec<Unknown>| {
            v.sort();
            v.dedup();
            v
        };
        if !undecided.is_empty() {
            undecided.extend(when);
            Verdict::Undecided(dedup(undecided))
        } else if !when.is_empty() {
            Verdict::When(dedup(when))
        } else {
            Verdict::Allowed
        }
    };
    let iam_actions = cat.service("iam").map(|s| cat.service_actions(s)).unwrap_or(&[]);
    let iam = over(&mut iam_actions.iter().map(|a| a.name.as_str()));
    if iam == Verdict::Denied {
        return AdminLevels { full: Verdict::Denied, iam };
    }
    // IAM first: every other service only when IAM is fully held.
    let full = over(&mut cat.actions().iter().map(|a| a.name.as_str()));
    AdminLevels { full, iam }
}

/// Finds a user or role by ARN, or by name.
fn find_principal<'a>(inv: &'a Inventory, who: &str) -> Result<PrincipalRef<'a>, String> {
    let who = who.trim();
    if let Some(u) = inv.iam.users.iter().find(|u| u.arn == who) {
        return Ok(PrincipalRef::User(u));
    }
    if let Some(r) = inv.iam.roles.iter().find(|r| r.arn == who) {
        return Ok(PrincipalRef::Role(r));
    }
    let users: Vec<&User> = inv.iam.users.iter().filter(|u| u.name == who).collect();
    let roles: Vec<&Role> = inv.iam.roles.iter().filter(|r| r.name == who).collect();
    match (users.as_slice(), roles.as_slice()) {
        ([u], []) => Ok(PrincipalRef::User(u)),
        ([], [r]) => Ok(PrincipalRef::Role(r)),
        ([], []) => {
            Err(format!("no IAM user or role named or with the ARN '{}' is in the inventory", wasp_model::excerpt(who)))
        }
        _ => Err(format!("'{}' names more than one user or role; give its ARN", wasp_model::excerpt(who))),
    }
}

enum PrincipalRef<'a> {
    User(&'a User),
    Role(&'a Role),
}

/// Whether `principal` may perform `action` on `resource` (every resource, `*`, when none is
/// given), with the given condition keys set (others unknown), by everything the inventory
/// knows: identity policies, groups, boundary, SCPs, and the resource's own policy when the
/// inventory holds it (an S3 bucket policy, a role's trust policy for `sts:AssumeRole*`, a KMS
/// key policy). `principal` is a user or role ARN, or a unique name. Documents that could not
/// be read, and an action the catalogue does not know, are noted in the evaluation.
pub fn can(
    inv: &Inventory,
    principal: &str,
    action: &str,
    resource: Option<&str>,
    context: &[(String, String)],
) -> Result<Evaluation, String> {
    let action = action.trim();
    let well_formed = action.split_once(':').is_some_and(|(s, a)| {
        !s.is_empty() && !a.is_empty() && !a.contains(':') && !action.contains(char::is_whitespace)
    });
    if !well_formed {
        return Err(format!("'{}' is not an action of the form service:Action", wasp_model::excerpt(action)));
    }
    if action.contains(['*', '?']) {
        return Err(format!("'{}' is a pattern; give one action", wasp_model::excerpt(action)));
    }
    let analysis = Analysis::new(inv);
    let who = find_principal(inv, principal)?;
    let mut subject = match who {
        PrincipalRef::User(u) => analysis.user(u),
        PrincipalRef::Role(r) => analysis.role(r),
    };
    let mut ctx = Context::unknown_by_default();
    let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
    for (k, v) in context {
        let k = k.trim();
        if k.is_empty() {
            return Err("a context key is empty; give key=value".into());
        }
        match grouped.iter_mut().find(|(key, _)| key.eq_ignore_ascii_case(k)) {
            Some((_, values)) => values.push(v.clone()),
            None => grouped.push((k.to_owned(), vec![v.clone()])),
        }
    }
    for (k, values) in grouped {
        ctx = if values.len() == 1 { ctx.set(&k, &values[0]) } else { ctx.set_many(&k, values) };
    }

    let mut notes = Vec::new();
    let (mut resource_doc, mut unknown_doc) = (None, None);
    let target = match resource.map(str::trim) {
        None | Some("*") => {
            notes.push(
                "no resource given: evaluated for every resource (*); statements limited to particular \
                 resources do not count"
                    .to_owned(),
            );
            // A role's trust policy and a key's policy must allow, whatever the identity side
            // says: without the resource, that is unknown.
            if let resource_docs::Lookup::Unknown(name, _, kind) = resource_docs::lookup(inv, action, "*") {
                let which = match kind {
                    wasp_iam::ResourcePolicyKind::TrustPolicy => Some("the role"),
                    wasp_iam::ResourcePolicyKind::KeyPolicy => Some("the key"),
                    wasp_iam::ResourcePolicyKind::Generic => None,
                };
                if let Some(which) = which {
                    unknown_doc = Some((name, which, "no resource was given".to_owned(), kind));
                }
            }
            Target::all()
        }
        Some(arn) => {
            let target = resource_target(inv, arn);
            match resource_docs::lookup(inv, action, arn) {
                resource_docs::Lookup::NoPolicy => {}
                resource_docs::Lookup::Found(name, doc, kind) => resource_doc = Some((name, doc, kind)),
                resource_docs::Lookup::Unknown(name, why, kind) => unknown_doc = Some((name, arn, why, kind)),
            }
            target
        }
    };
    if let Some((name, Doc::Ready(p), kind)) = &resource_doc {
        subject.set = subject.set.with_resource(name.clone(), p, *kind);
    }
    let mut ev = subject.evaluator(&ctx).evaluate(action, &target);
    if let Some((name, arn, why, kind)) = unknown_doc {
        let through = Unknown {
            detail: format!("the {name} of {arn} lets this request through"),
            policy: name,
            statement: why,
            key: None,
        };
        ev.decision = with_unknown_resource_policy(&subject, &ctx, action, &target, ev.decision, through, kind);
    }
    if !catalog().is_known_action(action) {
        ev.notes.push(format!(
            "{} is not in wasp's action catalogue ({} {}): a typo, or an action newer than the catalogue",
            action,
            wasp_iam::DATASET_VERSION,
            wasp_iam::DATASET_DATE
        ));
    }
    for c in &subject.caveats {
        ev.notes.push(match c.part {
            Part::Scp => c.to_string(),
            _ => format!("{c}: it is not part of this evaluation"),
        });
    }
    ev.notes.extend(notes);
    Ok(ev)
}

/// The decision when the resource's policy is unknown: what the principal's own policies,
/// boundary and SCPs decide if that policy allowed everyone everything (the most it could
/// do), and that it does let the request through. Denied stays denied; an allow becomes
/// "allowed if" the unknown policy lets it through.
fn with_unknown_resource_policy(
    subject: &Subject<'_>,
    ctx: &Context,
    action: &str,
    target: &Target,
    decision: Decision,
    through: Unknown,
    kind: wasp_iam::ResourcePolicyKind,
) -> Decision {
    if decision == Decision::Denied {
        return decision;
    }
    // Trust policies have no Resource element.
    let (open, policy_kind) = match kind {
        wasp_iam::ResourcePolicyKind::TrustPolicy => (
            serde_json::json!({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*"}]}),
            PolicyKind::Trust,
        ),
        _ => (
            serde_json::json!({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}),
            PolicyKind::Resource,
        ),
    };
    // Should the open policy not parse, the decision without it stands, still made conditional.
    let best = match Policy::from_value(&open, policy_kind) {
        Ok(open) => {
            let set = subject.set.clone().with_resource(through.policy.clone(), &open, kind);
            Evaluator::new(&set, &subject.principal, ctx).evaluate(action, target).decision
        }
        Err(_) => decision,
    };
    let through = wasp_iam::Formula::Term(through);
    match best {
        Decision::Allowed => Decision::AllowedIf(through),
        Decision::AllowedIf(f) => Decision::AllowedIf(wasp_iam::Formula::All(vec![f, through])),
        denied => denied,
    }
}

/// The target of an ARN; S3 ARNs carry no account, so a bucket of the inventory gets the
/// scanned account's.
fn resource_target(inv: &Inventory, arn: &str) -> Target {
    if let Some(bucket) = s3_bucket_name(arn) {
        if inv.s3.buckets.iter().any(|b| b.name == bucket) {
            return Target::in_account(arn, &inv.account_id);
        }
    }
    Target::arn(arn)
}

fn s3_bucket_name(arn: &str) -> Option<&str> {
    let rest = arn.strip_prefix("arn:")?;
    let (_, rest) = rest.split_once(':')?;
    let rest = rest.strip_prefix("s3:::")?;
    Some(rest.split('/').next().unwrap_or(rest))
}
