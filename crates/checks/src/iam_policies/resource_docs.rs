//! The resource's own policy for `wasp iam can`: found in the inventory by the request's ARN,
//! or named as unknown when the action consults one the inventory does not hold.
use super::Doc;
use crate::evidence::unknown_for_resource;
use wasp_iam::{PolicyKind, ResourcePolicyKind};
use wasp_model::{Inventory, Setting};

/// What the inventory knows of the policy a request's resource has.
pub(super) enum Lookup {
    /// The action consults no resource policy wasp knows of, or the resource has none.
    NoPolicy,
    /// The resource's policy: what to call it, the document, how it takes part.
    Found(String, Doc, ResourcePolicyKind),
    /// The action consults a policy the inventory does not hold: what it is, why.
    Unknown(String, String, ResourcePolicyKind),
}

/// Services whose resources can have a policy that wasp does not collect.
const UNCOLLECTED: &[(&str, &str)] = &[
    ("dynamodb", "table's resource policy"),
    ("kinesis", "stream's resource policy"),
    ("events", "event bus policy"),
    ("logs", "log destination's policy"),
    ("acm-pca", "private CA's policy"),
];

/// The policy of `arn` that a request for `action` consults.
pub(super) fn lookup(inv: &Inventory, action: &str, arn: &str) -> Lookup {
    let lower = action.to_ascii_lowercase();
    let service = lower.split(':').next().unwrap_or_default();
    if lower.starts_with("sts:assumerole") {
        return match inv.iam.roles.iter().find(|r| r.arn == arn) {
            Some(r) => found(
                "trust policy",
                Doc::parse(r.trust_policy.as_ref(), PolicyKind::Trust, || {
                    unknown_for_resource(inv, arn, "the trust policy")
                }),
                ResourcePolicyKind::TrustPolicy,
            ),
            None => Lookup::Unknown(
                "trust policy".into(),
                "the role is not in the inventory".into(),
                ResourcePolicyKind::TrustPolicy,
            ),
        };
    }
    let generic = |name: &str, policy: Option<Option<&Setting<serde_json::Value>>>| -> Lookup {
        match policy {
            None => Lookup::Unknown(
                name.to_owned(),
                "the resource is not in the inventory".into(),
                ResourcePolicyKind::Generic,
            ),
            Some(Some(Setting::NotConfigured)) => Lookup::NoPolicy,
            Some(Some(Setting::Configured(v))) => {
                found(name, Doc::parse(Some(v), PolicyKind::Resource, String::new), ResourcePolicyKind::Generic)
            }
            Some(None) => found(
                name,
                Doc::Missing(unknown_for_resource(inv, arn, &format!("the {name}"))),
                ResourcePolicyKind::Generic,
            ),
        }
    };
    // Each service's resources, matched by the ARN the request names.
    match service {
        "s3" => {
            let Some(bucket) = super::s3_bucket_name(arn) else { return Lookup::NoPolicy };
            generic("bucket policy", inv.s3.buckets.iter().find(|b| b.name == bucket).map(|b| b.policy.as_ref()))
        }
        "kms" => match inv.kms.keys.iter().find(|k| k.arn == arn) {
            Some(k) => found(
                "key policy",
                Doc::parse(k.policy.as_ref(), PolicyKind::Resource, || {
                    unknown_for_resource(inv, arn, "the key policy")
                }),
                ResourcePolicyKind::KeyPolicy,
            ),
            None => Lookup::Unknown(
                "key policy".into(),
                "the key is not in the inventory".into(),
                ResourcePolicyKind::KeyPolicy,
            ),
        },
        "sqs" => generic("queue policy", inv.sqs.queues.iter().find(|q| q.arn == arn).map(|q| q.policy.as_ref())),
        "sns" => generic("topic policy", inv.sns.topics.iter().find(|t| t.arn == arn).map(|t| t.policy.as_ref())),
        "lambda" => {
            // A function ARN may carry a version or alias: the policy read is the function's.
            let function = arn.splitn(8, ':').take(7).collect::<Vec<_>>().join(":");
            generic(
                "function policy",
                inv.lambda.functions.iter().find(|f| f.arn == function).map(|f| f.policy.as_ref()),
            )
        }
        "secretsmanager" => generic(
            "secret policy",
            inv.secretsmanager.secrets.iter().find(|s| s.arn == arn).map(|s| s.policy.as_ref()),
        ),
        "ecr" => {
            generic("repository policy", inv.ecr.repositories.iter().find(|r| r.arn == arn).map(|r| r.policy.as_ref()))
        }
        "elasticfilesystem" => {
            generic("file system policy", inv.efs.file_systems.iter().find(|f| f.arn == arn).map(|f| f.policy.as_ref()))
        }
        "glacier" => {
            generic("vault policy", inv.glacier.vaults.iter().find(|v| v.arn == arn).map(|v| v.policy.as_ref()))
        }
        "backup" => {
            generic("backup vault policy", inv.backup.vaults.iter().find(|v| v.arn == arn).map(|v| v.policy.as_ref()))
        }
        "es" => generic(
            "domain access policy",
            inv.opensearch
                .domains
                .iter()
                .find(|d| arn == d.arn || arn.strip_prefix(d.arn.as_str()).is_some_and(|rest| rest.starts_with('/')))
                .map(|d| d.access_policy.as_ref()),
        ),
        "execute-api" => {
            // arn:aws:execute-api:REGION:ACCOUNT:API-ID/STAGE/METHOD/PATH
            let api = arn.splitn(6, ':').nth(5).and_then(|rest| rest.split('/').next()).unwrap_or_default();
            generic("API policy", inv.apigateway.rest_apis.iter().find(|a| a.id == api).map(|a| a.policy.as_ref()))
        }
        "codeartifact" => {
            generic("domain policy", inv.codeartifact.domains.iter().find(|d| d.arn == arn).map(|d| d.policy.as_ref()))
        }
        _ => match UNCOLLECTED.iter().find(|(s, _)| *s == service) {
            Some((_, name)) => {
                Lookup::Unknown((*name).to_owned(), "wasp does not collect it".into(), ResourcePolicyKind::Generic)
            }
            None => Lookup::NoPolicy,
        },
    }
}

fn found(name: &str, doc: Doc, kind: ResourcePolicyKind) -> Lookup {
    match doc.problem() {
        None => Lookup::Found(name.to_owned(), doc, kind),
        Some(why) => Lookup::Unknown(name.to_owned(), why, kind),
    }
}
