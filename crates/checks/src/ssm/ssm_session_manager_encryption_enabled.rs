use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// In every scanned region, the Session Manager preferences name a KMS key (`kmsKeyId`)
    /// that encrypts session data between the client and the managed node on top of TLS.
    /// Preferences without a key fail, and so does a region where they were never saved.
    /// SKIP when the document could not be read.
    ///
    /// ### Why it matters
    /// With a KMS key, a session can only be opened by principals allowed to use the key, and
    /// session data stays encrypted end to end even where TLS is terminated.
    ///
    /// ### How to fix
    /// In Session Manager > Preferences, turn on KMS encryption with a customer managed key,
    /// and allow `kms:Decrypt` for the users and the nodes' role.
    SsmSessionManagerEncryptionEnabled {
        id: "ssm_session_manager_encryption_enabled",
        title: "Session Manager encrypts session data with a KMS key",
        severity: Low,
        service: Ssm,
        resource_kind: "region",
        best_practices: ["SEC09-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ssm: [GetDocument] },
        remediation: "Set a KMS key for session encryption in the Session Manager preferences.",
    }
}

impl SsmSessionManagerEncryptionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            let (status, message) = match inv.ssm.regions.get(region).and_then(|r| r.session_preferences.as_ref()) {
                Some(Setting::Configured(p)) => match &p.kms_key_id {
                    Some(key) => (Status::Pass, format!("session data is encrypted with {key}")),
                    None => (Status::Fail, "the preferences name no KMS key for session data".to_owned()),
                },
                Some(Setting::NotConfigured) => {
                    (Status::Fail, "Session Manager preferences were never saved: no KMS encryption".to_owned())
                }
                None => (Status::Skip, super::unknown(inv, region, "GetDocument", "the Session Manager preferences")),
            };
            out.in_region(status, "ssm", region, message);
        }
    }
}
