//! The one place wasp's writes meet the AWS SDK: a call named as AWS names it, with
//! parameters in the API's JSON shape, turned into the SDK request; its answer turned back
//! into JSON. Only the operations listed here exist; plans are verified to use only the ones
//! their actions declare.
use crate::plan::Call;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_types::request_id::RequestId;
use serde_json::{json, Value};
use std::time::Duration;

/// A call AWS refused or that could not be made.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{service} {operation}: {message}")]
pub struct CallError {
    pub service: String,
    pub operation: String,
    pub code: Option<String>,
    pub message: String,
}

/// Who the credentials are.
#[derive(Debug, Clone)]
pub struct Identity {
    pub account: String,
    pub arn: String,
}

/// Makes calls with one set of credentials, in whichever region a step names.
pub struct Executor {
    sdk: SdkConfig,
    path_style: bool,
}

impl Executor {
    /// The SDK configuration of a scan: profile, endpoint (also `AWS_ENDPOINT_URL`), standard
    /// retries, bounded timeouts.
    pub async fn connect(profile: Option<&str>, endpoint_url: Option<&str>) -> Executor {
        let timeouts = aws_config::timeout::TimeoutConfig::builder()
            .connect_timeout(Duration::from_secs(3))
            .operation_timeout(Duration::from_secs(60))
            .build();
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .retry_config(aws_config::retry::RetryConfig::standard().with_max_attempts(3))
            .timeout_config(timeouts);
        if let Some(profile) = profile {
            loader = loader.profile_name(profile);
        }
        if let Some(url) = endpoint_url {
            loader = loader.endpoint_url(url);
        }
        let sdk = loader.load().await;
        let path_style = sdk.endpoint_url().is_some();
        Executor { sdk, path_style }
    }

    /// The region of the profile or environment (`AWS_REGION`), if any.
    pub fn region(&self) -> Option<String> {
        self.sdk.region().map(|r| r.to_string())
    }

    pub async fn identity(&self) -> Result<Identity, CallError> {
        let client = aws_sdk_sts::Client::new(&self.regional("us-east-1"));
        let out = client.get_caller_identity().send().await.map_err(|e| failed("sts", "GetCallerIdentity", &e))?;
        Ok(Identity {
            account: out.account().unwrap_or_default().to_owned(),
            arn: out.arn().unwrap_or_default().to_owned(),
        })
    }

    fn regional(&self, region: &str) -> SdkConfig {
        // Account-wide services (IAM, S3 Control) are called in the partition's first region.
        let region = if region == wasp_model::GLOBAL_REGION { "us-east-1" } else { region };
        self.sdk.to_builder().region(Region::new(region.to_owned())).build()
    }

    /// Makes the call in `region`; answers its output as JSON and AWS's request id.
    pub async fn call(&self, region: &str, call: &Call) -> Result<(Value, Option<String>), CallError> {
        let p = Params { call };
        let sdk = self.regional(region);
        match call.service.as_str() {
            "s3" => s3(&sdk, self.path_style, call, &p).await,
            "s3control" => s3control(&sdk, call, &p).await,
            "ec2" => ec2(&sdk, call, &p).await,
            "kms" => kms(&sdk, call, &p).await,
            "cloudtrail" if call.operation == "DescribeTrails" => incident::cloudtrail(&sdk, call, &p).await,
            "cloudtrail" => cloudtrail(&sdk, call, &p).await,
            "guardduty" => guardduty(&sdk, call, &p).await,
            "securityhub" => securityhub(&sdk, call, &p).await,
            "config" => config(&sdk, call, &p).await,
            "accessanalyzer" => accessanalyzer(&sdk, call, &p).await,
            "iam" => iam(&sdk, call, &p).await,
            "autoscaling" => incident::autoscaling(&sdk, call, &p).await,
            _ => Err(p.unsupported()),
        }
    }
}

fn failed<E>(service: &str, operation: &str, err: &E) -> CallError
where
    E: ProvideErrorMetadata + std::error::Error,
{
    let message = match (err.code(), err.message()) {
        (Some(code), Some(message)) => format!("{code}: {message}"),
        (Some(code), None) => code.to_owned(),
        _ => wasp_model::root_cause(err),
    };
    CallError { service: service.into(), operation: operation.into(), code: err.code().map(str::to_owned), message }
}

/// A call's parameters, read with one clear error for a missing or mistyped one.
struct Params<'a> {
    call: &'a Call,
}

impl Params<'_> {
    fn error(&self, message: String) -> CallError {
        CallError { service: self.call.service.clone(), operation: self.call.operation.clone(), code: None, message }
    }
    fn unsupported(&self) -> CallError {
        self.error("wasp cannot make this call".into())
    }
    fn value(&self, key: &str) -> Option<&Value> {
        self.call.params.get(key).filter(|v| !v.is_null())
    }
    fn str(&self, key: &str) -> Result<String, CallError> {
        self.value(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| self.error(format!("parameter {key} must be a string")))
    }
    fn opt_str(&self, key: &str) -> Option<String> {
        self.value(key).and_then(Value::as_str).map(str::to_owned)
    }
    fn opt_bool(&self, key: &str) -> Option<bool> {
        self.value(key).and_then(Value::as_bool)
    }
    fn opt_i32(&self, key: &str) -> Option<i32> {
        self.value(key).and_then(Value::as_i64).and_then(|n| i32::try_from(n).ok())
    }
    fn strs(&self, key: &str) -> Vec<String> {
        self.value(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    }
    fn object(&self, key: &str) -> Result<&Value, CallError> {
        self.value(key)
            .filter(|v| v.is_object())
            .ok_or_else(|| self.error(format!("parameter {key} must be an object")))
    }
}

fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// Sends a request; `$absent` lists error codes that mean "there is none" (answered `null`).
macro_rules! send {
    ($p:expr, $req:expr) => {
        match $req.send().await {
            Ok(out) => {
                let id = out.request_id().map(str::to_owned);
                (out, id)
            }
            Err(e) => return Err(failed(&$p.call.service, &$p.call.operation, &e)),
        }
    };
    ($p:expr, $req:expr, absent: [$($code:literal),+]) => {
        match $req.send().await {
            Ok(out) => {
                let id = out.request_id().map(str::to_owned);
                (Some(out), id)
            }
            Err(e) if matches!(e.code(), $(Some($code))|+) => (None, None),
            Err(e) => return Err(failed(&$p.call.service, &$p.call.operation, &e)),
        }
    };
}

/// Every page of a paginated read: the outputs, and the request ids joined by commas.
macro_rules! pages {
    ($p:expr, $req:expr) => {{
        let mut stream = $req.into_paginator().send();
        let (mut outs, mut ids) = (Vec::new(), Vec::new());
        while let Some(page) = stream.next().await {
            match page {
                Ok(out) => {
                    ids.extend(out.request_id().map(str::to_owned));
                    outs.push(out);
                }
                Err(e) => return Err(failed(&$p.call.service, &$p.call.operation, &e)),
            }
        }
        (outs, (!ids.is_empty()).then(|| ids.join(",")))
    }};
}

// The playbooks' calls; declared after `send!` so that they can use it.
#[path = "incident.rs"]
mod incident;

async fn s3(
    sdk: &SdkConfig,
    path_style: bool,
    call: &Call,
    p: &Params<'_>,
) -> Result<(Value, Option<String>), CallError> {
    use aws_sdk_s3::types::{
        BucketLoggingStatus, BucketVersioningStatus, LoggingEnabled, PublicAccessBlockConfiguration,
        ServerSideEncryption, ServerSideEncryptionByDefault, ServerSideEncryptionConfiguration,
        ServerSideEncryptionRule, VersioningConfiguration,
    };
    let conf = aws_sdk_s3::config::Builder::from(sdk).force_path_style(path_style).build();
    let c = aws_sdk_s3::Client::from_conf(conf);
    let bucket = p.str("Bucket")?;
    let built = |e: aws_sdk_s3::error::BuildError| p.error(e.to_string());
    Ok(match call.operation.as_str() {
        "GetPublicAccessBlock" => {
            let (out, id) =
                send!(p, c.get_public_access_block().bucket(&bucket), absent: ["NoSuchPublicAccessBlockConfiguration"]);
            let conf = out.as_ref().and_then(|o| o.public_access_block_configuration());
            (
                conf.map_or(Value::Null, |b| {
                    json!({"PublicAccessBlockConfiguration": {
                        "BlockPublicAcls": b.block_public_acls().unwrap_or(false),
                        "IgnorePublicAcls": b.ignore_public_acls().unwrap_or(false),
                        "BlockPublicPolicy": b.block_public_policy().unwrap_or(false),
                        "RestrictPublicBuckets": b.restrict_public_buckets().unwrap_or(false),
                    }})
                }),
                id,
            )
        }
        "PutPublicAccessBlock" => {
            let v = p.object("PublicAccessBlockConfiguration")?;
            let conf = PublicAccessBlockConfiguration::builder()
                .block_public_acls(flag(v, "BlockPublicAcls"))
                .ignore_public_acls(flag(v, "IgnorePublicAcls"))
                .block_public_policy(flag(v, "BlockPublicPolicy"))
                .restrict_public_buckets(flag(v, "RestrictPublicBuckets"))
                .build();
            let (_, id) = send!(p, c.put_public_access_block().bucket(&bucket).public_access_block_configuration(conf));
            (Value::Null, id)
        }
        "DeletePublicAccessBlock" => (Value::Null, send!(p, c.delete_public_access_block().bucket(&bucket)).1),
        "GetBucketPolicy" => {
            let (out, id) = send!(p, c.get_bucket_policy().bucket(&bucket), absent: ["NoSuchBucketPolicy"]);
            (out.and_then(|o| o.policy().map(|t| json!({"Policy": t}))).unwrap_or(Value::Null), id)
        }
        "PutBucketPolicy" => (Value::Null, send!(p, c.put_bucket_policy().bucket(&bucket).policy(p.str("Policy")?)).1),
        "DeleteBucketPolicy" => (Value::Null, send!(p, c.delete_bucket_policy().bucket(&bucket)).1),
        "GetBucketEncryption" => {
            let (out, id) = send!(p, c.get_bucket_encryption().bucket(&bucket), absent: ["ServerSideEncryptionConfigurationNotFoundError"]);
            let first =
                out.as_ref().and_then(|o| o.server_side_encryption_configuration()).and_then(|c| c.rules().first());
            let by_default = first.and_then(|r| r.apply_server_side_encryption_by_default());
            (
                by_default.map_or(Value::Null, |d| {
                    let mut v = json!({"SSEAlgorithm": d.sse_algorithm().as_str()});
                    if let Some(key) = d.kms_master_key_id() {
                        v["KMSMasterKeyID"] = json!(key);
                    }
                    json!({"ServerSideEncryptionConfiguration": {"Rules": [{"ApplyServerSideEncryptionByDefault": v}]}})
                }),
                id,
            )
        }
        "PutBucketEncryption" => {
            let conf = p.object("ServerSideEncryptionConfiguration")?;
            let rule = conf.pointer("/Rules/0").ok_or_else(|| p.error("parameter Rules needs one rule".into()))?;
            let d = rule.get("ApplyServerSideEncryptionByDefault").cloned().unwrap_or_default();
            let by_default = ServerSideEncryptionByDefault::builder()
                .sse_algorithm(ServerSideEncryption::from(
                    d.get("SSEAlgorithm").and_then(Value::as_str).unwrap_or("AES256"),
                ))
                .set_kms_master_key_id(d.get("KMSMasterKeyID").and_then(Value::as_str).map(str::to_owned))
                .build()
                .map_err(built)?;
            let rule = ServerSideEncryptionRule::builder()
                .apply_server_side_encryption_by_default(by_default)
                .bucket_key_enabled(flag(rule, "BucketKeyEnabled"))
                .build();
            let conf = ServerSideEncryptionConfiguration::builder().rules(rule).build().map_err(built)?;
            (
                Value::Null,
                send!(p, c.put_bucket_encryption().bucket(&bucket).server_side_encryption_configuration(conf)).1,
            )
        }
        "DeleteBucketEncryption" => (Value::Null, send!(p, c.delete_bucket_encryption().bucket(&bucket)).1),
        "GetBucketVersioning" => {
            let (out, id) = send!(p, c.get_bucket_versioning().bucket(&bucket));
            (out.status().map_or(json!({}), |s| json!({"Status": s.as_str()})), id)
        }
        "PutBucketVersioning" => {
            let status =
                p.object("VersioningConfiguration")?.get("Status").and_then(Value::as_str).unwrap_or("Enabled");
            let conf = VersioningConfiguration::builder().status(BucketVersioningStatus::from(status)).build();
            (Value::Null, send!(p, c.put_bucket_versioning().bucket(&bucket).versioning_configuration(conf)).1)
        }
        "GetBucketLogging" => {
            let (out, id) = send!(p, c.get_bucket_logging().bucket(&bucket));
            (
                out.logging_enabled().map_or(json!({}), |l| {
                    json!({"LoggingEnabled": {"TargetBucket": l.target_bucket(), "TargetPrefix": l.target_prefix()}})
                }),
                id,
            )
        }
        "PutBucketLogging" => {
            let status = p.object("BucketLoggingStatus")?;
            let enabled = match status.get("LoggingEnabled") {
                Some(l) if l.is_object() => Some(
                    LoggingEnabled::builder()
                        .target_bucket(l.get("TargetBucket").and_then(Value::as_str).unwrap_or_default())
                        .target_prefix(l.get("TargetPrefix").and_then(Value::as_str).unwrap_or_default())
                        .build()
                        .map_err(built)?,
                ),
                _ => None,
            };
            let status = BucketLoggingStatus::builder().set_logging_enabled(enabled).build();
            (Value::Null, send!(p, c.put_bucket_logging().bucket(&bucket).bucket_logging_status(status)).1)
        }
        _ => return incident::s3(sdk, path_style, call, p).await,
    })
}

async fn s3control(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Result<(Value, Option<String>), CallError> {
    use aws_sdk_s3control::types::PublicAccessBlockConfiguration;
    let c = aws_sdk_s3control::Client::new(sdk);
    let account = p.str("AccountId")?;
    Ok(match call.operation.as_str() {
        "GetPublicAccessBlock" => {
            let (out, id) = send!(p, c.get_public_access_block().account_id(&account), absent: ["NoSuchPublicAccessBlockConfiguration"]);
            let conf = out.as_ref().and_then(|o| o.public_access_block_configuration());
            (
                conf.map_or(Value::Null, |b| {
                    json!({"PublicAccessBlockConfiguration": {
                        "BlockPublicAcls": b.block_public_acls().unwrap_or(false),
                        "IgnorePublicAcls": b.ignore_public_acls().unwrap_or(false),
                        "BlockPublicPolicy": b.block_public_policy().unwrap_or(false),
                        "RestrictPublicBuckets": b.restrict_public_buckets().unwrap_or(false),
                    }})
                }),
                id,
            )
        }
        "PutPublicAccessBlock" => {
            let v = p.object("PublicAccessBlockConfiguration")?;
            let conf = PublicAccessBlockConfiguration::builder()
                .block_public_acls(flag(v, "BlockPublicAcls"))
                .ignore_public_acls(flag(v, "IgnorePublicAcls"))
                .block_public_policy(flag(v, "BlockPublicPolicy"))
                .restrict_public_buckets(flag(v, "RestrictPublicBuckets"))
                .build();
            (
                Value::Null,
                send!(p, c.put_public_access_block().account_id(&account).public_access_block_configuration(conf)).1,
            )
        }
        "DeletePublicAccessBlock" => (Value::Null, send!(p, c.delete_public_access_block().account_id(&account)).1),
        _ => return Err(p.unsupported()),
    })
}

async fn ec2(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Result<(Value, Option<String>), CallError> {
    use aws_sdk_ec2::types::{HttpTokensState, IpPermission, IpRange, Ipv6Range};
    let c = aws_sdk_ec2::Client::new(sdk);
    let permissions = || -> Vec<IpPermission> {
        p.value("IpPermissions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|perm| {
                let ranges = |list: &str, field: &str| -> Vec<String> {
                    perm.get(list)
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(|r| r.get(field)?.as_str().map(str::to_owned))
                        .collect()
                };
                IpPermission::builder()
                    .set_ip_protocol(perm.get("IpProtocol").and_then(Value::as_str).map(str::to_owned))
                    .set_from_port(perm.get("FromPort").and_then(Value::as_i64).map(|n| n as i32))
                    .set_to_port(perm.get("ToPort").and_then(Value::as_i64).map(|n| n as i32))
                    .set_ip_ranges(Some(
                        ranges("IpRanges", "CidrIp")
                            .into_iter()
                            .map(|c| IpRange::builder().cidr_ip(c).build())
                            .collect(),
                    ))
                    .set_ipv6_ranges(Some(
                        ranges("Ipv6Ranges", "CidrIpv6")
                            .into_iter()
                            .map(|c| Ipv6Range::builder().cidr_ipv6(c).build())
                            .collect(),
                    ))
                    .build()
            })
            .collect()
    };
    Ok(match call.operation.as_str() {
        "GetEbsEncryptionByDefault" => {
            let (out, id) = send!(p, c.get_ebs_encryption_by_default());
            (json!({"EbsEncryptionByDefault": out.ebs_encryption_by_default()}), id)
        }
        "EnableEbsEncryptionByDefault" => {
            let (out, id) = send!(p, c.enable_ebs_encryption_by_default());
            (json!({"EbsEncryptionByDefault": out.ebs_encryption_by_default()}), id)
        }
        "DisableEbsEncryptionByDefault" => {
            let (out, id) = send!(p, c.disable_ebs_encryption_by_default());
            (json!({"EbsEncryptionByDefault": out.ebs_encryption_by_default()}), id)
        }
        "DescribeSecurityGroups" => {
            let filters: Vec<aws_sdk_ec2::types::Filter> = p
                .value("Filters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|f| {
                    aws_sdk_ec2::types::Filter::builder()
                        .set_name(f.get("Name").and_then(Value::as_str).map(str::to_owned))
                        .set_values(Some(
                            f.get("Values")
                                .and_then(Value::as_array)
                                .into_iter()
                                .flatten()
                                .filter_map(|v| v.as_str().map(str::to_owned))
                                .collect(),
                        ))
                        .build()
                })
                .collect();
            let req = c
                .describe_security_groups()
                .set_group_ids(Some(p.strs("GroupIds")))
                .set_filters((!filters.is_empty()).then_some(filters));
            let (outs, id) = pages!(p, req);
            let rules = |list: &[IpPermission]| -> Vec<Value> {
                list.iter()
                    .map(|perm| {
                        json!({
                            "IpProtocol": perm.ip_protocol(),
                            "FromPort": perm.from_port(),
                            "ToPort": perm.to_port(),
                            "IpRanges": perm.ip_ranges().iter().map(|r| json!({"CidrIp": r.cidr_ip()})).collect::<Vec<_>>(),
                            "Ipv6Ranges": perm.ipv6_ranges().iter().map(|r| json!({"CidrIpv6": r.cidr_ipv6()})).collect::<Vec<_>>(),
                            "UserIdGroupPairs": perm.user_id_group_pairs().iter().map(|g| json!({"GroupId": g.group_id()})).collect::<Vec<_>>(),
                            "PrefixListIds": perm.prefix_list_ids().iter().map(|l| json!({"PrefixListId": l.prefix_list_id()})).collect::<Vec<_>>(),
                        })
                    })
                    .collect()
            };
            let groups: Vec<Value> = outs
                .iter()
                .flat_map(|out| out.security_groups())
                .map(|g| {
                    json!({
                        "GroupId": g.group_id(),
                        "GroupName": g.group_name(),
                        "VpcId": g.vpc_id(),
                        "IpPermissions": rules(g.ip_permissions()),
                        "IpPermissionsEgress": rules(g.ip_permissions_egress()),
                        "Tags": g.tags().iter().map(|t| json!({"Key": t.key(), "Value": t.value()})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            (json!({"SecurityGroups": groups}), id)
        }
        "RevokeSecurityGroupIngress" => {
            let req =
                c.revoke_security_group_ingress().group_id(p.str("GroupId")?).set_ip_permissions(Some(permissions()));
            (Value::Null, send!(p, req).1)
        }
        "AuthorizeSecurityGroupIngress" => {
            let req = c
                .authorize_security_group_ingress()
                .group_id(p.str("GroupId")?)
                .set_ip_permissions(Some(permissions()));
            (Value::Null, send!(p, req).1)
        }
        "DescribeInstances" => {
            let (out, id) = send!(p, c.describe_instances().set_instance_ids(Some(p.strs("InstanceIds"))));
            let reservations: Vec<Value> = out
                .reservations()
                .iter()
                .map(|r| {
                    let instances: Vec<Value> = r
                        .instances()
                        .iter()
                        .map(|i| {
                            json!({
                                "InstanceId": i.instance_id(),
                                "State": {"Name": i.state().and_then(|s| s.name()).map(|n| n.as_str())},
                                "MetadataOptions": {"HttpTokens": i.metadata_options().and_then(|m| m.http_tokens()).map(|t| t.as_str())},
                                "IamInstanceProfile": i.iam_instance_profile().map(|p| json!({"Arn": p.arn()})),
                                "SecurityGroups": i.security_groups().iter().map(|g| json!({"GroupId": g.group_id()})).collect::<Vec<_>>(),
                                "VpcId": i.vpc_id(),
                                "SubnetId": i.subnet_id(),
                                "NetworkInterfaces": i.network_interfaces().iter().map(|n| json!({
                                    "NetworkInterfaceId": n.network_interface_id(),
                                    "SubnetId": n.subnet_id(),
                                    "VpcId": n.vpc_id(),
                                    "Attachment": {"DeviceIndex": n.attachment().and_then(|a| a.device_index())},
                                    "Groups": n.groups().iter().map(|g| json!({"GroupId": g.group_id()})).collect::<Vec<_>>(),
                                })).collect::<Vec<_>>(),
                                "BlockDeviceMappings": i.block_device_mappings().iter().map(|b| json!({
                                    "DeviceName": b.device_name(),
                                    "Ebs": {"VolumeId": b.ebs().and_then(|e| e.volume_id())},
                                })).collect::<Vec<_>>(),
                            })
                        })
                        .collect();
                    json!({"Instances": instances})
                })
                .collect();
            (json!({"Reservations": reservations}), id)
        }
        "ModifyInstanceMetadataOptions" => {
            let req = c
                .modify_instance_metadata_options()
                .instance_id(p.str("InstanceId")?)
                .http_tokens(HttpTokensState::from(p.str("HttpTokens")?.as_str()));
            (Value::Null, send!(p, req).1)
        }
        _ => return incident::ec2(sdk, call, p).await,
    })
}

async fn kms(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Result<(Value, Option<String>), CallError> {
    let c = aws_sdk_kms::Client::new(sdk);
    let key = p.str("KeyId")?;
    Ok(match call.operation.as_str() {
        "GetKeyRotationStatus" => {
            let (out, id) = send!(p, c.get_key_rotation_status().key_id(&key));
            (json!({"KeyRotationEnabled": out.key_rotation_enabled()}), id)
        }
        "EnableKeyRotation" => (Value::Null, send!(p, c.enable_key_rotation().key_id(&key)).1),
        "DisableKeyRotation" => (Value::Null, send!(p, c.disable_key_rotation().key_id(&key)).1),
        _ => return Err(p.unsupported()),
    })
}

async fn cloudtrail(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Result<(Value, Option<String>), CallError> {
    let c = aws_sdk_cloudtrail::Client::new(sdk);
    let name = p.str("Name")?;
    Ok(match call.operation.as_str() {
        "GetTrail" => {
            let (out, id) = send!(p, c.get_trail().name(&name));
            (
                json!({"Trail": {"LogFileValidationEnabled": out.trail().and_then(|t| t.log_file_validation_enabled())}}),
                id,
            )
        }
        "UpdateTrail" => {
            let req =
                c.update_trail().name(&name).set_enable_log_file_validation(p.opt_bool("EnableLogFileValidation"));
            (Value::Null, send!(p, req).1)
        }
        _ => return Err(p.unsupported()),
    })
}

async fn guardduty(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Result<(Value, Option<String>), CallError> {
    let c = aws_sdk_guardduty::Client::new(sdk);
    Ok(match call.operation.as_str() {
        "ListDetectors" => {
            let (outs, id) = pages!(p, c.list_detectors());
            let ids: Vec<&str> = outs.iter().flat_map(|out| out.detector_ids()).map(String::as_str).collect();
            (json!({"DetectorIds": ids}), id)
        }
        "CreateDetector" => {
            let (out, id) = send!(p, c.create_detector().enable(p.opt_bool("Enable").unwrap_or(true)));
            (json!({"DetectorId": out.detector_id()}), id)
        }
        "UpdateDetector" => {
            let req = c.update_detector().detector_id(p.str("DetectorId")?).set_enable(p.opt_bool("Enable"));
            (Value::Null, send!(p, req).1)
        }
        "DeleteDetector" => (Value::Null, send!(p, c.delete_detector().detector_id(p.str("DetectorId")?)).1),
        _ => return Err(p.unsupported()),
    })
}

async fn securityhub(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Result<(Value, Option<String>), CallError> {
    let c = aws_sdk_securityhub::Client::new(sdk);
    Ok(match call.operation.as_str() {
        "DescribeHub" => {
            let (out, id) = send!(p, c.describe_hub(), absent: ["InvalidAccessException", "ResourceNotFoundException"]);
            (out.and_then(|o| o.hub_arn().map(|a| json!({"HubArn": a}))).unwrap_or(Value::Null), id)
        }
        "EnableSecurityHub" => {
            let req = c.enable_security_hub().set_enable_default_standards(p.opt_bool("EnableDefaultStandards"));
            (Value::Null, send!(p, req).1)
        }
        "DisableSecurityHub" => (Value::Null, send!(p, c.disable_security_hub()).1),
        _ => return Err(p.unsupported()),
    })
}

async fn config(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Result<(Value, Option<String>), CallError> {
    use aws_sdk_config::types::{ConfigurationRecorder, DeliveryChannel, RecordingGroup};
    let c = aws_sdk_config::Client::new(sdk);
    Ok(match call.operation.as_str() {
        "DescribeConfigurationRecorderStatus" => {
            let (out, id) = send!(p, c.describe_configuration_recorder_status());
            let list: Vec<Value> = out
                .configuration_recorders_status()
                .iter()
                .map(|r| json!({"name": r.name(), "recording": r.recording()}))
                .collect();
            (json!({"ConfigurationRecordersStatus": list}), id)
        }
        "PutConfigurationRecorder" => {
            let r = p.object("ConfigurationRecorder")?;
            let group = r.get("recordingGroup").cloned().unwrap_or_default();
            let recorder = ConfigurationRecorder::builder()
                .set_name(r.get("name").and_then(Value::as_str).map(str::to_owned))
                .set_role_arn(r.get("roleARN").and_then(Value::as_str).map(str::to_owned))
                .recording_group(
                    RecordingGroup::builder()
                        .all_supported(flag(&group, "allSupported"))
                        .include_global_resource_types(flag(&group, "includeGlobalResourceTypes"))
                        .build(),
                )
                .build();
            (Value::Null, send!(p, c.put_configuration_recorder().configuration_recorder(recorder)).1)
        }
        "PutDeliveryChannel" => {
            let d = p.object("DeliveryChannel")?;
            let channel = DeliveryChannel::builder()
                .set_name(d.get("name").and_then(Value::as_str).map(str::to_owned))
                .set_s3_bucket_name(d.get("s3BucketName").and_then(Value::as_str).map(str::to_owned))
                .build();
            (Value::Null, send!(p, c.put_delivery_channel().delivery_channel(channel)).1)
        }
        "StartConfigurationRecorder" => {
            let req = c.start_configuration_recorder().configuration_recorder_name(p.str("ConfigurationRecorderName")?);
            (Value::Null, send!(p, req).1)
        }
        "StopConfigurationRecorder" => {
            let req = c.stop_configuration_recorder().configuration_recorder_name(p.str("ConfigurationRecorderName")?);
            (Value::Null, send!(p, req).1)
        }
        _ => return Err(p.unsupported()),
    })
}

async fn accessanalyzer(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Result<(Value, Option<String>), CallError> {
    use aws_sdk_accessanalyzer::types::Type;
    let c = aws_sdk_accessanalyzer::Client::new(sdk);
    Ok(match call.operation.as_str() {
        "ListAnalyzers" => {
            let (outs, id) = pages!(p, c.list_analyzers());
            let list: Vec<Value> = outs
                .iter()
                .flat_map(|out| out.analyzers())
                .map(|a| json!({"name": a.name(), "type": a.r#type().as_str(), "status": a.status().as_str()}))
                .collect();
            (json!({"analyzers": list}), id)
        }
        "CreateAnalyzer" => {
            let req = c
                .create_analyzer()
                .analyzer_name(p.str("analyzerName")?)
                .r#type(Type::from(p.opt_str("type").unwrap_or_else(|| "ACCOUNT".into()).as_str()));
            let (out, id) = send!(p, req);
            (json!({"arn": out.arn()}), id)
        }
        "DeleteAnalyzer" => (Value::Null, send!(p, c.delete_analyzer().analyzer_name(p.str("analyzerName")?)).1),
        _ => return Err(p.unsupported()),
    })
}

async fn iam(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Result<(Value, Option<String>), CallError> {
    use aws_sdk_iam::types::StatusType;
    let c = aws_sdk_iam::Client::new(sdk);
    Ok(match call.operation.as_str() {
        "GetAccountPasswordPolicy" => {
            let (out, id) = send!(p, c.get_account_password_policy(), absent: ["NoSuchEntity"]);
            let policy = out.as_ref().and_then(|o| o.password_policy());
            (
                policy.map_or(Value::Null, |pp| {
                    json!({"PasswordPolicy": {
                        "MinimumPasswordLength": pp.minimum_password_length(),
                        "RequireSymbols": pp.require_symbols(),
                        "RequireNumbers": pp.require_numbers(),
                        "RequireUppercaseCharacters": pp.require_uppercase_characters(),
                        "RequireLowercaseCharacters": pp.require_lowercase_characters(),
                        "AllowUsersToChangePassword": pp.allow_users_to_change_password(),
                        "MaxPasswordAge": pp.max_password_age(),
                        "PasswordReusePrevention": pp.password_reuse_prevention(),
                        "HardExpiry": pp.hard_expiry(),
                    }})
                }),
                id,
            )
        }
        "UpdateAccountPasswordPolicy" => {
            let req = c
                .update_account_password_policy()
                .set_minimum_password_length(p.opt_i32("MinimumPasswordLength"))
                .set_require_symbols(p.opt_bool("RequireSymbols"))
                .set_require_numbers(p.opt_bool("RequireNumbers"))
                .set_require_uppercase_characters(p.opt_bool("RequireUppercaseCharacters"))
                .set_require_lowercase_characters(p.opt_bool("RequireLowercaseCharacters"))
                .set_allow_users_to_change_password(p.opt_bool("AllowUsersToChangePassword"))
                .set_max_password_age(p.opt_i32("MaxPasswordAge"))
                .set_password_reuse_prevention(p.opt_i32("PasswordReusePrevention"))
                .set_hard_expiry(p.opt_bool("HardExpiry"));
            (Value::Null, send!(p, req).1)
        }
        "DeleteAccountPasswordPolicy" => (Value::Null, send!(p, c.delete_account_password_policy()).1),
        "ListAccessKeys" => {
            let (out, id) = send!(p, c.list_access_keys().user_name(p.str("UserName")?));
            let keys: Vec<Value> = out
                .access_key_metadata()
                .iter()
                .map(|k| json!({"AccessKeyId": k.access_key_id(), "Status": k.status().map(|s| s.as_str())}))
                .collect();
            (json!({"AccessKeyMetadata": keys}), id)
        }
        "UpdateAccessKey" => {
            let req = c
                .update_access_key()
                .user_name(p.str("UserName")?)
                .access_key_id(p.str("AccessKeyId")?)
                .status(StatusType::from(p.str("Status")?.as_str()));
            (Value::Null, send!(p, req).1)
        }
        _ => return incident::iam(sdk, call, p).await,
    })
}

/// The calls moto cannot answer, made by the real SDK against recorded AWS answers: what goes
/// on the wire and what comes back as JSON.
#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_s3::config::Credentials;
    use aws_smithy_http_client::test_util::{ReplayEvent, StaticReplayClient};
    use aws_smithy_types::body::SdkBody;

    async fn executor(answers: &[(&str, &str)]) -> (Executor, StaticReplayClient) {
        let events = answers
            .iter()
            .map(|(id_header, body)| {
                let (header, id) = id_header.split_once('=').unwrap();
                ReplayEvent::new(
                    http::Request::builder().uri("https://aws.test/").body(SdkBody::empty()).unwrap(),
                    http::Response::builder().status(200).header(header, id).body(SdkBody::from(*body)).unwrap(),
                )
            })
            .collect();
        let http = StaticReplayClient::new(events);
        let sdk = aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new("eu-west-1"))
            .credentials_provider(Credentials::new("a", "b", None, None, "test"))
            .http_client(http.clone())
            .retry_config(aws_config::retry::RetryConfig::disabled())
            .load()
            .await;
        (Executor { sdk, path_style: false }, http)
    }

    fn body(http: &StaticReplayClient, i: usize) -> (String, String) {
        let request = http.actual_requests().nth(i).expect("request made");
        let body = std::str::from_utf8(request.body().bytes().unwrap_or_default()).unwrap().to_owned();
        (request.uri().to_owned(), body)
    }

    #[tokio::test]
    async fn bucket_versioning_is_read_and_enabled_on_the_wire() {
        let (exec, http) = executor(&[
            (
                "x-amz-request-id=R1",
                r#"<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Suspended</Status></VersioningConfiguration>"#,
            ),
            ("x-amz-request-id=R2", r#"<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>"#),
            ("x-amz-request-id=R3", ""),
        ])
        .await;
        let get = Call::new("s3", "GetBucketVersioning", json!({"Bucket": "acme-logs"}));
        assert_eq!(exec.call("eu-west-1", &get).await.unwrap(), (json!({"Status": "Suspended"}), Some("R1".into())));
        // A bucket whose versioning was never set answers no status: `{}`, never "Suspended".
        assert_eq!(exec.call("eu-west-1", &get).await.unwrap().0, json!({}));
        let put = Call::new(
            "s3",
            "PutBucketVersioning",
            json!({"Bucket": "acme-logs", "VersioningConfiguration": {"Status": "Enabled"}}),
        );
        assert_eq!(exec.call("eu-west-1", &put).await.unwrap(), (Value::Null, Some("R3".into())));
        let (uri, sent) = body(&http, 2);
        assert!(uri.contains("acme-logs") && uri.contains("versioning"), "{uri}");
        assert!(sent.contains("<Status>Enabled</Status>"), "{sent}");
        assert!(!sent.contains("MfaDelete"), "wasp never touches MFA delete: {sent}");
    }

    #[tokio::test]
    async fn analyzers_are_listed_across_pages_and_one_is_created() {
        let analyzer = |name: &str| {
            json!({"arn": format!("arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/{name}"), "name": name,
                   "type": "ACCOUNT", "status": "ACTIVE", "createdAt": "2026-01-01T00:00:00Z"})
        };
        let first = json!({"analyzers": [analyzer("one")], "nextToken": "page-2"}).to_string();
        let second = json!({"analyzers": [analyzer("two")]}).to_string();
        let created = json!({"arn": "arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/wasp"}).to_string();
        let (exec, http) = executor(&[
            ("x-amzn-RequestId=L1", &first),
            ("x-amzn-RequestId=L2", &second),
            ("x-amzn-RequestId=C1", &created),
        ])
        .await;
        let (listed, id) =
            exec.call("eu-west-1", &Call::new("accessanalyzer", "ListAnalyzers", json!({}))).await.unwrap();
        assert_eq!(
            listed,
            json!({"analyzers": [
                {"name": "one", "type": "ACCOUNT", "status": "ACTIVE"},
                {"name": "two", "type": "ACCOUNT", "status": "ACTIVE"},
            ]})
        );
        assert_eq!(id.as_deref(), Some("L1,L2"), "every page's request id is kept");
        assert!(body(&http, 1).0.contains("nextToken=page-2"), "{}", body(&http, 1).0);
        let create = Call::new("accessanalyzer", "CreateAnalyzer", json!({"analyzerName": "wasp", "type": "ACCOUNT"}));
        let (answer, id) = exec.call("eu-west-1", &create).await.unwrap();
        assert_eq!(answer["arn"], "arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/wasp");
        assert_eq!(id.as_deref(), Some("C1"));
        let sent: Value = serde_json::from_str(&body(&http, 2).1).unwrap();
        assert_eq!((&sent["analyzerName"], &sent["type"]), (&json!("wasp"), &json!("ACCOUNT")));
    }
}
