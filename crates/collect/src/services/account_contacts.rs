//! The account's alternate contacts (security, operations, billing), from the Account
//! Management API. `ResourceNotFoundException` is AWS's answer for a type never set.
use crate::unit::{client, Read, Unit};
use aws_sdk_account::types::AlternateContactType;
use wasp_model::account_contacts::{AlternateContact, CONTACT_TYPES};
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let account = client!(aws_sdk_account, unit);
    let answers = futures::future::join_all(CONTACT_TYPES.iter().map(|kind| {
        let account = &account;
        async move {
            let answer =
                account.get_alternate_contact().alternate_contact_type(AlternateContactType::from(*kind)).send().await;
            (kind, answer)
        }
    }))
    .await;
    for (kind, answer) in answers {
        let contact = match unit.read("GetAlternateContact", answer) {
            // Phone numbers and titles are not kept: no check needs them.
            Read::Ok(out) => match out.alternate_contact() {
                Some(c) => Setting::Configured(AlternateContact {
                    name: c.name().map(str::to_owned),
                    email_address: c.email_address().map(str::to_owned),
                }),
                None => Setting::NotConfigured,
            },
            Read::NotConfigured => Setting::NotConfigured,
            Read::Gap => continue,
        };
        part.account_contacts.alternate_contacts.insert((*kind).to_owned(), contact);
    }
}
