"""Seeds a moto server with a larger account for the scan benchmark (see scripts/bench-scan.sh)."""
import json
import sys

import boto3

endpoint, scale = sys.argv[1], int(sys.argv[2])
session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing")


def client(service, region="us-east-1"):
    return session.client(service, region_name=region, endpoint_url=endpoint)


iam = client("iam")
trust = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
admin = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
for i in range(scale):
    iam.create_user(UserName=f"user-{i}")
    if i % 3 == 0:
        iam.create_login_profile(UserName=f"user-{i}", Password="Passw0rd!Passw0rd!")
    if i % 2 == 0:
        iam.create_access_key(UserName=f"user-{i}")
    iam.create_role(RoleName=f"role-{i}", AssumeRolePolicyDocument=trust)
    if i % 10 == 0:
        arn = iam.create_policy(PolicyName=f"policy-{i}", PolicyDocument=admin)["Policy"]["Arn"]
        iam.attach_role_policy(RoleName=f"role-{i}", PolicyArn=arn)

for region in ("us-east-1", "eu-west-1"):
    s3 = client("s3", region)
    for i in range(scale // 2):
        name = f"bench-{region}-{i}"
        if region == "us-east-1":
            s3.create_bucket(Bucket=name)
        else:
            s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
        if i % 4 == 0:
            s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    ec2 = client("ec2", region)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    for i in range(scale):
        sg = ec2.create_security_group(GroupName=f"sg-{i}", Description="bench", VpcId=vpc)["GroupId"]
        cidr = "0.0.0.0/0" if i % 10 == 0 else "10.0.0.0/8"
        ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": cidr}]}])
    volumes = [ec2.create_volume(AvailabilityZone=f"{region}a", Size=8, Encrypted=i % 2 == 0)["VolumeId"]
               for i in range(scale // 2)]
    # Snapshots of the account, one in ten of them public.
    for i, volume in enumerate(volumes[: scale // 5]):
        snapshot = ec2.create_snapshot(VolumeId=volume)["SnapshotId"]
        if i % 10 == 0:
            ec2.modify_snapshot_attribute(SnapshotId=snapshot, Attribute="createVolumePermission",
                                          OperationType="add", GroupNames=["all"])
    kms = client("kms", region)
    for i in range(scale // 20):
        kms.create_key(Description=f"bench {i}")
print(f"seeded: {scale} users, {scale} roles, {scale} buckets, {2 * scale} security groups, {scale} volumes, "
      f"{2 * (scale // 5)} snapshots")
