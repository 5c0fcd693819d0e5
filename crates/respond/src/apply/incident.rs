//! The calls of the incident playbooks: EC2 isolation, Auto Scaling detachment, IAM
//! containment and the responder role, and the reads that find evidence. Operations the fixes'
//! dispatch (`calls.rs`) does not know fall through to here; answers are in the API's JSON shape
//! so that `{{step.Output}}` references resolve.
use super::{failed, CallError, Params};
use crate::plan::Call;
use crate::playbooks::url_decode;
use aws_config::SdkConfig;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_types::request_id::RequestId;
use serde_json::{json, Value};

type Answer = Result<(Value, Option<String>), CallError>;

/// `[{"Name": …, "Values": […]}]` of parameter `Filters`.
fn filters(p: &Params<'_>) -> Vec<(String, Vec<String>)> {
    p.value("Filters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|f| {
            let name = f.get("Name")?.as_str()?.to_owned();
            let values = f.get("Values")?.as_array()?.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect();
            Some((name, values))
        })
        .collect()
}

/// `[{"Key": …, "Value": …}]` of a list of tags.
fn tags(list: Option<&Value>) -> Vec<(String, String)> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| {
            Some((t.get("Key")?.as_str()?.to_owned(), t.get("Value")?.as_str().unwrap_or_default().to_owned()))
        })
        .collect()
}

fn time(t: Option<&aws_smithy_types::DateTime>) -> Value {
    t.and_then(|t| t.fmt(aws_smithy_types::date_time::Format::DateTime).ok()).map_or(Value::Null, Value::String)
}

pub(super) async fn ec2(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Answer {
    use aws_sdk_ec2::types::{
        Filter, IamInstanceProfileSpecification, IpPermission, IpRange, Ipv6Range, ResourceType, Tag, TagSpecification,
    };
    let c = aws_sdk_ec2::Client::new(sdk);
    let filters = || -> Option<Vec<Filter>> {
        let list = filters(p);
        (!list.is_empty())
            .then(|| list.into_iter().map(|(n, v)| Filter::builder().name(n).set_values(Some(v)).build()).collect())
    };
    let tag_list = |v: Option<&Value>| -> Vec<Tag> {
        tags(v).into_iter().map(|(k, v)| Tag::builder().key(k).value(v).build()).collect()
    };
    let tag_specs = || -> Option<Vec<TagSpecification>> {
        let specs: Vec<TagSpecification> = p
            .value("TagSpecifications")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|s| {
                TagSpecification::builder()
                    .set_resource_type(s.get("ResourceType").and_then(Value::as_str).map(ResourceType::from))
                    .set_tags(Some(tag_list(s.get("Tags"))))
                    .build()
            })
            .collect();
        (!specs.is_empty()).then_some(specs)
    };
    Ok(match call.operation.as_str() {
        "DescribeVolumes" => {
            let (out, id) =
                send!(p, c.describe_volumes().set_volume_ids(Some(p.strs("VolumeIds"))).set_filters(filters()));
            let volumes: Vec<Value> = out
                .volumes()
                .iter()
                .map(|v| {
                    json!({
                        "VolumeId": v.volume_id(),
                        "Size": v.size(),
                        "State": v.state().map(|s| s.as_str()),
                        "Encrypted": v.encrypted(),
                        "AvailabilityZone": v.availability_zone(),
                        "Attachments": v.attachments().iter().map(|a| json!({
                            "InstanceId": a.instance_id(),
                            "Device": a.device(),
                            "State": a.state().map(|s| s.as_str()),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            (json!({"Volumes": volumes}), id)
        }
        "CreateSnapshot" => {
            let req = c
                .create_snapshot()
                .volume_id(p.str("VolumeId")?)
                .set_description(p.opt_str("Description"))
                .set_tag_specifications(tag_specs());
            let (out, id) = send!(p, req);
            (
                json!({"SnapshotId": out.snapshot_id(), "VolumeId": out.volume_id(), "StartTime": time(out.start_time())}),
                id,
            )
        }
        "DescribeVpcs" => {
            let (out, id) = send!(p, c.describe_vpcs().set_vpc_ids(Some(p.strs("VpcIds"))).set_filters(filters()));
            let vpcs: Vec<Value> = out
                .vpcs()
                .iter()
                .map(|v| {
                    json!({
                        "VpcId": v.vpc_id(),
                        "IsDefault": v.is_default(),
                        "CidrBlock": v.cidr_block(),
                        "Ipv6CidrBlockAssociationSet": v.ipv6_cidr_block_association_set().iter()
                            .map(|a| json!({"Ipv6CidrBlock": a.ipv6_cidr_block()})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            (json!({"Vpcs": vpcs}), id)
        }
        "CreateSecurityGroup" => {
            let req = c
                .create_security_group()
                .group_name(p.str("GroupName")?)
                .description(p.str("Description")?)
                .set_vpc_id(p.opt_str("VpcId"))
                .set_tag_specifications(tag_specs());
            let (out, id) = send!(p, req);
            (json!({"GroupId": out.group_id(), "SecurityGroupArn": out.security_group_arn()}), id)
        }
        "RevokeSecurityGroupEgress" => {
            let permissions: Vec<IpPermission> = p
                .value("IpPermissions")
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
                        .set_from_port(perm.get("FromPort").and_then(Value::as_i64).and_then(|n| i32::try_from(n).ok()))
                        .set_to_port(perm.get("ToPort").and_then(Value::as_i64).and_then(|n| i32::try_from(n).ok()))
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
                .collect();
            let req =
                c.revoke_security_group_egress().group_id(p.str("GroupId")?).set_ip_permissions(Some(permissions));
            let (out, id) = send!(p, req);
            (json!({"Return": out.r#return()}), id)
        }
        "DeleteSecurityGroup" => (Value::Null, send!(p, c.delete_security_group().group_id(p.str("GroupId")?)).1),
        "ModifyInstanceAttribute" => {
            let groups = p.strs("Groups");
            if groups.is_empty() {
                return Err(p.error("wasp changes only the Groups attribute, and Groups is empty".into()));
            }
            let req = c.modify_instance_attribute().instance_id(p.str("InstanceId")?).set_groups(Some(groups));
            (Value::Null, send!(p, req).1)
        }
        "DescribeNetworkInterfaces" => {
            let req = c.describe_network_interfaces().set_network_interface_ids(Some(p.strs("NetworkInterfaceIds")));
            let (out, id) = send!(p, req);
            let list: Vec<Value> = out
                .network_interfaces()
                .iter()
                .map(|n| {
                    json!({
                        "NetworkInterfaceId": n.network_interface_id(),
                        "VpcId": n.vpc_id(),
                        "Groups": n.groups().iter().map(|g| json!({"GroupId": g.group_id()})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            (json!({"NetworkInterfaces": list}), id)
        }
        "ModifyNetworkInterfaceAttribute" => {
            let groups = p.strs("Groups");
            if groups.is_empty() {
                return Err(p.error("wasp changes only the Groups attribute, and Groups is empty".into()));
            }
            let req = c
                .modify_network_interface_attribute()
                .network_interface_id(p.str("NetworkInterfaceId")?)
                .set_groups(Some(groups));
            (Value::Null, send!(p, req).1)
        }
        "DescribeIamInstanceProfileAssociations" => {
            let (outs, id) = pages!(p, c.describe_iam_instance_profile_associations().set_filters(filters()));
            let list: Vec<Value> = outs
                .iter()
                .flat_map(|out| out.iam_instance_profile_associations())
                .map(|a| {
                    json!({
                        "AssociationId": a.association_id(),
                        "InstanceId": a.instance_id(),
                        "IamInstanceProfile": {
                            "Arn": a.iam_instance_profile().and_then(|i| i.arn()),
                            "Id": a.iam_instance_profile().and_then(|i| i.id()),
                        },
                        "State": a.state().map(|s| s.as_str()),
                    })
                })
                .collect();
            (json!({"IamInstanceProfileAssociations": list}), id)
        }
        "DisassociateIamInstanceProfile" => {
            let (out, id) = send!(p, c.disassociate_iam_instance_profile().association_id(p.str("AssociationId")?));
            let a = out.iam_instance_profile_association();
            (json!({"IamInstanceProfileAssociation": {"AssociationId": a.and_then(|a| a.association_id())}}), id)
        }
        "AssociateIamInstanceProfile" => {
            let profile = p.object("IamInstanceProfile")?;
            let spec = IamInstanceProfileSpecification::builder()
                .set_arn(profile.get("Arn").and_then(Value::as_str).map(str::to_owned))
                .set_name(profile.get("Name").and_then(Value::as_str).map(str::to_owned))
                .build();
            let req = c.associate_iam_instance_profile().instance_id(p.str("InstanceId")?).iam_instance_profile(spec);
            let (out, id) = send!(p, req);
            let a = out.iam_instance_profile_association();
            (json!({"IamInstanceProfileAssociation": {"AssociationId": a.and_then(|a| a.association_id())}}), id)
        }
        "StopInstances" => {
            let (out, id) = send!(p, c.stop_instances().set_instance_ids(Some(p.strs("InstanceIds"))));
            let list: Vec<Value> = out
                .stopping_instances()
                .iter()
                .map(|i| json!({"InstanceId": i.instance_id(), "CurrentState": {"Name": i.current_state().and_then(|s| s.name()).map(|n| n.as_str())}}))
                .collect();
            (json!({"StoppingInstances": list}), id)
        }
        "StartInstances" => {
            (Value::Null, send!(p, c.start_instances().set_instance_ids(Some(p.strs("InstanceIds")))).1)
        }
        "CreateTags" => {
            let req =
                c.create_tags().set_resources(Some(p.strs("Resources"))).set_tags(Some(tag_list(p.value("Tags"))));
            (Value::Null, send!(p, req).1)
        }
        "DeleteTags" => {
            let req =
                c.delete_tags().set_resources(Some(p.strs("Resources"))).set_tags(Some(tag_list(p.value("Tags"))));
            (Value::Null, send!(p, req).1)
        }
        "DescribeFlowLogs" => {
            let (outs, id) = pages!(p, c.describe_flow_logs().set_filter(filters()));
            let list: Vec<Value> = outs
                .iter()
                .flat_map(|out| out.flow_logs())
                .map(|f| {
                    json!({
                        "FlowLogId": f.flow_log_id(),
                        "ResourceId": f.resource_id(),
                        "TrafficType": f.traffic_type().map(|t| t.as_str()),
                        "LogDestinationType": f.log_destination_type().map(|t| t.as_str()),
                        "LogDestination": f.log_destination(),
                        "LogGroupName": f.log_group_name(),
                        "FlowLogStatus": f.flow_log_status(),
                    })
                })
                .collect();
            (json!({"FlowLogs": list}), id)
        }
        _ => return Err(p.unsupported()),
    })
}

pub(super) async fn autoscaling(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Answer {
    let c = aws_sdk_autoscaling::Client::new(sdk);
    Ok(match call.operation.as_str() {
        "DescribeAutoScalingInstances" => {
            let (out, id) = send!(p, c.describe_auto_scaling_instances().set_instance_ids(Some(p.strs("InstanceIds"))));
            let list: Vec<Value> = out
                .auto_scaling_instances()
                .iter()
                .map(|i| {
                    json!({
                        "InstanceId": i.instance_id(),
                        "AutoScalingGroupName": i.auto_scaling_group_name(),
                        "LifecycleState": i.lifecycle_state(),
                        "HealthStatus": i.health_status(),
                    })
                })
                .collect();
            (json!({"AutoScalingInstances": list}), id)
        }
        "DetachInstances" => {
            let Some(decrement) = p.opt_bool("ShouldDecrementDesiredCapacity") else {
                return Err(p.error("parameter ShouldDecrementDesiredCapacity must be true or false".into()));
            };
            let req = c
                .detach_instances()
                .auto_scaling_group_name(p.str("AutoScalingGroupName")?)
                .set_instance_ids(Some(p.strs("InstanceIds")))
                .should_decrement_desired_capacity(decrement);
            (Value::Null, send!(p, req).1)
        }
        "AttachInstances" => {
            let req = c
                .attach_instances()
                .auto_scaling_group_name(p.str("AutoScalingGroupName")?)
                .set_instance_ids(Some(p.strs("InstanceIds")));
            (Value::Null, send!(p, req).1)
        }
        _ => return Err(p.unsupported()),
    })
}

pub(super) async fn iam(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Answer {
    use aws_sdk_iam::types::Tag;
    let c = aws_sdk_iam::Client::new(sdk);
    // The answer of GetUserPolicy or GetRolePolicy: `owner` is `UserName` or `RoleName`.
    let document = |owner: &str, name: &str, policy: &str, doc: &str| json!({owner: name, "PolicyName": policy, "PolicyDocument": url_decode(doc)});
    Ok(match call.operation.as_str() {
        "GetLoginProfile" => {
            let (out, id) = send!(p, c.get_login_profile().user_name(p.str("UserName")?), absent: ["NoSuchEntity"]);
            let profile = out.as_ref().and_then(|o| o.login_profile());
            (
                profile.map_or(Value::Null, |l| {
                    json!({"LoginProfile": {
                        "UserName": l.user_name(),
                        "CreateDate": time(Some(l.create_date())),
                        "PasswordResetRequired": l.password_reset_required(),
                    }})
                }),
                id,
            )
        }
        "DeleteLoginProfile" => (Value::Null, send!(p, c.delete_login_profile().user_name(p.str("UserName")?)).1),
        "GetUserPolicy" => {
            let req = c.get_user_policy().user_name(p.str("UserName")?).policy_name(p.str("PolicyName")?);
            let (out, id) = send!(p, req, absent: ["NoSuchEntity"]);
            let doc =
                out.map_or(Value::Null, |o| document("UserName", o.user_name(), o.policy_name(), o.policy_document()));
            (doc, id)
        }
        "PutUserPolicy" => {
            let req = c
                .put_user_policy()
                .user_name(p.str("UserName")?)
                .policy_name(p.str("PolicyName")?)
                .policy_document(p.str("PolicyDocument")?);
            (Value::Null, send!(p, req).1)
        }
        "DeleteUserPolicy" => {
            let req = c.delete_user_policy().user_name(p.str("UserName")?).policy_name(p.str("PolicyName")?);
            (Value::Null, send!(p, req).1)
        }
        "GetRolePolicy" => {
            let req = c.get_role_policy().role_name(p.str("RoleName")?).policy_name(p.str("PolicyName")?);
            let (out, id) = send!(p, req, absent: ["NoSuchEntity"]);
            let doc =
                out.map_or(Value::Null, |o| document("RoleName", o.role_name(), o.policy_name(), o.policy_document()));
            (doc, id)
        }
        "PutRolePolicy" => {
            let req = c
                .put_role_policy()
                .role_name(p.str("RoleName")?)
                .policy_name(p.str("PolicyName")?)
                .policy_document(p.str("PolicyDocument")?);
            (Value::Null, send!(p, req).1)
        }
        "DeleteRolePolicy" => {
            let req = c.delete_role_policy().role_name(p.str("RoleName")?).policy_name(p.str("PolicyName")?);
            (Value::Null, send!(p, req).1)
        }
        "GetRole" => {
            let (out, id) = send!(p, c.get_role().role_name(p.str("RoleName")?), absent: ["NoSuchEntity"]);
            let role = out.as_ref().and_then(|o| o.role());
            (
                role.map_or(Value::Null, |r| {
                    json!({"Role": {"RoleName": r.role_name(), "Arn": r.arn(), "Path": r.path(), "RoleId": r.role_id()}})
                }),
                id,
            )
        }
        "CreateRole" => {
            let mut role_tags = Vec::new();
            for (k, v) in tags(p.value("Tags")) {
                role_tags.push(Tag::builder().key(k).value(v).build().map_err(|e| p.error(e.to_string()))?);
            }
            let req = c
                .create_role()
                .role_name(p.str("RoleName")?)
                .assume_role_policy_document(p.str("AssumeRolePolicyDocument")?)
                .set_description(p.opt_str("Description"))
                .set_max_session_duration(p.opt_i32("MaxSessionDuration"))
                .set_path(p.opt_str("Path"))
                .set_tags((!role_tags.is_empty()).then_some(role_tags));
            let (out, id) = send!(p, req);
            let role = out.role();
            (json!({"Role": {"RoleName": role.map(|r| r.role_name()), "Arn": role.map(|r| r.arn())}}), id)
        }
        "DeleteRole" => (Value::Null, send!(p, c.delete_role().role_name(p.str("RoleName")?)).1),
        "AttachRolePolicy" => {
            let req = c.attach_role_policy().role_name(p.str("RoleName")?).policy_arn(p.str("PolicyArn")?);
            (Value::Null, send!(p, req).1)
        }
        "DetachRolePolicy" => {
            let req = c.detach_role_policy().role_name(p.str("RoleName")?).policy_arn(p.str("PolicyArn")?);
            (Value::Null, send!(p, req).1)
        }
        "ListAttachedRolePolicies" => {
            let (outs, id) = pages!(p, c.list_attached_role_policies().role_name(p.str("RoleName")?));
            let list: Vec<Value> = outs
                .iter()
                .flat_map(|out| out.attached_policies())
                .map(|a| json!({"PolicyName": a.policy_name(), "PolicyArn": a.policy_arn()}))
                .collect();
            (json!({"AttachedPolicies": list}), id)
        }
        _ => return Err(p.unsupported()),
    })
}

pub(super) async fn cloudtrail(sdk: &SdkConfig, call: &Call, p: &Params<'_>) -> Answer {
    let c = aws_sdk_cloudtrail::Client::new(sdk);
    Ok(match call.operation.as_str() {
        "DescribeTrails" => {
            let req = c.describe_trails().set_include_shadow_trails(p.opt_bool("includeShadowTrails"));
            let (out, id) = send!(p, req);
            let list: Vec<Value> = out
                .trail_list()
                .iter()
                .map(|t| {
                    json!({
                        "Name": t.name(),
                        "TrailARN": t.trail_arn(),
                        "HomeRegion": t.home_region(),
                        "IsMultiRegionTrail": t.is_multi_region_trail(),
                        "IsOrganizationTrail": t.is_organization_trail(),
                        "S3BucketName": t.s3_bucket_name(),
                        "S3KeyPrefix": t.s3_key_prefix(),
                        "CloudWatchLogsLogGroupArn": t.cloud_watch_logs_log_group_arn(),
                    })
                })
                .collect();
            (json!({"trailList": list}), id)
        }
        _ => return Err(p.unsupported()),
    })
}

pub(super) async fn s3(sdk: &SdkConfig, path_style: bool, call: &Call, p: &Params<'_>) -> Answer {
    let conf = aws_sdk_s3::config::Builder::from(sdk).force_path_style(path_style).build();
    let c = aws_sdk_s3::Client::from_conf(conf);
    Ok(match call.operation.as_str() {
        "GetBucketLocation" => {
            let (out, id) = send!(p, c.get_bucket_location().bucket(p.str("Bucket")?));
            (json!({"LocationConstraint": out.location_constraint().map(|l| l.as_str()).filter(|l| !l.is_empty())}), id)
        }
        _ => return Err(p.unsupported()),
    })
}
