//! Fixes: one declared action per kind of change, each planning a step from a failed finding.
mod ec2;
pub(crate) mod iam;
mod regional;
pub(crate) mod s3;

use crate::action::{Action, PlanContext};
use crate::plan::{Call, Step};
use serde_json::Value;
use wasp_checks::Finding;
use wasp_model::Setting;

/// Every fix, in the order plans list them.
pub static FIXES: &[&Action] = &[
    &s3::ACCOUNT_PUBLIC_ACCESS_BLOCK,
    &s3::BUCKET_PUBLIC_ACCESS_BLOCK,
    &s3::BUCKET_TLS_ONLY,
    &s3::BUCKET_DEFAULT_ENCRYPTION,
    &s3::BUCKET_VERSIONING,
    &s3::BUCKET_ACCESS_LOGGING,
    &ec2::EBS_ENCRYPTION_BY_DEFAULT,
    &ec2::SECURITY_GROUP_ADMIN_PORTS,
    &ec2::INSTANCE_IMDSV2,
    &regional::KMS_KEY_ROTATION,
    &regional::CLOUDTRAIL_LOG_VALIDATION,
    &regional::GUARDDUTY_ENABLE,
    &regional::SECURITYHUB_ENABLE,
    &regional::CONFIG_RECORDING,
    &regional::ACCESS_ANALYZER_ENABLE,
    &iam::PASSWORD_POLICY,
    &iam::UNUSED_ACCESS_KEYS,
];

/// A step's skeleton: the planner names it and sets the action and check.
pub(crate) fn step(finding: &Finding, summary: String, current: Value, intended: Value) -> Step {
    Step {
        name: String::new(),
        action: String::new(),
        check_id: None,
        resource: finding.resource_arn.clone().unwrap_or_default(),
        region: finding.region.clone(),
        summary,
        probe: None,
        current,
        intended,
        calls: Vec::new(),
        rollback: Vec::new(),
        blocked: None,
    }
}

pub(crate) fn call(service: &str, operation: &str, params: Value) -> Call {
    Call::new(service, operation, params)
}

/// The observed value of a setting, or why the fix cannot be planned from this evidence.
pub(crate) fn observed<'a, T>(setting: Option<&'a Setting<T>>, what: &str) -> Result<Option<&'a T>, String> {
    match setting {
        None => Err(format!("{what} was not read (see the scan's gaps); scan again before fixing")),
        Some(s) => Ok(s.configured()),
    }
}

/// The finding's resource ARN, or why a fix needs one.
pub(crate) fn resource(finding: &Finding) -> Result<&str, String> {
    finding.resource_arn.as_deref().filter(|a| !a.is_empty()).ok_or_else(|| "the finding names no resource".to_owned())
}

/// The last part of an ARN after `/` or `:` (a bucket's, key's or instance's name or id).
pub(crate) fn arn_name(arn: &str) -> &str {
    let tail = arn.rsplit(':').next().unwrap_or(arn);
    tail.rsplit('/').next().unwrap_or(tail)
}

/// The fixes that remediate a check.
pub fn fixes_for(check_id: &str) -> impl Iterator<Item = &'static Action> + '_ {
    FIXES.iter().copied().filter(move |a| a.remediates.contains(&check_id))
}

pub(crate) fn plan_with(action: &Action, cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let plan = action.plan.ok_or("the action is not a fix")?;
    plan(cx, finding)
}
