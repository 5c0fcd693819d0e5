use crate::resource_policy::{judge, report_public, trusted};
use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No Lambda function's resource-based policy lets anyone, or any AWS account, call an
    /// action on it without a condition that restricts the caller, judged with wasp's policy
    /// engine (the simulation of `s3_bucket_policy_no_untrusted_access`). `"Principal": "*"`,
    /// `{"AWS": "*"}` and `NotPrincipal` all reach everyone, and a wildcard principal also
    /// matches an AWS service acting for any account. Conditions that pin the caller or its
    /// source with concrete values restrict: `aws:SourceArn` or `aws:SourceAccount` (the
    /// usual way to let a service such as S3 or SNS invoke the function),
    /// `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceVpce`. A source ARN pattern
    /// that another account's resource can match, an `IfExists` operator, keys the caller
    /// chooses (`aws:SecureTransport`, `aws:UserAgent`, `aws:Referer`) and
    /// `lambda:FunctionUrlAuthType` do not (a statement for everyone with `NONE` is exactly a
    /// public function URL). Statements that name a service principal are not for everyone
    /// and pass here (`lambda_function_policy_no_untrusted_access` judges them). Any action
    /// counts. A function without a policy passes; SKIP when the policy could not be read or
    /// parsed.
    ///
    /// ### Why it matters
    /// A public `lambda:InvokeFunction` lets any AWS account run the function with input of
    /// its choosing, under the function's own role; a public `lambda:InvokeFunctionUrl` does
    /// the same for anyone on the internet when the URL does not authenticate.
    ///
    /// ### How to fix
    /// Remove the statement (`aws lambda remove-permission --function-name <name>
    /// --statement-id <sid>`) and grant the caller that needs it, with `--source-arn` or
    /// `--source-account` when the caller is an AWS service.
    LambdaFunctionPolicyNotPublic {
        id: "lambda_function_policy_not_public",
        title: "Lambda function policies do not grant access to everyone",
        severity: Critical,
        service: Lambda,
        resource_kind: "lambda_function",
        best_practices: ["SEC03-BP07"],
        prowler: ["awslambda_function_not_publicly_accessible"],
        security_hub: ["Lambda.1"],
        config_rule: ["LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED"],
        cis: [],
        reads: { Lambda: [ListFunctions, GetPolicy] },
        remediation: "Remove the public statement and grant the callers that need the function by name.",
    }
}

impl LambdaFunctionPolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for function in &inv.lambda.functions {
            if matches!(function.policy, Some(Setting::NotConfigured)) {
                out.pass(function, "the function has no resource-based policy");
                continue;
            }
            report_public(out, function, judge(inv, &trusted, &function.arn, function.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &function.arn, "the function's policy")
            });
        }
    }
}
