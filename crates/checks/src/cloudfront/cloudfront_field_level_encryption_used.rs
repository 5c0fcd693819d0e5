use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// A signal, one finding per distribution: PASS when a cache behaviour of the
    /// distribution has a field-level encryption configuration, which encrypts chosen fields
    /// of POST requests at the edge with your public key so that only the holders of the
    /// private key, deep in the application, can read them; FAIL when none has.
    ///
    /// ### Why it matters
    /// Field-level encryption keeps the most sensitive values (card numbers, identity numbers)
    /// unreadable to every layer between the edge and the one component that needs them: a
    /// sign that data protection follows data sensitivity. Most distributions have no such
    /// fields, so the absence decides nothing.
    ///
    /// ### How to fix
    /// Where a form carries sensitive fields, create a field-level encryption profile and
    /// configuration and attach it to the cache behaviour that receives the form.
    CloudfrontFieldLevelEncryptionUsed {
        id: "cloudfront_field_level_encryption_used",
        title: "CloudFront field-level encryption protects sensitive form fields",
        severity: Informational,
        kind: Signal,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC07-BP02"],
        prowler: ["cloudfront_distributions_field_level_encryption_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CloudFront: [ListDistributions] },
        remediation: "Attach a field-level encryption configuration where forms carry sensitive fields.",
    }
}

impl CloudfrontFieldLevelEncryptionUsed {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in &inv.cloudfront.distributions {
            let used: Vec<String> = d
                .cache_behaviors
                .iter()
                .filter(|b| b.field_level_encryption_id.as_deref().is_some_and(|id| !id.is_empty()))
                .map(super::behavior_label)
                .collect();
            if used.is_empty() {
                out.fail(d, "no cache behaviour uses field-level encryption");
            } else {
                out.pass(d, format!("field-level encryption on {}", used.join(", ")));
            }
        }
    }
}
