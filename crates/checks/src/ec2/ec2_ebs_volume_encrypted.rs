use crate::declare_check;
use wasp_model::ec2::VolumeState;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every EBS volume is encrypted, attached or not. Volumes being deleted or deleted are not
    /// judged. SKIP when the volume description leaves its encryption out.
    ///
    /// ### Why it matters
    /// An unencrypted volume's data is readable from any snapshot of it, including snapshots
    /// shared or copied to other accounts, and encryption cannot be switched on for an
    /// existing volume later.
    ///
    /// ### How to fix
    /// Snapshot the volume, copy the snapshot with encryption enabled, create a new volume from
    /// it and swap it in; turn on EBS encryption by default so it does not happen again.
    Ec2EbsVolumeEncrypted {
        id: "ec2_ebs_volume_encrypted",
        title: "EBS volumes are encrypted",
        severity: Medium,
        service: Ec2,
        resource_kind: "ec2_volume",
        best_practices: ["SEC08-BP02"],
        prowler: ["ec2_ebs_volume_encryption"],
        security_hub: ["EC2.3"],
        config_rule: ["ENCRYPTED_VOLUMES"],
        cis: [],
        reads: { Ec2: [DescribeVolumes] },
        remediation: "Replace the volume with an encrypted copy and enable EBS encryption by default.",
    }
}

impl Ec2EbsVolumeEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let live =
            inv.ec2.volumes.iter().filter(|v| !matches!(v.state, Some(VolumeState::Deleting | VolumeState::Deleted)));
        for volume in live {
            match volume.encrypted {
                Some(true) => out.pass(volume, "the volume is encrypted"),
                Some(false) => out.fail(volume, "the volume is not encrypted"),
                None => out.skip(volume, "AWS did not say whether the volume is encrypted"),
            }
        }
    }
}
