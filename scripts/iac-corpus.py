#!/usr/bin/env python3
"""Writes a benchmark corpus of CloudFormation templates for `wasp iac` and other IaC scanners.

Usage: iac-corpus.py OUT_DIR [COUNT]   (default 300 templates)

Each template mixes vulnerable and compliant resources of the types wasp models (buckets with
policies, security groups with separate ingress rules, volumes behind conditions, KMS keys,
queues, topics, tables, log groups, IAM roles and managed policies, Lambda functions), about 40
resources per template, YAML and JSON alternately. Deterministic: the same COUNT gives the same
files.
"""
import json
import os
import random
import sys


def template(i: int) -> dict:
    rnd = random.Random(i)
    res = {}
    for j in range(4):
        public = rnd.random() < 0.3
        b = f"Bucket{j}"
        props = {"BucketName": {"Fn::Sub": f"corpus-{i}-{j}-${{Env}}"}}
        if public:
            props["PublicAccessBlockConfiguration"] = {
                "BlockPublicAcls": False, "IgnorePublicAcls": False,
                "BlockPublicPolicy": False, "RestrictPublicBuckets": False}
        else:
            props["VersioningConfiguration"] = {"Status": "Enabled"}
            props["BucketEncryption"] = {"ServerSideEncryptionConfiguration": [
                {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}
        res[b] = {"Type": "AWS::S3::Bucket", "Properties": props}
        res[f"{b}Policy"] = {"Type": "AWS::S3::BucketPolicy", "Properties": {
            "Bucket": {"Ref": b},
            "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": "*" if public else {"AWS": {"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:root"}},
                "Action": "s3:GetObject", "Resource": {"Fn::Sub": f"${{{b}.Arn}}/*"}}]}}}
    for j in range(4):
        g = f"Group{j}"
        res[g] = {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "corpus", "VpcId": "vpc-1"}}
        res[f"{g}Ingress"] = {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {
            "GroupId": {"Fn::GetAtt": [g, "GroupId"]}, "IpProtocol": "tcp",
            "FromPort": rnd.choice([22, 443, 3389]), "ToPort": rnd.choice([22, 443, 3389]),
            "CidrIp": rnd.choice(["0.0.0.0/0", "10.0.0.0/8"])}}
    for j in range(4):
        res[f"Volume{j}"] = {"Type": "AWS::EC2::Volume", "Properties": {
            "AvailabilityZone": "us-east-1a", "Size": 10, "Encrypted": {"Fn::If": ["IsProd", True, rnd.random() < 0.5]}}}
    for j in range(3):
        res[f"Key{j}"] = {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": rnd.random() < 0.5}}
        res[f"Queue{j}"] = {"Type": "AWS::SQS::Queue", "Properties": {"SqsManagedSseEnabled": rnd.random() < 0.5}}
        res[f"Topic{j}"] = {"Type": "AWS::SNS::Topic", "Properties": {"KmsMasterKeyId": "alias/aws/sns"} if rnd.random() < 0.5 else {}}
        res[f"Table{j}"] = {"Type": "AWS::DynamoDB::Table", "Properties": {
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": rnd.random() < 0.5},
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}}
        res[f"Logs{j}"] = {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365} if rnd.random() < 0.5 else {}}
    res["Role"] = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}
    res["Policy"] = {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"Roles": [{"Ref": "Role"}], "PolicyDocument": {
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": rnd.choice(
            [["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], ["s3:GetObject"]]), "Resource": "*"}]}}}
    res["Function"] = {"Type": "AWS::Lambda::Function", "Properties": {
        "Runtime": rnd.choice(["python3.8", "python3.13"]), "Handler": "i.h", "Role": {"Fn::GetAtt": ["Role", "Arn"]},
        "Code": {"ZipFile": "def h(e, c): pass"}}}
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
        "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
        "Resources": res,
    }


def main() -> None:
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        t = template(i)
        if i % 2:
            with open(os.path.join(out, f"stack{i:04}.json"), "w") as f:
                json.dump(t, f, indent=2)
        else:
            with open(os.path.join(out, f"stack{i:04}.yaml"), "w") as f:
                f.write(to_yaml(t, 0))


def to_yaml(v, indent: int) -> str:
    """Plain block YAML (JSON scalars are valid YAML scalars)."""
    pad = "  " * indent
    if isinstance(v, dict):
        lines = []
        for k, x in v.items():
            if isinstance(x, (dict, list)) and x:
                lines.append(f"{pad}{k}:\n{to_yaml(x, indent + 1)}")
            else:
                lines.append(f"{pad}{k}: {json.dumps(x)}")
        return "\n".join(lines) + ("\n" if indent == 0 else "")
    if isinstance(v, list):
        lines = []
        for x in v:
            if isinstance(x, (dict, list)) and x:
                inner = to_yaml(x, indent + 1).lstrip()
                lines.append(f"{pad}- {inner}")
            else:
                lines.append(f"{pad}- {json.dumps(x)}")
        return "\n".join(lines)
    return f"{pad}{json.dumps(v)}"


if __name__ == "__main__":
    main()
