//! wasp's lens as a Well-Architected Tool custom lens document (to import with `ImportLens` or
//! the console's "Create custom lens").

use crate::text::{cut, one_line};
use serde_json::{json, Value};
use wasp_pillar::{BestPractice, Lens, LevelOfRisk, Question, ScopeLevel};

/// The custom lens format this document follows.
pub const CUSTOM_LENS_SCHEMA_VERSION: &str = "2021-11-01";

/// Text limits, in characters: the format's, or the API's where its model is stricter.
mod limits {
    pub const NAME: usize = 128;
    pub const DESCRIPTION: usize = 2048;
    pub const TITLE: usize = 128;
    /// The format allows 2048; the API's `QuestionDescription` 1024.
    pub const QUESTION_DESCRIPTION: usize = 1024;
    /// The API's `Answer.HelpfulResourceDisplayText` (`DisplayText`) is at most 64.
    pub const QUESTION_HELPFUL_TEXT: usize = 64;
    /// The format allows 2048; the API's `ChoiceContent.DisplayText` 1024.
    pub const CHOICE_TEXT: usize = 1024;
}

/// An id the custom lens format accepts: ASCII letters, digits and `_` (anything else becomes
/// `_`), so `securely-operate` is `securely_operate`.
pub fn lens_id(id: &str) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect()
}

/// wasp's lens as a Well-Architected custom lens: one `security` pillar, a question per lens
/// question and a choice per best practice, with wasp's own summaries, AWS's pages as helpful
/// resources, and risk rules that follow wasp's question risk as far as the format can: no
/// risk when every choice is selected, medium when every High-risk one is, high otherwise.
/// The format has no low risk, so a question missing only Low-risk practices is medium here.
///
/// Question ids are the Well-Architected Tool's with `-` as `_` (see [`lens_id`]); choice ids
/// are the Tool's. No "None of these" choice is added: the format makes it optional.
pub fn custom_lens(lens: &Lens) -> Value {
    let questions: Vec<Value> = lens.questions.iter().map(|q| question(lens, q)).collect();
    let practices = lens.best_practices().count();
    let description = format!(
        "The {} (version {}) as the wasp review tool assesses it: {} questions and {practices} best practices, \
         each with wasp's summary, what wasp can evidence from AWS APIs, and a link to AWS's guidance. \
         A question has no risk when every best practice is in place, medium risk when every High-risk one is, \
         and high risk otherwise.",
        lens.lens.name,
        lens.lens.version,
        lens.questions.len()
    );
    json!({
        "schemaVersion": CUSTOM_LENS_SCHEMA_VERSION,
        "name": text(&format!("wasp: {} {}", lens.lens.name, lens.lens.version), limits::NAME),
        "description": text(&description, limits::DESCRIPTION),
        "pillars": [{
            "id": "security",
            "name": "Security",
            "questions": questions,
        }],
    })
}

fn question(lens: &Lens, q: &Question) -> Value {
    let area = lens.areas.iter().find(|a| a.id == q.area).map_or(q.area.as_str(), |a| a.title.as_str());
    let scope = |level| q.best_practices.iter().filter(|bp| bp.evidence_scope.level == level).count();
    let description = format!(
        "{}, {area}: {} best practices. wasp's checks can establish {} of them, show part of {} more, \
         and leave {} to a person's answer.",
        q.display_id,
        q.best_practices.len(),
        scope(ScopeLevel::Full),
        scope(ScopeLevel::Partial),
        scope(ScopeLevel::None)
    );
    json!({
        "id": lens_id(&q.wa_tool_question_id),
        "title": text(&q.title, limits::TITLE),
        "description": text(&description, limits::QUESTION_DESCRIPTION),
        "helpfulResource": {
            "displayText": text(&format!("{} in the AWS Well-Architected Framework", q.display_id), limits::QUESTION_HELPFUL_TEXT),
            "url": q.url,
        },
        "choices": q.best_practices.iter().map(choice).collect::<Vec<_>>(),
        "riskRules": risk_rules(q),
    })
}

fn choice(bp: &BestPractice) -> Value {
    let plan = format!(
        "{} risk while missing ({}). What wasp can evidence: {}. `wasp review` lists the failing checks \
         with their remediation; the linked page is AWS's guidance.",
        risk_word(bp.level_of_risk),
        bp.id,
        bp.evidence_scope.reason.trim_end_matches('.')
    );
    json!({
        "id": lens_id(&bp.wa_tool_choice_id),
        "title": text(&bp.title, limits::TITLE),
        "helpfulResource": { "displayText": text(&bp.summary, limits::CHOICE_TEXT), "url": bp.url },
        "improvementPlan": { "displayText": text(&plan, limits::CHOICE_TEXT), "url": bp.url },
    })
}

/// Rules in the order the tool reads them, the first true one deciding: all choices, no risk;
/// all High-risk choices, medium; else the default (medium when the question has no High-risk
/// practice, as wasp rates it).
fn risk_rules(q: &Question) -> Vec<Value> {
    let all: Vec<String> = q.best_practices.iter().map(|bp| lens_id(&bp.wa_tool_choice_id)).collect();
    let high: Vec<String> = q
        .best_practices
        .iter()
        .filter(|bp| bp.level_of_risk == LevelOfRisk::High)
        .map(|bp| lens_id(&bp.wa_tool_choice_id))
        .collect();
    let rule = |condition: String, risk: &str| json!({ "condition": condition, "risk": risk });
    let mut rules = Vec::new();
    if !all.is_empty() {
        rules.push(rule(all.join(" && "), "NO_RISK"));
    }
    if high.is_empty() {
        rules.push(rule("default".to_owned(), "MEDIUM_RISK"));
    } else {
        if high.len() < all.len() {
            rules.push(rule(high.join(" && "), "MEDIUM_RISK"));
        }
        rules.push(rule("default".to_owned(), "HIGH_RISK"));
    }
    rules
}

fn risk_word(level: LevelOfRisk) -> &'static str {
    match level {
        LevelOfRisk::High => "High",
        LevelOfRisk::Medium => "Medium",
        LevelOfRisk::Low => "Low",
    }
}

fn text(s: &str, max: usize) -> String {
    cut(&one_line(s), max)
}

#[cfg(test)]
mod tests;
