use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No machine image (AMI) owned by the account is public. SKIP when the image
    /// description leaves its visibility out.
    ///
    /// ### Why it matters
    /// A public AMI can be launched by anyone, exposing whatever was baked into it: embedded
    /// credentials, private code, internal hostnames and data left on the root volume.
    ///
    /// ### How to fix
    /// Run `aws ec2 modify-image-attribute --launch-permission "Remove=[{Group=all}]"`, share
    /// with specific accounts or the organization instead, and turn on block public access
    /// for AMIs.
    Ec2AmiNotPublic {
        id: "ec2_ami_not_public",
        title: "AMIs owned by the account are not public",
        severity: Critical,
        service: Ec2,
        resource_kind: "ec2_image",
        best_practices: ["SEC03-BP07"],
        prowler: ["ec2_ami_public"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeImages] },
        remediation: "Remove the public launch permission from the AMI.",
    }
}

impl Ec2AmiNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for image in &inv.ec2.images {
            match image.public {
                Some(true) => out.fail(image, "anyone can launch the image"),
                Some(false) => out.pass(image, "the image is private"),
                None => out.skip(image, "AWS did not say whether the image is public"),
            }
        }
    }
}
