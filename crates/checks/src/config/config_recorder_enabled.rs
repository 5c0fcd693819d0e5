use crate::{declare_check, util, Status};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, AWS Config has a configuration recorder that is recording and
    /// whose last recording attempt did not end in `Failure`. FAIL when the region has no
    /// recorder, or its recorders are stopped or failing; SKIP when the region's recorders, or
    /// their status, could not be read. What the recorder records (all resource types or a
    /// subset) is not judged here.
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
        service: "config",
        resource_kind: "region",
        best_practices: ["SEC04-BP01", "SEC01-BP03"],
        prowler: ["config_recorder_all_regions_enabled"],
        security_hub: ["Config.1"],
        config_rule: [],
        cis: ["3.0:3.3", "4.0:3.3", "5.0:3.3"],
        remediation: "Create and start an AWS Config recorder in every region.",
    }
}

impl ConfigRecorderEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in util::scanned_regions(inv) {
            let arn = inv.regional_account_arn("config", region);
            let Some(state) = inv.detection.config.get(region) else {
                let why = util::unknown_because(inv, "config", region, "the configuration recorder list");
                out.report(Status::Skip, arn, region, why);
                continue;
            };
            let failed = |status: &Option<String>| status.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("failure"));
            let recording: Vec<_> = state.recorders.iter().filter(|r| r.recording == Some(true)).collect();
            if let Some(r) = recording.iter().find(|r| !failed(&r.last_status)) {
                out.report(Status::Pass, arn, region, format!("recorder {} is recording", r.name));
            } else if let Some(r) = recording.first() {
                out.report(
                    Status::Fail,
                    arn,
                    region,
                    format!("recorder {} is recording but its last attempt failed", r.name),
                );
            } else if state.recorders.iter().any(|r| r.recording.is_none()) {
                let why = util::unknown_because(inv, "config", region, "the recorder status");
                out.report(Status::Skip, arn, region, why);
            } else if state.recorders.is_empty() {
                out.report(Status::Fail, arn, region, "no configuration recorder in this region");
            } else {
                out.report(Status::Fail, arn, region, "the configuration recorder is stopped");
            }
        }
    }
}
