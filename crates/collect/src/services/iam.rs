//! IAM: principals and policies in bulk (`GetAccountAuthorizationDetails`), the credential
//! report for per-user credentials, the account summary, password policy and root MFA; these
//! calls do not grow with the number of users or roles. Only the services each user and role
//! last used ([`last_accessed`]) take calls per principal: AWS has no bulk form of them.
mod last_accessed;

use crate::compat;
use crate::unit::{client, Read, Unit};
use aws_sdk_iam::types::{
    AssignmentStatusType, AttachedPolicy, EntityType, PolicyDetail, ReportStateType, SummaryKeyType,
};
use std::collections::HashMap;
use std::time::Duration;
use wasp_model::iam::{
    AccessKey, Group, IdentityProvider, InlinePolicy, LastUsed, ManagedPolicy, NeverUsed, PasswordPolicy, Role,
    RootUser, ServerCertificate, User,
};
use wasp_model::{GapKind, Inventory, Tags, Timestamp};

/// Polls of `GenerateCredentialReport` before giving up, and the longest pause between two.
const REPORT_POLLS: u32 = 8;
const REPORT_MAX_PAUSE: Duration = Duration::from_secs(2);

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let iam = client!(aws_sdk_iam, unit);
    collect_with(unit, &iam, part, last_accessed::POLLING).await;
}

/// The whole IAM unit with a given client and job polling (tests pass a mocked client and
/// quick polls).
async fn collect_with(unit: &Unit, iam: &aws_sdk_iam::Client, part: &mut Inventory, polling: last_accessed::Polling) {
    let details_and_use = async {
        let details = authorization_details(unit, iam).await;
        // Service-linked roles are left out: AWS owns their permissions, nobody can trim them.
        let principals = details
            .users
            .iter()
            .map(|u| u.arn.clone())
            .chain(details.roles.iter().filter(|r| !r.is_service_linked()).map(|r| r.arn.clone()))
            .collect();
        let used = last_accessed::collect(unit, iam, principals, polling).await;
        (details, used)
    };
    let (
        (details, mut used),
        summary,
        password_policy,
        root_virtual_mfa,
        report,
        identity_providers,
        server_certificates,
    ) = futures::join!(
        details_and_use,
        account_summary(unit, iam),
        password_policy(unit, iam),
        root_virtual_mfa(unit, iam),
        credential_report(unit, iam),
        identity_providers(unit, iam),
        server_certificates(unit, iam),
    );
    let Details { mut users, groups, mut roles, policies, aws_policies } = details;
    for user in &mut users {
        user.services_last_accessed = used.remove(&user.arn);
    }
    for role in &mut roles {
        role.services_last_accessed = used.remove(&role.arn);
    }

    let root_arn = format!("arn:{}:iam::{}:root", unit.shared.partition, unit.account_id());
    match &report {
        Some(report) => {
            for user in &mut users {
                report.fill_user(user);
            }
        }
        // Unknown, never "no": leave console access, MFA and keys unread.
        None => {
            for user in &mut users {
                user.console_access = None;
                user.mfa_active = None;
                user.access_keys = None;
            }
        }
    }
    let root_row = report.as_ref().and_then(|r| r.row(&root_arn, "<root_account>"));
    let root = if summary.is_some() || report.is_some() {
        let mut root = RootUser { arn: root_arn.clone(), virtual_mfa: root_virtual_mfa, ..RootUser::default() };
        if let Some(summary) = &summary {
            root.mfa_enabled = summary.get(&SummaryKeyType::AccountMfaEnabled).map(|v| *v > 0);
            root.access_keys_present = summary.get(&SummaryKeyType::AccountAccessKeysPresent).map(|v| *v > 0);
            root.password_present = summary.get(&SummaryKeyType::AccountPasswordPresent).map(|v| *v > 0);
        }
        if let Some(row) = root_row {
            root.password_last_used = row.date("password_last_used");
            root.access_key_last_used =
                [row.date("access_key_1_last_used_date"), row.date("access_key_2_last_used_date")]
                    .into_iter()
                    .flatten()
                    .max();
            // The report row stands in for a summary that could not be read.
            root.mfa_enabled = root.mfa_enabled.or_else(|| row.flag("mfa_active"));
            if root.access_keys_present.is_none() {
                root.access_keys_present = match (row.flag("access_key_1_active"), row.flag("access_key_2_active")) {
                    (Some(a), Some(b)) => Some(a || b),
                    _ => None,
                };
            }
        }
        Some(root)
    } else {
        None
    };

    let t = &mut part.iam;
    t.root = root;
    t.password_policy = password_policy.setting();
    t.users = users;
    t.groups = groups;
    t.roles = roles;
    t.policies = policies;
    t.aws_policies = aws_policies;
    t.identity_providers = identity_providers;
    t.server_certificates = server_certificates;
}

/// SAML and OIDC providers: one call each (neither list pages).
async fn identity_providers(unit: &Unit, iam: &aws_sdk_iam::Client) -> Option<Vec<IdentityProvider>> {
    let (saml, oidc) = futures::join!(iam.list_saml_providers().send(), iam.list_open_id_connect_providers().send());
    let (saml, oidc) = (unit.read("ListSAMLProviders", saml).ok(), unit.read("ListOpenIDConnectProviders", oidc).ok());
    let mut out: Vec<IdentityProvider> = saml?
        .saml_provider_list()
        .iter()
        .filter_map(|p| {
            Some(IdentityProvider {
                arn: p.arn()?.to_owned(),
                kind: "saml".into(),
                valid_until: p.valid_until().and_then(timestamp),
            })
        })
        .collect();
    out.extend(
        oidc?.open_id_connect_provider_list().iter().filter_map(|p| {
            Some(IdentityProvider { arn: p.arn()?.to_owned(), kind: "oidc".into(), valid_until: None })
        }),
    );
    Some(out)
}

async fn server_certificates(unit: &Unit, iam: &aws_sdk_iam::Client) -> Option<Vec<ServerCertificate>> {
    let mut out = Vec::new();
    let mut pages = iam.list_server_certificates().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListServerCertificates", page).ok()?;
        out.extend(page.server_certificate_metadata_list().iter().map(|c| ServerCertificate {
            arn: c.arn().to_owned(),
            name: c.server_certificate_name().to_owned(),
            expiration: c.expiration().and_then(timestamp),
            location: None,
        }));
    }
    Some(out)
}

#[derive(Default)]
struct Details {
    users: Vec<User>,
    groups: Vec<Group>,
    roles: Vec<Role>,
    policies: Vec<ManagedPolicy>,
    /// AWS-managed policies attached in the account.
    aws_policies: Vec<ManagedPolicy>,
}

/// Attached policy ARNs.
fn attached(list: &[AttachedPolicy]) -> Vec<String> {
    list.iter().filter_map(|p| p.policy_arn().map(str::to_owned)).collect()
}

/// Users, groups, roles, customer-managed policies and the AWS-managed policies attached in
/// the account (their documents, so the policy engine judges principals that hold them), page
/// by page.
async fn authorization_details(unit: &Unit, iam: &aws_sdk_iam::Client) -> Details {
    let mut out = Details::default();
    let mut pages = iam
        .get_account_authorization_details()
        .filter(EntityType::User)
        .filter(EntityType::Role)
        .filter(EntityType::Group)
        .filter(EntityType::LocalManagedPolicy)
        .filter(EntityType::AwsManagedPolicy)
        .max_items(1000)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        // A failed page leaves what was read so far; the gap says the list is incomplete.
        let Some(page) = unit.read("GetAccountAuthorizationDetails", page).ok() else { break };
        for u in page.user_detail_list() {
            let (Some(arn), Some(name)) = (u.arn(), u.user_name()) else { continue };
            out.users.push(User {
                arn: arn.to_owned(),
                name: name.to_owned(),
                created: u.create_date().and_then(timestamp),
                groups: u.group_list().to_vec(),
                attached_policies: attached(u.attached_managed_policies()),
                inline_policies: inline(unit, arn, u.user_policy_list()),
                permissions_boundary: u
                    .permissions_boundary()
                    .and_then(|b| b.permissions_boundary_arn())
                    .map(str::to_owned),
                tags: tags(u.tags().iter().map(|t| (t.key(), t.value()))),
                ..User::default()
            });
        }
        for g in page.group_detail_list() {
            let (Some(arn), Some(name)) = (g.arn(), g.group_name()) else { continue };
            out.groups.push(Group {
                arn: arn.to_owned(),
                name: name.to_owned(),
                attached_policies: attached(g.attached_managed_policies()),
                inline_policies: inline(unit, arn, g.group_policy_list()),
                location: None,
            });
        }
        for r in page.role_detail_list() {
            let (Some(arn), Some(name)) = (r.arn(), r.role_name()) else { continue };
            out.roles.push(Role {
                arn: arn.to_owned(),
                name: name.to_owned(),
                path: r.path().unwrap_or("/").to_owned(),
                created: r.create_date().and_then(timestamp),
                trust_policy: r.assume_role_policy_document().and_then(|d| decoded(unit, arn, "trust policy", d)),
                attached_policies: attached(r.attached_managed_policies()),
                inline_policies: inline(unit, arn, r.role_policy_list()),
                permissions_boundary: r
                    .permissions_boundary()
                    .and_then(|b| b.permissions_boundary_arn())
                    .map(str::to_owned),
                // IAM always answers `RoleLastUsed`, without a date when the role has not been
                // used in its tracking period.
                last_used: r.role_last_used().and_then(|u| match u.last_used_date() {
                    Some(date) => timestamp(date).map(LastUsed::At),
                    None => Some(LastUsed::Never(NeverUsed::Never)),
                }),
                tags: tags(r.tags().iter().map(|t| (t.key(), t.value()))),
                // Read afterwards, per role.
                services_last_accessed: None,
                location: None,
            });
        }
        for p in page.policies() {
            let Some(arn) = p.arn() else { continue };
            let aws = is_aws_managed(arn);
            // Of the AWS-managed policies, only those in use: the others judge nobody.
            if aws && p.attachment_count().is_none_or(|n| n == 0) {
                continue;
            }
            let name = compat::policy_name(p.policy_name(), arn);
            let versions = p.policy_version_list();
            let default = versions.iter().find(|v| v.is_default_version()).or_else(|| {
                versions.iter().find(|v| v.version_id().is_some() && v.version_id() == p.default_version_id())
            });
            let policy = ManagedPolicy {
                arn: arn.to_owned(),
                name: name.to_owned(),
                attachment_count: p.attachment_count().and_then(|c| u32::try_from(c).ok()),
                document: default.and_then(|v| v.document()).and_then(|d| decoded(unit, arn, "policy document", d)),
                location: None,
            };
            if aws {
                out.aws_policies.push(policy);
            } else {
                out.policies.push(policy);
            }
        }
    }
    out
}

/// Inline policies; one whose document cannot be decoded keeps its name, without a document,
/// and leaves a gap about the principal.
fn inline(unit: &Unit, principal: &str, list: &[PolicyDetail]) -> Vec<InlinePolicy> {
    list.iter()
        .filter_map(|p| {
            let name = p.policy_name()?;
            let what = format!("inline policy {name}");
            let document = match p.policy_document() {
                Some(text) => decoded(unit, principal, &what, text),
                None => {
                    let reason = format!("{what} came without a document");
                    unit.gap("GetAccountAuthorizationDetails", GapKind::Other, reason, Some(principal));
                    None
                }
            };
            Some(InlinePolicy { name: name.to_owned(), document })
        })
        .collect()
}

/// A policy document decoded, or a gap about `resource` saying which one could not be.
fn decoded(unit: &Unit, resource: &str, what: &str, text: &str) -> Option<serde_json::Value> {
    let document = policy_document(text);
    if document.is_none() {
        let reason = format!("the {what} is not a JSON policy document: {}", wasp_model::excerpt(text));
        unit.gap("GetAccountAuthorizationDetails", GapKind::Other, reason, Some(resource));
    }
    document
}

/// `arn:<partition>:iam::aws:policy/…`
fn is_aws_managed(arn: &str) -> bool {
    arn.split(':').nth(4) == Some("aws")
}

async fn account_summary(unit: &Unit, iam: &aws_sdk_iam::Client) -> Option<HashMap<SummaryKeyType, i32>> {
    let answer = unit.read("GetAccountSummary", iam.get_account_summary().send().await).ok()?;
    answer.summary_map().cloned()
}

async fn password_policy(unit: &Unit, iam: &aws_sdk_iam::Client) -> Read<PasswordPolicy> {
    let answer = match unit.read("GetAccountPasswordPolicy", iam.get_account_password_policy().send().await) {
        Read::Ok(answer) => answer,
        Read::NotConfigured => return Read::NotConfigured,
        Read::Gap => return Read::Gap,
    };
    let Some(p) = answer.password_policy() else { return Read::NotConfigured };
    let positive = |v: Option<i32>| v.and_then(|v| u32::try_from(v).ok()).filter(|v| *v > 0);
    Read::Ok(PasswordPolicy {
        minimum_length: positive(p.minimum_password_length()),
        require_symbols: p.require_symbols(),
        require_numbers: p.require_numbers(),
        require_uppercase: p.require_uppercase_characters(),
        require_lowercase: p.require_lowercase_characters(),
        max_age_days: positive(p.max_password_age()),
        reuse_prevention: positive(p.password_reuse_prevention()),
        hard_expiry: p.hard_expiry().unwrap_or(false),
    })
}

/// Whether the root user's MFA is a virtual device.
async fn root_virtual_mfa(unit: &Unit, iam: &aws_sdk_iam::Client) -> Option<bool> {
    let root_arn = format!("arn:{}:iam::{}:root", unit.shared.partition, unit.account_id());
    let mut found = false;
    let mut pages = iam
        .list_virtual_mfa_devices()
        .assignment_status(AssignmentStatusType::Assigned)
        .max_items(1000)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListVirtualMFADevices", page).ok()?;
        found |= page.virtual_mfa_devices().iter().any(|d| {
            d.user().is_some_and(|u| u.arn() == root_arn) || d.serial_number().ends_with("root-account-mfa-device")
        });
    }
    Some(found)
}

/// Asks IAM for a fresh credential report, waits a few seconds at most, and reads it.
async fn credential_report(unit: &Unit, iam: &aws_sdk_iam::Client) -> Option<CredentialReport> {
    let mut pause = Duration::from_millis(250);
    for poll in 1..=REPORT_POLLS {
        let answer = unit.read("GenerateCredentialReport", iam.generate_credential_report().send().await).ok()?;
        if answer.state() == Some(&ReportStateType::Complete) {
            break;
        }
        if poll == REPORT_POLLS {
            let reason = format!("the credential report was not ready after {REPORT_POLLS} polls");
            unit.gap("GenerateCredentialReport", GapKind::Unavailable, reason, None);
            return None;
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(REPORT_MAX_PAUSE);
    }
    let answer = unit.read("GetCredentialReport", iam.get_credential_report().send().await).ok()?;
    let parsed = answer.content().and_then(|blob| CredentialReport::from_bytes(blob.as_ref()));
    if parsed.is_none() {
        let reason = "the credential report is not the expected CSV".to_owned();
        unit.gap("GetCredentialReport", GapKind::Other, reason, None);
    }
    parsed
}

/// The credential report: one CSV row per user plus `<root_account>`. Without quoted fields.
#[derive(Debug, Default)]
struct CredentialReport {
    columns: HashMap<String, usize>,
    /// Rows keyed by ARN.
    rows: HashMap<String, Vec<String>>,
    /// ARN by user name, for rows whose ARN differs in form.
    by_name: HashMap<String, String>,
}

struct Row<'a> {
    columns: &'a HashMap<String, usize>,
    cells: &'a [String],
}

impl Row<'_> {
    fn cell(&self, column: &str) -> Option<&str> {
        self.columns.get(column).and_then(|i| self.cells.get(*i)).map(|c| c.trim())
    }

    fn flag(&self, column: &str) -> Option<bool> {
        match self.cell(column)?.to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    fn date(&self, column: &str) -> Option<Timestamp> {
        report_date(self.cell(column)?)
    }

    /// Access key `n` (1 or 2), when the user has one.
    fn access_key(&self, n: u8) -> Option<AccessKey> {
        let active = self.flag(&format!("access_key_{n}_active"))?;
        let created = self.date(&format!("access_key_{n}_last_rotated"));
        (active || created.is_some()).then(|| AccessKey {
            id: None,
            active,
            created,
            last_used: self.date(&format!("access_key_{n}_last_used_date")),
        })
    }
}

impl CredentialReport {
    /// The report as IAM returns it: CSV bytes (the SDK has decoded the base64), or base64 text.
    fn from_bytes(bytes: &[u8]) -> Option<CredentialReport> {
        let text = std::str::from_utf8(bytes).ok()?;
        if text.trim_start().starts_with("user,") {
            return CredentialReport::parse(text);
        }
        let decoded = aws_smithy_types::base64::decode(text.trim()).ok()?;
        CredentialReport::parse(std::str::from_utf8(&decoded).ok()?)
    }

    fn parse(text: &str) -> Option<CredentialReport> {
        let mut lines = text.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.trim().is_empty());
        let header = lines.next()?;
        let columns: HashMap<String, usize> =
            header.split(',').enumerate().map(|(i, c)| (c.trim().to_owned(), i)).collect();
        let (user_col, arn_col) = (*columns.get("user")?, *columns.get("arn")?);
        let mut report = CredentialReport { columns, ..CredentialReport::default() };
        for line in lines {
            let cells: Vec<String> = line.split(',').map(str::to_owned).collect();
            let (Some(user), Some(arn)) = (cells.get(user_col).cloned(), cells.get(arn_col).cloned()) else {
                continue;
            };
            report.by_name.insert(user, arn.clone());
            report.rows.insert(arn, cells);
        }
        Some(report)
    }

    fn row<'a>(&'a self, arn: &str, name: &str) -> Option<Row<'a>> {
        let cells = self.rows.get(arn).or_else(|| self.rows.get(self.by_name.get(name)?))?;
        Some(Row { columns: &self.columns, cells })
    }

    /// Console access, MFA and access keys of one user; all unknown when the user is missing
    /// from the report (created after it was generated).
    fn fill_user(&self, user: &mut User) {
        let Some(row) = self.row(&user.arn, &user.name) else {
            user.console_access = None;
            user.mfa_active = None;
            user.access_keys = None;
            return;
        };
        user.console_access = row.flag("password_enabled");
        user.password_last_used = row.date("password_last_used");
        user.password_last_changed = row.date("password_last_changed");
        user.mfa_active = row.flag("mfa_active");
        user.access_keys = match (row.flag("access_key_1_active"), row.flag("access_key_2_active")) {
            (Some(_), Some(_)) => Some([row.access_key(1), row.access_key(2)].into_iter().flatten().collect()),
            _ => None,
        };
    }
}

/// A date of the credential report; `N/A`, `no_information`, `not_supported` and anything
/// unparseable are no date.
fn report_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if text.is_empty() || matches!(text, "N/A" | "no_information" | "not_supported") {
        return None;
    }
    chrono::DateTime::parse_from_rfc3339(text)
        .or_else(|_| chrono::DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z"))
        .ok()
        .map(|d| d.with_timezone(&chrono::Utc))
}

/// A policy document as IAM returns it: URL-encoded JSON (plain JSON is accepted too).
pub(super) fn policy_document(text: &str) -> Option<serde_json::Value> {
    let trimmed = text.trim();
    if trimmed.starts_with('{') {
        if let Ok(v) = serde_json::from_str(trimmed) {
            return Some(v);
        }
    }
    let decoded = percent_decode(trimmed)?;
    serde_json::from_str(&decoded).ok().or_else(|| {
        // Form encoding writes spaces as `+`.
        let form = percent_decode(&trimmed.replace('+', "%20"))?;
        serde_json::from_str(&form).ok()
    })
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub(crate) fn timestamp(t: &aws_smithy_types::DateTime) -> Option<Timestamp> {
    chrono::DateTime::from_timestamp(t.secs(), t.subsec_nanos())
}

fn tags<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Tags {
    pairs.map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::Shared;
    use aws_sdk_iam::operation::generate_credential_report::GenerateCredentialReportOutput;
    use aws_sdk_iam::operation::generate_service_last_accessed_details::{
        GenerateServiceLastAccessedDetailsError, GenerateServiceLastAccessedDetailsOutput,
    };
    use aws_sdk_iam::operation::get_account_authorization_details::GetAccountAuthorizationDetailsOutput;
    use aws_sdk_iam::operation::get_account_password_policy::GetAccountPasswordPolicyError;
    use aws_sdk_iam::operation::get_account_summary::{GetAccountSummaryError, GetAccountSummaryOutput};
    use aws_sdk_iam::operation::get_credential_report::GetCredentialReportOutput;
    use aws_sdk_iam::operation::get_service_last_accessed_details::GetServiceLastAccessedDetailsOutput;
    use aws_sdk_iam::operation::list_virtual_mfa_devices::ListVirtualMfaDevicesOutput;
    use aws_sdk_iam::types::{
        ErrorDetails, JobStatusType, ManagedPolicyDetail, PolicyVersion, RoleDetail, RoleLastUsed, ServiceLastAccessed,
        UserDetail, VirtualMfaDevice,
    };
    use aws_sdk_iam::Client;
    use aws_smithy_mocks::{create_mock_http_client, mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::Service;
    use wasp_model::{Setting, GLOBAL_REGION};

    const ADMIN: &str = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22*%22%2C%22Resource%22%3A%22*%22%7D%5D%7D";
    const REPORT: &str = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2024-05-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,true,2021-01-01T00:00:00+00:00,2024-04-01T00:00:00+00:00,us-east-1,s3,false,N/A,false,N/A
alice,arn:aws:iam::123456789012:user/alice,2020-01-01T00:00:00+00:00,true,no_information,2020-01-01T00:00:00+00:00,N/A,false,true,2020-02-01T00:00:00+00:00,N/A,N/A,N/A,false,2020-03-01T00:00:00+00:00,2020-04-01T00:00:00+00:00,eu-west-1,ec2,false,N/A,false,N/A
bob,arn:aws:iam::123456789012:user/bob,2020-01-01T00:00:00+00:00,false,not_supported,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
";

    /// Job polls for tests: quick, and a short limit.
    const QUICK: last_accessed::Polling =
        last_accessed::Polling { pause: Duration::from_millis(10), limit: Duration::from_millis(300) };

    fn unit() -> Unit {
        Unit::new(Arc::new(Shared::for_tests(&["us-east-1"])), Service::Iam, GLOBAL_REGION.into())
    }

    /// An IAM client answered by `rules` (any order), with the unit's guard and call counter.
    fn mocked(unit: &Unit, rules: &[&Rule]) -> Client {
        let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny);
        for rule in rules {
            mocks = mocks.with_rule(rule);
        }
        let conf = aws_sdk_iam::Config::builder()
            .behavior_version(aws_sdk_iam::config::BehaviorVersion::latest())
            .region(aws_sdk_iam::config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_iam::config::Credentials::new("a", "b", None, None, "test"))
            .http_client(create_mock_http_client())
            .interceptor(mocks)
            .interceptor(unit.guard())
            .build();
        Client::from_conf(conf)
    }

    fn user(name: &str) -> UserDetail {
        UserDetail::builder()
            .user_name(name)
            .arn(format!("arn:aws:iam::123456789012:user/{name}"))
            .create_date(aws_smithy_types::DateTime::from_secs(1_600_000_000))
            .build()
    }

    /// Rules for every call but GetAccountAuthorizationDetails and GetAccountSummary, by
    /// operation.
    fn other_rules() -> Vec<(&'static str, Rule)> {
        let device = VirtualMfaDevice::builder()
            .serial_number("arn:aws:iam::123456789012:mfa/root-account-mfa-device")
            .build()
            .unwrap();
        vec![
            (
                "GetAccountPasswordPolicy",
                mock!(Client::get_account_password_policy).then_error(|| {
                    GetAccountPasswordPolicyError::generic(ErrorMetadata::builder().code("NoSuchEntity").build())
                }),
            ),
            (
                "ListVirtualMFADevices",
                mock!(Client::list_virtual_mfa_devices).then_output(move || {
                    ListVirtualMfaDevicesOutput::builder().virtual_mfa_devices(device.clone()).build().unwrap()
                }),
            ),
            (
                "GenerateCredentialReport",
                mock!(Client::generate_credential_report)
                    .then_output(|| GenerateCredentialReportOutput::builder().state(ReportStateType::Complete).build()),
            ),
            (
                "GetCredentialReport",
                mock!(Client::get_credential_report).then_output(|| {
                    GetCredentialReportOutput::builder().content(aws_smithy_types::Blob::new(REPORT)).build()
                }),
            ),
            ("GenerateServiceLastAccessedDetails", job_started()),
            ("GetServiceLastAccessedDetails", job_output(JobStatusType::Completed)),
            (
                "ListSAMLProviders",
                mock!(Client::list_saml_providers).then_output(|| {
                    aws_sdk_iam::operation::list_saml_providers::ListSamlProvidersOutput::builder().build()
                }),
            ),
            (
                "ListOpenIDConnectProviders",
                mock!(Client::list_open_id_connect_providers).then_output(|| {
                    aws_sdk_iam::operation::list_open_id_connect_providers::ListOpenIdConnectProvidersOutput::builder()
                        .build()
                }),
            ),
            (
                "ListServerCertificates",
                mock!(Client::list_server_certificates).then_output(|| {
                    aws_sdk_iam::operation::list_server_certificates::ListServerCertificatesOutput::builder()
                        .set_server_certificate_metadata_list(Some(Vec::new()))
                        .build()
                        .unwrap()
                }),
            ),
        ]
    }

    fn job_started() -> Rule {
        mock!(Client::generate_service_last_accessed_details)
            .then_output(|| GenerateServiceLastAccessedDetailsOutput::builder().job_id("job-1").build())
    }

    /// A job's answer: S3 used on 2026-05-01, EC2 granted and never used.
    fn job_page(status: JobStatusType) -> GetServiceLastAccessedDetailsOutput {
        let now = aws_smithy_types::DateTime::from_secs(1_780_000_000);
        let mut out = GetServiceLastAccessedDetailsOutput::builder()
            .job_status(status.clone())
            .job_creation_date(now)
            .job_completion_date(now)
            .set_services_last_accessed(Some(Vec::new()));
        if status == JobStatusType::Completed {
            out = out
                .services_last_accessed(
                    ServiceLastAccessed::builder()
                        .service_name("Amazon S3")
                        .service_namespace("s3")
                        .last_authenticated(aws_smithy_types::DateTime::from_secs(1_777_593_600))
                        .build()
                        .unwrap(),
                )
                .services_last_accessed(
                    ServiceLastAccessed::builder().service_name("Amazon EC2").service_namespace("ec2").build().unwrap(),
                );
        }
        if status == JobStatusType::Failed {
            out = out.error(ErrorDetails::builder().code("InternalError").message("try later").build().unwrap());
        }
        out.build().unwrap()
    }

    fn job_output(status: JobStatusType) -> Rule {
        mock!(Client::get_service_last_accessed_details).then_output(move || job_page(status.clone()))
    }

    fn summary_ok() -> Rule {
        mock!(Client::get_account_summary).then_output(|| {
            GetAccountSummaryOutput::builder()
                .summary_map(SummaryKeyType::AccountMfaEnabled, 1)
                .summary_map(SummaryKeyType::AccountAccessKeysPresent, 0)
                .summary_map(SummaryKeyType::AccountPasswordPresent, 1)
                .build()
        })
    }

    fn one_page() -> Rule {
        mock!(Client::get_account_authorization_details)
            .then_output(|| GetAccountAuthorizationDetailsOutput::builder().user_detail_list(user("alice")).build())
    }

    fn calls(unit: &Unit, operation: &str) -> u64 {
        unit.shared.calls.rows().iter().filter(|r| r.operation == operation).map(|r| r.count).sum()
    }

    #[tokio::test]
    async fn authorization_details_are_read_across_pages() {
        let first = mock!(Client::get_account_authorization_details)
            .match_requests(|req| req.marker().is_none())
            .then_output(|| {
                let policy = ManagedPolicyDetail::builder()
                    .policy_name("admin-all")
                    .arn("arn:aws:iam::123456789012:policy/admin-all")
                    .default_version_id("v2")
                    .attachment_count(1)
                    .policy_version_list(PolicyVersion::builder().version_id("v1").document("%7B%7D").build())
                    .policy_version_list(
                        PolicyVersion::builder().version_id("v2").is_default_version(true).document(ADMIN).build(),
                    )
                    .build();
                GetAccountAuthorizationDetailsOutput::builder()
                    .user_detail_list(user("alice"))
                    .policies(policy)
                    .is_truncated(true)
                    .marker("page-2")
                    .build()
            });
        let second = mock!(Client::get_account_authorization_details)
            .match_requests(|req| req.marker() == Some("page-2"))
            .then_output(|| {
                let role = RoleDetail::builder()
                    .role_name("app")
                    .arn("arn:aws:iam::123456789012:role/app")
                    .path("/")
                    .assume_role_policy_document(ADMIN)
                    .attached_managed_policies(
                        AttachedPolicy::builder().policy_arn("arn:aws:iam::aws:policy/ReadOnlyAccess").build(),
                    )
                    .build();
                let aws = |name: &str, count: i32| {
                    ManagedPolicyDetail::builder()
                        .policy_name(name)
                        .arn(format!("arn:aws:iam::aws:policy/{name}"))
                        .default_version_id("v7")
                        .attachment_count(count)
                        .policy_version_list(
                            PolicyVersion::builder().version_id("v7").is_default_version(true).document(ADMIN).build(),
                        )
                        .build()
                };
                GetAccountAuthorizationDetailsOutput::builder()
                    .user_detail_list(user("bob"))
                    .role_detail_list(role)
                    .policies(aws("ReadOnlyAccess", 1))
                    .policies(aws("AmazonS3FullAccess", 0))
                    .is_truncated(false)
                    .build()
            });
        let others = other_rules();
        let summary = summary_ok();
        let mut rules: Vec<&Rule> = vec![&first, &second, &summary];
        rules.extend(others.iter().map(|(_, r)| r));
        let unit = unit();
        let iam = mocked(&unit, &rules);
        let mut part = Inventory::default();
        collect_with(&unit, &iam, &mut part, QUICK).await;

        assert!(unit.take_gaps().is_empty());
        assert_eq!((first.num_calls(), second.num_calls()), (1, 1));
        assert_eq!(calls(&unit, "GetAccountAuthorizationDetails"), 2);
        let names: Vec<&str> = part.iam.users.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["alice", "bob"]);
        assert_eq!(part.iam.policies.len(), 1);
        let admin = &part.iam.policies[0];
        assert_eq!(admin.attachment_count, Some(1));
        assert_eq!(admin.document.as_ref().unwrap()["Statement"][0]["Action"], "*");
        assert_eq!(part.iam.roles[0].trust_policy.as_ref().unwrap()["Version"], "2012-10-17");
        assert_eq!(part.iam.roles[0].attached_policies, ["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
        // AWS-managed policies in use come with their documents, apart from customer ones.
        let aws: Vec<&str> = part.iam.aws_policies.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(aws, ["ReadOnlyAccess"]);
        assert!(part.iam.aws_policies[0].document.is_some());
        // One job per user and role, each read once it completed.
        assert_eq!(calls(&unit, "GenerateServiceLastAccessedDetails"), 3);
        assert_eq!(calls(&unit, "GetServiceLastAccessedDetails"), 3);
        let used = part.iam.roles[0].services_last_accessed.as_ref().unwrap();
        let used: Vec<(&str, bool)> =
            used.iter().map(|s| (s.namespace.as_str(), s.last_authenticated.is_some())).collect();
        assert_eq!(used, [("ec2", false), ("s3", true)]);
        assert!(part.iam.users.iter().all(|u| u.services_last_accessed.is_some()));
        assert_eq!(part.iam.password_policy, Some(Setting::NotConfigured));

        let alice = &part.iam.users[0];
        assert_eq!(alice.console_access, Some(true));
        assert_eq!(alice.password_last_used, None);
        assert_eq!(alice.password_last_changed, report_date("2020-01-01T00:00:00+00:00"));
        assert_eq!(alice.mfa_active, Some(false));
        let keys = alice.access_keys.as_ref().unwrap();
        assert_eq!(keys.len(), 2);
        assert!(keys[0].active && !keys[1].active);
        assert_eq!(keys[0].created, report_date("2020-02-01T00:00:00+00:00"));
        assert_eq!(keys[1].last_used, report_date("2020-04-01T00:00:00+00:00"));
        let bob = &part.iam.users[1];
        assert_eq!((bob.console_access, bob.mfa_active), (Some(false), Some(false)));
        assert_eq!(bob.access_keys.as_deref(), Some(&[][..]));

        let root = part.iam.root.unwrap();
        assert_eq!(root.arn, "arn:aws:iam::123456789012:root");
        assert_eq!(
            (root.mfa_enabled, root.access_keys_present, root.virtual_mfa),
            (Some(true), Some(false), Some(true))
        );
        assert_eq!(root.password_present, Some(true));
        assert_eq!(root.password_last_used, report_date("2024-05-01T10:00:00+00:00"));
        assert_eq!(root.access_key_last_used, report_date("2024-04-01T00:00:00+00:00"));
    }

    #[tokio::test]
    async fn a_denied_account_summary_is_a_gap_and_the_rest_is_collected() {
        let denied = mock!(Client::get_account_summary).then_error(|| {
            GetAccountSummaryError::generic(ErrorMetadata::builder().code("AccessDenied").message("no").build())
        });
        let page = one_page();
        let others = other_rules();
        let mut rules: Vec<&Rule> = vec![&denied, &page];
        rules.extend(others.iter().map(|(_, r)| r));
        let unit = unit();
        let iam = mocked(&unit, &rules);
        let mut part = Inventory::default();
        collect_with(&unit, &iam, &mut part, QUICK).await;

        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!((gaps[0].operation.as_str(), gaps[0].kind), ("GetAccountSummary", GapKind::AccessDenied));
        assert_eq!(gaps[0].region, GLOBAL_REGION);
        assert_eq!(part.iam.users.len(), 1);
        assert_eq!(part.iam.users[0].console_access, Some(true));
        // The credential report's root row stands in for the summary.
        let root = part.iam.root.unwrap();
        assert_eq!(root.mfa_enabled, Some(true));
        assert_eq!(root.access_keys_present, Some(true));
    }

    #[tokio::test]
    async fn without_the_credential_report_user_credentials_are_unknown() {
        use aws_sdk_iam::operation::generate_credential_report::GenerateCredentialReportError;
        let page = one_page();
        let summary = summary_ok();
        let denied = mock!(Client::generate_credential_report).then_error(|| {
            GenerateCredentialReportError::generic(ErrorMetadata::builder().code("AccessDenied").build())
        });
        let mut rules: Vec<&Rule> = vec![&page, &summary, &denied];
        let others = other_rules();
        rules.extend(others.iter().filter(|(op, _)| *op != "GenerateCredentialReport").map(|(_, r)| r));
        let unit = unit();
        let iam = mocked(&unit, &rules);
        let mut part = Inventory::default();
        collect_with(&unit, &iam, &mut part, QUICK).await;

        let alice = &part.iam.users[0];
        assert_eq!((alice.console_access, alice.mfa_active), (None, None));
        assert!(alice.access_keys.is_none());
        let gaps = unit.take_gaps();
        assert!(gaps.iter().any(|g| g.operation == "GenerateCredentialReport"), "{gaps:?}");
        assert_eq!(calls(&unit, "GetCredentialReport"), 0);
        // The summary alone still describes the root user.
        assert_eq!(part.iam.root.unwrap().mfa_enabled, Some(true));
    }

    #[tokio::test]
    async fn an_undecodable_inline_policy_is_kept_by_name_with_a_gap() {
        use aws_sdk_iam::types::PolicyDetail;
        let page = mock!(Client::get_account_authorization_details).then_output(|| {
            let role = RoleDetail::builder()
                .role_name("app")
                .arn("arn:aws:iam::123456789012:role/app")
                .role_policy_list(PolicyDetail::builder().policy_name("garbled").policy_document("%7B%2").build())
                .role_policy_list(PolicyDetail::builder().policy_name("fine").policy_document(ADMIN).build())
                .build();
            GetAccountAuthorizationDetailsOutput::builder().role_detail_list(role).build()
        });
        let summary = summary_ok();
        let others = other_rules();
        let mut rules: Vec<&Rule> = vec![&page, &summary];
        rules.extend(others.iter().map(|(_, r)| r));
        let unit = unit();
        let iam = mocked(&unit, &rules);
        let mut part = Inventory::default();
        collect_with(&unit, &iam, &mut part, QUICK).await;

        let inline = &part.iam.roles[0].inline_policies;
        assert_eq!(inline.len(), 2);
        assert_eq!((inline[0].name.as_str(), inline[0].document.is_none()), ("garbled", true));
        assert!(inline[1].document.is_some());
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!(gaps[0].operation, "GetAccountAuthorizationDetails");
        assert_eq!(gaps[0].resource.as_deref(), Some("arn:aws:iam::123456789012:role/app"));
        assert!(gaps[0].reason.contains("inline policy garbled"), "{}", gaps[0].reason);
    }

    /// Collects a page of one user and the roles `roles` with the last-accessed rules given.
    async fn collect_jobs(roles: Vec<RoleDetail>, jobs: &[&Rule]) -> (Unit, Inventory) {
        let page = mock!(Client::get_account_authorization_details).then_output(move || {
            GetAccountAuthorizationDetailsOutput::builder()
                .user_detail_list(user("alice"))
                .set_role_detail_list(Some(roles.clone()))
                .build()
        });
        let summary = summary_ok();
        let others = other_rules();
        let mut rules: Vec<&Rule> = jobs.to_vec();
        rules.extend([&page, &summary]);
        rules.extend(others.iter().filter(|(op, _)| !op.contains("LastAccessed")).map(|(_, r)| r));
        let unit = unit();
        let iam = mocked(&unit, &rules);
        let mut part = Inventory::default();
        collect_with(&unit, &iam, &mut part, QUICK).await;
        (unit, part)
    }

    fn role(name: &str, path: &str) -> RoleDetail {
        RoleDetail::builder().role_name(name).arn(format!("arn:aws:iam::123456789012:role/{name}")).path(path).build()
    }

    #[tokio::test]
    async fn a_job_in_progress_is_polled_until_it_completes() {
        let get = mock!(Client::get_service_last_accessed_details)
            .sequence()
            .output(|| job_page(JobStatusType::InProgress))
            .times(2)
            .output(|| job_page(JobStatusType::Completed))
            .repeatedly()
            .build();
        let started = job_started();
        let slr = role("AWSServiceRoleForSupport", "/aws-service-role/support.amazonaws.com/");
        let (unit, part) = collect_jobs(vec![slr], &[&started, &get]).await;

        assert!(unit.take_gaps().is_empty());
        // The service-linked role is not asked about.
        assert_eq!(started.num_calls(), 1);
        assert_eq!(get.num_calls(), 3);
        let alice = part.iam.users[0].services_last_accessed.as_ref().unwrap();
        assert_eq!(alice[1].namespace, "s3");
        assert_eq!(alice[1].last_authenticated.map(|t| t.timestamp()), Some(1_777_593_600));
        assert_eq!(alice[0].last_authenticated, None);
        assert_eq!(part.iam.roles[0].services_last_accessed, None);
    }

    #[tokio::test]
    async fn a_failed_job_is_a_gap_about_its_principal() {
        let started = job_started();
        let failed = job_output(JobStatusType::Failed);
        let (unit, part) = collect_jobs(vec![], &[&started, &failed]).await;

        assert_eq!(part.iam.users[0].services_last_accessed, None);
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!(gaps[0].operation, "GetServiceLastAccessedDetails");
        assert_eq!(gaps[0].resource.as_deref(), Some("arn:aws:iam::123456789012:user/alice"));
        assert!(gaps[0].reason.contains("InternalError: try later"), "{}", gaps[0].reason);
    }

    #[tokio::test]
    async fn a_job_that_never_completes_is_a_gap_within_the_limit() {
        let started = job_started();
        let pending = job_output(JobStatusType::InProgress);
        let clock = std::time::Instant::now();
        let (unit, part) = collect_jobs(vec![role("app", "/")], &[&started, &pending]).await;

        assert!(clock.elapsed() < QUICK.limit * 5, "{:?}", clock.elapsed());
        assert!(pending.num_calls() >= 2, "polled {} times", pending.num_calls());
        assert_eq!(part.iam.users[0].services_last_accessed, None);
        assert_eq!(part.iam.roles[0].services_last_accessed, None);
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 2, "{gaps:?}");
        assert!(
            gaps.iter().all(|g| g.kind == GapKind::Unavailable && g.reason.contains("still in progress")),
            "{gaps:?}"
        );
    }

    #[tokio::test]
    async fn a_refused_job_is_asked_once_and_is_one_gap() {
        let denied = mock!(Client::generate_service_last_accessed_details).then_error(|| {
            GenerateServiceLastAccessedDetailsError::generic(ErrorMetadata::builder().code("AccessDenied").build())
        });
        let get = job_output(JobStatusType::Completed);
        let (unit, part) = collect_jobs(vec![role("a", "/"), role("b", "/")], &[&denied, &get]).await;

        assert_eq!((denied.num_calls(), get.num_calls()), (1, 0));
        assert!(part.iam.roles.iter().all(|r| r.services_last_accessed.is_none()));
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!((gaps[0].kind, gaps[0].resource.as_deref()), (GapKind::AccessDenied, None));
        assert!(gaps[0].reason.contains("none of the 3 users and roles"), "{}", gaps[0].reason);
    }

    #[tokio::test]
    async fn role_last_use_is_a_date_or_never() {
        let used = RoleDetail::builder()
            .role_name("used")
            .arn("arn:aws:iam::123456789012:role/used")
            .role_last_used(
                RoleLastUsed::builder().last_used_date(aws_smithy_types::DateTime::from_secs(1_700_000_000)).build(),
            )
            .build();
        let idle = RoleDetail::builder()
            .role_name("idle")
            .arn("arn:aws:iam::123456789012:role/idle")
            .role_last_used(RoleLastUsed::builder().build())
            .build();
        let started = job_started();
        let get = job_output(JobStatusType::Completed);
        let (_, part) = collect_jobs(vec![used, idle, role("unsaid", "/")], &[&started, &get]).await;
        let last: Vec<Option<LastUsed>> = part.iam.roles.iter().map(|r| r.last_used).collect();
        let at = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        assert_eq!(last, [Some(LastUsed::At(at)), Some(LastUsed::Never(NeverUsed::Never)), None]);
    }

    #[test]
    fn report_dates_and_placeholders() {
        assert!(report_date("2014-09-01T22:28:48+00:00").is_some());
        assert!(report_date("2014-09-01T22:28:48Z").is_some());
        for none in ["N/A", "no_information", "not_supported", "", "garbage"] {
            assert_eq!(report_date(none), None, "{none}");
        }
    }

    #[test]
    fn reports_arrive_as_csv_or_base64() {
        let plain = CredentialReport::from_bytes(REPORT.as_bytes()).unwrap();
        assert_eq!(plain.rows.len(), 3);
        let encoded = aws_smithy_types::base64::encode(REPORT.replace('\n', "\r\n"));
        let decoded = CredentialReport::from_bytes(encoded.as_bytes()).unwrap();
        let row = decoded.row("arn:aws:iam::123456789012:user/bob", "bob").unwrap();
        assert_eq!(row.flag("password_enabled"), Some(false));
        assert!(CredentialReport::from_bytes(b"\xff\xfe").is_none());
        assert!(CredentialReport::from_bytes(b"not a report").is_none());
    }

    #[test]
    fn policy_documents_are_url_decoded() {
        assert_eq!(policy_document(ADMIN).unwrap()["Statement"][0]["Effect"], "Allow");
        assert_eq!(policy_document("{\"a\":1}").unwrap()["a"], 1);
        assert_eq!(policy_document("%7B%22a%22%3A%22x+y%22%7D").unwrap()["a"], "x+y");
        assert_eq!(policy_document("%7B%22a%22%3A+1%7D").unwrap()["a"], 1);
        assert!(policy_document("%7B%2").is_none());
        assert!(policy_document("%ZZ").is_none());
        assert!(policy_document("").is_none());
    }

    #[test]
    fn aws_managed_policies_are_told_apart() {
        assert!(is_aws_managed("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assert!(is_aws_managed("arn:aws-us-gov:iam::aws:policy/service-role/X"));
        assert!(!is_aws_managed("arn:aws:iam::123456789012:policy/aws"));
    }
}
