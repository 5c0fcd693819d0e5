//! DynamoDB tables (and SAM's `SimpleTable`).
use super::{Builder, Res};
use wasp_model::dynamodb::{Table, TableEncryption};

/// `AWS::DynamoDB::Table`: encrypted with a key DynamoDB owns unless `SSESpecification`
/// enables KMS (the `aws/dynamodb` key unless one is named); no deletion protection and no
/// point-in-time recovery unless set.
pub fn table(b: &mut Builder<'_>, r: &Res<'_>) {
    let encryption = match b.flag(r, &["SSESpecification", "SSEEnabled"], false) {
        Some(false) => Some(TableEncryption::AwsOwnedKey),
        Some(true) => match b.text(r, &["SSESpecification", "KMSMasterKeyId"]) {
            Ok(key) => Some(TableEncryption::Kms(key.unwrap_or_else(|| "alias/aws/dynamodb".to_owned()))),
            Err(()) => None,
        },
        None => None,
    };
    let simple = r.ty == "AWS::Serverless::SimpleTable";
    let table = Table {
        arn: r.arn.clone(),
        name: r.name.clone(),
        region: b.ctx.region.clone(),
        status: None,
        encryption,
        deletion_protection: if simple { Some(false) } else { b.flag(r, &["DeletionProtectionEnabled"], false) },
        point_in_time_recovery: if simple {
            Some(false)
        } else {
            b.flag(r, &["PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"], false)
        },
        location: Some(r.location.clone()),
    };
    b.inv.dynamodb.tables.push(table);
}
