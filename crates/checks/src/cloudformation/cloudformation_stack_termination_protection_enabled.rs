use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every root CloudFormation stack has termination protection on
    /// (`EnableTerminationProtection` in `DescribeStacks`). Nested stacks are not judged:
    /// they take the protection of their root stack and cannot set their own. Stacks being
    /// deleted (`DELETE_IN_PROGRESS`, `DELETE_FAILED`) are not judged either. FAIL when it is
    /// off; SKIP when AWS did not say.
    ///
    /// ### Why it matters
    /// Deleting a stack deletes everything it created, including databases and key material
    /// unless they are retained; termination protection turns a mistaken or malicious delete
    /// into a deliberate two-step change.
    ///
    /// ### How to fix
    /// Turn it on (`aws cloudformation update-termination-protection
    /// --enable-termination-protection --stack-name …`), and set it at creation in the
    /// pipeline that deploys the stack.
    CloudformationStackTerminationProtectionEnabled {
        id: "cloudformation_stack_termination_protection_enabled",
        title: "CloudFormation stacks have termination protection",
        severity: Low,
        service: CloudFormation,
        resource_kind: "cloudformation_stack",
        best_practices: ["SEC11-BP06"],
        prowler: ["cloudformation_stacks_termination_protection_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CloudFormation: [DescribeStacks] },
        remediation: "Enable termination protection on the stack.",
    }
}

impl CloudformationStackTerminationProtectionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for stack in inv.cloudformation.stacks.iter().filter(|s| s.parent.is_none()) {
            if matches!(stack.status.as_deref(), Some("DELETE_IN_PROGRESS") | Some("DELETE_FAILED")) {
                continue;
            }
            match stack.termination_protection {
                Some(true) => out.pass(stack, "termination protection is on"),
                Some(false) => out.fail(stack, "termination protection is off"),
                None => out.skip(stack, evidence::unknown_for_resource(inv, &stack.arn, "termination protection")),
            }
        }
    }
}
