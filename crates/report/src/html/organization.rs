//! `--format html` for an organization: one self-contained page in the review page's style
//! (its stylesheet, escaping and content security policy; no script). The accounts at a glance,
//! each question's accounts by risk, a heat map of every account's risk in every question (a
//! table: a row per account, a column per question, each cell coloured and labelled with the
//! risk, and each question's totals at the foot), the accounts most at risk, and why accounts
//! were not reviewed. Every string from the organization (names, reasons, ids) goes through
//! [`Esc`].

use super::{plural, risk_badge, risk_label, Esc, Out, CONTENT_SECURITY_POLICY, CSS};
use std::fmt::{self, Write as _};
use wasp_review::org::{AccountOutcome, OrgReview};
use wasp_review::QuestionRisk;

const ORG_CSS: &str = include_str!("organization.css");

const RISKS: [QuestionRisk; 5] =
    [QuestionRisk::High, QuestionRisk::Medium, QuestionRisk::Low, QuestionRisk::None, QuestionRisk::NotAssessed];

/// The word in a heat-map cell.
fn short_label(risk: QuestionRisk) -> &'static str {
    match risk {
        QuestionRisk::High => "High",
        QuestionRisk::Medium => "Medium",
        QuestionRisk::Low => "Low",
        QuestionRisk::None => "None",
        QuestionRisk::NotAssessed => "Not assessed",
    }
}

/// The riskiest question of a reviewed account (not assessed only when nothing was).
fn worst(org: &OrgReview, a: &AccountOutcome) -> QuestionRisk {
    org.questions.iter().map(|q| crate::account_risk(a, &q.id)).min().unwrap_or(QuestionRisk::NotAssessed)
}

/// Writes the organization's page into `h`.
pub(super) fn write_page(h: &mut Out, org: &OrgReview) -> fmt::Result {
    let accounts = crate::accounts_by_id(org);
    writeln!(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(h, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    writeln!(h, "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">")?;
    writeln!(h, "<meta name=\"referrer\" content=\"no-referrer\">")?;
    writeln!(h, "<meta name=\"generator\" content=\"wasp {}\">", Esc(&org.tool.version))?;
    writeln!(h, "<link rel=\"icon\" href=\"data:,\">")?;
    writeln!(
        h,
        "<title>Security Pillar review · organization · {}</title>",
        plural(accounts.len(), "account", "accounts")
    )?;
    writeln!(h, "<style>\n{CSS}{ORG_CSS}</style>\n</head>\n<body>")?;
    writeln!(h, "<a class=\"skip\" href=\"#main\">Skip to the review</a>")?;
    header(h, org)?;
    let failed: Vec<&AccountOutcome> = accounts.iter().copied().filter(|a| a.not_reviewed.is_some()).collect();
    writeln!(h, "<nav class=\"toc\" aria-label=\"Sections\"><ul>")?;
    writeln!(h, "<li><a href=\"#glance\">At a glance</a></li>")?;
    writeln!(h, "<li><a href=\"#heatmap\">Accounts by question</a></li>")?;
    writeln!(h, "<li><a href=\"#most-at-risk\">Most at risk ({})</a></li>", org.most_at_risk.len())?;
    writeln!(h, "<li><a href=\"#organization\">The organization itself ({})</a></li>", org.organization.len())?;
    writeln!(h, "<li><a href=\"#not-reviewed\">Not reviewed ({})</a></li>", failed.len())?;
    writeln!(h, "</ul></nav>")?;
    writeln!(h, "<main id=\"main\">")?;
    glance(h, org, &accounts)?;
    heat_map(h, org, &accounts)?;
    most_at_risk(h, org)?;
    organization_itself(h, org)?;
    not_reviewed(h, &failed)?;
    writeln!(h, "</main>")?;
    writeln!(
        h,
        "<footer class=\"foot\">{} {} · lens {} {} · organization review of {}</footer>",
        Esc(&org.tool.name),
        Esc(&org.tool.version),
        Esc(&org.lens.id),
        Esc(&org.lens.version),
        plural(accounts.len(), "account", "accounts")
    )?;
    writeln!(h, "</body>\n</html>")
}

fn header(h: &mut Out, org: &OrgReview) -> fmt::Result {
    let scope = &org.scope;
    writeln!(h, "<header class=\"top\">")?;
    writeln!(h, "<p class=\"kicker\">AWS Well-Architected Framework · Security Pillar</p>")?;
    match &scope.organizational_unit {
        Some(ou) => {
            writeln!(h, "<h1>Security review of organizational unit <span class=\"mono\">{}</span></h1>", Esc(ou))?
        }
        None => writeln!(h, "<h1>Security review of an organization</h1>")?,
    }
    writeln!(h, "<dl class=\"meta\">")?;
    writeln!(h, "<div><dt>Accounts</dt><dd>{} reviewed, {} not reviewed</dd></div>", org.reviewed, org.not_reviewed)?;
    if let Some(caller) = &scope.caller_account {
        writeln!(h, "<div><dt>Listed by</dt><dd class=\"mono\">{}</dd></div>", Esc(caller))?;
    }
    if let Some(shard) = &scope.shard {
        writeln!(h, "<div><dt>Shard</dt><dd>{}</dd></div>", Esc(shard))?;
    }
    writeln!(h, "<div><dt>Lens</dt><dd>{} {}</dd></div>", Esc(&org.lens.id), Esc(&org.lens.version))?;
    writeln!(h, "</dl>")?;
    if !scope.missing_accounts.is_empty() {
        writeln!(
            h,
            "<div class=\"callout warn\"><strong>{} expected but without a review.</strong> Their questions \
             count as not assessed:<ul>",
            plural(scope.missing_accounts.len(), "account", "accounts")
        )?;
        for id in &scope.missing_accounts {
            writeln!(h, "<li class=\"mono\">{}</li>", Esc(id))?;
        }
        writeln!(h, "</ul></div>")?;
    }
    writeln!(h, "</header>")
}

fn glance(h: &mut Out, org: &OrgReview, accounts: &[&AccountOutcome]) -> fmt::Result {
    writeln!(h, "<section id=\"glance\" aria-labelledby=\"glance-h\">")?;
    writeln!(h, "<h2 id=\"glance-h\">The organization at a glance</h2>")?;
    writeln!(h, "<p class=\"note\">Reviewed accounts by their riskiest question.</p>")?;
    writeln!(h, "<div class=\"tiles\">")?;
    for risk in RISKS {
        let n = accounts.iter().filter(|a| a.not_reviewed.is_none() && worst(org, a) == risk).count();
        let label = match risk {
            QuestionRisk::High => "with a high-risk question",
            QuestionRisk::Medium => "at medium risk at most",
            QuestionRisk::Low => "at low risk at most",
            QuestionRisk::None => "without risk",
            QuestionRisk::NotAssessed => "with nothing assessed",
        };
        let zero = if n == 0 { " zero" } else { "" };
        writeln!(
            h,
            "<div class=\"tile risk-{}{zero}\"><b>{n}</b><span>{} {label}</span></div>",
            risk.as_str(),
            if n == 1 { "account" } else { "accounts" }
        )?;
    }
    let zero = if org.not_reviewed == 0 { " zero" } else { "" };
    writeln!(
        h,
        "<div class=\"tile nr{zero}\"><b>{}</b><span>{} not reviewed</span></div>",
        org.not_reviewed,
        if org.not_reviewed == 1 { "account" } else { "accounts" }
    )?;
    writeln!(h, "</div>")?;

    writeln!(h, "<h3>Questions: accounts by risk</h3>")?;
    writeln!(h, "<div class=\"tablewrap\"><table class=\"orgq\">")?;
    write!(h, "<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Title</th>")?;
    for risk in RISKS {
        write!(h, "<th scope=\"col\" class=\"num\">{}</th>", short_label(risk))?;
    }
    writeln!(h, "</tr></thead>\n<tbody>")?;
    for q in &org.questions {
        let c = &q.accounts;
        write!(h, "<tr><th scope=\"row\" class=\"mono\">{}</th><td>{}</td>", Esc(&q.id), Esc(&q.title))?;
        for n in [c.high, c.medium, c.low, c.none, c.not_assessed] {
            write!(h, "<td class=\"num\">{n}</td>")?;
        }
        writeln!(h, "</tr>")?;
    }
    writeln!(h, "</tbody></table></div>")?;
    writeln!(h, "<p class=\"sub\">An account not reviewed counts as not assessed.</p>")?;
    writeln!(h, "</section>")
}

fn heat_map(h: &mut Out, org: &OrgReview, accounts: &[&AccountOutcome]) -> fmt::Result {
    writeln!(h, "<section id=\"heatmap\" aria-labelledby=\"heatmap-h\">")?;
    writeln!(h, "<h2 id=\"heatmap-h\">Accounts by question</h2>")?;
    writeln!(
        h,
        "<p class=\"note\">Each account's risk in each question, in colour and in words; the totals at the \
         foot count the accounts at each risk.</p>"
    )?;
    write!(h, "<ul class=\"legend\" aria-label=\"Risks\">")?;
    for risk in RISKS {
        write!(h, "<li>")?;
        risk_badge(h, risk)?;
        write!(h, "</li>")?;
    }
    writeln!(h, "</ul>")?;
    if accounts.is_empty() {
        writeln!(h, "<p class=\"empty\">No accounts.</p>\n</section>")?;
        return Ok(());
    }
    writeln!(h, "<div class=\"tablewrap\"><table class=\"orgmap\">")?;
    writeln!(h, "<caption class=\"sub\">Risk of each question in each account</caption>")?;
    write!(h, "<thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Name</th>")?;
    for q in &org.questions {
        write!(h, "<th scope=\"col\"><abbr title=\"{}\">{}</abbr></th>", Esc(&q.title), Esc(&q.id))?;
    }
    writeln!(h, "</tr></thead>\n<tbody>")?;
    for a in accounts {
        write!(
            h,
            "<tr id=\"account-{id}\"><th scope=\"row\" class=\"mono\">{id}</th><td class=\"name\">{}</td>",
            Esc(a.name.as_deref().unwrap_or_default()),
            id = Esc(&a.account_id)
        )?;
        if let Some(reason) = &a.not_reviewed {
            writeln!(
                h,
                "<td class=\"notrev\" colspan=\"{}\"><strong>Not reviewed:</strong> {}</td></tr>",
                org.questions.len().max(1),
                Esc(reason)
            )?;
            continue;
        }
        for q in &org.questions {
            let risk = crate::account_risk(a, &q.id);
            write!(
                h,
                "<td class=\"hm risk-{}\" title=\"{} · {}: {}\">{}</td>",
                risk.as_str(),
                Esc(&a.account_id),
                Esc(&q.id),
                risk_label(risk),
                short_label(risk)
            )?;
        }
        writeln!(h, "</tr>")?;
    }
    writeln!(h, "</tbody>")?;
    write!(h, "<tfoot><tr><th scope=\"row\" colspan=\"2\">Accounts by risk</th>")?;
    for q in &org.questions {
        let c = &q.accounts;
        write!(h, "<td>")?;
        let mut first = true;
        for (risk, n) in RISKS.into_iter().zip([c.high, c.medium, c.low, c.none, c.not_assessed]) {
            if n == 0 {
                continue;
            }
            if !first {
                write!(h, "<br>")?;
            }
            first = false;
            write!(
                h,
                "<i class=\"dot risk-{}\" aria-hidden=\"true\"></i>{n} {}",
                risk.as_str(),
                short_label(risk).to_lowercase()
            )?;
        }
        write!(h, "</td>")?;
    }
    writeln!(h, "</tr></tfoot>\n</table></div>\n</section>")
}

fn most_at_risk(h: &mut Out, org: &OrgReview) -> fmt::Result {
    writeln!(h, "<section id=\"most-at-risk\" aria-labelledby=\"most-h\">")?;
    writeln!(h, "<h2 id=\"most-h\">Most at risk</h2>")?;
    if org.most_at_risk.is_empty() {
        writeln!(h, "<p class=\"empty\">No account has a high-risk question.</p>\n</section>")?;
        return Ok(());
    }
    writeln!(
        h,
        "<p class=\"note\">Reviewed accounts with a high-risk question, the most first (then by failed \
         findings).</p>"
    )?;
    writeln!(h, "<div class=\"tablewrap\"><table class=\"orgrisk\">")?;
    writeln!(
        h,
        "<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Account</th><th scope=\"col\">Name</th>\
         <th scope=\"col\" class=\"num\">High-risk questions</th><th scope=\"col\" class=\"num\">Failed findings</th>\
         </tr></thead>\n<tbody>"
    )?;
    for (i, r) in org.most_at_risk.iter().enumerate() {
        let name = org.accounts.iter().find(|a| a.account_id == r.account_id).and_then(|a| a.name.as_deref());
        writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td class=\"mono\"><a href=\"#account-{id}\">{id}</a></td><td>{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            i + 1,
            Esc(name.unwrap_or_default()),
            r.high_risk_questions,
            r.failed_findings,
            id = Esc(&r.account_id)
        )?;
    }
    writeln!(h, "</tbody></table></div>\n</section>")
}

/// The verdicts about the organization (its policies, delegated administrators, trail), once.
fn organization_itself(h: &mut Out, org: &OrgReview) -> fmt::Result {
    writeln!(h, "<section id=\"organization\" aria-labelledby=\"orgself-h\">")?;
    writeln!(h, "<h2 id=\"orgself-h\">The organization itself</h2>")?;
    if org.organization.is_empty() {
        writeln!(
            h,
            "<p class=\"empty\">No account's evidence judged the organization's policies, delegated administrators or trail; scan the management account to see them.</p>\n</section>"
        )?;
        return Ok(());
    }
    writeln!(h, "<p class=\"note\">Judged once for the whole organization, from the account named.</p>")?;
    writeln!(h, "<div class=\"tablewrap\"><table class=\"orgnotrev\">")?;
    writeln!(
        h,
        "<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Check</th><th scope=\"col\">Finding</th><th scope=\"col\">Judged in</th></tr></thead>\n<tbody>"
    )?;
    for e in &org.organization {
        writeln!(
            h,
            "<tr><td>{}</td><td class=\"mono\">{}</td><td>{}</td><td class=\"mono\">{}</td></tr>",
            Esc(e.status.as_str()),
            Esc(&e.check_id),
            Esc(&e.message),
            Esc(&e.judged_in)
        )?;
    }
    writeln!(h, "</tbody></table></div>\n</section>")
}

fn not_reviewed(h: &mut Out, failed: &[&AccountOutcome]) -> fmt::Result {
    writeln!(h, "<section id=\"not-reviewed\" aria-labelledby=\"notrev-h\">")?;
    writeln!(h, "<h2 id=\"notrev-h\">Not reviewed</h2>")?;
    if failed.is_empty() {
        writeln!(h, "<p class=\"empty\">Every account was reviewed.</p>\n</section>")?;
        return Ok(());
    }
    writeln!(h, "<p class=\"note\">Their questions count as not assessed until a review succeeds.</p>")?;
    writeln!(h, "<div class=\"tablewrap\"><table class=\"orgnotrev\">")?;
    writeln!(
        h,
        "<thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Name</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>"
    )?;
    for a in failed {
        writeln!(
            h,
            "<tr><td class=\"mono\">{}</td><td>{}</td><td>{}</td></tr>",
            Esc(&a.account_id),
            Esc(a.name.as_deref().unwrap_or_default()),
            Esc(a.not_reviewed.as_deref().unwrap_or_default())
        )?;
    }
    writeln!(h, "</tbody></table></div>\n</section>")
}
