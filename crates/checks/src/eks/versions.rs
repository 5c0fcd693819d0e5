//! Kubernetes minor versions on Amazon EKS and the end of their standard and extended
//! support, from the EKS Kubernetes release calendar (docs.aws.amazon.com, "Understand the
//! Kubernetes version lifecycle on EKS"; checked December 2026). Standard support lasts 14
//! months from the EKS release, extended support 12 more.
use chrono::NaiveDate;

/// `(minor version, end of standard support, end of extended support)`, oldest first.
pub const VERSIONS: &[(&str, &str, &str)] = &[
    ("1.23", "2023-10-11", "2024-10-11"),
    ("1.24", "2024-01-31", "2025-01-31"),
    ("1.25", "2024-05-01", "2025-05-01"),
    ("1.26", "2024-06-11", "2025-06-11"),
    ("1.27", "2024-07-24", "2025-07-24"),
    ("1.28", "2024-11-26", "2025-11-26"),
    ("1.29", "2025-03-23", "2026-03-23"),
    ("1.30", "2025-07-23", "2026-07-23"),
    ("1.31", "2025-11-26", "2026-11-26"),
    ("1.32", "2026-03-23", "2027-03-23"),
    ("1.33", "2026-07-29", "2027-07-29"),
    ("1.34", "2026-12-02", "2027-12-02"),
    ("1.35", "2027-03-27", "2028-03-27"),
];

/// Where a version stands on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Support {
    Standard {
        ends: NaiveDate,
    },
    Extended {
        ends: NaiveDate,
    },
    Ended,
    /// Newer than the table: standard support.
    Newer,
    Unparsed,
}

fn minor(version: &str) -> Option<(u32, u32)> {
    let mut parts = version.trim().trim_start_matches('v').split('.');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// The support a cluster version has on `day`.
pub fn support(version: &str, day: NaiveDate) -> Support {
    let Some(v) = minor(version) else { return Support::Unparsed };
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    match VERSIONS.iter().find(|(known, _, _)| minor(known) == Some(v)) {
        Some((_, standard, extended)) => match (date(standard), date(extended)) {
            (Some(s), _) if day <= s => Support::Standard { ends: s },
            (_, Some(e)) if day <= e => Support::Extended { ends: e },
            _ => Support::Ended,
        },
        None if VERSIONS.first().and_then(|(k, _, _)| minor(k)).is_some_and(|oldest| v < oldest) => Support::Ended,
        None => Support::Newer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_move_from_standard_to_extended_to_ended() {
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(matches!(support("1.33", day("2026-06-01")), Support::Standard { .. }));
        assert!(matches!(support("1.31", day("2026-06-01")), Support::Extended { .. }));
        assert_eq!(support("1.28", day("2026-06-01")), Support::Ended);
        assert_eq!(support("1.21", day("2026-06-01")), Support::Ended);
        assert_eq!(support("1.40", day("2026-06-01")), Support::Newer);
        assert_eq!(support("latest", day("2026-06-01")), Support::Unparsed);
        for w in VERSIONS.windows(2) {
            assert!(minor(w[0].0) < minor(w[1].0) && w[0].1 < w[1].1, "{w:?}");
        }
    }
}
