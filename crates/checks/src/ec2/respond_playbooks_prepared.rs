use crate::{declare_check, evidence, Status};
use wasp_model::ec2::SecurityGroup;
use wasp_model::prepared::{QUARANTINE_TAG, RESPONDER_ROLE};
use wasp_model::{Inventory, Service, GLOBAL_REGION};

/// Whether a group is tagged as a quarantine group (`wasp:quarantine=true`).
fn tagged(g: &SecurityGroup) -> bool {
    g.tags.get(QUARANTINE_TAG).is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

declare_check! {
    /// ### What it checks
    /// An evidence signal for what wasp's incident playbooks use, deployed before an incident:
    /// the role `wasp-incident-responder` that responders assume, and at least one security
    /// group tagged `wasp:quarantine=true` with no inbound or outbound rule, which isolates an
    /// instance the moment it is attached. PASS names both (the groups by region and VPC);
    /// FAIL names what is missing, and a tagged group that still has rules, which would not
    /// isolate anything; SKIP when nothing is missing but the IAM roles or the security
    /// groups of a region could not be read. A group isolates instances of its own VPC only,
    /// and a role proves neither that responders can assume it nor that they practised: the
    /// signal is offered to whoever answers the practices.
    ///
    /// ### Why it matters
    /// In an incident, minutes count: creating an isolation group or a responder role then
    /// needs permissions, reviews and care nobody has to spare, and is where mistakes happen.
    /// Deployed and reviewed beforehand, they make containment one call.
    ///
    /// ### How to fix
    /// Deploy them ahead of time (`wasp respond prepare` creates both): an empty security
    /// group per VPC that runs instances, tagged `wasp:quarantine=true`, and the role
    /// `wasp-incident-responder` trusted by your responders, with read-only investigation
    /// access and the writes of the playbooks.
    RespondPlaybooksPrepared {
        id: "respond_playbooks_prepared",
        title: "Signal: the isolation group and responder role are deployed",
        severity: Informational,
        kind: Signal,
        service: Ec2,
        resource_kind: "account",
        best_practices: ["SEC10-BP05", "SEC10-BP06"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups], Iam: [GetAccountAuthorizationDetails] },
        remediation: "Deploy an empty quarantine security group and the incident responder role before an incident.",
    }
}

impl RespondPlaybooksPrepared {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let (isolating, with_rules): (Vec<&SecurityGroup>, Vec<&SecurityGroup>) = inv
            .ec2
            .security_groups
            .iter()
            .filter(|g| tagged(g))
            .partition(|g| g.ingress.is_empty() && g.egress.is_empty());
        let role = inv.iam.roles.iter().any(|r| r.name == RESPONDER_ROLE);
        // Absent only when the evidence was read; otherwise unknown.
        let roles_unread = evidence::operation_gap(
            inv,
            Service::Iam,
            GLOBAL_REGION,
            "GetAccountAuthorizationDetails",
            "the IAM roles",
        );
        let groups_unread =
            evidence::operation_gap_anywhere(inv, Service::Ec2, "DescribeSecurityGroups", "the security groups");

        let groups: Vec<String> = isolating
            .iter()
            .map(|g| match &g.vpc_id {
                Some(vpc) => format!("{} ({}, {vpc})", g.id, g.region),
                None => format!("{} ({})", g.id, g.region),
            })
            .collect();
        let with_rules: Vec<&str> = with_rules.iter().map(|g| g.id.as_str()).collect();
        let mut missing = Vec::new();
        let mut unknown = Vec::new();
        match (role, &roles_unread) {
            (true, _) => {}
            (false, None) => missing.push(format!("no role {RESPONDER_ROLE}")),
            (false, Some(why)) => unknown.push(why.clone()),
        }
        match (isolating.is_empty(), &groups_unread) {
            (false, _) => {}
            (true, None) => missing.push(format!("no security group tagged {QUARANTINE_TAG}=true without rules")),
            (true, Some(why)) => unknown.push(why.clone()),
        }
        let mut notes = Vec::new();
        if !with_rules.is_empty() {
            notes.push(format!("tagged but with rules, so not isolating: {}", with_rules.join(", ")));
        }
        if !missing.is_empty() {
            notes.extend(unknown);
            let tail = if notes.is_empty() { String::new() } else { format!("; {}", notes.join("; ")) };
            out.account(Status::Fail, format!("{}{tail}", missing.join("; ")));
        } else if !unknown.is_empty() {
            out.account(Status::Skip, unknown.join("; "));
        } else {
            let tail = if notes.is_empty() { String::new() } else { format!("; {}", notes.join("; ")) };
            out.account(
                Status::Pass,
                format!("role {RESPONDER_ROLE} and quarantine group(s) {}{tail}", groups.join(", ")),
            );
        }
    }
}
