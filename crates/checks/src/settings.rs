//! Thresholds that checks compare against. The defaults follow the controls the checks cite;
//! `[checks]` in wasp.toml changes them for an organisation's own policy.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Least CloudWatch Logs retention, in days (AWS Config `cw-loggroup-retention-period-check`
    /// and Security Hub CloudWatch.16: 365).
    pub log_retention_min_days: u32,
    /// Oldest an active IAM access key may be, in days (CIS 1.14 / Security Hub IAM.3: 90).
    pub access_key_max_age_days: u32,
    /// Days without use after which an IAM password or access key must be disabled (CIS 1.12 /
    /// Security Hub IAM.22: 45).
    pub unused_credentials_days: u32,
    /// Days a role, or a service a user or role is granted, may go unused before the access
    /// counts as unneeded (wasp's default: 90, the default tracking period of IAM Access
    /// Analyzer's unused access findings).
    pub unused_access_days: u32,
    /// Fewest days RDS automated backups must be kept (Security Hub RDS.11: 7).
    pub rds_backup_retention_min_days: u32,
    /// Oldest an open CRITICAL Amazon Inspector finding may be, in days since first observed
    /// (CISA BOD 19-02: critical vulnerabilities remediated within 15 days of detection).
    pub inspector_critical_max_age_days: u32,
    /// Oldest an open HIGH Amazon Inspector finding may be, in days since first observed
    /// (CISA BOD 19-02: high vulnerabilities within 30 days of detection).
    pub inspector_high_max_age_days: u32,
    /// Fewest days an ACM or RDS server certificate must still be valid (Security Hub ACM.1:
    /// 30).
    pub certificate_expiry_min_days: u32,
    /// Most days between rotations of a secret (Security Hub SecretsManager.4: 90).
    pub secret_rotation_max_days: u32,
    /// Days without retrieval after which a secret counts as unused (Security Hub
    /// SecretsManager.3: 90).
    pub secret_unused_days: u32,
    /// Fewest days Redshift automated snapshots must be kept (Security Hub Redshift.3: 7).
    pub redshift_snapshot_retention_min_days: u32,
    /// Most days since a Macie classification job last started for the account to show one
    /// (wasp's default: 90, a quarter).
    pub classification_job_max_age_days: u32,
    /// Longest session an IAM Identity Center permission set may grant, in hours. No control
    /// sets a figure: AWS defaults to 1 hour and allows 12; wasp's default of 8 is one working
    /// day, so a stolen session does not outlive the day it was issued.
    pub permission_set_session_max_hours: u32,
    /// AWS accounts (12-digit ids) trusted besides the scanned account and its
    /// organization's management account: policies that let them in are not exposure, and
    /// roles they assume are not third-party access. Empty by default.
    pub trusted_accounts: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            log_retention_min_days: 365,
            access_key_max_age_days: 90,
            unused_credentials_days: 45,
            unused_access_days: 90,
            rds_backup_retention_min_days: 7,
            inspector_critical_max_age_days: 15,
            inspector_high_max_age_days: 30,
            certificate_expiry_min_days: 30,
            secret_rotation_max_days: 90,
            secret_unused_days: 90,
            redshift_snapshot_retention_min_days: 7,
            classification_job_max_age_days: 90,
            permission_set_session_max_hours: 8,
            trusted_accounts: Vec::new(),
        }
    }
}

impl Settings {
    /// The settings that differ from the defaults, as `name = value (default D)`, for a review
    /// to say which thresholds it used.
    pub fn changed(&self) -> Vec<String> {
        let d = Settings::default();
        let pairs = [
            ("log_retention_min_days", self.log_retention_min_days, d.log_retention_min_days),
            ("access_key_max_age_days", self.access_key_max_age_days, d.access_key_max_age_days),
            ("unused_credentials_days", self.unused_credentials_days, d.unused_credentials_days),
            ("unused_access_days", self.unused_access_days, d.unused_access_days),
            ("rds_backup_retention_min_days", self.rds_backup_retention_min_days, d.rds_backup_retention_min_days),
            (
                "inspector_critical_max_age_days",
                self.inspector_critical_max_age_days,
                d.inspector_critical_max_age_days,
            ),
            ("inspector_high_max_age_days", self.inspector_high_max_age_days, d.inspector_high_max_age_days),
            ("certificate_expiry_min_days", self.certificate_expiry_min_days, d.certificate_expiry_min_days),
            ("secret_rotation_max_days", self.secret_rotation_max_days, d.secret_rotation_max_days),
            ("secret_unused_days", self.secret_unused_days, d.secret_unused_days),
            (
                "redshift_snapshot_retention_min_days",
                self.redshift_snapshot_retention_min_days,
                d.redshift_snapshot_retention_min_days,
            ),
            (
                "classification_job_max_age_days",
                self.classification_job_max_age_days,
                d.classification_job_max_age_days,
            ),
            (
                "permission_set_session_max_hours",
                self.permission_set_session_max_hours,
                d.permission_set_session_max_hours,
            ),
        ];
        let mut changed: Vec<String> =
            pairs.iter().filter(|(_, v, d)| v != d).map(|(n, v, d)| format!("{n} = {v} (default {d})")).collect();
        if self.trusted_accounts != d.trusted_accounts {
            changed.push(format!("trusted_accounts = [{}] (default none)", self.trusted_accounts.join(", ")));
        }
        changed
    }

    /// Refuses thresholds no control could mean: zero days.
    pub fn validate(&self) -> Result<(), String> {
        for (name, value) in [
            ("log_retention_min_days", self.log_retention_min_days),
            ("access_key_max_age_days", self.access_key_max_age_days),
            ("unused_credentials_days", self.unused_credentials_days),
            ("unused_access_days", self.unused_access_days),
            ("rds_backup_retention_min_days", self.rds_backup_retention_min_days),
            ("inspector_critical_max_age_days", self.inspector_critical_max_age_days),
            ("inspector_high_max_age_days", self.inspector_high_max_age_days),
            ("certificate_expiry_min_days", self.certificate_expiry_min_days),
            ("secret_rotation_max_days", self.secret_rotation_max_days),
            ("secret_unused_days", self.secret_unused_days),
            ("redshift_snapshot_retention_min_days", self.redshift_snapshot_retention_min_days),
            ("classification_job_max_age_days", self.classification_job_max_age_days),
            ("permission_set_session_max_hours", self.permission_set_session_max_hours),
        ] {
            if value == 0 {
                return Err(format!("{name} must be at least 1 day"));
            }
        }
        for account in &self.trusted_accounts {
            if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "trusted_accounts: {:?} is not a 12-digit AWS account id",
                    wasp_model::excerpt(account)
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trusted_accounts_are_validated_and_reported_when_set() {
        let mut s = Settings::default();
        assert!(s.changed().is_empty());
        s.trusted_accounts = vec!["111122223333".into()];
        assert!(s.validate().is_ok());
        assert_eq!(s.changed(), ["trusted_accounts = [111122223333] (default none)"]);
        s.trusted_accounts.push("12345".into());
        assert!(s.validate().unwrap_err().contains("\"12345\" is not a 12-digit"));
        let parsed: Settings = serde_json::from_str(r#"{"trusted_accounts": ["444455556666"]}"#).unwrap();
        assert_eq!(parsed.trusted_accounts, ["444455556666"]);
        assert_eq!(parsed.log_retention_min_days, 365);
    }
}
