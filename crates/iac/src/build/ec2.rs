//! EC2: security groups (inline rules and separate rule resources), instances (with their
//! launch template's metadata options) and volumes.
use super::{as_bool, as_text, Builder, Res};
use serde_json::Value as Json;
use wasp_model::ec2::{HttpTokens, Instance, Protocol, SecurityGroup, SgRule, Toggle, Volume};

/// A rule of `SecurityGroupIngress`/`SecurityGroupEgress`, or of a rule resource's properties.
fn rule(value: &Json, ingress: bool) -> Result<SgRule, String> {
    let protocol = value.get("IpProtocol").and_then(as_text).ok_or("IpProtocol is missing")?;
    let protocol = Protocol::parse(&protocol).ok_or_else(|| format!("IpProtocol {protocol} is not a protocol"))?;
    let port = |k: &str| -> Result<Option<i32>, String> {
        match value.get(k).and_then(as_text) {
            None => Ok(None),
            Some(t) => t.parse::<i32>().map(Some).map_err(|_| format!("{k} {t} is not a port")),
        }
    };
    let (from_port, to_port) = (port("FromPort")?, port("ToPort")?);
    let keys: &[&str] = if ingress {
        &["CidrIp", "CidrIpv6", "SourceSecurityGroupId", "SourceSecurityGroupName", "SourcePrefixListId"]
    } else {
        &["CidrIp", "CidrIpv6", "DestinationSecurityGroupId", "DestinationPrefixListId"]
    };
    let source = keys.iter().find_map(|k| value.get(*k).and_then(as_text)).ok_or("the rule names no source")?;
    Ok(SgRule { protocol, from_port, to_port, source })
}

/// Rules of a list property; `Err(why)` when one cannot be read.
fn rules(b: &mut Builder<'_>, r: &Res<'_>, key: &str, ingress: bool) -> Result<Option<Vec<SgRule>>, String> {
    match b.ctx.get(r.props, &[key]) {
        Ok(None) => Ok(None),
        Ok(Some(Json::Array(items))) => items.iter().map(|v| rule(v, ingress)).collect::<Result<_, _>>().map(Some),
        Ok(Some(_)) => Err(format!("{key} is not a list")),
        Err(why) => Err(format!("{key}: {why}")),
    }
}

/// `AWS::EC2::SecurityGroup`. Without egress rules a VPC group allows all outbound traffic.
pub fn security_group(b: &mut Builder<'_>, r: &Res<'_>) {
    let ingress = rules(b, r, "SecurityGroupIngress", true);
    let egress = rules(b, r, "SecurityGroupEgress", false);
    let (ingress, egress) = match (ingress, egress) {
        (Ok(i), Ok(e)) => (i.unwrap_or_default(), e),
        (Err(why), _) | (_, Err(why)) => {
            b.unjudged(r, "ec2_security_group", format!("{}.{why}", r.logical));
            return;
        }
    };
    let egress = egress.unwrap_or_else(|| {
        vec![SgRule { protocol: Protocol::All, from_port: None, to_port: None, source: "0.0.0.0/0".into() }]
    });
    let vpc_id = b.text(r, &["VpcId"]).ok().flatten();
    b.inv.ec2.security_groups.push(SecurityGroup {
        arn: r.arn.clone(),
        id: r.reference.clone(),
        name: r.name.clone(),
        region: b.ctx.region.clone(),
        vpc_id,
        ingress,
        egress,
        tags: Default::default(),
        location: Some(r.location.clone()),
    });
}

/// `AWS::EC2::SecurityGroupIngress`/`Egress`, joined to the group it names.
pub fn rule_resource(b: &mut Builder<'_>, r: &Res<'_>, ingress: bool) {
    let target = match b.ctx.get(r.props, &["GroupId"]) {
        Ok(Some(v)) => as_text(&v),
        Ok(None) => match b.ctx.get(r.props, &["GroupName"]) {
            Ok(Some(v)) => as_text(&v),
            _ => None,
        },
        Err(_) => None,
    };
    let Some(target) = target else { return };
    let Some(index) = b.inv.ec2.security_groups.iter().position(|g| g.id == target || g.name == target) else {
        return;
    };
    let parsed = match b.ctx.eval(r.props) {
        Ok(Some(props)) => rule(&props, ingress),
        Ok(None) => return,
        Err(why) => Err(why),
    };
    match parsed {
        Ok(rule) => {
            let group = &mut b.inv.ec2.security_groups[index];
            if ingress {
                group.ingress.push(rule);
            } else {
                group.egress.push(rule);
            }
        }
        Err(why) => {
            // The group cannot be judged without this rule.
            let group = b.inv.ec2.security_groups.remove(index);
            b.unjudged.push(crate::Unjudged {
                resource_kind: "ec2_security_group",
                location: group.location.unwrap_or_else(|| r.location.clone()),
                reason: format!("{} (a rule of the group): {why}", r.logical),
            });
        }
    }
}

/// `AWS::EC2::Instance`. Metadata options come from its launch template; without one, or
/// without `MetadataOptions` in it, EC2's default for `RunInstances` applies: tokens
/// optional (IMDSv1 allowed), endpoint enabled. (An AMI registered with `ImdsSupport: v2.0`
/// or an account-level default can change that; the template is judged on its own.)
pub fn instance(b: &mut Builder<'_>, r: &Res<'_>) {
    let mut tokens = Some(HttpTokens::Optional);
    let mut endpoint = Some(Toggle::Enabled);
    if let Ok(Some(lt)) = b.read(r, &["LaunchTemplate"]) {
        let id = lt.get("LaunchTemplateId").or_else(|| lt.get("LaunchTemplateName")).and_then(as_text);
        let template = id.and_then(|id| b.resource_by_ref(&id, &["AWS::EC2::LaunchTemplate"]));
        match template {
            Some((logical, _)) => {
                if let Some(props) = launch_template_props(b, &logical) {
                    let options = b.ctx.get(&props, &["LaunchTemplateData", "MetadataOptions"]);
                    match options {
                        Ok(Some(opts)) => {
                            if let Some(t) = opts.get("HttpTokens").and_then(as_text) {
                                tokens =
                                    Some(if t == "required" { HttpTokens::Required } else { HttpTokens::Optional });
                            }
                            if let Some(e) = opts.get("HttpEndpoint").and_then(as_text) {
                                endpoint = Some(if e == "disabled" { Toggle::Disabled } else { Toggle::Enabled });
                            }
                        }
                        Ok(None) => {}
                        Err(why) => {
                            b.unresolved(r, &["LaunchTemplate", "MetadataOptions"], &why);
                            tokens = None;
                        }
                    }
                }
            }
            None => {
                b.unresolved(r, &["LaunchTemplate"], "a launch template outside this template");
                tokens = None;
            }
        }
    }
    let security_group_ids = match b.read(r, &["SecurityGroupIds"]) {
        Ok(Some(v)) => super::as_texts(&v),
        _ => Vec::new(),
    };
    let subnet_id = b.text(r, &["SubnetId"]).ok().flatten();
    b.inv.ec2.instances.push(Instance {
        arn: r.arn.clone(),
        id: r.reference.clone(),
        region: b.ctx.region.clone(),
        state: None,
        vpc_id: None,
        subnet_id,
        public_ip: None,
        metadata_http_tokens: tokens,
        metadata_endpoint: endpoint,
        instance_profile_arn: None,
        security_group_ids,
        launched: None,
        tags: Default::default(),
        location: Some(r.location.clone()),
    });
    // Block device mappings are volumes the instance creates.
    if let Ok(Some(Json::Array(mappings))) = b.read(r, &["BlockDeviceMappings"]) {
        for m in mappings {
            let Some(ebs) = m.get("Ebs") else { continue };
            let device = m.get("DeviceName").and_then(as_text).unwrap_or_default();
            let id = format!("vol-{}{}", r.logical, device.replace('/', "-"));
            let arn = format!("arn:aws:ec2:{}:{}:volume/{id}", b.ctx.region, b.ctx.account);
            b.synthetic.insert(arn.clone());
            b.inv.ec2.volumes.push(Volume {
                arn,
                id,
                region: b.ctx.region.clone(),
                encrypted: Some(ebs.get("Encrypted").and_then(as_bool).unwrap_or(false)),
                kms_key_id: ebs.get("KmsKeyId").and_then(as_text),
                size_gib: ebs.get("VolumeSize").and_then(as_text).and_then(|t| t.parse().ok()),
                state: None,
                attached_instance_ids: vec![r.reference.clone()],
                tags: Default::default(),
                location: Some(r.location.clone()),
            });
        }
    }
}

fn launch_template_props(b: &Builder<'_>, _logical: &str) -> Option<Json> {
    b.launch_templates.get(_logical).cloned()
}

/// `AWS::EC2::Volume`: unencrypted unless `Encrypted` says otherwise (the account's EBS
/// encryption by default is outside the template).
pub fn volume(b: &mut Builder<'_>, r: &Res<'_>) {
    let encrypted = b.flag(r, &["Encrypted"], false);
    let kms_key_id = b.text(r, &["KmsKeyId"]).ok().flatten();
    let size_gib = b.int(r, &["Size"]).ok().flatten().and_then(|n| i32::try_from(n).ok());
    b.inv.ec2.volumes.push(Volume {
        arn: r.arn.clone(),
        id: r.reference.clone(),
        region: b.ctx.region.clone(),
        encrypted,
        kms_key_id,
        size_gib,
        state: None,
        attached_instance_ids: Vec::new(),
        tags: Default::default(),
        location: Some(r.location.clone()),
    });
}
