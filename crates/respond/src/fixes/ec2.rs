//! EC2: EBS encryption by default, internet ingress of security groups, IMDSv2.
use super::{arn_name, call, resource, step};
use crate::action::{Action, ActionKind, PlanContext, Reversible};
use crate::plan::Step;
use serde_json::{json, Value};
use wasp_checks::{Finding, Settings, Status};
use wasp_model::ec2::{HttpTokens, Protocol, SecurityGroup, SgRule};
use wasp_model::Inventory;

fn observe_ebs(answer: &Value, _: &Step) -> Value {
    answer.get("EbsEncryptionByDefault").cloned().unwrap_or(Value::Null)
}

pub static EBS_ENCRYPTION_BY_DEFAULT: Action = Action {
    id: "ec2_enable_ebs_encryption_by_default",
    kind: ActionKind::Fix,
    title: "Encrypt new EBS volumes of a region by default",
    changes: "Turns on EBS encryption by default in the region: every new volume and snapshot copy is \
              encrypted with the region's default EBS key. Existing volumes are unchanged.",
    calls: &["ec2:GetEbsEncryptionByDefault", "ec2:EnableEbsEncryptionByDefault", "ec2:DisableEbsEncryptionByDefault"],
    permissions: &[
        "ec2:GetEbsEncryptionByDefault",
        "ec2:EnableEbsEncryptionByDefault",
        "ec2:DisableEbsEncryptionByDefault",
    ],
    reversible: Reversible::Yes,
    remediates: &["ec2_ebs_encryption_by_default_enabled"],
    params: &[],
    plan: Some(plan_ebs),
    observe: observe_ebs,
};

fn plan_ebs(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let defaults = cx
        .inventory
        .ec2
        .ebs_defaults
        .get(&finding.region)
        .ok_or_else(|| format!("EBS defaults of {} were not read; scan again before fixing", finding.region))?;
    let mut s = step(
        finding,
        format!("encrypt new EBS volumes in {} by default", finding.region),
        json!(defaults.encryption_by_default),
        json!(true),
    );
    s.probe = Some(call("ec2", "GetEbsEncryptionByDefault", json!({})));
    s.calls = vec![call("ec2", "EnableEbsEncryptionByDefault", json!({}))];
    s.rollback = vec![call("ec2", "DisableEbsEncryptionByDefault", json!({}))];
    Ok(s)
}

/// The security group checks whose failures the ingress fix resolves.
const INGRESS_CHECKS: &[&str] = &[
    "ec2_security_group_admin_ports_restricted",
    "ec2_security_group_all_traffic_restricted",
    "ec2_security_group_cassandra_ports_restricted",
    "ec2_security_group_cifs_ports_restricted",
    "ec2_security_group_elasticsearch_kibana_ports_restricted",
    "ec2_security_group_ftp_ports_restricted",
    "ec2_security_group_kafka_ports_restricted",
    "ec2_security_group_ldap_ports_restricted",
    "ec2_security_group_memcached_ports_restricted",
    "ec2_security_group_mongodb_ports_restricted",
    "ec2_security_group_mysql_ports_restricted",
    "ec2_security_group_oracle_ports_restricted",
    "ec2_security_group_postgres_ports_restricted",
    "ec2_security_group_redis_ports_restricted",
    "ec2_security_group_sql_server_ports_restricted",
    "ec2_security_group_telnet_ports_restricted",
];

/// A rule as `RevokeSecurityGroupIngress` names it.
fn rule_json(rule: &SgRule) -> Value {
    let protocol = match rule.protocol {
        Protocol::All => "-1".to_owned(),
        other => other.to_string(),
    };
    let mut permission = json!({"IpProtocol": protocol});
    if rule.protocol != Protocol::All {
        if let Some(from) = rule.from_port {
            permission["FromPort"] = json!(from);
        }
        if let Some(to) = rule.to_port {
            permission["ToPort"] = json!(to);
        }
    }
    if rule.source.contains(':') {
        permission["Ipv6Ranges"] = json!([{"CidrIpv6": rule.source}]);
    } else {
        permission["IpRanges"] = json!([{"CidrIp": rule.source}]);
    }
    permission
}

/// Every (permission, source) pair of a `DescribeSecurityGroups` answer, in `rule_json`'s shape.
fn answer_rules(answer: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let permissions = answer.pointer("/SecurityGroups/0/IpPermissions").and_then(Value::as_array);
    for p in permissions.into_iter().flatten() {
        let protocol = p.get("IpProtocol").and_then(Value::as_str).unwrap_or("-1");
        let mut base = json!({"IpProtocol": Protocol::parse(protocol).map(|p| match p {
            Protocol::All => "-1".to_owned(),
            other => other.to_string(),
        }).unwrap_or_else(|| protocol.to_owned())});
        if base["IpProtocol"] != "-1" {
            for key in ["FromPort", "ToPort"] {
                if let Some(v) = p.get(key).filter(|v| !v.is_null()) {
                    base[key] = v.clone();
                }
            }
        }
        for (list, field, out_list) in [("IpRanges", "CidrIp", "IpRanges"), ("Ipv6Ranges", "CidrIpv6", "Ipv6Ranges")] {
            for range in p.get(list).and_then(Value::as_array).into_iter().flatten() {
                if let Some(cidr) = range.get(field) {
                    let mut rule = base.clone();
                    rule[out_list] = json!([{field: cidr}]);
                    out.push(rule);
                }
            }
        }
    }
    out
}

/// Of the planned rules, those the group still has.
fn observe_ingress(answer: &Value, step: &Step) -> Value {
    let now = answer_rules(answer);
    let planned = step.current.as_array().cloned().unwrap_or_default();
    Value::Array(planned.into_iter().filter(|r| now.contains(r)).collect())
}

pub static SECURITY_GROUP_ADMIN_PORTS: Action = Action {
    id: "ec2_restrict_internet_ingress",
    kind: ActionKind::Fix,
    title: "Remove a security group's ingress rules open to the internet",
    changes: "Revokes only the ingress rules from 0.0.0.0/0 or ::/0 that make the check fail; every \
              other rule stays. Connections that relied on them stop; reach the instances through \
              Systems Manager Session Manager or a narrower rule instead.",
    calls: &["ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupIngress"],
    permissions: &["ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupIngress"],
    reversible: Reversible::Partly("the rules come back without the descriptions they had"),
    remediates: INGRESS_CHECKS,
    params: &[],
    plan: Some(plan_ingress),
    observe: observe_ingress,
};

/// Whether the check passes on the group alone.
fn passes(check_id: &str, inv: &Inventory, sg: &SecurityGroup) -> Result<bool, String> {
    let check = wasp_checks::find(check_id).ok_or_else(|| format!("unknown check {check_id}"))?;
    let mut alone =
        Inventory { account_id: inv.account_id.clone(), partition: inv.partition.clone(), ..Inventory::default() };
    alone.ec2.security_groups = vec![sg.clone()];
    let mut out = Vec::new();
    wasp_checks::run_one(check, &alone, &Settings::default(), &mut out);
    Ok(out.iter().all(|f| f.status == Status::Pass))
}

/// The fewest internet rules whose removal makes the check pass: the check itself decides, so
/// the fix and the check never disagree about which rules matter.
fn offending_rules(check_id: &str, inv: &Inventory, sg: &SecurityGroup) -> Result<Vec<SgRule>, String> {
    let internet: Vec<&SgRule> = sg.ingress.iter().filter(|r| r.from_anywhere()).collect();
    let without = |removed: &[&SgRule]| SecurityGroup {
        ingress: sg.ingress.iter().filter(|r| !removed.contains(r)).cloned().collect(),
        ..sg.clone()
    };
    if !passes(check_id, inv, &without(&internet))? {
        return Err("removing the internet rules would not make the check pass; the rules need a person".into());
    }
    let mut removed = internet.clone();
    for rule in &internet {
        let kept: Vec<&SgRule> = removed.iter().copied().filter(|r| r != rule).collect();
        if passes(check_id, inv, &without(&kept))? {
            removed = kept;
        }
    }
    Ok(removed.into_iter().cloned().collect())
}

fn plan_ingress(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let arn = resource(finding)?;
    let sg = cx
        .inventory
        .ec2
        .security_groups
        .iter()
        .find(|g| g.arn == arn)
        .ok_or_else(|| format!("security group {arn} is not in the evidence"))?;
    let rules = offending_rules(&finding.check_id, cx.inventory, sg)?;
    let permissions: Vec<Value> = rules.iter().map(rule_json).collect();
    let described: Vec<String> =
        rules.iter().map(|r| format!("{} {} from {}", r.protocol, ports(r), r.source)).collect();
    let mut s = step(
        finding,
        format!("revoke {} ingress rule(s) of {} ({}): {}", rules.len(), sg.id, sg.name, described.join(", ")),
        Value::Array(permissions.clone()),
        json!([]),
    );
    s.probe = Some(call("ec2", "DescribeSecurityGroups", json!({"GroupIds": [sg.id]})));
    s.calls = vec![call("ec2", "RevokeSecurityGroupIngress", json!({"GroupId": sg.id, "IpPermissions": permissions}))];
    s.rollback =
        vec![call("ec2", "AuthorizeSecurityGroupIngress", json!({"GroupId": sg.id, "IpPermissions": permissions}))];
    Ok(s)
}

fn ports(rule: &SgRule) -> String {
    match (rule.from_port, rule.to_port) {
        _ if rule.protocol == Protocol::All => "all ports".to_owned(),
        (Some(a), Some(b)) if a == b => format!("port {a}"),
        (Some(a), Some(b)) => format!("ports {a}-{b}"),
        _ => "all ports".to_owned(),
    }
}

fn observe_tokens(answer: &Value, _: &Step) -> Value {
    answer.pointer("/Reservations/0/Instances/0/MetadataOptions/HttpTokens").cloned().unwrap_or(Value::Null)
}

pub static INSTANCE_IMDSV2: Action = Action {
    id: "ec2_require_imdsv2",
    kind: ActionKind::Fix,
    title: "Require IMDSv2 session tokens on an instance",
    changes: "Sets the instance's metadata options to require session tokens (IMDSv2). Software that \
              still reads the metadata service with IMDSv1 requests gets 401 until it is updated.",
    calls: &["ec2:DescribeInstances", "ec2:ModifyInstanceMetadataOptions"],
    permissions: &["ec2:DescribeInstances", "ec2:ModifyInstanceMetadataOptions"],
    reversible: Reversible::Yes,
    remediates: &["ec2_instance_imdsv2_required"],
    params: &[],
    plan: Some(plan_imdsv2),
    observe: observe_tokens,
};

fn plan_imdsv2(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let arn = resource(finding)?;
    let instance = cx
        .inventory
        .ec2
        .instances
        .iter()
        .find(|i| i.arn == arn)
        .ok_or_else(|| format!("instance {arn} is not in the evidence"))?;
    let tokens = instance.metadata_http_tokens.ok_or("the instance's metadata options were not reported")?;
    let current = match tokens {
        HttpTokens::Required => "required",
        HttpTokens::Optional => "optional",
    };
    let id = arn_name(arn);
    let mut s = step(finding, format!("require IMDSv2 on instance {id}"), json!(current), json!("required"));
    s.probe = Some(call("ec2", "DescribeInstances", json!({"InstanceIds": [id]})));
    s.calls = vec![call("ec2", "ModifyInstanceMetadataOptions", json!({"InstanceId": id, "HttpTokens": "required"}))];
    s.rollback = vec![call("ec2", "ModifyInstanceMetadataOptions", json!({"InstanceId": id, "HttpTokens": current}))];
    Ok(s)
}
