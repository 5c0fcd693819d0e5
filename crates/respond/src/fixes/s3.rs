//! S3: public access blocks, TLS-only policies, default encryption, versioning, access logs.
use super::{call, observed, resource, step};
use crate::action::{Action, ActionKind, Param, PlanContext, Reversible};
use crate::plan::Step;
use serde_json::{json, Value};
use wasp_checks::Finding;
use wasp_model::s3::{Bucket, PublicAccessBlock, VersioningStatus};

/// The statement the TLS-only fix adds; its Sid lets a later run recognise it.
pub const TLS_SID: &str = "WaspDenyInsecureTransport";

fn bucket<'a>(cx: &'a PlanContext<'_>, finding: &Finding) -> Result<&'a Bucket, String> {
    let arn = resource(finding)?;
    cx.inventory.s3.buckets.iter().find(|b| b.arn == arn).ok_or_else(|| format!("bucket {arn} is not in the evidence"))
}

fn block_json(p: &PublicAccessBlock) -> Value {
    json!({
        "BlockPublicAcls": p.block_public_acls,
        "IgnorePublicAcls": p.ignore_public_acls,
        "BlockPublicPolicy": p.block_public_policy,
        "RestrictPublicBuckets": p.restrict_public_buckets,
    })
}

const ALL_BLOCKED: PublicAccessBlock = PublicAccessBlock {
    block_public_acls: true,
    ignore_public_acls: true,
    block_public_policy: true,
    restrict_public_buckets: true,
};

fn observe_block(answer: &Value, _: &Step) -> Value {
    observe_bucket_block(answer)
}

pub static BUCKET_PUBLIC_ACCESS_BLOCK: Action = Action {
    id: "s3_bucket_block_public_access",
    kind: ActionKind::Fix,
    title: "Block public access to a bucket",
    changes: "Sets all four settings of the bucket's public access block. Public ACLs and public \
              bucket policies stop granting access; a bucket that serves a public website stops \
              serving it.",
    calls: &["s3:GetPublicAccessBlock", "s3:PutPublicAccessBlock", "s3:DeletePublicAccessBlock"],
    permissions: &["s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"],
    reversible: Reversible::Yes,
    remediates: &["s3_bucket_public_access_block_enabled", "s3_bucket_policy_not_public", "s3_bucket_acl_not_public"],
    params: &[],
    plan: Some(plan_bucket_block),
    observe: observe_block,
};

fn plan_bucket_block(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let b = bucket(cx, finding)?;
    let current = observed(b.public_access_block.as_ref(), "the bucket's public access block")?;
    let s = step(finding, String::new(), Value::Null, Value::Null);
    Ok(bucket_block_step(s, &b.name, current.map(block_json).unwrap_or(Value::Null)))
}

/// Fills `s` with the change that sets all four settings of the bucket's public access block,
/// from `current` (the configuration as `GetPublicAccessBlock` answers it, `null`: none). The
/// fix and the `make-bucket-private` playbook both plan with it.
pub(crate) fn bucket_block_step(mut s: Step, bucket: &str, current: Value) -> Step {
    let target = json!({"Bucket": bucket});
    s.summary = format!("block all public access to bucket {bucket}");
    s.intended = block_json(&ALL_BLOCKED);
    s.probe = Some(call("s3", "GetPublicAccessBlock", target.clone()));
    s.calls = vec![call(
        "s3",
        "PutPublicAccessBlock",
        json!({"Bucket": bucket, "PublicAccessBlockConfiguration": block_json(&ALL_BLOCKED)}),
    )];
    s.rollback = vec![if current.is_null() {
        call("s3", "DeletePublicAccessBlock", target)
    } else {
        call("s3", "PutPublicAccessBlock", json!({"Bucket": bucket, "PublicAccessBlockConfiguration": current}))
    }];
    s.current = current;
    s
}

/// The public access block as `GetPublicAccessBlock` answers it, `null` when there is none.
pub(crate) fn observe_bucket_block(answer: &Value) -> Value {
    answer.get("PublicAccessBlockConfiguration").cloned().unwrap_or(Value::Null)
}

/// Whether a block (as answered) has all four settings on.
pub(crate) fn fully_blocked(block: &Value) -> bool {
    *block == block_json(&ALL_BLOCKED)
}

pub static ACCOUNT_PUBLIC_ACCESS_BLOCK: Action = Action {
    id: "s3_account_block_public_access",
    kind: ActionKind::Fix,
    title: "Block public access to every bucket of the account",
    changes: "Sets all four settings of the account's S3 public access block, which applies to every \
              bucket, present and future, whatever its own settings.",
    calls: &["s3control:GetPublicAccessBlock", "s3control:PutPublicAccessBlock", "s3control:DeletePublicAccessBlock"],
    permissions: &["s3:GetAccountPublicAccessBlock", "s3:PutAccountPublicAccessBlock"],
    reversible: Reversible::Yes,
    remediates: &["s3_account_public_access_block_enabled"],
    params: &[],
    plan: Some(plan_account_block),
    observe: observe_block,
};

fn plan_account_block(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let inv = cx.inventory;
    let current = observed(inv.s3.account_public_access_block.as_ref(), "the account's public access block")?;
    let account = json!({"AccountId": inv.account_id});
    let mut s = step(
        finding,
        format!("block public access to every bucket of account {}", inv.account_id),
        current.map(block_json).unwrap_or(Value::Null),
        block_json(&ALL_BLOCKED),
    );
    s.probe = Some(call("s3control", "GetPublicAccessBlock", account.clone()));
    s.calls = vec![call(
        "s3control",
        "PutPublicAccessBlock",
        json!({"AccountId": inv.account_id, "PublicAccessBlockConfiguration": block_json(&ALL_BLOCKED)}),
    )];
    s.rollback = vec![match current {
        Some(p) => call(
            "s3control",
            "PutPublicAccessBlock",
            json!({"AccountId": inv.account_id, "PublicAccessBlockConfiguration": block_json(p)}),
        ),
        None => call("s3control", "DeletePublicAccessBlock", account),
    }];
    Ok(s)
}

fn observe_policy(answer: &Value, _: &Step) -> Value {
    match answer.get("Policy").and_then(Value::as_str) {
        Some(text) => serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned())),
        None => Value::Null,
    }
}

pub static BUCKET_TLS_ONLY: Action = Action {
    id: "s3_bucket_require_tls",
    kind: ActionKind::Fix,
    title: "Deny requests to a bucket made without TLS",
    changes: "Adds one Deny statement for aws:SecureTransport false to the bucket policy, keeping every \
              existing statement; creates the policy when there is none.",
    calls: &["s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"],
    permissions: &["s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"],
    reversible: Reversible::Yes,
    remediates: &["s3_bucket_secure_transport_required"],
    params: &[],
    plan: Some(plan_tls_only),
    observe: observe_policy,
};

/// The bucket policy with the TLS-only statement added (replacing an earlier one of ours).
pub fn with_tls_statement(policy: Option<&Value>, bucket_arn: &str) -> Result<Value, String> {
    let deny = json!({
        "Sid": TLS_SID,
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": [bucket_arn, format!("{bucket_arn}/*")],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    });
    let mut doc = policy.cloned().unwrap_or_else(|| json!({"Version": "2012-10-17", "Statement": []}));
    let Some(map) = doc.as_object_mut() else {
        return Err("the bucket policy is not a JSON object".to_owned());
    };
    let statements = match map.remove("Statement") {
        None => Vec::new(),
        Some(Value::Array(list)) => list,
        Some(one @ Value::Object(_)) => vec![one],
        Some(_) => return Err("the bucket policy's Statement is neither a list nor an object".to_owned()),
    };
    let mut statements: Vec<Value> =
        statements.into_iter().filter(|s| s.get("Sid").and_then(Value::as_str) != Some(TLS_SID)).collect();
    statements.push(deny);
    map.insert("Statement".to_owned(), Value::Array(statements));
    Ok(doc)
}

fn plan_tls_only(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let b = bucket(cx, finding)?;
    let current = observed(b.policy.as_ref(), "the bucket policy")?;
    let intended = with_tls_statement(current, &b.arn)?;
    let mut s = step(
        finding,
        format!("add a statement denying non-TLS requests to the policy of bucket {}", b.name),
        current.cloned().unwrap_or(Value::Null),
        intended.clone(),
    );
    s.probe = Some(call("s3", "GetBucketPolicy", json!({"Bucket": b.name})));
    s.calls = vec![call("s3", "PutBucketPolicy", json!({"Bucket": b.name, "Policy": intended.to_string()}))];
    s.rollback = vec![match current {
        Some(p) => call("s3", "PutBucketPolicy", json!({"Bucket": b.name, "Policy": p.to_string()})),
        None => call("s3", "DeleteBucketPolicy", json!({"Bucket": b.name})),
    }];
    Ok(s)
}

fn observe_encryption(answer: &Value, _: &Step) -> Value {
    answer
        .pointer("/ServerSideEncryptionConfiguration/Rules/0/ApplyServerSideEncryptionByDefault")
        .cloned()
        .unwrap_or(Value::Null)
}

pub static BUCKET_DEFAULT_ENCRYPTION: Action = Action {
    id: "s3_bucket_default_encryption",
    kind: ActionKind::Fix,
    title: "Encrypt new objects of a bucket by default",
    changes: "Sets the bucket's default encryption: SSE-S3, or SSE-KMS with the key given as kms_key. \
              Existing objects keep the encryption they were written with.",
    calls: &["s3:GetBucketEncryption", "s3:PutBucketEncryption", "s3:DeleteBucketEncryption"],
    permissions: &["s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration"],
    reversible: Reversible::Yes,
    remediates: &["s3_bucket_default_encryption_enabled", "s3_bucket_default_encryption_kms"],
    params: &[Param {
        name: "kms_key",
        help: "a KMS key id or ARN: encrypt with SSE-KMS and this key (needed for s3_bucket_default_encryption_kms)",
        required: false,
    }],
    plan: Some(plan_encryption),
    observe: observe_encryption,
};

fn plan_encryption(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let b = bucket(cx, finding)?;
    let current = observed(b.encryption.as_ref(), "the bucket's default encryption")?;
    let as_json = |algorithm: &str, key: Option<&str>| match key {
        Some(key) => json!({"SSEAlgorithm": algorithm, "KMSMasterKeyID": key}),
        None => json!({"SSEAlgorithm": algorithm}),
    };
    let key = BUCKET_DEFAULT_ENCRYPTION.param(cx, "kms_key");
    let intended = match key {
        Some(key) => as_json("aws:kms", Some(key)),
        None => as_json("AES256", None),
    };
    let rule = |by_default: &Value| json!({"Rules": [{"ApplyServerSideEncryptionByDefault": by_default, "BucketKeyEnabled": by_default["SSEAlgorithm"] != "AES256"}]});
    let current_json = current.map(|e| as_json(e.algorithm.as_str(), e.kms_key_id.as_deref()));
    let mut s = step(
        finding,
        match key {
            Some(key) => format!("encrypt new objects of bucket {} with KMS key {key}", b.name),
            None => format!("encrypt new objects of bucket {} with S3-managed keys (SSE-S3)", b.name),
        },
        current_json.clone().unwrap_or(Value::Null),
        intended.clone(),
    );
    if finding.check_id == "s3_bucket_default_encryption_kms" && key.is_none() {
        s.blocked = Some("needs --param kms_key=KEY_ID_OR_ARN: this check asks for a customer-chosen KMS key".into());
    }
    s.probe = Some(call("s3", "GetBucketEncryption", json!({"Bucket": b.name})));
    s.calls = vec![call(
        "s3",
        "PutBucketEncryption",
        json!({"Bucket": b.name, "ServerSideEncryptionConfiguration": rule(&intended)}),
    )];
    s.rollback = vec![match &current_json {
        Some(c) => {
            call("s3", "PutBucketEncryption", json!({"Bucket": b.name, "ServerSideEncryptionConfiguration": rule(c)}))
        }
        None => call("s3", "DeleteBucketEncryption", json!({"Bucket": b.name})),
    }];
    Ok(s)
}

fn observe_versioning(answer: &Value, _: &Step) -> Value {
    answer.get("Status").cloned().unwrap_or(Value::Null)
}

pub static BUCKET_VERSIONING: Action = Action {
    id: "s3_bucket_enable_versioning",
    kind: ActionKind::Fix,
    title: "Keep every version of a bucket's objects",
    changes: "Enables versioning: overwritten and deleted objects stay recoverable (and are billed) \
              until a lifecycle rule expires them.",
    calls: &["s3:GetBucketVersioning", "s3:PutBucketVersioning"],
    permissions: &["s3:GetBucketVersioning", "s3:PutBucketVersioning"],
    reversible: Reversible::Partly(
        "a versioned bucket can be suspended, never made unversioned again; versions kept meanwhile stay",
    ),
    remediates: &["s3_bucket_versioning_enabled"],
    params: &[],
    plan: Some(plan_versioning),
    observe: observe_versioning,
};

fn plan_versioning(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let b = bucket(cx, finding)?;
    let status = b.versioning.as_ref().ok_or("the bucket's versioning was not read; scan again before fixing")?.status;
    let current = match status {
        VersioningStatus::Never => Value::Null,
        VersioningStatus::Enabled => json!("Enabled"),
        VersioningStatus::Suspended => json!("Suspended"),
    };
    let mut s = step(finding, format!("enable versioning of bucket {}", b.name), current, json!("Enabled"));
    s.probe = Some(call("s3", "GetBucketVersioning", json!({"Bucket": b.name})));
    s.calls = vec![call(
        "s3",
        "PutBucketVersioning",
        json!({"Bucket": b.name, "VersioningConfiguration": {"Status": "Enabled"}}),
    )];
    s.rollback = vec![call(
        "s3",
        "PutBucketVersioning",
        json!({"Bucket": b.name, "VersioningConfiguration": {"Status": "Suspended"}}),
    )];
    Ok(s)
}

fn observe_logging(answer: &Value, _: &Step) -> Value {
    answer.get("LoggingEnabled").cloned().unwrap_or(Value::Null)
}

pub static BUCKET_ACCESS_LOGGING: Action = Action {
    id: "s3_bucket_enable_access_logging",
    kind: ActionKind::Fix,
    title: "Log requests to a bucket",
    changes: "Turns on server access logging to the bucket given as log_bucket, under the prefix \
              log_prefix (default: the bucket's name and /). The target bucket must allow the S3 \
              logging service to write.",
    calls: &["s3:GetBucketLogging", "s3:PutBucketLogging"],
    permissions: &["s3:GetBucketLogging", "s3:PutBucketLogging"],
    reversible: Reversible::Yes,
    remediates: &["s3_bucket_access_logging_enabled"],
    params: &[
        Param { name: "log_bucket", help: "the bucket that receives the access logs", required: true },
        Param { name: "log_prefix", help: "the key prefix of the logs (default: BUCKET/)", required: false },
    ],
    plan: Some(plan_logging),
    observe: observe_logging,
};

fn plan_logging(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let b = bucket(cx, finding)?;
    let current = observed(b.logging.as_ref(), "the bucket's access logging")?;
    let target = BUCKET_ACCESS_LOGGING.param(cx, "log_bucket");
    let prefix = BUCKET_ACCESS_LOGGING.param(cx, "log_prefix").map(str::to_owned).unwrap_or(format!("{}/", b.name));
    let intended = json!({"TargetBucket": target.unwrap_or("LOG_BUCKET"), "TargetPrefix": prefix});
    let current_json = current.map(|l| json!({"TargetBucket": l.target_bucket, "TargetPrefix": l.target_prefix}));
    let mut s = step(
        finding,
        format!("log requests to bucket {} into {}", b.name, target.unwrap_or("the log bucket")),
        current_json.clone().unwrap_or(Value::Null),
        intended.clone(),
    );
    if target.is_none() {
        s.blocked = Some("needs --param log_bucket=BUCKET: the bucket that receives the logs".into());
    }
    if target == Some(b.name.as_str()) {
        s.blocked =
            Some("a bucket logging into itself logs its own log writes without end; choose another log_bucket".into());
    }
    s.probe = Some(call("s3", "GetBucketLogging", json!({"Bucket": b.name})));
    s.calls = vec![call(
        "s3",
        "PutBucketLogging",
        json!({"Bucket": b.name, "BucketLoggingStatus": {"LoggingEnabled": intended}}),
    )];
    s.rollback = vec![call(
        "s3",
        "PutBucketLogging",
        json!({"Bucket": b.name, "BucketLoggingStatus": match current_json { Some(c) => json!({"LoggingEnabled": c}), None => json!({}) }}),
    )];
    Ok(s)
}
