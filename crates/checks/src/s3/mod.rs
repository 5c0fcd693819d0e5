//! S3 checks.
mod s3_bucket_public_access_block_enabled;

pub use s3_bucket_public_access_block_enabled::S3BucketPublicAccessBlockEnabled;
