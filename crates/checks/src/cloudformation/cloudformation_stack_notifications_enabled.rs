use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every root CloudFormation stack notifies at least one SNS topic of its events
    /// (`NotificationARNs` in `DescribeStacks`). Nested stacks are not judged. FAIL when the
    /// list is empty. Whether the topic has a subscriber is not judged. This check never
    /// skips: the list comes with every stack `DescribeStacks` returns.
    ///
    /// ### Why it matters
    /// Stack events (updates, rollbacks, deletions) are changes to production; a topic that
    /// receives them lets a team see changes that bypassed the pipeline as they happen.
    ///
    /// ### How to fix
    /// Give the stack a notification topic (`--notification-arns` on create or update) that
    /// feeds the team's change channel.
    CloudformationStackNotificationsEnabled {
        id: "cloudformation_stack_notifications_enabled",
        title: "CloudFormation stacks send event notifications",
        severity: Low,
        service: CloudFormation,
        resource_kind: "cloudformation_stack",
        best_practices: ["SEC11-BP06", "SEC04-BP03"],
        prowler: [],
        security_hub: [],
        config_rule: ["CLOUDFORMATION_STACK_NOTIFICATION_CHECK"],
        cis: [],
        reads: { CloudFormation: [DescribeStacks] },
        remediation: "Send the stack's events to an SNS topic the team follows.",
    }
}

impl CloudformationStackNotificationsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for stack in inv.cloudformation.stacks.iter().filter(|s| s.parent.is_none()) {
            match stack.notification_arns.first() {
                Some(topic) => out.pass(stack, format!("events go to {topic}")),
                None => out.fail(stack, "the stack notifies no SNS topic"),
            }
        }
    }
}
