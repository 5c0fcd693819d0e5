use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// A signal, per scanned region: Macie classification jobs are in use. It is present when
    /// a job is running, when a scheduled job is active (`RUNNING` or `IDLE` between runs), or
    /// when a one-time job was created within the last `classification_job_max_age_days` days
    /// (90 by default; a one-time job runs as it is created). It is absent where Macie is off
    /// or no job qualifies. SKIP when the session or the job list could not be read.
    ///
    /// ### Why it matters
    /// Jobs are how a team applies its own classification scheme (custom data identifiers,
    /// allow lists, chosen buckets) to its data. A recent job is evidence that identification
    /// is exercised, not only configured; it does not prove the scheme is complete.
    ///
    /// ### How to fix
    /// Create a scheduled job over the buckets that matter (`aws macie2
    /// create-classification-job --job-type SCHEDULED …`) with the custom data identifiers of
    /// the classification scheme.
    MacieClassificationJobRecent {
        id: "macie_classification_job_recent",
        title: "Macie classification jobs run",
        severity: Informational,
        kind: Signal,
        service: Macie,
        resource_kind: "account",
        best_practices: ["SEC07-BP03", "SEC07-BP01"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Macie: [GetMacieSession, ListClassificationJobs] },
        remediation: "Run scheduled Macie classification jobs over the buckets that hold sensitive data.",
    }
}

impl MacieClassificationJobRecent {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let max = i64::from(out.settings().classification_job_max_age_days);
        for (region, state) in super::regions(inv) {
            let macie = match state {
                Err(why) => {
                    super::report(out, region, Status::Skip, why);
                    continue;
                }
                Ok(None) => {
                    super::report(out, region, Status::Fail, "Macie is not enabled in this region");
                    continue;
                }
                Ok(Some(m)) => m,
            };
            let Some(jobs) = &macie.jobs else {
                let why = evidence::unknown_because(inv, Service::Macie, region, "the classification jobs");
                super::report(out, region, Status::Skip, why);
                continue;
            };
            let active = jobs.iter().find(|j| {
                let status = j.status.as_deref();
                status == Some("RUNNING")
                    || (j.job_type.as_deref() == Some("SCHEDULED") && status == Some("IDLE"))
                    || j.created.is_some_and(|c| evidence::days_before_collection(inv, c) <= max)
            });
            match active {
                Some(j) => super::report(
                    out,
                    region,
                    Status::Pass,
                    format!(
                        "job {} ({}, {}) shows classification in use",
                        j.name.as_deref().unwrap_or(&j.id),
                        j.job_type.as_deref().unwrap_or("type unknown"),
                        j.status.as_deref().unwrap_or("status unknown")
                    ),
                ),
                None if jobs.is_empty() => super::report(out, region, Status::Fail, "no classification job exists"),
                None => super::report(
                    out,
                    region,
                    Status::Fail,
                    format!("none of {} classification job(s) is active or younger than {max} days", jobs.len()),
                ),
            }
        }
    }
}
