use serde::{Deserialize, Serialize};
use wasp_model::Service;

/// How bad a failure of a check is: the harm it allows, not how common it is ([`Severity::meaning`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Informational,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] =
        [Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Informational];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Informational => "informational",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// What the level means, for the docs.
    pub fn meaning(self) -> &'static str {
        match self {
            Severity::Informational => "A signal reported for the review; nothing failed.",
            Severity::Low => "Hygiene: weaker evidence, recovery or manageability, with no direct path to harm.",
            Severity::Medium => {
                "A weakened control or lost defence in depth; harm needs a second failure or a stolen credential."
            }
            Severity::High => {
                "A direct path to compromise, privilege or undetected activity for an attacker with a foothold \
                 (admin granted broadly, admin ports open, no audit trail or threat detection)."
            }
            Severity::Critical => {
                "Data or the whole account exposed to anyone, with no further step (public snapshots, images or \
                 buckets, all traffic open, the root user without MFA or with access keys)."
            }
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.as_str().eq_ignore_ascii_case(text))
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The same control in other tools, so results can be mapped one to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Equivalents {
    pub prowler: &'static [&'static str],
    pub security_hub: &'static [&'static str],
    pub config_rule: &'static [&'static str],
    /// `<benchmark version>:<item>`, e.g. `5.0:1.4`.
    pub cis: &'static [&'static str],
}

/// One operation whose data a check reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Read {
    pub service: Service,
    pub operation: &'static str,
}

/// What a check's findings can do to a practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    /// A configuration that establishes or contradicts (part of) a practice: its failures make
    /// the practice not met.
    Check,
    /// What the account shows about a practice no configuration can prove (a Macie job that
    /// ran, an experiment template, a prepared responder role). A signal never decides a
    /// practice: it is shown beside it and offered as evidence to the person who answers.
    /// PASS means the signal is present, FAIL that it is absent; signals are informational.
    Signal,
}

impl CheckKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::Check => "check",
            CheckKind::Signal => "signal",
        }
    }
}

/// Everything about a check except its evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Descriptive snake_case, equal to the file name of the check.
    pub id: &'static str,
    pub title: &'static str,
    pub severity: Severity,
    /// A check, or an evidence signal that never decides a practice on its own.
    pub kind: CheckKind,
    /// Service the check is filed under.
    pub service: Service,
    /// The kind of resource findings are about (`iam_user`, `s3_bucket`, `account` …).
    pub resource_kind: &'static str,
    pub best_practices: &'static [&'static str],
    pub equivalents: Equivalents,
    /// One sentence: what to do about a failure.
    pub remediation: &'static str,
    /// The doc comment, in sections: what it checks, why it matters, how to fix.
    #[serde(skip)]
    pub docs: &'static str,
    /// The operations whose data the check reads: a gap in any of them leaves its verdicts
    /// incomplete, and the collector reads nothing no check needs.
    pub reads: &'static [Read],
    #[serde(skip)]
    pub source_file: &'static str,
}

impl Meta {
    /// The doc comment as Markdown, without the one-space indent of `///` lines.
    pub fn docs_markdown(&self) -> String {
        self.docs.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n")
    }

    /// The services the check reads, each once, its own first.
    pub fn services(&self) -> Vec<Service> {
        let mut services = vec![self.service];
        for read in self.reads {
            if !services.contains(&read.service) {
                services.push(read.service);
            }
        }
        services
    }

    /// Whether a gap leaves this check's evidence incomplete.
    pub fn affected_by(&self, gap: &wasp_model::Gap) -> bool {
        self.reads.iter().any(|r| gap.affects_operation(r.service, r.operation))
    }
}

/// A check: static metadata plus a pure evaluation.
pub trait Check: Sync + Send {
    fn meta(&self) -> &'static Meta;
    fn run(&self, inv: &wasp_model::Inventory, out: &mut crate::Findings<'_>);
}

/// Declares a check type and its `&'static Meta` in one place.
///
/// The doc comment becomes the check's documentation; `run` is written in an `impl` block
/// beside the declaration with [`crate::Check`]'s signature minus `meta`.
#[macro_export]
macro_rules! declare_check {
    (@kind) => { $crate::CheckKind::Check };
    (@kind $kind:ident) => { $crate::CheckKind::$kind };
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            id: $id:literal,
            title: $title:literal,
            severity: $severity:ident,
            $(kind: $check_kind:ident,)?
            service: $service:ident,
            resource_kind: $kind:literal,
            best_practices: [$($bp:literal),+ $(,)?],
            prowler: [$($prowler:literal),* $(,)?],
            security_hub: [$($sh:literal),* $(,)?],
            config_rule: [$($cfg:literal),* $(,)?],
            cis: [$($cis:literal),* $(,)?],
            reads: { $($read_service:ident: [$($operation:ident),+ $(,)?]),+ $(,)? },
            remediation: $remediation:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::Meta = $crate::Meta {
                id: $id,
                title: $title,
                severity: $crate::Severity::$severity,
                kind: $crate::declare_check!(@kind $($check_kind)?),
                service: wasp_model::Service::$service,
                resource_kind: $kind,
                best_practices: &[$($bp),+],
                equivalents: $crate::Equivalents {
                    prowler: &[$($prowler),*],
                    security_hub: &[$($sh),*],
                    config_rule: &[$($cfg),*],
                    cis: &[$($cis),*],
                },
                remediation: $remediation,
                docs: concat!($($doc, "\n"),*),
                reads: &[$($($crate::Read {
                    service: wasp_model::Service::$read_service,
                    operation: stringify!($operation),
                },)+)+],
                source_file: file!(),
            };
        }

        impl $crate::Check for $name {
            fn meta(&self) -> &'static $crate::Meta {
                &Self::META
            }
            fn run(&self, inv: &wasp_model::Inventory, out: &mut $crate::Findings<'_>) {
                self.evaluate(inv, out)
            }
        }
    };
}
