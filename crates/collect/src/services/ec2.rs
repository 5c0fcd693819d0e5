//! EC2 and VPC of one region: EBS defaults, networks and subnets, firewalls, instances, volumes,
//! public snapshots, images, transit gateways and Site-to-Site VPN connections. Every read is one paginated describe of the region, and they run
//! concurrently; nothing is read per item.
use crate::compat;
use crate::errors::{classify, Classified};
use crate::unit::{client, Unit};
use aws_sdk_ec2::types as sdk;
use aws_sdk_ec2::Client;
use wasp_model::ec2::{
    EbsDefaults, FlowLog, FlowLogStatus, HttpTokens, Image, Instance, InstanceState, NaclEntry, NetworkAcl, Protocol,
    RuleAction, SecurityGroup, SgRule, Snapshot, Subnet, Toggle, TrafficType, TransitGateway, Volume, VolumeState, Vpc,
    VpnConnection, VpnTunnel,
};
use wasp_model::{GapKind, Inventory, Tags, Timestamp};

/// Reads every page of a paginated call, handing each page to `$body`; stops at the first
/// failure, which is recorded as a gap (what was read before it is kept).
macro_rules! each_page {
    ($unit:expr, $op:expr, $stream:expr, |$page:ident| $body:block) => {{
        let mut stream = $stream;
        while let Some(page) = stream.next().await {
            match $unit.read($op, page) {
                $crate::unit::Read::Ok($page) => $body,
                _ => break,
            }
        }
    }};
}

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let ec2 = client!(aws_sdk_ec2, unit);
    collect_with(unit, &ec2, part).await;
}

async fn collect_with(unit: &Unit, ec2: &Client, part: &mut Inventory) {
    // The first call doubles as a probe: in a region the account cannot use, every call
    // would fail the same way, so one gap says it all.
    let result = ec2.get_ebs_encryption_by_default().send().await;
    let region_disabled = matches!(
        &result,
        Err(err) if matches!(
            classify("GetEbsEncryptionByDefault", err),
            Classified::Gap { kind: GapKind::RegionDisabled, .. }
        )
    );
    let encryption = unit.read("GetEbsEncryptionByDefault", result).ok();
    if region_disabled {
        return;
    }
    let ebs_defaults = encryption
        .and_then(|e| e.ebs_encryption_by_default())
        .map(|enabled| EbsDefaults { encryption_by_default: enabled });
    let (vpcs, security_groups, network_acls, flow_logs, (instances, volumes), (public_snapshots, images)) = futures::join!(
        vpcs(unit, ec2),
        security_groups(unit, ec2),
        network_acls(unit, ec2),
        flow_logs(unit, ec2),
        futures::future::join(instances(unit, ec2), volumes(unit, ec2)),
        futures::future::join(public_snapshots(unit, ec2), images(unit, ec2)),
    );
    let (subnets, transit_gateways, vpn_connections) =
        futures::join!(subnets(unit, ec2), transit_gateways(unit, ec2), vpn_connections(unit, ec2));
    let t = &mut part.ec2;
    if let Some(defaults) = ebs_defaults {
        t.ebs_defaults.insert(unit.region.clone(), defaults);
    }
    t.vpcs = vpcs;
    t.security_groups = security_groups;
    t.network_acls = network_acls;
    t.flow_logs = flow_logs;
    t.instances = instances;
    t.volumes = volumes;
    if let Some(public) = public_snapshots {
        t.public_snapshots.insert(unit.region.clone(), public);
    }
    t.images = images;
    t.subnets = subnets;
    t.transit_gateways = transit_gateways;
    t.vpn_connections = vpn_connections;
}

async fn subnets(unit: &Unit, ec2: &Client) -> Vec<Subnet> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeSubnets", ec2.describe_subnets().into_paginator().send(), |page| {
        out.extend(page.subnets().iter().filter_map(|s| {
            let id = s.subnet_id()?.to_owned();
            Some(Subnet {
                arn: s.subnet_arn().map_or_else(|| unit.arn("ec2", &format!("subnet/{id}")), str::to_owned),
                region: unit.region.clone(),
                vpc_id: owned(s.vpc_id()),
                map_public_ip_on_launch: s.map_public_ip_on_launch(),
                default_for_az: s.default_for_az(),
                id,
                location: None,
            })
        }));
    });
    out
}

async fn transit_gateways(unit: &Unit, ec2: &Client) -> Vec<TransitGateway> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeTransitGateways", ec2.describe_transit_gateways().into_paginator().send(), |page| {
        out.extend(page.transit_gateways().iter().filter_map(|t| {
            let id = t.transit_gateway_id()?.to_owned();
            Some(TransitGateway {
                arn: t
                    .transit_gateway_arn()
                    .map_or_else(|| unit.arn("ec2", &format!("transit-gateway/{id}")), str::to_owned),
                region: unit.region.clone(),
                state: t.state().map(|s| s.as_str().to_owned()),
                auto_accept_shared_attachments: t
                    .options()
                    .and_then(|o| o.auto_accept_shared_attachments())
                    .map(|v| *v == sdk::AutoAcceptSharedAttachmentsValue::Enable),
                id,
                location: None,
            })
        }));
    });
    out
}

/// Site-to-Site VPN connections (one unpaginated call). The answer carries each tunnel's
/// pre-shared key and the customer gateway configuration; neither is kept.
async fn vpn_connections(unit: &Unit, ec2: &Client) -> Vec<VpnConnection> {
    let answer = ec2.describe_vpn_connections().send().await;
    let Some(out) = unit.read("DescribeVpnConnections", answer).ok() else { return Vec::new() };
    out.vpn_connections()
        .iter()
        .filter_map(|v| {
            let id = v.vpn_connection_id()?.to_owned();
            Some(VpnConnection {
                arn: unit.arn("ec2", &format!("vpn-connection/{id}")),
                region: unit.region.clone(),
                state: v.state().map(|s| s.as_str().to_owned()),
                tunnels: v.options().map(|o| {
                    o.tunnel_options()
                        .iter()
                        .map(|t| VpnTunnel {
                            outside_ip: owned(t.outside_ip_address()),
                            ike_versions: t.ike_versions().iter().filter_map(|i| owned(i.value())).collect(),
                            log_enabled: t
                                .log_options()
                                .and_then(|l| l.cloud_watch_log_options())
                                .and_then(|c| c.log_enabled()),
                        })
                        .collect()
                }),
                id,
                location: None,
            })
        })
        .collect()
}

fn tags(tags: &[sdk::Tag]) -> Tags {
    tags.iter().filter_map(|t| Some((t.key()?.to_owned(), t.value().unwrap_or_default().to_owned()))).collect()
}

fn timestamp(t: &aws_smithy_types::DateTime) -> Option<Timestamp> {
    chrono::DateTime::from_timestamp(t.secs(), t.subsec_nanos())
}

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::to_owned)
}

async fn vpcs(unit: &Unit, ec2: &Client) -> Vec<Vpc> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeVpcs", ec2.describe_vpcs().into_paginator().send(), |page| {
        out.extend(page.vpcs().iter().filter_map(|v| {
            let id = v.vpc_id()?.to_owned();
            Some(Vpc {
                arn: unit.arn("ec2", &format!("vpc/{id}")),
                region: unit.region.clone(),
                cidr_block: owned(v.cidr_block()),
                is_default: v.is_default(),
                tags: tags(v.tags()),
                id,
                location: None,
            })
        }));
    });
    out
}

/// One rule per source of a permission: each IPv4 range, IPv6 range, security group and
/// prefix list. A permission whose protocol AWS left out or wasp cannot read is not guessed:
/// it is recorded as a gap about the group.
fn sg_rules(unit: &Unit, arn: &str, permissions: &[sdk::IpPermission]) -> Vec<SgRule> {
    let mut rules = Vec::new();
    for p in permissions {
        let Some(protocol) = p.ip_protocol().and_then(Protocol::parse) else {
            let reason = format!("a rule has an unreadable protocol {:?}", p.ip_protocol().unwrap_or_default());
            unit.gap("DescribeSecurityGroups", GapKind::Other, reason, Some(arn));
            continue;
        };
        let (from_port, to_port) = (p.from_port(), p.to_port());
        let sources = p
            .ip_ranges()
            .iter()
            .filter_map(|r| r.cidr_ip())
            .chain(p.ipv6_ranges().iter().filter_map(|r| r.cidr_ipv6()))
            .chain(p.user_id_group_pairs().iter().filter_map(|g| g.group_id()))
            .chain(p.prefix_list_ids().iter().filter_map(|l| l.prefix_list_id()));
        rules.extend(sources.map(|source| SgRule { protocol, from_port, to_port, source: source.to_owned() }));
    }
    rules
}

async fn security_groups(unit: &Unit, ec2: &Client) -> Vec<SecurityGroup> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeSecurityGroups", ec2.describe_security_groups().into_paginator().send(), |page| {
        out.extend(page.security_groups().iter().filter_map(|g| {
            let id = g.group_id()?.to_owned();
            let arn =
                g.security_group_arn().map_or_else(|| unit.arn("ec2", &format!("security-group/{id}")), str::to_owned);
            Some(SecurityGroup {
                ingress: sg_rules(unit, &arn, g.ip_permissions()),
                egress: sg_rules(unit, &arn, g.ip_permissions_egress()),
                arn,
                name: g.group_name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                vpc_id: owned(g.vpc_id()),
                tags: tags(g.tags()),
                id,
                location: None,
            })
        }));
    });
    out
}

async fn network_acls(unit: &Unit, ec2: &Client) -> Vec<NetworkAcl> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeNetworkAcls", ec2.describe_network_acls().into_paginator().send(), |page| {
        out.extend(page.network_acls().iter().filter_map(|acl| {
            let id = acl.network_acl_id()?.to_owned();
            let arn = unit.arn("ec2", &format!("network-acl/{id}"));
            Some(NetworkAcl {
                entries: acl.entries().iter().filter_map(|e| nacl_entry(unit, &arn, e)).collect(),
                arn,
                region: unit.region.clone(),
                vpc_id: acl.vpc_id().unwrap_or_default().to_owned(),
                is_default: acl.is_default(),
                id,
                location: None,
            })
        }));
    });
    out
}

/// A network ACL entry; one AWS describes without a number, action, protocol or direction
/// is not guessed but recorded as a gap about the ACL.
fn nacl_entry(unit: &Unit, arn: &str, e: &sdk::NetworkAclEntry) -> Option<NaclEntry> {
    let action = match e.rule_action() {
        Some(sdk::RuleAction::Allow) => Some(RuleAction::Allow),
        Some(sdk::RuleAction::Deny) => Some(RuleAction::Deny),
        _ => None,
    };
    let cidr = e.cidr_block().or(e.ipv6_cidr_block());
    match (e.rule_number(), e.egress(), action, e.protocol().and_then(Protocol::parse), cidr) {
        (Some(rule_number), Some(egress), Some(action), Some(protocol), Some(cidr)) => Some(NaclEntry {
            rule_number,
            egress,
            action,
            protocol,
            cidr: cidr.to_owned(),
            from_port: e.port_range().and_then(|r| r.from()),
            to_port: e.port_range().and_then(|r| r.to()),
        }),
        _ => {
            let reason = format!("an entry could not be read: {e:?}");
            unit.gap("DescribeNetworkAcls", GapKind::Other, reason, Some(arn));
            None
        }
    }
}

async fn flow_logs(unit: &Unit, ec2: &Client) -> Vec<FlowLog> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeFlowLogs", ec2.describe_flow_logs().into_paginator().send(), |page| {
        out.extend(page.flow_logs().iter().filter_map(|f| {
            let id = f.flow_log_id()?.to_owned();
            Some(FlowLog {
                arn: unit.arn("ec2", &format!("vpc-flow-log/{id}")),
                region: unit.region.clone(),
                resource_id: f.resource_id().unwrap_or_default().to_owned(),
                traffic_type: match f.traffic_type() {
                    Some(sdk::TrafficType::All) => Some(TrafficType::All),
                    Some(sdk::TrafficType::Accept) => Some(TrafficType::Accept),
                    Some(sdk::TrafficType::Reject) => Some(TrafficType::Reject),
                    _ => None,
                },
                status: f.flow_log_status().map(|s| {
                    if s.eq_ignore_ascii_case("ACTIVE") {
                        FlowLogStatus::Active
                    } else {
                        FlowLogStatus::Inactive
                    }
                }),
                id,
                location: None,
            })
        }));
    });
    out
}

fn instance(unit: &Unit, i: &sdk::Instance) -> Option<Instance> {
    let id = i.instance_id()?.to_owned();
    let metadata = i.metadata_options();
    Some(Instance {
        arn: unit.arn("ec2", &format!("instance/{id}")),
        region: unit.region.clone(),
        state: i.state().and_then(|s| s.name()).and_then(|n| match n {
            sdk::InstanceStateName::Pending => Some(InstanceState::Pending),
            sdk::InstanceStateName::Running => Some(InstanceState::Running),
            sdk::InstanceStateName::ShuttingDown => Some(InstanceState::ShuttingDown),
            sdk::InstanceStateName::Terminated => Some(InstanceState::Terminated),
            sdk::InstanceStateName::Stopping => Some(InstanceState::Stopping),
            sdk::InstanceStateName::Stopped => Some(InstanceState::Stopped),
            _ => None,
        }),
        vpc_id: owned(i.vpc_id()),
        subnet_id: owned(i.subnet_id()),
        public_ip: owned(i.public_ip_address()),
        metadata_http_tokens: metadata.and_then(|m| m.http_tokens()).and_then(|t| match t {
            sdk::HttpTokensState::Required => Some(HttpTokens::Required),
            sdk::HttpTokensState::Optional => Some(HttpTokens::Optional),
            _ => None,
        }),
        metadata_endpoint: metadata.and_then(|m| m.http_endpoint()).and_then(|e| match e {
            sdk::InstanceMetadataEndpointState::Enabled => Some(Toggle::Enabled),
            sdk::InstanceMetadataEndpointState::Disabled => Some(Toggle::Disabled),
            _ => None,
        }),
        instance_profile_arn: i.iam_instance_profile().and_then(|p| owned(p.arn())),
        security_group_ids: i.security_groups().iter().filter_map(|g| owned(g.group_id())).collect(),
        launched: i.launch_time().and_then(timestamp),
        tags: tags(i.tags()),
        id,
        location: None,
    })
}

async fn instances(unit: &Unit, ec2: &Client) -> Vec<Instance> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeInstances", ec2.describe_instances().into_paginator().send(), |page| {
        for reservation in page.reservations() {
            out.extend(reservation.instances().iter().filter_map(|i| instance(unit, i)));
        }
    });
    out
}

async fn volumes(unit: &Unit, ec2: &Client) -> Vec<Volume> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeVolumes", ec2.describe_volumes().into_paginator().send(), |page| {
        out.extend(page.volumes().iter().filter_map(|v| {
            let id = v.volume_id()?.to_owned();
            Some(Volume {
                arn: v.volume_arn().map_or_else(|| unit.arn("ec2", &format!("volume/{id}")), str::to_owned),
                region: unit.region.clone(),
                encrypted: v.encrypted(),
                kms_key_id: owned(v.kms_key_id()),
                size_gib: v.size(),
                state: v.state().and_then(|s| match s {
                    sdk::VolumeState::Creating => Some(VolumeState::Creating),
                    sdk::VolumeState::Available => Some(VolumeState::Available),
                    sdk::VolumeState::InUse => Some(VolumeState::InUse),
                    sdk::VolumeState::Deleting => Some(VolumeState::Deleting),
                    sdk::VolumeState::Deleted => Some(VolumeState::Deleted),
                    sdk::VolumeState::Error => Some(VolumeState::Error),
                    _ => None,
                }),
                attached_instance_ids: v.attachments().iter().filter_map(|a| owned(a.instance_id())).collect(),
                tags: tags(v.tags()),
                id,
                location: None,
            })
        }));
    });
    out
}

/// Snapshot and image ARNs carry no account id (`arn:aws:ec2:us-east-1::snapshot/snap-1`),
/// as AWS writes them.
fn accountless_arn(unit: &Unit, resource: &str) -> String {
    format!("arn:{}:ec2:{}::{resource}", unit.shared.partition, unit.region)
}

/// The account's public snapshots: one paginated `DescribeSnapshots` owned by `self` and
/// restorable by `all`, which AWS answers with the public snapshots alone. `None` when the
/// region's list could not be read completely.
async fn public_snapshots(unit: &Unit, ec2: &Client) -> Option<Vec<Snapshot>> {
    let mut out = Vec::new();
    let request = ec2.describe_snapshots().owner_ids("self").restorable_by_user_ids("all").into_paginator().send();
    let mut pages = request;
    while let Some(page) = pages.next().await {
        let page = unit.read("DescribeSnapshots", page).ok()?;
        for s in page.snapshots() {
            let Some(id) = s.snapshot_id() else { continue };
            if compat::is_foreign(s.owner_id(), unit.account_id()) {
                continue;
            }
            out.push(Snapshot {
                arn: accountless_arn(unit, &format!("snapshot/{id}")),
                id: id.to_owned(),
                region: unit.region.clone(),
                encrypted: s.encrypted(),
                volume_id: owned(s.volume_id()),
                started: s.start_time().and_then(timestamp),
                location: None,
            });
        }
    }
    Some(out)
}

async fn images(unit: &Unit, ec2: &Client) -> Vec<Image> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeImages", ec2.describe_images().owners("self").into_paginator().send(), |page| {
        out.extend(page.images().iter().filter_map(|i| {
            let id = i.image_id()?.to_owned();
            Some(Image {
                arn: accountless_arn(unit, &format!("image/{id}")),
                region: unit.region.clone(),
                name: owned(i.name()),
                public: i.public(),
                id,
                location: None,
            })
        }));
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::Shared;
    use aws_sdk_ec2::operation::describe_snapshots::{DescribeSnapshotsError, DescribeSnapshotsOutput};
    use aws_sdk_ec2::operation::get_ebs_encryption_by_default::{
        GetEbsEncryptionByDefaultError, GetEbsEncryptionByDefaultOutput,
    };
    use aws_smithy_mocks::{create_mock_http_client, mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::Service;

    fn unit(inner_concurrency: usize) -> Unit {
        let shared = Shared { inner_concurrency, ..Shared::for_tests(&["us-east-1"]) };
        Unit::new(Arc::new(shared), Service::Ec2, "us-east-1".into())
    }

    /// An EC2 client of the unit answered by `rules`; any other call gets an HTTP 418.
    fn mocked(unit: &Unit, rules: &[&Rule]) -> Client {
        let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny).allow_passthrough();
        for rule in rules {
            mocks = mocks.with_rule(rule);
        }
        client!(aws_sdk_ec2, unit, "us-east-1", |b| b
            .behavior_version(aws_sdk_ec2::config::BehaviorVersion::latest())
            .credentials_provider(aws_sdk_ec2::config::Credentials::new("a", "b", None, None, "test"))
            .http_client(create_mock_http_client())
            .interceptor(mocks))
    }

    fn error(code: &str) -> ErrorMetadata {
        ErrorMetadata::builder().code(code).message("m").build()
    }

    #[tokio::test]
    async fn a_region_not_opted_in_costs_one_call_and_one_gap() {
        let unit = unit(4);
        let opt_in = mock!(Client::get_ebs_encryption_by_default)
            .then_error(|| GetEbsEncryptionByDefaultError::generic(error("OptInRequired")));
        let ec2 = mocked(&unit, &[&opt_in]);
        let mut part = Inventory::default();
        collect_with(&unit, &ec2, &mut part).await;

        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!(gaps[0].kind, GapKind::RegionDisabled);
        assert_eq!(unit.shared.calls.total(), 1);
        assert!(part.ec2.ebs_defaults.is_empty());
    }

    #[tokio::test]
    async fn public_snapshots_cost_one_call_and_foreign_ones_stay_out() {
        let unit = unit(1);
        let defaults = mock!(Client::get_ebs_encryption_by_default)
            .then_output(|| GetEbsEncryptionByDefaultOutput::builder().ebs_encryption_by_default(false).build());
        // AWS answers this request with the public snapshots alone.
        let snapshots = mock!(Client::describe_snapshots)
            .match_requests(|r| r.owner_ids() == ["self"] && r.restorable_by_user_ids() == ["all"])
            .then_output(|| {
                let snapshot = |id: &str, owner: &str| {
                    sdk::Snapshot::builder().snapshot_id(id).owner_id(owner).encrypted(false).build()
                };
                DescribeSnapshotsOutput::builder()
                    .snapshots(snapshot("snap-public", "123456789012"))
                    .snapshots(snapshot("snap-amazon", "801119661308"))
                    .build()
            });
        let ec2 = mocked(&unit, &[&defaults, &snapshots]);
        let mut part = Inventory::default();
        collect_with(&unit, &ec2, &mut part).await;

        assert_eq!(snapshots.num_calls(), 1);
        let public = &part.ec2.public_snapshots["us-east-1"];
        let ids: Vec<&str> = public.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["snap-public"], "foreign snapshots stay out of the inventory");
        assert_eq!(public[0].arn, "arn:aws:ec2:us-east-1::snapshot/snap-public");
        assert_eq!(public[0].encrypted, Some(false));
        assert!(!part.ec2.ebs_defaults["us-east-1"].encryption_by_default);
        let calls = unit.shared.calls.rows();
        assert!(calls.iter().all(|c| c.operation != "DescribeSnapshotAttribute"));
    }

    #[tokio::test]
    async fn an_unread_snapshot_list_is_unknown_not_empty() {
        let unit = unit(1);
        let defaults = mock!(Client::get_ebs_encryption_by_default)
            .then_output(|| GetEbsEncryptionByDefaultOutput::builder().ebs_encryption_by_default(true).build());
        let denied = mock!(Client::describe_snapshots)
            .then_error(|| DescribeSnapshotsError::generic(error("UnauthorizedOperation")));
        let ec2 = mocked(&unit, &[&defaults, &denied]);
        let mut part = Inventory::default();
        collect_with(&unit, &ec2, &mut part).await;

        assert!(!part.ec2.public_snapshots.contains_key("us-east-1"));
        let gaps: Vec<_> = unit.take_gaps().into_iter().filter(|g| g.operation == "DescribeSnapshots").collect();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!(gaps[0].kind, GapKind::AccessDenied);
    }

    #[test]
    fn security_group_permissions_flatten_to_one_rule_per_source() {
        let permission = sdk::IpPermission::builder()
            .ip_protocol("tcp")
            .from_port(22)
            .to_port(22)
            .ip_ranges(sdk::IpRange::builder().cidr_ip("0.0.0.0/0").build())
            .ip_ranges(sdk::IpRange::builder().cidr_ip("10.0.0.0/8").build())
            .ipv6_ranges(sdk::Ipv6Range::builder().cidr_ipv6("::/0").build())
            .user_id_group_pairs(sdk::UserIdGroupPair::builder().group_id("sg-1").build())
            .prefix_list_ids(sdk::PrefixListId::builder().prefix_list_id("pl-1").build())
            .build();
        let all = sdk::IpPermission::builder()
            .ip_protocol("-1")
            .ip_ranges(sdk::IpRange::builder().cidr_ip("1.2.3.4/32").build())
            .build();
        let odd = sdk::IpPermission::builder()
            .ip_protocol("bogus")
            .ip_ranges(sdk::IpRange::builder().cidr_ip("0.0.0.0/0").build())
            .build();
        let unit = unit(1);
        let rules = sg_rules(&unit, "arn:sg", &[permission, all, odd]);
        let sources: Vec<&str> = rules.iter().map(|r| r.source.as_str()).collect();
        assert_eq!(sources, ["0.0.0.0/0", "10.0.0.0/8", "::/0", "sg-1", "pl-1", "1.2.3.4/32"]);
        assert!(rules[..5]
            .iter()
            .all(|r| r.protocol == Protocol::Tcp && r.from_port == Some(22) && r.to_port == Some(22)));
        assert!(rules[5].all_traffic() && rules[5].from_port.is_none());
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "an unreadable rule is a gap, not a guess");
        assert_eq!(gaps[0].resource.as_deref(), Some("arn:sg"));
    }
}
