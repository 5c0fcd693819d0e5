"""Seeds a moto server with a larger account for the scan benchmark (see scripts/bench-scan.sh).

Usage: bench_seed.py ENDPOINT SCALE [--workers N] [--counts FILE]

At SCALE N every service wasp collects that moto 5.2.5 implements well enough through boto3
gets about N resources (N/2 in each of the two regions the benchmark scans, or N once for a
global service), with a share of them misconfigured so that checks have something to find.
The exceptions, each for a stated reason (also printed in the summary):

- CloudFront: N/10 distributions (a few per account is typical); EKS: N/20 clusters per region
  (moto takes ~110 ms to create one); WAFv2: N/10 web ACLs per region (AWS's default quota is
  100 per region); Network Firewall: N/60 firewalls per region (AWS's default quota is 5 per
  region); ECS: N/2 task definitions per region, in N/20 clusters with N/10 services;
  ElastiCache: N/10 replication groups per region beside N/2 clusters; ACM: N/50 requested
  certificates per region beside N/2 imported ones (moto takes ~100 ms to issue one, 7 ms to
  import one); EC2 adds N/10 instances per region.
- The original seed (IAM, S3, EC2 security groups, volumes and snapshots, KMS) keeps its
  counts, on which the S3 and snapshot comparisons of docs/benchmarks.md rest.
- Not seeded: CloudWatch alarms (the Rust SDK speaks CloudWatch's CBOR protocol, which moto
  does not, so wasp cannot read them back), Access Analyzer, Inspector, CodeArtifact, Incident
  Manager (moto answers their operations with errors), CodeBuild report groups and Network
  Firewall policies and rule groups (moto fails to create or list them), EFS backup policies
  (moto fails PutBackupPolicy), ECS services in awsvpc mode (moto fails CreateService with a
  network configuration), and the one-per-region switches (CloudTrail, Config, GuardDuty,
  Security Hub, Macie, Shield, account contacts), which are not resources that scale.

Creation runs on a thread pool (--workers, default 4): moto serves requests in one process, so
the gain is the overlap of boto3's client-side work with moto's; resources that depend on
each other are created in one job. The summary lists, per service, what was created and the
time its jobs took; --counts writes the same counts as JSON, keyed by wasp's service names.
"""
import argparse
import collections
import datetime
import io
import json
import sys
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

REGIONS = ("us-east-1", "eu-west-1")

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("endpoint")
parser.add_argument("scale", type=int)
parser.add_argument("--workers", type=int, default=4)
parser.add_argument("--counts", help="write the per-service counts here as JSON")
args = parser.parse_args()
endpoint, scale = args.endpoint, args.scale
half = scale // 2

session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing")
config = Config(max_pool_connections=args.workers + 2, retries={"mode": "standard", "max_attempts": 5})
_clients, _lock = {}, threading.Lock()
counts = collections.defaultdict(collections.Counter)  # wasp service -> kind -> created
busy = collections.Counter()  # wasp service -> seconds spent in its jobs
notes = {}  # wasp service -> why it has fewer resources than the scale
errors = collections.defaultdict(list)
jobs = []  # (wasp service, callable), run on the pool after the sequential setup


def client(service, region="us-east-1"):
    """One boto3 client per service and region, shared by the threads (clients are thread-safe,
    creating them from one session is not)."""
    with _lock:
        key = (service, region)
        if key not in _clients:
            _clients[key] = session.client(service, region_name=region, endpoint_url=endpoint, config=config)
        return _clients[key]


def created(service, kind, n=1):
    with _lock:
        counts[service][kind] += n


def job(service):
    """Registers the decorated function as one job of `service`."""
    def register(fn):
        jobs.append((service, fn))
        return fn
    return register


def run(service, fn):
    start = time.perf_counter()
    try:
        fn()
    except Exception as e:  # noqa: BLE001 — reported below, the seed goes on
        with _lock:
            errors[service].append(f"{type(e).__name__}: {e}")
    with _lock:
        busy[service] += time.perf_counter() - start


def doc(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


started = time.perf_counter()
account = client("sts").get_caller_identity()["Account"]
root = f"arn:aws:iam::{account}:root"

# --- The original seed: IAM, S3, EC2, KMS (counts unchanged) -------------------------------
iam = client("iam")
trust = doc({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})
admin = doc({"Effect": "Allow", "Action": "*", "Resource": "*"})
for i in range(scale):
    @job("iam")
    def _(i=i):
        iam.create_user(UserName=f"user-{i}")
        created("iam", "users")
        if i % 3 == 0:
            iam.create_login_profile(UserName=f"user-{i}", Password="Passw0rd!Passw0rd!")
        if i % 2 == 0:
            iam.create_access_key(UserName=f"user-{i}")
        iam.create_role(RoleName=f"role-{i}", AssumeRolePolicyDocument=trust)
        created("iam", "roles")
        if i % 10 == 0:
            arn = iam.create_policy(PolicyName=f"policy-{i}", PolicyDocument=admin)["Policy"]["Arn"]
            iam.attach_role_policy(RoleName=f"role-{i}", PolicyArn=arn)
            created("iam", "policies")

# The role the services below run as (Lambda, EKS, CodeBuild, FIS); not counted with IAM's.
service_role = iam.create_role(RoleName="bench-service-role", AssumeRolePolicyDocument=doc(
    {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": [
        "lambda.amazonaws.com", "eks.amazonaws.com", "codebuild.amazonaws.com", "fis.amazonaws.com"]}}))["Role"]["Arn"]

subnets, default_vpc_of = {}, {}
for region in REGIONS:
    s3 = client("s3", region)
    for i in range(half):
        @job("s3")
        def _(s3=s3, region=region, i=i):
            name = f"bench-{region}-{i}"
            if region == "us-east-1":
                s3.create_bucket(Bucket=name)
            else:
                s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
            if i % 4 == 0:
                s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
            created("s3", "buckets")

    ec2 = client("ec2", region)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    default_vpc = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
    default_vpc_of[region] = default_vpc
    subnets[region] = [s["SubnetId"] for s in sorted(ec2.describe_subnets(
        Filters=[{"Name": "vpc-id", "Values": [default_vpc]}])["Subnets"], key=lambda s: s["AvailabilityZone"])]
    for i in range(scale):
        @job("ec2")
        def _(ec2=ec2, vpc=vpc, i=i):
            sg = ec2.create_security_group(GroupName=f"sg-{i}", Description="bench", VpcId=vpc)["GroupId"]
            cidr = "0.0.0.0/0" if i % 10 == 0 else "10.0.0.0/8"
            ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
                {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": cidr}]}])
            created("ec2", "security groups")
    # Volumes, and snapshots of the first N/5 of them, one in ten of those public.
    for i in range(half):
        @job("ec2")
        def _(ec2=ec2, region=region, i=i):
            volume = ec2.create_volume(AvailabilityZone=f"{region}a", Size=8, Encrypted=i % 2 == 0)["VolumeId"]
            created("ec2", "volumes")
            if i < scale // 5:
                snapshot = ec2.create_snapshot(VolumeId=volume)["SnapshotId"]
                created("ec2", "snapshots")
                if i % 10 == 0:
                    ec2.modify_snapshot_attribute(SnapshotId=snapshot, Attribute="createVolumePermission",
                                                  OperationType="add", GroupNames=["all"])
    # New: N/10 instances per region, half of them allowing IMDSv1.
    for tokens in ("optional", "required"):
        n = scale // 20
        if n:
            @job("ec2")
            def _(ec2=ec2, tokens=tokens, n=n):
                ec2.run_instances(ImageId="ami-12c6146b", InstanceType="t3.micro", MinCount=n, MaxCount=n,
                                  MetadataOptions={"HttpTokens": tokens})
                created("ec2", "instances", n)

    kms = client("kms", region)
    for i in range(scale // 20):
        @job("kms")
        def _(kms=kms, i=i):
            kms.create_key(Description=f"bench {i}")
            created("kms", "keys")

# --- Services added with the new collectors -------------------------------------------------
def self_signed(days):
    """A self-signed certificate and its key, in PEM, valid for `days` from now."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"bench-{days}.example.com")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=days)).sign(key, hashes.SHA256()))
    return (certificate.public_bytes(serialization.Encoding.PEM),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()))


# Imported in turn: one valid for a year, one that expires within the month.
certificates = [self_signed(365), self_signed(20)]

for region in REGIONS:
    logs = client("logs", region)
    for i in range(half):
        @job("logs")
        def _(logs=logs, i=i):
            name = f"/bench/group-{i}"
            logs.create_log_group(logGroupName=name)
            if i % 2 == 0:
                logs.put_retention_policy(logGroupName=name, retentionInDays=90)
            if i < scale // 20:
                logs.put_metric_filter(logGroupName=name, filterName=f"filter-{i}",
                                       filterPattern='{ $.eventName = "ConsoleLogin" }',
                                       metricTransformations=[{"metricName": f"m{i}", "metricNamespace": "bench",
                                                               "metricValue": "1"}])
                created("logs", "metric filters")
            created("logs", "log groups")

    sqs = client("sqs", region)
    for i in range(half):
        @job("sqs")
        def _(sqs=sqs, region=region, i=i):
            # A third with SQS-managed encryption, a third with KMS, a third unencrypted; half with
            # a policy, one in five of those open to everyone.
            attributes = [{"SqsManagedSseEnabled": "true"}, {"KmsMasterKeyId": "alias/aws/sqs"},
                          {"SqsManagedSseEnabled": "false"}][i % 3]
            if i % 2 == 0:
                principal = "*" if i % 10 == 0 else {"AWS": root}
                attributes["Policy"] = doc({"Effect": "Allow", "Principal": principal, "Action": "sqs:SendMessage",
                                            "Resource": f"arn:aws:sqs:{region}:{account}:queue-{i}"})
            sqs.create_queue(QueueName=f"queue-{i}", Attributes=attributes)
            created("sqs", "queues")

    sns = client("sns", region)
    for i in range(half):
        @job("sns")
        def _(sns=sns, region=region, i=i):
            attributes = {"KmsMasterKeyId": "alias/aws/sns"} if i % 3 == 0 else {}
            if i % 2 == 0:
                principal = "*" if i % 10 == 0 else {"AWS": root}
                attributes["Policy"] = doc({"Effect": "Allow", "Principal": principal, "Action": "sns:Publish",
                                            "Resource": f"arn:aws:sns:{region}:{account}:topic-{i}"})
            sns.create_topic(Name=f"topic-{i}", Attributes=attributes)
            created("sns", "topics")

    # Lambda: moto creates functions without Docker (it needs Docker only to invoke them).
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return 1\n")
    code = buffer.getvalue()
    lam = client("lambda", region)
    for i in range(half):
        @job("lambda")
        def _(lam=lam, i=i):
            name = f"function-{i}"
            lam.create_function(FunctionName=name, Runtime="python3.8" if i % 5 == 0 else "python3.12",
                                Role=service_role, Handler="index.handler", Code={"ZipFile": code},
                                Environment={"Variables": {"STAGE": "bench"}})
            if i % 10 == 0:
                lam.add_permission(FunctionName=name, StatementId="public", Action="lambda:InvokeFunction",
                                   Principal="*")
            created("lambda", "functions")

    ddb = client("dynamodb", region)
    for i in range(half):
        @job("dynamodb")
        def _(ddb=ddb, i=i):
            name = f"table-{i}"
            extra = {"SSESpecification": {"Enabled": True, "SSEType": "KMS"}} if i % 3 == 0 else {}
            ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                             KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                             AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], **extra)
            if i % 2 == 0:
                ddb.update_continuous_backups(TableName=name, PointInTimeRecoverySpecification={
                    "PointInTimeRecoveryEnabled": True})
            created("dynamodb", "tables")

    secrets = client("secretsmanager", region)
    for i in range(half):
        @job("secretsmanager")
        def _(secrets=secrets, i=i):
            name = f"bench/secret-{i}"
            secrets.create_secret(Name=name, SecretString="placeholder")
            if i % 10 == 0:
                principal = {"AWS": "*"} if i % 20 == 0 else {"AWS": root}
                secrets.put_resource_policy(SecretId=name, ResourcePolicy=doc({
                    "Effect": "Allow", "Principal": principal, "Action": "secretsmanager:GetSecretValue",
                    "Resource": "*"}))
            created("secretsmanager", "secrets")

    ecr = client("ecr", region)
    for i in range(half):
        @job("ecr")
        def _(ecr=ecr, i=i):
            name = f"repo-{i}"
            ecr.create_repository(repositoryName=name, imageScanningConfiguration={"scanOnPush": i % 2 == 0},
                                  imageTagMutability="IMMUTABLE" if i % 3 == 0 else "MUTABLE")
            if i % 10 == 0:
                ecr.set_repository_policy(repositoryName=name, policyText=doc({
                    "Sid": "pull", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}))
            if i % 4 == 0:
                ecr.put_lifecycle_policy(repositoryName=name, lifecyclePolicyText=json.dumps({"rules": [{
                    "rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "imageCountMoreThan",
                                                     "countNumber": 5}, "action": {"type": "expire"}}]}))
            created("ecr", "repositories")

    efs = client("efs", region)
    for i in range(half):
        @job("efs")
        def _(efs=efs, i=i):
            fs = efs.create_file_system(CreationToken=f"fs-{i}", Encrypted=i % 2 == 0)["FileSystemId"]
            if i % 10 == 0:
                efs.put_file_system_policy(FileSystemId=fs, Policy=doc({
                    "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "elasticfilesystem:ClientMount",
                    "Resource": "*"}))
            if i % 5 == 0:
                efs.create_access_point(FileSystemId=fs, ClientToken=f"ap-{i}")
                created("efs", "access points")
            created("efs", "file systems")

    elbv2 = client("elbv2", region)
    for i in range(half):
        @job("elbv2")
        def _(elbv2=elbv2, region=region, i=i):
            arn = elbv2.create_load_balancer(Name=f"alb-{i}", Subnets=subnets[region][:2],
                                             Scheme="internal" if i % 3 == 0 else "internet-facing",
                                             )["LoadBalancers"][0]["LoadBalancerArn"]
            if i % 2 == 0:
                elbv2.create_listener(LoadBalancerArn=arn, Protocol="HTTP", Port=80, DefaultActions=[
                    {"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "200"}}])
            if i % 5 == 0:
                elbv2.modify_load_balancer_attributes(LoadBalancerArn=arn, Attributes=[
                    {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"}])
            created("elbv2", "load balancers")

    elb = client("elb", region)
    for i in range(half):
        @job("elb")
        def _(elb=elb, region=region, i=i):
            elb.create_load_balancer(LoadBalancerName=f"clb-{i}", AvailabilityZones=[f"{region}a"], Listeners=[
                {"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80}])
            created("elb", "load balancers")

    # RDS: a custom parameter group per engine that enforces TLS (the default groups are
    # missing from moto, so DescribeDBParameters on them fails); a quarter of the instances use it.
    rds = client("rds", region)
    groups = {"postgres": ("bench-postgres", "postgres16", "rds.force_ssl", "1"),
              "mysql": ("bench-mysql", "mysql8.0", "require_secure_transport", "ON")}
    for name, family, parameter, value in groups.values():
        rds.create_db_parameter_group(DBParameterGroupName=name, DBParameterGroupFamily=family, Description="bench")
        rds.modify_db_parameter_group(DBParameterGroupName=name, Parameters=[
            {"ParameterName": parameter, "ParameterValue": value, "ApplyMethod": "immediate"}])
    for i in range(half):
        @job("rds")
        def _(rds=rds, i=i):
            engine = "postgres" if i % 2 == 0 else "mysql"
            extra = {"DBParameterGroupName": groups[engine][0]} if i % 4 < 2 else {}
            rds.create_db_instance(DBInstanceIdentifier=f"db-{i}", DBInstanceClass="db.t3.micro", Engine=engine,
                                   MasterUsername="bench", MasterUserPassword="Passw0rd!Passw0rd",
                                   AllocatedStorage=20, PubliclyAccessible=i % 10 == 0,
                                   StorageEncrypted=i % 2 == 0, **extra)
            created("rds", "instances")
            if i < scale // 10:
                rds.create_db_snapshot(DBInstanceIdentifier=f"db-{i}", DBSnapshotIdentifier=f"db-{i}-snapshot")
                created("rds", "snapshots")
                if i % 10 == 0:
                    rds.modify_db_snapshot_attribute(DBSnapshotIdentifier=f"db-{i}-snapshot",
                                                     AttributeName="restore", ValuesToAdd=["all"])
    for i in range(scale // 20):
        @job("rds")
        def _(rds=rds, i=i):
            rds.create_db_cluster(DBClusterIdentifier=f"cluster-{i}", Engine="aurora-postgresql",
                                  MasterUsername="bench", MasterUserPassword="Passw0rd!Passw0rd",
                                  StorageEncrypted=i % 2 == 0)
            rds.create_db_cluster_snapshot(DBClusterIdentifier=f"cluster-{i}",
                                           DBClusterSnapshotIdentifier=f"cluster-{i}-snapshot")
            created("rds", "clusters")
            created("rds", "cluster snapshots")

    ssm = client("ssm", region)
    for i in range(half):
        @job("ssm")
        def _(ssm=ssm, i=i):
            ssm.put_parameter(Name=f"/bench/parameter-{i}", Value="placeholder",
                              Type="SecureString" if i % 2 == 0 else "String")
            created("ssm", "parameters")
    for i in range(scale // 20):
        @job("ssm")
        def _(ssm=ssm, i=i):
            name = f"bench-document-{i}"
            ssm.create_document(Name=name, DocumentType="Command", Content=json.dumps({
                "schemaVersion": "2.2", "description": "bench", "mainSteps": [
                    {"action": "aws:runShellScript", "name": "run", "inputs": {"runCommand": ["true"]}}]}))
            if i % 5 == 0:
                ssm.modify_document_permission(Name=name, PermissionType="Share", AccountIdsToAdd=["all"])
            created("ssm", "documents")

    redshift = client("redshift", region)
    for i in range(half):
        @job("redshift")
        def _(redshift=redshift, i=i):
            redshift.create_cluster(ClusterIdentifier=f"warehouse-{i}", NodeType="dc2.large",
                                    ClusterType="single-node", MasterUsername="bench",
                                    MasterUserPassword="Passw0rd1", PubliclyAccessible=i % 10 == 0,
                                    Encrypted=i % 2 == 0)
            created("redshift", "clusters")

    elasticache = client("elasticache", region)
    for i in range(half):
        @job("elasticache")
        def _(elasticache=elasticache, i=i):
            elasticache.create_cache_cluster(CacheClusterId=f"cache-{i}", Engine="redis" if i % 2 else "memcached",
                                             CacheNodeType="cache.t3.micro", NumCacheNodes=1)
            created("elasticache", "clusters")
    for i in range(scale // 10):
        @job("elasticache")
        def _(elasticache=elasticache, i=i):
            elasticache.create_replication_group(
                ReplicationGroupId=f"group-{i}", ReplicationGroupDescription="bench", Engine="redis",
                CacheNodeType="cache.t3.micro", NumCacheClusters=1, TransitEncryptionEnabled=i % 2 == 0,
                AtRestEncryptionEnabled=i % 2 == 0)
            created("elasticache", "replication groups")

    opensearch = client("opensearch", region)
    for i in range(half):
        @job("opensearch")
        def _(opensearch=opensearch, i=i):
            secure = i % 2 == 0
            opensearch.create_domain(DomainName=f"search-{i}", EncryptionAtRestOptions={"Enabled": secure},
                                     NodeToNodeEncryptionOptions={"Enabled": secure},
                                     DomainEndpointOptions={"EnforceHTTPS": secure})
            created("opensearch", "domains")

    backup = client("backup", region)
    for i in range(half):
        @job("backup")
        def _(backup=backup, i=i):
            backup.create_backup_vault(BackupVaultName=f"vault-{i}")
            created("backup", "vaults")
            if i < scale // 10:
                backup.create_backup_plan(BackupPlan={"BackupPlanName": f"plan-{i}", "Rules": [
                    {"RuleName": "daily", "TargetBackupVaultName": f"vault-{i}",
                     "ScheduleExpression": "cron(0 5 * * ? *)"}]})
                created("backup", "plans")

    apigw = client("apigateway", region)
    for i in range(half):
        @job("apigateway")
        def _(apigw=apigw, i=i):
            api = apigw.create_rest_api(name=f"rest-{i}")["id"]
            if i % 5 == 0:  # a deployed stage needs a method
                resource = apigw.get_resources(restApiId=api)["items"][0]["id"]
                apigw.put_method(restApiId=api, resourceId=resource, httpMethod="GET", authorizationType="NONE")
                apigw.put_integration(restApiId=api, resourceId=resource, httpMethod="GET", type="MOCK")
                apigw.create_deployment(restApiId=api, stageName="prod")
                created("apigateway", "stages")
            created("apigateway", "REST APIs")
    apigw2 = client("apigatewayv2", region)
    for i in range(scale // 10):
        @job("apigateway")
        def _(apigw2=apigw2, i=i):
            api = apigw2.create_api(Name=f"http-{i}", ProtocolType="HTTP")["ApiId"]
            apigw2.create_route(ApiId=api, RouteKey="GET /items")
            apigw2.create_stage(ApiId=api, StageName="prod")
            created("apigateway", "HTTP APIs")

    ecs = client("ecs", region)
    clusters = max(1, scale // 20)
    for i in range(clusters):
        ecs.create_cluster(clusterName=f"cluster-{i}",
                           settings=[{"name": "containerInsights", "value": "enabled" if i % 2 else "disabled"}])
    created("ecs", "clusters", clusters)
    for i in range(half):
        @job("ecs")
        def _(ecs=ecs, i=i):
            container = {"name": "app", "image": "nginx", "memory": 128, "privileged": i % 10 == 0,
                         "environment": [{"name": "AWS_SECRET_ACCESS_KEY" if i % 10 == 5 else "STAGE",
                                          "value": "placeholder"}]}
            ecs.register_task_definition(family=f"task-{i}", containerDefinitions=[container])
            created("ecs", "task definitions")
            if i < scale // 10:
                ecs.create_service(cluster=f"cluster-{i % clusters}", serviceName=f"service-{i}",
                                   taskDefinition=f"task-{i}", desiredCount=0)
                created("ecs", "services")

    eks = client("eks", region)
    for i in range(scale // 20):
        @job("eks")
        def _(eks=eks, region=region, i=i):
            eks.create_cluster(name=f"eks-{i}", roleArn=service_role, resourcesVpcConfig={
                "subnetIds": subnets[region][:2], "endpointPublicAccess": i % 2 == 0,
                "endpointPrivateAccess": True}, logging={"clusterLogging": [
                    {"types": ["api", "audit"], "enabled": i % 3 == 0}]})
            created("eks", "clusters")

    codebuild = client("codebuild", region)
    for i in range(half):
        @job("codebuild")
        def _(codebuild=codebuild, i=i):
            codebuild.create_project(
                name=f"project-{i}", source={"type": "S3", "location": f"bench-us-east-1-0/source-{i}.zip"},
                artifacts={"type": "NO_ARTIFACTS"}, serviceRole=service_role,
                environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                             "computeType": "BUILD_GENERAL1_SMALL", "privilegedMode": i % 10 == 0,
                             "environmentVariables": [{"name": "AWS_SECRET_ACCESS_KEY" if i % 10 == 5 else "STAGE",
                                                       "value": "placeholder", "type": "PLAINTEXT"}]})
            created("codebuild", "projects")

    cfn = client("cloudformation", region)
    template = json.dumps({"Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}})
    for i in range(half):
        @job("cloudformation")
        def _(cfn=cfn, i=i):
            cfn.create_stack(StackName=f"stack-{i}", TemplateBody=template)
            created("cloudformation", "stacks")

    wafv2 = client("wafv2", region)
    for i in range(scale // 10):
        @job("wafv2")
        def _(wafv2=wafv2, i=i):
            wafv2.create_web_acl(Name=f"acl-{i}", Scope="REGIONAL",
                                 DefaultAction={"Block": {}} if i % 2 else {"Allow": {}},
                                 VisibilityConfig={"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True,
                                                   "MetricName": f"acl{i}"})
            created("wafv2", "web ACLs")

    # Network Firewall: moto cannot create policies, so the firewalls name one that is absent.
    firewall = client("network-firewall", region)
    for i in range(max(1, scale // 60)):
        @job("networkfirewall")
        def _(firewall=firewall, region=region, i=i):
            firewall.create_firewall(
                FirewallName=f"firewall-{i}", VpcId=default_vpc_of[region],
                FirewallPolicyArn=f"arn:aws:network-firewall:{region}:{account}:firewall-policy/bench",
                SubnetMappings=[{"SubnetId": subnets[region][0]}])
            created("networkfirewall", "firewalls")

    fis = client("fis", region)
    for i in range(half):
        @job("fis")
        def _(fis=fis, i=i):
            fis.create_experiment_template(clientToken=f"template-{i}", description="bench", roleArn=service_role,
                                           stopConditions=[{"source": "none"}], actions={
                                               "wait": {"actionId": "aws:fis:wait", "parameters": {"duration": "PT1M"}}})
            created("fis", "experiment templates")

    sso = client("sso-admin", region)
    instance = sso.list_instances()["Instances"][0]["InstanceArn"]
    for i in range(half):
        @job("identitycenter")
        def _(sso=sso, instance=instance, i=i):
            arn = sso.create_permission_set(InstanceArn=instance, Name=f"permission-set-{i}")["PermissionSet"][
                "PermissionSetArn"]
            if i % 3 == 0:
                sso.put_inline_policy_to_permission_set(InstanceArn=instance, PermissionSetArn=arn,
                                                        InlinePolicy=admin)
            if i % 5 == 0:
                sso.attach_managed_policy_to_permission_set(
                    InstanceArn=instance, PermissionSetArn=arn,
                    ManagedPolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
            created("identitycenter", "permission sets")

    acm = client("acm", region)
    for i in range(half):
        @job("acm")
        def _(acm=acm, i=i):
            certificate, key = certificates[i % len(certificates)]
            acm.import_certificate(Certificate=certificate, PrivateKey=key)
            created("acm", "imported certificates")
    for i in range(scale // 50):
        @job("acm")
        def _(acm=acm, i=i):
            acm.request_certificate(DomainName=f"site-{i}.bench.example.com", ValidationMethod="DNS")
            created("acm", "requested certificates")

# Global services, seeded once.
cloudfront = client("cloudfront")
for i in range(scale // 10):
    @job("cloudfront")
    def _(i=i):
        cloudfront.create_distribution(DistributionConfig={
            "CallerReference": f"distribution-{i}", "Comment": "bench", "Enabled": True,
            "Origins": {"Quantity": 1, "Items": [{"Id": "origin", "DomainName": f"bench-us-east-1-{i}.s3.amazonaws.com",
                                                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
            "DefaultCacheBehavior": {
                "TargetOriginId": "origin", "ViewerProtocolPolicy": "allow-all" if i % 2 else "redirect-to-https",
                "MinTTL": 0, "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
                "TrustedSigners": {"Enabled": False, "Quantity": 0}}})
        created("cloudfront", "distributions")

route53 = client("route53")
for i in range(scale):
    @job("route53")
    def _(i=i):
        route53.create_hosted_zone(Name=f"zone-{i}.bench.example.com", CallerReference=f"zone-{i}")
        created("route53", "hosted zones")

notes.update({
    "cloudfront": "N/10 distributions (a few per account is typical)",
    "eks": "N/20 clusters per region (moto takes ~110 ms to create one)",
    "wafv2": "N/10 web ACLs per region (AWS's default quota is 100 per region)",
    "networkfirewall": "N/60 firewalls per region (AWS's default quota is 5), naming a policy moto cannot create",
    "ecs": "N/2 task definitions per region in N/20 clusters with N/10 services (no awsvpc: moto fails those)",
    "elasticache": "N/2 clusters and N/10 replication groups per region",
    "acm": "N/2 imported and N/50 requested per region (moto takes ~100 ms to issue one)",
    "iam": "the original seed: N users, N roles, N/10 admin policies",
    "ec2": "the original seed (N security groups, N/2 volumes, N/5 snapshots per region) and N/10 instances per region",
    "kms": "the original seed: N/20 keys per region",
})

setup = time.perf_counter() - started
with ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
    for service, fn in jobs:
        pool.submit(run, service, fn)
elapsed = time.perf_counter() - started

print(f"seeded at SCALE={scale} in {elapsed:.1f} s ({setup:.1f} s of sequential setup, {len(jobs)} jobs "
      f"on {args.workers} workers), regions {', '.join(REGIONS)}; per service, the time its jobs took "
      f"(overlapping on the pool) and what they created:")
for service in sorted(counts):
    kinds = ", ".join(f"{n} {kind}" for kind, n in counts[service].items())
    note = f"  [{notes[service]}]" if service in notes else ""
    print(f"  {service:<16} {busy[service]:6.1f} s  {kinds}{note}")
print("  not seeded: cloudwatch (alarms: moto lacks the CBOR protocol the Rust SDK speaks), accessanalyzer, "
      "inspector, codeartifact, incidentmanager (moto errors), cloudtrail, config, guardduty, securityhub, "
      "macie, shield, accountcontacts (one-per-region switches)")
if args.counts:
    with open(args.counts, "w") as f:
        json.dump({service: dict(kinds) for service, kinds in sorted(counts.items())}, f, indent=1)
# A few failed jobs (moto answers an occasional 500 under load, which botocore does not retry)
# leave the seed usable: the counts above are what was created. More than 1 % of all jobs is not.
if errors:
    failed = sum(len(m) for m in errors.values())
    for service, messages in sorted(errors.items()):
        print(f"FAILED {service}: {len(messages)} job(s), first: {messages[0]}", file=sys.stderr)
    if failed * 100 > len(jobs):
        sys.exit(1)
