use crate::{declare_check, evidence};
use wasp_model::lambda::PackageType;
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// Every Lambda function deployed as a .zip archive has a code signing configuration
    /// (`GetFunctionCodeSigningConfig` names one). Whether its policy is `Enforce` or `Warn`
    /// is not read. Container image functions are not judged: Lambda code signing does not
    /// apply to them (sign images with AWS Signer and verify them at the registry or
    /// deployment instead). SKIP when the configuration could not be read.
    ///
    /// ### Why it matters
    /// With code signing, Lambda accepts only packages signed by your approved signing
    /// profiles: a leaked deployment credential is no longer enough to run altered code.
    ///
    /// ### How to fix
    /// Create a signing profile in AWS Signer and a code signing configuration with
    /// `UntrustedArtifactOnDeployment=Enforce`, attach it (`aws lambda
    /// put-function-code-signing-config`), and sign packages in the pipeline.
    LambdaFunctionCodeSigningEnabled {
        id: "lambda_function_code_signing_enabled",
        title: "Lambda functions validate code signatures",
        severity: Low,
        service: Lambda,
        resource_kind: "lambda_function",
        best_practices: ["SEC06-BP04", "SEC11-BP07"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Lambda: [ListFunctions, GetFunctionCodeSigningConfig] },
        remediation: "Attach a code signing configuration that enforces signatures from your signing profiles.",
    }
}

impl LambdaFunctionCodeSigningEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for function in &inv.lambda.functions {
            if function.package_type == Some(PackageType::Image) {
                continue;
            }
            match &function.code_signing_config {
                Some(Setting::Configured(arn)) => out.pass(function, format!("code signing configuration {arn}")),
                Some(Setting::NotConfigured) => out.fail(function, "the function has no code signing configuration"),
                None => out.skip(
                    function,
                    evidence::unknown_for_resource(inv, &function.arn, "the code signing configuration"),
                ),
            }
        }
    }
}
