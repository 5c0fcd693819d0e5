//! Reviews built the way wasp builds them, for the tests.

use std::path::Path;
use wasp_checks::{Equivalents, Finding, Meta, Read, Severity, Status};
use wasp_model::{Inventory, Service};
use wasp_pillar::Lens;
use wasp_review::{AnswersFile, Inputs, Review, Source, DEFAULT_MAX_AGE_DAYS};

const IAM: &[Read] = &[Read { service: Service::Iam, operation: "GetAccountAuthorizationDetails" }];

const fn meta(id: &'static str, severity: Severity, best_practices: &'static [&'static str]) -> Meta {
    Meta {
        id,
        title: "t",
        severity,
        kind: wasp_checks::CheckKind::Check,
        service: Service::Iam,
        resource_kind: "iam_user",
        best_practices,
        equivalents: Equivalents { prowler: &[], security_hub: &[], config_rule: &[], cis: &[] },
        remediation: "Fix it.",
        docs: "",
        reads: IAM,
        source_file: "x.rs",
    }
}

// SEC01-BP02 is of full evidence scope: its one check passing makes it met. SEC02-BP01 fails
// four checks; SEC02-BP06 passes one (partial scope: supported only); SEC03-BP02 fails one and
// is answered implemented (a conflict).
static ROOT_MFA: Meta = meta("iam_root_mfa_enabled", Severity::Critical, &["SEC01-BP02"]);
static CONSOLE_MFA: Meta = meta("iam_user_console_mfa_enabled", Severity::High, &["SEC02-BP01"]);
static KEYS_ROTATED: Meta = meta("iam_access_keys_rotated", Severity::Medium, &["SEC02-BP01"]);
static UNUSED: Meta = meta("iam_user_unused_credentials_disabled", Severity::Medium, &["SEC02-BP01"]);
static ONE_KEY: Meta = meta("iam_user_single_active_access_key", Severity::Low, &["SEC02-BP01"]);
static PASSWORD: Meta = meta("iam_password_policy_minimum_length", Severity::Medium, &["SEC02-BP06"]);
static ADMIN: Meta = meta("iam_administrator_access_not_attached", Severity::High, &["SEC03-BP02"]);

static CHECKS: &[&Meta] = &[&ROOT_MFA, &CONSOLE_MFA, &KEYS_ROTATED, &UNUSED, &ONE_KEY, &PASSWORD, &ADMIN];

/// SEC10-BP07 answered implemented, SEC11-BP03 not applicable, SEC04-BP01 not implemented,
/// SEC03-BP02 implemented (against a failing check).
pub(crate) const ANSWERS: &str = "version: 1
answers:
  SEC10-BP07:
    status: implemented
    owner: secops@example.com
    answered: 2025-12-20
  SEC11-BP03:
    status: not_applicable
    reason: No software of our own is deployed in this account.
    answered: 2025-12-20
  SEC04-BP01:
    status: not_implemented
    answered: 2025-12-20
  SEC03-BP02:
    status: implemented
    answered: 2025-12-20
";

fn finding(check: &Meta, status: Status, user: &str) -> Finding {
    Finding {
        check_id: check.id.into(),
        status,
        severity: check.severity,
        resource_arn: Some(format!("arn:aws:iam::123456789012:user/{user}")),
        region: "global".into(),
        account_id: "123456789012".into(),
        message: String::new(),
        best_practices: check.best_practices.iter().map(|s| s.to_string()).collect(),
        location: None,
        suppression: None,
        signal: false,
    }
}

pub(crate) fn answers() -> AnswersFile {
    AnswersFile::parse(ANSWERS, Path::new("answers.yaml"), Lens::builtin()).expect("the test answers parse")
}

/// The sample review, with `answers`.
pub(crate) fn review_with(answers: Option<&AnswersFile>) -> Review {
    let mut inv = Inventory::new("123456789012", "2026-01-01T00:00:00Z".parse().expect("a timestamp"));
    inv.regions = vec!["us-east-1".into()];
    inv.enabled_regions = Some(vec!["us-east-1".into()]);
    let findings = vec![
        finding(&ROOT_MFA, Status::Pass, "root"),
        finding(&CONSOLE_MFA, Status::Fail, "alice"),
        finding(&CONSOLE_MFA, Status::Fail, "bob"),
        finding(&KEYS_ROTATED, Status::Fail, "alice"),
        finding(&UNUSED, Status::Fail, "carol"),
        finding(&ONE_KEY, Status::Fail, "alice"),
        finding(&ONE_KEY, Status::Pass, "bob"),
        finding(&PASSWORD, Status::Pass, "account"),
        finding(&ADMIN, Status::Fail, "admin"),
    ];
    let inputs = Inputs {
        catalogue: CHECKS,
        ran: CHECKS,
        findings,
        source: Source::Snapshot,
        narrowed_by: Vec::new(),
        answers,
        reviewed_at: "2026-01-02T00:00:00Z".parse().expect("a timestamp"),
        answer_max_age_days: DEFAULT_MAX_AGE_DAYS,
        thresholds: Vec::new(),
        suppressions: Vec::new(),
    };
    wasp_review::review(Lens::builtin(), &inv, inputs)
}

/// The sample review with the sample answers.
pub(crate) fn review() -> Review {
    review_with(Some(&answers()))
}
