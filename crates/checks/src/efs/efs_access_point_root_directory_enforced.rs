use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every EFS access point confines its clients to a directory: its `RootDirectory.Path` is
    /// set and is not `/`. Access points being deleted are not judged.
    ///
    /// ### Why it matters
    /// An access point whose root is `/` gives each application that uses it the whole file
    /// system, including every other application's data; a dedicated subdirectory keeps them
    /// apart.
    ///
    /// ### How to fix
    /// Access points cannot change their root: create one with `--root-directory
    /// Path=/app,CreationInfo={…}`, move the clients to it and delete the old one.
    EfsAccessPointRootDirectoryEnforced {
        id: "efs_access_point_root_directory_enforced",
        title: "EFS access points confine clients to a directory",
        severity: Medium,
        service: Efs,
        resource_kind: "efs_access_point",
        best_practices: ["SEC03-BP02"],
        prowler: ["efs_access_point_enforce_root_directory"],
        security_hub: ["EFS.3"],
        config_rule: ["EFS_ACCESS_POINT_ENFORCE_ROOT_DIRECTORY"],
        cis: [],
        reads: { Efs: [DescribeAccessPoints] },
        remediation: "Recreate the access point with a root directory other than /.",
    }
}

impl EfsAccessPointRootDirectoryEnforced {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for ap in inv.efs.access_points.iter().filter(|a| !matches!(a.state.as_deref(), Some("deleting" | "deleted"))) {
            match ap.root_directory.as_deref() {
                Some(p) if p != "/" && !p.is_empty() => out.pass(ap, format!("clients are confined to {p}")),
                _ => out.fail(ap, "the root directory is / (the whole file system)"),
            }
        }
    }
}
