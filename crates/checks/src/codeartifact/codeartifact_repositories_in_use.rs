use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// A signal, account-wide: the account has CodeArtifact repositories in at least one
    /// scanned region. PASS names the external connections (`public:npmjs`, `public:pypi` …)
    /// through which public packages are proxied, or says there is none; FAIL when every
    /// region was listed and none has a repository; SKIP when none was found but the
    /// repositories of some region could not be listed.
    ///
    /// ### Why it matters
    /// A central package repository with upstream connections lets you pin, scan and audit
    /// the dependencies builds pull, and stops a compromised public package version from
    /// reaching every build the moment it is published. Its absence does not prove that no
    /// central service exists (Artifactory, Nexus and GitHub Packages are common), so this is
    /// evidence for the person answering, not a verdict.
    ///
    /// ### How to fix
    /// Create a domain and a repository with an external connection
    /// (`aws codeartifact associate-external-connection --external-connection public:npmjs`)
    /// and point package managers at it (`aws codeartifact login`).
    CodeartifactRepositoriesInUse {
        id: "codeartifact_repositories_in_use",
        title: "Signal: packages are served from central CodeArtifact repositories",
        severity: Informational,
        kind: Signal,
        service: CodeArtifact,
        resource_kind: "account",
        best_practices: ["SEC11-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CodeArtifact: [ListRepositories, DescribeRepository] },
        remediation: "Serve dependencies through CodeArtifact repositories with upstream external connections.",
    }
}

impl CodeartifactRepositoriesInUse {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let repos = &inv.codeartifact.repositories;
        if repos.is_empty() {
            match evidence::operation_gap_anywhere(inv, Service::CodeArtifact, "ListRepositories", "the repositories") {
                Some(why) => out.account(Status::Skip, why),
                None => out.account(Status::Fail, "no CodeArtifact repository in any scanned region"),
            }
            return;
        }
        let mut connections: Vec<&str> =
            repos.iter().flat_map(|r| r.external_connections.iter().flatten()).map(String::as_str).collect();
        connections.sort_unstable();
        connections.dedup();
        let message = if connections.is_empty() {
            format!("{} repositories, none with an external connection", repos.len())
        } else {
            format!("{} repositories; public packages are proxied through {}", repos.len(), connections.join(", "))
        };
        out.account(Status::Pass, message);
    }
}
