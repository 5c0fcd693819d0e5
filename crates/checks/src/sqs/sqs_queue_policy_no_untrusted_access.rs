use crate::resource_policy::{judge, report_untrusted, trusted};
use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No SQS queue's access policy lets in a principal outside the trusted accounts — the
    /// scanned account, its organization's management account and organization, and
    /// `[checks] trusted_accounts` — judged with wasp's policy engine as for bucket policies:
    /// anyone, any account, each named untrusted account, service principals acting for
    /// another account and the accounts a source condition names are simulated, and a grant
    /// is open when no condition pins the caller (`aws:PrincipalOrgID`, `aws:SourceArn`,
    /// `aws:SourceAccount` …). FAIL lists the open grants; grants that only conditions of
    /// unknown effect restrict pass with the conditions named. A queue without a policy
    /// passes; SKIP when the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// Queues are shared across accounts to fan work in or out, but every account a policy
    /// lets in can inject messages your consumers trust or take the messages meant for them;
    /// an account you do not recognise, or a topic of one, is a way in.
    ///
    /// ### How to fix
    /// Remove statements for accounts you do not trust, add the ones you do to
    /// `trusted_accounts`, pin service principals to your own resources with
    /// `aws:SourceArn`, and share with your whole organization through `aws:PrincipalOrgID`.
    SqsQueuePolicyNoUntrustedAccess {
        id: "sqs_queue_policy_no_untrusted_access",
        title: "SQS queue policies let in no principal outside the trusted accounts",
        severity: High,
        service: Sqs,
        resource_kind: "sqs_queue",
        best_practices: ["SEC03-BP07", "SEC03-BP08"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Sqs: [ListQueues, GetQueueAttributes], Organizations: [DescribeOrganization] },
        remediation: "Remove queue policy statements for untrusted accounts or restrict them with aws:PrincipalOrgID or aws:SourceArn.",
    }
}

impl SqsQueuePolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for queue in &inv.sqs.queues {
            if matches!(queue.policy, Some(Setting::NotConfigured)) {
                out.pass(queue, "the queue has no access policy");
                continue;
            }
            report_untrusted(out, queue, judge(inv, &trusted, &queue.arn, queue.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &queue.arn, "the queue's access policy")
            });
        }
    }
}
