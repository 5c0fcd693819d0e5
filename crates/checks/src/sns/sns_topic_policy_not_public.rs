use crate::resource_policy::{judge, report_public, trusted};
use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No SNS topic's access policy lets anyone, or any AWS account, call an action on it
    /// without a condition that restricts the caller, judged with wasp's policy engine (the
    /// simulation of `s3_bucket_policy_no_untrusted_access`). `"Principal": "*"`, `{"AWS":
    /// "*"}` and `NotPrincipal` all reach everyone, and a wildcard principal also matches an
    /// AWS service acting for any account. Conditions that pin the caller or its source with
    /// concrete values restrict: `aws:SourceAccount`, SNS's older `aws:SourceOwner` (which
    /// every default topic policy uses), `aws:SourceArn`, `aws:PrincipalOrgID`,
    /// `aws:PrincipalAccount`, `aws:SourceVpce`. A wildcard value, a source ARN pattern that
    /// another account's resource can match, an `IfExists` operator and keys the caller
    /// chooses (`aws:SecureTransport`, `aws:UserAgent`, `aws:Referer`) do not. Any action
    /// counts: a public `sns:Subscribe` leaks every message, a public `sns:Publish` lets
    /// anyone inject them. A topic without a policy passes; SKIP when the topic's attributes
    /// could not be read or the policy parsed.
    ///
    /// ### Why it matters
    /// Anyone who can subscribe to a topic receives a copy of everything published to it from
    /// then on, at an endpoint of their choosing; anyone who can publish can feed forged
    /// events to every subscriber (queues, functions, on-call pagers) and run up costs.
    ///
    /// ### How to fix
    /// Replace the wildcard principal with the accounts or service principals that need the
    /// topic, or add a condition such as `aws:SourceArn` (for a publishing service) or
    /// `aws:PrincipalOrgID` (for your organization); then
    /// `aws sns set-topic-attributes --attribute-name Policy` with the corrected document.
    SnsTopicPolicyNotPublic {
        id: "sns_topic_policy_not_public",
        title: "SNS topic policies do not grant access to everyone",
        severity: Critical,
        service: Sns,
        resource_kind: "sns_topic",
        best_practices: ["SEC03-BP07"],
        prowler: ["sns_topics_not_publicly_accessible"],
        security_hub: ["SNS.4"],
        config_rule: ["SNS_TOPIC_NO_PUBLIC_ACCESS"],
        cis: [],
        reads: { Sns: [ListTopics, GetTopicAttributes] },
        remediation: "Name the principals in the topic policy or restrict its wildcard statements with conditions.",
    }
}

impl SnsTopicPolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for topic in &inv.sns.topics {
            if matches!(topic.policy, Some(Setting::NotConfigured)) {
                out.pass(topic, "the topic has no access policy");
                continue;
            }
            report_public(out, topic, judge(inv, &trusted, &topic.arn, topic.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &topic.arn, "the topic's access policy")
            });
        }
    }
}
