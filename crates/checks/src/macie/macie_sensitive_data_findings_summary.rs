use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// A signal, per scanned region: Macie reports what sensitive data it has found. Present
    /// when Macie runs and its open (not archived) sensitive-data findings (category
    /// `CLASSIFICATION`) could be counted; the message gives the counts by severity, which a
    /// reviewer can hold against the classification scheme and the controls of the buckets
    /// concerned. Absent where Macie is off. SKIP when the counts could not be read.
    ///
    /// ### Why it matters
    /// Knowing where sensitive data actually is, and how much of it Macie flags, is what turns
    /// a classification scheme into protection decisions; high-severity findings left open
    /// are data whose controls nobody has checked.
    ///
    /// ### How to fix
    /// Enable Macie and automated discovery; review high-severity findings, tighten the
    /// buckets' controls, and archive findings once handled (suppression rules for accepted
    /// ones).
    MacieSensitiveDataFindingsSummary {
        id: "macie_sensitive_data_findings_summary",
        title: "Macie reports the sensitive data it found",
        severity: Informational,
        kind: Signal,
        service: Macie,
        resource_kind: "account",
        best_practices: ["SEC07-BP01", "SEC07-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Macie: [GetMacieSession, GetFindingStatistics] },
        remediation: "Enable Macie and review its sensitive-data findings by severity.",
    }
}

impl MacieSensitiveDataFindingsSummary {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for (region, state) in super::regions(inv) {
            match state {
                Err(why) => super::report(out, region, Status::Skip, why),
                Ok(None) => super::report(out, region, Status::Fail, "Macie is not enabled in this region"),
                Ok(Some(m)) => match &m.findings_by_severity {
                    None => {
                        let why = evidence::unknown_because(inv, Service::Macie, region, "the finding statistics");
                        super::report(out, region, Status::Skip, why)
                    }
                    Some(counts) => {
                        let get = |k: &str| counts.get(k).copied().unwrap_or(0);
                        super::report(
                            out,
                            region,
                            Status::Pass,
                            format!(
                                "open sensitive-data findings: {} high, {} medium, {} low",
                                get("High"),
                                get("Medium"),
                                get("Low")
                            ),
                        )
                    }
                },
            }
        }
    }
}
