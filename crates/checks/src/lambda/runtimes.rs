//! Lambda's managed runtimes and the day each stops receiving security updates (its
//! deprecation date), as AWS publishes them in "Lambda runtimes" of the Lambda developer guide.
//! Dates still ahead are AWS's projections and move; this table was last compared with AWS's
//! list in December 2026 ([`AS_OF`]). A runtime missing from it is not judged.
use chrono::NaiveDate;

/// When the table was last compared with AWS's list.
pub const AS_OF: &str = "2026-12";

/// `(runtime identifier, deprecation date)`; `None` when AWS has not scheduled one.
pub const RUNTIMES: &[(&str, Option<&str>)] = &[
    // Node.js
    ("nodejs26.x", None),
    ("nodejs24.x", Some("2028-04-30")),
    ("nodejs22.x", Some("2027-04-30")),
    ("nodejs20.x", Some("2026-04-30")),
    ("nodejs18.x", Some("2025-09-01")),
    ("nodejs16.x", Some("2024-06-12")),
    ("nodejs14.x", Some("2023-12-04")),
    ("nodejs12.x", Some("2023-03-31")),
    ("nodejs10.x", Some("2021-07-30")),
    ("nodejs8.10", Some("2020-03-06")),
    ("nodejs6.10", Some("2019-08-12")),
    ("nodejs4.3-edge", Some("2019-04-30")),
    ("nodejs4.3", Some("2020-03-05")),
    ("nodejs", Some("2016-10-31")),
    // Python
    ("python3.15", None),
    ("python3.14", Some("2029-06-30")),
    ("python3.13", Some("2029-06-30")),
    ("python3.12", Some("2028-10-31")),
    ("python3.11", Some("2027-06-30")),
    ("python3.10", Some("2026-10-31")),
    ("python3.9", Some("2025-12-15")),
    ("python3.8", Some("2024-10-14")),
    ("python3.7", Some("2023-12-04")),
    ("python3.6", Some("2022-07-18")),
    ("python2.7", Some("2021-07-15")),
    // Java
    ("java25", Some("2029-06-30")),
    ("java21", Some("2029-06-30")),
    ("java17.al2023", Some("2029-06-30")),
    ("java11.al2023", Some("2029-06-30")),
    ("java8.al2023", Some("2029-06-30")),
    ("java17", Some("2027-06-30")),
    ("java11", Some("2027-06-30")),
    ("java8.al2", Some("2027-06-30")),
    ("java8", Some("2024-01-08")),
    // .NET
    ("dotnet10", Some("2028-11-14")),
    ("dotnet9", Some("2026-11-10")),
    ("dotnet8", Some("2026-11-10")),
    ("dotnet7", Some("2024-05-14")),
    ("dotnet6", Some("2024-12-20")),
    ("dotnet5.0", Some("2022-05-10")),
    ("dotnetcore3.1", Some("2023-04-03")),
    ("dotnetcore2.1", Some("2022-01-05")),
    ("dotnetcore2.0", Some("2019-05-30")),
    ("dotnetcore1.0", Some("2019-07-30")),
    // Ruby
    ("ruby4.0", Some("2029-03-31")),
    ("ruby3.4", Some("2028-03-31")),
    ("ruby3.3", Some("2027-03-31")),
    ("ruby3.2", Some("2026-03-31")),
    ("ruby2.7", Some("2023-12-07")),
    ("ruby2.5", Some("2021-07-30")),
    // OS-only and Go
    ("provided.al2023", Some("2029-06-30")),
    ("provided", Some("2024-01-08")),
    ("go1.x", Some("2024-01-08")),
];

/// What the table says about a runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    /// Deprecated on this date.
    Until(NaiveDate),
    /// No deprecation scheduled.
    Unscheduled,
    /// Not in the table.
    Unknown,
}

/// The deprecation date of a runtime identifier.
pub fn support(runtime: &str) -> Support {
    match RUNTIMES.iter().find(|(id, _)| *id == runtime) {
        Some((_, Some(date))) => match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            Ok(date) => Support::Until(date),
            Err(_) => Support::Unknown,
        },
        Some((_, None)) => Support::Unscheduled,
        None => Support::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_parses_and_every_runtime_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (id, date) in RUNTIMES {
            assert!(seen.insert(id), "{id} is listed twice");
            if let Some(date) = date {
                assert!(NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(), "{id}: {date}");
            }
        }
        assert_eq!(support("python3.9"), Support::Until(NaiveDate::from_ymd_opt(2025, 12, 15).unwrap()));
        assert_eq!(support("nodejs26.x"), Support::Unscheduled);
        assert_eq!(support("cobol1.0"), Support::Unknown);
    }
}
