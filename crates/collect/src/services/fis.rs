//! AWS Fault Injection Service of one region: experiment templates
//! (`ListExperimentTemplates`) and experiments (`ListExperiments`), as evidence that failure
//! and incident simulations are prepared and run.
use crate::unit::{client, Unit};
use wasp_model::fis::{Experiment, FisRegion};
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let fis = client!(aws_sdk_fis, unit);
    let templates = async {
        let mut ids = Vec::new();
        let mut pages = fis.list_experiment_templates().into_paginator().send();
        while let Some(page) = pages.next().await {
            let page = unit.read("ListExperimentTemplates", page).ok()?;
            ids.extend(page.experiment_templates().iter().filter_map(|t| t.id()).map(str::to_owned));
        }
        Some(ids)
    };
    let experiments = async {
        let mut out = Vec::new();
        let mut pages = fis.list_experiments().into_paginator().send();
        while let Some(page) = pages.next().await {
            let page = unit.read("ListExperiments", page).ok()?;
            out.extend(page.experiments().iter().filter_map(|e| {
                Some(Experiment {
                    id: e.id()?.to_owned(),
                    template_id: e.experiment_template_id().map(str::to_owned),
                    status: e.state().and_then(|s| s.status()).map(|s| s.as_str().to_owned()),
                    started: e.creation_time().and_then(|t| chrono::DateTime::from_timestamp(t.secs(), 0)),
                })
            }));
        }
        Some(out)
    };
    let (templates, experiments) = futures::join!(templates, experiments);
    part.fis.regions.insert(unit.region.clone(), FisRegion { templates, experiments });
}
