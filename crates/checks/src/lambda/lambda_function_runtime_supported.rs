use super::runtimes::{self, Support};
use crate::declare_check;
use wasp_model::lambda::PackageType;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Lambda function packaged as a .zip archive runs on a runtime whose deprecation
    /// date, as AWS publishes it in the Lambda developer guide, is after the moment of the
    /// collection. wasp carries that table as data (`crates/checks/src/lambda/runtimes.rs`,
    /// compared with AWS's list in December 2026); dates still ahead are AWS's projections.
    /// A runtime deprecated on or before the collection day fails; one without a scheduled
    /// deprecation passes. Container image functions carry their own runtime and are not
    /// judged. SKIP when the runtime is not in the table (a runtime newer than it, or one wasp
    /// does not know) or when AWS did not say which runtime the function uses.
    ///
    /// ### Why it matters
    /// After deprecation Lambda stops patching the runtime's language, libraries and operating
    /// system: known vulnerabilities stay in every invocation, and soon after, the function can
    /// no longer be updated, so a fix cannot even be deployed without a migration.
    ///
    /// ### How to fix
    /// Move the function to a supported runtime of the same language (`aws lambda
    /// update-function-configuration --function-name <name> --runtime <runtime>`) after
    /// testing the code on it; for Go and Rust use `provided.al2023`.
    LambdaFunctionRuntimeSupported {
        id: "lambda_function_runtime_supported",
        title: "Lambda functions run on supported runtimes",
        severity: Medium,
        service: Lambda,
        resource_kind: "lambda_function",
        best_practices: ["SEC06-BP01"],
        prowler: ["awslambda_function_using_supported_runtimes"],
        security_hub: ["Lambda.2"],
        config_rule: ["LAMBDA_FUNCTION_SETTINGS_CHECK"],
        cis: [],
        reads: { Lambda: [ListFunctions] },
        remediation: "Move the function to a runtime that AWS still supports.",
    }
}

impl LambdaFunctionRuntimeSupported {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let today = inv.collected_at.date_naive();
        for function in inv.lambda.functions.iter().filter(|f| f.package_type != Some(PackageType::Image)) {
            let Some(runtime) = function.runtime.as_deref() else {
                out.skip(function, "AWS did not say which runtime the function uses");
                continue;
            };
            match runtimes::support(runtime) {
                Support::Until(date) if date <= today => out
                    .fail(function, format!("{runtime} has been deprecated since {date}: it gets no security updates")),
                Support::Until(date) => out.pass(function, format!("{runtime} is supported until {date}")),
                Support::Unscheduled => out.pass(function, format!("{runtime} has no deprecation scheduled")),
                Support::Unknown => out.skip(
                    function,
                    format!("{runtime} is not in wasp's table of Lambda runtimes (as of {})", runtimes::AS_OF),
                ),
            }
        }
    }
}
