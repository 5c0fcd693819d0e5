use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

/// The tag CloudFormation puts on every taggable resource it creates.
const STACK_TAG: &str = "aws:cloudformation:stack-name";

declare_check! {
    /// ### What it checks
    /// An evidence signal for programmatic deployment: the share of tagged resources already
    /// in the inventory (IAM users and roles, VPCs, security groups, EC2 instances and
    /// volumes, KMS keys) that carry the `aws:cloudformation:stack-name` tag CloudFormation
    /// adds to what it creates, with the number of stacks. No extra call is made. PASS when at
    /// least one CloudFormation stack exists or one inventoried resource carries the tag,
    /// naming the share; FAIL when neither; SKIP when neither was found and the stacks of a
    /// region could not be read. Resources deployed by Terraform, CDK-less pipelines or
    /// StackSets in other accounts are not recognised, and untagged resources are not
    /// counted: the share is a lower bound shown to the person answering.
    ///
    /// ### Why it matters
    /// Infrastructure that is deployed from reviewed templates can be rebuilt, audited and
    /// corrected in one place; the larger the share made by hand, the more the account's
    /// state depends on what people remember doing.
    ///
    /// ### How to fix
    /// Deploy through a pipeline from templates (CloudFormation, CDK, Terraform), import
    /// hand-made resources into stacks, and restrict console changes in production.
    CloudformationManagedResourcesSignal {
        id: "cloudformation_managed_resources_signal",
        title: "Signal: resources are deployed by CloudFormation",
        severity: Informational,
        kind: Signal,
        service: CloudFormation,
        resource_kind: "account",
        best_practices: ["SEC11-BP06", "SEC01-BP06"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CloudFormation: [DescribeStacks] },
        remediation: "Deploy infrastructure from templates through a pipeline.",
    }
}

impl CloudformationManagedResourcesSignal {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let tagged = inv.tags_by_arn();
        let managed = tagged.values().filter(|tags| tags.contains_key(STACK_TAG)).count();
        let stacks = inv.cloudformation.stacks.len();
        let share = if tagged.is_empty() {
            "no tagged resource in the inventory to measure".to_owned()
        } else {
            format!(
                "{managed} of {} tagged resources ({}%) carry {STACK_TAG}",
                tagged.len(),
                managed * 100 / tagged.len()
            )
        };
        if stacks > 0 || managed > 0 {
            out.account(Status::Pass, format!("{stacks} stacks; {share}"));
        } else if let Some(why) =
            evidence::operation_gap_anywhere(inv, Service::CloudFormation, "DescribeStacks", "the stacks")
        {
            out.account(Status::Skip, why);
        } else {
            out.account(Status::Fail, format!("no CloudFormation stack; {share}"));
        }
    }
}
