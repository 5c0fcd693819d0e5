use crate::resource_policy::{judge, report_public, trusted};
use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No SQS queue's access policy lets anyone, or any AWS account, call an action on it
    /// without a condition that restricts the caller, judged with wasp's policy engine (the
    /// simulation of `s3_bucket_policy_no_untrusted_access`). `"Principal": "*"`, `{"AWS":
    /// "*"}` and `NotPrincipal` all reach everyone, and a wildcard principal also matches an
    /// AWS service acting for any account. Conditions that pin the caller or its source with
    /// concrete values restrict: `aws:SourceArn` (the usual way to let an SNS topic or S3
    /// bucket send), `aws:SourceAccount`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`,
    /// `aws:SourceVpce`. A source ARN pattern that another account's resource can match
    /// (`arn:aws:sns:*:*:*`), an `IfExists` operator and keys the caller chooses
    /// (`aws:SecureTransport`, `aws:UserAgent`, `aws:Referer`) do not. Any action counts. A
    /// queue without a policy passes; SKIP when the queue's attributes could not be read or
    /// the policy parsed.
    ///
    /// ### Why it matters
    /// A public `sqs:ReceiveMessage` lets anyone read (and, with `sqs:DeleteMessage`, destroy)
    /// the work your consumers are waiting for; a public `sqs:SendMessage` lets anyone inject
    /// messages your consumers will trust.
    ///
    /// ### How to fix
    /// Replace the wildcard principal with the accounts or roles that need the queue, or add
    /// a condition such as `aws:SourceArn` naming the topic or bucket that sends to it; then
    /// `aws sqs set-queue-attributes --attributes Policy=<document>`.
    SqsQueuePolicyNotPublic {
        id: "sqs_queue_policy_not_public",
        title: "SQS queue policies do not grant access to everyone",
        severity: Critical,
        service: Sqs,
        resource_kind: "sqs_queue",
        best_practices: ["SEC03-BP07"],
        prowler: ["sqs_queues_not_publicly_accessible"],
        security_hub: ["SQS.3"],
        config_rule: ["SQS_QUEUE_NO_PUBLIC_ACCESS"],
        cis: [],
        reads: { Sqs: [ListQueues, GetQueueAttributes] },
        remediation: "Name the principals in the queue policy or restrict its wildcard statements with conditions.",
    }
}

impl SqsQueuePolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for queue in &inv.sqs.queues {
            if matches!(queue.policy, Some(Setting::NotConfigured)) {
                out.pass(queue, "the queue has no access policy");
                continue;
            }
            report_public(out, queue, judge(inv, &trusted, &queue.arn, queue.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &queue.arn, "the queue's access policy")
            });
        }
    }
}
