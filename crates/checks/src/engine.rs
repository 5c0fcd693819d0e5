use crate::{Check, Meta, Settings, Severity};
use serde::{Deserialize, Serialize};
use wasp_model::{Inventory, Resource, Service, SourceLocation, GLOBAL_REGION};

/// The verdict of one check on one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    Fail,
    /// A failure a suppression accepts until it expires: shown with its reason, never counted
    /// towards risk or `--fail-on`.
    Muted,
    Pass,
    /// The check could not judge: the evidence it needs was not read.
    Skip,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "PASS",
            Status::Fail => "FAIL",
            Status::Muted => "MUTED",
            Status::Skip => "SKIP",
        }
    }
}

/// The suppression that muted a finding, or that would have if it had not expired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    /// Which rule: `db:ID` for a stored one, `wasp.toml:N` for the file's Nth.
    pub rule: String,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<chrono::NaiveDate>,
    /// The rule expired: the finding counts again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub expired: bool,
}

/// One verdict, as every report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub check_id: String,
    pub status: Status,
    pub severity: Severity,
    pub resource_arn: Option<String>,
    pub region: String,
    pub account_id: String,
    pub message: String,
    pub best_practices: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
    /// The suppression that muted it (status `MUTED`), or that expired (status `FAIL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
    /// From an evidence signal ([`crate::CheckKind::Signal`]): PASS present, FAIL absent. A
    /// signal is shown beside its practices; it never decides one, nor the exit code.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub signal: bool,
}

/// Where a check writes its verdicts.
pub struct Findings<'a> {
    meta: &'static Meta,
    inv: &'a Inventory,
    settings: &'a Settings,
    out: &'a mut Vec<Finding>,
}

impl Findings<'_> {
    /// The thresholds in force.
    pub fn settings(&self) -> &Settings {
        self.settings
    }

    pub fn pass(&mut self, resource: &dyn Resource, message: impl Into<String>) {
        self.push_resource(Status::Pass, resource, message.into());
    }
    pub fn fail(&mut self, resource: &dyn Resource, message: impl Into<String>) {
        self.push_resource(Status::Fail, resource, message.into());
    }
    pub fn skip(&mut self, resource: &dyn Resource, message: impl Into<String>) {
        self.push_resource(Status::Skip, resource, message.into());
    }

    /// A verdict about something that is not a model resource.
    pub fn report(&mut self, status: Status, arn: String, region: &str, message: impl Into<String>) {
        self.push(status, Some(arn), region.to_owned(), message.into(), None);
    }

    /// A verdict about the account as a whole (region `global`).
    pub fn account(&mut self, status: Status, message: impl Into<String>) {
        let arn = self.inv.account_arn();
        self.push(status, Some(arn), GLOBAL_REGION.to_owned(), message.into(), None);
    }

    /// A verdict about a regional account setting of a service (`arn_service` as ARNs spell
    /// it, e.g. `access-analyzer`).
    pub fn in_region(&mut self, status: Status, arn_service: &str, region: &str, message: impl Into<String>) {
        let arn = self.inv.regional_account_arn(arn_service, region);
        self.push(status, Some(arn), region.to_owned(), message.into(), None);
    }

    fn push_resource(&mut self, status: Status, resource: &dyn Resource, message: String) {
        let arn = Some(resource.arn().to_owned()).filter(|a| !a.is_empty());
        self.push(status, arn, resource.region().to_owned(), message, resource.location().cloned());
    }

    fn push(
        &mut self,
        status: Status,
        resource_arn: Option<String>,
        region: String,
        message: String,
        location: Option<SourceLocation>,
    ) {
        self.out.push(Finding {
            check_id: self.meta.id.to_owned(),
            status,
            severity: self.meta.severity,
            resource_arn,
            region,
            account_id: self.inv.account_id.clone(),
            message,
            best_practices: self.meta.best_practices.iter().map(|s| s.to_string()).collect(),
            location,
            suppression: None,
            signal: self.meta.kind == crate::CheckKind::Signal,
        });
    }
}

/// Which checks to run. Empty lists select everything.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub check_ids: Vec<String>,
    pub services: Vec<Service>,
    pub best_practices: Vec<String>,
    pub min_severity: Option<Severity>,
}

impl Selection {
    pub fn matches(&self, meta: &Meta) -> bool {
        (self.check_ids.is_empty() || self.check_ids.iter().any(|id| id == meta.id))
            && (self.services.is_empty() || self.services.contains(&meta.service))
            && (self.best_practices.is_empty()
                || self.best_practices.iter().any(|bp| meta.best_practices.contains(&bp.as_str())))
            && self.min_severity.is_none_or(|min| meta.severity >= min)
    }

    /// The selected checks, in registry order.
    pub fn checks(&self) -> impl Iterator<Item = &'static dyn Check> + '_ {
        crate::CHECKS.iter().copied().filter(move |c| self.matches(c.meta()))
    }

    /// The selected checks whose every input service was collected in `inv`.
    pub fn applicable<'a>(&'a self, inv: &'a Inventory) -> impl Iterator<Item = &'static dyn Check> + 'a {
        self.checks().filter(move |c| c.meta().services().into_iter().all(|s| inv.has_service(s)))
    }

    /// Whether the selection is narrower than the whole catalogue.
    pub fn is_narrowed(&self) -> bool {
        !(self.check_ids.is_empty()
            && self.services.is_empty()
            && self.best_practices.is_empty()
            && self.min_severity.is_none())
    }
}

/// Runs the applicable selected checks over the inventory, in parallel; findings come out in
/// check order.
pub fn run(inv: &Inventory, selection: &Selection, settings: &Settings) -> Vec<Finding> {
    use rayon::prelude::*;
    let checks: Vec<&'static dyn Check> = selection.applicable(inv).collect();
    let each: Vec<Vec<Finding>> = checks
        .par_iter()
        .map(|check| {
            let mut out = Vec::new();
            run_one(*check, inv, settings, &mut out);
            out
        })
        .collect();
    each.into_iter().flatten().collect()
}

/// Runs one check, appending its findings.
pub fn run_one(check: &dyn Check, inv: &Inventory, settings: &Settings, out: &mut Vec<Finding>) {
    let mut findings = Findings { meta: check.meta(), inv, settings, out };
    check.run(inv, &mut findings);
}
