use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No Systems Manager document the account owns is shared publicly: its `Share`
    /// permission (`DescribeDocumentPermission`) does not list `all`. Documents shared with
    /// named accounts pass, with the accounts counted. SKIP when the permission could not be
    /// read.
    ///
    /// ### Why it matters
    /// A public document is readable and runnable by every AWS account: its scripts,
    /// parameters and defaults often reveal internal hostnames, bucket names and procedures,
    /// and sometimes credentials.
    ///
    /// ### How to fix
    /// `aws ssm modify-document-permission --name <name> --permission-type Share
    /// --account-ids-to-remove all`, and share with named accounts instead.
    SsmDocumentNotPublic {
        id: "ssm_document_not_public",
        title: "Systems Manager documents are not shared publicly",
        severity: Critical,
        service: Ssm,
        resource_kind: "ssm_document",
        best_practices: ["SEC03-BP07"],
        prowler: ["ssm_documents_set_as_public"],
        security_hub: ["SSM.4"],
        config_rule: ["SSM_DOCUMENT_NOT_PUBLIC"],
        cis: [],
        reads: { Ssm: [ListDocuments, DescribeDocumentPermission] },
        remediation: "Remove the public share of the document and share it with named accounts.",
    }
}

impl SsmDocumentNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for doc in &inv.ssm.documents {
            match &doc.shared_with {
                Some(accounts) if accounts.iter().any(|a| a.eq_ignore_ascii_case("all")) => {
                    out.fail(doc, "the document is shared with all AWS accounts")
                }
                Some(accounts) if accounts.is_empty() => out.pass(doc, "the document is not shared"),
                Some(accounts) => out.pass(doc, format!("shared with {} named account(s) only", accounts.len())),
                None => out.skip(doc, evidence::unknown_for_resource(inv, &doc.arn, "the document's sharing")),
            }
        }
    }
}
