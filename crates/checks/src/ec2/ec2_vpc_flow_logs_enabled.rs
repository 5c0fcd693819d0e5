use crate::{declare_check, evidence};
use wasp_model::ec2::{FlowLog, FlowLogStatus, TrafficType};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// Every VPC has a flow log attached to the VPC itself (`resource_id` is the VPC id, in the
    /// VPC's region) that records rejected traffic (`traffic_type` `ALL` or `REJECT`) and is
    /// not in a non-`ACTIVE` status (an unstated status, as templates give, is accepted). Flow
    /// logs on single subnets or interfaces do not count. FAIL when no such flow log exists;
    /// SKIP when the only candidates have an unknown traffic type, or when the region's flow
    /// logs could not be read.
    ///
    /// ### Why it matters
    /// Flow logs are the record of who talked to what inside the network. Without them,
    /// investigating scanning, lateral movement or exfiltration relies on guesswork.
    ///
    /// ### How to fix
    /// Run `aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id>
    /// --traffic-type ALL` with a CloudWatch Logs or S3 destination, ideally centralised in a
    /// log archive account.
    Ec2VpcFlowLogsEnabled {
        id: "ec2_vpc_flow_logs_enabled",
        title: "VPCs have flow logs enabled",
        severity: Medium,
        service: Ec2,
        resource_kind: "vpc",
        best_practices: ["SEC04-BP01"],
        prowler: ["vpc_flow_logs_enabled"],
        security_hub: ["EC2.6"],
        config_rule: ["VPC_FLOW_LOGS_ENABLED"],
        cis: ["3.0:3.7", "4.0:3.7", "5.0:3.7"],
        reads: { Ec2: [DescribeVpcs, DescribeFlowLogs] },
        remediation: "Create a VPC flow log that records at least rejected traffic.",
    }
}

/// Not reported inactive (templates give no status).
fn active(log: &FlowLog) -> bool {
    log.status != Some(FlowLogStatus::Inactive)
}

fn records_rejects(log: &FlowLog) -> bool {
    matches!(log.traffic_type, Some(TrafficType::All | TrafficType::Reject))
}

impl Ec2VpcFlowLogsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for vpc in &inv.ec2.vpcs {
            let logs: Vec<&FlowLog> = inv
                .ec2
                .flow_logs
                .iter()
                .filter(|f| f.resource_id == vpc.id && f.region == vpc.region && active(f))
                .collect();
            if let Some(log) = logs.iter().find(|f| records_rejects(f)) {
                let kind = if log.traffic_type == Some(TrafficType::All) { "all" } else { "rejected" };
                out.pass(vpc, format!("flow log {} records {kind} traffic", log.id));
            } else if logs.iter().any(|f| f.traffic_type.is_none()) {
                out.skip(vpc, "the traffic type of the VPC's flow log was not read");
            } else if let Some(why) =
                evidence::operation_gap(inv, Service::Ec2, &vpc.region, "DescribeFlowLogs", "the flow log list")
            {
                out.skip(vpc, why);
            } else if logs.is_empty() {
                out.fail(vpc, "no active flow log on the VPC");
            } else {
                out.fail(vpc, "the VPC's flow logs record only accepted traffic");
            }
        }
    }
}
