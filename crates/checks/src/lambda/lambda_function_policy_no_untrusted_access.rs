use crate::resource_policy::{judge, report_untrusted, trusted};
use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No Lambda function's resource-based policy lets in a principal outside the trusted
    /// accounts — the scanned account, its organization's management account and
    /// organization, and `[checks] trusted_accounts` — judged with wasp's policy engine as for
    /// bucket policies: anyone, any account, each named untrusted account, service principals
    /// acting for another account and the accounts a source condition names are simulated,
    /// and a grant is open when no condition pins the caller (`aws:PrincipalOrgID`,
    /// `aws:SourceArn`, `aws:SourceAccount` …). A service principal without a source
    /// condition counts: any account's bucket or topic could then invoke the function. FAIL
    /// lists the open grants; grants that only conditions of unknown effect restrict pass
    /// with the conditions named. A function without a policy passes; SKIP when the policy
    /// could not be read or parsed.
    ///
    /// ### Why it matters
    /// Every account a function policy lets in can run the function, with input of its
    /// choosing and under the function's own role; an account you do not recognise borrows
    /// that role's permissions in your account.
    ///
    /// ### How to fix
    /// Remove statements for accounts you do not trust (`aws lambda remove-permission`), add
    /// the ones you do to `trusted_accounts`, and grant services with `--source-arn` and
    /// `--source-account`.
    LambdaFunctionPolicyNoUntrustedAccess {
        id: "lambda_function_policy_no_untrusted_access",
        title: "Lambda function policies let in no principal outside the trusted accounts",
        severity: High,
        service: Lambda,
        resource_kind: "lambda_function",
        best_practices: ["SEC03-BP07", "SEC03-BP08"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Lambda: [ListFunctions, GetPolicy], Organizations: [DescribeOrganization] },
        remediation: "Remove function policy statements for untrusted accounts or restrict them with aws:SourceArn and aws:SourceAccount.",
    }
}

impl LambdaFunctionPolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for function in &inv.lambda.functions {
            if matches!(function.policy, Some(Setting::NotConfigured)) {
                out.pass(function, "the function has no resource-based policy");
                continue;
            }
            report_untrusted(out, function, judge(inv, &trusted, &function.arn, function.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &function.arn, "the function's policy")
            });
        }
    }
}
