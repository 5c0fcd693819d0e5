//! AWS Fault Injection Service signals.
mod fis_experiment_run_recently;
mod fis_experiment_templates_exist;

pub use fis_experiment_run_recently::FisExperimentRunRecently;
pub use fis_experiment_templates_exist::FisExperimentTemplatesExist;
