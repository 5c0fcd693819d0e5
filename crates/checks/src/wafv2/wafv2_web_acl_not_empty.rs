use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every WAFv2 web ACL, regional or CloudFront, has at least one rule or rule group
    /// (`GetWebACL`). SKIP when the web ACL could not be read.
    ///
    /// ### Why it matters
    /// An empty web ACL only applies its default action: attached to a load balancer or
    /// distribution it looks like protection and inspects nothing.
    ///
    /// ### How to fix
    /// Add AWS managed rule groups (core rule set, known bad inputs, IP reputation) and a
    /// rate-based rule, or delete the web ACL if it is not meant to protect anything.
    Wafv2WebAclNotEmpty {
        id: "wafv2_web_acl_not_empty",
        title: "WAF web ACLs contain rules",
        severity: Medium,
        service: Wafv2,
        resource_kind: "wafv2_web_acl",
        best_practices: ["SEC05-BP03"],
        prowler: ["wafv2_webacl_with_rules"],
        security_hub: ["WAF.10"],
        config_rule: ["WAFV2_WEBACL_NOT_EMPTY"],
        cis: [],
        reads: { Wafv2: [ListWebACLs, GetWebACL] },
        remediation: "Add rules or managed rule groups to the web ACL.",
    }
}

impl Wafv2WebAclNotEmpty {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for acl in &inv.wafv2.web_acls {
            let Some(rules) = super::rules(inv, acl, out) else { continue };
            if rules.is_empty() {
                out.fail(acl, "the web ACL has no rules: only its default action applies");
            } else {
                out.pass(acl, format!("{} rule(s)", rules.len()));
            }
        }
    }
}
