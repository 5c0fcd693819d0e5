use crate::{declare_check, evidence};
use wasp_model::lambda::UrlAuthType;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No function URL of a Lambda function, or of any of its aliases, has the auth type
    /// `NONE`. A function without URLs passes. SKIP when the function's URLs could not be
    /// listed (`ListFunctionUrlConfigs`).
    ///
    /// With `NONE`, Lambda does not authenticate callers; whether an unauthenticated request
    /// is then served depends on the function's resource policy allowing
    /// `lambda:InvokeFunctionUrl` to everyone, which Lambda adds when such a URL is created in
    /// the console (`lambda_function_policy_not_public` judges the policy).
    ///
    /// ### Why it matters
    /// An unauthenticated URL puts the function's code on the internet with no gate in front:
    /// anyone who finds the URL can invoke it, feed it any input and run up its cost, and the
    /// only defence left is what the code itself checks.
    ///
    /// ### How to fix
    /// Switch the URL to `AWS_IAM` (`aws lambda update-function-url-config --function-name
    /// <name> [--qualifier <alias>] --auth-type AWS_IAM`) and sign requests, or put API Gateway
    /// or CloudFront with authentication in front of the function instead.
    LambdaFunctionUrlAuthRequired {
        id: "lambda_function_url_auth_required",
        title: "Lambda function URLs require IAM authentication",
        severity: High,
        service: Lambda,
        resource_kind: "lambda_function",
        best_practices: ["SEC03-BP07", "SEC05-BP01"],
        prowler: ["awslambda_function_url_public"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Lambda: [ListFunctions, ListFunctionUrlConfigs] },
        remediation: "Set the function URL's auth type to AWS_IAM or front it with an authenticating service.",
    }
}

impl LambdaFunctionUrlAuthRequired {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for function in &inv.lambda.functions {
            let Some(urls) = &function.urls else {
                out.skip(function, evidence::unknown_for_resource(inv, &function.arn, "the function URLs"));
                continue;
            };
            let open: Vec<&str> = urls
                .iter()
                .filter(|u| u.auth_type == UrlAuthType::None)
                .map(|u| u.qualifier.as_deref().unwrap_or("the function itself"))
                .collect();
            if !open.is_empty() {
                out.fail(
                    function,
                    format!("function URL without authentication (auth type NONE) for {}", open.join(", ")),
                );
            } else if urls.is_empty() {
                out.pass(function, "the function has no function URL");
            } else {
                out.pass(function, format!("all {} function URL(s) require IAM authentication", urls.len()));
            }
        }
    }
}
