//! `wasp fix --emit`: the plan as a template.
use crate::args::EmitFormat;
use wasp_respond::emit::{render as emit, Emit};
use wasp_respond::Plan;

pub fn render(format: EmitFormat, plan: &Plan) -> anyhow::Result<String> {
    let kind = match format {
        EmitFormat::Cloudformation => Emit::CloudFormation,
        EmitFormat::Terraform => Emit::Terraform,
        EmitFormat::SsmAutomation => Emit::SsmAutomation,
    };
    emit(kind, plan).map_err(anyhow::Error::msg)
}
