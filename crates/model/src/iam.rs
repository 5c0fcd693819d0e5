//! IAM: users, groups, roles, policies, the account's password policy and root user.
use crate::{global_resource, Resource, Setting, SourceLocation, Tags, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Iam {
    /// `None` when neither the account summary nor the credential report could be read.
    #[serde(default)]
    pub root: Option<RootUser>,
    #[serde(default)]
    pub password_policy: Option<Setting<PasswordPolicy>>,
    #[serde(default)]
    pub users: Vec<User>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Customer-managed policies.
    #[serde(default)]
    pub policies: Vec<ManagedPolicy>,
    /// AWS-managed policies attached to a user, group or role of the account, with their
    /// default version (empty in snapshots from before they were collected).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aws_policies: Vec<ManagedPolicy>,
    /// SAML and OIDC identity providers (`ListSAMLProviders`, `ListOpenIDConnectProviders`);
    /// `None` when either list could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_providers: Option<Vec<IdentityProvider>>,
    /// Server certificates stored in IAM (`ListServerCertificates`); `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_certificates: Option<Vec<ServerCertificate>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentityProvider {
    pub arn: String,
    /// `saml` or `oidc`.
    pub kind: String,
    #[serde(default)]
    pub valid_until: Option<Timestamp>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServerCertificate {
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub expiration: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

global_resource!(ServerCertificate);

/// A user, group or role, with the policies it holds.
pub struct Principal<'a> {
    pub resource: &'a dyn Resource,
    pub attached_policies: &'a [String],
    pub inline_policies: &'a [InlinePolicy],
}

impl Iam {
    /// Every user, group and role, except the roles AWS manages for its services.
    pub fn principals(&self) -> impl Iterator<Item = Principal<'_>> {
        let users = self.users.iter().map(|u| Principal {
            resource: u,
            attached_policies: &u.attached_policies,
            inline_policies: &u.inline_policies,
        });
        let groups = self.groups.iter().map(|g| Principal {
            resource: g,
            attached_policies: &g.attached_policies,
            inline_policies: &g.inline_policies,
        });
        let roles = self.roles.iter().filter(|r| !r.is_service_linked()).map(|r| Principal {
            resource: r,
            attached_policies: &r.attached_policies,
            inline_policies: &r.inline_policies,
        });
        users.chain(groups).chain(roles)
    }
}

/// What the account summary and credential report say about the root user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RootUser {
    pub arn: String,
    /// Whether the root user has a password (`AccountPasswordPresent`); accounts whose root
    /// credentials are managed centrally by the organization have none.
    #[serde(default)]
    pub password_present: Option<bool>,
    #[serde(default)]
    pub mfa_enabled: Option<bool>,
    /// Whether the root MFA is a virtual device (from `ListVirtualMFADevices`).
    #[serde(default)]
    pub virtual_mfa: Option<bool>,
    #[serde(default)]
    pub access_keys_present: Option<bool>,
    #[serde(default)]
    pub password_last_used: Option<Timestamp>,
    #[serde(default)]
    pub access_key_last_used: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl RootUser {
    /// The root user has neither a password nor access keys (centralized root access):
    /// `Some(true)` only when both were read.
    pub fn has_no_credentials(&self) -> Option<bool> {
        match (self.password_present, self.access_keys_present) {
            (Some(false), Some(false)) => Some(true),
            (Some(true), _) | (_, Some(true)) => Some(false),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordPolicy {
    #[serde(default)]
    pub minimum_length: Option<u32>,
    #[serde(default)]
    pub require_symbols: bool,
    #[serde(default)]
    pub require_numbers: bool,
    #[serde(default)]
    pub require_uppercase: bool,
    #[serde(default)]
    pub require_lowercase: bool,
    #[serde(default)]
    pub max_age_days: Option<u32>,
    #[serde(default)]
    pub reuse_prevention: Option<u32>,
    #[serde(default)]
    pub hard_expiry: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct User {
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub created: Option<Timestamp>,
    /// Has a console password (login profile).
    #[serde(default)]
    pub console_access: Option<bool>,
    /// `None` when the password was never used, was last used before IAM kept track (October
    /// 2014), or could not be read (see the gaps).
    #[serde(default)]
    pub password_last_used: Option<Timestamp>,
    /// When the console password was last set, from the credential report.
    #[serde(default)]
    pub password_last_changed: Option<Timestamp>,
    /// Has at least one MFA device.
    #[serde(default)]
    pub mfa_active: Option<bool>,
    /// `None` when the keys could not be read.
    #[serde(default)]
    pub access_keys: Option<Vec<AccessKey>>,
    #[serde(default)]
    pub groups: Vec<String>,
    #[serde(default)]
    pub attached_policies: Vec<String>,
    #[serde(default)]
    pub inline_policies: Vec<InlinePolicy>,
    #[serde(default)]
    pub permissions_boundary: Option<String>,
    #[serde(default)]
    pub tags: Tags,
    /// The services the user's policies grant and when it last used each
    /// (`GetServiceLastAccessedDetails`); `None` when they could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services_last_accessed: Option<Vec<ServiceLastAccessed>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

/// One service a principal's policies grant, and when the principal last used it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceLastAccessed {
    /// The service's namespace, as in actions (`s3`, `ec2`).
    pub namespace: String,
    /// The service's name, as IAM gives it.
    #[serde(default)]
    pub name: String,
    /// When the principal last authenticated to the service; `None` when it has not within
    /// IAM's tracking period (the last 400 days).
    #[serde(default)]
    pub last_authenticated: Option<Timestamp>,
}

/// When a role was last used, as IAM tracks it (`RoleLastUsed`).
///
/// Written as the time, or `"never"` for no use within IAM's tracking period (the last 400
/// days); snapshots from before `never` existed read as before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum LastUsed {
    At(Timestamp),
    Never(NeverUsed),
}

/// The `"never"` of [`LastUsed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NeverUsed {
    Never,
}

impl LastUsed {
    /// The time of the last use, if there was one in the tracking period.
    pub fn at(&self) -> Option<Timestamp> {
        match self {
            LastUsed::At(t) => Some(*t),
            LastUsed::Never(_) => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessKey {
    /// Key id when known (the credential report numbers keys 1 and 2 without ids).
    #[serde(default)]
    pub id: Option<String>,
    pub active: bool,
    #[serde(default)]
    pub created: Option<Timestamp>,
    #[serde(default)]
    pub last_used: Option<Timestamp>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub attached_policies: Vec<String>,
    #[serde(default)]
    pub inline_policies: Vec<InlinePolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub created: Option<Timestamp>,
    /// The trust (assume-role) policy document.
    #[serde(default)]
    pub trust_policy: Option<serde_json::Value>,
    #[serde(default)]
    pub attached_policies: Vec<String>,
    #[serde(default)]
    pub inline_policies: Vec<InlinePolicy>,
    #[serde(default)]
    pub permissions_boundary: Option<String>,
    /// `RoleLastUsed` of `GetAccountAuthorizationDetails`; `None` when it was not read
    /// (templates know nothing of it).
    #[serde(default)]
    pub last_used: Option<LastUsed>,
    #[serde(default)]
    pub tags: Tags,
    /// The services the role's policies grant and when it last used each
    /// (`GetServiceLastAccessedDetails`); `None` when they could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services_last_accessed: Option<Vec<ServiceLastAccessed>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl Role {
    /// Roles AWS creates and manages for its services.
    pub fn is_service_linked(&self) -> bool {
        self.path.starts_with("/aws-service-role/")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InlinePolicy {
    pub name: String,
    /// `None` when the document could not be decoded (see the gaps).
    #[serde(default)]
    pub document: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManagedPolicy {
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub attachment_count: Option<u32>,
    /// The default version's document; `None` when it could not be read.
    #[serde(default)]
    pub document: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

global_resource!(RootUser, User, Group, Role, ManagedPolicy);

/// The statements of a policy document, whether `Statement` is an object or a list.
pub fn statements(document: &serde_json::Value) -> Vec<&serde_json::Value> {
    match document.get("Statement") {
        Some(serde_json::Value::Array(list)) => list.iter().collect(),
        Some(one @ serde_json::Value::Object(_)) => vec![one],
        _ => Vec::new(),
    }
}

/// A policy field that AWS accepts as a string or a list of strings.
pub fn string_or_list(value: Option<&serde_json::Value>) -> Vec<&str> {
    match value {
        Some(serde_json::Value::String(s)) => vec![s.as_str()],
        Some(serde_json::Value::Array(list)) => list.iter().filter_map(|v| v.as_str()).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_last_use_reads_a_time_never_or_nothing() {
        let role = |last: &str| {
            serde_json::from_str::<Role>(&format!(r#"{{"arn":"a","name":"r","last_used":{last}}}"#))
                .map(|r| r.last_used)
        };
        let at: Timestamp = "2026-01-02T03:04:05Z".parse().unwrap();
        assert_eq!(role(r#""2026-01-02T03:04:05Z""#).unwrap(), Some(LastUsed::At(at)));
        assert_eq!(role(r#""never""#).unwrap(), Some(LastUsed::Never(NeverUsed::Never)));
        assert_eq!(role("null").unwrap(), None);
        assert!(role(r#""yesterday""#).is_err());
        let written = serde_json::to_value(LastUsed::Never(NeverUsed::Never)).unwrap();
        assert_eq!(written, "never");
    }
}
