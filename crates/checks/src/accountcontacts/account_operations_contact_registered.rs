use super::contact;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The account has an operations alternate contact with an email address (`GetAlternateContact`
    /// for `OPERATIONS`; `ResourceNotFoundException` is AWS's answer for none). FAIL when none is
    /// registered or it has no email address; SKIP when it could not be read (the call needs
    /// `account:GetAlternateContact`; in an organization the management account may read members'
    /// contacts too). Whether the address reaches a monitored team mailbox rather than one person
    /// is not judged.
    ///
    /// ### Why it matters
    /// Service events, maintenance and health notices that affect how an incident unfolds (a region
    /// impairment, a forced instance retirement) go to the operations contact; without one they
    /// reach the root email or nobody.
    ///
    /// ### How to fix
    /// Register an operations contact that reaches a team distribution list (`aws account
    /// put-alternate-contact --alternate-contact-type OPERATIONS`), organization-wide from the
    /// management account.
    AccountOperationsContactRegistered {
        id: "account_operations_contact_registered",
        title: "An operations alternate contact is registered",
        severity: Low,
        service: AccountContacts,
        resource_kind: "account",
        best_practices: ["SEC10-BP01"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { AccountContacts: [GetAlternateContact] },
        remediation: "Register an operations alternate contact that reaches a monitored team mailbox.",
    }
}

impl AccountOperationsContactRegistered {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        contact::evaluate(inv, out, "OPERATIONS");
    }
}
