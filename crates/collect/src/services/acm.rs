//! ACM of one region: every certificate of every key type (one paginated `ListCertificates`
//! whose filter names all key types: by default ACM lists RSA-1024 and RSA-2048 only), then
//! `DescribeCertificate` for each, for its transparency-logging preference and users.
use crate::unit::{client, Unit};
use aws_sdk_acm::types::{Filters, KeyAlgorithm};
use aws_sdk_acm::Client;
use futures::StreamExt;
use wasp_model::acm::Certificate;
use wasp_model::Inventory;

const PAGE: i32 = 1000;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let acm = client!(aws_sdk_acm, unit);
    part.acm.certificates = certificates(unit, &acm).await;
}

async fn certificates(unit: &Unit, acm: &Client) -> Vec<Certificate> {
    let every_key_type = Filters::builder()
        .set_key_types(Some(KeyAlgorithm::values().iter().map(|k| KeyAlgorithm::from(*k)).collect()))
        .build();
    let mut arns = Vec::new();
    let mut pages = acm.list_certificates().includes(every_key_type).max_items(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListCertificates", page).ok() else { break };
        arns.extend(
            page.certificate_summary_list().iter().filter_map(|c| {
                Some((c.certificate_arn()?.to_owned(), c.domain_name().unwrap_or_default().to_owned()))
            }),
        );
    }
    futures::stream::iter(arns)
        .map(|(arn, domain_name)| async move {
            let answer = acm.describe_certificate().certificate_arn(&arn).send().await;
            let mut cert = Certificate { arn, domain_name, region: unit.region.clone(), ..Certificate::default() };
            if let Some(d) = unit.read_for("DescribeCertificate", &cert.arn, answer).ok().and_then(|o| o.certificate) {
                cert.status = d.status().map(|s| s.as_str().to_owned());
                cert.certificate_type = d.r#type().map(|t| t.as_str().to_owned());
                cert.key_algorithm = d.key_algorithm().map(|k| k.as_str().to_owned());
                cert.not_after = d.not_after().and_then(super::iam::timestamp);
                cert.in_use_by = Some(d.in_use_by().to_vec());
                // Deprecated in the SDK because new opt-outs are refused; older certificates
                // still carry the preference, which is what the check reads.
                #[allow(deprecated)]
                let preference = d
                    .options()
                    .and_then(|o| o.certificate_transparency_logging_preference())
                    .map(|p| p.as_str().to_owned());
                cert.transparency_logging = preference;
                cert.failure_reason = d.failure_reason().map(|f| f.as_str().to_owned());
            }
            cert
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}
