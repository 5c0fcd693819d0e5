use crate::{declare_check, evidence, policy};
use serde_json::Value;
use wasp_model::iam::{statements, string_or_list};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// The bucket policy has a `Deny` statement that refuses requests made without TLS to
    /// everyone, for every S3 action, on every object of the bucket:
    /// - the principal is `"*"` or `{"AWS": "*"}`;
    /// - `Action` (string or list) has a pattern covering all S3 actions (`s3:*` or `*`);
    /// - `Resource` has a pattern covering every object (`<bucket ARN>/*`, `*`, or a wider
    ///   wildcard);
    /// - the only condition is `Bool` (or `BoolIfExists`) on `aws:SecureTransport` with the
    ///   value `false`, as a boolean or a string. Extra conditions narrow the deny, so such a
    ///   statement does not count.
    ///
    /// FAIL when the bucket has no policy or no such statement; SKIP when the policy could not
    /// be read.
    ///
    /// ### Why it matters
    /// S3 still accepts plain HTTP. Without the deny, a misconfigured client or SDK can send
    /// credentials-signed requests and object data in clear text across networks you do not
    /// control.
    ///
    /// ### How to fix
    /// Add a statement `{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource":
    /// ["<bucket ARN>", "<bucket ARN>/*"], "Condition": {"Bool": {"aws:SecureTransport":
    /// "false"}}}` to the bucket policy.
    S3BucketSecureTransportRequired {
        id: "s3_bucket_secure_transport_required",
        title: "S3 bucket policies deny requests made without TLS",
        severity: Medium,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC09-BP02"],
        prowler: ["s3_bucket_secure_transport_policy"],
        security_hub: ["S3.5"],
        config_rule: ["S3_BUCKET_SSL_REQUESTS_ONLY"],
        cis: ["3.0:2.1.1", "4.0:2.1.1", "5.0:2.1.1"],
        reads: { S3: [ListBuckets, GetBucketLocation, GetBucketPolicy] },
        remediation: "Add a Deny statement for aws:SecureTransport false to the bucket policy.",
    }
}

/// A condition value that means "false": the boolean, the string, or a list holding either.
fn is_false(value: &Value) -> bool {
    match value {
        Value::Bool(b) => !b,
        Value::String(s) => s.eq_ignore_ascii_case("false"),
        Value::Array(list) => list.iter().any(is_false),
        _ => false,
    }
}

/// The statement's only condition is `aws:SecureTransport` being false.
fn only_insecure_transport(statement: &Value) -> bool {
    let Some(Value::Object(condition)) = statement.get("Condition") else {
        return false;
    };
    let mut blocks = condition.iter();
    let (Some((operator, Value::Object(keys))), None) = (blocks.next(), blocks.next()) else {
        return false;
    };
    (operator == "Bool" || operator == "BoolIfExists")
        && keys.len() == 1
        && keys.iter().all(|(key, value)| key.eq_ignore_ascii_case("aws:SecureTransport") && is_false(value))
}

fn denies_insecure_transport(statement: &Value, bucket_arn: &str) -> bool {
    let every_object = format!("{bucket_arn}/*");
    policy::effect_is(statement, "Deny")
        && policy::principal_is_everyone(statement.get("Principal"))
        && policy::statement_covers_action(statement, "s3:*")
        && string_or_list(statement.get("Resource")).iter().any(|r| policy::glob_match(r, &every_object))
        && only_insecure_transport(statement)
}

impl S3BucketSecureTransportRequired {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for bucket in &inv.s3.buckets {
            match &bucket.policy {
                None => out.skip(bucket, evidence::unknown_for_resource(inv, &bucket.arn, "the bucket policy")),
                Some(Setting::NotConfigured) => out.fail(bucket, "no bucket policy, so plain HTTP is accepted"),
                Some(Setting::Configured(policy)) => {
                    if statements(policy).into_iter().any(|s| denies_insecure_transport(s, &bucket.arn)) {
                        out.pass(bucket, "the bucket policy denies requests without TLS");
                    } else {
                        out.fail(bucket, "no policy statement denies requests without TLS");
                    }
                }
            }
        }
    }
}
