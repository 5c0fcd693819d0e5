//! Planning incident playbooks from recorded answers, without AWS: the steps, their calls and
//! rollbacks, the reads made (never a write), and what is refused and why.
use serde_json::{json, Value};
use std::cell::RefCell;
use wasp_respond::playbooks::{responder_policy, DENY_ALL_POLICY, INCIDENT_TAG, INSTANCE_TAG};
use wasp_respond::{plan_playbook, Call, Caller, Plan, PlanError, ReadError, Step};

const ACCOUNT: &str = "123456789012";
const REGION: &str = "eu-west-1";
const INSTANCE: &str = "i-0123456789abcdef0";

fn caller() -> Caller {
    Caller::new(ACCOUNT, &format!("arn:aws:iam::{ACCOUNT}:user/responder"))
}

/// Answers reads from `answer` (by operation and parameters) and keeps every call made.
struct Recorded<F: Fn(&Call) -> Result<Value, ReadError>> {
    answer: F,
    calls: RefCell<Vec<(String, Call)>>,
}

impl<F: Fn(&Call) -> Result<Value, ReadError>> Recorded<F> {
    fn new(answer: F) -> Self {
        Recorded { answer, calls: RefCell::new(Vec::new()) }
    }

    fn plan(&self, playbook: &str, target: Option<&str>, params: &[(&str, &str)]) -> Result<Plan, String> {
        self.plan_as(&caller(), playbook, target, &[REGION], params)
    }

    fn plan_as(
        &self,
        who: &Caller,
        playbook: &str,
        target: Option<&str>,
        regions: &[&str],
        params: &[(&str, &str)],
    ) -> Result<Plan, String> {
        let params: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let regions: Vec<String> = regions.iter().map(|r| r.to_string()).collect();
        let reader = |region: &str, call: &Call| {
            self.calls.borrow_mut().push((region.to_owned(), call.clone()));
            (self.answer)(call)
        };
        let plan = plan_playbook(playbook, who, target, &regions, &params, &reader);
        // Planning only reads.
        for (_, call) in self.calls.borrow().iter() {
            let op = call.operation.as_str();
            assert!(["Describe", "Get", "List"].iter().any(|p| op.starts_with(p)), "planning called {op}");
        }
        if let Ok(plan) = &plan {
            // What is printed can be applied later: it reads back and verifies.
            assert_eq!(&Plan::from_json(&plan.to_json()).unwrap(), plan);
        }
        plan
    }

    fn operations(&self) -> Vec<String> {
        self.calls.borrow().iter().map(|(_, c)| c.operation.clone()).collect()
    }
}

fn not_found(code: &str) -> ReadError {
    ReadError { code: Some(code.into()), message: format!("{code}: not found") }
}

fn step<'a>(plan: &'a Plan, name: &str) -> &'a Step {
    plan.steps.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no step {name} in {}", plan.to_json()))
}

fn names(plan: &Plan) -> Vec<&str> {
    plan.steps.iter().map(|s| s.name.as_str()).collect()
}

fn tag<'a>(tags: &'a Value, key: &str) -> Option<&'a str> {
    tags.as_array()?.iter().find(|t| t["Key"] == key)?.get("Value")?.as_str()
}

/// An instance as the executor answers DescribeInstances.
fn instance(vpc: Option<&str>, state: &str) -> Value {
    let mut i = json!({
        "InstanceId": INSTANCE,
        "State": {"Name": state},
        "SecurityGroups": [{"GroupId": "sg-web"}, {"GroupId": "sg-admin"}],
        "BlockDeviceMappings": [
            {"DeviceName": "/dev/xvda", "Ebs": {"VolumeId": "vol-root"}},
            {"DeviceName": "/dev/sdf", "Ebs": {"VolumeId": "vol-data"}},
        ],
        "NetworkInterfaces": [{"NetworkInterfaceId": "eni-1"}],
    });
    if let Some(vpc) = vpc {
        i["VpcId"] = json!(vpc);
        i["SubnetId"] = json!("subnet-1");
    }
    json!({"Reservations": [{"Instances": [i]}]})
}

fn volumes() -> Value {
    let attached = |v: &str| json!({"VolumeId": v, "Attachments": [{"InstanceId": INSTANCE, "State": "attached"}]});
    json!({"Volumes": [attached("vol-root"), attached("vol-data")]})
}

/// A fully equipped instance: two volumes, a VPC (with IPv6), an instance profile, an Auto
/// Scaling group; `groups` answers the quarantine group lookup.
fn equipped(call: &Call, groups: Value) -> Result<Value, ReadError> {
    Ok(match call.operation.as_str() {
        "DescribeInstances" => instance(Some("vpc-1"), "running"),
        "DescribeVolumes" => volumes(),
        "DescribeAutoScalingInstances" => {
            json!({"AutoScalingInstances": [{"InstanceId": INSTANCE, "AutoScalingGroupName": "web-asg"}]})
        }
        "DescribeSecurityGroups" => groups,
        "DescribeVpcs" => {
            json!({"Vpcs": [{"VpcId": "vpc-1", "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2001:db8::/56"}]}]})
        }
        "DescribeIamInstanceProfileAssociations" => json!({"IamInstanceProfileAssociations": [
            {"AssociationId": "iip-assoc-old", "State": "disassociated", "IamInstanceProfile": {"Arn": "arn:aws:iam::123456789012:instance-profile/old"}},
            {"AssociationId": "iip-assoc-1", "State": "associated", "IamInstanceProfile": {"Arn": "arn:aws:iam::123456789012:instance-profile/web"}},
        ]}),
        other => panic!("unexpected read {other}"),
    })
}

#[test]
fn isolate_instance_snapshots_first_leaves_the_group_then_cuts_network_and_role() {
    let rec = Recorded::new(|c| equipped(c, json!({"SecurityGroups": []})));
    let plan = rec.plan("isolate-instance", Some(INSTANCE), &[("incident_id", "INC-7")]).unwrap();
    assert_eq!(
        names(&plan),
        [
            "snapshot-vol-root",
            "snapshot-vol-data",
            "detach-from-auto-scaling",
            "quarantine-group",
            "move-to-quarantine",
            "detach-instance-profile",
            "tag-instance"
        ]
    );
    assert_eq!(plan.incident_id.as_deref(), Some("INC-7"));
    assert_eq!(plan.target.as_deref(), Some(format!("arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{INSTANCE}").as_str()));
    assert!(plan.steps.iter().all(|s| s.region == REGION && s.blocked.is_none()));

    // Snapshots: tagged with the playbook, the instance and the incident; never undone.
    let snap = step(&plan, "snapshot-vol-data");
    assert_eq!(snap.calls[0].operation, "CreateSnapshot");
    let tags = &snap.calls[0].params["TagSpecifications"][0]["Tags"];
    assert_eq!(snap.calls[0].params["TagSpecifications"][0]["ResourceType"], "snapshot");
    assert_eq!(tag(tags, "wasp:created-by"), Some("isolate-instance"));
    assert_eq!(tag(tags, INSTANCE_TAG), Some(INSTANCE));
    assert_eq!(tag(tags, INCIDENT_TAG), Some("INC-7"));
    assert!(snap.rollback.is_empty());
    assert_eq!(snap.current, json!({"VolumeId": "vol-data", "AttachedTo": INSTANCE}));
    assert_eq!(wasp_respond::action(&snap.action).unwrap().reversible, wasp_respond::Reversible::No("a forensic snapshot is evidence: wasp never deletes it; delete it yourself when the investigation is closed"));

    // The group keeps its capacity, and the rollback attaches the instance again.
    let asg = step(&plan, "detach-from-auto-scaling");
    assert_eq!(
        asg.calls[0].params,
        json!({"AutoScalingGroupName": "web-asg", "InstanceIds": [INSTANCE], "ShouldDecrementDesiredCapacity": false})
    );
    assert_eq!(asg.rollback[0].operation, "AttachInstances");
    assert_eq!(asg.current, json!("web-asg"));

    // A new quarantine group: tagged, its default outbound rules (IPv4 and IPv6) revoked.
    let group = step(&plan, "quarantine-group");
    assert_eq!(group.calls[0].operation, "CreateSecurityGroup");
    assert_eq!(group.calls[0].params["VpcId"], "vpc-1");
    assert_eq!(group.calls[0].params["GroupName"], "wasp-quarantine-INC-7");
    let tags = &group.calls[0].params["TagSpecifications"][0]["Tags"];
    assert_eq!(tag(tags, "wasp:quarantine"), Some("true"));
    assert_eq!(group.calls[1].operation, "RevokeSecurityGroupEgress");
    assert_eq!(
        group.calls[1].params,
        json!({"GroupId": "{{self.GroupId}}", "IpPermissions": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [{"CidrIpv6": "::/0"}]}]})
    );
    assert_eq!(group.rollback[0].params, json!({"GroupId": "{{self.GroupId}}"}));

    // The instance moves into it; the rollback restores its groups.
    let moved = step(&plan, "move-to-quarantine");
    assert_eq!(moved.calls[0].params, json!({"InstanceId": INSTANCE, "Groups": ["{{quarantine-group.GroupId}}"]}));
    assert_eq!(moved.current, json!(["sg-admin", "sg-web"]));
    assert_eq!(moved.rollback[0].params, json!({"InstanceId": INSTANCE, "Groups": ["sg-admin", "sg-web"]}));

    // Only the associated profile is detached; the rollback associates it again.
    let profile = step(&plan, "detach-instance-profile");
    assert_eq!(profile.calls[0].params, json!({"AssociationId": "iip-assoc-1"}));
    assert_eq!(
        profile.rollback[0].params,
        json!({"InstanceId": INSTANCE, "IamInstanceProfile": {"Arn": "arn:aws:iam::123456789012:instance-profile/web"}})
    );

    // It keeps running: no StopInstances anywhere.
    assert!(plan.steps.iter().flat_map(|s| &s.calls).all(|c| c.operation != "StopInstances"));
    assert!(plan.notes.iter().any(|n| n.contains("keeps running")), "{:?}", plan.notes);
    assert!(plan
        .steps
        .iter()
        .flat_map(|s| &s.calls)
        .all(|c| !c.operation.starts_with("Terminate") && !c.operation.starts_with("DeleteSnapshot")));
    assert!(rec.operations().contains(&"DescribeVpcs".to_owned()));

    // The text plan names the incident and the notes.
    let text = wasp_respond::text::plan(&plan);
    assert!(
        text.contains("Incident: INC-7") && text.contains("Notes:") && text.contains("{{quarantine-group.GroupId}}"),
        "{text}"
    );
}

#[test]
fn isolate_instance_reuses_a_rule_free_quarantine_group_and_not_one_with_rules() {
    let groups = json!({"SecurityGroups": [
        {"GroupId": "sg-open", "VpcId": "vpc-1", "IpPermissions": [], "IpPermissionsEgress": [{"IpProtocol": "-1"}],
         "Tags": [{"Key": "wasp:quarantine", "Value": "true"}]},
        {"GroupId": "sg-q", "VpcId": "vpc-1", "IpPermissions": [], "IpPermissionsEgress": [],
         "Tags": [{"Key": "wasp:quarantine", "Value": "true"}]},
    ]});
    let rec = Recorded::new(|c| equipped(c, groups.clone()));
    let plan = rec
        .plan("isolate-instance", Some(&format!("arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{INSTANCE}")), &[])
        .unwrap();
    assert!(!names(&plan).contains(&"quarantine-group"), "{:?}", names(&plan));
    assert_eq!(step(&plan, "move-to-quarantine").calls[0].params["Groups"], json!(["sg-q"]));
    assert!(plan.notes.iter().any(|n| n.contains("sg-open") && n.contains("has rules")), "{:?}", plan.notes);
    assert!(plan.notes.iter().any(|n| n.contains("reuses quarantine security group sg-q")), "{:?}", plan.notes);
    // The lookup asked for the tag in the instance's VPC.
    let calls = rec.calls.borrow();
    let lookup = calls.iter().find(|(_, c)| c.operation == "DescribeSecurityGroups").unwrap();
    assert_eq!(
        lookup.1.params["Filters"],
        json!([{"Name": "tag:wasp:quarantine", "Values": ["true"]}, {"Name": "vpc-id", "Values": ["vpc-1"]}])
    );
    assert!(!rec.operations().contains(&"DescribeVpcs".to_owned()), "no group is created, so the VPC is not read");
    // The incident id defaults to the planning time.
    assert!(plan.incident_id.as_deref().unwrap().starts_with("wasp-20"), "{:?}", plan.incident_id);
}

#[test]
fn isolate_instance_with_several_interfaces_moves_each_one_and_blocks_one_in_another_vpc() {
    let groups = json!({"SecurityGroups": [{"GroupId": "sg-q", "VpcId": "vpc-1", "IpPermissions": [],
        "IpPermissionsEgress": [], "Tags": [{"Key": "wasp:quarantine", "Value": "true"}]}]});
    let rec = Recorded::new(|c| match c.operation.as_str() {
        "DescribeInstances" => {
            let mut answer = instance(Some("vpc-1"), "running");
            answer["Reservations"][0]["Instances"][0]["NetworkInterfaces"] = json!([
                {"NetworkInterfaceId": "eni-1", "VpcId": "vpc-1", "Attachment": {"DeviceIndex": 0},
                 "Groups": [{"GroupId": "sg-web"}, {"GroupId": "sg-admin"}]},
                {"NetworkInterfaceId": "eni-2", "VpcId": "vpc-1", "Attachment": {"DeviceIndex": 1},
                 "Groups": [{"GroupId": "sg-db"}]},
                {"NetworkInterfaceId": "eni-3", "VpcId": "vpc-9", "Attachment": {"DeviceIndex": 2},
                 "Groups": [{"GroupId": "sg-other"}]},
            ]);
            Ok(answer)
        }
        _ => equipped(c, groups.clone()),
    });
    let plan = rec.plan("isolate-instance", Some(INSTANCE), &[]).unwrap();
    // EC2 refuses ModifyInstanceAttribute's groups on such an instance: no instance-wide step.
    assert!(!names(&plan).contains(&"move-to-quarantine"), "{:?}", names(&plan));
    let first = step(&plan, "move-eni-1-to-quarantine");
    assert_eq!(first.action, "ec2_quarantine_network_interface");
    assert_eq!(first.resource, format!("arn:aws:ec2:{REGION}:{ACCOUNT}:network-interface/eni-1"));
    assert_eq!(first.current, json!(["sg-admin", "sg-web"]));
    assert_eq!(first.intended, json!(["sg-q"]));
    assert_eq!(first.calls[0].operation, "ModifyNetworkInterfaceAttribute");
    assert_eq!(first.calls[0].params, json!({"NetworkInterfaceId": "eni-1", "Groups": ["sg-q"]}));
    assert_eq!(first.rollback[0].params, json!({"NetworkInterfaceId": "eni-1", "Groups": ["sg-admin", "sg-web"]}));
    assert_eq!(first.probe.as_ref().unwrap().params, json!({"NetworkInterfaceIds": ["eni-1"]}));
    let second = step(&plan, "move-eni-2-to-quarantine");
    assert_eq!((&second.current, &second.calls[0].params["Groups"]), (&json!(["sg-db"]), &json!(["sg-q"])));
    assert!(second.blocked.is_none());
    let other = step(&plan, "move-eni-3-to-quarantine");
    assert!(other.calls.is_empty() && other.rollback.is_empty());
    assert!(other.blocked.as_deref().unwrap().contains("vpc-9"), "{:?}", other.blocked);
}

#[test]
fn isolate_instance_without_vpc_profile_or_group_blocks_or_leaves_out_those_steps_and_can_stop() {
    let rec = Recorded::new(|c| {
        Ok(match c.operation.as_str() {
            "DescribeInstances" => instance(None, "running"),
            "DescribeVolumes" => volumes(),
            "DescribeAutoScalingInstances" => json!({"AutoScalingInstances": []}),
            "DescribeIamInstanceProfileAssociations" => json!({"IamInstanceProfileAssociations": []}),
            other => panic!("unexpected read {other}"),
        })
    });
    let plan = rec.plan("isolate-instance", Some(INSTANCE), &[("stop", "true")]).unwrap();
    assert_eq!(
        names(&plan),
        ["snapshot-vol-root", "snapshot-vol-data", "move-to-quarantine", "tag-instance", "stop-instance"]
    );
    let moved = step(&plan, "move-to-quarantine");
    assert!(moved.blocked.as_deref().unwrap().contains("in no VPC"), "{moved:?}");
    assert!(moved.calls.is_empty());
    assert_eq!(plan.actionable().count(), 4);
    assert!(plan.notes.iter().any(|n| n.contains("no Auto Scaling group")), "{:?}", plan.notes);
    assert!(plan.notes.iter().any(|n| n.contains("no instance profile")), "{:?}", plan.notes);
    let stop = step(&plan, "stop-instance");
    assert_eq!(stop.calls[0].params, json!({"InstanceIds": [INSTANCE]}));
    assert_eq!(stop.rollback[0].operation, "StartInstances");
    assert_eq!(stop.current, json!("running"));
    assert!(!rec.operations().contains(&"DescribeSecurityGroups".to_owned()));
}

#[test]
fn isolate_instance_refuses_unknown_gone_malformed_and_foreign_targets() {
    let missing = Recorded::new(|_| Err(not_found("InvalidInstanceID.NotFound")));
    let err = missing.plan("isolate-instance", Some(INSTANCE), &[]).unwrap_err();
    assert_eq!(err, format!("instance {INSTANCE} does not exist in {REGION}"));

    let gone = Recorded::new(|c| match c.operation.as_str() {
        "DescribeInstances" => Ok(instance(Some("vpc-1"), "terminated")),
        other => panic!("unexpected read {other}"),
    });
    assert!(gone.plan("isolate-instance", Some(INSTANCE), &[]).unwrap_err().contains("is terminated"));

    let denied = Recorded::new(|_| {
        Err(ReadError { code: Some("UnauthorizedOperation".into()), message: "ec2 DescribeInstances: denied".into() })
    });
    let err = denied.plan("isolate-instance", Some(INSTANCE), &[]).unwrap_err();
    assert!(err.starts_with("cannot read instance") && err.contains("denied"), "{err}");

    let never = Recorded::new(|c| panic!("no read expected, got {}", c.operation));
    for (target, expected) in [
        ("web-1", "is not an instance id"),
        ("arn:aws:ec2:eu-west-1:999999999999:instance/i-0abc", "account 999999999999"),
        ("arn:aws:s3:::bucket", "not an EC2 instance ARN"),
    ] {
        let err = never.plan("isolate-instance", Some(target), &[]).unwrap_err();
        assert!(err.contains(expected), "{target}: {err}");
    }
    assert!(never.plan("isolate-instance", None, &[]).unwrap_err().contains("needs --target"));
    assert!(never
        .plan("isolate-instance", Some(INSTANCE), &[("stop", "maybe")])
        .unwrap_err()
        .contains("true or false"));
    let err = never.plan("isolate-instance", Some(INSTANCE), &[("force", "yes")]).unwrap_err();
    assert!(err.contains("no parameter 'force'") && err.contains("stop"), "{err}");
    assert!(never
        .plan("isolate-instance", Some(INSTANCE), &[("incident_id", "../x")])
        .unwrap_err()
        .contains("incident_id"));
    assert!(never.plan("nuke-account", Some(INSTANCE), &[]).unwrap_err().contains("unknown playbook"));
}

fn user_answers(call: &Call, login: bool, policy: Value) -> Result<Value, ReadError> {
    Ok(match call.operation.as_str() {
        "ListAccessKeys" => json!({"AccessKeyMetadata": [
            {"AccessKeyId": "AKIAACTIVE", "Status": "Active"},
            {"AccessKeyId": "AKIAOLD", "Status": "Inactive"},
        ]}),
        "GetLoginProfile" if login => json!({"LoginProfile": {"UserName": "mallory"}}),
        "GetLoginProfile" => Value::Null,
        "GetUserPolicy" => policy,
        other => panic!("unexpected read {other}"),
    })
}

#[test]
fn contain_user_denies_all_deactivates_active_keys_and_deletes_the_password() {
    let rec = Recorded::new(|c| user_answers(c, true, Value::Null));
    let plan = rec.plan("contain-user", Some("mallory"), &[]).unwrap();
    assert_eq!(names(&plan), ["deny-all", "deactivate-access-keys", "delete-console-password"]);
    assert!(plan.steps.iter().all(|s| s.region == "global"));
    let deny = step(&plan, "deny-all");
    assert_eq!(deny.calls[0].params["PolicyName"], DENY_ALL_POLICY);
    let doc: Value = serde_json::from_str(deny.calls[0].params["PolicyDocument"].as_str().unwrap()).unwrap();
    assert_eq!(doc["Statement"][0]["Effect"], "Deny");
    assert_eq!(doc["Statement"][0]["Action"], "*");
    assert_eq!(deny.rollback[0].operation, "DeleteUserPolicy");
    let keys = step(&plan, "deactivate-access-keys");
    assert_eq!(keys.calls.len(), 1, "the inactive key is left alone");
    assert_eq!(keys.calls[0].params, json!({"UserName": "mallory", "AccessKeyId": "AKIAACTIVE", "Status": "Inactive"}));
    assert_eq!(keys.rollback[0].params["Status"], "Active");
    let password = step(&plan, "delete-console-password");
    assert_eq!(password.calls[0].operation, "DeleteLoginProfile");
    assert!(password.rollback.is_empty());
    match wasp_respond::action(&password.action).unwrap().reversible {
        wasp_respond::Reversible::No(why) => assert!(why.contains("set a new one"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(plan.target.as_deref(), Some("arn:aws:iam::123456789012:user/mallory"));
}

#[test]
fn contain_user_keeps_a_foreign_policy_of_the_same_name_for_the_rollback_and_notes_what_is_absent() {
    let theirs =
        json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]});
    let answer = json!({"UserName": "mallory", "PolicyName": DENY_ALL_POLICY, "PolicyDocument": theirs.to_string()});
    let rec = Recorded::new(|c| user_answers(c, false, answer.clone()));
    let plan = rec.plan("contain-user", Some("arn:aws:iam::123456789012:user/team/mallory"), &[]).unwrap();
    assert_eq!(names(&plan), ["deny-all", "deactivate-access-keys"]);
    let deny = step(&plan, "deny-all");
    assert_eq!(deny.current, theirs);
    assert_eq!(deny.rollback[0].operation, "PutUserPolicy");
    assert_eq!(plan.target.as_deref(), Some("arn:aws:iam::123456789012:user/team/mallory"));
    assert!(plan.notes.iter().any(|n| n.contains("no console password")), "{:?}", plan.notes);
    let calls = rec.calls.borrow();
    assert!(calls.iter().all(|(_, c)| c.params["UserName"] == "mallory"), "the path is not part of the name");
}

#[test]
fn contain_user_refuses_a_missing_user_and_the_caller_itself() {
    let rec = Recorded::new(|_| Err(not_found("NoSuchEntity")));
    assert_eq!(rec.plan("contain-user", Some("ghost"), &[]).unwrap_err(), "user ghost does not exist");
    let never = Recorded::new(|c| panic!("no read expected, got {}", c.operation));
    let err = never.plan("contain-user", Some("responder"), &[]).unwrap_err();
    assert!(err.contains("these credentials"), "{err}");
    assert!(never
        .plan("contain-user", Some("arn:aws:iam::123456789012:role/x"), &[])
        .unwrap_err()
        .contains("not an IAM user ARN"));
    assert!(never.plan("contain-user", Some("bad name!"), &[]).unwrap_err().contains("not an IAM user name"));
}

fn role_answers(call: &Call, path: &str) -> Result<Value, ReadError> {
    Ok(match call.operation.as_str() {
        "GetRole" => {
            json!({"Role": {"RoleName": "app", "Path": path, "Arn": format!("arn:aws:iam::123456789012:role{path}app")}})
        }
        "GetRolePolicy" => Value::Null,
        other => panic!("unexpected read {other}"),
    })
}

#[test]
fn contain_role_revokes_sessions_issued_before_the_plan_and_denies_all() {
    let rec = Recorded::new(|c| role_answers(c, "/"));
    let plan = rec.plan("contain-role", Some("arn:aws:sts::123456789012:assumed-role/app/i-0abc"), &[]).unwrap();
    assert_eq!(names(&plan), ["revoke-sessions", "deny-all"]);
    let revoke = step(&plan, "revoke-sessions");
    assert_eq!(revoke.calls[0].params["RoleName"], "app");
    assert_eq!(revoke.calls[0].params["PolicyName"], "AWSRevokeOlderSessions");
    let doc: Value = serde_json::from_str(revoke.calls[0].params["PolicyDocument"].as_str().unwrap()).unwrap();
    let before = plan.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    assert_eq!(doc["Statement"][0]["Condition"], json!({"DateLessThan": {"aws:TokenIssueTime": before}}));
    assert_eq!(doc["Statement"][0]["Effect"], "Deny");
    assert_eq!(revoke.rollback[0].operation, "DeleteRolePolicy");
    assert_eq!(step(&plan, "deny-all").calls[0].params["PolicyName"], DENY_ALL_POLICY);
    assert_eq!(plan.target.as_deref(), Some("arn:aws:iam::123456789012:role/app"));

    let only = rec.plan("contain-role", Some("app"), &[("deny_all", "false")]).unwrap();
    assert_eq!(names(&only), ["revoke-sessions"]);
}

#[test]
fn contain_role_refuses_service_linked_roles_missing_roles_and_its_own_session() {
    let linked = Recorded::new(|c| role_answers(c, "/aws-service-role/elasticloadbalancing.amazonaws.com/"));
    let err = linked.plan("contain-role", Some("AWSServiceRoleForElasticLoadBalancing"), &[]).unwrap_err();
    assert!(err.contains("service-linked"), "{err}");
    assert!(!err.contains(". ") && !err.contains(';'), "one sentence: {err}");
    assert!(!linked.operations().contains(&"GetRolePolicy".to_owned()));

    let missing = Recorded::new(|_| Err(not_found("NoSuchEntity")));
    assert_eq!(missing.plan("contain-role", Some("nobody"), &[]).unwrap_err(), "role nobody does not exist");

    let rec = Recorded::new(|c| role_answers(c, "/"));
    let me = Caller::new(ACCOUNT, "arn:aws:sts::123456789012:assumed-role/app/responder");
    let err = rec.plan_as(&me, "contain-role", Some("app"), &[REGION], &[]).unwrap_err();
    assert!(err.contains("these credentials"), "{err}");
}

fn bucket_answers(call: &Call, block: Value) -> Result<Value, ReadError> {
    Ok(match call.operation.as_str() {
        "GetBucketLocation" => json!({"LocationConstraint": "eu-central-1"}),
        "GetPublicAccessBlock" => block,
        other => panic!("unexpected read {other}"),
    })
}

#[test]
fn make_bucket_private_is_the_fix_planned_from_the_bucket_now_in_its_region() {
    let partial = json!({"BlockPublicAcls": true, "IgnorePublicAcls": false, "BlockPublicPolicy": false, "RestrictPublicBuckets": false});
    let rec = Recorded::new(|c| bucket_answers(c, json!({"PublicAccessBlockConfiguration": partial})));
    let plan = rec.plan("make-bucket-private", Some("arn:aws:s3:::leaky"), &[]).unwrap();
    assert_eq!(names(&plan), ["block-public-access"]);
    let s = &plan.steps[0];
    assert_eq!(s.action, "s3_bucket_block_public_access", "the fix's action, not a copy");
    assert_eq!(s.region, "eu-central-1");
    assert_eq!(s.current, partial);
    assert_eq!(s.rollback[0].params, json!({"Bucket": "leaky", "PublicAccessBlockConfiguration": partial}));
    let calls = rec.calls.borrow();
    assert_eq!(calls[1].0, "eu-central-1", "the block is read where the bucket is");

    // The same calls as the fix planned from a scan of the same bucket.
    let inventory: wasp_model::Inventory = serde_json::from_value(json!({
        "schema_version": 1, "account_id": ACCOUNT, "collected_at": "2026-12-01T00:00:00Z", "regions": ["eu-central-1"],
        "s3": {"account_public_access_block": "not_configured", "buckets": [{"name": "leaky", "arn": "arn:aws:s3:::leaky", "region": "eu-central-1",
            "public_access_block": {"configured": {"block_public_acls": true, "ignore_public_acls": false, "block_public_policy": false, "restrict_public_buckets": false}}}]}
    }))
    .unwrap();
    let selection = wasp_checks::Selection {
        check_ids: vec!["s3_bucket_public_access_block_enabled".into()],
        ..Default::default()
    };
    let findings = wasp_checks::run(&inventory, &selection, &wasp_checks::Settings::default());
    let fix = wasp_respond::plan_fixes(
        &inventory,
        &findings,
        &Default::default(),
        &[],
        &wasp_checks::Settings::default(),
        "snapshot",
    );
    assert_eq!((&fix.steps[0].calls, &fix.steps[0].rollback, &fix.steps[0].probe), (&s.calls, &s.rollback, &s.probe));
}

#[test]
fn make_bucket_private_has_nothing_to_do_for_a_private_bucket_and_refuses_a_missing_one() {
    let all = json!({"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true});
    let rec = Recorded::new(|c| bucket_answers(c, json!({"PublicAccessBlockConfiguration": all})));
    let plan = rec.plan("make-bucket-private", Some("closed"), &[]).unwrap();
    assert!(plan.steps.is_empty());
    assert!(plan.notes[0].contains("already blocks"), "{:?}", plan.notes);

    let none = Recorded::new(|c| bucket_answers(c, Value::Null));
    let plan = none.plan("make-bucket-private", Some("open"), &[]).unwrap();
    assert_eq!(plan.steps[0].rollback[0].operation, "DeletePublicAccessBlock");

    let missing = Recorded::new(|_| Err(not_found("NoSuchBucket")));
    assert_eq!(missing.plan("make-bucket-private", Some("ghost"), &[]).unwrap_err(), "bucket ghost does not exist");
    let never = Recorded::new(|c| panic!("no read expected, got {}", c.operation));
    assert!(never.plan("make-bucket-private", Some("Not_A_Bucket"), &[]).unwrap_err().contains("not an S3 bucket"));
}

fn trails() -> Value {
    json!({"trailList": [
        {"Name": "main", "IsMultiRegionTrail": true, "HomeRegion": "us-east-1", "S3BucketName": "audit-logs", "S3KeyPrefix": "ct",
         "CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:trail:*"},
        {"Name": "elsewhere", "IsMultiRegionTrail": false, "HomeRegion": "ap-south-1", "S3BucketName": "other"},
    ]})
}

#[test]
fn preserve_evidence_of_an_instance_lists_trails_flow_logs_and_volumes_and_writes_nothing() {
    let rec = Recorded::new(|c| {
        Ok(match c.operation.as_str() {
            "DescribeInstances" => instance(Some("vpc-1"), "running"),
            "DescribeFlowLogs" => json!({"FlowLogs": [
                {"ResourceId": "vpc-1", "TrafficType": "ALL", "LogDestinationType": "s3", "LogDestination": "arn:aws:s3:::flow-logs"},
            ]}),
            "DescribeTrails" => trails(),
            other => panic!("unexpected read {other}"),
        })
    });
    let arn = format!("arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{INSTANCE}");
    let plan = rec.plan("preserve-evidence", Some(&arn), &[]).unwrap();
    assert!(plan.steps.is_empty());
    let kinds: Vec<(&str, &str)> =
        plan.evidence_locations.iter().map(|e| (e.kind.as_str(), e.location.as_str())).collect();
    assert!(kinds.contains(&("ebs_volume", "vol-data")), "{kinds:?}");
    assert!(kinds.contains(&("flow_logs", "arn:aws:s3:::flow-logs")), "{kinds:?}");
    assert!(
        kinds.contains(&("cloudtrail_s3", "s3://audit-logs/ct/AWSLogs/123456789012/CloudTrail/eu-west-1/")),
        "{kinds:?}"
    );
    assert!(kinds.contains(&("cloudtrail_logs", "arn:aws:logs:us-east-1:123456789012:log-group:trail:*")), "{kinds:?}");
    assert!(kinds.contains(&("cloudtrail_event_history", "cloudtrail:eu-west-1")), "{kinds:?}");
    assert!(!kinds.iter().any(|(_, l)| l.contains("other")), "a trail of another region is not listed: {kinds:?}");
    let calls = rec.calls.borrow();
    let flows = calls.iter().find(|(_, c)| c.operation == "DescribeFlowLogs").unwrap();
    assert_eq!(flows.1.params["Filters"][0]["Values"], json!(["vpc-1", "subnet-1", "eni-1"]));
    let text = wasp_respond::text::plan(&plan);
    assert!(text.contains("Evidence is kept in:") && text.contains("[flow_logs]"), "{text}");
}

#[test]
fn preserve_evidence_of_a_bucket_and_a_user_reads_where_their_events_are() {
    let rec = Recorded::new(|c| {
        Ok(match c.operation.as_str() {
            "GetBucketLocation" => json!({"LocationConstraint": null}),
            "GetBucketLogging" => json!({"LoggingEnabled": {"TargetBucket": "access-logs", "TargetPrefix": "data/"}}),
            "DescribeTrails" => json!({"trailList": []}),
            other => panic!("unexpected read {other}"),
        })
    });
    let plan = rec.plan("preserve-evidence", Some("arn:aws:s3:::data"), &[]).unwrap();
    assert!(plan
        .evidence_locations
        .iter()
        .any(|e| e.kind == "s3_access_logs" && e.location == "s3://access-logs/data/"));
    assert!(
        plan.evidence_locations.iter().any(|e| e.location == "cloudtrail:us-east-1"),
        "a bucket's events are in its region"
    );
    assert!(plan.notes.iter().any(|n| n.contains("no trail logs us-east-1")), "{:?}", plan.notes);

    let plan = rec.plan("preserve-evidence", Some("arn:aws:iam::123456789012:user/mallory"), &[]).unwrap();
    assert!(plan.notes.iter().any(|n| n.contains("IAM is global")), "{:?}", plan.notes);
    let calls = rec.calls.borrow();
    assert_eq!(calls.last().unwrap().0, "us-east-1", "IAM's events are read where they are logged");

    let never = Recorded::new(|c| panic!("no read expected, got {}", c.operation));
    assert!(never.plan("preserve-evidence", Some("i-0abc"), &[]).unwrap_err().contains("not an ARN"));
}

#[test]
fn prepare_creates_a_quarantine_group_where_a_vpc_has_none_and_the_responder_role() {
    let rec = Recorded::new(|c| {
        Ok(match c.operation.as_str() {
            "DescribeVpcs" => {
                json!({"Vpcs": [{"VpcId": "vpc-a", "Ipv6CidrBlockAssociationSet": []}, {"VpcId": "vpc-b"}]})
            }
            "DescribeSecurityGroups" => {
                json!({"SecurityGroups": [{"GroupId": "sg-q", "VpcId": "vpc-b", "IpPermissions": [],
                "IpPermissionsEgress": [], "Tags": [{"Key": "wasp:quarantine", "Value": "true"}]}]})
            }
            "GetRole" => Value::Null,
            other => panic!("unexpected read {other}"),
        })
    });
    let never = Recorded::new(|c| panic!("no read expected, got {}", c.operation));
    assert!(never.plan("prepare", Some("x"), &[]).unwrap_err().contains("takes no --target"));
    let plan = rec.plan("prepare", None, &[]).unwrap();
    assert_eq!(names(&plan), [format!("quarantine-{REGION}-vpc-a").as_str(), "responder-role"]);
    let group = &plan.steps[0];
    let tags = &group.calls[0].params["TagSpecifications"][0]["Tags"];
    assert_eq!(tag(tags, "wasp:created-by"), Some("prepare"));
    assert_eq!(tag(tags, "wasp:quarantine"), Some("true"));
    assert_eq!(tag(tags, INCIDENT_TAG), None);
    assert!(group.calls[1].params["IpPermissions"][0].get("Ipv6Ranges").is_none());
    assert!(plan.notes.iter().any(|n| n.contains("vpc-b") && n.contains("sg-q")), "{:?}", plan.notes);

    let role = step(&plan, "responder-role");
    let ops: Vec<&str> = role.calls.iter().map(|c| c.operation.as_str()).collect();
    assert_eq!(ops, ["CreateRole", "AttachRolePolicy", "PutRolePolicy"]);
    let trust: Value =
        serde_json::from_str(role.calls[0].params["AssumeRolePolicyDocument"].as_str().unwrap()).unwrap();
    assert_eq!(trust["Statement"][0]["Principal"], json!({"AWS": "arn:aws:iam::123456789012:root"}));
    assert_eq!(trust["Statement"][0]["Condition"], json!({"Bool": {"aws:MultiFactorAuthPresent": "true"}}));
    assert_eq!(tag(&role.calls[0].params["Tags"], "wasp:created-by"), Some("prepare"));
    assert_eq!(role.calls[1].params["PolicyArn"], "arn:aws:iam::aws:policy/SecurityAudit");
    let inline: Value = serde_json::from_str(role.calls[2].params["PolicyDocument"].as_str().unwrap()).unwrap();
    assert_eq!(inline, responder_policy("aws", ACCOUNT));
    let rollback: Vec<&str> = role.rollback.iter().map(|c| c.operation.as_str()).collect();
    assert_eq!(rollback, ["DeleteRolePolicy", "DetachRolePolicy", "DeleteRole"]);
}

#[test]
fn the_responder_policy_grants_the_playbooks_and_nothing_over_itself() {
    let policy = responder_policy("aws", ACCOUNT);
    let allowed: Vec<&str> =
        policy["Statement"][0]["Action"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    for needed in [
        "ec2:CreateSnapshot",
        "ec2:ModifyInstanceAttribute",
        "iam:PutUserPolicy",
        "autoscaling:DetachInstances",
        "s3:PutBucketPublicAccessBlock",
        "cloudtrail:DescribeTrails",
        "sts:GetCallerIdentity",
    ] {
        assert!(allowed.contains(&needed), "{needed}");
    }
    for never in
        ["iam:CreateRole", "iam:AttachRolePolicy", "iam:DeleteRole", "ec2:TerminateInstances", "ec2:DeleteSnapshot"]
    {
        assert!(!allowed.contains(&never), "{never}");
    }
    assert_eq!(policy["Statement"][1]["Effect"], "Deny");
    assert_eq!(policy["Statement"][1]["Resource"], "arn:aws:iam::123456789012:role/wasp-incident-responder");
    assert!(policy.to_string().len() < 10_240, "an inline role policy is at most 10,240 characters");
}

#[test]
fn prepare_brings_an_existing_role_up_to_date_without_touching_its_trust() {
    let rec = Recorded::new(|c| {
        Ok(match c.operation.as_str() {
            "DescribeVpcs" => json!({"Vpcs": []}),
            "DescribeSecurityGroups" => json!({"SecurityGroups": []}),
            "GetRole" => {
                json!({"Role": {"RoleName": "wasp-incident-responder", "Arn": "arn:aws:iam::123456789012:role/wasp-incident-responder", "Path": "/"}})
            }
            "GetRolePolicy" => {
                json!({"RoleName": "wasp-incident-responder", "PolicyName": "wasp-playbooks", "PolicyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":[]}"})
            }
            "ListAttachedRolePolicies" => {
                json!({"AttachedPolicies": [{"PolicyArn": "arn:aws:iam::aws:policy/SecurityAudit"}]})
            }
            other => panic!("unexpected read {other}"),
        })
    });
    let plan = rec.plan_as(&caller(), "prepare", None, &[REGION, "us-east-1"], &[]).unwrap();
    assert_eq!(names(&plan), ["responder-role"]);
    let s = &plan.steps[0];
    assert_eq!(s.action, "iam_update_responder_role");
    assert_eq!(s.calls.iter().map(|c| c.operation.as_str()).collect::<Vec<_>>(), ["PutRolePolicy"]);
    let document: Value = serde_json::from_str(s.rollback[0].params["PolicyDocument"].as_str().unwrap()).unwrap();
    assert_eq!(document, json!({"Version": "2012-10-17", "Statement": []}));
    assert!(plan.notes.iter().any(|n| n.contains("trust policy is left")), "{:?}", plan.notes);
    let regions: Vec<String> =
        rec.calls.borrow().iter().filter(|(_, c)| c.operation == "DescribeVpcs").map(|(r, _)| r.clone()).collect();
    assert_eq!(regions, [REGION, "us-east-1"]);
}

#[test]
fn without_a_region_iam_playbooks_plan_and_regional_ones_say_what_they_need() {
    let never = Recorded::new(|c| panic!("no read expected, got {}", c.operation));
    let err = never.plan_as(&caller(), "isolate-instance", Some(INSTANCE), &[], &[]).unwrap_err();
    assert!(err.contains("names no region") && err.contains("--region"), "{err}");
    assert!(never.plan_as(&caller(), "prepare", None, &[], &[]).unwrap_err().contains("needs --region"));
    let rec = Recorded::new(|c| user_answers(c, true, Value::Null));
    let plan = rec.plan_as(&caller(), "contain-user", Some("mallory"), &[], &[]).unwrap();
    assert_eq!(plan.steps.len(), 3);
    // An instance ARN names its own region.
    let rec = Recorded::new(|c| equipped(c, json!({"SecurityGroups": []})));
    let arn = format!("arn:aws:ec2:ap-south-1:{ACCOUNT}:instance/{INSTANCE}");
    let plan = rec.plan_as(&caller(), "isolate-instance", Some(&arn), &[], &[]).unwrap();
    assert!(plan.steps.iter().all(|s| s.region == "ap-south-1"));
}

#[test]
fn a_step_may_use_its_own_earlier_outputs_but_its_probe_may_not() {
    let rec = Recorded::new(|c| equipped(c, json!({"SecurityGroups": []})));
    let plan = rec.plan("isolate-instance", Some(INSTANCE), &[]).unwrap();
    assert!(plan.verify().is_ok());
    let mut bad = plan.clone();
    let i = bad.steps.iter().position(|s| s.name == "move-to-quarantine").unwrap();
    bad.steps[i].probe.as_mut().unwrap().params = json!({"InstanceIds": ["{{self.GroupId}}"]});
    assert!(matches!(bad.verify(), Err(PlanError::DanglingReference { .. })), "{:?}", bad.verify());
    // A later step cannot be named before it runs.
    let mut early = plan.clone();
    let j = early.steps.iter().position(|s| s.name == "detach-from-auto-scaling").unwrap();
    early.steps[j].calls[0].params["AutoScalingGroupName"] = json!("{{quarantine-group.GroupId}}");
    assert!(matches!(early.verify(), Err(PlanError::DanglingReference { .. })));
}
