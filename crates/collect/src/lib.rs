//! Live collection: reads an AWS account through the AWS SDK for Rust into the inventory.
//!
//! The only crate of wasp that depends on the SDK. It only ever calls read operations (see
//! [`calls::READ_OPERATIONS`], enforced at run time by an interceptor), records every call it
//! makes, and turns every failure into a [`wasp_model::Gap`] rather than a default.
//!
//! Work is split into units (service × region, global services once) driven by one bounded
//! `buffer_unordered`; each unit fills an inventory fragment that is merged at the end.

pub mod calls;
pub mod compat;
mod errors;
mod merge;
pub mod org;
mod run;
mod services;
mod setup;
mod unit;

pub use errors::{classify, Classified};
pub use org::{organization_accounts, AssumeRole, OrgAccount, Organization};
pub use run::{collect, ProgressEvent};
pub use setup::{CollectError, CollectOptions, RegionSelection, Timeouts};
pub use wasp_model::Service;
