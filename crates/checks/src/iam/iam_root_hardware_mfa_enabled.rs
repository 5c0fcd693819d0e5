use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// The root user's MFA is not a virtual (authenticator app) device: PASS when the account
    /// summary reports root MFA and the root user owns no virtual MFA device (so the device is
    /// a hardware token or a FIDO security key). A root user without a password and without
    /// access keys (centralized root access) cannot sign in and passes. FAIL when the root user
    /// has no MFA at all or its MFA is virtual; SKIP when either fact could not be read.
    ///
    /// ### Why it matters
    /// A virtual MFA lives on a phone that is also used for everything else and can be cloned
    /// or phished with its seed. The root user is the one identity no policy can restrain, so
    /// its second factor should be a dedicated, phishing-resistant device kept under custody.
    ///
    /// ### How to fix
    /// Register a FIDO2 security key or hardware TOTP token for the root user, remove the
    /// virtual device, and store the hardware in a controlled location such as a safe.
    IamRootHardwareMfaEnabled {
        id: "iam_root_hardware_mfa_enabled",
        title: "Root user MFA is a hardware device",
        severity: Critical,
        service: Iam,
        resource_kind: "account",
        best_practices: ["SEC01-BP02", "SEC02-BP01"],
        prowler: ["iam_root_hardware_mfa_enabled"],
        security_hub: ["IAM.6"],
        config_rule: ["ROOT_ACCOUNT_HARDWARE_MFA_ENABLED"],
        cis: ["3.0:1.6", "4.0:1.6", "5.0:1.5"],
        reads: { Iam: [GetAccountSummary, ListVirtualMFADevices] },
        remediation: "Replace the root user's virtual MFA with a hardware or FIDO security key.",
    }
}

impl IamRootHardwareMfaEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        if inv.iam.root.as_ref().and_then(|r| r.has_no_credentials()) == Some(true) {
            let why = "the root user has no password and no access keys (centralized root access): it cannot sign in";
            out.report(Status::Pass, arn, GLOBAL_REGION, why);
            return;
        }
        let root = inv.iam.root.as_ref();
        let mfa = root.and_then(|r| r.mfa_enabled);
        let is_virtual = root.and_then(|r| r.virtual_mfa);
        match (mfa, is_virtual) {
            (Some(false), _) => out.report(Status::Fail, arn, GLOBAL_REGION, "root user has no MFA device"),
            (_, Some(true)) => out.report(Status::Fail, arn, GLOBAL_REGION, "root user MFA is a virtual device"),
            (Some(true), Some(false)) => {
                out.report(Status::Pass, arn, GLOBAL_REGION, "root user MFA is a hardware device")
            }
            _ => {
                let why =
                    evidence::unknown_because(inv, Service::Iam, GLOBAL_REGION, "the root user's MFA device type");
                out.report(Status::Skip, arn, GLOBAL_REGION, why)
            }
        }
    }
}
