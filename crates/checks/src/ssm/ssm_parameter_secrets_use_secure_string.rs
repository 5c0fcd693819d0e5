use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Parameter Store parameter whose NAME looks like a credential (any path segment
    /// or word such as `password`, `secret`, `token`, `api-key`, `private-key`; names ending
    /// in `arn`, `name`, `id`, `url`, `path` refer to a credential and pass) is of type
    /// `SecureString`. `String` or `StringList` fails. Parameters not named like credentials
    /// pass whatever their type. Only names and types are read: wasp never calls
    /// `GetParameter`. SKIP when the type was not reported.
    ///
    /// ### Why it matters
    /// `String` parameters are stored and returned in plain text to anyone with
    /// `ssm:GetParameter`, and appear in CloudFormation outputs and CLI histories;
    /// `SecureString` values are encrypted with KMS and need `kms:Decrypt` as well.
    ///
    /// ### How to fix
    /// Recreate the parameter as `SecureString` (`aws ssm put-parameter --type SecureString
    /// --overwrite`), rotate the value, and grant `kms:Decrypt` only to its readers.
    SsmParameterSecretsUseSecureString {
        id: "ssm_parameter_secrets_use_secure_string",
        title: "Parameters named like credentials are SecureString",
        severity: High,
        service: Ssm,
        resource_kind: "ssm_parameter",
        best_practices: ["SEC02-BP03"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ssm: [DescribeParameters] },
        remediation: "Store credential parameters as SecureString and rotate the exposed value.",
    }
}

impl SsmParameterSecretsUseSecureString {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for parameter in &inv.ssm.parameters {
            let secret = crate::secret_names::looks_secret(&parameter.name);
            match parameter.kind.as_deref() {
                Some("SecureString") => out.pass(parameter, "a SecureString"),
                Some(kind) if secret => out.fail(parameter, format!("named like a credential but stored as {kind}")),
                Some(kind) => out.pass(parameter, format!("a {kind}, not named like a credential")),
                None => out.skip(parameter, "AWS did not report the parameter's type"),
            }
        }
    }
}
