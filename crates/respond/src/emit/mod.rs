//! Plans as code for teams that apply through their own pipelines.
mod ssm;

use crate::plan::Plan;

/// The template languages a plan can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emit {
    CloudFormation,
    Terraform,
    SsmAutomation,
}

/// The plan as a template; an error says why it cannot be expressed.
pub fn render(kind: Emit, plan: &Plan) -> Result<String, String> {
    match kind {
        Emit::SsmAutomation => ssm::document(plan),
        Emit::CloudFormation | Emit::Terraform => Err("this template language is not supported yet".into()),
    }
}
