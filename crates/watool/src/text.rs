//! Text cut to the Well-Architected Tool's length limits.

/// The length AWS holds a text to: UTF-16 code units, never fewer than characters, so a text
/// within a limit by this count is within it however the service counts.
pub(crate) fn aws_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// `text` on one line: control characters (line breaks, tabs) become spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// `text` cut to at most `max` UTF-16 code units on a character boundary; a cut text ends
/// with `…`.
pub(crate) fn cut(line: &str, max: usize) -> String {
    if aws_len(line) <= max {
        return line.to_owned();
    }
    let budget = max.saturating_sub(1);
    let mut used = 0;
    let mut end = 0;
    for (i, c) in line.char_indices() {
        if used + c.len_utf16() > budget {
            break;
        }
        used += c.len_utf16();
        end = i + c.len_utf8();
    }
    if max == 0 {
        return String::new();
    }
    format!("{}…", line[..end].trim_end())
}

/// `items` joined by `, `, the first `shown` of them, then how many more there are.
pub(crate) fn list(items: &[&str], shown: usize) -> String {
    let mut text = items.iter().take(shown).copied().collect::<Vec<_>>().join(", ");
    if items.len() > shown {
        text.push_str(&format!(" and {} more", items.len() - shown));
    }
    text
}

/// `n thing` or `n things`.
pub(crate) fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_on_one_line() {
        assert_eq!(one_line("a\nb\tc"), "a b c");
        assert_eq!(cut("a\nb", 10), "a\nb");
        assert_eq!(cut("exactly10!", 10), "exactly10!");
    }

    #[test]
    fn long_text_is_cut_on_a_character_boundary() {
        let text = "é".repeat(300);
        let cut = cut(&text, 250);
        assert_eq!(aws_len(&cut), 250);
        assert!(cut.ends_with('…'));
        assert!(text.starts_with(cut.trim_end_matches('…')));
        // Characters outside the Basic Multilingual Plane count twice, as AWS's Java does.
        let emoji = "🔐".repeat(200);
        let cut_emoji = super::cut(&emoji, 250);
        assert!(aws_len(&cut_emoji) <= 250, "{}", aws_len(&cut_emoji));
        assert_eq!(cut_emoji.chars().count(), 124 + 1);
        assert_eq!(super::cut("abc", 0), "");
        assert_eq!(super::cut("abc", 1), "…");
    }

    #[test]
    fn lists_and_counts_read_well() {
        assert_eq!(list(&["a", "b", "c", "d"], 2), "a, b and 2 more");
        assert_eq!(list(&["a"], 3), "a");
        assert_eq!(count(1, "failed finding"), "1 failed finding");
        assert_eq!(count(3, "failed finding"), "3 failed findings");
    }
}
