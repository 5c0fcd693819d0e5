use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every EFS access point enforces a POSIX user (`PosixUser`): every file operation through
    /// it is made as that user and group, whatever the client claims. Access points being
    /// deleted are not judged. An enforced user id 0 (root) fails.
    ///
    /// ### Why it matters
    /// NFS trusts the user id the client sends: without an enforced user, any client able to
    /// mount can act as any user, including root, on the files it reaches.
    ///
    /// ### How to fix
    /// Create an access point with `--posix-user Uid=1001,Gid=1001`, move the clients to it and
    /// delete the old one.
    EfsAccessPointPosixUserEnforced {
        id: "efs_access_point_posix_user_enforced",
        title: "EFS access points enforce a non-root POSIX user",
        severity: Medium,
        service: Efs,
        resource_kind: "efs_access_point",
        best_practices: ["SEC03-BP02"],
        prowler: ["efs_access_point_enforce_user_identity"],
        security_hub: ["EFS.4"],
        config_rule: ["EFS_ACCESS_POINT_ENFORCE_USER_IDENTITY"],
        cis: [],
        reads: { Efs: [DescribeAccessPoints] },
        remediation: "Recreate the access point with an enforced, non-root POSIX user.",
    }
}

impl EfsAccessPointPosixUserEnforced {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for ap in inv.efs.access_points.iter().filter(|a| !matches!(a.state.as_deref(), Some("deleting" | "deleted"))) {
            match ap.posix_uid {
                Some(0) => out.fail(ap, "the enforced POSIX user is root (uid 0)"),
                Some(uid) => out.pass(ap, format!("every request is made as uid {uid}")),
                None => out.fail(ap, "no POSIX user is enforced: clients choose their own"),
            }
        }
    }
}
