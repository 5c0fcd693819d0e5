//! wasp and AWS Security Hub: imports a review's findings with `BatchImportFindings`.
//!
//! This is the only write wasp makes to an account during a scan, and only when asked: the
//! collector stays read-only, and nothing here runs unless a caller calls [`import`],
//! [`import_all`] or [`import_review`].
//!
//! - The findings are those of `--format asff` ([`wasp_report::asff`]), converted field by field
//!   to the SDK's `AwsSecurityFinding` ([`to_sdk`]).
//! - Security Hub takes a finding only in the region named by its `ProductArn`: findings are
//!   grouped by that region and each group is sent by a client for that region. Global findings
//!   were given the review's home region when they were made ([`wasp_report::asff::home_region`]).
//! - At most [`BATCH_MAX`] findings per call. Throttling is retried by the SDK (standard retry,
//!   [`MAX_ATTEMPTS`] attempts); a batch still throttled after that stops its region with one
//!   sentence, as do a denied call, Security Hub not enabled, missing credentials or an
//!   unreachable endpoint. A finding Security Hub refuses (`FailedFindings`) is reported with its
//!   id, code and message, and the other findings and batches go on.
//! - Ids are stable, so importing the next review updates the same findings; failures it shows
//!   resolved are sent as `PASSED`, and `ARCHIVED` when the resource is gone.
//!
//! The caller needs `securityhub:BatchImportFindings` on
//! `arn:<partition>:securityhub:<region>:<account>:product/<account>/default` in each region.

mod convert;
mod import;

pub use convert::to_sdk;
pub use import::{
    client, import, import_all, import_regions, import_review, retry_config, FailedFinding, ImportError, ImportReport,
    RegionStop, StopKind, MAX_ATTEMPTS,
};
pub use wasp_report::asff::{AsffFinding, BATCH_MAX};

#[cfg(test)]
mod tests;
