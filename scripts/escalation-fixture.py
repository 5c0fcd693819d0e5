#!/usr/bin/env python3
"""Writes crates/checks/fixtures/iam/iam_principal_privilege_escalation.yaml.

For every path of the table in crates/checks/src/iam_policies/escalation.rs (read from the
source, so the table stays the one source of truth) it writes two cases: the path open
(FAIL) next to the same grant blocked by an explicit deny and by a permissions boundary
(PASS), and the same grant blocked by an SCP (PASS). Hand-written cases follow, from
scripts/escalation-fixture-extra.yaml.

Usage: scripts/escalation-fixture.py
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "crates/checks/src/iam_policies/escalation.rs")
EXTRA = os.path.join(ROOT, "scripts/escalation-fixture-extra.yaml")
OUT = os.path.join(ROOT, "crates/checks/fixtures/iam/iam_principal_privilege_escalation.yaml")
ACCOUNT = "123456789012"
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"


def paths():
    text = open(SOURCE).read()
    table = text[text.index("pub const PATHS"):text.index("];", text.index("pub const PATHS"))]
    for block in re.findall(r"Path \{(.*?)\n    \}", table, re.S):
        pid = re.search(r'id: "([^"]+)"', block).group(1)
        who = re.search(r"who: Who::(\w+)", block).group(1)
        on = re.search(r"on: On::(\w+)(?:\(([^)]*)\))?", block)
        steps = re.findall(r'(?:t|any)\("([^"]+)"\)', block)
        yield pid, who, on.group(1), (on.group(2) or "").strip('"'), steps


def arn(kind, name):
    return f"arn:aws:iam::{ACCOUNT}:{kind}/{name}"


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(actions):
    return {"Sid": "Grant", "Effect": "Allow", "Action": actions, "Resource": "*"}


def principal(kind, name, grant, extra=None):
    """A user or role holding `grant` inline (or through a managed policy when `managed`)."""
    p = {"name": name, "arn": arn(kind, name)}
    if kind == "role":
        p["trust_policy"] = doc({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})
    p.update(extra or {})
    return p


def case_for(pid, who, on, arg, steps):
    kind = "role" if who == "Roles" else "user"
    iam = {"users": [], "groups": [], "roles": [], "policies": []}
    context_targets = []

    def holder(name, extra_statements=(), boundary=None):
        grant = doc(allow(steps), *extra_statements)
        p = principal(kind, name, grant)
        if on == "OwnPolicies":
            parn = arn("policy", f"{name}-policy")
            iam["policies"].append({"arn": parn, "name": f"{name}-policy", "document": doc(allow(steps))})
            p["attached_policies"] = [parn]
            if extra_statements:
                p["inline_policies"] = [{"name": "deny", "document": doc(*extra_statements)}]
        else:
            p["inline_policies"] = [{"name": "grant", "document": grant}]
        if on == "OwnGroups":
            p["groups"] = ["team"]
        if boundary:
            p["permissions_boundary"] = boundary
        iam[kind + "s"].append(p)

    # What the path acts on.
    if on == "OwnGroups":
        iam["groups"].append({"name": "team", "arn": arn("group", "team")})
    if on == "OtherGroups":
        iam["groups"].append({"name": "admins", "arn": arn("group", "admins"), "attached_policies": [ADMIN]})
    if on == "OtherUsers":
        victim = {"name": "victim", "arn": arn("user", "victim"), "attached_policies": [ADMIN]}
        if arg == "Credential::AccessKey":
            victim["access_keys"] = []
        elif arg == "Credential::ReplacedAccessKey":
            victim["access_keys"] = [{"id": "AKIAVICTIM0000000001", "active": True}, {"id": "AKIAVICTIM0000000002", "active": True}]
        elif arg == "Credential::NewPassword":
            victim["console_access"] = False
        elif arg == "Credential::ChangedPassword":
            victim["console_access"] = True
        iam["users"].append(victim)
        context_targets.append((arn("user", "victim"), "PASS", "already a full administrator"))
    if on in ("OtherRoles", "PassRole"):
        service = arg if on == "PassRole" else "ec2.amazonaws.com"
        iam["roles"].append({
            "name": "admin-role", "arn": arn("role", "admin-role"), "attached_policies": [ADMIN],
            "trust_policy": doc({"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}),
        })
        context_targets.append((arn("role", "admin-role"), "PASS", "already a full administrator"))
    if on == "AssumableRoles":
        iam["roles"].append({
            "name": "plain-role", "arn": arn("role", "plain-role"),
            "trust_policy": doc({"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "sts:AssumeRole"}),
        })
        context_targets.append((arn("role", "plain-role"), "PASS", "none of the"))

    deny = {"Sid": "Block", "Effect": "Deny", "Action": steps, "Resource": "*"}
    boundary_arn = arn("policy", "boundary")
    iam["policies"].append({
        "arn": boundary_arn, "name": "boundary",
        "document": doc({"Effect": "Allow", "NotAction": steps, "Resource": "*"}),
    })
    holder("esc")
    holder("esc-deny", extra_statements=[deny])
    holder("esc-boundary", boundary=boundary_arn)
    open_case = {
        "name": f"{pid}: open, and blocked by a deny or a permissions boundary",
        "inventory": {"iam": {k: v for k, v in iam.items() if v}},
        "expect": [
            {"resource": arn(kind, "esc"), "status": "FAIL", "message_contains": f"[{pid}]"},
            {"resource": arn(kind, "esc-deny"), "status": "PASS"},
            {"resource": arn(kind, "esc-boundary"), "status": "PASS"},
        ] + [{"resource": r, "status": s, "message_contains": m} for r, s, m in context_targets],
    }

    # The same grant, blocked for `esc` by an SCP of the organization root.
    iam2 = json.loads(json.dumps(iam))
    for k in ("users", "roles"):
        iam2[k] = [p for p in iam2[k] if not p["name"].startswith("esc-")]
    iam2["policies"] = [p for p in iam2["policies"] if not p["name"].startswith(("esc-deny", "esc-boundary", "boundary"))]
    scp = doc({
        "Effect": "Deny", "Action": steps, "Resource": "*",
        "Condition": {"ArnEquals": {"aws:PrincipalArn": arn(kind, "esc")}},
    })
    scp_case = {
        "name": f"{pid}: blocked by an SCP",
        "inventory": {
            "iam": {k: v for k, v in iam2.items() if v},
            "organizations": {
                "organization": {"configured": {
                    "id": "o-test123456", "arn": "arn:aws:organizations::999999999999:organization/o-test123456",
                    "master_account_id": "999999999999", "feature_set": "ALL",
                }},
                "service_control_policies": [
                    {"id": "p-FullAWSAccess", "arn": "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
                     "name": "FullAWSAccess", "aws_managed": True},
                    {"id": "p-block", "arn": "arn:aws:organizations::999999999999:policy/o-test123456/service_control_policy/p-block",
                     "name": "block", "targets": ["r-root"], "document": scp},
                ],
                "account_parents": ["r-root"],
            },
        },
        "expect": [{"resource": arn(kind, "esc"), "status": "PASS"}]
        + [{"resource": r, "status": s, "message_contains": m} for r, s, m in context_targets],
    }
    return [open_case, scp_case]


def main():
    cases = []
    for pid, who, on, arg, steps in paths():
        cases.extend(case_for(pid, who, on, arg, steps))
    if not cases:
        sys.exit("no paths found in " + SOURCE)
    header = (
        "# Generated by scripts/escalation-fixture.py from the path table and\n"
        "# scripts/escalation-fixture-extra.yaml; edit those and rerun it.\n"
    )
    body = "cases:\n"
    for c in cases:
        # JSON is YAML: one case per line keeps the file diffable.
        body += "  - " + json.dumps(c, sort_keys=False) + "\n"
    extra = open(EXTRA).read()
    with open(OUT, "w") as f:
        f.write(header + body + extra)
    print(f"{len(cases)} generated cases written to {os.path.relpath(OUT, ROOT)}")


main()
