//! SQS checks.
mod sqs_queue_encrypted_at_rest;
mod sqs_queue_policy_confused_deputy;
mod sqs_queue_policy_no_untrusted_access;
mod sqs_queue_policy_not_public;

pub use sqs_queue_encrypted_at_rest::SqsQueueEncryptedAtRest;
pub use sqs_queue_policy_confused_deputy::SqsQueuePolicyConfusedDeputy;
pub use sqs_queue_policy_no_untrusted_access::SqsQueuePolicyNoUntrustedAccess;
pub use sqs_queue_policy_not_public::SqsQueuePolicyNotPublic;
