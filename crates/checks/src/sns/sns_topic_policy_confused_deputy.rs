use crate::resource_policy::{confused_deputy, report_confused_deputy, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every grant an SNS topic's access policy makes to an AWS service principal
    /// (`s3.amazonaws.com`, `events.amazonaws.com`, `cloudwatch.amazonaws.com`,
    /// `budgets.amazonaws.com`, `codestar-notifications.amazonaws.com` …) is tied to its
    /// source by `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID` or
    /// `aws:SourceOrgPaths`, as AWS's cross-service confused deputy guidance asks of resource
    /// policies. It is judged with wasp's policy engine: each service the policy names is
    /// simulated acting for an account outside the trusted set (the scanned account, its
    /// organization's management account and organization, `[checks] trusted_accounts`). A
    /// source condition restricts when it pins one of those accounts, the organization or a
    /// named resource; a wildcard account or resource (`arn:aws:events:*:*:rule/*`)
    /// restricts nothing, and neither do conditions that say nothing about the source
    /// (`aws:SecureTransport`, `aws:SourceIp`). A condition that names another account's
    /// resource ties the grant to that source and is left to
    /// `sns_topic_policy_no_untrusted_access`. Because a bucket ARN holds no account, a
    /// statement tied only by `aws:SourceArn` naming buckets (S3 event notifications) also
    /// fails: AWS asks for `aws:SourceAccount` beside it. Grants to principals that are
    /// accounts, and grants to everyone, are the business of the untrusted-access and
    /// public-access checks.
    ///
    /// FAIL names each service and statement whose grant lacks the condition. A topic without
    /// a policy passes; SKIP when the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A service that publishes notifications sends them to whichever topic its customer
    /// names. Without a source condition, any AWS customer can point their bucket, rule or
    /// alarm at your topic, and your subscribers receive — and act on — messages you did not
    /// send.
    ///
    /// ### How to fix
    /// Add `"StringEquals": {"aws:SourceAccount": "<your account>"}` to each statement that
    /// grants a service, or `"ArnLike": {"aws:SourceArn": "<the bucket, rule or alarm
    /// ARN>"}` to name the resource that publishes; for a bucket, add both.
    SnsTopicPolicyConfusedDeputy {
        id: "sns_topic_policy_confused_deputy",
        title: "SNS topic policies tie grants to AWS services to their source",
        severity: Medium,
        service: Sns,
        resource_kind: "sns_topic",
        best_practices: ["SEC03-BP02", "SEC03-BP07", "SEC03-BP08"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Sns: [ListTopics, GetTopicAttributes], Organizations: [DescribeOrganization] },
        remediation: "Add aws:SourceAccount or aws:SourceArn to each topic policy statement that grants an AWS service.",
    }
}

impl SnsTopicPolicyConfusedDeputy {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for topic in &inv.sns.topics {
            let deputy = confused_deputy(inv, &trusted, &topic.arn, topic.policy.as_ref());
            report_confused_deputy(out, topic, deputy, || {
                evidence::unknown_for_resource(inv, &topic.arn, "the topic's access policy")
            });
        }
    }
}
