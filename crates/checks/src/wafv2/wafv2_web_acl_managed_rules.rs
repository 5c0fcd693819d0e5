use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every WAFv2 web ACL includes at least one managed rule group (from AWS or a Marketplace
    /// vendor), which its maintainer updates as new threats appear. Rule groups of your own
    /// and plain rules do not count. SKIP when the web ACL could not be read.
    ///
    /// ### Why it matters
    /// Hand-written rules cover what their author thought of at the time; managed rule groups
    /// follow new exploit patterns, bad bots and reputation lists without anyone on your side
    /// having to notice them first.
    ///
    /// ### How to fix
    /// Add `AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet` and
    /// `AWSManagedRulesAmazonIpReputationList` (in count mode first, to check for false
    /// positives).
    Wafv2WebAclManagedRules {
        id: "wafv2_web_acl_managed_rules",
        title: "WAF web ACLs use managed rule groups",
        severity: Low,
        service: Wafv2,
        resource_kind: "wafv2_web_acl",
        best_practices: ["SEC05-BP03", "SEC01-BP04"],
        prowler: ["wafv2_webacl_managed_rule_groups_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Wafv2: [ListWebACLs, GetWebACL] },
        remediation: "Add AWS managed rule groups to the web ACL.",
    }
}

impl Wafv2WebAclManagedRules {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for acl in &inv.wafv2.web_acls {
            let Some(rules) = super::rules(inv, acl, out) else { continue };
            let managed: Vec<String> =
                rules.iter().filter_map(|r| r.managed_by.as_ref().map(|v| format!("{} ({v})", r.name))).collect();
            if managed.is_empty() {
                out.fail(acl, "no managed rule group");
            } else {
                out.pass(acl, format!("managed rule group(s): {}", managed.join(", ")));
            }
        }
    }
}
