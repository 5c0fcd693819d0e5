use crate::{declare_check, evidence, policy};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No SQS queue's access policy has an `Allow` statement for everyone — `"Principal": "*"`,
    /// `{"AWS": "*"}`, or a `NotPrincipal` — unless a condition really restricts the caller:
    /// `aws:SourceArn` (the usual way to let an SNS topic or S3 bucket send), `aws:SourceAccount`,
    /// `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn` with a concrete account,
    /// `aws:SourceVpc(e)` or `aws:SourceIp` other than the whole internet, compared with a
    /// positive operator (`StringEquals`, `ArnLike`, `IpAddress` …, not their `IfExists` or
    /// negated forms) against values none of which is a wildcard. `aws:SecureTransport` and tag
    /// conditions do not restrict. Any action counts. A queue without a policy passes; SKIP
    /// when the queue's attributes could not be read.
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
        for queue in &inv.sqs.queues {
            match &queue.policy {
                Some(Setting::Configured(document)) => {
                    let public = policy::public_statements(document);
                    if public.is_empty() {
                        out.pass(queue, "the access policy grants nothing to everyone without a restricting condition");
                    } else {
                        let actions = policy::actions_of(&public);
                        out.fail(
                            queue,
                            format!(
                                "the access policy lets anyone call {actions}, with no condition that restricts who"
                            ),
                        );
                    }
                }
                Some(Setting::NotConfigured) => out.pass(queue, "the queue has no access policy"),
                None => out.skip(queue, evidence::unknown_for_resource(inv, &queue.arn, "the queue's access policy")),
            }
        }
    }
}
