use crate::{declare_check, evidence, Status};
use wasp_model::detection::{ConfigRecorder, RecorderLastStatus, RecordingScope};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// In every scanned region, AWS Config has a configuration recorder that is recording,
    /// whose last recording attempt did not end in `Failure`, and that records every supported
    /// resource type (all supported, or an exclusion list that is empty), as CIS 3.3 and
    /// Security Hub Config.1 ask. Besides the per-region findings, one account finding says
    /// whether a region with such a recorder also records global resource types (IAM users,
    /// roles, groups and policies). FAIL when a region has no recorder, or its recorders are
    /// stopped, failing or record a subset of types; when no region records global types.
    /// SKIP when a region's recorders, their status or their recording group could not be
    /// read.
    ///
    /// ### Why it matters
    /// Config keeps the history of every resource's configuration and drives the rules that
    /// flag drift. A region without a recorder is a region where changes leave no trace and
    /// no detective control fires.
    ///
    /// ### How to fix
    /// Set up a recorder and delivery channel in every region (`aws configservice
    /// put-configuration-recorder`, then `start-configuration-recorder`), ideally deployed
    /// organization-wide with Control Tower or StackSets.
    ConfigRecorderEnabled {
        id: "config_recorder_enabled",
        title: "AWS Config is recording in every region",
        severity: Medium,
        service: Config,
        resource_kind: "region",
        best_practices: ["SEC04-BP01", "SEC01-BP03"],
        prowler: ["config_recorder_all_regions_enabled"],
        security_hub: ["Config.1"],
        config_rule: [],
        cis: ["3.0:3.3", "4.0:3.3", "5.0:3.3"],
        reads: { Config: [DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus] },
        remediation: "Create and start an AWS Config recorder in every region.",
    }
}

/// The recorder a region is judged by, and what is wrong with it.
fn judge(recorders: &[ConfigRecorder]) -> (Status, String) {
    let working = |r: &&ConfigRecorder| r.recording == Some(true) && r.last_status != Some(RecorderLastStatus::Failure);
    let complete = |r: &&ConfigRecorder| r.scope.as_ref().is_some_and(RecordingScope::is_complete);
    if let Some(r) = recorders.iter().filter(working).find(complete).or_else(|| recorders.iter().find(working)) {
        return match &r.scope {
            Some(scope) if scope.is_complete() => {
                (Status::Pass, format!("recorder {} records every supported resource type", r.name))
            }
            Some(RecordingScope::Only(types)) => {
                let n = types.len();
                (Status::Fail, format!("recorder {} records only {n} resource type(s), not all supported", r.name))
            }
            Some(RecordingScope::AllExcept(types)) => {
                (Status::Fail, format!("recorder {} excludes {}", r.name, types.join(", ")))
            }
            _ => (Status::Skip, format!("what recorder {} records was not reported", r.name)),
        };
    }
    if let Some(r) = recorders.iter().find(|r| r.recording == Some(true)) {
        return (Status::Fail, format!("recorder {} is recording but its last attempt failed", r.name));
    }
    if recorders.iter().any(|r| r.recording.is_none()) {
        return (Status::Skip, String::new());
    }
    if recorders.is_empty() {
        (Status::Fail, "no configuration recorder in this region".to_owned())
    } else {
        (Status::Fail, "the configuration recorder is stopped".to_owned())
    }
}

impl ConfigRecorderEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let mut global: Option<&str> = None;
        let mut unread = None;
        for region in evidence::scanned_regions(inv) {
            let Some(state) = inv.detection.config.get(region) else {
                let why = evidence::unknown_because(inv, Service::Config, region, "the configuration recorder list");
                unread.get_or_insert_with(|| why.clone());
                out.in_region(Status::Skip, "config", region, why);
                continue;
            };
            let (status, mut message) = judge(&state.recorders);
            if status == Status::Skip && message.is_empty() {
                message = evidence::unknown_because(inv, Service::Config, region, "the recorder status");
            }
            if status == Status::Pass && state.recorders.iter().any(|r| r.include_global_resource_types == Some(true)) {
                global.get_or_insert(region);
            }
            out.in_region(status, "config", region, message);
        }
        // IAM's resources are global: one region must record them.
        match (global, unread) {
            (Some(region), _) => out.account(Status::Pass, format!("global resource types are recorded in {region}")),
            (None, Some(why)) => out.account(Status::Skip, why),
            (None, None) => out
                .account(Status::Fail, "no scanned region records global resource types (IAM users, roles, policies)"),
        }
    }
}
