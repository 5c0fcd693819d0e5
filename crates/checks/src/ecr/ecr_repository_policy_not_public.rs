use crate::{declare_check, evidence, policy};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No private ECR repository policy has an `Allow` statement for everyone (`"*"`,
    /// `{"AWS": "*"}` or a `NotPrincipal`) without a condition that really restricts the
    /// caller (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceVpce`, `aws:SourceArn`
    /// … with concrete values, see `lambda_function_policy_not_public`). Any action counts: a
    /// public `ecr:BatchGetImage` leaks the images, a public `ecr:PutImage` lets anyone
    /// replace them. A repository without a policy passes; SKIP when the policy could not be
    /// read.
    ///
    /// ### Why it matters
    /// Private images carry code, configuration and sometimes baked-in credentials; a public
    /// pull hands them to anyone with an AWS account, and a public push lets anyone poison
    /// what your services run.
    ///
    /// ### How to fix
    /// Replace the statement with one naming the accounts that pull, or restrict it with
    /// `aws:PrincipalOrgID`; publish images meant for everyone in ECR Public instead.
    EcrRepositoryPolicyNotPublic {
        id: "ecr_repository_policy_not_public",
        title: "ECR repository policies do not grant access to everyone",
        severity: Critical,
        service: Ecr,
        resource_kind: "ecr_repository",
        best_practices: ["SEC03-BP07", "SEC11-BP05"],
        prowler: ["ecr_repositories_not_publicly_accessible"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ecr: [DescribeRepositories, GetRepositoryPolicy] },
        remediation: "Remove the public statement and name the accounts or organization that may pull.",
    }
}

impl EcrRepositoryPolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for repo in &inv.ecr.repositories {
            match &repo.policy {
                Some(Setting::Configured(document)) => {
                    let public = policy::public_statements(document);
                    if public.is_empty() {
                        out.pass(repo, "the policy grants nothing to everyone without a restricting condition");
                    } else {
                        let actions = policy::actions_of(&public);
                        out.fail(repo, format!("the policy lets anyone call {actions}"));
                    }
                }
                Some(Setting::NotConfigured) => out.pass(repo, "the repository has no policy"),
                None => out.skip(repo, evidence::unknown_for_resource(inv, &repo.arn, "the repository policy")),
            }
        }
    }
}
