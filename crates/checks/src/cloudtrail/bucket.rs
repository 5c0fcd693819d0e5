//! The S3 bucket a trail delivers to, when it is in the inventory.
use wasp_model::cloudtrail::Trail;
use wasp_model::s3::Bucket;
use wasp_model::Inventory;

/// The trail's bucket, or why it cannot be judged.
pub fn of<'a>(inv: &'a Inventory, trail: &Trail) -> Result<&'a Bucket, String> {
    let Some(name) = trail.s3_bucket.as_deref() else {
        return Err(format!("the bucket of trail {} was not read", trail.name));
    };
    inv.s3.buckets.iter().find(|b| b.name == name).ok_or_else(|| {
        format!("bucket {name} is not in this account's inventory (a log archive account's, or S3 was not collected)")
    })
}
