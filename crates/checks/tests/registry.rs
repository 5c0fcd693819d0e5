//! Invariants that keep the catalogue honest.
use std::collections::HashSet;
use std::path::Path;
use wasp_checks::CHECKS;
use wasp_pillar::Lens;

#[test]
fn ids_are_sorted_unique_and_equal_to_file_names() {
    let ids: Vec<&str> = CHECKS.iter().map(|c| c.meta().id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(ids, sorted, "CHECKS must be sorted by id without duplicates");
    for check in CHECKS {
        let meta = check.meta();
        let stem = Path::new(meta.source_file).file_stem().unwrap().to_str().unwrap();
        assert_eq!(stem, meta.id, "check {} lives in {}", meta.id, meta.source_file);
        assert!(
            meta.source_file.contains(&format!("/{}/", meta.service)),
            "check {} is not filed under its service {}",
            meta.id,
            meta.service
        );
        assert!(meta.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'));
        assert!(wasp_checks::find(meta.id).is_some());
    }
}

#[test]
fn every_mapped_best_practice_exists_in_the_lens() {
    let lens = Lens::builtin();
    for check in CHECKS {
        let meta = check.meta();
        assert!(!meta.best_practices.is_empty(), "{} maps to no best practice", meta.id);
        for bp in meta.best_practices {
            assert!(lens.best_practice(bp).is_some(), "{} maps to unknown {bp}", meta.id);
        }
        let unique: HashSet<_> = meta.best_practices.iter().collect();
        assert_eq!(unique.len(), meta.best_practices.len(), "{} lists a practice twice", meta.id);
    }
}

#[test]
fn every_doc_has_its_sections_and_a_remediation() {
    for check in CHECKS {
        let meta = check.meta();
        let docs = meta.docs_markdown();
        for section in ["### What it checks", "### Why it matters", "### How to fix"] {
            assert!(docs.contains(section), "{} docs lack '{section}'", meta.id);
        }
        assert!(meta.title.len() <= 80, "{} title is too long", meta.id);
        assert!(meta.remediation.ends_with('.'), "{} remediation is not a sentence", meta.id);
        for cis in meta.equivalents.cis {
            let (version, item) = cis.split_once(':').expect("cis items are version:item");
            assert!(version.parse::<f32>().is_ok() && !item.is_empty(), "{}: bad cis {cis}", meta.id);
        }
    }
}

#[test]
fn check_ids_are_found_and_unknown_ones_are_not() {
    assert!(wasp_checks::find("iam_root_mfa_enabled").is_some());
    assert!(wasp_checks::find("no_such_check").is_none());
}

#[test]
fn every_read_is_a_known_operation_and_every_operation_is_read() {
    use wasp_model::operations::{self, OPERATIONS};
    for check in CHECKS {
        let meta = check.meta();
        assert!(!meta.reads.is_empty(), "{} reads nothing", meta.id);
        for read in meta.reads {
            assert!(
                operations::find(read.service, read.operation).is_some(),
                "{} reads {}:{}, which is not an operation wasp may call",
                meta.id,
                read.service,
                read.operation
            );
        }
    }
    // Collect nothing no check reads: each operation serves a check or the collection itself.
    for op in OPERATIONS {
        let read =
            CHECKS.iter().any(|c| c.meta().reads.iter().any(|r| r.service == op.service && r.operation == op.name));
        assert!(read || op.infrastructure.is_some(), "{}:{} is collected but no check reads it", op.service, op.name);
    }
}

#[test]
fn evidence_scopes_agree_with_the_catalogue() {
    use wasp_pillar::ScopeLevel;
    let lens = Lens::builtin();
    for (_, bp) in lens.best_practices() {
        let checks: Vec<&str> = CHECKS
            .iter()
            .map(|c| c.meta())
            .filter(|m| m.best_practices.contains(&bp.id.as_str()))
            .map(|m| m.id)
            .collect();
        match bp.evidence_scope.level {
            ScopeLevel::None => assert!(checks.is_empty(), "{} has scope none but checks {checks:?}", bp.id),
            ScopeLevel::Full => assert!(!checks.is_empty(), "{} has scope full but no check", bp.id),
            ScopeLevel::Partial => {}
        }
    }
}
