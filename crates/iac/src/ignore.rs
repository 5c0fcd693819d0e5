//! Inline suppressions: `# wasp:ignore CHECK_ID reason` in a template.
//!
//! A comment inside a resource's block, or on the lines just above it, mutes that check's
//! failures of that resource; one above the `Resources` section mutes them in the whole file.
//! The reason is required: a comment without one is reported and ignored.

/// One `# wasp:ignore` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineIgnore {
    pub check_id: String,
    /// Empty when the comment gives none (then it mutes nothing).
    pub reason: String,
    pub line: u32,
    /// The logical id of the resource it applies to; `None` for the whole file.
    pub logical_id: Option<String>,
}

const MARKER: &str = "wasp:ignore";

/// The comments in `lines` (no resource assigned yet).
pub fn scan(lines: &[&str]) -> Vec<InlineIgnore> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(hash) = line.find('#') else { continue };
        let comment = line[hash + 1..].trim();
        let Some(rest) = comment.strip_prefix(MARKER) else { continue };
        let rest = rest.trim();
        let (check, reason) = match rest.split_once(char::is_whitespace) {
            Some((c, r)) => (c, r.trim()),
            None => (rest, ""),
        };
        if check.is_empty() {
            continue;
        }
        out.push(InlineIgnore {
            check_id: check.to_owned(),
            reason: reason.to_owned(),
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            logical_id: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_check_and_reason() {
        let found = super::scan(&["  Bucket: # wasp:ignore s3_bucket_versioning_enabled logs only", "# wasp:ignore x"]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].check_id, "s3_bucket_versioning_enabled");
        assert_eq!(found[0].reason, "logs only");
        assert_eq!(found[1].reason, "");
        assert_eq!(found[1].line, 2);
    }
}
