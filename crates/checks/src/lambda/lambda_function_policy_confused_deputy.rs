use crate::resource_policy::{confused_deputy, report_confused_deputy, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every grant a Lambda function's resource-based policy makes to an AWS service principal
    /// (`s3.amazonaws.com`, `sns.amazonaws.com`, `events.amazonaws.com`,
    /// `apigateway.amazonaws.com`, `logs.amazonaws.com` …) is tied to its source by
    /// `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID` or `aws:SourceOrgPaths` — the
    /// `--source-account` and `--source-arn` options of `aws lambda add-permission`, which
    /// Lambda's API reference asks for whenever the principal is a service. Alexa's
    /// principals are tied by their skill id instead (`--event-source-token`,
    /// `lambda:EventSourceToken`), which counts as well. It is judged with wasp's policy
    /// engine: each service the policy names is simulated acting for an account outside the
    /// trusted set (the scanned account, its organization's management account and
    /// organization, `[checks] trusted_accounts`). A source condition restricts when it pins
    /// one of those accounts, the organization or a named resource; a wildcard account or
    /// resource (`arn:aws:execute-api:*:*:*`) restricts nothing, and neither do conditions
    /// that say nothing about the source. A condition that names another account's resource
    /// ties the grant to that source and is left to `lambda_function_policy_no_untrusted_access`.
    /// Because a bucket ARN holds no account, a statement tied only by a bucket's
    /// `--source-arn` also fails: Lambda's guide asks for `--source-account` beside it. Grants
    /// to principals that are accounts, and grants to everyone, are the business of the
    /// untrusted-access and public-access checks.
    ///
    /// FAIL names each service and statement whose grant lacks the condition. A function
    /// without a policy passes; SKIP when the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A function a service may invoke for anyone can be triggered by any AWS customer: they
    /// point their bucket, topic, rule or API at your function's ARN, and it runs on their
    /// input under its own role, in your account.
    ///
    /// ### How to fix
    /// Remove the statement (`aws lambda remove-permission`) and add it again with
    /// `--source-arn` naming the bucket, topic, rule or API that invokes the function, and
    /// `--source-account` with your account id (required beside a bucket ARN).
    LambdaFunctionPolicyConfusedDeputy {
        id: "lambda_function_policy_confused_deputy",
        title: "Lambda function policies tie grants to AWS services to their source",
        severity: Medium,
        service: Lambda,
        resource_kind: "lambda_function",
        best_practices: ["SEC03-BP02", "SEC03-BP07", "SEC03-BP08"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Lambda: [ListFunctions, GetPolicy], Organizations: [DescribeOrganization] },
        remediation: "Grant AWS services on functions with --source-arn and --source-account (aws lambda add-permission).",
    }
}

impl LambdaFunctionPolicyConfusedDeputy {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for function in &inv.lambda.functions {
            let deputy = confused_deputy(inv, &trusted, &function.arn, function.policy.as_ref());
            report_confused_deputy(out, function, deputy, || {
                evidence::unknown_for_resource(inv, &function.arn, "the function's policy")
            });
        }
    }
}
