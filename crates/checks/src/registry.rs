//! The catalogue: every check, sorted by id. Adding a check is one line here.
use crate::{ec2, guardduty, iam, s3, Check};

pub static CHECKS: &[&dyn Check] = &[
    &ec2::Ec2SecurityGroupAdminPortsRestricted,
    &guardduty::GuarddutyEnabled,
    &iam::IamRootMfaEnabled,
    &iam::IamUserConsoleMfaEnabled,
    &s3::S3BucketPublicAccessBlockEnabled,
];

/// The check with this id.
pub fn find(id: &str) -> Option<&'static dyn Check> {
    CHECKS.binary_search_by(|c| c.meta().id.cmp(id)).ok().map(|i| CHECKS[i])
}
