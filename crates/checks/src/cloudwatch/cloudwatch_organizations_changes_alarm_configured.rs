use super::chain;
use crate::declare_check;
use serde_json::Value;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// AWS Organizations changes raise an alarm that reaches someone, as CIS 4.15 describes: a
    /// multi-region, logging trail delivers to a CloudWatch Logs group; a metric filter on that
    /// group counts these events; a CloudWatch alarm in the group's region watches a metric the
    /// filter publishes, with actions enabled; and its action is a Lambda function, a Systems
    /// Manager action, or an SNS topic with a confirmed subscriber. The filter pattern is parsed
    /// and evaluated against sample CloudTrail events: it must count each of `AcceptHandshake`,
    /// `AttachPolicy`, `CreateAccount`, `CreateOrganizationalUnit`, `CreatePolicy`,
    /// `DeclineHandshake`, `DeleteOrganization`, `DeleteOrganizationalUnit`, `DeletePolicy`,
    /// `DetachPolicy`, `DisablePolicyType`, `EnablePolicyType`, `InviteAccountToOrganization`,
    /// `LeaveOrganization`, `MoveAccount`, `RemoveAccountFromOrganization`, `UpdatePolicy`,
    /// `UpdateOrganizationalUnit` from `organizations.amazonaws.com`, and must not count reads such
    /// as `ListAccounts`, `DescribeOrganization`, `ListPolicies`. FAIL names the first broken link;
    /// SKIP when a link could not be read (a trail's flags or status, a log group in a region that
    /// was not scanned, the group's metric filters, the region's alarms or subscriptions, or a
    /// region's trail list).
    ///
    /// ### Why it matters
    /// The organization's structure and its policies are the guardrails of every account in it;
    /// moving an account out of an OU or detaching an SCP silently removes them.
    ///
    /// ### How to fix
    /// Add a metric filter whose pattern counts `AcceptHandshake`, `AttachPolicy`, `CreateAccount`,
    /// `CreateOrganizationalUnit`, `CreatePolicy`, `DeclineHandshake`, `DeleteOrganization`,
    /// `DeleteOrganizationalUnit`, `DeletePolicy`, `DetachPolicy`, `DisablePolicyType`,
    /// `EnablePolicyType`, `InviteAccountToOrganization`, `LeaveOrganization`, `MoveAccount`,
    /// `RemoveAccountFromOrganization`, `UpdatePolicy`, `UpdateOrganizationalUnit` from
    /// `organizations.amazonaws.com` (the CIS pattern joins `$.eventName = <name>` terms with `||`)
    /// to the trail's log group, and an alarm on its metric (threshold 1) that notifies an SNS
    /// topic with a subscriber; an EventBridge rule on the same events is an alternative.
    CloudwatchOrganizationsChangesAlarmConfigured {
        id: "cloudwatch_organizations_changes_alarm_configured",
        title: "An alarm fires on AWS Organizations changes",
        severity: Low,
        service: CloudWatch,
        resource_kind: "account",
        best_practices: ["SEC04-BP03", "SEC01-BP01"],
        prowler: ["cloudwatch_log_metric_filter_aws_organizations_changes"],
        security_hub: [],
        config_rule: [],
        cis: ["3.0:4.15", "4.0:4.15", "5.0:4.15"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus], Logs: [DescribeMetricFilters], CloudWatch: [DescribeAlarms], Sns: [ListSubscriptions] },
        remediation: "Add a metric filter and alarm for AWS Organizations changes on the trail's log group.",
    }
}

fn caught() -> Vec<Value> {
    chain::api_calls(
        "organizations.amazonaws.com",
        &[
            "AcceptHandshake",
            "AttachPolicy",
            "CreateAccount",
            "CreateOrganizationalUnit",
            "CreatePolicy",
            "DeclineHandshake",
            "DeleteOrganization",
            "DeleteOrganizationalUnit",
            "DeletePolicy",
            "DetachPolicy",
            "DisablePolicyType",
            "EnablePolicyType",
            "InviteAccountToOrganization",
            "LeaveOrganization",
            "MoveAccount",
            "RemoveAccountFromOrganization",
            "UpdatePolicy",
            "UpdateOrganizationalUnit",
        ],
    )
}

fn left_out() -> Vec<Value> {
    chain::api_calls("organizations.amazonaws.com", &["ListAccounts", "DescribeOrganization", "ListPolicies"])
}

impl CloudwatchOrganizationsChangesAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let events = chain::Events { what: "AWS Organizations changes", must_match: caught, must_not_match: left_out };
        let (status, message) = chain::evaluate(inv, &events);
        out.account(status, message);
    }
}
