"""Seeds a moto server with an organization for the organization benchmark (scripts/bench-org.sh).

Usage: bench_org_seed.py ENDPOINT ACCOUNTS [--per-account K] [--role-name NAME] [--workers N]
                         [--ids FILE]

Creates an organization whose management account is moto's default one (123456789012) and
ACCOUNTS - 1 member accounts, so that the organization has ACCOUNTS accounts in all. Each
account, the management one included, gets the same modest set in us-east-1: K IAM users (one
in five with a console password and no MFA), K buckets and K security groups (one in ten open
to the world on port 22). A member is seeded through sts:AssumeRole into its --role-name role
(default OrganizationAccountAccessRole, wasp's default), the way `wasp scan --organization`
reaches it; moto's assume-role acts in the role's account.

Then it checks the seed: it assumes the role into the first member again and lists its buckets
and users, which must be that member's K and no other account's. --ids writes the account ids,
one a line, the management account first. Exits 1 when a step fails.
"""
import argparse
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

REGION = "us-east-1"

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("endpoint")
parser.add_argument("accounts", type=int, help="accounts in the organization, the management one included")
parser.add_argument("--per-account", type=int, default=20, metavar="K")
parser.add_argument("--role-name", default="OrganizationAccountAccessRole")
parser.add_argument("--workers", type=int, default=4)
parser.add_argument("--ids", help="write the account ids here, the management account first")
args = parser.parse_args()
if args.accounts < 1:
    parser.error("ACCOUNTS must be at least 1")
endpoint, k = args.endpoint, args.per_account
config = Config(max_pool_connections=4, retries={"mode": "standard", "max_attempts": 5})


_lock = threading.Lock()


def clients(session):
    """A client maker for one session; boto3 creates clients safely from one thread at a time."""
    def client(service):
        with _lock:
            return session.client(service, region_name=REGION, endpoint_url=endpoint, config=config)
    return client


management = clients(boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing"))


def member(account_id):
    """Clients in a member account, through the role wasp assumes there."""
    credentials = management("sts").assume_role(
        RoleArn=f"arn:aws:iam::{account_id}:role/{args.role_name}", RoleSessionName="bench-seed")["Credentials"]
    return clients(boto3.session.Session(aws_access_key_id=credentials["AccessKeyId"],
                                         aws_secret_access_key=credentials["SecretAccessKey"],
                                         aws_session_token=credentials["SessionToken"]))


def seed(account_id, client):
    """The same set in every account; returns the account id once done."""
    sts = client("sts").get_caller_identity()["Account"]
    if sts != account_id:
        raise RuntimeError(f"seeding {account_id}, but the credentials act in {sts}")
    iam, s3, ec2 = client("iam"), client("s3"), client("ec2")
    for i in range(k):
        iam.create_user(UserName=f"user-{i}")
        if i % 5 == 0:
            iam.create_login_profile(UserName=f"user-{i}", Password="Passw0rd!Passw0rd!")
        s3.create_bucket(Bucket=f"org-{account_id}-{i}")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    for i in range(k):
        group = ec2.create_security_group(GroupName=f"sg-{i}", Description="bench", VpcId=vpc)["GroupId"]
        ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{
            "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
            "IpRanges": [{"CidrIp": "0.0.0.0/0" if i % 10 == 0 else "10.0.0.0/8"}]}])
    return account_id


started = time.perf_counter()
organizations = management("organizations")
organizations.create_organization(FeatureSet="ALL")
management_id = management("sts").get_caller_identity()["Account"]
members = []
for i in range(args.accounts - 1):
    status = organizations.create_account(AccountName=f"member-{i}", Email=f"member-{i}@example.com")
    status = status["CreateAccountStatus"]
    if status["State"] != "SUCCEEDED":  # moto creates accounts at once; AWS would need polling
        sys.exit(f"creating member-{i}: {status}")
    members.append(status["AccountId"])
listed = {a["Id"] for page in organizations.get_paginator("list_accounts").paginate() for a in page["Accounts"]}
if listed != {management_id, *members}:
    sys.exit(f"the organization lists {sorted(listed)}, expected {management_id} and {members}")
created = time.perf_counter() - started

# moto builds each account's EC2 defaults on its first EC2 call (~3 s, in moto's one process),
# which is most of the seeding time; the pool overlaps it with the other accounts' IAM and S3.
with ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
    futures = [pool.submit(seed, management_id, management)]
    futures += [pool.submit(lambda a: seed(a, member(a)), account) for account in members]
    failed = [f.exception() for f in futures if f.exception()]
if failed:
    sys.exit(f"seeding failed in {len(failed)} account(s), first: {failed[0]!r}")
seeded = time.perf_counter() - started

# The check: the first member, reached again through the role, holds its own set and no other.
if members:
    first = members[0]
    client = member(first)
    buckets = sorted(b["Name"] for b in client("s3").list_buckets()["Buckets"])
    users = [u["UserName"] for page in client("iam").get_paginator("list_users").paginate() for u in page["Users"]]
    expected = sorted(f"org-{first}-{i}" for i in range(k))
    if buckets != expected or len(users) != k:
        sys.exit(f"member {first} holds {len(buckets)} bucket(s) {buckets[:3]}… and {len(users)} user(s); "
                 f"expected its {k} of each")
    print(f"check: {first}, through {args.role_name}, lists its {len(buckets)} buckets and {len(users)} users")

if args.ids:
    with open(args.ids, "w") as f:
        f.write("\n".join([management_id, *members]) + "\n")
print(f"seeded an organization of {args.accounts} account(s) (management {management_id} and "
      f"{len(members)} member(s)) in {seeded:.1f} s ({created:.1f} s creating the accounts): "
      f"{k} users, {k} buckets, {k} security groups in {REGION} in each")
