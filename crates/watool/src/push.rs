//! Sends an export to the Well-Architected Tool through the AWS SDK.

use crate::export::{ChoiceReason, ChoiceStatus, Export, QuestionAnswer};
use aws_sdk_wellarchitected::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_wellarchitected::types;
use aws_sdk_wellarchitected::Client;
use serde::Serialize;
use wasp_model::{error_chain, root_cause};

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PushReport {
    /// The questions answered, by Well-Architected Tool question id.
    pub updated: Vec<String>,
    /// The questions that could not be, each with one sentence on why.
    pub failed: Vec<(String, String)>,
    /// The number of the milestone recorded after the answers.
    pub milestone: Option<i32>,
    /// Why there is no milestone.
    pub milestone_error: Option<String>,
}

/// Pushes an export to workload `workload_id`: `UpdateAnswer` per question, then
/// `CreateMilestone` named `milestone_name`. A failing question does not stop the others, but
/// no milestone is recorded unless every question was answered. The milestone's client request
/// token is the SDK's.
pub async fn push(client: &Client, workload_id: &str, export: &Export, milestone_name: &str) -> PushReport {
    let mut report = PushReport::default();
    for answer in &export.answers {
        match update_answer(client, workload_id, &export.lens_alias, answer).await {
            Ok(()) => report.updated.push(answer.question_id.clone()),
            Err(reason) => report.failed.push((answer.question_id.clone(), reason)),
        }
    }
    if !report.failed.is_empty() {
        report.milestone_error = Some(format!(
            "no milestone was created: {} of {} questions could not be answered",
            report.failed.len(),
            export.answers.len()
        ));
        return report;
    }
    if report.updated.is_empty() {
        report.milestone_error = Some("no milestone was created: the export has no answers".to_owned());
        return report;
    }
    let created = client.create_milestone().workload_id(workload_id).milestone_name(milestone_name).send().await;
    match created.map(|out| out.milestone_number()) {
        Ok(Some(number)) => report.milestone = Some(number),
        Ok(None) => report.milestone_error = Some("CreateMilestone answered without a milestone number".to_owned()),
        Err(err) => report.milestone_error = Some(format!("the milestone could not be created: {}", sentence(&err))),
    }
    report
}

/// A client for the Tool: the shared AWS configuration with `profile`, `region` and
/// `endpoint_url` when given; each call gives up after 30 s, retries included.
pub async fn client(profile: Option<&str>, region: Option<&str>, endpoint_url: Option<&str>) -> Result<Client, String> {
    use aws_config::timeout::TimeoutConfig;
    use std::time::Duration;
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(3))
        .operation_timeout(Duration::from_secs(30))
        .build();
    let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest()).timeout_config(timeouts);
    if let Some(profile) = profile {
        loader = loader.profile_name(profile);
    }
    if let Some(region) = region {
        loader = loader.region(aws_config::Region::new(region.to_owned()));
    }
    if let Some(url) = endpoint_url {
        loader = loader.endpoint_url(url);
    }
    let config = loader.load().await;
    if config.region().is_none() {
        return Err("no AWS region is configured for the Well-Architected Tool: pass --region or set AWS_REGION".into());
    }
    Ok(Client::new(&config))
}

/// Before a push: the workload exists, the credentials may read it, and it reviews
/// `lens_alias` (the Tool's lens alias or a custom lens ARN). Returns the workload's name.
pub async fn check_workload(client: &Client, workload_id: &str, lens_alias: &str) -> Result<String, String> {
    let out = client.get_workload().workload_id(workload_id).send().await.map_err(|err| sentence(&err))?;
    let Some(workload) = out.workload() else {
        return Err(format!("GetWorkload answered without workload {workload_id}"));
    };
    let lenses = workload.lenses();
    if !lenses.is_empty() && !lenses.iter().any(|l| l == lens_alias) {
        return Err(format!(
            "workload {workload_id} does not review lens {lens_alias} (it has {}); add the lens in the Tool first",
            lenses.join(", ")
        ));
    }
    Ok(workload.workload_name().unwrap_or(workload_id).to_owned())
}

/// A workload id as the Tool issues them: 32 lowercase hexadecimal characters.
pub fn valid_workload_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

async fn update_answer(
    client: &Client,
    workload_id: &str,
    lens_alias: &str,
    answer: &QuestionAnswer,
) -> Result<(), String> {
    let updates = answer
        .choice_updates
        .iter()
        .map(|(id, update)| {
            let status = match update.status {
                ChoiceStatus::Selected => types::ChoiceStatus::Selected,
                ChoiceStatus::NotApplicable => types::ChoiceStatus::NotApplicable,
                ChoiceStatus::Unselected => types::ChoiceStatus::Unselected,
            };
            let reason = update.reason.map(|r| match r {
                ChoiceReason::OutOfScope => types::ChoiceReason::OutOfScope,
                ChoiceReason::BusinessPriorities => types::ChoiceReason::BusinessPriorities,
                ChoiceReason::ArchitectureConstraints => types::ChoiceReason::ArchitectureConstraints,
                ChoiceReason::Other => types::ChoiceReason::Other,
                ChoiceReason::None => types::ChoiceReason::None,
            });
            let choice = types::ChoiceUpdate::builder()
                .status(status)
                .set_reason(reason)
                .set_notes(update.notes.clone())
                .build();
            (id.clone(), choice)
        })
        .collect();
    client
        .update_answer()
        .workload_id(workload_id)
        .lens_alias(lens_alias)
        .question_id(&answer.question_id)
        .set_selected_choices(Some(answer.selected_choices.clone()))
        .set_choice_updates(Some(updates))
        .notes(&answer.notes)
        .send()
        .await
        .map(|_| ())
        .map_err(|err| sentence(&err))
}

/// One sentence on a failed call: the service's error code and message, or what kept the call
/// from being answered.
pub(crate) fn sentence<E>(err: &SdkError<E>) -> String
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    let text = match err {
        SdkError::ServiceError(service) => {
            let e = service.err();
            match (e.code(), e.message()) {
                (Some(code), Some(message)) if !message.is_empty() => format!("{code}: {message}"),
                (Some(code), _) => code.to_owned(),
                (None, _) => format!("HTTP {}: {e}", service.raw().status().as_u16()),
            }
        }
        SdkError::TimeoutError(_) => "the call timed out".to_owned(),
        SdkError::DispatchFailure(failure) if failure.is_timeout() => "timed out connecting".to_owned(),
        SdkError::DispatchFailure(_) if error_chain(err).contains("credential") => {
            format!("no usable AWS credentials: {}", root_cause(err))
        }
        SdkError::DispatchFailure(failure) if failure.is_io() => {
            format!("cannot reach the endpoint: {}", root_cause(err))
        }
        SdkError::DispatchFailure(_) => format!("the request was not sent: {}", error_chain(err)),
        SdkError::ResponseError(response) => {
            format!("unreadable answer (HTTP {})", response.raw().status().as_u16())
        }
        SdkError::ConstructionFailure(_) => format!("the request could not be built: {}", error_chain(err)),
        _ => error_chain(err),
    };
    wasp_model::excerpt(&text)
}

#[cfg(test)]
mod tests;
