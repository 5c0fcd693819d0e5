//! A CloudFormation template (YAML) of a plan for one region: a stack is regional, so a plan
//! across regions is refused with its regions named (plan one region at a time).
//!
//! CloudFormation declares few of the changes as resources of their own: a GuardDuty detector,
//! a Security Hub hub, an Access Analyzer analyzer, an AWS Config recorder with its delivery
//! channel (CloudFormation starts the recorder once the channel exists), and a bucket policy on
//! a bucket that has none (`AWS::S3::BucketPolicy` fails on a bucket that already has one).
//! There is no resource for the account's S3 public access block, EBS encryption by default or
//! the IAM password policy, and a stack cannot change a bucket, key, trail, instance, security
//! group or access key it does not own: those steps are in an `AWS::SSM::Document` of type
//! Automation the stack creates and the user runs.
use super::ssm::{automation, nothing_to_emit, placed};
use super::yaml::to_yaml;
use super::{comments, emittable, left_out_lines, linked, preamble, regions, title, undo, used_by_others, NOT_OWNED};
use crate::plan::{Call, Plan, Step};
use serde_json::{json, Map, Value};

const AUTOMATION: &str = "WaspAutomation";

pub(crate) fn template(plan: &Plan) -> Result<String, String> {
    let e = emittable(plan);
    let regions = regions(&e.steps);
    if regions.len() > 1 {
        return Err(format!(
            "a CloudFormation stack is regional, and the plan has steps in {}; plan one region at a time with --region",
            regions.join(", ")
        ));
    }
    if e.steps.is_empty() {
        return Err(nothing_to_emit(plan));
    }
    let used = used_by_others(&e.steps);
    let mut native: Vec<(&Step, Vec<(String, Value)>)> = Vec::new();
    let mut automated: Vec<(&Step, &str)> = Vec::new();
    for step in &e.steps {
        if linked(step, &used) {
            automated.push((step, "it passes an output to another step, which Automation does"));
            continue;
        }
        match resources(step) {
            Ok(list) => native.push((step, list)),
            Err(why) => automated.push((step, why)),
        }
    }
    let region = regions.first().map_or("any region", String::as_str);
    let mut head = preamble(plan, "a CloudFormation template");
    head.push(format!("Deploy it as a stack in {region}. Deleting the stack deletes the resources it created."));
    if !automated.is_empty() {
        head.push(String::new());
        head.push(format!(
            "{} step(s) are in the Automation document {AUTOMATION}, which the stack creates; run it",
            automated.len()
        ));
        head.push("after deploying (its name is the stack's output AutomationDocument):".to_owned());
        head.push(
            "  aws ssm start-automation-execution --document-name NAME --parameters AutomationAssumeRole=ROLE_ARN"
                .to_owned(),
        );
        for (step, why) in &automated {
            head.push(format!("  {}", placed(step, why)));
        }
    }
    let left = left_out_lines(plan, &e.left_out);
    if !left.is_empty() {
        head.push(String::new());
        head.extend(left);
    }
    let mut out = comments(&head, "");
    out.push_str(&to_yaml(
        &json!({
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": format!(
                "{} for account {} in {region}, {} step(s); review before deploying.",
                super::what(plan),
                plan.account_id,
                e.steps.len()
            ),
        }),
        0,
    ));
    out.push_str("Resources:\n");
    let mut bases: Vec<String> = vec![AUTOMATION.to_owned()];
    for (step, list) in &native {
        let mut lines = vec![title(step)];
        lines.extend(undo(step));
        out.push_str(&comments(&lines, "  "));
        let base = logical_id(&step.name, &bases);
        bases.push(base.clone());
        for (suffix, resource) in list {
            let id = format!("{base}{suffix}");
            let mut resource = resource.clone();
            // Resources of one step depend on each other in the order listed.
            if let Some(dep) = resource.get("DependsOn").and_then(Value::as_str).map(|s| format!("{base}{s}")) {
                resource["DependsOn"] = json!(dep);
            }
            out.push_str(&to_yaml(&json!({ id: resource }), 2));
        }
    }
    if !automated.is_empty() {
        let steps: Vec<&Step> = automated.iter().map(|(s, _)| *s).collect();
        let why = format!(
            "These steps are not resources a CloudFormation stack can declare ({NOT_OWNED}, or no resource type exists), \
             so the stack creates this document for you to run."
        );
        out.push_str(&comments(
            &["The steps a stack cannot declare: run this document after deploying.".to_owned()],
            "  ",
        ));
        let doc = json!({
            AUTOMATION: {
                "Type": "AWS::SSM::Document",
                "Properties": {
                    "DocumentType": "Automation",
                    "Content": automation(plan, &steps, Some(&why)),
                }
            }
        });
        out.push_str(&to_yaml(&doc, 2));
        out.push_str(&to_yaml(
            &json!({
                "Outputs": {
                    "AutomationDocument": {
                        "Description": "The Automation document to run after deploying.",
                        "Value": {"Ref": AUTOMATION}
                    }
                }
            }),
            0,
        ));
    }
    Ok(out)
}

/// `Wasp` and the step's name in letters and digits, unlike every name `taken`.
fn logical_id(step: &str, taken: &[String]) -> String {
    let mut base = String::from("Wasp");
    let mut upper = true;
    for c in step.chars() {
        if c.is_ascii_alphanumeric() {
            base.push(if upper { c.to_ascii_uppercase() } else { c });
            upper = false;
        } else {
            upper = true;
        }
    }
    let mut id = base.clone();
    let mut k = 1;
    while taken.contains(&id) {
        k += 1;
        id = format!("{base}N{k}");
    }
    id
}

/// The call of the step with this operation.
fn op<'a>(step: &'a Step, operation: &str) -> Option<&'a Call> {
    step.calls.iter().find(|c| c.operation == operation)
}

fn resource(ty: &str, properties: Value) -> Value {
    json!({"Type": ty, "Properties": properties})
}

/// The resources that make the step's change, each with a suffix for its logical id; or why
/// the step goes to the Automation document.
fn resources(step: &Step) -> Result<Vec<(String, Value)>, &'static str> {
    let only = |operation: &str| step.calls.len() == 1 && step.calls[0].operation == operation;
    match step.action.as_str() {
        "guardduty_enable" if only("CreateDetector") => {
            let p = &step.calls[0].params;
            Ok(vec![("Detector".into(), resource("AWS::GuardDuty::Detector", json!({"Enable": p["Enable"]})))])
        }
        "guardduty_enable" => Err("the region's detector exists (suspended), and a stack cannot adopt it"),
        "securityhub_enable" if only("EnableSecurityHub") => {
            let mut props = Map::new();
            if let Some(v) = step.calls[0].params.get("EnableDefaultStandards") {
                props.insert("EnableDefaultStandards".into(), v.clone());
            }
            Ok(vec![("Hub".into(), resource("AWS::SecurityHub::Hub", Value::Object(props)))])
        }
        "accessanalyzer_enable" if only("CreateAnalyzer") => {
            let p = &step.calls[0].params;
            Ok(vec![(
                "Analyzer".into(),
                resource(
                    "AWS::AccessAnalyzer::Analyzer",
                    json!({"AnalyzerName": p["analyzerName"], "Type": p["type"]}),
                ),
            )])
        }
        "config_start_recording" => {
            let (Some(recorder), Some(channel)) =
                (op(step, "PutConfigurationRecorder"), op(step, "PutDeliveryChannel"))
            else {
                return Err("the region has a recorder or delivery channel already, which a stack cannot adopt");
            };
            let r = &recorder.params["ConfigurationRecorder"];
            let group = &r["recordingGroup"];
            let c = &channel.params["DeliveryChannel"];
            Ok(vec![
                (
                    "Recorder".into(),
                    resource(
                        "AWS::Config::ConfigurationRecorder",
                        json!({
                            "Name": r["name"],
                            "RoleARN": r["roleARN"],
                            "RecordingGroup": {
                                "AllSupported": group["allSupported"],
                                "IncludeGlobalResourceTypes": group["includeGlobalResourceTypes"],
                            },
                        }),
                    ),
                ),
                ("Channel".into(), {
                    let mut v = resource(
                        "AWS::Config::DeliveryChannel",
                        json!({"Name": c["name"], "S3BucketName": c["s3BucketName"]}),
                    );
                    // A channel needs its recorder; CloudFormation starts recording once both exist.
                    v["DependsOn"] = json!("Recorder");
                    v
                }),
            ])
        }
        "s3_bucket_require_tls" if only("PutBucketPolicy") && step.current.is_null() => {
            let p = &step.calls[0].params;
            let document: Value = p["Policy"]
                .as_str()
                .and_then(|s| serde_json::from_str(s).ok())
                .ok_or("the planned policy is not JSON")?;
            Ok(vec![(
                "Policy".into(),
                resource("AWS::S3::BucketPolicy", json!({"Bucket": p["Bucket"], "PolicyDocument": document})),
            )])
        }
        "s3_bucket_require_tls" => Err(
            "the bucket has a policy already, which AWS::S3::BucketPolicy cannot take over (it fails when one exists)",
        ),
        "s3_account_block_public_access"
        | "ec2_enable_ebs_encryption_by_default"
        | "iam_strengthen_password_policy" => Err("CloudFormation has no resource type for this account setting"),
        _ => Err(NOT_OWNED),
    }
}
