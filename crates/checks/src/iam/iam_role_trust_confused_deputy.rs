use super::iam_role_trust_not_public::assumes;
use crate::iam_policies::{Analysis, Doc};
use crate::{declare_check, evidence};
use wasp_iam::{exposure, Outsider, ResourcePolicyKind};
use wasp_model::Inventory;

/// Service principals whose documentation asks role trust policies to pin the calling
/// account or resource with `aws:SourceAccount` / `aws:SourceArn`: these services assume the
/// role on behalf of resources that may belong to any account.
pub(crate) const DEPUTY_SERVICES: &[&str] = &[
    "appsync.amazonaws.com",
    "bedrock.amazonaws.com",
    "config.amazonaws.com",
    "datasync.amazonaws.com",
    "ecs-tasks.amazonaws.com",
    "fis.amazonaws.com",
    "frauddetector.amazonaws.com",
    "iot.amazonaws.com",
    "personalize.amazonaws.com",
    "sagemaker.amazonaws.com",
    "scheduler.amazonaws.com",
    "ssm.amazonaws.com",
    "transfer.amazonaws.com",
];

declare_check! {
    /// ### What it checks
    /// Role trust policies guard against the confused deputy, judged with wasp's policy engine
    /// (a simulated caller acting for an account outside the trusted set, choosing the request
    /// that suits it best). Two rules:
    ///
    /// - **Services.** A role that trusts one of the service principals whose documentation
    ///   recommends `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID` or
    ///   `aws:SourceOrgPaths` in role trust policies — AppSync, Bedrock, Config, DataSync, ECS
    ///   tasks, FIS, Fraud Detector, IoT, Personalize, SageMaker, EventBridge Scheduler, Systems
    ///   Manager, Transfer Family — must not let that service assume it on behalf of another
    ///   account. Trusts of services that can only use roles passed by the role's own account
    ///   (EC2, Lambda and the like) are not judged.
    /// - **Third parties.** A role that trusts a principal or account outside the trusted set
    ///   (the scanned account, its organization's management account and `[checks]
    ///   trusted_accounts` in wasp.toml) must require `sts:ExternalId`. wasp does not know the
    ///   other accounts of your organization: list those that are not third parties in
    ///   `trusted_accounts`, or pin them with `aws:PrincipalOrgID`.
    ///
    /// FAIL names the service or principal and the statement. Service-linked roles are not
    /// judged, and roles open to everyone are left to `iam_role_trust_not_public`. SKIP when
    /// the trust policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A service that assumes roles for its customers can be pointed by another customer at
    /// your role's ARN; a vendor that assumes roles in many accounts can be pointed by another
    /// of its customers at yours. The source conditions and the external ID tie each
    /// assumption to the account it is meant for.
    ///
    /// ### How to fix
    /// Add `"StringEquals": {"aws:SourceAccount": "<your account>"}` (or `aws:SourceArn` of the
    /// resource that uses the role) to service trusts, and an `sts:ExternalId` condition with
    /// the value the third party gave you to cross-account trusts.
    IamRoleTrustConfusedDeputy {
        id: "iam_role_trust_confused_deputy",
        title: "Role trusts of services and third parties guard against the confused deputy",
        severity: Medium,
        service: Iam,
        resource_kind: "iam_role",
        best_practices: ["SEC03-BP02", "SEC03-BP08", "SEC03-BP09"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails], Organizations: [DescribeOrganization] },
        remediation: "Add aws:SourceAccount or aws:SourceArn to service trusts and sts:ExternalId to third-party trusts.",
    }
}

impl IamRoleTrustConfusedDeputy {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let analysis = Analysis::new(inv);
        let trusted = analysis.trusted(out.settings());
        for role in inv.iam.roles.iter().filter(|r| !r.is_service_linked()) {
            let trust = match analysis.trust(&role.arn) {
                Some(Doc::Ready(p)) => p,
                Some(Doc::Malformed(e)) => {
                    out.skip(role, format!("the trust policy could not be parsed ({e})"));
                    continue;
                }
                _ => {
                    out.skip(role, evidence::unknown_for_resource(inv, &role.arn, "the trust policy"));
                    continue;
                }
            };
            let exposed = exposure(trust, ResourcePolicyKind::TrustPolicy, &role.arn, &inv.account_id, &trusted);
            let mut problems = Vec::new();
            for g in exposed.grants.iter().filter(|g| assumes(g)) {
                let statements = g.statements.join(", ");
                match &g.outsider {
                    Outsider::Service(s) if g.conditions.is_empty() && DEPUTY_SERVICES.contains(&s.as_str()) => {
                        problems.push(format!(
                            "{s} may assume it for any account: no aws:SourceAccount or aws:SourceArn condition (statement {statements})"
                        ));
                    }
                    Outsider::Principal(p) | Outsider::Organization(p)
                        if !g.conditions.iter().any(|u| u.key.as_deref() == Some("sts:externalid")) =>
                    {
                        problems.push(format!(
                            "{p}, outside the trusted accounts, may assume it without an sts:ExternalId condition (statement {statements})"
                        ));
                    }
                    _ => {}
                }
            }
            problems.dedup();
            if problems.is_empty() {
                out.pass(role, "no service or third-party trust without its confused-deputy condition");
            } else {
                out.fail(role, problems.join("; "));
            }
        }
    }
}
