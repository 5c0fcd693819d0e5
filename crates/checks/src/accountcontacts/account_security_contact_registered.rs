use super::contact;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The account has a security alternate contact with an email address (`GetAlternateContact`
    /// for `SECURITY`; `ResourceNotFoundException` is AWS's answer for none). FAIL when none is
    /// registered or it has no email address; SKIP when it could not be read (the call needs
    /// `account:GetAlternateContact`; in an organization the management account may read members'
    /// contacts too). Whether the address reaches a monitored team mailbox rather than one person
    /// is not judged.
    ///
    /// ### Why it matters
    /// AWS writes to the security contact about abuse reports, compromised credentials found in
    /// public code and security notices. Without one, those messages go to the root email, often a
    /// mailbox nobody reads, and an incident AWS already spotted goes unanswered.
    ///
    /// ### How to fix
    /// Register a security contact that reaches a team distribution list (`aws account
    /// put-alternate-contact --alternate-contact-type SECURITY`), organization-wide from the
    /// management account.
    AccountSecurityContactRegistered {
        id: "account_security_contact_registered",
        title: "A security alternate contact is registered",
        severity: Medium,
        service: AccountContacts,
        resource_kind: "account",
        best_practices: ["SEC10-BP01", "SEC01-BP04"],
        prowler: ["account_security_contact_information_is_registered"],
        security_hub: ["Account.1"],
        config_rule: ["SECURITY_ACCOUNT_INFORMATION_PROVIDED"],
        cis: ["3.0:1.2", "4.0:1.2", "5.0:1.2"],
        reads: { AccountContacts: [GetAlternateContact] },
        remediation: "Register a security alternate contact that reaches a monitored team mailbox.",
    }
}

impl AccountSecurityContactRegistered {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        contact::evaluate(inv, out, "SECURITY");
    }
}
