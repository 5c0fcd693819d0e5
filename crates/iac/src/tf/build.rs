//! Terraform resources (from source or a plan) onto the inventory, with the AWS provider's
//! split resources joined to what they configure: a bucket's public access block,
//! encryption, versioning, logging, ACL and policy; a security group's rules; a role's or
//! user's policy attachments; a function's permissions and URL.
//!
//! Absent attributes take the provider's documented defaults (which are AWS's).
use super::TfResource;
use crate::build::{as_bool, as_text, as_texts};
use crate::{Unit, Unjudged};
use serde_json::{json, Map, Value as Json};
use std::collections::{BTreeMap, BTreeSet};
use wasp_model::ec2::{HttpTokens, Instance, Protocol, SecurityGroup, SgRule, Toggle, Volume};
use wasp_model::iam::{Group, InlinePolicy, ManagedPolicy, Role, User};
use wasp_model::s3::{AclGrant, Bucket, BucketEncryption, BucketLogging, PublicAccessBlock, SseAlgorithm};
use wasp_model::s3::{Versioning, VersioningStatus};
use wasp_model::{Gap, GapKind, Inventory, Service, Setting, SourceKind};

/// What other resources may read of a resource before apply: its name-like attributes and
/// the identifiers wasp makes up for it (`id`, `arn`).
pub fn reference_attributes(ty: &str, name: &str, known: &Map<String, Json>) -> Map<String, Json> {
    let mut out = known.clone();
    let (id, arn) = identity(ty, name, known, "us-east-1", crate::PLACEHOLDER_ACCOUNT).0;
    out.entry("id").or_insert(Json::String(id));
    if !arn.is_empty() {
        out.entry("arn").or_insert(Json::String(arn));
    }
    out
}

/// (id, ARN) of a resource, and whether they are synthetic.
fn identity(ty: &str, name: &str, attrs: &Map<String, Json>, region: &str, account: &str) -> ((String, String), bool) {
    let given = |k: &str| attrs.get(k).and_then(as_text);
    let named = |k: &str| given(k).map(|v| (v, false)).unwrap_or_else(|| (name.to_owned(), true));
    let (id, arn, synthetic) = match ty {
        "aws_s3_bucket" => {
            let (n, s) = named("bucket");
            (n.clone(), format!("arn:aws:s3:::{n}"), s)
        }
        "aws_security_group" => {
            let id = format!("sg-{name}");
            (id.clone(), format!("arn:aws:ec2:{region}:{account}:security-group/{id}"), true)
        }
        "aws_instance" => (format!("i-{name}"), format!("arn:aws:ec2:{region}:{account}:instance/i-{name}"), true),
        "aws_ebs_volume" => (format!("vol-{name}"), format!("arn:aws:ec2:{region}:{account}:volume/vol-{name}"), true),
        "aws_kms_key" => (name.to_owned(), format!("arn:aws:kms:{region}:{account}:key/{name}"), true),
        "aws_cloudtrail" => {
            let (n, s) = named("name");
            (n.clone(), format!("arn:aws:cloudtrail:{region}:{account}:trail/{n}"), s)
        }
        "aws_db_instance" => {
            let (n, s) = named("identifier");
            (n.clone(), format!("arn:aws:rds:{region}:{account}:db:{n}"), s)
        }
        "aws_rds_cluster" => {
            let (n, s) = named("cluster_identifier");
            (n.clone(), format!("arn:aws:rds:{region}:{account}:cluster:{n}"), s)
        }
        "aws_dynamodb_table" => {
            let (n, s) = named("name");
            (n.clone(), format!("arn:aws:dynamodb:{region}:{account}:table/{n}"), s)
        }
        "aws_sns_topic" => {
            let (n, s) = named("name");
            let arn = format!("arn:aws:sns:{region}:{account}:{n}");
            (arn.clone(), arn, s)
        }
        "aws_sqs_queue" => {
            let (n, s) = named("name");
            (
                format!("https://sqs.{region}.amazonaws.com/{account}/{n}"),
                format!("arn:aws:sqs:{region}:{account}:{n}"),
                s,
            )
        }
        "aws_cloudwatch_log_group" => {
            let (n, s) = named("name");
            (n.clone(), format!("arn:aws:logs:{region}:{account}:log-group:{n}"), s)
        }
        "aws_iam_role" | "aws_iam_user" | "aws_iam_group" => {
            let (n, s) = named("name");
            let kind = ty.trim_start_matches("aws_iam_");
            (n.clone(), format!("arn:aws:iam::{account}:{kind}/{n}"), s)
        }
        "aws_iam_policy" => {
            let (n, s) = named("name");
            let arn = format!("arn:aws:iam::{account}:policy/{n}");
            (arn.clone(), arn, s)
        }
        "aws_lambda_function" => {
            let (n, s) = named("function_name");
            (n.clone(), format!("arn:aws:lambda:{region}:{account}:function:{n}"), s)
        }
        _ => (name.to_owned(), String::new(), true),
    };
    let synthetic = synthetic || arn.contains(&format!(":{}:", crate::PLACEHOLDER_ACCOUNT));
    ((id, arn), synthetic)
}

struct B<'a> {
    inv: Inventory,
    synthetic: BTreeSet<String>,
    unjudged: Vec<Unjudged>,
    region: String,
    account: String,
    /// Address → (id, ARN).
    ids: BTreeMap<&'a str, (String, String)>,
}

impl B<'_> {
    fn gap(&mut self, r: &TfResource, service: Service, arn: &str, why: String) {
        self.inv.gaps.push(Gap {
            service,
            region: self.region.clone(),
            operation: "template".to_owned(),
            kind: GapKind::Unresolved,
            reason: format!("{}: {why}", r.address),
            resource: Some(arn.to_owned()),
        });
    }

    /// A boolean attribute, its default when absent, `None` (with a gap) when unknown.
    fn flag(&mut self, r: &TfResource, s: Service, arn: &str, path: &[&str], default: bool) -> Option<bool> {
        match r.get(path) {
            Ok(None) => Some(default),
            Ok(Some(v)) => as_bool(v),
            Err(why) => {
                self.gap(r, s, arn, why);
                None
            }
        }
    }

    fn text(&mut self, r: &TfResource, s: Service, arn: &str, path: &[&str]) -> Result<Option<String>, ()> {
        match r.get(path) {
            Ok(v) => Ok(v.and_then(as_text).filter(|t| !t.is_empty())),
            Err(why) => {
                self.gap(r, s, arn, why);
                Err(())
            }
        }
    }

    /// A policy attribute: a JSON string (`jsonencode`, a heredoc) or an object.
    fn policy(&mut self, r: &TfResource, s: Service, arn: &str, path: &[&str]) -> Result<Option<Json>, ()> {
        match r.get(path) {
            Ok(None) => Ok(None),
            Ok(Some(Json::String(text))) => match serde_json::from_str::<Json>(text) {
                Ok(doc) => Ok(Some(doc)),
                Err(e) => {
                    self.gap(r, s, arn, format!("{} is not a JSON policy ({e})", path.join(".")));
                    Err(())
                }
            },
            Ok(Some(v)) => Ok(Some(v.clone())),
            Err(why) => {
                self.gap(r, s, arn, why);
                Err(())
            }
        }
    }
}

fn name_of(address: &str) -> String {
    let last = address.rsplit('.').next().unwrap_or(address);
    last.split('[').next().unwrap_or(last).to_owned()
}

/// Builds the inventory of Terraform resources.
pub fn build(
    path: &std::path::Path,
    format: crate::Format,
    resources: &[TfResource],
    region: &str,
    account: &str,
) -> Unit {
    let mut inv = Inventory::new(account.to_owned(), chrono::Utc::now());
    inv.source = SourceKind::Iac;
    inv.regions = vec![region.to_owned()];
    inv.collected_services = crate::SERVICES.to_vec();
    inv.s3.account_public_access_block = Some(Setting::NotConfigured);
    inv.organizations.organization = Some(Setting::NotConfigured);
    let mut b = B {
        inv,
        synthetic: BTreeSet::new(),
        unjudged: Vec::new(),
        region: region.to_owned(),
        account: account.to_owned(),
        ids: BTreeMap::new(),
    };
    for r in resources {
        let attrs = r.attrs.as_object().cloned().unwrap_or_default();
        let ((id, arn), synthetic) = identity(&r.ty, &name_of(&r.address), &attrs, region, account);
        if synthetic && !arn.is_empty() {
            b.synthetic.insert(arn.clone());
        }
        b.ids.insert(r.address.as_str(), (id, arn));
    }
    // Plan references (`${ref:aws_s3_bucket.this.id}`) become the id or ARN wasp gave.
    let resolved: Vec<TfResource> = resources.iter().map(|r| resolve_refs(r, &b.ids)).collect();
    let resources = &resolved[..];
    let mut unsupported = BTreeMap::new();
    for r in resources {
        if !primary(&mut b, r) && !is_attachment(&r.ty) {
            *unsupported.entry(r.ty.clone()).or_default() += 1;
        }
    }
    for r in resources {
        attachment(&mut b, r);
    }
    let mut key_positions = BTreeMap::new();
    for r in resources {
        for (k, p) in &r.key_positions {
            key_positions.insert((r.address.clone(), k.clone()), *p);
        }
    }
    Unit {
        path: path.to_path_buf(),
        format,
        inventory: b.inv,
        synthetic_arns: b.synthetic,
        unjudged: b.unjudged,
        ignores: Vec::new(),
        unsupported,
        resources: resources.len(),
        key_positions,
    }
}

fn resolve_refs(r: &TfResource, ids: &BTreeMap<&str, (String, String)>) -> TfResource {
    let mut r = r.clone();
    if let Json::Object(m) = &mut r.attrs {
        for v in m.values_mut() {
            let Some(target) = v.as_str().and_then(|s| s.strip_prefix("${ref:")).and_then(|s| s.strip_suffix('}'))
            else {
                continue;
            };
            let (address, attr) = target.rsplit_once('.').unwrap_or((target, "id"));
            let found = ids
                .get(address)
                .or_else(|| ids.iter().find(|(a, _)| a.starts_with(&format!("{address}["))).map(|(_, v)| v));
            if let Some((id, arn)) = found {
                *v = Json::String(if attr == "arn" { arn.clone() } else { id.clone() });
            }
        }
    }
    r
}

fn is_attachment(ty: &str) -> bool {
    ty.starts_with("aws_s3_bucket_")
        || matches!(
            ty,
            "aws_s3_account_public_access_block"
                | "aws_security_group_rule"
                | "aws_vpc_security_group_ingress_rule"
                | "aws_vpc_security_group_egress_rule"
                | "aws_iam_role_policy_attachment"
                | "aws_iam_user_policy_attachment"
                | "aws_iam_group_policy_attachment"
                | "aws_iam_role_policy"
                | "aws_iam_user_policy"
                | "aws_iam_group_policy"
                | "aws_iam_user_group_membership"
                | "aws_lambda_permission"
                | "aws_lambda_function_url"
                | "aws_sqs_queue_policy"
                | "aws_sns_topic_policy"
        )
}

fn primary(b: &mut B<'_>, r: &TfResource) -> bool {
    let (id, arn) = b.ids[r.address.as_str()].clone();
    let loc = Some(r.location.clone());
    let region = b.region.clone();
    match r.ty.as_str() {
        "aws_s3_bucket" => {
            let s = Service::S3;
            // Provider v4+ split these out; the inline (deprecated) forms still count.
            let acl = b.text(r, s, &arn, &["acl"]);
            let versioning = match b.flag(r, s, &arn, &["versioning", "enabled"], false) {
                Some(true) => Some(Versioning { status: VersioningStatus::Enabled, mfa_delete: false }),
                Some(false) => Some(Versioning { status: VersioningStatus::Never, mfa_delete: false }),
                None => None,
            };
            let encryption = sse(r.get(&["server_side_encryption_configuration", "rule"]).ok().flatten())
                .or(Some(Setting::Configured(BucketEncryption::default())));
            let logging = match r.get(&["logging", "target_bucket"]) {
                Ok(Some(t)) => Some(Setting::Configured(BucketLogging {
                    target_bucket: as_text(t).unwrap_or_default(),
                    target_prefix: String::new(),
                })),
                _ => Some(Setting::NotConfigured),
            };
            b.inv.s3.buckets.push(Bucket {
                name: id,
                arn,
                region,
                policy: Some(Setting::NotConfigured),
                acl_grants: acl.ok().map(|a| canned(a.as_deref().unwrap_or("private"))),
                public_access_block: Some(Setting::Configured(PublicAccessBlock {
                    block_public_acls: true,
                    ignore_public_acls: true,
                    block_public_policy: true,
                    restrict_public_buckets: true,
                })),
                encryption,
                versioning,
                logging,
                location: loc,
                ..Default::default()
            });
        }
        "aws_security_group" => {
            let rules = |key: &str| -> Result<Vec<SgRule>, String> {
                match r.get(&[key]) {
                    Ok(None) => Ok(Vec::new()),
                    Ok(Some(Json::Array(items))) => {
                        let mut out = Vec::new();
                        for item in items {
                            out.extend(inline_rules(item)?);
                        }
                        Ok(out)
                    }
                    Ok(Some(_)) => Ok(Vec::new()),
                    Err(why) => Err(why),
                }
            };
            match (rules("ingress"), rules("egress")) {
                (Ok(ingress), Ok(egress)) => {
                    let name = r.get(&["name"]).ok().flatten().and_then(as_text).unwrap_or_else(|| name_of(&r.address));
                    b.inv.ec2.security_groups.push(SecurityGroup {
                        arn,
                        id,
                        name,
                        region,
                        vpc_id: r.get(&["vpc_id"]).ok().flatten().and_then(as_text),
                        ingress,
                        // Terraform removes AWS's default allow-all egress rule.
                        egress,
                        tags: Default::default(),
                        location: loc,
                    });
                }
                (Err(why), _) | (_, Err(why)) => b.unjudged.push(Unjudged {
                    resource_kind: "ec2_security_group",
                    location: r.location.clone(),
                    reason: format!("{}: {why}", r.address),
                }),
            }
        }
        "aws_ebs_volume" => {
            let encrypted = b.flag(r, Service::Ec2, &arn, &["encrypted"], false);
            b.inv.ec2.volumes.push(Volume {
                arn,
                id,
                region,
                encrypted,
                kms_key_id: r.get(&["kms_key_id"]).ok().flatten().and_then(as_text),
                location: loc,
                ..Default::default()
            });
        }
        "aws_instance" => {
            let tokens = match r.get(&["metadata_options", "http_tokens"]) {
                Ok(Some(t)) if as_text(t).as_deref() == Some("required") => Some(HttpTokens::Required),
                Ok(_) => Some(HttpTokens::Optional),
                Err(why) => {
                    b.gap(r, Service::Ec2, &arn, why);
                    None
                }
            };
            let endpoint = match r.get(&["metadata_options", "http_endpoint"]) {
                Ok(Some(t)) if as_text(t).as_deref() == Some("disabled") => Some(Toggle::Disabled),
                _ => Some(Toggle::Enabled),
            };
            if let Ok(Some(Json::Array(devices))) = r.get(&["root_block_device"]) {
                for (i, d) in devices.iter().enumerate() {
                    let vid = format!("vol-{}-root{i}", name_of(&r.address));
                    let varn = format!("arn:aws:ec2:{region}:{}:volume/{vid}", b.account);
                    b.synthetic.insert(varn.clone());
                    b.inv.ec2.volumes.push(Volume {
                        arn: varn,
                        id: vid,
                        region: region.clone(),
                        encrypted: Some(d.get("encrypted").and_then(as_bool).unwrap_or(false)),
                        location: loc.clone(),
                        ..Default::default()
                    });
                }
            }
            b.inv.ec2.instances.push(Instance {
                arn,
                id,
                region,
                metadata_http_tokens: tokens,
                metadata_endpoint: endpoint,
                security_group_ids: r.get(&["vpc_security_group_ids"]).ok().flatten().map(as_texts).unwrap_or_default(),
                location: loc,
                ..Default::default()
            });
        }
        "aws_kms_key" => {
            let s = Service::Kms;
            let rotation = b.flag(r, s, &arn, &["enable_key_rotation"], false);
            let enabled = b.flag(r, s, &arn, &["is_enabled"], true);
            let spec = r
                .get(&["customer_master_key_spec"])
                .ok()
                .map(|v| v.and_then(as_text).unwrap_or("SYMMETRIC_DEFAULT".into()));
            let policy = match b.policy(r, s, &arn, &["policy"]) {
                Ok(Some(p)) => Some(p),
                Ok(None) => Some(json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Principal": {"AWS": format!("arn:aws:iam::{}:root", b.account)}, "Action": "kms:*", "Resource": "*"}]})),
                Err(()) => None,
            };
            b.inv.kms.keys.push(wasp_model::kms::Key {
                arn,
                id,
                region,
                manager: wasp_model::kms::KeyManager::Customer,
                state: if enabled == Some(false) {
                    wasp_model::kms::KeyState::Disabled
                } else {
                    wasp_model::kms::KeyState::Enabled
                },
                spec,
                origin: Some(wasp_model::kms::KeyOrigin::AwsKms),
                rotation_enabled: rotation,
                policy,
                location: loc,
                ..Default::default()
            });
        }
        "aws_cloudtrail" => {
            let s = Service::CloudTrail;
            let trail = wasp_model::cloudtrail::Trail {
                multi_region: b.flag(r, s, &arn, &["is_multi_region_trail"], false),
                organization_trail: b.flag(r, s, &arn, &["is_organization_trail"], false),
                log_file_validation: b.flag(r, s, &arn, &["enable_log_file_validation"], false),
                kms_key_id: b.text(r, s, &arn, &["kms_key_id"]).ok().flatten(),
                s3_bucket: b.text(r, s, &arn, &["s3_bucket_name"]).ok().flatten(),
                cloudwatch_logs_group_arn: b.text(r, s, &arn, &["cloud_watch_logs_group_arn"]).ok().flatten(),
                include_global_service_events: b.flag(r, s, &arn, &["include_global_service_events"], true),
                is_logging: b.flag(r, s, &arn, &["enable_logging"], true),
                management_events: Some(wasp_model::cloudtrail::ManagementEvents::All),
                arn,
                name: id,
                region,
                location: loc,
                ..Default::default()
            };
            b.inv.cloudtrail.trails.push(trail);
        }
        "aws_db_instance" => {
            let s = Service::Rds;
            let i = wasp_model::rds::DbInstance {
                engine: b.text(r, s, &arn, &["engine"]).ok().flatten(),
                engine_version: b.text(r, s, &arn, &["engine_version"]).ok().flatten(),
                cluster_id: b.text(r, s, &arn, &["cluster_identifier"]).ok().flatten(),
                replica_of: b.text(r, s, &arn, &["replicate_source_db"]).ok().flatten(),
                storage_encrypted: b.flag(r, s, &arn, &["storage_encrypted"], false),
                publicly_accessible: b.flag(r, s, &arn, &["publicly_accessible"], false),
                backup_retention_days: match r.get(&["backup_retention_period"]) {
                    Ok(v) => v.and_then(as_text).and_then(|t| t.parse().ok()).or(Some(1)),
                    Err(why) => {
                        b.gap(r, s, &arn, why);
                        None
                    }
                },
                deletion_protection: b.flag(r, s, &arn, &["deletion_protection"], false),
                iam_database_authentication: b.flag(r, s, &arn, &["iam_database_authentication_enabled"], false),
                auto_minor_version_upgrade: b.flag(r, s, &arn, &["auto_minor_version_upgrade"], true),
                arn,
                id,
                region,
                location: loc,
                ..Default::default()
            };
            b.inv.rds.instances.push(i);
        }
        "aws_rds_cluster" => {
            let s = Service::Rds;
            let c = wasp_model::rds::DbCluster {
                engine: b.text(r, s, &arn, &["engine"]).ok().flatten(),
                engine_mode: Some(b.text(r, s, &arn, &["engine_mode"]).ok().flatten().unwrap_or("provisioned".into())),
                storage_encrypted: b.flag(r, s, &arn, &["storage_encrypted"], false),
                backup_retention_days: Some(
                    r.get(&["backup_retention_period"])
                        .ok()
                        .flatten()
                        .and_then(as_text)
                        .and_then(|t| t.parse().ok())
                        .unwrap_or(1),
                ),
                deletion_protection: b.flag(r, s, &arn, &["deletion_protection"], false),
                iam_database_authentication: b.flag(r, s, &arn, &["iam_database_authentication_enabled"], false),
                arn,
                id,
                region,
                location: loc,
                ..Default::default()
            };
            b.inv.rds.clusters.push(c);
        }
        "aws_dynamodb_table" => {
            let s = Service::DynamoDb;
            let encryption = match b.flag(r, s, &arn, &["server_side_encryption", "enabled"], false) {
                Some(false) => Some(wasp_model::dynamodb::TableEncryption::AwsOwnedKey),
                Some(true) => Some(wasp_model::dynamodb::TableEncryption::Kms(
                    r.get(&["server_side_encryption", "kms_key_arn"])
                        .ok()
                        .flatten()
                        .and_then(as_text)
                        .unwrap_or("alias/aws/dynamodb".into()),
                )),
                None => None,
            };
            let t = wasp_model::dynamodb::Table {
                encryption,
                deletion_protection: b.flag(r, s, &arn, &["deletion_protection_enabled"], false),
                point_in_time_recovery: b.flag(r, s, &arn, &["point_in_time_recovery", "enabled"], false),
                arn,
                name: id,
                region,
                status: None,
                location: loc,
            };
            b.inv.dynamodb.tables.push(t);
        }
        "aws_sqs_queue" => {
            let s = Service::Sqs;
            let encryption = match (b.text(r, s, &arn, &["kms_master_key_id"]), r.get(&["sqs_managed_sse_enabled"])) {
                (Ok(Some(k)), _) => Some(wasp_model::sqs::QueueEncryption::Kms(k)),
                (Ok(None), Ok(Some(v))) if as_bool(v) == Some(false) => {
                    Some(wasp_model::sqs::QueueEncryption::Disabled)
                }
                (Ok(None), Ok(_)) => Some(wasp_model::sqs::QueueEncryption::SqsManaged),
                _ => None,
            };
            let policy =
                b.policy(r, s, &arn, &["policy"]).map(|p| p.map_or(Setting::NotConfigured, Setting::Configured)).ok();
            let name = name_from_arn(&arn);
            b.inv.sqs.queues.push(wasp_model::sqs::Queue {
                arn,
                name,
                region,
                url: Some(id),
                encryption,
                policy,
                location: loc,
            });
        }
        "aws_sns_topic" => {
            let s = Service::Sns;
            let key = b
                .text(r, s, &arn, &["kms_master_key_id"])
                .map(|k| k.map_or(Setting::NotConfigured, Setting::Configured))
                .ok();
            let policy =
                b.policy(r, s, &arn, &["policy"]).map(|p| p.map_or(Setting::NotConfigured, Setting::Configured)).ok();
            let name = name_from_arn(&arn);
            b.inv.sns.topics.push(wasp_model::sns::Topic {
                arn,
                name,
                region,
                kms_master_key_id: key,
                policy,
                location: loc,
            });
        }
        "aws_cloudwatch_log_group" => {
            let s = Service::Logs;
            let retention = r.get(&["retention_in_days"]);
            let key = b.text(r, s, &arn, &["kms_key_id"]);
            match (retention, key) {
                (Ok(days), Ok(key)) => b.inv.logs.log_groups.push(wasp_model::logs::LogGroup {
                    arn,
                    name: id,
                    region,
                    // 0 (the default) keeps events forever.
                    retention_days: days.and_then(as_text).and_then(|t| t.parse().ok()).filter(|d| *d > 0),
                    kms_key_id: key,
                    created: None,
                    location: loc,
                }),
                (Err(why), _) => b.unjudged.push(Unjudged {
                    resource_kind: "log_group",
                    location: r.location.clone(),
                    reason: format!("{}: {why}", r.address),
                }),
                (_, Err(())) => b.unjudged.push(Unjudged {
                    resource_kind: "log_group",
                    location: r.location.clone(),
                    reason: format!("{}: kms_key_id is unresolved", r.address),
                }),
            }
        }
        "aws_lambda_function" => {
            let s = Service::Lambda;
            let package = b.text(r, s, &arn, &["package_type"]).ok().flatten();
            let tracing = r.get(&["tracing_config", "mode"]).ok().flatten().and_then(as_text);
            let runtime = b.text(r, s, &arn, &["runtime"]).ok().flatten();
            let code_signing_config = match b.text(r, s, &arn, &["code_signing_config_arn"]) {
                Ok(Some(csc)) => Some(Setting::Configured(csc)),
                Ok(None) => Some(Setting::NotConfigured),
                Err(()) => None,
            };
            b.inv.lambda.functions.push(wasp_model::lambda::Function {
                runtime,
                package_type: Some(if package.as_deref() == Some("Image") {
                    wasp_model::lambda::PackageType::Image
                } else {
                    wasp_model::lambda::PackageType::Zip
                }),
                tracing: Some(if tracing.as_deref() == Some("Active") {
                    wasp_model::lambda::TracingMode::Active
                } else {
                    wasp_model::lambda::TracingMode::PassThrough
                }),
                urls: Some(Vec::new()),
                policy: Some(Setting::NotConfigured),
                layers: r.get(&["layers"]).ok().flatten().map(as_texts).unwrap_or_default(),
                code_signing_config,
                arn,
                name: id,
                region,
                vpc_id: None,
                location: loc,
            });
        }
        "aws_iam_role" => {
            let s = Service::Iam;
            let trust = b.policy(r, s, &arn, &["assume_role_policy"]).ok().flatten();
            let inline = inline_blocks(b, r, &arn);
            let attached = r.get(&["managed_policy_arns"]).ok().flatten().map(as_texts).unwrap_or_default();
            b.inv.iam.roles.push(Role {
                arn,
                name: id,
                path: r.get(&["path"]).ok().flatten().and_then(as_text).unwrap_or("/".into()),
                trust_policy: trust,
                attached_policies: attached,
                inline_policies: inline,
                location: loc,
                ..Default::default()
            });
        }
        "aws_iam_user" => b.inv.iam.users.push(User {
            arn,
            name: id,
            console_access: Some(false),
            access_keys: Some(Vec::new()),
            location: loc,
            ..Default::default()
        }),
        "aws_iam_group" => {
            b.inv.iam.groups.push(Group { arn, name: id, location: loc, ..Default::default() });
        }
        "aws_iam_policy" => {
            let document = b.policy(r, Service::Iam, &arn, &["policy"]).ok().flatten();
            let name = name_from_arn(&arn);
            b.inv.iam.policies.push(ManagedPolicy { arn, name, attachment_count: Some(0), document, location: loc });
        }
        _ => return false,
    }
    true
}

fn name_from_arn(arn: &str) -> String {
    arn.rsplit([':', '/']).next().unwrap_or(arn).to_owned()
}

/// `inline_policy` blocks of a role.
fn inline_blocks(b: &mut B<'_>, r: &TfResource, arn: &str) -> Vec<InlinePolicy> {
    match r.get(&["inline_policy"]) {
        Ok(Some(Json::Array(items))) => items
            .iter()
            .map(|p| InlinePolicy {
                name: p.get("name").and_then(as_text).unwrap_or_default(),
                document: p.get("policy").and_then(Json::as_str).and_then(|t| serde_json::from_str(t).ok()),
            })
            .collect(),
        Ok(_) => Vec::new(),
        Err(why) => {
            b.gap(r, Service::Iam, arn, why);
            vec![InlinePolicy { name: "(unresolved inline_policy)".into(), document: None }]
        }
    }
}

/// The rules of one `ingress`/`egress` block: one per CIDR or source group.
fn inline_rules(item: &Json) -> Result<Vec<SgRule>, String> {
    let protocol = item.get("protocol").and_then(as_text).ok_or("protocol is missing")?;
    let protocol = Protocol::parse(&protocol).ok_or_else(|| format!("protocol {protocol} is not a protocol"))?;
    let port = |k: &str| item.get(k).and_then(as_text).and_then(|t| t.parse::<i32>().ok());
    let mut sources = Vec::new();
    for k in ["cidr_blocks", "ipv6_cidr_blocks", "security_groups", "prefix_list_ids"] {
        if let Some(v) = item.get(k) {
            sources.extend(as_texts(v));
        }
    }
    if item.get("self").and_then(as_bool) == Some(true) {
        sources.push("self".into());
    }
    Ok(sources
        .into_iter()
        .map(|source| SgRule { protocol, from_port: port("from_port"), to_port: port("to_port"), source })
        .collect())
}

fn canned(acl: &str) -> Vec<AclGrant> {
    let g = |grantee: &str, p: &str| AclGrant { grantee: grantee.into(), permission: p.into() };
    match acl {
        "public-read" => vec![g(AclGrant::ALL_USERS, "READ")],
        "public-read-write" => vec![g(AclGrant::ALL_USERS, "READ"), g(AclGrant::ALL_USERS, "WRITE")],
        "authenticated-read" => vec![g(AclGrant::AUTHENTICATED_USERS, "READ")],
        _ => Vec::new(),
    }
}

/// A `rule` block of bucket encryption.
fn sse(rule: Option<&Json>) -> Option<Setting<BucketEncryption>> {
    let rule = match rule? {
        Json::Array(items) => items.first()?.clone(),
        other => other.clone(),
    };
    let by_default = rule.get("apply_server_side_encryption_by_default").map(|d| match d {
        Json::Array(items) => items.first().cloned().unwrap_or(Json::Null),
        other => other.clone(),
    });
    let algorithm = by_default.as_ref().and_then(|d| d.get("sse_algorithm")).and_then(as_text);
    Some(Setting::Configured(BucketEncryption {
        algorithm: match algorithm.as_deref() {
            Some("aws:kms") => SseAlgorithm::Kms,
            Some("aws:kms:dsse") => SseAlgorithm::KmsDsse,
            _ => SseAlgorithm::Aes256,
        },
        kms_key_id: by_default.as_ref().and_then(|d| d.get("kms_master_key_id")).and_then(as_text),
        bucket_key_enabled: rule.get("bucket_key_enabled").and_then(as_bool).unwrap_or(false),
    }))
}

/// Joins a split resource to the resource it configures.
fn attachment(b: &mut B<'_>, r: &TfResource) {
    let text = |path: &[&str]| r.get(path).ok().flatten().and_then(as_text);
    match r.ty.as_str() {
        "aws_s3_bucket_public_access_block" => {
            let Some(bucket) = text(&["bucket"]) else { return };
            let flag = |k| r.get(&[k]).map(|v| v.and_then(as_bool).unwrap_or(false));
            let block = match (
                flag("block_public_acls"),
                flag("ignore_public_acls"),
                flag("block_public_policy"),
                flag("restrict_public_buckets"),
            ) {
                (Ok(a), Ok(i), Ok(p), Ok(rb)) => Some(Setting::Configured(PublicAccessBlock {
                    block_public_acls: a,
                    ignore_public_acls: i,
                    block_public_policy: p,
                    restrict_public_buckets: rb,
                })),
                _ => None,
            };
            if let Some(x) = b.inv.s3.buckets.iter_mut().find(|x| x.name == bucket) {
                x.public_access_block = block;
            }
        }
        // The one account-level setting a Terraform module can declare whole.
        "aws_s3_account_public_access_block" => {
            let flag = |k| r.get(&[k]).map(|v| v.and_then(as_bool).unwrap_or(false));
            b.inv.s3.account_public_access_block = match (
                flag("block_public_acls"),
                flag("ignore_public_acls"),
                flag("block_public_policy"),
                flag("restrict_public_buckets"),
            ) {
                (Ok(a), Ok(i), Ok(p), Ok(rb)) => Some(Setting::Configured(PublicAccessBlock {
                    block_public_acls: a,
                    ignore_public_acls: i,
                    block_public_policy: p,
                    restrict_public_buckets: rb,
                })),
                _ => None,
            };
        }
        "aws_s3_bucket_server_side_encryption_configuration" => {
            let Some(bucket) = text(&["bucket"]) else { return };
            let enc = match r.get(&["rule"]) {
                Ok(rule) => sse(rule),
                Err(_) => None,
            };
            if let Some(x) = b.inv.s3.buckets.iter_mut().find(|x| x.name == bucket) {
                x.encryption = enc;
            }
        }
        "aws_s3_bucket_versioning" => {
            let Some(bucket) = text(&["bucket"]) else { return };
            let status = match r.get(&["versioning_configuration", "status"]) {
                Ok(Some(s)) => match as_text(s).as_deref() {
                    Some("Enabled") => Some(VersioningStatus::Enabled),
                    Some("Suspended") => Some(VersioningStatus::Suspended),
                    _ => Some(VersioningStatus::Never),
                },
                Ok(None) => Some(VersioningStatus::Never),
                Err(_) => None,
            };
            let mfa = text(&["versioning_configuration", "mfa_delete"]).as_deref() == Some("Enabled");
            if let Some(x) = b.inv.s3.buckets.iter_mut().find(|x| x.name == bucket) {
                x.versioning = status.map(|status| Versioning { status, mfa_delete: mfa });
            }
        }
        "aws_s3_bucket_logging" => {
            let Some(bucket) = text(&["bucket"]) else { return };
            let target = text(&["target_bucket"]);
            if let Some(x) = b.inv.s3.buckets.iter_mut().find(|x| x.name == bucket) {
                x.logging = target.map(|t| {
                    Setting::Configured(BucketLogging {
                        target_bucket: t,
                        target_prefix: text(&["target_prefix"]).unwrap_or_default(),
                    })
                });
            }
        }
        "aws_s3_bucket_acl" => {
            let Some(bucket) = text(&["bucket"]) else { return };
            let acl = r.get(&["acl"]).map(|a| a.and_then(as_text));
            if let Some(x) = b.inv.s3.buckets.iter_mut().find(|x| x.name == bucket) {
                x.acl_grants = acl.ok().map(|a| canned(a.as_deref().unwrap_or("private")));
            }
        }
        "aws_s3_bucket_policy" => {
            let Some(bucket) = text(&["bucket"]) else { return };
            let Some(arn) = b.inv.s3.buckets.iter().find(|x| x.name == bucket).map(|x| x.arn.clone()) else { return };
            let doc = b.policy(r, Service::S3, &arn, &["policy"]);
            if let Some(x) = b.inv.s3.buckets.iter_mut().find(|x| x.name == bucket) {
                match doc {
                    Ok(Some(d)) => {
                        x.policy_is_public = Some(!wasp_checks::policy::public_statements(&d).is_empty());
                        x.policy = Some(Setting::Configured(d));
                    }
                    _ => {
                        x.policy = None;
                        x.policy_is_public = None;
                    }
                }
            }
        }
        "aws_security_group_rule" | "aws_vpc_security_group_ingress_rule" | "aws_vpc_security_group_egress_rule" => {
            let Some(group) = text(&["security_group_id"]) else { return };
            let Some(index) = b.inv.ec2.security_groups.iter().position(|g| g.id == group) else { return };
            let ingress = match r.ty.as_str() {
                "aws_security_group_rule" => text(&["type"]).as_deref() == Some("ingress"),
                ty => ty.ends_with("ingress_rule"),
            };
            let parsed = if r.ty == "aws_security_group_rule" {
                if let Some((k, why)) = r.unknown.iter().next() {
                    Err(format!("{k}: {why}"))
                } else {
                    inline_rules(&r.attrs)
                }
            } else if let Some((k, why)) = r.unknown.iter().next() {
                Err(format!("{k}: {why}"))
            } else {
                let protocol = text(&["ip_protocol"]).and_then(|p| Protocol::parse(&p));
                let source = ["cidr_ipv4", "cidr_ipv6", "referenced_security_group_id", "prefix_list_id"]
                    .iter()
                    .find_map(|k| text(&[k]));
                let port = |k: &str| text(&[k]).and_then(|t| t.parse::<i32>().ok());
                match (protocol, source) {
                    (Some(protocol), Some(source)) => {
                        Ok(vec![SgRule { protocol, from_port: port("from_port"), to_port: port("to_port"), source }])
                    }
                    _ => Err("the rule's protocol or source is missing".to_owned()),
                }
            };
            match parsed {
                Ok(rules) => {
                    let g = &mut b.inv.ec2.security_groups[index];
                    if ingress {
                        g.ingress.extend(rules);
                    } else {
                        g.egress.extend(rules);
                    }
                }
                Err(why) => {
                    let g = b.inv.ec2.security_groups.remove(index);
                    b.unjudged.push(Unjudged {
                        resource_kind: "ec2_security_group",
                        location: g.location.unwrap_or_else(|| r.location.clone()),
                        reason: format!("{} (a rule of the group): {why}", r.address),
                    });
                }
            }
        }
        "aws_iam_role_policy_attachment" | "aws_iam_user_policy_attachment" | "aws_iam_group_policy_attachment" => {
            let key = match r.ty.as_str() {
                "aws_iam_role_policy_attachment" => "role",
                "aws_iam_user_policy_attachment" => "user",
                _ => "group",
            };
            let (Some(target), Some(policy)) = (text(&[key]), text(&["policy_arn"])) else { return };
            let list = match key {
                "role" => b.inv.iam.roles.iter_mut().find(|x| x.name == target).map(|x| &mut x.attached_policies),
                "user" => b.inv.iam.users.iter_mut().find(|x| x.name == target).map(|x| &mut x.attached_policies),
                _ => b.inv.iam.groups.iter_mut().find(|x| x.name == target).map(|x| &mut x.attached_policies),
            };
            if let Some(list) = list {
                list.push(policy.clone());
            }
            if let Some(p) = b.inv.iam.policies.iter_mut().find(|p| p.arn == policy) {
                p.attachment_count = Some(p.attachment_count.unwrap_or(0) + 1);
            }
        }
        "aws_iam_role_policy" | "aws_iam_user_policy" | "aws_iam_group_policy" => {
            let key = match r.ty.as_str() {
                "aws_iam_role_policy" => "role",
                "aws_iam_user_policy" => "user",
                _ => "group",
            };
            let Some(target) = text(&[key]) else { return };
            let document = match r.get(&["policy"]) {
                Ok(Some(Json::String(t))) => serde_json::from_str(t).ok(),
                _ => None,
            };
            let p = InlinePolicy { name: text(&["name"]).unwrap_or_else(|| name_of(&r.address)), document };
            let list = match key {
                "role" => b.inv.iam.roles.iter_mut().find(|x| x.name == target).map(|x| &mut x.inline_policies),
                "user" => b.inv.iam.users.iter_mut().find(|x| x.name == target).map(|x| &mut x.inline_policies),
                _ => b.inv.iam.groups.iter_mut().find(|x| x.name == target).map(|x| &mut x.inline_policies),
            };
            if let Some(list) = list {
                list.push(p);
            }
        }
        "aws_lambda_function_url" => {
            let Some(f) = text(&["function_name"]) else { return };
            let auth = text(&["authorization_type"]);
            let region = b.region.clone();
            if let Some(func) = b.inv.lambda.functions.iter_mut().find(|x| x.name == f || x.arn == f) {
                if let Some(urls) = &mut func.urls {
                    urls.push(wasp_model::lambda::FunctionUrl {
                        url: format!("https://{}.lambda-url.{region}.on.aws/", name_of(&r.address)),
                        qualifier: text(&["qualifier"]),
                        auth_type: if auth.as_deref() == Some("NONE") {
                            wasp_model::lambda::UrlAuthType::None
                        } else {
                            wasp_model::lambda::UrlAuthType::AwsIam
                        },
                    });
                }
            }
        }
        "aws_lambda_permission" => {
            let Some(f) = text(&["function_name"]) else { return };
            let principal = text(&["principal"]).unwrap_or_default();
            let principal = if principal == "*" {
                json!("*")
            } else if principal.ends_with(".amazonaws.com") {
                json!({"Service": principal})
            } else {
                json!({"AWS": principal})
            };
            let mut st = json!({"Sid": name_of(&r.address), "Effect": "Allow", "Principal": principal,
                "Action": text(&["action"]).unwrap_or("lambda:InvokeFunction".into())});
            let mut cond = Map::new();
            if let Some(s) = text(&["source_arn"]) {
                cond.insert("ArnLike".into(), json!({"AWS:SourceArn": s}));
            }
            if let Some(s) = text(&["source_account"]) {
                cond.insert("StringEquals".into(), json!({"AWS:SourceAccount": s}));
            }
            if !cond.is_empty() {
                st["Condition"] = Json::Object(cond);
            }
            if let Some(func) = b.inv.lambda.functions.iter_mut().find(|x| x.name == f || x.arn == f) {
                st["Resource"] = json!(func.arn);
                match &mut func.policy {
                    Some(Setting::Configured(doc)) => {
                        if let Some(Json::Array(list)) = doc.get_mut("Statement") {
                            list.push(st);
                        }
                    }
                    _ => func.policy = Some(Setting::Configured(json!({"Version": "2012-10-17", "Statement": [st]}))),
                }
            }
        }
        "aws_sqs_queue_policy" => {
            let Some(url) = text(&["queue_url"]) else { return };
            let Some(arn) =
                b.inv.sqs.queues.iter().find(|q| q.url.as_deref() == Some(url.as_str())).map(|q| q.arn.clone())
            else {
                return;
            };
            let doc = b.policy(r, Service::Sqs, &arn, &["policy"]);
            if let Some(q) = b.inv.sqs.queues.iter_mut().find(|q| q.arn == arn) {
                q.policy = doc.ok().map(|d| d.map_or(Setting::NotConfigured, Setting::Configured));
            }
        }
        "aws_sns_topic_policy" => {
            let Some(arn) = text(&["arn"]) else { return };
            let doc = b.policy(r, Service::Sns, &arn, &["policy"]);
            if let Some(t) = b.inv.sns.topics.iter_mut().find(|t| t.arn == arn) {
                t.policy = doc.ok().map(|d| d.map_or(Setting::NotConfigured, Setting::Configured));
            }
        }
        _ => {}
    }
}
