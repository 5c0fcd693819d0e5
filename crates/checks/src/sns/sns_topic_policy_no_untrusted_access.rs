use crate::resource_policy::{judge, report_untrusted, trusted};
use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No SNS topic's access policy lets in a principal outside the trusted accounts — the
    /// scanned account, its organization's management account and organization, and
    /// `[checks] trusted_accounts` — judged with wasp's policy engine as for bucket policies:
    /// anyone, any account, each named untrusted account, service principals acting for
    /// another account and the accounts a source condition names are simulated, and a grant
    /// is open when no condition pins the caller (`aws:PrincipalOrgID`, `aws:SourceOwner`,
    /// `aws:SourceArn`, `aws:SourceAccount` …). FAIL lists the open grants; grants that only
    /// conditions of unknown effect restrict pass with the conditions named. A topic without
    /// a policy passes; SKIP when the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// Every account a topic policy lets subscribe receives each message published from then
    /// on, and every account that may publish can reach all subscribers with events they
    /// trust. An account you do not recognise sees, or shapes, what your systems react to.
    ///
    /// ### How to fix
    /// Remove statements for accounts you do not trust, add the ones you do to
    /// `trusted_accounts`, pin service principals to your own resources with
    /// `aws:SourceArn`, and share with your whole organization through `aws:PrincipalOrgID`.
    SnsTopicPolicyNoUntrustedAccess {
        id: "sns_topic_policy_no_untrusted_access",
        title: "SNS topic policies let in no principal outside the trusted accounts",
        severity: High,
        service: Sns,
        resource_kind: "sns_topic",
        best_practices: ["SEC03-BP07", "SEC03-BP08"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Sns: [ListTopics, GetTopicAttributes], Organizations: [DescribeOrganization] },
        remediation: "Remove topic policy statements for untrusted accounts or restrict them with aws:PrincipalOrgID or aws:SourceArn.",
    }
}

impl SnsTopicPolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for topic in &inv.sns.topics {
            if matches!(topic.policy, Some(Setting::NotConfigured)) {
                out.pass(topic, "the topic has no access policy");
                continue;
            }
            report_untrusted(out, topic, judge(inv, &trusted, &topic.arn, topic.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &topic.arn, "the topic's access policy")
            });
        }
    }
}
