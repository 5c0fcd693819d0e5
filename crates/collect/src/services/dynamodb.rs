//! DynamoDB of one region: every table (one paginated `ListTables`), each described
//! (`DescribeTable`: encryption, deletion protection, status) and its point-in-time recovery
//! read (`DescribeContinuousBackups`); AWS offers no bulk form of either. No item is read.
use crate::unit::{client, Unit};
use aws_sdk_dynamodb::types::{
    PointInTimeRecoveryStatus, SseStatus, SseType, TableDescription, TableStatus as SdkTableStatus,
};
use futures::StreamExt;
use wasp_model::dynamodb::{Table, TableEncryption, TableStatus};
use wasp_model::{GapKind, Inventory};

/// Tables per `ListTables` page (the most AWS allows).
const LIST_PAGE: i32 = 100;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let ddb = client!(aws_sdk_dynamodb, unit);
    part.dynamodb.tables = tables(unit, &ddb).await;
}

/// Every table listed before any failure, each read.
async fn tables(unit: &Unit, ddb: &aws_sdk_dynamodb::Client) -> Vec<Table> {
    let mut names = Vec::new();
    let mut pages = ddb.list_tables().limit(LIST_PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListTables", page).ok() else { break };
        names.extend(page.table_names().iter().cloned());
    }
    futures::stream::iter(names)
        .map(|name| read_table(unit, ddb, name))
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

async fn read_table(unit: &Unit, ddb: &aws_sdk_dynamodb::Client, name: String) -> Table {
    let mut table = Table {
        arn: unit.arn("dynamodb", &format!("table/{name}")),
        name,
        region: unit.region.clone(),
        ..Table::default()
    };
    let described = ddb.describe_table().table_name(&table.name).send().await;
    if let Some(description) = unit.read_for("DescribeTable", &table.arn, described).ok().and_then(|o| o.table) {
        describe(unit, &mut table, &description);
    }
    // A table on its way out has nothing left to recover.
    if table.status.is_some_and(TableStatus::is_gone) {
        return table;
    }
    let backups = ddb.describe_continuous_backups().table_name(&table.name).send().await;
    table.point_in_time_recovery = unit.read_for("DescribeContinuousBackups", &table.arn, backups).ok().and_then(|o| {
        let status = o
            .continuous_backups_description()?
            .point_in_time_recovery_description()?
            .point_in_time_recovery_status()?;
        match status {
            PointInTimeRecoveryStatus::Enabled => Some(true),
            PointInTimeRecoveryStatus::Disabled => Some(false),
            _ => None,
        }
    });
    table
}

fn describe(unit: &Unit, table: &mut Table, d: &TableDescription) {
    if let Some(arn) = d.table_arn() {
        table.arn = arn.to_owned();
    }
    table.status = d.table_status().map(status);
    table.deletion_protection = d.deletion_protection_enabled();
    table.encryption = match encryption(d) {
        Ok(encryption) => Some(encryption),
        Err(reason) => {
            unit.gap("DescribeTable", GapKind::Other, reason.to_owned(), Some(&table.arn));
            None
        }
    };
}

/// No `SSEDescription` (or one that is off) means DynamoDB's own key; KMS encryption names its
/// key, and an answer that says KMS without the key is not guessed at.
fn encryption(d: &TableDescription) -> Result<TableEncryption, &'static str> {
    let Some(sse) = d.sse_description() else { return Ok(TableEncryption::AwsOwnedKey) };
    match (sse.status(), sse.sse_type()) {
        // `AES256` is the older name of DynamoDB's own encryption.
        (Some(SseStatus::Disabled | SseStatus::Disabling), _) | (_, Some(SseType::Aes256)) => {
            Ok(TableEncryption::AwsOwnedKey)
        }
        (_, Some(SseType::Kms) | None) => match sse.kms_master_key_arn() {
            Some(arn) => Ok(TableEncryption::Kms(arn.to_owned())),
            None => Err("the table's KMS encryption names no key"),
        },
        _ => Err("the table's server-side encryption is of an unknown type"),
    }
}

fn status(s: &SdkTableStatus) -> TableStatus {
    match s {
        SdkTableStatus::Creating => TableStatus::Creating,
        SdkTableStatus::Updating => TableStatus::Updating,
        SdkTableStatus::Deleting => TableStatus::Deleting,
        SdkTableStatus::Active => TableStatus::Active,
        SdkTableStatus::InaccessibleEncryptionCredentials => TableStatus::InaccessibleEncryptionCredentials,
        SdkTableStatus::Archiving => TableStatus::Archiving,
        SdkTableStatus::Archived => TableStatus::Archived,
        _ => TableStatus::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::types::SseDescription;

    fn with_sse(sse: Option<SseDescription>) -> TableDescription {
        TableDescription::builder().set_sse_description(sse).build()
    }

    #[test]
    fn encryption_is_the_owned_key_unless_kms_names_its_key() {
        let key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assert_eq!(encryption(&with_sse(None)), Ok(TableEncryption::AwsOwnedKey));
        let kms = SseDescription::builder().status(SseStatus::Enabled).sse_type(SseType::Kms).kms_master_key_arn(key);
        assert_eq!(encryption(&with_sse(Some(kms.build()))), Ok(TableEncryption::Kms(key.into())));
        let off = SseDescription::builder().status(SseStatus::Disabled).sse_type(SseType::Kms).build();
        assert_eq!(encryption(&with_sse(Some(off))), Ok(TableEncryption::AwsOwnedKey));
        let keyless = SseDescription::builder().status(SseStatus::Enabled).sse_type(SseType::Kms).build();
        assert!(encryption(&with_sse(Some(keyless))).is_err(), "KMS without a key is not a verdict");
    }
}
