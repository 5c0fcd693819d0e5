//! `make-bucket-private`: the bucket's public access block, all four settings on. The step is
//! the fix `s3_bucket_block_public_access`, planned from the bucket as it is now.
use super::{parse_arn, same_account, Planned, Playbook, PlaybookContext, Reads};
use crate::fixes::s3::{bucket_block_step, fully_blocked, observe_bucket_block, BUCKET_PUBLIC_ACCESS_BLOCK};
use serde_json::{json, Value};

const ID: &str = "make-bucket-private";

pub static PLAYBOOK: Playbook = Playbook {
    id: ID,
    title: "Make an S3 bucket private",
    does: "Turns on all four settings of the bucket's public access block (the fix \
           s3_bucket_block_public_access): public ACLs and public bucket policies stop granting \
           access at once. The ACLs and the policy themselves are kept, for the investigation.",
    target: Some("BUCKET_NAME_OR_ARN"),
    params: &[],
    actions: &[&BUCKET_PUBLIC_ACCESS_BLOCK],
    reads: &["s3:GetBucketLocation"],
    read_permissions: &["s3:GetBucketLocation"],
    plan,
};

/// The bucket name of `--target` (a name or `arn:aws:s3:::NAME`).
fn target(cx: &PlaybookContext<'_>) -> Result<String, String> {
    let given = cx.target.unwrap_or_default();
    let name = match parse_arn(given) {
        Some(arn) if arn.service == "s3" && !arn.resource.contains('/') => {
            same_account(cx, &arn)?;
            arn.resource.to_owned()
        }
        Some(_) => return Err(format!("{} is not an S3 bucket ARN", wasp_model::excerpt(given))),
        None => given.to_owned(),
    };
    let well_formed = (3..=63).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
    if !well_formed {
        return Err(format!("'{}' is not an S3 bucket name or ARN", wasp_model::excerpt(given)));
    }
    Ok(name)
}

/// The region of a bucket from `GetBucketLocation`'s `LocationConstraint`.
pub(super) fn bucket_region(answer: &Value) -> String {
    match answer.get("LocationConstraint").and_then(Value::as_str) {
        None | Some("") => "us-east-1".to_owned(),
        Some("EU") => "eu-west-1".to_owned(),
        Some(region) => region.to_owned(),
    }
}

/// Where a bucket is: its region, or why it cannot be acted on.
pub(super) fn locate(reads: &Reads<'_>, region: &str, bucket: &str) -> Result<String, String> {
    match reads.get(region, "s3", "GetBucketLocation", json!({"Bucket": bucket})) {
        Ok(answer) => Ok(bucket_region(&answer)),
        Err(e) if e.is(&["NoSuchBucket"]) => Err(format!("bucket {bucket} does not exist")),
        Err(e) => Err(format!("cannot locate bucket {bucket}: {e}")),
    }
}

fn plan(cx: &PlaybookContext<'_>, reads: &Reads<'_>) -> Result<Planned, String> {
    let name = target(cx)?;
    let region = locate(reads, cx.region(), &name)?;
    let answer = reads
        .get(&region, "s3", "GetPublicAccessBlock", json!({"Bucket": name}))
        .map_err(|e| format!("cannot read the public access block of bucket {name}: {e}"))?;
    let current = observe_bucket_block(&answer);
    let arn = format!("arn:{}:s3:::{name}", cx.caller.partition);
    let mut out = Planned { target: Some(arn.clone()), ..Planned::default() };
    if fully_blocked(&current) {
        out.notes.push(format!("bucket {name} already blocks all public access"));
        return Ok(out);
    }
    let base = super::step("block-public-access", &BUCKET_PUBLIC_ACCESS_BLOCK, &arn, &region, String::new());
    out.steps.push(bucket_block_step(base, &name, current));
    Ok(out)
}
