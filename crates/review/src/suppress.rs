//! Suppressions: rules that mute failed findings a team has accepted, until they expire.
//!
//! A rule names a check and, optionally, narrows it: a glob on the resource's full ARN (`*`
//! any run of characters, `?` one), an account id, a region, resource tags (`key=value`, all
//! of them). A failed finding is muted by the first rule whose every given field matches and
//! which has not expired: it is active through its `expires` day and ends the day after.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wasp_checks::policy::glob_match;
use wasp_checks::{Finding, Status, Suppression};
use wasp_model::Tags;

/// One suppression rule, wherever it is kept (the database or `wasp.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Where the rule lives: `db:ID` or `wasp.toml:N`.
    pub label: String,
    pub check_id: String,
    /// Glob on the full resource ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Tags the resource must carry, every one of them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
    pub reason: String,
    /// Last day the rule mutes; `None` never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<NaiveDate>,
}

/// What one rule did in a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleOutcome {
    pub rule: String,
    pub check_id: String,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<NaiveDate>,
    pub state: RuleState,
    /// Failed findings it muted, or would have muted had it not expired.
    pub matched: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleState {
    Active,
    Expired,
}

impl Rule {
    pub fn is_active(&self, today: NaiveDate) -> bool {
        self.expires.is_none_or(|last| today <= last)
    }

    /// Why the rule does or does not match a finding: `Ok` with what matched, `Err` with the
    /// first field that does not.
    pub fn explain(&self, finding: &Finding, tags: Option<&Tags>) -> Result<String, String> {
        if self.check_id != finding.check_id {
            return Err(format!("the check is {}, not {}", finding.check_id, self.check_id));
        }
        let mut matched = vec![format!("check {}", self.check_id)];
        let arn = finding.resource_arn.as_deref().unwrap_or_default();
        if let Some(pattern) = &self.resource {
            if !glob_match(pattern, arn) {
                return Err(format!("the resource {arn} does not match {pattern}"));
            }
            matched.push(format!("resource {arn} matches {pattern}"));
        }
        if let Some(account) = &self.account {
            if account != &finding.account_id {
                return Err(format!("the account is {}, not {account}", finding.account_id));
            }
            matched.push(format!("account {account}"));
        }
        if let Some(region) = &self.region {
            if region != &finding.region {
                return Err(format!("the region is {}, not {region}", finding.region));
            }
            matched.push(format!("region {region}"));
        }
        for (key, value) in &self.tags {
            match tags.and_then(|t| t.get(key)) {
                Some(v) if v == value => matched.push(format!("tag {key}={value}")),
                Some(v) => return Err(format!("the resource's tag {key} is {v}, not {value}")),
                None => return Err(format!("the resource has no tag {key}")),
            }
        }
        Ok(matched.join(", "))
    }

    fn matches(&self, finding: &Finding, tags: Option<&Tags>) -> bool {
        self.explain(finding, tags).is_ok()
    }

    fn note(&self, expired: bool) -> Suppression {
        Suppression { rule: self.label.clone(), reason: self.reason.clone(), expires: self.expires, expired }
    }
}

/// Mutes the failed findings the rules accept on `today`, marks those only expired rules
/// match, and says what each rule did.
pub fn apply(
    findings: &mut [Finding],
    rules: &[Rule],
    today: NaiveDate,
    tags_of: &dyn Fn(&str) -> Option<Tags>,
) -> Vec<RuleOutcome> {
    let mut matched = vec![0usize; rules.len()];
    for finding in findings.iter_mut().filter(|f| f.status == Status::Fail) {
        let tags = finding.resource_arn.as_deref().and_then(tags_of);
        let mut expired: Option<usize> = None;
        for (i, rule) in rules.iter().enumerate() {
            if !rule.matches(finding, tags.as_ref()) {
                continue;
            }
            if rule.is_active(today) {
                matched[i] += 1;
                finding.status = Status::Muted;
                finding.suppression = Some(rule.note(false));
                expired = None;
                break;
            }
            expired.get_or_insert(i);
        }
        if let Some(i) = expired {
            matched[i] += 1;
            finding.suppression = Some(rules[i].note(true));
        }
    }
    rules
        .iter()
        .zip(matched)
        .map(|(rule, matched)| RuleOutcome {
            rule: rule.label.clone(),
            check_id: rule.check_id.clone(),
            reason: rule.reason.clone(),
            expires: rule.expires,
            state: if rule.is_active(today) { RuleState::Active } else { RuleState::Expired },
            matched,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_checks::Severity;

    fn finding(check: &str, arn: &str, region: &str) -> Finding {
        Finding {
            check_id: check.into(),
            status: Status::Fail,
            severity: Severity::High,
            resource_arn: Some(arn.into()),
            region: region.into(),
            account_id: "111122223333".into(),
            message: "m".into(),
            best_practices: vec![],
            location: None,
            suppression: None,
            signal: false,
        }
    }

    fn rule(label: &str, check: &str) -> Rule {
        Rule {
            label: label.into(),
            check_id: check.into(),
            resource: None,
            account: None,
            region: None,
            tags: BTreeMap::new(),
            reason: "accepted by the risk board".into(),
            expires: None,
        }
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_rule_mutes_what_every_given_field_matches() {
        let mut findings = vec![
            finding("s3_bucket_versioning_enabled", "arn:aws:s3:::logs-a", "us-east-1"),
            finding("s3_bucket_versioning_enabled", "arn:aws:s3:::data", "us-east-1"),
            finding("s3_bucket_mfa_delete_enabled", "arn:aws:s3:::logs-b", "us-east-1"),
        ];
        let mut r = rule("wasp.toml#1", "s3_bucket_versioning_enabled");
        r.resource = Some("arn:aws:s3:::logs-*".into());
        r.account = Some("111122223333".into());
        let outcomes = apply(&mut findings, &[r], day("2026-12-01"), &|_| None);
        let statuses: Vec<Status> = findings.iter().map(|f| f.status).collect();
        assert_eq!(statuses, [Status::Muted, Status::Fail, Status::Fail]);
        assert_eq!(findings[0].suppression.as_ref().unwrap().reason, "accepted by the risk board");
        assert_eq!((outcomes[0].matched, outcomes[0].state), (1, RuleState::Active));
    }

    #[test]
    fn a_rule_is_active_through_its_last_day_and_ends_the_day_after() {
        let mut r = rule("db:7", "iam_user_access_keys_absent");
        r.expires = Some(day("2026-11-30"));
        let mut on_the_day = vec![finding("iam_user_access_keys_absent", "arn:aws:iam::1:user/ci", "global")];
        apply(&mut on_the_day, std::slice::from_ref(&r), day("2026-11-30"), &|_| None);
        assert_eq!(on_the_day[0].status, Status::Muted);
        let mut after = vec![finding("iam_user_access_keys_absent", "arn:aws:iam::1:user/ci", "global")];
        let outcomes = apply(&mut after, &[r], day("2026-12-01"), &|_| None);
        assert_eq!(after[0].status, Status::Fail);
        let note = after[0].suppression.as_ref().unwrap();
        assert!(note.expired && note.rule == "db:7");
        assert_eq!((outcomes[0].state, outcomes[0].matched), (RuleState::Expired, 1));
    }

    #[test]
    fn tags_region_and_unused_rules() {
        let mut tagged = rule("wasp.toml#2", "ec2_ebs_volume_encrypted");
        tagged.tags.insert("env".into(), "sandbox".into());
        tagged.region = Some("eu-west-1".into());
        let unused = rule("wasp.toml:3", "kms_key_rotation_enabled");
        let mut findings = vec![
            finding("ec2_ebs_volume_encrypted", "arn:vol-sandbox", "eu-west-1"),
            finding("ec2_ebs_volume_encrypted", "arn:vol-prod", "eu-west-1"),
            finding("ec2_ebs_volume_encrypted", "arn:vol-sandbox-east", "us-east-1"),
        ];
        let tags = |arn: &str| -> Option<Tags> {
            let env = if arn.contains("sandbox") { "sandbox" } else { "prod" };
            Some([("env".to_owned(), env.to_owned())].into_iter().collect())
        };
        let outcomes = apply(&mut findings, &[tagged.clone(), unused], day("2026-12-01"), &tags);
        let statuses: Vec<Status> = findings.iter().map(|f| f.status).collect();
        assert_eq!(statuses, [Status::Muted, Status::Fail, Status::Fail]);
        assert_eq!(outcomes[1].matched, 0, "a rule that matches nothing says so");
        assert_eq!(
            tagged.explain(&findings[1], tags("arn:vol-prod").as_ref()).unwrap_err(),
            "the resource's tag env is prod, not sandbox"
        );
        assert_eq!(tagged.explain(&findings[2], None).unwrap_err(), "the region is us-east-1, not eu-west-1");
    }

    #[test]
    fn passes_and_skips_are_never_muted() {
        let mut f = finding("s3_bucket_versioning_enabled", "arn:aws:s3:::a", "us-east-1");
        f.status = Status::Pass;
        let mut findings = vec![f];
        let outcomes =
            apply(&mut findings, &[rule("db:1", "s3_bucket_versioning_enabled")], day("2026-12-01"), &|_| None);
        assert_eq!(findings[0].status, Status::Pass);
        assert_eq!(outcomes[0].matched, 0);
    }
}
