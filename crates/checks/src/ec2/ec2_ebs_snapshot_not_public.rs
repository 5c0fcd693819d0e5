use crate::{declare_check, util};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No EBS snapshot owned by the account grants `createVolumePermission` to the `all`
    /// group, which would let any AWS account restore it. FAIL for a public snapshot; SKIP when
    /// the snapshot's permissions could not be read.
    ///
    /// ### Why it matters
    /// Anyone can create a volume from a public snapshot and read the disk as it was: database
    /// files, keys, configuration and logs. Public snapshots are actively harvested.
    ///
    /// ### How to fix
    /// Run `aws ec2 modify-snapshot-attribute --attribute createVolumePermission
    /// --operation-type remove --group-names all`, share with specific accounts if needed, and
    /// turn on block public access for snapshots.
    Ec2EbsSnapshotNotPublic {
        id: "ec2_ebs_snapshot_not_public",
        title: "EBS snapshots are not public",
        severity: Critical,
        service: "ec2",
        resource_kind: "ec2_snapshot",
        best_practices: ["SEC03-BP07", "SEC08-BP04"],
        prowler: ["ec2_ebs_public_snapshot"],
        security_hub: ["EC2.1"],
        config_rule: ["EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK"],
        cis: [],
        remediation: "Remove the public createVolumePermission from the snapshot.",
    }
}

impl Ec2EbsSnapshotNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for snapshot in &inv.ec2.snapshots {
            match snapshot.public {
                Some(false) => out.pass(snapshot, "the snapshot is not public"),
                Some(true) => out.fail(snapshot, "any AWS account can restore the snapshot"),
                None => out.skip(
                    snapshot,
                    util::unknown_for_resource(inv, &snapshot.arn, "the snapshot's create-volume permission"),
                ),
            }
        }
    }
}
