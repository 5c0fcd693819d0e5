use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ECS service assigns public IP addresses to its tasks: its `awsvpc` network
    /// configuration has `assignPublicIp` `DISABLED`. `ENABLED` fails. Services without an
    /// `awsvpc` configuration (bridge or host networking on EC2) get no public IP from ECS
    /// and pass; the instance's own address is judged by the EC2 checks.
    ///
    /// ### Why it matters
    /// A task with a public IP is reachable from the internet on every port its security
    /// group opens, bypassing the load balancer and WAF in front of the service.
    ///
    /// ### How to fix
    /// Run tasks in private subnets with `assignPublicIp=DISABLED` (a NAT gateway or VPC
    /// endpoints for outbound traffic) and expose them through a load balancer:
    /// `aws ecs update-service --network-configuration 'awsvpcConfiguration={subnets=[…],assignPublicIp=DISABLED}'`.
    EcsServiceNoPublicIp {
        id: "ecs_service_no_public_ip",
        title: "ECS services do not assign public IPs to tasks",
        severity: High,
        service: Ecs,
        resource_kind: "ecs_service",
        best_practices: ["SEC05-BP01"],
        prowler: ["ecs_service_no_assign_public_ip"],
        security_hub: ["ECS.2"],
        config_rule: [],
        cis: [],
        reads: { Ecs: [ListClusters, ListServices, DescribeServices] },
        remediation: "Disable assignPublicIp and put the tasks in private subnets behind a load balancer.",
    }
}

impl EcsServiceNoPublicIp {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for service in &inv.ecs.services {
            match service.assign_public_ip {
                Some(true) => out.fail(service, "tasks get a public IP (assignPublicIp ENABLED)"),
                Some(false) => out.pass(service, "tasks get no public IP"),
                None => out.pass(service, "no awsvpc configuration: ECS assigns tasks no public IP"),
            }
        }
    }
}
