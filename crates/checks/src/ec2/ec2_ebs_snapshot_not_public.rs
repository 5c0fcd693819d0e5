use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// No EBS snapshot owned by the account grants `createVolumePermission` to the `all`
    /// group, which would let any AWS account restore it. In each scanned region, the
    /// account's public snapshots come from one `DescribeSnapshots` call (owner `self`,
    /// restorable by `all`), which AWS answers with the public ones only. FAIL for each public
    /// snapshot; PASS for a region with none; SKIP for a region whose snapshots could not be
    /// read.
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
        service: Ec2,
        resource_kind: "ec2_snapshot",
        best_practices: ["SEC03-BP07", "SEC08-BP04"],
        prowler: ["ec2_ebs_public_snapshot"],
        security_hub: ["EC2.1"],
        config_rule: ["EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK"],
        cis: [],
        reads: { Ec2: [DescribeSnapshots] },
        remediation: "Remove the public createVolumePermission from the snapshot.",
    }
}

impl Ec2EbsSnapshotNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            match inv.ec2.public_snapshots.get(region) {
                Some(public) if public.is_empty() => {
                    out.in_region(Status::Pass, "ec2", region, "no snapshot of the account is public")
                }
                Some(public) => {
                    for snapshot in public {
                        out.fail(snapshot, "any AWS account can restore the snapshot");
                    }
                }
                None => {
                    let why = evidence::unknown_because(inv, Service::Ec2, region, "the public snapshot list");
                    out.in_region(Status::Skip, "ec2", region, why)
                }
            }
        }
    }
}
