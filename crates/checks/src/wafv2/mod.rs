//! WAFv2 checks.
mod wafv2_rule_metrics_enabled;
mod wafv2_web_acl_logging_enabled;
mod wafv2_web_acl_managed_rules;
mod wafv2_web_acl_not_empty;

pub use wafv2_rule_metrics_enabled::Wafv2RuleMetricsEnabled;
pub use wafv2_web_acl_logging_enabled::Wafv2WebAclLoggingEnabled;
pub use wafv2_web_acl_managed_rules::Wafv2WebAclManagedRules;
pub use wafv2_web_acl_not_empty::Wafv2WebAclNotEmpty;

use wasp_model::wafv2::{WafRule, WebAcl};
use wasp_model::Inventory;

/// The rules of a web ACL, or a SKIP naming the failed read.
pub(crate) fn rules<'a>(inv: &Inventory, acl: &'a WebAcl, out: &mut crate::Findings<'_>) -> Option<&'a [WafRule]> {
    if acl.rules.is_none() {
        out.skip(acl, crate::evidence::unknown_for_resource(inv, &acl.arn, "the web ACL's rules"));
    }
    acl.rules.as_deref()
}
