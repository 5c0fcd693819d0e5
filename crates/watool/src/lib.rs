//! wasp and the AWS Well-Architected Tool.
//!
//! - [`export`] turns a review into the answers of the Tool's `wellarchitected` lens, one
//!   `UpdateAnswer` per question: pure, and written as a file the AWS CLI can read;
//! - [`push`] sends those answers through the AWS SDK and records a milestone;
//! - [`custom_lens`] writes wasp's lens as a custom lens document to import into the Tool, and
//!   [`Export::for_custom_lens`] addresses the answers to it.
//!
//! Limits: question notes are cut to [`QUESTION_NOTES_MAX`] and choice notes to
//! [`CHOICE_NOTES_MAX`] UTF-16 code units (never fewer than characters), on a character
//! boundary.

mod custom_lens;
mod export;
mod push;
mod text;

#[cfg(test)]
mod fixtures;

pub use custom_lens::{custom_lens, lens_id, CUSTOM_LENS_SCHEMA_VERSION};
pub use export::{
    export, ChoiceReason, ChoiceStatus, ChoiceUpdate, Export, QuestionAnswer, CHOICE_NOTES_MAX, QUESTION_NOTES_MAX,
};
pub use push::{check_workload, client, push, valid_workload_id, PushReport};
