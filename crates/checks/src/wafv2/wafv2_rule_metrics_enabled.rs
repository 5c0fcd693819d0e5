use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every WAFv2 web ACL and each of its rules and rule groups has CloudWatch metrics on
    /// (`VisibilityConfig.CloudWatchMetricsEnabled`). SKIP when the web ACL could not be read,
    /// or AWS did not report the web ACL's own setting.
    ///
    /// ### Why it matters
    /// Rule metrics are how a sudden rise in blocked (or allowed) requests becomes an alarm;
    /// a rule without them matches in silence.
    ///
    /// ### How to fix
    /// Turn on CloudWatch metrics in the visibility configuration of the web ACL and of each
    /// rule (`aws wafv2 update-web-acl`).
    Wafv2RuleMetricsEnabled {
        id: "wafv2_rule_metrics_enabled",
        title: "WAF web ACLs and their rules publish CloudWatch metrics",
        severity: Low,
        service: Wafv2,
        resource_kind: "wafv2_web_acl",
        best_practices: ["SEC04-BP01", "SEC05-BP03"],
        prowler: ["wafv2_webacl_rule_logging_enabled"],
        security_hub: ["WAF.12"],
        config_rule: [],
        cis: [],
        reads: { Wafv2: [ListWebACLs, GetWebACL] },
        remediation: "Turn on CloudWatch metrics for the web ACL and each rule.",
    }
}

impl Wafv2RuleMetricsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for acl in &inv.wafv2.web_acls {
            let Some(rules) = super::rules(inv, acl, out) else { continue };
            let mut dark: Vec<&str> =
                rules.iter().filter(|r| r.metrics_enabled == Some(false)).map(|r| r.name.as_str()).collect();
            match acl.metrics_enabled {
                Some(false) => dark.insert(0, "the web ACL itself"),
                None => {
                    out.skip(acl, "AWS did not report the web ACL's visibility configuration");
                    continue;
                }
                Some(true) => {}
            }
            if dark.is_empty() {
                out.pass(acl, format!("metrics on for the web ACL and its {} rule(s)", rules.len()));
            } else {
                out.fail(acl, format!("no CloudWatch metrics for {}", dark.join(", ")));
            }
        }
    }
}
