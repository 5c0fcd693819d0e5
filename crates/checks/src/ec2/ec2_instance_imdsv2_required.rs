use crate::{declare_check, evidence};
use wasp_model::ec2::{HttpTokens, InstanceState, Toggle};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every instance requires session tokens for the instance metadata service
    /// (`HttpTokens = required`, IMDSv2 only), or has the metadata endpoint disabled
    /// altogether. Terminated and shutting-down instances are not judged. FAIL when tokens are
    /// optional; SKIP when the metadata options could not be read.
    ///
    /// ### Why it matters
    /// With IMDSv1 a single server-side request forgery or open proxy on the instance is enough
    /// to fetch the instance role's temporary credentials. IMDSv2's PUT-then-GET session
    /// handshake defeats those attacks.
    ///
    /// ### How to fix
    /// Run `aws ec2 modify-instance-metadata-options --http-tokens required` after checking
    /// that the software on the instance uses a current SDK, and make IMDSv2 the account
    /// default for new instances.
    Ec2InstanceImdsv2Required {
        id: "ec2_instance_imdsv2_required",
        title: "EC2 instances require IMDSv2",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_instance",
        best_practices: ["SEC06-BP02", "SEC02-BP02"],
        prowler: ["ec2_instance_imdsv2_enabled"],
        security_hub: ["EC2.8"],
        config_rule: ["EC2_IMDSV2_CHECK"],
        cis: ["3.0:5.6", "4.0:5.7", "5.0:5.7"],
        reads: { Ec2: [DescribeInstances] },
        remediation: "Set the instance metadata option HttpTokens to required.",
    }
}

impl Ec2InstanceImdsv2Required {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let live = inv.ec2.instances.iter().filter(|i| !i.state.is_some_and(InstanceState::is_gone));
        for instance in live {
            if instance.metadata_endpoint == Some(Toggle::Disabled) {
                out.pass(instance, "the instance metadata endpoint is disabled");
                continue;
            }
            match instance.metadata_http_tokens {
                Some(HttpTokens::Required) => out.pass(instance, "IMDSv2 is required"),
                Some(HttpTokens::Optional) => out.fail(instance, "metadata tokens are optional; IMDSv1 is allowed"),
                None => {
                    out.skip(instance, evidence::unknown_for_resource(inv, &instance.arn, "the metadata configuration"))
                }
            }
        }
    }
}
