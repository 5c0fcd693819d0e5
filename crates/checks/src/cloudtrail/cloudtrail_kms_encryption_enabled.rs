use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every trail encrypts its log files with a KMS key (SSE-KMS) rather than only the
    /// bucket's default S3-managed encryption. Whether the key is customer-managed and its
    /// policy sound is not checked here.
    ///
    /// ### Why it matters
    /// Trail logs reveal the account's structure, identities and activity. With a KMS key,
    /// reading them also requires `kms:Decrypt`, so a bucket policy mistake alone does not
    /// expose them, and every decryption is itself logged.
    ///
    /// ### How to fix
    /// Create a customer-managed key whose policy lets CloudTrail encrypt and your log readers
    /// decrypt, then run `aws cloudtrail update-trail --name <trail> --kms-key-id <key>`.
    CloudtrailKmsEncryptionEnabled {
        id: "cloudtrail_kms_encryption_enabled",
        title: "CloudTrail trails encrypt logs with KMS",
        severity: Medium,
        service: CloudTrail,
        resource_kind: "cloudtrail_trail",
        best_practices: ["SEC04-BP01", "SEC08-BP01"],
        prowler: ["cloudtrail_kms_encryption_enabled"],
        security_hub: ["CloudTrail.2"],
        config_rule: ["CLOUD_TRAIL_ENCRYPTION_ENABLED"],
        cis: ["3.0:3.5", "4.0:3.5", "5.0:3.5"],
        reads: { CloudTrail: [DescribeTrails] },
        remediation: "Configure the trail to encrypt its logs with a customer-managed KMS key.",
    }
}

impl CloudtrailKmsEncryptionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for trail in &inv.cloudtrail.trails {
            match &trail.kms_key_id {
                Some(key) => out.pass(trail, format!("logs are encrypted with {key}")),
                None => out.fail(trail, "logs are not encrypted with a KMS key"),
            }
        }
    }
}
