//! Shared evaluation of "an alternate contact of a type is registered".
use crate::{evidence, Status};
use wasp_model::{Inventory, Service, Setting, GLOBAL_REGION};

/// One account verdict about the alternate contact of `kind` (`SECURITY` …).
pub fn evaluate(inv: &Inventory, out: &mut crate::Findings<'_>, kind: &str) {
    let label = kind.to_ascii_lowercase();
    match inv.account_contacts.alternate_contacts.get(kind) {
        Some(Setting::Configured(c)) if c.email_address.as_deref().is_some_and(|e| !e.trim().is_empty()) => {
            let who = c.name.as_deref().unwrap_or("unnamed");
            out.account(Status::Pass, format!("{label} contact {who} is registered"));
        }
        Some(Setting::Configured(_)) => out.account(Status::Fail, format!("the {label} contact has no email address")),
        Some(Setting::NotConfigured) => {
            out.account(Status::Fail, format!("no {label} alternate contact is registered"))
        }
        None => {
            let what = format!("the {label} alternate contact");
            out.account(Status::Skip, evidence::unknown_because(inv, Service::AccountContacts, GLOBAL_REGION, &what));
        }
    }
}
