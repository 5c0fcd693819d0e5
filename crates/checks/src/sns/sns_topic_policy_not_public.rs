use crate::{declare_check, evidence, policy};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No SNS topic's access policy has an `Allow` statement for everyone — `"Principal": "*"`,
    /// `{"AWS": "*"}`, or a `NotPrincipal` — unless a condition really restricts the caller:
    /// `aws:SourceAccount`, SNS's older `aws:SourceOwner` (which every default topic policy
    /// uses), `aws:SourceArn`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`
    /// with a concrete account, `aws:SourceVpc(e)` or `aws:SourceIp` other than the whole
    /// internet, compared with a positive operator (`StringEquals`, `ArnLike`, `IpAddress` …,
    /// not their `IfExists` or negated forms) against values none of which is a wildcard.
    /// `aws:SecureTransport` and tag conditions do not restrict. Any action counts: a public
    /// `sns:Subscribe` leaks every message, a public `sns:Publish` lets anyone inject them.
    /// A topic without a policy passes; SKIP when the topic's attributes could not be read.
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
        for topic in &inv.sns.topics {
            match &topic.policy {
                Some(Setting::Configured(document)) => {
                    let public = policy::public_statements(document);
                    if public.is_empty() {
                        out.pass(topic, "the access policy grants nothing to everyone without a restricting condition");
                    } else {
                        let actions = policy::actions_of(&public);
                        out.fail(
                            topic,
                            format!(
                                "the access policy lets anyone call {actions}, with no condition that restricts who"
                            ),
                        );
                    }
                }
                Some(Setting::NotConfigured) => out.pass(topic, "the topic has no access policy"),
                None => out.skip(topic, evidence::unknown_for_resource(inv, &topic.arn, "the topic's access policy")),
            }
        }
    }
}
