//! A Terraform configuration (HCL) of a plan, across regions: each region has a provider of
//! its own (`aws.wasp_REGION`, an alias, so the file sits beside a configuration's default
//! provider without clashing); account-wide steps (IAM, the account's S3 settings) use the
//! first region's.
//!
//! Steps that are whole resources of the AWS provider are declared as those resources (a
//! bucket's public access block, policy, default encryption, versioning and logging; the
//! account's public access block; EBS encryption by default; the password policy; a GuardDuty
//! detector, Security Hub, an Access Analyzer analyzer; AWS Config's recorder, delivery channel
//! and recording status). The others change resources the configuration does not own (a KMS
//! key, a trail, an instance, a security group, access keys, a suspended detector) and go into
//! one `aws_ssm_document` of type Automation per region, which `terraform apply` creates and
//! the user runs.
use super::ssm::{automation, placed};
use super::{
    comments, emittable, home_region, left_out_lines, linked, preamble, title, undo, used_by_others, NOT_OWNED,
};
use crate::plan::{Call, Plan, Step};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use wasp_model::GLOBAL_REGION;

/// An HCL expression.
enum Expr {
    /// A literal from JSON: strings quoted and escaped, objects as object constructors.
    Lit(Value),
    /// `jsonencode(…)` of a JSON literal.
    Json(Value),
    /// Written as is (a reference: `aws.wasp_eu_west_1`, `[aws_x.y]`).
    Raw(String),
}

/// An attribute or a nested block of a body.
enum Item {
    Attr(String, Expr),
    Block(String, Vec<Item>),
}

fn attr(key: &str, value: &Value) -> Item {
    Item::Attr(key.to_owned(), Expr::Lit(value.clone()))
}

/// One resource: its type, the suffix of its name, and its body.
struct Resource {
    ty: &'static str,
    body: Vec<Item>,
}

pub(crate) fn configuration(plan: &Plan) -> Result<String, String> {
    let e = emittable(plan);
    let used = used_by_others(&e.steps);
    let home = super::regions(&e.steps).into_iter().next().unwrap_or_else(|| home_region(&plan.partition).to_owned());
    let region_of = |step: &Step| if step.region == GLOBAL_REGION { home.clone() } else { step.region.clone() };
    let mut native: Vec<(&Step, Vec<Resource>)> = Vec::new();
    let mut automated: BTreeMap<String, Vec<(&Step, &str)>> = BTreeMap::new();
    for step in &e.steps {
        let placed = if linked(step, &used) {
            Err("it passes an output to another step, which Automation does")
        } else {
            resources(step)
        };
        match placed {
            Ok(list) => native.push((step, list)),
            Err(why) => automated.entry(region_of(step)).or_default().push((step, why)),
        }
    }
    let mut providers: Vec<String> =
        native.iter().map(|(s, _)| region_of(s)).chain(automated.keys().cloned()).collect();
    providers.sort_unstable();
    providers.dedup();

    let mut head = preamble(plan, "Terraform configuration");
    head.push("Each resource is one step. Destroying it does what Terraform does for its type (deleting a".to_owned());
    head.push("public access block, disabling GuardDuty …), which is not always the step's undo, written".to_owned());
    head.push("above each resource.".to_owned());
    let document = document_name(plan);
    for (region, steps) in &automated {
        head.push(String::new());
        head.push(format!(
            "{} step(s) in {region} are in the Automation document {document}, which `terraform apply`",
            steps.len()
        ));
        head.push("creates; run it after applying:".to_owned());
        head.push(format!(
            "  aws ssm start-automation-execution --region {region} --document-name {document} --parameters AutomationAssumeRole=ROLE_ARN"
        ));
        for (step, why) in steps {
            head.push(format!("  {}", placed(step, why)));
        }
    }
    let left = left_out_lines(plan, &e.left_out);
    if !left.is_empty() {
        head.push(String::new());
        head.extend(left);
    }
    if e.steps.is_empty() {
        head.push(String::new());
        head.push("Nothing to declare: no step of the plan can be applied.".to_owned());
    }
    let mut out = comments(&head, "");
    for region in &providers {
        out.push('\n');
        let body = vec![attr("alias", &Value::String(alias(region))), attr("region", &Value::String(region.clone()))];
        block(&mut out, "provider \"aws\"", &body, 0);
    }
    for (step, list) in &native {
        out.push('\n');
        let mut lines = vec![title(step)];
        lines.extend(undo(step));
        out.push_str(&comments(&lines, ""));
        let name = resource_name(&step.name);
        for r in list {
            let mut body = vec![Item::Attr("provider".into(), Expr::Raw(format!("aws.{}", alias(&region_of(step)))))];
            body.extend(rename(&r.body, &name));
            block(&mut out, &format!("resource \"{}\" \"{name}\"", r.ty), &body, 0);
        }
    }
    for (region, steps) in &automated {
        out.push('\n');
        let steps: Vec<&Step> = steps.iter().map(|(s, _)| *s).collect();
        let why = format!(
            "These steps are not resources a Terraform configuration can declare ({NOT_OWNED}, or the AWS provider has no \
             resource for it), so Terraform creates this document for you to run."
        );
        let body = vec![
            Item::Attr("provider".into(), Expr::Raw(format!("aws.{}", alias(region)))),
            attr("name", &Value::String(document.clone())),
            attr("document_type", &Value::String("Automation".into())),
            attr("document_format", &Value::String("JSON".into())),
            Item::Attr("content".into(), Expr::Json(automation(plan, &steps, Some(&why)))),
        ];
        block(
            &mut out,
            &format!("resource \"aws_ssm_document\" \"wasp_automation_{}\"", region.replace('-', "_")),
            &body,
            0,
        );
    }
    Ok(out)
}

/// The provider alias of a region: `wasp_eu_west_1`.
fn alias(region: &str) -> String {
    format!("wasp_{}", region.replace('-', "_"))
}

/// `wasp_` and the step's name in letters, digits and `_`.
fn resource_name(step: &str) -> String {
    let tail: String = step.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    format!("wasp_{tail}")
}

/// The Automation document's name: unique per plan, as SSM allows (letters, digits, `_-.`).
fn document_name(plan: &Plan) -> String {
    let what = match &plan.kind {
        crate::plan::PlanKind::Fix => "fix".to_owned(),
        crate::plan::PlanKind::Playbook(id) => id.clone(),
    };
    let name = format!("wasp-{what}-{}", plan.created_at.format("%Y%m%dT%H%M%SZ"));
    name.chars().map(|c| if c.is_ascii_alphanumeric() || "_-.".contains(c) { c } else { '-' }).take(128).collect()
}

/// `{NAME}` in raw expressions (references between one step's resources) becomes the name.
fn rename(items: &[Item], name: &str) -> Vec<Item> {
    items
        .iter()
        .map(|i| match i {
            Item::Attr(k, Expr::Raw(r)) => Item::Attr(k.clone(), Expr::Raw(r.replace("{NAME}", name))),
            Item::Attr(k, Expr::Lit(v)) => Item::Attr(k.clone(), Expr::Lit(v.clone())),
            Item::Attr(k, Expr::Json(v)) => Item::Attr(k.clone(), Expr::Json(v.clone())),
            Item::Block(h, body) => Item::Block(h.clone(), rename(body, name)),
        })
        .collect()
}

/// The call of the step with this operation.
fn op<'a>(step: &'a Step, operation: &str) -> Option<&'a Call> {
    step.calls.iter().find(|c| c.operation == operation)
}

/// Attributes named `to` from the JSON fields `from` that are present.
fn fields(params: &Value, pairs: &[(&str, &str)]) -> Vec<Item> {
    pairs.iter().filter_map(|(from, to)| params.get(*from).filter(|v| !v.is_null()).map(|v| attr(to, v))).collect()
}

const BLOCK_FIELDS: &[(&str, &str)] = &[
    ("BlockPublicAcls", "block_public_acls"),
    ("IgnorePublicAcls", "ignore_public_acls"),
    ("BlockPublicPolicy", "block_public_policy"),
    ("RestrictPublicBuckets", "restrict_public_buckets"),
];

const PASSWORD_FIELDS: &[(&str, &str)] = &[
    ("MinimumPasswordLength", "minimum_password_length"),
    ("RequireLowercaseCharacters", "require_lowercase_characters"),
    ("RequireUppercaseCharacters", "require_uppercase_characters"),
    ("RequireNumbers", "require_numbers"),
    ("RequireSymbols", "require_symbols"),
    ("AllowUsersToChangePassword", "allow_users_to_change_password"),
    ("MaxPasswordAge", "max_password_age"),
    ("PasswordReusePrevention", "password_reuse_prevention"),
    ("HardExpiry", "hard_expiry"),
];

/// The provider's resources that make the step's change; or why the step goes to the
/// Automation document.
fn resources(step: &Step) -> Result<Vec<Resource>, &'static str> {
    let only = |operation: &str| step.calls.len() == 1 && step.calls[0].operation == operation;
    let p = step.calls.first().map(|c| &c.params).unwrap_or(&Value::Null);
    let one = |ty: &'static str, body: Vec<Item>| Ok(vec![Resource { ty, body }]);
    match step.action.as_str() {
        "s3_bucket_block_public_access" if only("PutPublicAccessBlock") => {
            let mut body = vec![attr("bucket", &p["Bucket"])];
            body.extend(fields(&p["PublicAccessBlockConfiguration"], BLOCK_FIELDS));
            one("aws_s3_bucket_public_access_block", body)
        }
        "s3_account_block_public_access" if only("PutPublicAccessBlock") => {
            let mut body = vec![attr("account_id", &p["AccountId"])];
            body.extend(fields(&p["PublicAccessBlockConfiguration"], BLOCK_FIELDS));
            one("aws_s3_account_public_access_block", body)
        }
        "s3_bucket_require_tls" if only("PutBucketPolicy") => {
            let policy: Value = p["Policy"]
                .as_str()
                .and_then(|s| serde_json::from_str(s).ok())
                .ok_or("the planned policy is not JSON")?;
            one(
                "aws_s3_bucket_policy",
                vec![attr("bucket", &p["Bucket"]), Item::Attr("policy".into(), Expr::Json(policy))],
            )
        }
        "s3_bucket_default_encryption" if only("PutBucketEncryption") => {
            let rule = &p["ServerSideEncryptionConfiguration"]["Rules"][0];
            let by_default = &rule["ApplyServerSideEncryptionByDefault"];
            let inner =
                fields(by_default, &[("SSEAlgorithm", "sse_algorithm"), ("KMSMasterKeyID", "kms_master_key_id")]);
            if inner.is_empty() {
                return Err("the planned encryption rule has no algorithm");
            }
            let mut rule_body = vec![Item::Block("apply_server_side_encryption_by_default".into(), inner)];
            rule_body.extend(fields(rule, &[("BucketKeyEnabled", "bucket_key_enabled")]));
            one(
                "aws_s3_bucket_server_side_encryption_configuration",
                vec![attr("bucket", &p["Bucket"]), Item::Block("rule".into(), rule_body)],
            )
        }
        "s3_bucket_enable_versioning" if only("PutBucketVersioning") => one(
            "aws_s3_bucket_versioning",
            vec![
                attr("bucket", &p["Bucket"]),
                Item::Block(
                    "versioning_configuration".into(),
                    fields(&p["VersioningConfiguration"], &[("Status", "status")]),
                ),
            ],
        ),
        "s3_bucket_enable_access_logging" if only("PutBucketLogging") => {
            let logging = &p["BucketLoggingStatus"]["LoggingEnabled"];
            if !logging.is_object() {
                return Err("the step turns logging off, which is no resource");
            }
            let mut body = vec![attr("bucket", &p["Bucket"])];
            body.extend(fields(logging, &[("TargetBucket", "target_bucket"), ("TargetPrefix", "target_prefix")]));
            one("aws_s3_bucket_logging", body)
        }
        "ec2_enable_ebs_encryption_by_default" if only("EnableEbsEncryptionByDefault") => {
            one("aws_ebs_encryption_by_default", vec![attr("enabled", &Value::Bool(true))])
        }
        "iam_strengthen_password_policy" if only("UpdateAccountPasswordPolicy") => {
            one("aws_iam_account_password_policy", fields(p, PASSWORD_FIELDS))
        }
        "guardduty_enable" if only("CreateDetector") => {
            one("aws_guardduty_detector", fields(p, &[("Enable", "enable")]))
        }
        "guardduty_enable" => Err("the region's detector exists (suspended); Terraform would have to import it first"),
        "securityhub_enable" if only("EnableSecurityHub") => {
            one("aws_securityhub_account", fields(p, &[("EnableDefaultStandards", "enable_default_standards")]))
        }
        "accessanalyzer_enable" if only("CreateAnalyzer") => {
            one("aws_accessanalyzer_analyzer", fields(p, &[("analyzerName", "analyzer_name"), ("type", "type")]))
        }
        "config_start_recording" => config(step),
        _ => Err(NOT_OWNED),
    }
}

/// AWS Config: the recorder and delivery channel the step creates, and the recording status.
fn config(step: &Step) -> Result<Vec<Resource>, &'static str> {
    let start = op(step, "StartConfigurationRecorder").ok_or("the step does not start a recorder")?;
    let mut out = Vec::new();
    let mut after: Option<&str> = None;
    if let Some(call) = op(step, "PutConfigurationRecorder") {
        let r = &call.params["ConfigurationRecorder"];
        let mut body = fields(r, &[("name", "name"), ("roleARN", "role_arn")]);
        body.push(Item::Block(
            "recording_group".into(),
            fields(
                &r["recordingGroup"],
                &[("allSupported", "all_supported"), ("includeGlobalResourceTypes", "include_global_resource_types")],
            ),
        ));
        out.push(Resource { ty: "aws_config_configuration_recorder", body });
        after = Some("aws_config_configuration_recorder");
    }
    if let Some(call) = op(step, "PutDeliveryChannel") {
        let c = &call.params["DeliveryChannel"];
        let mut body = fields(c, &[("name", "name"), ("s3BucketName", "s3_bucket_name")]);
        if let Some(dep) = after {
            body.push(Item::Attr("depends_on".into(), Expr::Raw(format!("[{dep}.{{NAME}}]"))));
        }
        out.push(Resource { ty: "aws_config_delivery_channel", body });
        after = Some("aws_config_delivery_channel");
    }
    let mut body =
        vec![attr("name", &start.params["ConfigurationRecorderName"]), attr("is_enabled", &Value::Bool(true))];
    if let Some(dep) = after {
        body.push(Item::Attr("depends_on".into(), Expr::Raw(format!("[{dep}.{{NAME}}]"))));
    }
    out.push(Resource { ty: "aws_config_configuration_recorder_status", body });
    Ok(out)
}

/// `HEAD {` body `}` at `indent` spaces.
fn block(out: &mut String, head: &str, body: &[Item], indent: usize) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{head} {{");
    let mut i = 0;
    while i < body.len() {
        match &body[i] {
            Item::Block(h, inner) => {
                block(out, h, inner, indent + 2);
                i += 1;
            }
            Item::Attr(..) => {
                // A run of attributes, their `=` aligned as `terraform fmt` aligns them.
                let end = body[i..].iter().position(|x| matches!(x, Item::Block(..))).map_or(body.len(), |p| i + p);
                let width =
                    body[i..end].iter().map(|x| if let Item::Attr(k, _) = x { k.len() } else { 0 }).max().unwrap_or(0);
                for item in &body[i..end] {
                    if let Item::Attr(k, v) = item {
                        let _ = writeln!(out, "{pad}  {k:<width$} = {}", expr(v, indent + 2));
                    }
                }
                i = end;
            }
        }
    }
    let _ = writeln!(out, "{pad}}}");
}

fn expr(e: &Expr, indent: usize) -> String {
    match e {
        Expr::Lit(v) => literal(v, indent),
        Expr::Json(v) => format!("jsonencode({})", literal(v, indent)),
        Expr::Raw(r) => r.clone(),
    }
}

/// A JSON value as an HCL literal, nested values indented below `indent`.
fn literal(v: &Value, indent: usize) -> String {
    let pad = " ".repeat(indent + 2);
    let close = " ".repeat(indent);
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => quote(s),
        Value::Array(items) if items.is_empty() => "[]".to_owned(),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(|i| format!("{pad}{},\n", literal(i, indent + 2))).collect();
            format!("[\n{}{close}]", inner.concat())
        }
        Value::Object(map) if map.is_empty() => "{}".to_owned(),
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().map(|k| key(k)).collect();
            let width = keys.iter().map(String::len).max().unwrap_or(0);
            let inner: Vec<String> = keys
                .iter()
                .zip(map.values())
                .map(|(k, v)| format!("{pad}{k:<width$} = {}\n", literal(v, indent + 2)))
                .collect();
            format!("{{\n{}{close}}}", inner.concat())
        }
    }
}

/// An object key: bare when it is an identifier (and no keyword), quoted otherwise.
fn key(k: &str) -> String {
    let identifier = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !matches!(k, "true" | "false" | "null" | "for" | "in" | "if");
    if identifier {
        k.to_owned()
    } else {
        quote(k)
    }
}

/// A quoted HCL string: escapes, and `${` and `%{` doubled so they stay text, not templates
/// (IAM policy variables such as `${aws:username}` stay as written).
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_are_quoted_so_nothing_in_them_is_a_template() {
        assert_eq!(quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quote("${aws:username} %{if}"), r#""$${aws:username} %%{if}""#);
        assert_eq!(quote("$ and % alone"), r#""$ and % alone""#);
        assert_eq!(quote("line\nbreak\u{7}"), r#""line\nbreak\u0007""#);
        assert_eq!(key("Version"), "Version");
        assert_eq!(key("aws:SecureTransport"), r#""aws:SecureTransport""#);
        assert_eq!(literal(&json!({"a": [1, true, null]}), 0), "{\n  a = [\n    1,\n    true,\n    null,\n  ]\n}");
    }
}
