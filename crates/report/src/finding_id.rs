//! A stable identity for a finding, shared by the SARIF and OCSF outputs: the same check on
//! the same resource in the same region and account has the same id in every review.
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use wasp_checks::Finding;

/// SHA-256 (lowercase hex) of account, region, check id and resource ARN. Status, severity
/// and message are left out: a finding keeps its id when it is fixed, muted or reworded.
pub(crate) fn finding_id(f: &Finding) -> String {
    sha256_hex(&[&f.account_id, &f.region, &f.check_id, f.resource_arn.as_deref().unwrap_or("")])
}

/// SHA-256 (lowercase hex) of the parts, each ended by a NUL byte so that no two different
/// lists hash the same input.
pub(crate) fn sha256_hex(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let mut hex = String::with_capacity(64);
    for byte in hasher.finalize().iter() {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_checks::{Severity, Status};

    fn finding(check: &str, arn: Option<&str>, region: &str) -> Finding {
        Finding {
            check_id: check.into(),
            status: Status::Fail,
            severity: Severity::High,
            resource_arn: arn.map(Into::into),
            region: region.into(),
            account_id: "123456789012".into(),
            message: "m".into(),
            best_practices: vec![],
            location: None,
            suppression: None,
            signal: false,
        }
    }

    #[test]
    fn ids_ignore_status_and_message_but_not_identity() {
        let a = finding("c", Some("arn:aws:s3:::b"), "us-east-1");
        let mut fixed = a.clone();
        fixed.status = Status::Pass;
        fixed.message = "other".into();
        assert_eq!(finding_id(&a), finding_id(&fixed));
        assert_eq!(finding_id(&a).len(), 64);
        // Moving text from one part to the next changes the hash.
        assert_ne!(sha256_hex(&["ab", "c"]), sha256_hex(&["a", "bc"]));
        assert_ne!(finding_id(&a), finding_id(&finding("c", Some("arn:aws:s3:::b"), "eu-west-1")));
        assert_ne!(finding_id(&a), finding_id(&finding("d", Some("arn:aws:s3:::b"), "us-east-1")));
    }
}
