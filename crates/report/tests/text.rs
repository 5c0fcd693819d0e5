//! `--format text`: the commands that plan fixes, where a failing check has one.
mod common;

use wasp_report::{Context, ReviewFormat};
use wasp_review::{Review, Source};

fn render(review: &Review) -> String {
    let mut out = Vec::new();
    ReviewFormat::Text.render(&Context::new(review), &mut out).expect("renders");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn failed_findings_and_the_plan_show_the_command_that_plans_a_fix() {
    let review = common::demo_review();
    let text = render(&review);
    let fixable = wasp_report::fixable(&review);
    assert!(text.contains(&format!("Fixes: wasp can plan fixes for {} failing check(s)", fixable.len())), "{text}");
    // Under a failed finding of a fixable check, its command.
    let lines: Vec<&str> = text.lines().collect();
    let failed = lines.iter().position(|l| l.starts_with("Failed findings")).expect("failed findings");
    let commands: Vec<&&str> =
        lines[failed..].iter().filter(|l| l.trim_start().starts_with("fix: wasp fix --demo ")).collect();
    assert!(!commands.is_empty(), "{text}");
    for c in commands {
        let check = c.trim_start().trim_start_matches("fix: wasp fix --demo ");
        assert!(wasp_review::fix_command(check, Source::Demo).is_some(), "{c}");
    }
    // A template's review: no command (its fixes belong in the template).
    let mut template = review.clone();
    template.scope.source = Source::Iac;
    template.improvement_plan.iter_mut().flat_map(|i| &mut i.checks).for_each(|c| c.fix = None);
    assert!(!render(&template).contains("wasp fix"));
}
