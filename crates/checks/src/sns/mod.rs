//! SNS checks.
mod sns_topic_encrypted_at_rest;
mod sns_topic_policy_confused_deputy;
mod sns_topic_policy_no_untrusted_access;
mod sns_topic_policy_not_public;

pub use sns_topic_encrypted_at_rest::SnsTopicEncryptedAtRest;
pub use sns_topic_policy_confused_deputy::SnsTopicPolicyConfusedDeputy;
pub use sns_topic_policy_no_untrusted_access::SnsTopicPolicyNoUntrustedAccess;
pub use sns_topic_policy_not_public::SnsTopicPolicyNotPublic;
