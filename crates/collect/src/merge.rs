//! Merging unit fragments into one inventory, and a stable order for the result.
use wasp_model::{ApiCallCount, Gap, GapKind, Inventory, Service};

/// Moves everything of `part` into `into`. Destructures every field, so a new model field
/// cannot be forgotten here.
pub(crate) fn absorb(into: &mut Inventory, part: Inventory) {
    let Inventory {
        schema_version: _,
        account_id: _,
        partition: _,
        regions: _,
        enabled_regions: _,
        collected_at: _,
        source: _,
        collected_services: _,
        iam,
        organizations,
        s3,
        ec2,
        kms,
        cloudtrail,
        detection,
        logs,
        sns,
        sqs,
        dynamodb,
        rds,
        lambda,
        ecr,
        ecs,
        eks,
        codebuild,
        codeartifact,
        ssm,
        inspector,
        fis,
        secretsmanager,
        acm,
        efs,
        glacier,
        backup,
        redshift,
        opensearch,
        elasticache,
        macie,
        elbv2,
        elb,
        cloudfront,
        wafv2,
        shield,
        apigateway,
        route53,
        network_firewall,
        account_contacts,
        cloudformation,
        identity_center,
        incident_manager,
        gaps,
        collection: _,
    } = part;

    let wasp_model::iam::Iam {
        root,
        password_policy,
        users,
        groups,
        roles,
        policies,
        aws_policies,
        identity_providers,
        server_certificates,
    } = iam;
    let t = &mut into.iam;
    t.identity_providers = t.identity_providers.take().or(identity_providers);
    t.server_certificates = t.server_certificates.take().or(server_certificates);
    t.root = t.root.take().or(root);
    t.password_policy = t.password_policy.take().or(password_policy);
    t.users.extend(users);
    t.groups.extend(groups);
    t.roles.extend(roles);
    t.policies.extend(policies);
    t.aws_policies.extend(aws_policies);

    let wasp_model::organizations::Organizations {
        organization,
        service_control_policies,
        account_parents,
        policies,
        delegated_administrators,
    } = organizations;
    let t = &mut into.organizations;
    t.policies.extend(policies);
    t.delegated_administrators.extend(delegated_administrators);
    t.organization = t.organization.take().or(organization);
    t.service_control_policies = t.service_control_policies.take().or(service_control_policies);
    t.account_parents = t.account_parents.take().or(account_parents);

    let wasp_model::s3::S3 { account_public_access_block, buckets } = s3;
    into.s3.account_public_access_block = into.s3.account_public_access_block.take().or(account_public_access_block);
    into.s3.buckets.extend(buckets);

    let wasp_model::ec2::Ec2 {
        ebs_defaults,
        vpcs,
        security_groups,
        network_acls,
        flow_logs,
        instances,
        volumes,
        public_snapshots,
        images,
        subnets,
        transit_gateways,
        vpn_connections,
    } = ec2;
    let t = &mut into.ec2;
    t.ebs_defaults.extend(ebs_defaults);
    t.vpcs.extend(vpcs);
    t.security_groups.extend(security_groups);
    t.network_acls.extend(network_acls);
    t.flow_logs.extend(flow_logs);
    t.instances.extend(instances);
    t.volumes.extend(volumes);
    t.public_snapshots.extend(public_snapshots);
    t.images.extend(images);
    t.subnets.extend(subnets);
    t.transit_gateways.extend(transit_gateways);
    t.vpn_connections.extend(vpn_connections);

    into.kms.keys.extend(kms.keys);
    into.cloudtrail.trails.extend(cloudtrail.trails);

    let wasp_model::detection::Detection { config, guardduty, securityhub, access_analyzer } = detection;
    let t = &mut into.detection;
    t.config.extend(config);
    t.guardduty.extend(guardduty);
    t.securityhub.extend(securityhub);
    t.access_analyzer.extend(access_analyzer);

    let wasp_model::logs::Logs { log_groups, metric_filters, alarms } = logs;
    into.logs.log_groups.extend(log_groups);
    into.logs.metric_filters.extend(metric_filters);
    into.logs.alarms.extend(alarms);

    let wasp_model::sns::Sns { subscriptions, topics } = sns;
    into.sns.subscriptions.extend(subscriptions);
    into.sns.topics.extend(topics);

    let wasp_model::sqs::Sqs { queues } = sqs;
    into.sqs.queues.extend(queues);

    let wasp_model::dynamodb::DynamoDb { tables } = dynamodb;
    into.dynamodb.tables.extend(tables);

    let wasp_model::rds::Rds { instances, clusters, snapshots } = rds;
    into.rds.instances.extend(instances);
    into.rds.clusters.extend(clusters);
    into.rds.snapshots.extend(snapshots);

    let wasp_model::lambda::Lambda { functions } = lambda;
    into.lambda.functions.extend(functions);

    let wasp_model::ecr::Ecr { repositories, registry_scanning, pull_through_cache_rules } = ecr;
    into.ecr.repositories.extend(repositories);
    into.ecr.registry_scanning.extend(registry_scanning);
    into.ecr.pull_through_cache_rules.extend(pull_through_cache_rules);

    let wasp_model::ecs::Ecs { clusters, services, task_definitions } = ecs;
    into.ecs.clusters.extend(clusters);
    into.ecs.services.extend(services);
    into.ecs.task_definitions.extend(task_definitions);

    into.eks.clusters.extend(eks.clusters);

    let wasp_model::codebuild::CodeBuild { projects, report_groups } = codebuild;
    into.codebuild.projects.extend(projects);
    into.codebuild.report_groups.extend(report_groups);

    let wasp_model::codeartifact::CodeArtifact { domains, repositories } = codeartifact;
    into.codeartifact.domains.extend(domains);
    into.codeartifact.repositories.extend(repositories);

    let wasp_model::ssm::Ssm { regions, documents, parameters } = ssm;
    into.ssm.regions.extend(regions);
    into.ssm.documents.extend(documents);
    into.ssm.parameters.extend(parameters);

    into.inspector.regions.extend(inspector.regions);
    into.fis.regions.extend(fis.regions);
    let wasp_model::secretsmanager::SecretsManager { secrets } = secretsmanager;
    into.secretsmanager.secrets.extend(secrets);
    let wasp_model::acm::Acm { certificates } = acm;
    into.acm.certificates.extend(certificates);
    let wasp_model::efs::Efs { file_systems, access_points } = efs;
    into.efs.file_systems.extend(file_systems);
    into.efs.access_points.extend(access_points);
    into.glacier.vaults.extend(glacier.vaults);
    let wasp_model::backup::Backup { vaults, plans, protected_resources } = backup;
    into.backup.vaults.extend(vaults);
    into.backup.plans.extend(plans);
    into.backup.protected_resources.extend(protected_resources);
    let wasp_model::redshift::Redshift { clusters } = redshift;
    into.redshift.clusters.extend(clusters);
    let wasp_model::opensearch::OpenSearch { domains } = opensearch;
    into.opensearch.domains.extend(domains);
    let wasp_model::elasticache::ElastiCache { replication_groups, cache_clusters } = elasticache;
    into.elasticache.replication_groups.extend(replication_groups);
    into.elasticache.cache_clusters.extend(cache_clusters);
    let wasp_model::macie::Macie { regions } = macie;
    into.macie.regions.extend(regions);
    let wasp_model::elbv2::Elbv2 { load_balancers } = elbv2;
    into.elbv2.load_balancers.extend(load_balancers);
    let wasp_model::elb::Elb { load_balancers } = elb;
    into.elb.load_balancers.extend(load_balancers);
    let wasp_model::cloudfront::CloudFront { distributions } = cloudfront;
    into.cloudfront.distributions.extend(distributions);
    let wasp_model::wafv2::Wafv2 { web_acls } = wafv2;
    into.wafv2.web_acls.extend(web_acls);
    let wasp_model::shield::Shield { subscribed, protected_resources } = shield;
    into.shield.subscribed = into.shield.subscribed.or(subscribed);
    into.shield.protected_resources = into.shield.protected_resources.take().or(protected_resources);
    let wasp_model::apigateway::ApiGateway { rest_apis, apis } = apigateway;
    into.apigateway.rest_apis.extend(rest_apis);
    into.apigateway.apis.extend(apis);
    let wasp_model::route53::Route53 { hosted_zones, domains } = route53;
    into.route53.hosted_zones.extend(hosted_zones);
    into.route53.domains = into.route53.domains.take().or(domains);
    let wasp_model::network_firewall::NetworkFirewall { firewalls, policies, rule_groups } = network_firewall;
    into.network_firewall.firewalls.extend(firewalls);
    into.network_firewall.policies.extend(policies);
    into.network_firewall.rule_groups.extend(rule_groups);
    into.account_contacts.alternate_contacts.extend(account_contacts.alternate_contacts);
    into.cloudformation.stacks.extend(cloudformation.stacks);
    let wasp_model::identity_center::IdentityCenter { instances, permission_sets } = identity_center;
    into.identity_center.instances.extend(instances);
    into.identity_center.permission_sets.extend(permission_sets);
    into.incident_manager.regions.extend(incident_manager.regions);

    into.gaps.extend(gaps);
}

/// Sorts every list so that the same account always gives the same snapshot, and drops
/// duplicates (multi-region trails are seen from every region).
pub(crate) fn normalise(inv: &mut Inventory) {
    macro_rules! by_arn {
        ($($list:expr),+ $(,)?) => {$(
            $list.sort_by(|a, b| a.arn.cmp(&b.arn));
            $list.dedup_by(|a, b| a.arn == b.arn);
        )+};
    }
    by_arn!(
        inv.iam.users,
        inv.iam.groups,
        inv.iam.roles,
        inv.iam.policies,
        inv.s3.buckets,
        inv.ec2.vpcs,
        inv.ec2.security_groups,
        inv.ec2.network_acls,
        inv.ec2.flow_logs,
        inv.ec2.instances,
        inv.ec2.volumes,
        inv.ec2.images,
        inv.kms.keys,
        inv.cloudtrail.trails,
        inv.logs.log_groups,
        inv.sns.topics,
        inv.sqs.queues,
        inv.dynamodb.tables,
        inv.rds.instances,
        inv.rds.clusters,
        inv.rds.snapshots,
        inv.lambda.functions,
        inv.ecr.repositories,
        inv.ecs.clusters,
        inv.ecs.services,
        inv.ecs.task_definitions,
        inv.eks.clusters,
        inv.codebuild.projects,
        inv.codebuild.report_groups,
        inv.codeartifact.domains,
        inv.codeartifact.repositories,
        inv.ssm.documents,
        inv.ssm.parameters,
        inv.secretsmanager.secrets,
        inv.acm.certificates,
        inv.efs.file_systems,
        inv.efs.access_points,
        inv.glacier.vaults,
        inv.backup.vaults,
        inv.backup.plans,
        inv.redshift.clusters,
        inv.opensearch.domains,
        inv.elasticache.replication_groups,
        inv.elasticache.cache_clusters,
        inv.cloudformation.stacks,
        inv.identity_center.permission_sets,
        inv.ec2.subnets,
        inv.ec2.transit_gateways,
        inv.ec2.vpn_connections,
        inv.elbv2.load_balancers,
        inv.elb.load_balancers,
        inv.cloudfront.distributions,
        inv.wafv2.web_acls,
        inv.apigateway.rest_apis,
        inv.apigateway.apis,
        inv.route53.hosted_zones,
        inv.network_firewall.firewalls,
        inv.network_firewall.policies,
        inv.network_firewall.rule_groups,
    );
    for resources in inv.backup.protected_resources.values_mut() {
        resources.sort_by(|a, b| a.arn.cmp(&b.arn));
    }
    if let Some(domains) = inv.route53.domains.as_mut() {
        domains.sort_by(|a, b| a.arn.cmp(&b.arn));
    }
    for snapshots in inv.ec2.public_snapshots.values_mut() {
        snapshots.sort_by(|a, b| a.arn.cmp(&b.arn));
    }
    inv.logs
        .metric_filters
        .sort_by(|a, b| (&a.region, &a.log_group_name, &a.name).cmp(&(&b.region, &b.log_group_name, &b.name)));
    inv.gaps.sort();
    inv.gaps.dedup();
}

/// When every call wasp made in a region was denied (typically a service control policy that
/// denies the region), one gap says so instead of one per operation.
pub(crate) fn compact_denied_regions(inv: &mut Inventory, calls: &[ApiCallCount]) {
    for region in inv.regions.clone() {
        let in_region = |g: &Gap| g.region == region;
        let made: u64 = calls.iter().filter(|c| c.region == region).map(|c| c.count).sum();
        let denied = inv.gaps.iter().filter(|g| in_region(g) && g.kind == GapKind::AccessDenied).count() as u64;
        let others = inv.gaps.iter().filter(|g| in_region(g) && g.kind != GapKind::AccessDenied).count();
        if denied < 2 || others > 0 || denied != made {
            continue;
        }
        let example = inv.gaps.iter().find(|g| in_region(g)).map(|g| g.reason.clone()).unwrap_or_default();
        inv.gaps.retain(|g| !in_region(g));
        inv.gaps.push(Gap {
            service: Service::Every,
            region: region.clone(),
            operation: "*".to_owned(),
            kind: GapKind::AccessDenied,
            reason: format!(
                "all {made} calls in {region} were denied (e.g. {example}); a service control policy may deny the region"
            ),
            resource: None,
        });
    }
    inv.gaps.sort();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap(service: Service, region: &str, kind: GapKind) -> Gap {
        Gap {
            service,
            region: region.into(),
            operation: "Op".into(),
            kind,
            reason: "AccessDenied: explicit deny".into(),
            resource: None,
        }
    }

    fn calls(region: &str, count: u64) -> ApiCallCount {
        ApiCallCount { service: Service::Ec2, region: region.into(), operation: "Op".into(), count }
    }

    #[test]
    fn a_region_where_every_call_was_denied_becomes_one_gap() {
        let mut inv = Inventory::new("1", "2026-01-01T00:00:00Z".parse().unwrap());
        inv.regions = vec!["eu-west-1".into(), "us-east-1".into()];
        inv.gaps = vec![
            gap(Service::Ec2, "eu-west-1", GapKind::AccessDenied),
            gap(Service::Kms, "eu-west-1", GapKind::AccessDenied),
            gap(Service::Logs, "eu-west-1", GapKind::AccessDenied),
            gap(Service::Kms, "us-east-1", GapKind::AccessDenied),
            gap(Service::Logs, "us-east-1", GapKind::AccessDenied),
        ];
        // us-east-1 made more calls than were denied: its gaps stay as they are.
        compact_denied_regions(&mut inv, &[calls("eu-west-1", 3), calls("us-east-1", 9)]);
        let west: Vec<&Gap> = inv.gaps.iter().filter(|g| g.region == "eu-west-1").collect();
        assert_eq!(west.len(), 1);
        assert_eq!(west[0].service, Service::Every);
        assert!(west[0].reason.starts_with("all 3 calls in eu-west-1 were denied"), "{}", west[0].reason);
        assert!(inv.gap_in(Service::GuardDuty, "eu-west-1").is_some(), "the region gap affects every service");
        assert_eq!(inv.gaps.iter().filter(|g| g.region == "us-east-1").count(), 2);
    }
}
