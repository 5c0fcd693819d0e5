use crate::declare_check;
use crate::iam_policies::{admin_levels, allowing_statements, caveats_text, unknown_text, Analysis, Part, Verdict};
use wasp_iam::{Context, Target};
use wasp_model::Inventory;

/// Actions whose allowing statements illustrate an administrator's grants.
const SAMPLE_IAM: &str = "iam:AttachRolePolicy";
const SAMPLE_OTHERS: [&str; 2] = ["s3:DeleteBucket", "ec2:TerminateInstances"];

declare_check! {
    /// ### What it checks
    /// No IAM user or role (service-linked roles aside) is effectively a full administrator
    /// or an administrator of IAM, by all its policies together: its managed and inline
    /// policies and, for users, its groups' policies, minus every explicit deny, within its
    /// permissions boundary and the organization's SCPs.
    ///
    /// A principal is a full administrator when every action of every service in wasp's action
    /// catalogue is allowed on every resource (`*`), and an IAM administrator when every `iam:`
    /// action is (which lets it grant itself anything). How the grants are written does not
    /// matter: `"*"`, `iam:*`, `NotAction` with `Allow`, or many statements adding up across
    /// policies and groups. Statements limited to particular resources do not count, and denies
    /// limited to particular resources do not subtract.
    ///
    /// FAIL names the level and statements that grant it. Administrator access allowed only
    /// under conditions on how the principal calls (MFA, source network, region, time) is a
    /// FAIL naming them; access that depends on something the inventory does not decide is a
    /// PASS whose message names it. When the SCPs or the boundary could not be read, a FAIL
    /// says so. SKIP when the principal is not an administrator by the policies read but one
    /// of its policies could not be read or parsed (named) — AWS-managed ones included: their
    /// documents are collected with the account's authorization details.
    ///
    /// This complements the pattern checks: `iam_customer_policy_no_full_admin` and
    /// `iam_inline_policy_no_full_admin` flag documents with an `Allow` of `*` on `*` whoever
    /// holds them, and `iam_administrator_access_not_attached` flags attachments of
    /// `AdministratorAccess`; this check judges what each principal can actually do, so it
    /// also catches administrators made of several grants, and clears those whose boundary,
    /// SCP or deny takes the power away.
    ///
    /// ### Why it matters
    /// An administrator's credentials are the whole account: any mistake, leaked key or
    /// compromised workload of that principal can change or destroy anything, including the
    /// logs that would show it. Least privilege keeps this power with a few break-glass
    /// principals.
    ///
    /// ### How to fix
    /// Replace the broad grants with policies scoped to the principal's job (IAM Access Analyzer
    /// can generate them from CloudTrail activity), cap delegated administrators with a
    /// permissions boundary, and keep full administrator access to a few break-glass roles
    /// used with MFA.
    IamPrincipalEffectiveAdmin {
        id: "iam_principal_effective_admin",
        title: "No user or role is effectively a full or IAM administrator",
        severity: High,
        service: Iam,
        resource_kind: "iam_principal",
        best_practices: ["SEC03-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: {
            Iam: [GetAccountAuthorizationDetails],
            Organizations: [DescribeOrganization, ListPolicies, ListTargetsForPolicy, DescribePolicy, ListParents],
        },
        remediation: "Scope the principal's policies to its job and keep administrator access to break-glass roles.",
    }
}

impl IamPrincipalEffectiveAdmin {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let analysis = Analysis::new(inv);
        for subject in analysis.subjects() {
            let levels = admin_levels(&subject);
            let unread: Vec<_> = subject.caveats.iter().filter(|c| c.part == Part::Identity).cloned().collect();
            // A deny, boundary or SCP left out could still take the power away: say so.
            let not_considered = if subject.caveats.is_empty() {
                String::new()
            } else {
                format!(" (not considered: {})", caveats_text(&subject.caveats))
            };
            let by = |actions: &[&str]| {
                let ev = subject.evaluator(&Context::unknown_by_default());
                let mut statements: Vec<String> = Vec::new();
                for a in actions {
                    for s in allowing_statements(&ev.evaluate(a, &Target::all())) {
                        if !statements.contains(&s) {
                            statements.push(s);
                        }
                    }
                }
                statements.join(", ")
            };
            let when = |v: &Verdict| match v {
                Verdict::When(u) => {
                    let mut c: Vec<String> = u.iter().map(unknown_text).collect();
                    c.dedup();
                    format!(", when {}", c.join(" and "))
                }
                _ => String::new(),
            };
            match (&levels.full, &levels.iam) {
                (full @ (Verdict::Allowed | Verdict::When(_)), _) => {
                    let mut sample = vec![SAMPLE_IAM];
                    sample.extend(SAMPLE_OTHERS);
                    out.fail(
                        subject.resource,
                        format!(
                            "effectively a full administrator: every action on every resource is allowed{} (e.g. by {}){not_considered}",
                            when(full),
                            by(&sample)
                        ),
                    );
                }
                (_, iam @ (Verdict::Allowed | Verdict::When(_))) => out.fail(
                    subject.resource,
                    format!(
                        "an IAM administrator: every IAM action is allowed{}, so it can grant itself anything (e.g. by {}){not_considered}",
                        when(iam),
                        by(&[SAMPLE_IAM])
                    ),
                ),
                (full, iam) => {
                    let undecided: Vec<String> = [full, iam]
                        .into_iter()
                        .filter_map(|v| match v {
                            Verdict::Undecided(u) => Some(u.iter().map(unknown_text).collect::<Vec<_>>()),
                            _ => None,
                        })
                        .flatten()
                        .collect();
                    if !unread.is_empty() {
                        out.skip(
                            subject.resource,
                            format!("not an administrator by the policies read, but {}", caveats_text(&unread)),
                        );
                    } else if undecided.is_empty() {
                        out.pass(subject.resource, "neither a full nor an IAM administrator");
                    } else {
                        let mut undecided = undecided;
                        undecided.sort();
                        undecided.dedup();
                        out.pass(
                            subject.resource,
                            format!(
                                "not an administrator unless the inventory's unknowns hold: {}",
                                undecided.into_iter().take(5).collect::<Vec<_>>().join(" and ")
                            ),
                        );
                    }
                }
            }
        }
    }
}
