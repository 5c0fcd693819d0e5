use super::chain;
use crate::declare_check;
use serde_json::Value;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// VPC changes raise an alarm that reaches someone, as CIS 4.14 describes: a multi-region,
    /// logging trail delivers to a CloudWatch Logs group; a metric filter on that group counts
    /// these events; a CloudWatch alarm in the group's region watches a metric the filter
    /// publishes, with actions enabled; and its action is a Lambda function, a Systems Manager
    /// action, or an SNS topic with a confirmed subscriber. The filter pattern is parsed and
    /// evaluated against sample CloudTrail events: it must count each of `CreateVpc`, `DeleteVpc`,
    /// `ModifyVpcAttribute`, `AcceptVpcPeeringConnection`, `CreateVpcPeeringConnection`,
    /// `DeleteVpcPeeringConnection`, `RejectVpcPeeringConnection` from `ec2.amazonaws.com`, and
    /// must not count reads such as `DescribeVpcs`, `DescribeVpcPeeringConnections`. FAIL names the
    /// first broken link; SKIP when a link could not be read (a trail's flags or status, a log
    /// group in a region that was not scanned, the group's metric filters, the region's alarms or
    /// subscriptions, or a region's trail list).
    ///
    /// ### Why it matters
    /// A new peering connection or VPC attribute change can join networks that were meant to stay
    /// apart.
    ///
    /// ### How to fix
    /// Add a metric filter whose pattern counts `CreateVpc`, `DeleteVpc`, `ModifyVpcAttribute`,
    /// `AcceptVpcPeeringConnection`, `CreateVpcPeeringConnection`, `DeleteVpcPeeringConnection`,
    /// `RejectVpcPeeringConnection` from `ec2.amazonaws.com` (the CIS pattern joins `$.eventName =
    /// <name>` terms with `||`) to the trail's log group, and an alarm on its metric (threshold 1)
    /// that notifies an SNS topic with a subscriber; an EventBridge rule on the same events is an
    /// alternative.
    CloudwatchVpcChangesAlarmConfigured {
        id: "cloudwatch_vpc_changes_alarm_configured",
        title: "An alarm fires on VPC changes",
        severity: Low,
        service: CloudWatch,
        resource_kind: "account",
        best_practices: ["SEC04-BP03"],
        prowler: ["cloudwatch_changes_to_vpcs_alarm_configured"],
        security_hub: ["CloudWatch.14"],
        config_rule: [],
        cis: ["3.0:4.14", "4.0:4.14", "5.0:4.14"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus], Logs: [DescribeMetricFilters], CloudWatch: [DescribeAlarms], Sns: [ListSubscriptions] },
        remediation: "Add a metric filter and alarm for VPC changes on the trail's log group.",
    }
}

fn caught() -> Vec<Value> {
    chain::api_calls(
        "ec2.amazonaws.com",
        &[
            "CreateVpc",
            "DeleteVpc",
            "ModifyVpcAttribute",
            "AcceptVpcPeeringConnection",
            "CreateVpcPeeringConnection",
            "DeleteVpcPeeringConnection",
            "RejectVpcPeeringConnection",
        ],
    )
}

fn left_out() -> Vec<Value> {
    chain::api_calls("ec2.amazonaws.com", &["DescribeVpcs", "DescribeVpcPeeringConnections"])
}

impl CloudwatchVpcChangesAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let events = chain::Events { what: "VPC changes", must_match: caught, must_not_match: left_out };
        let (status, message) = chain::evaluate(inv, &events);
        out.account(status, message);
    }
}
