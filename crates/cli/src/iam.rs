//! `wasp iam can` and `wasp iam escalations`: the IAM policy engine over the live account
//! (read-only), a snapshot or the demo account.
use crate::args::{Cli, Format, GraphFormat, IamCanArgs, IamCommand, IamEscalationsArgs, IamInput};
use crate::{config, output};
use anyhow::{bail, Result};
use serde_json::json;
use std::process::ExitCode;
use wasp_checks::iam_policies::{self, escalation, Certainty};
use wasp_iam::{Decision, Evaluation};
use wasp_model::{Inventory, Service};

pub fn run(cli: &Cli, command: &IamCommand, config: &config::Config) -> Result<ExitCode> {
    match command {
        IamCommand::Can(args) => can(cli, args, config),
        IamCommand::Escalations(args) => escalations(cli, args, config),
    }
}

/// The inventory to ask: a snapshot, the demo, or the live account's `services` (read in the
/// resource's region when the ARN names one and no region is chosen).
fn inventory(
    cli: &Cli,
    input: &IamInput,
    config: &config::Config,
    services: Vec<Service>,
    region: Option<&str>,
) -> Result<Inventory> {
    if let Some(path) = &input.snapshot {
        return Ok(Inventory::load_snapshot(path, crate::max_input_bytes(cli, config)?)?);
    }
    if input.demo {
        return crate::demo_inventory();
    }
    let note = "answers that depend on them say what was not read";
    crate::scan::collect_quietly(cli, config, &input.live, services, region, note)
}

/// What `iam can` reads from a live account: IAM, the organization's SCPs, and the service
/// whose policy the resource has, when wasp collects it.
fn can_services(action: &str, resource: Option<&str>) -> Vec<Service> {
    let mut services = vec![Service::Iam, Service::Organizations];
    let prefix = action.split(':').next().unwrap_or_default().to_ascii_lowercase();
    let owner = match prefix.as_str() {
        "s3" => Some(Service::S3),
        "kms" => Some(Service::Kms),
        "sqs" => Some(Service::Sqs),
        "sns" => Some(Service::Sns),
        "lambda" => Some(Service::Lambda),
        "secretsmanager" => Some(Service::SecretsManager),
        "ecr" => Some(Service::Ecr),
        "elasticfilesystem" => Some(Service::Efs),
        "glacier" => Some(Service::Glacier),
        "backup" => Some(Service::Backup),
        "es" => Some(Service::OpenSearch),
        "execute-api" => Some(Service::ApiGateway),
        "codeartifact" => Some(Service::CodeArtifact),
        _ => None,
    };
    if let (Some(service), Some(arn)) = (owner, resource) {
        if arn.trim() != "*" {
            services.push(service);
        }
    }
    services
}

/// The region an ARN names (`arn:PARTITION:SERVICE:REGION:…`), when it names one.
fn arn_region(arn: &str) -> Option<&str> {
    let region = arn.strip_prefix("arn:")?.split(':').nth(2)?;
    (!region.is_empty()).then_some(region)
}

fn can(cli: &Cli, args: &IamCanArgs, config: &config::Config) -> Result<ExitCode> {
    let resource = args.resource.as_deref().or(args.resource_arg.as_deref());
    let region = resource.and_then(arn_region);
    let inv = inventory(cli, &args.input, config, can_services(&args.action, resource), region)?;
    let ev = match iam_policies::can(&inv, &args.principal, &args.action, resource, &args.context) {
        Ok(ev) => ev,
        Err(e) => bail!("{e}"),
    };
    output::to_stdout(|out| match args.format {
        Format::Text => out.write_all(terminal_safe(&ev.to_string()).as_bytes()),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &evaluation_json(&ev)).map_err(std::io::Error::other)?;
            writeln!(out)
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// An evaluation as data: the decision, the statements that apply, what is missing, the
/// unknowns an "allowed if" depends on, and the notes.
fn evaluation_json(ev: &Evaluation) -> serde_json::Value {
    let decision = match &ev.decision {
        Decision::Allowed => "allowed",
        Decision::Denied => "denied",
        Decision::ImplicitlyDenied => "implicitly_denied",
        Decision::AllowedIf(_) => "allowed_if",
    };
    let matched: Vec<_> = ev
        .matched
        .iter()
        .map(|m| {
            json!({
                "source": m.source.to_string(),
                "policy": m.policy,
                "statement": m.statement,
                "effect": m.effect.to_string(),
                "conditional": m.conditional,
            })
        })
        .collect();
    let unknowns: Vec<_> = ev
        .decision
        .unknowns()
        .into_iter()
        .map(|u| json!({"policy": u.policy, "statement": u.statement, "detail": u.detail, "key": u.key}))
        .collect();
    json!({
        "principal": ev.principal,
        "action": ev.action,
        "resource": ev.resource,
        "decision": decision,
        "explanation": ev.decision.to_string(),
        "matched": matched,
        "missing": ev.missing.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "unknowns": unknowns,
        "notes": ev.notes,
    })
}

fn escalations(cli: &Cli, args: &IamEscalationsArgs, config: &config::Config) -> Result<ExitCode> {
    // What the escalation check reads: IAM and the organization's SCPs.
    let selection = crate::selection(&[], &["iam_principal_privilege_escalation".to_owned()], &[])?;
    let services = crate::scan::collected_services(&selection);
    let inv = inventory(cli, &args.input, config, services, None)?;
    let found = iam_policies::escalations(&inv, &config.checks);
    output::to_stdout(|out| match args.format {
        GraphFormat::Dot => out.write_all(iam_policies::escalations_dot(&found).as_bytes()),
        GraphFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &found).map_err(std::io::Error::other)?;
            writeln!(out)
        }
        GraphFormat::Text => {
            if found.is_empty() {
                let n = inv.iam.users.len() + inv.iam.roles.iter().filter(|r| !r.is_service_linked()).count();
                return writeln!(out, "no escalation path found for the {n} users and roles");
            }
            let mut last = "";
            for e in &found {
                if e.principal != last {
                    writeln!(out, "{}", terminal_safe(&e.principal))?;
                    last = &e.principal;
                }
                let undecided = if matches!(e.certainty, Certainty::Undecided(_)) { "undecided: " } else { "" };
                writeln!(out, "  {undecided}{}", terminal_safe(&escalation::describe(e)))?;
                for c in &e.caveats {
                    writeln!(out, "    not considered: {}", terminal_safe(c))?;
                }
            }
            Ok(())
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Text for a terminal: control characters from the inventory (escape sequences above all)
/// become U+FFFD; line breaks stay.
fn terminal_safe(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\n' { '\u{fffd}' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_drops_escape_sequences_but_keeps_lines() {
        assert_eq!(terminal_safe("user/\u{1b}[31mevil\nnext"), "user/\u{fffd}[31mevil\nnext");
    }

    #[test]
    fn an_evaluation_as_json_names_decision_statements_and_notes() {
        let inv = crate::demo_inventory().unwrap();
        let ev = iam_policies::can(&inv, "carol", "iam:CreateUser", None, &[]).unwrap();
        let v = evaluation_json(&ev);
        assert_eq!(v["decision"], "allowed");
        assert_eq!(v["matched"][0]["policy"], "inline:user/carol/break-glass");
        assert!(v["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().contains("SCPs were not read")));
    }
}
