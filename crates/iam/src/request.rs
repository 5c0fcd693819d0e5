//! The request being judged: who (principal), what (action), on what (target) and in which
//! context (condition keys, each known, absent or unknown).

use std::collections::BTreeMap;

/// What kind of caller makes the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrincipalKind {
    /// An IAM user.
    User,
    /// A session of an IAM role (`arn` is the role's ARN).
    Role,
    /// The account's root user.
    Root,
    /// A federated user session (`GetFederationToken`); `arn` is the `sts` federated-user ARN.
    FederatedUser,
    /// A web-identity or SAML identity assuming a role; `arn` is the identity provider
    /// (e.g. `cognito-identity.amazonaws.com` or a SAML provider ARN).
    WebIdentity,
    /// An AWS service principal; `arn` is its name, e.g. `cloudtrail.amazonaws.com`.
    Service,
    /// An unauthenticated caller.
    Anonymous,
}

/// The caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub kind: PrincipalKind,
    /// User ARN, role ARN, `arn:aws:iam::ACCOUNT:root`, federated-user ARN, provider or
    /// service name; empty for anonymous callers.
    pub arn: String,
    /// The principal's account; empty for services and anonymous callers.
    pub account: String,
    /// The principal's tags, when known (`None`: `aws:PrincipalTag/*` keys are unknown).
    pub tags: Option<BTreeMap<String, String>>,
    /// The role session name, when known (roles only).
    pub session_name: Option<String>,
    /// A service-linked role: SCPs and RCPs do not restrict it.
    pub service_linked: bool,
}

impl Principal {
    fn new(kind: PrincipalKind, arn: &str, account: &str) -> Principal {
        Principal {
            kind,
            arn: arn.to_string(),
            account: account.to_string(),
            tags: None,
            session_name: None,
            service_linked: false,
        }
    }

    /// An IAM user; the account is read from the ARN.
    pub fn user(arn: &str) -> Principal {
        Principal::new(PrincipalKind::User, arn, arn_account(arn))
    }

    /// A session of an IAM role, given the role's ARN.
    pub fn role(arn: &str) -> Principal {
        Principal::new(PrincipalKind::Role, arn, arn_account(arn))
    }

    /// The root user of an account.
    pub fn root(account: &str) -> Principal {
        Principal::new(PrincipalKind::Root, &format!("arn:aws:iam::{account}:root"), account)
    }

    /// A federated user session (`arn:aws:sts::ACCOUNT:federated-user/NAME`).
    pub fn federated_user(arn: &str) -> Principal {
        Principal::new(PrincipalKind::FederatedUser, arn, arn_account(arn))
    }

    /// A web-identity or SAML caller, named by its provider.
    pub fn web_identity(provider: &str) -> Principal {
        Principal::new(PrincipalKind::WebIdentity, provider, "")
    }

    /// An AWS service principal such as `cloudtrail.amazonaws.com`.
    pub fn service(name: &str) -> Principal {
        Principal::new(PrincipalKind::Service, name, "")
    }

    /// An unauthenticated caller.
    pub fn anonymous() -> Principal {
        Principal::new(PrincipalKind::Anonymous, "", "")
    }

    /// Sets the principal's tags (all of them: a tag not listed is absent).
    pub fn with_tags<K: Into<String>, V: Into<String>>(mut self, tags: impl IntoIterator<Item = (K, V)>) -> Principal {
        self.tags = Some(tags.into_iter().map(|(k, v)| (k.into(), v.into())).collect());
        self
    }

    /// Sets the role session name.
    pub fn with_session(mut self, name: &str) -> Principal {
        self.session_name = Some(name.to_string());
        self
    }

    /// Marks a service-linked role.
    pub fn service_linked(mut self) -> Principal {
        self.service_linked = true;
        self
    }

    /// The last component of the ARN's path: user or role name.
    pub fn name(&self) -> &str {
        self.arn.rsplit('/').next().unwrap_or("")
    }

    /// The ARN the request is signed with: for a role, its session ARN (when the session name
    /// is known); otherwise the principal's ARN.
    pub fn caller_arn(&self) -> Option<String> {
        match self.kind {
            PrincipalKind::Role => self.session_name.as_ref().map(|s| {
                format!("arn:{}:sts::{}:assumed-role/{}/{s}", arn_partition(&self.arn), self.account, self.name())
            }),
            PrincipalKind::Anonymous => None,
            _ => Some(self.arn.clone()),
        }
    }
}

/// The account field of an ARN (`""` when there is none).
pub fn arn_account(arn: &str) -> &str {
    arn.split(':').nth(4).unwrap_or("")
}

fn arn_partition(arn: &str) -> &str {
    arn.split(':').nth(1).filter(|p| !p.is_empty()).unwrap_or("aws")
}

/// What the request acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One resource (or the literal `*` for actions without a resource).
    Resource {
        arn: String,
        /// The resource's account; read from the ARN when it carries one (S3 bucket ARNs do
        /// not: give it, or the same-account question stays unknown).
        account: Option<String>,
    },
    /// "Some resource": an Allow counts when it names any resource, a Deny only when it
    /// covers every resource (`"*"`); no resource policy is consulted.
    Any,
}

impl Target {
    /// A resource by ARN; its account is taken from the ARN when present.
    pub fn arn(arn: &str) -> Target {
        let account = Some(arn_account(arn)).filter(|a| !a.is_empty()).map(str::to_string);
        Target::Resource { arn: arn.to_string(), account }
    }

    /// A resource by ARN, in a given account.
    pub fn in_account(arn: &str, account: &str) -> Target {
        Target::Resource { arn: arn.to_string(), account: Some(account.to_string()) }
    }

    /// Every resource: the literal `*`, matched only by statements that cover all resources.
    pub fn all() -> Target {
        Target::Resource { arn: "*".into(), account: None }
    }

    pub(crate) fn display(&self) -> &str {
        match self {
            Target::Resource { arn, .. } => arn,
            Target::Any => "any resource",
        }
    }
}

/// A context key's value in the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextValue {
    /// Present with these values (one for single-valued keys).
    Values(Vec<String>),
    /// Known to be absent from the request.
    Absent,
    /// Not known at analysis time.
    Unknown,
}

/// Condition keys of the request. Keys not set are unknown (the default) or absent, as
/// chosen at construction. Keys derived from the principal and target (`aws:PrincipalArn`,
/// `aws:PrincipalAccount`, `aws:PrincipalType`, `aws:username`, `aws:PrincipalTag/*`,
/// `aws:PrincipalIsAWSService`, `aws:PrincipalServiceName`, `aws:ResourceAccount`) are filled
/// in by the evaluator unless set here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    values: BTreeMap<String, ContextValue>,
    unset_is_unknown: bool,
}

impl Default for Context {
    fn default() -> Self {
        Context::unknown_by_default()
    }
}

impl Context {
    /// Keys not set are unknown: conditions on them stay open ("allowed if …").
    pub fn unknown_by_default() -> Context {
        Context { values: BTreeMap::new(), unset_is_unknown: true }
    }

    /// Keys not set are absent from the request (a fully described request).
    pub fn absent_by_default() -> Context {
        Context { values: BTreeMap::new(), unset_is_unknown: false }
    }

    /// Sets a single-valued key.
    pub fn set(mut self, key: &str, value: &str) -> Context {
        self.values.insert(key.to_lowercase(), ContextValue::Values(vec![value.to_string()]));
        self
    }

    /// Sets a multi-valued key (e.g. `aws:TagKeys`).
    pub fn set_many<S: Into<String>>(mut self, key: &str, values: impl IntoIterator<Item = S>) -> Context {
        self.values.insert(key.to_lowercase(), ContextValue::Values(values.into_iter().map(Into::into).collect()));
        self
    }

    /// Marks a key unknown.
    pub fn unknown(mut self, key: &str) -> Context {
        self.values.insert(key.to_lowercase(), ContextValue::Unknown);
        self
    }

    /// Marks a key absent.
    pub fn absent(mut self, key: &str) -> Context {
        self.values.insert(key.to_lowercase(), ContextValue::Absent);
        self
    }

    /// Sets a key to a value of any form.
    pub fn insert(&mut self, key: &str, value: ContextValue) {
        self.values.insert(key.to_lowercase(), value);
    }

    /// The value set for a key (case-insensitive), if any.
    pub fn get(&self, key: &str) -> Option<&ContextValue> {
        self.values.get(&key.to_lowercase())
    }

    pub(crate) fn entries(&self) -> impl Iterator<Item = (&String, &ContextValue)> {
        self.values.iter()
    }

    pub(crate) fn unset_is_unknown(&self) -> bool {
        self.unset_is_unknown
    }
}

/// A complete request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub principal: Principal,
    /// E.g. `s3:GetObject` (case-insensitive).
    pub action: String,
    pub target: Target,
    pub context: Context,
}

impl Request {
    /// A request with an unknown-by-default context.
    pub fn new(principal: Principal, action: &str, target: Target) -> Request {
        Request { principal, action: action.to_string(), target, context: Context::default() }
    }

    /// Replaces the context.
    pub fn with_context(mut self, context: Context) -> Request {
        self.context = context;
        self
    }
}
