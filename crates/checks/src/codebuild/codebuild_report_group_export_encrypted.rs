use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CodeBuild report group that exports to S3 keeps the export encrypted
    /// (`encryptionDisabled` is not `true`). Report groups with `NO_EXPORT` pass. SKIP when
    /// the export configuration was not read.
    ///
    /// ### Why it matters
    /// Test reports and code-coverage exports describe the application's internals and
    /// sometimes carry test data; unencrypted exports lose the KMS access control.
    ///
    /// ### How to fix
    /// `aws codebuild update-report-group --arn <arn> --export-config
    /// 'exportConfigType=S3,s3Destination={bucket=<b>,encryptionDisabled=false,encryptionKey=<key>}'`.
    CodebuildReportGroupExportEncrypted {
        id: "codebuild_report_group_export_encrypted",
        title: "CodeBuild report group exports to S3 are encrypted",
        severity: Medium,
        service: CodeBuild,
        resource_kind: "codebuild_report_group",
        best_practices: ["SEC08-BP02"],
        prowler: ["codebuild_report_group_export_encrypted"],
        security_hub: ["CodeBuild.7"],
        config_rule: ["CODEBUILD_REPORT_GROUP_ENCRYPTED_AT_REST"],
        cis: [],
        reads: { CodeBuild: [ListReportGroups, BatchGetReportGroups] },
        remediation: "Keep encryption on for report exports to S3.",
    }
}

impl CodebuildReportGroupExportEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for group in &inv.codebuild.report_groups {
            match (group.export_type.as_deref(), group.export_encryption_disabled) {
                (Some("S3"), Some(true)) => out.fail(group, "reports are exported to S3 unencrypted"),
                (Some("S3"), _) => out.pass(group, "reports are exported to S3 encrypted"),
                (Some(_), _) => out.pass(group, "reports are not exported"),
                (None, _) => out.skip(group, "the export configuration was not read"),
            }
        }
    }
}
