use super::*;
use crate::text::aws_len;
use std::collections::HashSet;
use wasp_review::{question_risk, PracticeStatus, QuestionRisk};

/// What the custom lens format and the API allow (lens format specification, ImportLens and
/// UpdateAnswer): a document that breaks one of them is refused.
mod spec {
    pub const SCHEMA_VERSION: &str = "2021-11-01";
    pub const PILLARS: usize = 10;
    pub const QUESTIONS_PER_PILLAR: usize = 20;
    pub const CHOICES_PER_QUESTION: usize = 15;
    pub const RISK_RULES_PER_QUESTION: usize = 3;
    pub const ID: std::ops::RangeInclusive<usize> = 3..=128;
    /// `ChoiceId` in the API (UpdateAnswer's ChoiceUpdates keys) is at most 64 long.
    pub const API_CHOICE_ID: usize = 64;
    pub const NAME: usize = 128;
    pub const TITLE: usize = 128;
    pub const DESCRIPTION: usize = 2048;
    pub const DISPLAY_TEXT: usize = 2048;
    /// Where the API's model is stricter than the format: `QuestionDescription`,
    /// `Answer.HelpfulResourceDisplayText` and `ChoiceContent.DisplayText`.
    pub const API_QUESTION_DESCRIPTION: usize = 1024;
    pub const API_QUESTION_HELPFUL_TEXT: usize = 64;
    pub const API_CHOICE_TEXT: usize = 1024;
    /// ImportLens's `JSONString`, and the console's 500 KB.
    pub const DOCUMENT: usize = 500_000;
    pub const RISKS: [&str; 3] = ["HIGH_RISK", "MEDIUM_RISK", "NO_RISK"];
}

/// Every rule of the format this document must follow; the problems found, one line each.
fn validate(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut bad = |p: String| problems.push(p);
    let text_at_most = |v: &Value, max: usize| v.as_str().is_some_and(|s| !s.trim().is_empty() && aws_len(s) <= max);
    let id_ok = |v: &Value| {
        v.as_str()
            .is_some_and(|s| spec::ID.contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    };
    let url_ok = |v: &Value| v.as_str().is_some_and(|u| u.starts_with("https://") || u.starts_with("http://"));
    let resource_ok = |v: &Value, required: bool, max: usize| match v {
        Value::Null => !required,
        Value::Object(o) => {
            o.keys().all(|k| k == "displayText" || k == "url")
                && text_at_most(&v["displayText"], spec::DISPLAY_TEXT.min(max))
                && (v.get("url").is_none() || url_ok(&v["url"]))
        }
        _ => false,
    };
    let keys_ok =
        |v: &Value, allowed: &[&str]| v.as_object().is_some_and(|o| o.keys().all(|k| allowed.contains(&k.as_str())));

    if doc["schemaVersion"] != spec::SCHEMA_VERSION {
        bad(format!("schemaVersion is {}", doc["schemaVersion"]));
    }
    if !keys_ok(doc, &["schemaVersion", "name", "description", "pillars"]) {
        bad("the lens has a field the format does not define".into());
    }
    if !text_at_most(&doc["name"], spec::NAME) {
        bad("the lens name is missing or too long".into());
    }
    if !text_at_most(&doc["description"], spec::DESCRIPTION) {
        bad("the lens description is missing or too long".into());
    }
    if serde_json::to_string(doc).unwrap().len() > spec::DOCUMENT {
        bad("the document is larger than ImportLens takes".into());
    }
    let pillars = doc["pillars"].as_array().cloned().unwrap_or_default();
    if pillars.is_empty() || pillars.len() > spec::PILLARS {
        bad(format!("{} pillars", pillars.len()));
    }
    let mut question_ids = HashSet::new();
    let mut pillar_ids = HashSet::new();
    for pillar in &pillars {
        if !keys_ok(pillar, &["id", "name", "questions"]) || !id_ok(&pillar["id"]) {
            bad(format!("pillar {} is malformed", pillar["id"]));
        }
        if !pillar_ids.insert(pillar["id"].to_string()) {
            bad("pillar ids repeat".into());
        }
        if !text_at_most(&pillar["name"], spec::NAME) {
            bad(format!("pillar {} has no valid name", pillar["id"]));
        }
        let questions = pillar["questions"].as_array().cloned().unwrap_or_default();
        if questions.is_empty() || questions.len() > spec::QUESTIONS_PER_PILLAR {
            bad(format!("pillar {} has {} questions", pillar["id"], questions.len()));
        }
        for q in &questions {
            let qid = q["id"].as_str().unwrap_or_default().to_owned();
            if !keys_ok(q, &["id", "title", "description", "helpfulResource", "choices", "riskRules"]) {
                bad(format!("question {qid} has a field the format does not define"));
            }
            if !id_ok(&q["id"]) || !question_ids.insert(qid.clone()) {
                bad(format!("question id {qid} is invalid or repeated"));
            }
            if !text_at_most(&q["title"], spec::TITLE) {
                bad(format!("question {qid}: title"));
            }
            if !(q.get("description").is_none() || text_at_most(&q["description"], spec::API_QUESTION_DESCRIPTION)) {
                bad(format!("question {qid}: description"));
            }
            if !resource_ok(&q["helpfulResource"], false, spec::API_QUESTION_HELPFUL_TEXT) {
                bad(format!("question {qid}: helpful resource"));
            }
            let choices = q["choices"].as_array().cloned().unwrap_or_default();
            if choices.is_empty() || choices.len() > spec::CHOICES_PER_QUESTION {
                bad(format!("question {qid} has {} choices", choices.len()));
            }
            let mut choice_ids = HashSet::new();
            for c in &choices {
                let cid = c["id"].as_str().unwrap_or_default();
                if !keys_ok(c, &["id", "title", "helpfulResource", "improvementPlan", "additionalResources"]) {
                    bad(format!("choice {cid} has a field the format does not define"));
                }
                if !id_ok(&c["id"]) || cid.len() > spec::API_CHOICE_ID || !choice_ids.insert(cid.to_owned()) {
                    bad(format!("choice id {cid} is invalid, too long for the API or repeated"));
                }
                if cid.ends_with("_no") {
                    bad(format!("choice {cid} would act as \"None of these\""));
                }
                if !text_at_most(&c["title"], spec::TITLE) {
                    bad(format!("choice {cid}: title"));
                }
                if !resource_ok(&c["helpfulResource"], false, spec::API_CHOICE_TEXT)
                    || !resource_ok(&c["improvementPlan"], true, spec::API_CHOICE_TEXT)
                {
                    bad(format!("choice {cid}: helpful resource or improvement plan"));
                }
            }
            let rules = q["riskRules"].as_array().cloned().unwrap_or_default();
            if rules.is_empty() || rules.len() > spec::RISK_RULES_PER_QUESTION {
                bad(format!("question {qid} has {} risk rules", rules.len()));
            }
            let defaults = rules.iter().filter(|r| r["condition"] == "default").count();
            if defaults != 1 || rules.last().map(|r| &r["condition"]) != Some(&Value::from("default")) {
                bad(format!("question {qid} needs one default rule, last"));
            }
            let mut risks = HashSet::new();
            for rule in &rules {
                let risk = rule["risk"].as_str().unwrap_or_default();
                if !keys_ok(rule, &["condition", "risk"]) || !spec::RISKS.contains(&risk) || !risks.insert(risk) {
                    bad(format!("question {qid}: risk {risk} is not a level, or repeats"));
                }
                let condition = rule["condition"].as_str().unwrap_or_default();
                if condition != "default" {
                    if let Err(e) = Condition::parse(condition, &choice_ids) {
                        bad(format!("question {qid}: condition {condition}: {e}"));
                    }
                }
            }
        }
    }
    problems
}

/// The format's condition language: choice ids, `!`, `&&`, `||` and parentheses.
#[derive(Debug)]
enum Condition {
    Choice(String),
    Not(Box<Condition>),
    And(Box<Condition>, Box<Condition>),
    Or(Box<Condition>, Box<Condition>),
}

impl Condition {
    fn parse(text: &str, choices: &HashSet<String>) -> Result<Condition, String> {
        let mut tokens = Vec::new();
        let mut rest = text.trim_start();
        while !rest.is_empty() {
            let token = ["&&", "||", "!", "(", ")"].into_iter().find(|op| rest.starts_with(op)).map(str::to_owned);
            let token = match token {
                Some(op) => op,
                None => {
                    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
                    if end == 0 {
                        return Err(format!("unexpected {rest}"));
                    }
                    rest[..end].to_owned()
                }
            };
            rest = rest[token.len()..].trim_start();
            tokens.push(token);
        }
        let mut at = 0;
        let condition = Self::or(&tokens, &mut at, choices)?;
        if at != tokens.len() {
            return Err(format!("trailing {}", tokens[at..].join(" ")));
        }
        Ok(condition)
    }

    fn or(t: &[String], at: &mut usize, c: &HashSet<String>) -> Result<Condition, String> {
        let mut left = Self::and(t, at, c)?;
        while t.get(*at).is_some_and(|s| s == "||") {
            *at += 1;
            left = Condition::Or(Box::new(left), Box::new(Self::and(t, at, c)?));
        }
        Ok(left)
    }

    fn and(t: &[String], at: &mut usize, c: &HashSet<String>) -> Result<Condition, String> {
        let mut left = Self::unary(t, at, c)?;
        while t.get(*at).is_some_and(|s| s == "&&") {
            *at += 1;
            left = Condition::And(Box::new(left), Box::new(Self::unary(t, at, c)?));
        }
        Ok(left)
    }

    fn unary(t: &[String], at: &mut usize, c: &HashSet<String>) -> Result<Condition, String> {
        let token = t.get(*at).ok_or("unexpected end")?;
        *at += 1;
        match token.as_str() {
            "!" => Ok(Condition::Not(Box::new(Self::unary(t, at, c)?))),
            "(" => {
                let inner = Self::or(t, at, c)?;
                (t.get(*at).map(String::as_str) == Some(")")).then_some(()).ok_or("unclosed (")?;
                *at += 1;
                Ok(inner)
            }
            id if c.contains(id) => Ok(Condition::Choice(id.to_owned())),
            other => Err(format!("{other} is not a choice of the question")),
        }
    }

    fn holds(&self, selected: &HashSet<&str>) -> bool {
        match self {
            Condition::Choice(id) => selected.contains(id.as_str()),
            Condition::Not(c) => !c.holds(selected),
            Condition::And(a, b) => a.holds(selected) && b.holds(selected),
            Condition::Or(a, b) => a.holds(selected) || b.holds(selected),
        }
    }
}

/// The risk the Tool gives a question with `selected` choices: the first rule that holds.
fn tool_risk<'a>(question: &'a Value, selected: &HashSet<&str>) -> &'a str {
    let ids: HashSet<String> =
        question["choices"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect();
    for rule in question["riskRules"].as_array().unwrap() {
        let condition = rule["condition"].as_str().unwrap();
        if condition == "default" || Condition::parse(condition, &ids).unwrap().holds(selected) {
            return rule["risk"].as_str().unwrap();
        }
    }
    "UNANSWERED"
}

#[test]
fn the_document_has_the_lens_shape() {
    let doc = custom_lens(Lens::builtin());
    assert_eq!(doc["schemaVersion"], "2021-11-01");
    let pillars = doc["pillars"].as_array().unwrap();
    assert_eq!(pillars.len(), 1);
    assert_eq!(pillars[0]["id"], "security");
    let questions = pillars[0]["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 11);
    let choices: usize = questions.iter().map(|q| q["choices"].as_array().unwrap().len()).sum();
    assert_eq!(choices, 63);
    assert_eq!(questions[0]["id"], "securely_operate");
    assert_eq!(questions[0]["title"], "How do you securely operate your workload?");
    assert_eq!(
        questions[0]["helpfulResource"]["url"],
        "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec-01.html"
    );
    let root = &questions[0]["choices"][1];
    assert_eq!(root["id"], "sec_securely_operate_aws_account");
    assert_eq!(root["title"], "Secure account root user and properties");
    let (_, bp) = Lens::builtin().best_practice("SEC01-BP02").unwrap();
    assert_eq!(root["helpfulResource"]["displayText"], bp.summary.as_str(), "wasp's own summary");
    assert_eq!(root["helpfulResource"]["url"], bp.url.as_str());
    assert_eq!(root["improvementPlan"]["url"], bp.url.as_str());
    assert!(root["improvementPlan"]["displayText"]
        .as_str()
        .unwrap()
        .starts_with("High risk while missing (SEC01-BP02)."));
    for q in questions {
        assert!(!q["riskRules"].as_array().unwrap().is_empty(), "{}", q["id"]);
    }
}

#[test]
fn the_document_follows_the_custom_lens_format() {
    let doc = custom_lens(Lens::builtin());
    assert_eq!(validate(&doc), Vec::<String>::new());
}

#[test]
fn the_validator_catches_what_the_format_refuses() {
    let mut doc = custom_lens(Lens::builtin());
    doc["pillars"][0]["questions"][0]["id"] = "securely-operate".into();
    doc["pillars"][0]["questions"][1]["choices"][0]["id"] = "x".repeat(65).into();
    doc["pillars"][0]["questions"][2]["choices"][0]["title"] = "t".repeat(129).into();
    doc["pillars"][0]["questions"][3]["riskRules"][0]["condition"] =
        "sec_detect_investigate_events_app_service_logging && nope".into();
    doc["pillars"][0]["questions"][4]["riskRules"].as_array_mut().unwrap().pop();
    doc["pillars"][0]["questions"][5]["choices"][0]["improvementPlan"] = Value::Null;
    let problems = validate(&doc).join("\n");
    for expected in [
        "question id securely-operate is invalid",
        "choice id xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx is invalid, too long for the API",
        "choice sec_permissions_define: title",
        "question detect_investigate_events: condition sec_detect_investigate_events_app_service_logging && nope: nope is not a choice",
        "question network_protection needs one default rule, last",
        "choice sec_protect_compute_vulnerability_management: helpful resource or improvement plan",
    ] {
        assert!(problems.contains(expected), "{expected} not in:\n{problems}");
    }
}

#[test]
fn risk_rules_give_wasps_question_risk() {
    let lens = Lens::builtin();
    let doc = custom_lens(lens);
    let review = crate::fixtures::review_with(None);
    for (question, rendered) in lens.questions.iter().zip(doc["pillars"][0]["questions"].as_array().unwrap()) {
        let practices = &review.questions.iter().find(|q| q.id == question.id).unwrap().best_practices;
        let n = practices.len();
        assert!(n <= 12, "every subset of {n} choices is tried");
        for mask in 0u32..(1 << n) {
            let mut practices = practices.clone();
            let mut selected = HashSet::new();
            for (i, (p, bp)) in practices.iter_mut().zip(&question.best_practices).enumerate() {
                let met = mask & (1 << i) != 0;
                p.status = if met { PracticeStatus::Met } else { PracticeStatus::NotMet };
                p.decided_by = wasp_review::Basis::Evidence;
                if met {
                    selected.insert(bp.wa_tool_choice_id.as_str());
                }
            }
            let expected = match question_risk(&practices).0 {
                QuestionRisk::High => "HIGH_RISK",
                // The format has no low risk: wasp's low is the Tool's medium.
                QuestionRisk::Medium | QuestionRisk::Low => "MEDIUM_RISK",
                QuestionRisk::None => "NO_RISK",
                QuestionRisk::NotAssessed => unreachable!("every practice is decided"),
            };
            assert_eq!(tool_risk(rendered, &selected), expected, "{} with {selected:?}", question.id);
        }
    }
}

#[test]
fn a_question_without_high_risk_practices_defaults_to_medium() {
    let mut lens = Lens::builtin().clone();
    for bp in &mut lens.questions[8].best_practices {
        bp.level_of_risk = LevelOfRisk::Medium;
    }
    let doc = custom_lens(&lens);
    let rules = &doc["pillars"][0]["questions"][8]["riskRules"];
    assert_eq!(rules.as_array().unwrap().len(), 2);
    assert_eq!(rules[1], json!({ "condition": "default", "risk": "MEDIUM_RISK" }));
    assert_eq!(validate(&doc), Vec::<String>::new());
}

#[test]
fn ids_are_made_valid_and_texts_fit() {
    assert_eq!(lens_id("securely-operate"), "securely_operate");
    assert_eq!(lens_id("a.b c"), "a_b_c");
    let mut lens = Lens::builtin().clone();
    lens.questions[0].title = "Why? ".repeat(100);
    lens.questions[0].best_practices[0].summary = "é".repeat(5000);
    lens.questions[0].wa_tool_question_id = "securely-operate/v2".into();
    let doc = custom_lens(&lens);
    assert_eq!(validate(&doc), Vec::<String>::new());
    let q = &doc["pillars"][0]["questions"][0];
    assert_eq!(q["id"], "securely_operate_v2");
    assert_eq!(aws_len(q["title"].as_str().unwrap()), 128);
    assert_eq!(aws_len(q["choices"][0]["helpfulResource"]["displayText"].as_str().unwrap()), 1024);
}
