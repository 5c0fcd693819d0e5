//! `isolate-instance`: snapshot the disks, take the instance out of its Auto Scaling group,
//! cut its network and its role, and keep it running for memory capture.
use super::{
    call, not_probed, parse_arn, same_account, step, Planned, Playbook, PlaybookContext, ReadError, Reads,
    INCIDENT_TAG, INSTANCE_TAG,
};
use crate::action::{Action, ActionKind, Param, Reversible};
use crate::plan::Step;
use serde_json::{json, Value};
use wasp_model::prepared::{CREATED_BY_TAG, QUARANTINE_TAG};

const ID: &str = "isolate-instance";

pub static PLAYBOOK: Playbook = Playbook {
    id: ID,
    title: "Isolate an EC2 instance, keeping its evidence",
    does: "Snapshots every attached EBS volume (tagged with the instance and the incident), detaches \
           the instance from its Auto Scaling group without lowering the desired capacity (so the \
           group does not terminate it), moves it into a quarantine security group with no rules \
           (one tagged wasp:quarantine=true in its VPC, else a new one), detaches its instance \
           profile, and tags it with the incident. It keeps running for memory capture unless \
           stop=true.",
    target: Some("INSTANCE_ID_OR_ARN"),
    params: &[Param {
        name: "stop",
        help: "true: stop the instance after isolating it (its memory is lost); default false",
        required: false,
    }],
    actions: &[
        &SNAPSHOT_VOLUME,
        &DETACH_FROM_AUTO_SCALING,
        &CREATE_QUARANTINE_GROUP,
        &QUARANTINE_INSTANCE,
        &QUARANTINE_INTERFACE,
        &DETACH_INSTANCE_PROFILE,
        &TAG_INSTANCE,
        &STOP_INSTANCE,
    ],
    reads: &[],
    read_permissions: &[],
    plan,
};

/// Whether a volume is still attached to the planned instance.
fn observe_attachment(answer: &Value, step: &Step) -> Value {
    let instance = step.current.get("AttachedTo").and_then(Value::as_str).unwrap_or_default();
    let volume = step.current.get("VolumeId").cloned().unwrap_or(Value::Null);
    let attached = answer
        .get("Volumes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|v| v.get("VolumeId") == Some(&volume))
        .flat_map(|v| v.get("Attachments").and_then(Value::as_array).into_iter().flatten())
        .any(|a| a.get("InstanceId").and_then(Value::as_str) == Some(instance));
    json!({"VolumeId": volume, "AttachedTo": if attached { json!(instance) } else { Value::Null }})
}

pub static SNAPSHOT_VOLUME: Action = Action {
    id: "ec2_snapshot_volume_for_forensics",
    kind: ActionKind::Playbook,
    title: "Snapshot an instance's EBS volume as evidence",
    changes: "Creates a snapshot of the volume, tagged wasp:created-by, wasp:instance-id and \
              wasp:incident-id. The snapshot is point-in-time when the call is made and costs \
              storage until deleted.",
    calls: &["ec2:DescribeVolumes", "ec2:CreateSnapshot"],
    permissions: &["ec2:DescribeVolumes", "ec2:CreateSnapshot", "ec2:CreateTags"],
    reversible: Reversible::No(
        "a forensic snapshot is evidence: wasp never deletes it; delete it yourself when the investigation is closed",
    ),
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_attachment,
};

/// The Auto Scaling group the instance is in, `null` when none.
fn observe_group(answer: &Value, _: &Step) -> Value {
    group_of(answer)
}

fn group_of(answer: &Value) -> Value {
    answer.pointer("/AutoScalingInstances/0/AutoScalingGroupName").cloned().unwrap_or(Value::Null)
}

pub static DETACH_FROM_AUTO_SCALING: Action = Action {
    id: "autoscaling_detach_instance",
    kind: ActionKind::Playbook,
    title: "Take an instance out of its Auto Scaling group",
    changes: "Detaches the instance from its Auto Scaling group without decrementing the desired \
              capacity: the group launches a replacement and no longer health-checks, replaces or \
              terminates this instance; load balancers of the group stop sending it traffic.",
    calls: &["autoscaling:DescribeAutoScalingInstances", "autoscaling:DetachInstances", "autoscaling:AttachInstances"],
    permissions: &[
        "autoscaling:DescribeAutoScalingInstances",
        "autoscaling:DetachInstances",
        "autoscaling:AttachInstances",
    ],
    reversible: Reversible::Partly(
        "attaching it again raises the group's desired capacity by one; the replacement it launched stays",
    ),
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_group,
};

pub static CREATE_QUARANTINE_GROUP: Action = Action {
    id: "ec2_create_quarantine_group",
    kind: ActionKind::Playbook,
    title: "Create a quarantine security group in a VPC",
    changes: "Creates a security group tagged wasp:quarantine=true and revokes its default outbound \
              rule, so it allows no traffic in or out.",
    calls: &[
        "ec2:DescribeVpcs",
        "ec2:DescribeSecurityGroups",
        "ec2:CreateSecurityGroup",
        "ec2:RevokeSecurityGroupEgress",
        "ec2:DeleteSecurityGroup",
    ],
    permissions: &[
        "ec2:DescribeVpcs",
        "ec2:DescribeSecurityGroups",
        "ec2:CreateSecurityGroup",
        "ec2:CreateTags",
        "ec2:RevokeSecurityGroupEgress",
        "ec2:DeleteSecurityGroup",
    ],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: not_probed,
};

/// The instance's security groups, sorted.
fn observe_groups(answer: &Value, _: &Step) -> Value {
    groups_of(answer)
}

fn groups_of(answer: &Value) -> Value {
    let mut ids: Vec<Value> = instance_of(answer)
        .and_then(|i| i.get("SecurityGroups"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|g| g.get("GroupId").cloned())
        .collect();
    ids.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    Value::Array(ids)
}

pub static QUARANTINE_INSTANCE: Action = Action {
    id: "ec2_quarantine_instance",
    kind: ActionKind::Playbook,
    title: "Move an instance into a quarantine security group",
    changes: "Replaces the security groups of the instance's primary network interface with the \
              quarantine group, which has no rules: no new connection in or out. Connections the \
              old groups tracked may continue until they idle out; a network ACL stops them at once.",
    calls: &["ec2:DescribeInstances", "ec2:ModifyInstanceAttribute"],
    permissions: &["ec2:DescribeInstances", "ec2:ModifyInstanceAttribute"],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_groups,
};

/// The network interface's security groups, sorted.
fn observe_interface_groups(answer: &Value, _: &Step) -> Value {
    interface_groups(answer.pointer("/NetworkInterfaces/0").unwrap_or(&Value::Null))
}

/// The sorted group ids of one network interface as `DescribeInstances` or
/// `DescribeNetworkInterfaces` shows it.
fn interface_groups(interface: &Value) -> Value {
    let mut ids: Vec<Value> = interface
        .get("Groups")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|g| g.get("GroupId").cloned())
        .collect();
    ids.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    Value::Array(ids)
}

pub static QUARANTINE_INTERFACE: Action = Action {
    id: "ec2_quarantine_network_interface",
    kind: ActionKind::Playbook,
    title: "Move one network interface of an instance into a quarantine security group",
    changes: "Replaces the security groups of one network interface with the quarantine group. \
              EC2 refuses to change an instance's groups when it has several interfaces, so each \
              interface is moved on its own.",
    calls: &["ec2:DescribeNetworkInterfaces", "ec2:ModifyNetworkInterfaceAttribute"],
    permissions: &["ec2:DescribeNetworkInterfaces", "ec2:ModifyNetworkInterfaceAttribute"],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_interface_groups,
};

/// The instance profile associated with the instance, `null` when none.
fn observe_association(answer: &Value, _: &Step) -> Value {
    association_of(answer)
}

fn association_of(answer: &Value) -> Value {
    answer
        .get("IamInstanceProfileAssociations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find(|a| matches!(a.get("State").and_then(Value::as_str), Some("associated" | "associating")))
        .map_or(Value::Null, |a| {
            json!({
                "AssociationId": a.get("AssociationId").cloned().unwrap_or(Value::Null),
                "Arn": a.pointer("/IamInstanceProfile/Arn").cloned().unwrap_or(Value::Null),
            })
        })
}

pub static DETACH_INSTANCE_PROFILE: Action = Action {
    id: "ec2_detach_instance_profile",
    kind: ActionKind::Playbook,
    title: "Detach an instance's IAM instance profile",
    changes: "Disassociates the instance profile: the instance gets no new role credentials. \
              Credentials it already fetched stay valid until they expire; contain-role on the \
              profile's role revokes them.",
    calls: &[
        "ec2:DescribeIamInstanceProfileAssociations",
        "ec2:DisassociateIamInstanceProfile",
        "ec2:AssociateIamInstanceProfile",
    ],
    permissions: &[
        "ec2:DescribeIamInstanceProfileAssociations",
        "ec2:DisassociateIamInstanceProfile",
        "ec2:AssociateIamInstanceProfile",
        "iam:PassRole",
    ],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_association,
};

pub static TAG_INSTANCE: Action = Action {
    id: "ec2_tag_incident",
    kind: ActionKind::Playbook,
    title: "Tag an instance with the incident",
    changes: "Adds the tags wasp:incident-id and wasp:isolated-by to the instance, so that everyone \
              looking at it sees it is under investigation.",
    calls: &["ec2:CreateTags", "ec2:DeleteTags"],
    permissions: &["ec2:CreateTags", "ec2:DeleteTags"],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: not_probed,
};

/// The instance's state (`running`, `stopped` …).
fn observe_state(answer: &Value, _: &Step) -> Value {
    instance_of(answer).and_then(|i| i.pointer("/State/Name")).cloned().unwrap_or(Value::Null)
}

pub static STOP_INSTANCE: Action = Action {
    id: "ec2_stop_instance",
    kind: ActionKind::Playbook,
    title: "Stop an instance",
    changes: "Stops the instance. Its EBS volumes are kept; its memory and instance store volumes are \
              lost, so capture them first.",
    calls: &["ec2:DescribeInstances", "ec2:StopInstances", "ec2:StartInstances"],
    permissions: &["ec2:DescribeInstances", "ec2:StopInstances", "ec2:StartInstances"],
    reversible: Reversible::Partly("starting it again does not bring back its memory or instance store data"),
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_state,
};

fn instance_of(answer: &Value) -> Option<&Value> {
    answer.pointer("/Reservations/0/Instances/0")
}

/// The instance id and region of `--target`.
fn target(cx: &PlaybookContext<'_>) -> Result<(String, String), String> {
    let given = cx.target.unwrap_or_default();
    let (id, region) = match parse_arn(given) {
        Some(arn) => {
            same_account(cx, &arn)?;
            let id = arn.resource.strip_prefix("instance/").filter(|_| arn.service == "ec2");
            let Some(id) = id else {
                return Err(format!("{} is not an EC2 instance ARN", wasp_model::excerpt(given)));
            };
            let region = if arn.region.is_empty() { cx.required_region("the instance ARN")? } else { arn.region };
            (id.to_owned(), region.to_owned())
        }
        None => {
            (given.to_owned(), cx.required_region(&format!("instance id {}", wasp_model::excerpt(given)))?.to_owned())
        }
    };
    let well_formed = id.strip_prefix("i-").is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()));
    if !well_formed {
        return Err(format!("'{}' is not an instance id (i-…) or instance ARN", wasp_model::excerpt(given)));
    }
    Ok((id, region))
}

fn read_failed(what: &str, e: &ReadError) -> String {
    format!("cannot read {what}: {e}")
}

/// Whether a resource has the tag `key=value`.
fn has_tag(group: &Value, key: &str, value: &str) -> bool {
    group.get("Tags").and_then(Value::as_array).into_iter().flatten().any(|t| {
        t.get("Key").and_then(Value::as_str) == Some(key) && t.get("Value").and_then(Value::as_str) == Some(value)
    })
}

/// Whether a group has no rule at all, in or out.
fn rule_free(group: &Value) -> bool {
    ["IpPermissions", "IpPermissionsEgress"]
        .iter()
        .all(|k| group.get(*k).and_then(Value::as_array).is_some_and(Vec::is_empty))
}

/// The security groups tagged `wasp:quarantine=true` (of one VPC, when given).
pub(super) fn quarantine_groups(reads: &Reads<'_>, region: &str, vpc: Option<&str>) -> Result<Vec<Value>, String> {
    let mut filters = vec![json!({"Name": format!("tag:{QUARANTINE_TAG}"), "Values": ["true"]})];
    if let Some(vpc) = vpc {
        filters.push(json!({"Name": "vpc-id", "Values": [vpc]}));
    }
    let answer = reads
        .get(region, "ec2", "DescribeSecurityGroups", json!({"Filters": filters}))
        .map_err(|e| read_failed("the quarantine security groups", &e))?;
    Ok(answer
        .get("SecurityGroups")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|g| has_tag(g, QUARANTINE_TAG, "true"))
        .cloned()
        .collect())
}

/// The first rule-free group of `groups`, and a note on each tagged group that has rules.
pub(super) fn usable_group(groups: &[Value], vpc: &str, notes: &mut Vec<String>) -> Option<String> {
    for g in groups.iter().filter(|g| !rule_free(g)) {
        notes.push(format!(
            "security group {} in {vpc} is tagged {QUARANTINE_TAG}=true but has rules, so it is not used",
            g.get("GroupId").and_then(Value::as_str).unwrap_or("?")
        ));
    }
    groups.iter().find(|g| rule_free(g)).and_then(|g| g.get("GroupId")?.as_str().map(str::to_owned))
}

/// A step creating a rule-free quarantine group in `vpc` (whose default outbound rules include
/// `::/0` when it has IPv6); its output `GroupId` is the group.
pub(super) fn create_group_step(
    cx: &PlaybookContext<'_>,
    name: &str,
    region: &str,
    vpc: &str,
    ipv6: bool,
    created_by: &str,
    group_name: &str,
) -> Step {
    let mut egress = json!({"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]});
    if ipv6 {
        egress["Ipv6Ranges"] = json!([{"CidrIpv6": "::/0"}]);
    }
    let mut tags =
        vec![json!({"Key": QUARANTINE_TAG, "Value": "true"}), json!({"Key": CREATED_BY_TAG, "Value": created_by})];
    if created_by != super::prepare::ID {
        tags.push(json!({"Key": INCIDENT_TAG, "Value": cx.incident_id}));
    }
    let mut s = step(
        name,
        &CREATE_QUARANTINE_GROUP,
        &cx.arn("ec2", region, &format!("vpc/{vpc}")),
        region,
        format!("create the quarantine security group {group_name} (no rules) in {vpc}"),
    );
    s.intended = json!({"GroupName": group_name, "VpcId": vpc, "IpPermissions": [], "IpPermissionsEgress": []});
    s.calls = vec![
        call(
            "ec2",
            "CreateSecurityGroup",
            json!({
                "GroupName": group_name,
                "Description": "wasp quarantine: no inbound and no outbound rules",
                "VpcId": vpc,
                "TagSpecifications": [{"ResourceType": "security-group", "Tags": tags}],
            }),
        ),
        call("ec2", "RevokeSecurityGroupEgress", json!({"GroupId": "{{self.GroupId}}", "IpPermissions": [egress]})),
    ];
    s.rollback = vec![call("ec2", "DeleteSecurityGroup", json!({"GroupId": "{{self.GroupId}}"}))];
    s
}

fn plan(cx: &PlaybookContext<'_>, reads: &Reads<'_>) -> Result<Planned, String> {
    let (id, region) = target(cx)?;
    let stop = cx.flag(ID, "stop", false)?;
    let region = region.as_str();
    let describe = json!({"InstanceIds": [id]});
    let not_found = |e: &ReadError| e.is(&["InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed"]);
    let answer = match reads.get(region, "ec2", "DescribeInstances", describe.clone()) {
        Err(e) if not_found(&e) => return Err(format!("instance {id} does not exist in {region}")),
        Err(e) => return Err(read_failed(&format!("instance {id}"), &e)),
        Ok(a) => a,
    };
    let Some(instance) = instance_of(&answer) else {
        return Err(format!("instance {id} does not exist in {region}"));
    };
    let state = instance.pointer("/State/Name").and_then(Value::as_str).unwrap_or("unknown");
    if matches!(state, "terminated" | "shutting-down") {
        return Err(format!("instance {id} is {state}: there is nothing left to isolate"));
    }
    let arn = cx.arn("ec2", region, &format!("instance/{id}"));
    let mut out = Planned { target: Some(arn.clone()), ..Planned::default() };
    let new_step = |name: &str, action: &Action, summary: String| step(name, action, &arn, region, summary);

    // 1. Evidence first: a snapshot of every attached EBS volume.
    let volumes: Vec<String> = instance
        .get("BlockDeviceMappings")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|b| b.pointer("/Ebs/VolumeId")?.as_str().map(str::to_owned))
        .collect();
    if volumes.is_empty() {
        out.notes.push(format!("instance {id} has no EBS volume to snapshot"));
    } else {
        let answer = reads
            .get(region, "ec2", "DescribeVolumes", json!({"VolumeIds": volumes}))
            .map_err(|e| read_failed(&format!("the volumes of {id}"), &e))?;
        for volume in &volumes {
            let mut s = new_step(
                &format!("snapshot-{volume}"),
                &SNAPSHOT_VOLUME,
                format!("snapshot volume {volume} of {id} for forensics"),
            );
            s.resource = cx.arn("ec2", region, &format!("volume/{volume}"));
            // The probe's answer will be reduced the same way.
            s.current = json!({"VolumeId": volume, "AttachedTo": id});
            s.current = observe_attachment(&answer, &s);
            s.intended = json!({"VolumeId": volume, "AttachedTo": id, "Snapshot": "created"});
            if s.current["AttachedTo"].is_null() {
                s.blocked = Some(format!("volume {volume} is no longer attached to {id}"));
            }
            s.probe = Some(call("ec2", "DescribeVolumes", json!({"VolumeIds": [volume]})));
            let tags = [
                cx.tags(ID),
                vec![
                    json!({"Key": INSTANCE_TAG, "Value": id}),
                    json!({"Key": "Name", "Value": format!("forensics {id} {volume}")}),
                ],
            ]
            .concat();
            s.calls = vec![call(
                "ec2",
                "CreateSnapshot",
                json!({
                    "VolumeId": volume,
                    "Description": format!("wasp {ID}: {volume} of {id}, incident {}", cx.incident_id),
                    "TagSpecifications": [{"ResourceType": "snapshot", "Tags": tags}],
                }),
            )];
            out.evidence.push(crate::plan::EvidenceLocation {
                kind: "ebs_volume".into(),
                location: volume.clone(),
                detail: format!("EBS volume attached to {id}; the snapshot step copies it"),
            });
            out.steps.push(s);
        }
    }

    // 2. Out of the Auto Scaling group, before anything makes it look unhealthy to the group.
    let asg = reads
        .get(region, "autoscaling", "DescribeAutoScalingInstances", json!({"InstanceIds": [id]}))
        .map_err(|e| read_failed(&format!("the Auto Scaling group of {id}"), &e))?;
    match group_of(&asg) {
        Value::String(group) => {
            let mut s = new_step(
                "detach-from-auto-scaling",
                &DETACH_FROM_AUTO_SCALING,
                format!("detach {id} from Auto Scaling group {group}, keeping the desired capacity"),
            );
            s.probe = Some(call("autoscaling", "DescribeAutoScalingInstances", json!({"InstanceIds": [id]})));
            s.current = json!(group);
            s.intended = Value::Null;
            s.calls = vec![call(
                "autoscaling",
                "DetachInstances",
                json!({"AutoScalingGroupName": group, "InstanceIds": [id], "ShouldDecrementDesiredCapacity": false}),
            )];
            s.rollback = vec![call(
                "autoscaling",
                "AttachInstances",
                json!({"AutoScalingGroupName": group, "InstanceIds": [id]}),
            )];
            out.steps.push(s);
        }
        _ => out.notes.push(format!("instance {id} is in no Auto Scaling group")),
    }

    // 3. The network: a quarantine group with no rules replaces its groups.
    let old_groups = groups_of(&answer);
    match instance.get("VpcId").and_then(Value::as_str).filter(|v| !v.is_empty()) {
        None => {
            let mut s = new_step("move-to-quarantine", &QUARANTINE_INSTANCE, format!("isolate {id} from the network"));
            s.current = old_groups;
            s.blocked = Some(format!(
                "instance {id} is in no VPC, so no security group can isolate it; stop it (--param stop=true) or isolate its subnet"
            ));
            out.steps.push(s);
        }
        Some(vpc) => {
            let groups = quarantine_groups(reads, region, Some(vpc))?;
            let group = match usable_group(&groups, vpc, &mut out.notes) {
                Some(group) => {
                    out.notes.push(format!("reuses quarantine security group {group} of {vpc}"));
                    group
                }
                None => {
                    let answer = reads
                        .get(region, "ec2", "DescribeVpcs", json!({"VpcIds": [vpc]}))
                        .map_err(|e| read_failed(&format!("VPC {vpc}"), &e))?;
                    let ipv6 = answer
                        .pointer("/Vpcs/0/Ipv6CidrBlockAssociationSet")
                        .and_then(Value::as_array)
                        .is_some_and(|set| !set.is_empty());
                    let name = format!("wasp-quarantine-{}", cx.incident_id);
                    out.steps.push(create_group_step(cx, "quarantine-group", region, vpc, ipv6, ID, &name));
                    "{{quarantine-group.GroupId}}".to_owned()
                }
            };
            let shown = if group.starts_with("{{") { "the new quarantine group".to_owned() } else { group.clone() };
            let interfaces: Vec<&Value> =
                instance.get("NetworkInterfaces").and_then(Value::as_array).into_iter().flatten().collect();
            if interfaces.len() <= 1 {
                let mut s = new_step(
                    "move-to-quarantine",
                    &QUARANTINE_INSTANCE,
                    format!("replace the security groups of {id} with {shown} (no rules)"),
                );
                s.probe = Some(call("ec2", "DescribeInstances", describe.clone()));
                s.intended = json!([group]);
                s.calls = vec![call("ec2", "ModifyInstanceAttribute", json!({"InstanceId": id, "Groups": [group]}))];
                s.rollback =
                    vec![call("ec2", "ModifyInstanceAttribute", json!({"InstanceId": id, "Groups": old_groups}))];
                s.current = old_groups;
                out.steps.push(s);
            } else {
                // EC2 refuses ModifyInstanceAttribute's groups on an instance with several
                // interfaces: each interface is moved on its own.
                for interface in interfaces {
                    let Some(eni) = interface.get("NetworkInterfaceId").and_then(Value::as_str) else { continue };
                    let mut s = new_step(
                        &format!("move-{eni}-to-quarantine"),
                        &QUARANTINE_INTERFACE,
                        format!("replace the security groups of interface {eni} of {id} with {shown} (no rules)"),
                    );
                    s.resource = cx.arn("ec2", region, &format!("network-interface/{eni}"));
                    s.probe = Some(call("ec2", "DescribeNetworkInterfaces", json!({"NetworkInterfaceIds": [eni]})));
                    s.current = interface_groups(interface);
                    s.intended = json!([group]);
                    match interface.get("VpcId").and_then(Value::as_str) {
                        Some(other) if other != vpc => {
                            s.blocked = Some(format!(
                                "interface {eni} is in {other}, not {vpc}: move it into a rule-free group of {other} by hand"
                            ));
                        }
                        _ => {
                            s.calls = vec![call(
                                "ec2",
                                "ModifyNetworkInterfaceAttribute",
                                json!({"NetworkInterfaceId": eni, "Groups": [group]}),
                            )];
                            s.rollback = vec![call(
                                "ec2",
                                "ModifyNetworkInterfaceAttribute",
                                json!({"NetworkInterfaceId": eni, "Groups": s.current}),
                            )];
                        }
                    }
                    out.steps.push(s);
                }
            }
        }
    }

    // 4. Its role: the instance profile.
    let filter = json!({"Filters": [{"Name": "instance-id", "Values": [id]}]});
    let associations = reads
        .get(region, "ec2", "DescribeIamInstanceProfileAssociations", filter.clone())
        .map_err(|e| read_failed(&format!("the instance profile of {id}"), &e))?;
    let association = association_of(&associations);
    match (association.get("AssociationId").and_then(Value::as_str), association.get("Arn").and_then(Value::as_str)) {
        (Some(association_id), Some(profile)) => {
            let mut s = new_step(
                "detach-instance-profile",
                &DETACH_INSTANCE_PROFILE,
                format!("detach instance profile {profile} from {id}"),
            );
            s.probe = Some(call("ec2", "DescribeIamInstanceProfileAssociations", filter));
            s.current = association.clone();
            s.intended = Value::Null;
            s.calls = vec![call("ec2", "DisassociateIamInstanceProfile", json!({"AssociationId": association_id}))];
            s.rollback = vec![call(
                "ec2",
                "AssociateIamInstanceProfile",
                json!({"InstanceId": id, "IamInstanceProfile": {"Arn": profile}}),
            )];
            out.steps.push(s);
        }
        _ => out.notes.push(format!("instance {id} has no instance profile")),
    }

    // 5. A label for everyone who looks at it.
    let mut s = new_step("tag-instance", &TAG_INSTANCE, format!("tag {id} with incident {}", cx.incident_id));
    let tags = json!([{"Key": INCIDENT_TAG, "Value": cx.incident_id}, {"Key": "wasp:isolated-by", "Value": ID}]);
    s.intended = tags.clone();
    s.calls = vec![call("ec2", "CreateTags", json!({"Resources": [id], "Tags": tags}))];
    s.rollback = vec![call("ec2", "DeleteTags", json!({"Resources": [id], "Tags": tags}))];
    out.steps.push(s);

    // 6. Running, for memory capture, unless asked to stop.
    if !stop {
        out.notes.push(format!("instance {id} keeps running for memory capture; --param stop=true stops it"));
    } else if state != "running" {
        out.notes.push(format!("instance {id} is {state}, so it is not stopped"));
    } else {
        let mut s = new_step("stop-instance", &STOP_INSTANCE, format!("stop {id} (its memory is lost)"));
        s.probe = Some(call("ec2", "DescribeInstances", describe));
        s.current = json!(state);
        s.intended = json!("stopped");
        s.calls = vec![call("ec2", "StopInstances", json!({"InstanceIds": [id]}))];
        s.rollback = vec![call("ec2", "StartInstances", json!({"InstanceIds": [id]}))];
        out.steps.push(s);
    }
    Ok(out)
}
