//! Checks of the account's alternate contacts.
mod account_billing_contact_registered;
mod account_operations_contact_registered;
mod account_security_contact_registered;
mod contact;

pub use account_billing_contact_registered::AccountBillingContactRegistered;
pub use account_operations_contact_registered::AccountOperationsContactRegistered;
pub use account_security_contact_registered::AccountSecurityContactRegistered;
