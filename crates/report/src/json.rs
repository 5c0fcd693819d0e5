//! The JSON contract (documented in docs/schema/): a review, or an organization's review.
use serde::Serialize;
use std::io::{self, Write};
use wasp_checks::Meta;
use wasp_pillar::Lens;
use wasp_review::Review;

fn write_pretty<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}

pub fn review(review: &Review, out: &mut dyn Write) -> io::Result<()> {
    write_pretty(review, out)
}

/// `--format json`: the review as data.
pub struct Json;

impl crate::Renderer for Json {
    fn render(&self, cx: &crate::Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        review(cx.review, out)
    }

    fn organization(
        &self,
        org: &wasp_review::org::OrgReview,
        _style: crate::Style,
        out: &mut dyn Write,
    ) -> Option<io::Result<()>> {
        Some(organization(org, out))
    }
}

/// The organization's review as data (docs/schema/organization-review.schema.json).
pub fn organization(org: &wasp_review::org::OrgReview, out: &mut dyn Write) -> io::Result<()> {
    write_pretty(org, out)
}

/// `wasp diff --format json`.
pub fn diff(d: &wasp_review::diff::Diff, out: &mut dyn Write) -> io::Result<()> {
    write_pretty(d, out)
}

/// `wasp checks --format json`: an array of check metadata.
pub fn checks(checks: &[&Meta], out: &mut dyn Write) -> io::Result<()> {
    write_pretty(checks, out)
}

/// `wasp explain --format json`: one check's metadata with its documentation.
pub fn explain(meta: &Meta, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Explained<'a> {
        #[serde(flatten)]
        meta: &'a Meta,
        docs: String,
    }
    write_pretty(&Explained { meta, docs: meta.docs_markdown() }, out)
}

/// `wasp pillar --format json`: the lens as data.
pub fn pillar(lens: &Lens, out: &mut dyn Write) -> io::Result<()> {
    write_pretty(lens, out)
}
