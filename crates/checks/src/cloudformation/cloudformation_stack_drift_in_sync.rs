use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CloudFormation stack's last drift detection found it `IN_SYNC` with its
    /// template (`DriftInformation.StackDriftStatus` in `DescribeStacks`). FAIL when it is
    /// `DRIFTED`, when drift detection never ran (`NOT_CHECKED`), or when its result is
    /// `UNKNOWN`; nothing is inferred about when it last ran. SKIP when AWS gave no drift
    /// status. wasp never starts drift detection itself: that would be a write.
    ///
    /// ### Why it matters
    /// A stack that drifted was changed outside the pipeline: its template no longer says
    /// what runs, reviews of the template review fiction, and the next deployment may undo a
    /// fix or reintroduce a hole.
    ///
    /// ### How to fix
    /// Run drift detection on a schedule (an AWS Config rule or a scheduled job), and bring
    /// drifted stacks back by updating the template or reverting the manual change.
    CloudformationStackDriftInSync {
        id: "cloudformation_stack_drift_in_sync",
        title: "CloudFormation stacks are checked for drift and in sync",
        severity: Low,
        service: CloudFormation,
        resource_kind: "cloudformation_stack",
        best_practices: ["SEC11-BP06", "SEC01-BP06"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CloudFormation: [DescribeStacks] },
        remediation: "Detect drift regularly and reconcile drifted stacks with their templates.",
    }
}

impl CloudformationStackDriftInSync {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for stack in &inv.cloudformation.stacks {
            match stack.drift_status.as_deref() {
                Some("IN_SYNC") => out.pass(stack, "the last drift detection found the stack in sync"),
                Some("DRIFTED") => out.fail(stack, "the stack has drifted from its template"),
                Some("NOT_CHECKED") => out.fail(stack, "drift detection never ran on the stack"),
                Some(other) => out.fail(stack, format!("the drift status is {other}")),
                None => out.skip(stack, crate::evidence::unknown_for_resource(inv, &stack.arn, "the drift status")),
            }
        }
    }
}
