//! EC2 and VPC of one region: EBS defaults, networks, firewalls, instances, volumes, snapshots
//! and images. The independent describes of the region run concurrently; the only per-item
//! call is `DescribeSnapshotAttribute`, for snapshots the account owns, under the unit's
//! inner concurrency.
use crate::errors::{classify, Classified};
use crate::unit::{client, Unit};
use aws_sdk_ec2::types as sdk;
use aws_sdk_ec2::Client;
use futures::StreamExt;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasp_model::ec2::{
    EbsDefaults, FlowLog, Gateway, Image, Instance, NaclEntry, NetworkAcl, Route, RouteTable, SecurityGroup, SgRule,
    Snapshot, Subnet, Volume, Vpc, VpcEndpoint,
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
    let ebs_defaults = async {
        let enabled = encryption?.ebs_encryption_by_default()?;
        let key = unit.read("GetEbsDefaultKmsKeyId", ec2.get_ebs_default_kms_key_id().send().await);
        let kms_key_id = key.ok().and_then(|k| k.kms_key_id().map(str::to_owned));
        Some(EbsDefaults { encryption_by_default: enabled, kms_key_id })
    };
    let (
        ebs_defaults,
        vpcs,
        subnets,
        route_tables,
        internet_gateways,
        nat_gateways,
        security_groups,
        network_acls,
        (flow_logs, vpc_endpoints),
        (instances, volumes),
        (snapshots, images),
    ) = futures::join!(
        ebs_defaults,
        vpcs(unit, ec2),
        subnets(unit, ec2),
        route_tables(unit, ec2),
        internet_gateways(unit, ec2),
        nat_gateways(unit, ec2),
        security_groups(unit, ec2),
        network_acls(unit, ec2),
        futures::future::join(flow_logs(unit, ec2), vpc_endpoints(unit, ec2)),
        futures::future::join(instances(unit, ec2), volumes(unit, ec2)),
        futures::future::join(snapshots(unit, ec2), images(unit, ec2)),
    );
    let t = &mut part.ec2;
    if let Some(defaults) = ebs_defaults {
        t.ebs_defaults.insert(unit.region.clone(), defaults);
    }
    t.vpcs = vpcs;
    t.subnets = subnets;
    t.route_tables = route_tables;
    t.internet_gateways = internet_gateways;
    t.nat_gateways = nat_gateways;
    t.security_groups = security_groups;
    t.network_acls = network_acls;
    t.flow_logs = flow_logs;
    t.vpc_endpoints = vpc_endpoints;
    t.instances = instances;
    t.volumes = volumes;
    t.snapshots = snapshots;
    t.images = images;
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
                is_default: v.is_default().unwrap_or(false),
                tags: tags(v.tags()),
                id,
                location: None,
            })
        }));
    });
    out
}

async fn subnets(unit: &Unit, ec2: &Client) -> Vec<Subnet> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeSubnets", ec2.describe_subnets().into_paginator().send(), |page| {
        out.extend(page.subnets().iter().filter_map(|s| {
            let id = s.subnet_id()?.to_owned();
            Some(Subnet {
                arn: s.subnet_arn().map_or_else(|| unit.arn("ec2", &format!("subnet/{id}")), str::to_owned),
                region: unit.region.clone(),
                vpc_id: s.vpc_id().unwrap_or_default().to_owned(),
                cidr_block: owned(s.cidr_block()),
                map_public_ip_on_launch: s.map_public_ip_on_launch().unwrap_or(false),
                id,
                location: None,
            })
        }));
    });
    out
}

/// The target of a route: whichever of the target fields is set.
fn route_target(r: &sdk::Route) -> String {
    [
        r.gateway_id(),
        r.nat_gateway_id(),
        r.transit_gateway_id(),
        r.vpc_peering_connection_id(),
        r.egress_only_internet_gateway_id(),
        r.network_interface_id(),
        r.instance_id(),
        r.local_gateway_id(),
        r.carrier_gateway_id(),
        r.core_network_arn(),
    ]
    .into_iter()
    .flatten()
    .next()
    .unwrap_or_default()
    .to_owned()
}

async fn route_tables(unit: &Unit, ec2: &Client) -> Vec<RouteTable> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeRouteTables", ec2.describe_route_tables().into_paginator().send(), |page| {
        out.extend(page.route_tables().iter().filter_map(|rt| {
            let id = rt.route_table_id()?.to_owned();
            let associations = rt.associations();
            Some(RouteTable {
                arn: unit.arn("ec2", &format!("route-table/{id}")),
                region: unit.region.clone(),
                vpc_id: rt.vpc_id().unwrap_or_default().to_owned(),
                main: associations.iter().any(|a| a.main() == Some(true)),
                subnet_ids: associations.iter().filter_map(|a| owned(a.subnet_id())).collect(),
                routes: rt
                    .routes()
                    .iter()
                    .filter_map(|r| {
                        let destination = r
                            .destination_cidr_block()
                            .or(r.destination_ipv6_cidr_block())
                            .or(r.destination_prefix_list_id())?;
                        Some(Route { destination: destination.to_owned(), target: route_target(r) })
                    })
                    .collect(),
                id,
                location: None,
            })
        }));
    });
    out
}

async fn internet_gateways(unit: &Unit, ec2: &Client) -> Vec<Gateway> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeInternetGateways", ec2.describe_internet_gateways().into_paginator().send(), |page| {
        out.extend(page.internet_gateways().iter().filter_map(|g| {
            let id = g.internet_gateway_id()?.to_owned();
            Some(Gateway {
                arn: unit.arn("ec2", &format!("internet-gateway/{id}")),
                region: unit.region.clone(),
                vpc_id: g.attachments().iter().find_map(|a| owned(a.vpc_id())),
                id,
                location: None,
            })
        }));
    });
    out
}

async fn nat_gateways(unit: &Unit, ec2: &Client) -> Vec<Gateway> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeNatGateways", ec2.describe_nat_gateways().into_paginator().send(), |page| {
        out.extend(page.nat_gateways().iter().filter_map(|g| {
            let id = g.nat_gateway_id()?.to_owned();
            Some(Gateway {
                arn: unit.arn("ec2", &format!("natgateway/{id}")),
                region: unit.region.clone(),
                vpc_id: owned(g.vpc_id()),
                id,
                location: None,
            })
        }));
    });
    out
}

/// One rule per source of a permission: each IPv4 range, IPv6 range, security group and
/// prefix list.
fn sg_rules(permissions: &[sdk::IpPermission]) -> Vec<SgRule> {
    let mut rules = Vec::new();
    for p in permissions {
        let protocol = p.ip_protocol().unwrap_or("-1").to_owned();
        let (from_port, to_port) = (p.from_port(), p.to_port());
        let sources = p
            .ip_ranges()
            .iter()
            .filter_map(|r| r.cidr_ip())
            .chain(p.ipv6_ranges().iter().filter_map(|r| r.cidr_ipv6()))
            .chain(p.user_id_group_pairs().iter().filter_map(|g| g.group_id()))
            .chain(p.prefix_list_ids().iter().filter_map(|l| l.prefix_list_id()));
        rules.extend(sources.map(|source| SgRule {
            protocol: protocol.clone(),
            from_port,
            to_port,
            source: source.to_owned(),
        }));
    }
    rules
}

async fn security_groups(unit: &Unit, ec2: &Client) -> Vec<SecurityGroup> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeSecurityGroups", ec2.describe_security_groups().into_paginator().send(), |page| {
        out.extend(page.security_groups().iter().filter_map(|g| {
            let id = g.group_id()?.to_owned();
            Some(SecurityGroup {
                arn: g
                    .security_group_arn()
                    .map_or_else(|| unit.arn("ec2", &format!("security-group/{id}")), str::to_owned),
                name: g.group_name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                vpc_id: owned(g.vpc_id()),
                ingress: sg_rules(g.ip_permissions()),
                egress: sg_rules(g.ip_permissions_egress()),
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
            Some(NetworkAcl {
                arn: unit.arn("ec2", &format!("network-acl/{id}")),
                region: unit.region.clone(),
                vpc_id: acl.vpc_id().unwrap_or_default().to_owned(),
                is_default: acl.is_default().unwrap_or(false),
                entries: acl
                    .entries()
                    .iter()
                    .filter_map(|e| {
                        Some(NaclEntry {
                            rule_number: e.rule_number()?,
                            egress: e.egress().unwrap_or(false),
                            action: e.rule_action()?.as_str().to_owned(),
                            protocol: e.protocol().unwrap_or("-1").to_owned(),
                            cidr: e.cidr_block().or(e.ipv6_cidr_block())?.to_owned(),
                            from_port: e.port_range().and_then(|r| r.from()),
                            to_port: e.port_range().and_then(|r| r.to()),
                        })
                    })
                    .collect(),
                id,
                location: None,
            })
        }));
    });
    out
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
                traffic_type: f.traffic_type().map(|t| t.as_str().to_owned()).unwrap_or_default(),
                status: f.flow_log_status().unwrap_or_default().to_owned(),
                id,
                location: None,
            })
        }));
    });
    out
}

async fn vpc_endpoints(unit: &Unit, ec2: &Client) -> Vec<VpcEndpoint> {
    let mut out = Vec::new();
    each_page!(unit, "DescribeVpcEndpoints", ec2.describe_vpc_endpoints().into_paginator().send(), |page| {
        out.extend(page.vpc_endpoints().iter().filter_map(|e| {
            let id = e.vpc_endpoint_id()?.to_owned();
            Some(VpcEndpoint {
                arn: unit.arn("ec2", &format!("vpc-endpoint/{id}")),
                region: unit.region.clone(),
                vpc_id: e.vpc_id().unwrap_or_default().to_owned(),
                service_name: e.service_name().unwrap_or_default().to_owned(),
                endpoint_type: e.vpc_endpoint_type().map(|t| t.as_str().to_owned()).unwrap_or_default(),
                policy: e.policy_document().and_then(|p| serde_json::from_str(p).ok()),
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
        state: i.state().and_then(|s| s.name()).map(|n| n.as_str().to_owned()).unwrap_or_default(),
        vpc_id: owned(i.vpc_id()),
        subnet_id: owned(i.subnet_id()),
        public_ip: owned(i.public_ip_address()),
        metadata_http_tokens: metadata.and_then(|m| m.http_tokens()).map(|t| t.as_str().to_owned()),
        metadata_endpoint: metadata.and_then(|m| m.http_endpoint()).map(|e| e.as_str().to_owned()),
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
                encrypted: v.encrypted().unwrap_or(false),
                kms_key_id: owned(v.kms_key_id()),
                size_gib: v.size(),
                state: v.state().map(|s| s.as_str().to_owned()).unwrap_or_default(),
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

async fn snapshots(unit: &Unit, ec2: &Client) -> Vec<Snapshot> {
    // Reduced to the model as pages arrive. AWS answers `self` with the account's snapshots
    // alone; endpoints that ignore the filter (moto returns its public catalogue) must neither
    // put foreign snapshots in the inventory nor cost a call per foreign snapshot.
    let mut out = Vec::new();
    let request = ec2.describe_snapshots().owner_ids("self").into_paginator().send();
    each_page!(unit, "DescribeSnapshots", request, |page| {
        for s in page.snapshots() {
            let Some(id) = s.snapshot_id() else { continue };
            if s.owner_id().is_some_and(|owner| owner != unit.account_id()) {
                continue;
            }
            out.push(Snapshot {
                arn: accountless_arn(unit, &format!("snapshot/{id}")),
                id: id.to_owned(),
                region: unit.region.clone(),
                encrypted: s.encrypted().unwrap_or(false),
                volume_id: owned(s.volume_id()),
                public: None,
                started: s.start_time().and_then(timestamp),
                location: None,
            });
        }
    });
    // After a denial, the same answer is certain for every other snapshot: stop calling.
    let skipped = AtomicUsize::new(0);
    let denied = std::sync::atomic::AtomicBool::new(false);
    let publics: Vec<(usize, Option<bool>)> = futures::stream::iter(0..out.len())
        .map(|index| {
            let (id, arn) = (out[index].id.clone(), out[index].arn.clone());
            let (skipped, denied) = (&skipped, &denied);
            async move {
                if denied.load(Ordering::Relaxed) {
                    skipped.fetch_add(1, Ordering::Relaxed);
                    return (index, None);
                }
                let result = ec2
                    .describe_snapshot_attribute()
                    .snapshot_id(&id)
                    .attribute(sdk::SnapshotAttributeName::CreateVolumePermission)
                    .send()
                    .await;
                if let Err(err) = &result {
                    if let Classified::Gap { kind: GapKind::AccessDenied | GapKind::RegionDisabled, .. } =
                        classify("DescribeSnapshotAttribute", err)
                    {
                        denied.store(true, Ordering::Relaxed);
                    }
                }
                let public = unit.read_for("DescribeSnapshotAttribute", &arn, result).ok().map(|a| {
                    a.create_volume_permissions().iter().any(|p| p.group() == Some(&sdk::PermissionGroup::All))
                });
                (index, public)
            }
        })
        .buffer_unordered(unit.inner_concurrency())
        .collect()
        .await;
    for (index, public) in publics {
        out[index].public = public;
    }
    let skipped = skipped.into_inner();
    if skipped > 0 {
        unit.gap(
            "DescribeSnapshotAttribute",
            GapKind::AccessDenied,
            format!("not called for {skipped} more snapshot(s) after access was denied"),
            None,
        );
    }
    out
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
                public: i.public().unwrap_or(false),
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
    use crate::services::Service;
    use crate::setup::Shared;
    use aws_sdk_ec2::operation::describe_snapshot_attribute::DescribeSnapshotAttributeError;
    use aws_sdk_ec2::operation::describe_snapshots::DescribeSnapshotsOutput;
    use aws_sdk_ec2::operation::get_ebs_encryption_by_default::{
        GetEbsEncryptionByDefaultError, GetEbsEncryptionByDefaultOutput,
    };
    use aws_smithy_mocks::{create_mock_http_client, mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;

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
    async fn snapshot_permissions_stop_after_a_denial_and_skip_foreign_snapshots() {
        let unit = unit(1);
        let defaults = mock!(Client::get_ebs_encryption_by_default)
            .then_output(|| GetEbsEncryptionByDefaultOutput::builder().ebs_encryption_by_default(false).build());
        let snapshots = mock!(Client::describe_snapshots).then_output(|| {
            let snapshot = |id: &str, owner: &str| {
                sdk::Snapshot::builder().snapshot_id(id).owner_id(owner).encrypted(false).build()
            };
            DescribeSnapshotsOutput::builder()
                .snapshots(snapshot("snap-1", "123456789012"))
                .snapshots(snapshot("snap-2", "123456789012"))
                .snapshots(snapshot("snap-3", "123456789012"))
                .snapshots(snapshot("snap-amazon", "801119661308"))
                .build()
        });
        let denied = mock!(Client::describe_snapshot_attribute)
            .then_error(|| DescribeSnapshotAttributeError::generic(error("UnauthorizedOperation")));
        let ec2 = mocked(&unit, &[&defaults, &snapshots, &denied]);
        let mut part = Inventory::default();
        collect_with(&unit, &ec2, &mut part).await;

        assert_eq!(denied.num_calls(), 1);
        let ids: Vec<&str> = part.ec2.snapshots.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["snap-1", "snap-2", "snap-3"], "foreign snapshots stay out of the inventory");
        assert!(part.ec2.snapshots.iter().all(|s| s.public.is_none()));
        assert_eq!(part.ec2.snapshots[0].arn, "arn:aws:ec2:us-east-1::snapshot/snap-1");
        assert!(!part.ec2.ebs_defaults["us-east-1"].encryption_by_default);
        let gaps: Vec<_> =
            unit.take_gaps().into_iter().filter(|g| g.operation == "DescribeSnapshotAttribute").collect();
        assert_eq!(gaps.len(), 2, "{gaps:?}");
        assert_eq!(gaps[0].kind, GapKind::AccessDenied);
        assert_eq!(gaps[0].resource.as_deref(), Some("arn:aws:ec2:us-east-1::snapshot/snap-1"));
        assert_eq!(gaps[1].reason, "not called for 2 more snapshot(s) after access was denied");
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
        let rules = sg_rules(&[permission, all]);
        let sources: Vec<&str> = rules.iter().map(|r| r.source.as_str()).collect();
        assert_eq!(sources, ["0.0.0.0/0", "10.0.0.0/8", "::/0", "sg-1", "pl-1", "1.2.3.4/32"]);
        assert!(rules[..5].iter().all(|r| r.protocol == "tcp" && r.from_port == Some(22) && r.to_port == Some(22)));
        assert!(rules[5].all_traffic() && rules[5].from_port.is_none());
    }

    #[test]
    fn a_route_names_its_target() {
        let route = sdk::Route::builder().destination_cidr_block("0.0.0.0/0").nat_gateway_id("nat-1").build();
        assert_eq!(route_target(&route), "nat-1");
        assert_eq!(route_target(&sdk::Route::builder().build()), "");
    }
}
