use super::attached;
use crate::{declare_check, Status};
use serde_json::Value;
use wasp_model::organizations::ServiceControlPolicy;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The organization has an AI services opt-out policy attached to a root, OU or account
    /// whose content opts every AI service out: `services.default.opt_out_policy` assigns
    /// `optOut` (`"@@assign": "optOut"`). A policy that assigns `optIn`, or names only some
    /// services, does not count. FAIL when the account is in no organization or one without
    /// all features, when no such policy exists or none is attached, or when the attached ones
    /// do not opt out by default. SKIP when the organization, its policy list, the targets or
    /// the content of the policies could not be read. Whether the attachment covers this
    /// account is not judged.
    ///
    /// ### Why it matters
    /// By default, some AWS AI services may store and use content they process (documents,
    /// transcripts, images) to improve the service. For regulated or confidential data that
    /// use has to be refused explicitly, and an organization policy is the only way to refuse
    /// it for every account.
    ///
    /// ### How to fix
    /// Attach an AI services opt-out policy to the organization root with
    /// `{"services": {"default": {"opt_out_policy": {"@@assign": "optOut"}}}}`.
    OrganizationsAiOptOutPolicyAttached {
        id: "organizations_ai_opt_out_policy_attached",
        title: "An AI services opt-out policy opts the organization out",
        severity: Low,
        service: Organizations,
        resource_kind: "account",
        best_practices: ["SEC07-BP02", "SEC03-BP05"],
        prowler: ["organizations_opt_out_ai_services_policy"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Organizations: [DescribeOrganization, ListPolicies, ListTargetsForPolicy, DescribePolicy] },
        remediation: "Attach an AI services opt-out policy that assigns optOut by default to the organization root.",
    }
}

/// Whether a policy document opts every AI service out by default.
fn opts_out(document: &Value) -> bool {
    let assign = &document["services"]["default"]["opt_out_policy"]["@@assign"];
    assign.as_str().is_some_and(|v| v.eq_ignore_ascii_case("optOut"))
}

impl OrganizationsAiOptOutPolicyAttached {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let policies = match attached::custom_attached(inv, "AISERVICES_OPT_OUT_POLICY", "AI services opt-out policy") {
            Ok(policies) => policies,
            Err((status, message)) => {
                out.account(status, message);
                return;
            }
        };
        let opting_out: Vec<&ServiceControlPolicy> =
            policies.iter().copied().filter(|p| p.document.as_ref().is_some_and(opts_out)).collect();
        if !opting_out.is_empty() {
            out.account(Status::Pass, format!("attached and opting out by default: {}", attached::names(&opting_out)));
        } else if let Some(p) = policies.iter().find(|p| p.document.is_none()) {
            let why = crate::evidence::unknown_for_resource(inv, &p.arn, &format!("the content of policy {}", p.name));
            out.account(Status::Skip, why);
        } else {
            out.account(
                Status::Fail,
                format!("attached policies do not opt out by default: {}", attached::names(&policies)),
            );
        }
    }
}
