use crate::declare_check;
use wasp_model::Inventory;

/// The newest Fargate platform versions, Linux and Windows (AWS Fargate platform versions
/// page, as of December 2026).
pub const LATEST_LINUX: &str = "1.4.0";
pub const LATEST_WINDOWS: &str = "1.0.0";

declare_check! {
    /// ### What it checks
    /// Every ECS service with launch type `FARGATE` runs on the newest platform version:
    /// `LATEST` (or none set, which means `LATEST`), or the newest version by number —
    /// `1.4.0` for Linux, `1.0.0` for Windows (platform family `WINDOWS_SERVER_…`). An older
    /// pinned version fails. Services on EC2, external instances or capacity providers are
    /// not judged.
    ///
    /// ### Why it matters
    /// The platform version is the kernel, container runtime and agent your tasks run on;
    /// older versions stop receiving the security fixes AWS ships in new ones.
    ///
    /// ### How to fix
    /// `aws ecs update-service --platform-version LATEST --force-new-deployment`.
    EcsServiceFargateLatestPlatform {
        id: "ecs_service_fargate_latest_platform",
        title: "Fargate services run on the latest platform version",
        severity: Medium,
        service: Ecs,
        resource_kind: "ecs_service",
        best_practices: ["SEC06-BP01"],
        prowler: ["ecs_service_fargate_latest_platform_version"],
        security_hub: ["ECS.10"],
        config_rule: ["ECS_FARGATE_LATEST_PLATFORM_VERSION"],
        cis: [],
        reads: { Ecs: [ListClusters, ListServices, DescribeServices] },
        remediation: "Set the service's platform version to LATEST and redeploy.",
    }
}

impl EcsServiceFargateLatestPlatform {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for service in &inv.ecs.services {
            if service.launch_type.as_deref() != Some("FARGATE") {
                continue;
            }
            let windows =
                service.platform_family.as_deref().is_some_and(|f| f.to_ascii_uppercase().starts_with("WINDOWS"));
            let latest = if windows { LATEST_WINDOWS } else { LATEST_LINUX };
            match service.platform_version.as_deref() {
                None | Some("LATEST") => out.pass(service, "runs on the LATEST platform version"),
                Some(v) if v == latest => out.pass(service, format!("runs on platform version {v}, the newest")),
                Some(v) => out.fail(service, format!("pinned to platform version {v}; the newest is {latest}")),
            }
        }
    }
}
