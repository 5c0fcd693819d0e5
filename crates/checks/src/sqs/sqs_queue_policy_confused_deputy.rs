use crate::resource_policy::{confused_deputy, report_confused_deputy, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every grant an SQS queue's access policy makes to an AWS service principal
    /// (`sns.amazonaws.com`, `s3.amazonaws.com`, `events.amazonaws.com` …) is tied to its
    /// source by `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID` or
    /// `aws:SourceOrgPaths`, as AWS's cross-service confused deputy guidance asks of resource
    /// policies. It is judged with wasp's policy engine: each service the policy names is
    /// simulated acting for an account outside the trusted set (the scanned account, its
    /// organization's management account and organization, `[checks] trusted_accounts`). A
    /// source condition restricts when it pins one of those accounts, the organization or a
    /// named resource; a wildcard account or resource (`arn:aws:sns:*:*:*`) restricts
    /// nothing, and neither do conditions that say nothing about the source
    /// (`aws:SecureTransport`, `aws:SourceIp`). A condition that names another account's
    /// resource ties the grant to that source and is left to
    /// `sqs_queue_policy_no_untrusted_access`. Because a bucket ARN holds no account, a
    /// statement tied only by `aws:SourceArn` naming buckets (S3 event notifications) also
    /// fails: AWS asks for `aws:SourceAccount` beside it. Grants to principals that are
    /// accounts, and grants to everyone, are the business of the untrusted-access and
    /// public-access checks.
    ///
    /// FAIL names each service and statement whose grant lacks the condition. A queue without
    /// a policy passes; SKIP when the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A topic, bucket or rule delivers to whichever queue its owner names. Without a source
    /// condition, any AWS customer can subscribe your queue to their topic or point their
    /// notifications at it, and your consumers process messages you did not send.
    ///
    /// ### How to fix
    /// Add `"ArnEquals": {"aws:SourceArn": "<the topic, bucket or rule ARN>"}` to each
    /// statement that grants a service, or `"StringEquals": {"aws:SourceAccount": "<your
    /// account>"}`; for a bucket, add both.
    SqsQueuePolicyConfusedDeputy {
        id: "sqs_queue_policy_confused_deputy",
        title: "SQS queue policies tie grants to AWS services to their source",
        severity: Medium,
        service: Sqs,
        resource_kind: "sqs_queue",
        best_practices: ["SEC03-BP02", "SEC03-BP07", "SEC03-BP08"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Sqs: [ListQueues, GetQueueAttributes], Organizations: [DescribeOrganization] },
        remediation: "Add aws:SourceArn or aws:SourceAccount to each queue policy statement that grants an AWS service.",
    }
}

impl SqsQueuePolicyConfusedDeputy {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for queue in &inv.sqs.queues {
            let deputy = confused_deputy(inv, &trusted, &queue.arn, queue.policy.as_ref());
            report_confused_deputy(out, queue, deputy, || {
                evidence::unknown_for_resource(inv, &queue.arn, "the queue's access policy")
            });
        }
    }
}
