use crate::{declare_check, evidence, policy};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No Lambda function's resource-based policy has an `Allow` statement for everyone —
    /// `"Principal": "*"`, `{"AWS": "*"}`, or a `NotPrincipal` — unless a condition really
    /// restricts the caller: `aws:SourceArn` or `aws:SourceAccount` (the usual way to let a
    /// service such as S3 or SNS invoke the function), `aws:PrincipalOrgID`,
    /// `aws:PrincipalAccount`, `aws:PrincipalArn` with a concrete account, `aws:SourceVpc(e)`
    /// or `aws:SourceIp` other than the whole internet, compared with a positive operator
    /// against values none of which is a wildcard. `lambda:FunctionUrlAuthType` does not
    /// restrict (a statement for everyone with `NONE` is exactly a public function URL). Any
    /// action counts. A function without a policy passes; SKIP when the policy could not be
    /// read. Statements that name a service principal (`s3.amazonaws.com`) are not for
    /// everyone and pass here.
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
        for function in &inv.lambda.functions {
            match &function.policy {
                Some(Setting::Configured(document)) => {
                    let public = policy::public_statements(document);
                    if public.is_empty() {
                        out.pass(function, "the policy grants nothing to everyone without a restricting condition");
                    } else {
                        let actions = policy::actions_of(&public);
                        out.fail(
                            function,
                            format!("the policy lets anyone call {actions}, with no condition that restricts who"),
                        );
                    }
                }
                Some(Setting::NotConfigured) => out.pass(function, "the function has no resource-based policy"),
                None => out.skip(function, evidence::unknown_for_resource(inv, &function.arn, "the function's policy")),
            }
        }
    }
}
