use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// The account summary's `AccountAccessKeysPresent`: the root user has no access keys,
    /// active or inactive. FAIL when at least one exists; SKIP when the account summary could
    /// not be read.
    ///
    /// ### Why it matters
    /// A root access key is a permanent credential with unrestricted power over the account
    /// that no IAM policy or permissions boundary can limit. Leaked in code, a build log or a
    /// laptop backup, it hands over the whole account.
    ///
    /// ### How to fix
    /// Sign in as the root user, open *Security credentials*, and delete every access key after
    /// moving whatever used it to an IAM role. In an organization, centralised root access
    /// management lets you remove root credentials from member accounts altogether.
    IamRootAccessKeysAbsent {
        id: "iam_root_access_keys_absent",
        title: "Root user has no access keys",
        severity: Critical,
        service: Iam,
        resource_kind: "account",
        best_practices: ["SEC01-BP02", "SEC02-BP02"],
        prowler: ["iam_no_root_access_key"],
        security_hub: ["IAM.4"],
        config_rule: ["IAM_ROOT_ACCESS_KEY_CHECK"],
        cis: ["3.0:1.4", "4.0:1.4", "5.0:1.3"],
        reads: { Iam: [GetAccountSummary] },
        remediation: "Delete the root user's access keys and use IAM roles instead.",
    }
}

impl IamRootAccessKeysAbsent {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        match inv.iam.root.as_ref().and_then(|root| root.access_keys_present) {
            Some(false) => out.report(Status::Pass, arn, GLOBAL_REGION, "root user has no access keys"),
            Some(true) => out.report(Status::Fail, arn, GLOBAL_REGION, "root user has access keys"),
            None => {
                let why = evidence::unknown_because(inv, Service::Iam, GLOBAL_REGION, "the account summary");
                out.report(Status::Skip, arn, GLOBAL_REGION, why)
            }
        }
    }
}
