//! KMS rotation, CloudTrail validation, and the detective services turned on in a region.
use super::{call, resource, step};
use crate::action::{Action, ActionKind, Param, PlanContext, Reversible};
use crate::plan::Step;
use serde_json::{json, Value};
use wasp_checks::Finding;
use wasp_model::detection::{AnalyzerStatus, Toggle};

fn observe_rotation(answer: &Value, _: &Step) -> Value {
    answer.get("KeyRotationEnabled").cloned().unwrap_or(Value::Null)
}

pub static KMS_KEY_ROTATION: Action = Action {
    id: "kms_enable_key_rotation",
    kind: ActionKind::Fix,
    title: "Rotate a customer managed KMS key every year",
    changes: "Turns on automatic rotation of the key's material (every 365 days). Older material is \
              kept, so everything encrypted before still decrypts.",
    calls: &["kms:GetKeyRotationStatus", "kms:EnableKeyRotation", "kms:DisableKeyRotation"],
    permissions: &["kms:GetKeyRotationStatus", "kms:EnableKeyRotation", "kms:DisableKeyRotation"],
    reversible: Reversible::Yes,
    remediates: &["kms_key_rotation_enabled"],
    params: &[],
    plan: Some(plan_rotation),
    observe: observe_rotation,
};

fn plan_rotation(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let arn = resource(finding)?;
    let key = cx
        .inventory
        .kms
        .keys
        .iter()
        .find(|k| k.arn == arn)
        .ok_or_else(|| format!("key {arn} is not in the evidence"))?;
    let enabled = key.rotation_enabled.ok_or("the key's rotation status was not read; scan again before fixing")?;
    let mut s = step(finding, format!("rotate KMS key {arn} yearly"), json!(enabled), json!(true));
    s.probe = Some(call("kms", "GetKeyRotationStatus", json!({"KeyId": arn})));
    s.calls = vec![call("kms", "EnableKeyRotation", json!({"KeyId": arn}))];
    s.rollback = vec![call("kms", "DisableKeyRotation", json!({"KeyId": arn}))];
    Ok(s)
}

fn observe_validation(answer: &Value, _: &Step) -> Value {
    answer.pointer("/Trail/LogFileValidationEnabled").cloned().unwrap_or(Value::Null)
}

pub static CLOUDTRAIL_LOG_VALIDATION: Action = Action {
    id: "cloudtrail_enable_log_file_validation",
    kind: ActionKind::Fix,
    title: "Sign a trail's log files with digests",
    changes: "Turns on log file validation: CloudTrail writes an hourly signed digest, so a deleted or \
              altered log file can be detected (`aws cloudtrail validate-logs`).",
    calls: &["cloudtrail:GetTrail", "cloudtrail:UpdateTrail"],
    permissions: &["cloudtrail:GetTrail", "cloudtrail:UpdateTrail"],
    reversible: Reversible::Yes,
    remediates: &["cloudtrail_log_file_validation_enabled"],
    params: &[],
    plan: Some(plan_validation),
    observe: observe_validation,
};

fn plan_validation(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let arn = resource(finding)?;
    let trail = cx
        .inventory
        .cloudtrail
        .trails
        .iter()
        .find(|t| t.arn == arn)
        .ok_or_else(|| format!("trail {arn} is not in the evidence"))?;
    let current = trail.log_file_validation.ok_or("the trail's log file validation was not reported")?;
    let mut s =
        step(finding, format!("turn on log file validation of trail {}", trail.name), json!(current), json!(true));
    // A trail is changed in its home region.
    s.region = trail.region.clone();
    s.probe = Some(call("cloudtrail", "GetTrail", json!({"Name": arn})));
    s.calls = vec![call("cloudtrail", "UpdateTrail", json!({"Name": arn, "EnableLogFileValidation": true}))];
    s.rollback = vec![call("cloudtrail", "UpdateTrail", json!({"Name": arn, "EnableLogFileValidation": false}))];
    Ok(s)
}

fn observe_detectors(answer: &Value, _: &Step) -> Value {
    answer.get("DetectorIds").cloned().unwrap_or(json!([]))
}

pub static GUARDDUTY_ENABLE: Action = Action {
    id: "guardduty_enable",
    kind: ActionKind::Fix,
    title: "Turn on GuardDuty in a region",
    changes: "Creates an enabled GuardDuty detector in the region, or enables the one that is \
              suspended. GuardDuty is billed by the volume of events it analyses (30 days free).",
    calls: &[
        "guardduty:ListDetectors",
        "guardduty:CreateDetector",
        "guardduty:UpdateDetector",
        "guardduty:DeleteDetector",
    ],
    permissions: &[
        "guardduty:ListDetectors",
        "guardduty:CreateDetector",
        "guardduty:UpdateDetector",
        "iam:CreateServiceLinkedRole",
    ],
    reversible: Reversible::Partly(
        "suspending keeps the findings; deleting the detector, the listed rollback for a new one, also deletes them",
    ),
    remediates: &["guardduty_enabled"],
    params: &[],
    plan: Some(plan_guardduty),
    observe: observe_detectors,
};

fn plan_guardduty(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let region = cx
        .inventory
        .detection
        .guardduty
        .get(&finding.region)
        .ok_or_else(|| format!("GuardDuty in {} was not read; scan again before fixing", finding.region))?;
    let ids: Vec<&str> = region.detectors.iter().map(|d| d.id.as_str()).collect();
    let mut s = step(finding, format!("turn on GuardDuty in {}", finding.region), json!(ids), json!("enabled"));
    s.probe = Some(call("guardduty", "ListDetectors", json!({})));
    match region.detectors.first() {
        None => {
            s.calls = vec![call("guardduty", "CreateDetector", json!({"Enable": true}))];
            s.rollback = vec![call("guardduty", "DeleteDetector", json!({"DetectorId": "{{self.DetectorId}}"}))];
        }
        Some(d) if d.status == Some(Toggle::Enabled) => return Err("the detector is already enabled".into()),
        Some(d) => {
            s.summary = format!("enable suspended GuardDuty detector {} in {}", d.id, finding.region);
            s.calls = vec![call("guardduty", "UpdateDetector", json!({"DetectorId": d.id, "Enable": true}))];
            s.rollback = vec![call("guardduty", "UpdateDetector", json!({"DetectorId": d.id, "Enable": false}))];
        }
    }
    Ok(s)
}

fn observe_hub(answer: &Value, _: &Step) -> Value {
    json!(answer.get("HubArn").is_some_and(|v| !v.is_null()))
}

pub static SECURITYHUB_ENABLE: Action = Action {
    id: "securityhub_enable",
    kind: ActionKind::Fix,
    title: "Turn on Security Hub in a region",
    changes: "Enables Security Hub with its default standards (AWS Foundational Security Best Practices \
              and CIS). It needs AWS Config recording in the region to evaluate most controls.",
    calls: &["securityhub:DescribeHub", "securityhub:EnableSecurityHub", "securityhub:DisableSecurityHub"],
    permissions: &[
        "securityhub:DescribeHub",
        "securityhub:EnableSecurityHub",
        "securityhub:DisableSecurityHub",
        "iam:CreateServiceLinkedRole",
    ],
    reversible: Reversible::Partly("disabling Security Hub discards its findings and control results"),
    remediates: &["securityhub_enabled"],
    params: &[],
    plan: Some(plan_securityhub),
    observe: observe_hub,
};

fn plan_securityhub(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let hub = cx
        .inventory
        .detection
        .securityhub
        .get(&finding.region)
        .ok_or_else(|| format!("Security Hub in {} was not read; scan again before fixing", finding.region))?;
    let mut s = step(
        finding,
        format!("turn on Security Hub in {}", finding.region),
        json!(hub.configured().is_some()),
        json!(true),
    );
    s.probe = Some(call("securityhub", "DescribeHub", json!({})));
    s.calls = vec![call("securityhub", "EnableSecurityHub", json!({"EnableDefaultStandards": true}))];
    s.rollback = vec![call("securityhub", "DisableSecurityHub", json!({}))];
    Ok(s)
}

fn observe_recorders(answer: &Value, _: &Step) -> Value {
    let list = answer.get("ConfigurationRecordersStatus").and_then(Value::as_array).cloned().unwrap_or_default();
    Value::Array(
        list.iter()
            .map(|r| json!({"name": r.get("name").cloned().unwrap_or(Value::Null), "recording": r.get("recording").and_then(Value::as_bool).unwrap_or(false)}))
            .collect(),
    )
}

pub static CONFIG_RECORDING: Action = Action {
    id: "config_start_recording",
    kind: ActionKind::Fix,
    title: "Record resource configurations with AWS Config in a region",
    changes: "Creates a configuration recorder for every supported resource type (global types in \
              the region given as global_region, default us-east-1) with the AWS Config \
              service-linked role, a delivery channel to config_bucket when the region has none, and \
              starts recording. Config is billed per configuration item recorded.",
    calls: &[
        "config:DescribeConfigurationRecorderStatus",
        "config:PutConfigurationRecorder",
        "config:PutDeliveryChannel",
        "config:StartConfigurationRecorder",
        "config:StopConfigurationRecorder",
    ],
    permissions: &[
        "config:DescribeConfigurationRecorderStatus",
        "config:PutConfigurationRecorder",
        "config:PutDeliveryChannel",
        "config:StartConfigurationRecorder",
        "config:StopConfigurationRecorder",
        "iam:PassRole",
    ],
    reversible: Reversible::Partly("stopping the recorder keeps what was recorded; the recorder and channel stay"),
    remediates: &["config_recorder_enabled"],
    params: &[
        Param {
            name: "config_bucket",
            help: "the bucket Config delivers to, when the region has no delivery channel",
            required: false,
        },
        Param {
            name: "global_region",
            help: "the one region that records IAM and other global resources (default us-east-1)",
            required: false,
        },
    ],
    plan: Some(plan_config),
    observe: observe_recorders,
};

fn plan_config(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    if finding.region == wasp_model::GLOBAL_REGION {
        return Err("global resource types are recorded by the regional step in global_region".into());
    }
    let inv = cx.inventory;
    let state = inv
        .detection
        .config
        .get(&finding.region)
        .ok_or_else(|| format!("AWS Config in {} was not read; scan again before fixing", finding.region))?;
    let current: Vec<Value> =
        state.recorders.iter().map(|r| json!({"name": r.name, "recording": r.recording.unwrap_or(false)})).collect();
    let global = CONFIG_RECORDING.param(cx, "global_region").unwrap_or("us-east-1") == finding.region;
    let name = state.recorders.first().map(|r| r.name.clone()).unwrap_or_else(|| "default".to_owned());
    let mut s = step(
        finding,
        format!("record every resource type with AWS Config in {}", finding.region),
        json!(current),
        json!([{"name": name, "recording": true}]),
    );
    s.probe = Some(call("config", "DescribeConfigurationRecorderStatus", json!({})));
    let role = format!(
        "arn:{}:iam::{}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
        inv.partition, inv.account_id
    );
    if state.recorders.is_empty() {
        s.calls.push(call(
            "config",
            "PutConfigurationRecorder",
            json!({"ConfigurationRecorder": {"name": name, "roleARN": role,
                "recordingGroup": {"allSupported": true, "includeGlobalResourceTypes": global}}}),
        ));
    }
    let has_channel = state.delivery_channels.as_ref().map(|c| !c.is_empty());
    match (has_channel, CONFIG_RECORDING.param(cx, "config_bucket")) {
        (Some(true), _) => {}
        (_, Some(bucket)) => s.calls.push(call(
            "config",
            "PutDeliveryChannel",
            json!({"DeliveryChannel": {"name": "default", "s3BucketName": bucket}}),
        )),
        (Some(false), None) => {
            s.blocked = Some("needs --param config_bucket=BUCKET: the region has no delivery channel".into())
        }
        (None, None) => {
            s.blocked = Some("the region's delivery channels were not read; give --param config_bucket=BUCKET".into())
        }
    }
    s.calls.push(call("config", "StartConfigurationRecorder", json!({"ConfigurationRecorderName": name})));
    s.rollback = vec![call("config", "StopConfigurationRecorder", json!({"ConfigurationRecorderName": name}))];
    Ok(s)
}

/// The analyzer the fix creates.
pub const ANALYZER_NAME: &str = "wasp-account-analyzer";

fn observe_analyzers(answer: &Value, _: &Step) -> Value {
    let list = answer.get("analyzers").and_then(Value::as_array).cloned().unwrap_or_default();
    Value::Array(
        list.iter()
            .filter(|a| a.get("status").and_then(Value::as_str) == Some("ACTIVE"))
            .filter_map(|a| a.get("name").cloned())
            .collect(),
    )
}

pub static ACCESS_ANALYZER_ENABLE: Action = Action {
    id: "accessanalyzer_enable",
    kind: ActionKind::Fix,
    title: "Create an IAM Access Analyzer for the account in a region",
    changes: "Creates an external-access analyzer of the account, named wasp-account-analyzer, which \
              reports resources shared outside the account. External-access analysis is free.",
    calls: &["accessanalyzer:ListAnalyzers", "accessanalyzer:CreateAnalyzer", "accessanalyzer:DeleteAnalyzer"],
    permissions: &[
        "access-analyzer:ListAnalyzers",
        "access-analyzer:CreateAnalyzer",
        "access-analyzer:DeleteAnalyzer",
        "iam:CreateServiceLinkedRole",
    ],
    reversible: Reversible::Yes,
    remediates: &["accessanalyzer_enabled"],
    params: &[],
    plan: Some(plan_analyzer),
    observe: observe_analyzers,
};

fn plan_analyzer(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let region = cx
        .inventory
        .detection
        .access_analyzer
        .get(&finding.region)
        .ok_or_else(|| format!("Access Analyzer in {} was not read; scan again before fixing", finding.region))?;
    let active: Vec<&str> =
        region.analyzers.iter().filter(|a| a.status == Some(AnalyzerStatus::Active)).map(|a| a.name.as_str()).collect();
    let mut s = step(
        finding,
        format!("create IAM Access Analyzer {ANALYZER_NAME} in {}", finding.region),
        json!(active),
        json!([ANALYZER_NAME]),
    );
    s.probe = Some(call("accessanalyzer", "ListAnalyzers", json!({})));
    s.calls = vec![call("accessanalyzer", "CreateAnalyzer", json!({"analyzerName": ANALYZER_NAME, "type": "ACCOUNT"}))];
    s.rollback = vec![call("accessanalyzer", "DeleteAnalyzer", json!({"analyzerName": ANALYZER_NAME}))];
    Ok(s)
}
