use crate::declare_check;
use crate::iam_policies::Analysis;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Lambda function loads layers only from trusted accounts: the account in each
    /// layer version ARN (`arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION`) is the scanned
    /// account, its organization's management account, or listed in `[checks]
    /// trusted_accounts`. Layers that AWS or a vendor publishes from their own accounts (AWS
    /// Parameters and Secrets extension, Lambda Insights, monitoring agents) fail until you
    /// add those accounts to `trusted_accounts`: the check cannot know which outside
    /// publishers you vetted. Functions without layers pass.
    ///
    /// ### Why it matters
    /// A layer is code that runs inside the function with its role and its data. A layer
    /// from another account can be replaced by a new version by its publisher, or withdrawn;
    /// whoever controls that account controls part of your function.
    ///
    /// ### How to fix
    /// Copy the layers you depend on into your own account (or build them from source), pin
    /// the version, and list vetted publishers' accounts in `trusted_accounts`.
    LambdaFunctionLayersTrustedAccounts {
        id: "lambda_function_layers_trusted_accounts",
        title: "Lambda functions load layers only from trusted accounts",
        severity: Medium,
        service: Lambda,
        resource_kind: "lambda_function",
        best_practices: ["SEC11-BP05", "SEC06-BP04"],
        prowler: ["awslambda_function_using_cross_account_layers"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Lambda: [ListFunctions], Organizations: [DescribeOrganization] },
        remediation: "Host the layers in your own account or add their vetted publishers to trusted_accounts.",
    }
}

impl LambdaFunctionLayersTrustedAccounts {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = Analysis::new(inv).trusted(out.settings());
        for function in &inv.lambda.functions {
            if function.layers.is_empty() {
                out.pass(function, "the function uses no layer");
                continue;
            }
            let outside: Vec<&str> = function
                .layers
                .iter()
                .filter(|arn| arn.split(':').nth(4).is_none_or(|account| !trusted.accounts.contains(account)))
                .map(String::as_str)
                .collect();
            if outside.is_empty() {
                out.pass(function, format!("all {} layer(s) come from trusted accounts", function.layers.len()));
            } else {
                out.fail(function, format!("layers from untrusted accounts: {}", outside.join(", ")));
            }
        }
    }
}
