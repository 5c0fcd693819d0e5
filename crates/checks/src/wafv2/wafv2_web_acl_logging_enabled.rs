use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// Every WAFv2 web ACL has a logging configuration (`ListLoggingConfigurations` names it)
    /// sending its traffic logs to CloudWatch Logs, S3 or Firehose. SKIP when the logging
    /// configurations of its scope and region could not be read.
    ///
    /// ### Why it matters
    /// WAF logs show which rule matched which request and from where: the evidence for tuning
    /// rules and for investigating an attack the ACL blocked, or let through.
    ///
    /// ### How to fix
    /// `aws wafv2 put-logging-configuration --logging-configuration
    /// ResourceArn=<acl>,LogDestinationConfigs=<log group arn>` (the log group's name must
    /// start with `aws-waf-logs-`).
    Wafv2WebAclLoggingEnabled {
        id: "wafv2_web_acl_logging_enabled",
        title: "WAF web ACLs log the traffic they inspect",
        severity: Low,
        service: Wafv2,
        resource_kind: "wafv2_web_acl",
        best_practices: ["SEC04-BP01", "SEC05-BP03"],
        prowler: ["wafv2_webacl_logging_enabled"],
        security_hub: ["WAF.11"],
        config_rule: ["WAFV2_LOGGING_ENABLED"],
        cis: [],
        reads: { Wafv2: [ListWebACLs, ListLoggingConfigurations] },
        remediation: "Configure logging for the web ACL.",
    }
}

impl Wafv2WebAclLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for acl in &inv.wafv2.web_acls {
            match &acl.logging {
                Some(Setting::Configured(to)) if !to.is_empty() => out.pass(acl, format!("logs to {}", to.join(", "))),
                Some(_) => out.fail(acl, "no logging configuration"),
                None => out.skip(acl, evidence::unknown_for_resource(inv, &acl.arn, "the logging configuration")),
            }
        }
    }
}
