use super::contact;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The account has a billing alternate contact with an email address (`GetAlternateContact` for
    /// `BILLING`; `ResourceNotFoundException` is AWS's answer for none). FAIL when none is
    /// registered or it has no email address; SKIP when it could not be read (the call needs
    /// `account:GetAlternateContact`; in an organization the management account may read members'
    /// contacts too). Whether the address reaches a monitored team mailbox rather than one person
    /// is not judged.
    ///
    /// ### Why it matters
    /// A sudden cost spike is often the first sign of a compromised account mining crypto-currency;
    /// the billing contact is who AWS tells, so it should reach someone who will escalate.
    ///
    /// ### How to fix
    /// Register a billing contact that reaches a team distribution list (`aws account
    /// put-alternate-contact --alternate-contact-type BILLING`), organization-wide from the
    /// management account.
    AccountBillingContactRegistered {
        id: "account_billing_contact_registered",
        title: "A billing alternate contact is registered",
        severity: Low,
        service: AccountContacts,
        resource_kind: "account",
        best_practices: ["SEC10-BP01"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { AccountContacts: [GetAlternateContact] },
        remediation: "Register a billing alternate contact that reaches a monitored team mailbox.",
    }
}

impl AccountBillingContactRegistered {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        contact::evaluate(inv, out, "BILLING");
    }
}
