//! HTML escaping: every string from an account goes through [`Esc`] before it reaches the page.

use std::fmt;

/// Displays a string with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in
/// element text and in quoted attribute values alike.
pub struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0;
        let mut start = 0;
        for (i, byte) in text.bytes().enumerate() {
            let entity = match byte {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            // The five bytes are ASCII, so `i` is always a character boundary.
            f.write_str(&text[start..i])?;
            f.write_str(entity)?;
            start = i + 1;
        }
        f.write_str(&text[start..])
    }
}

/// The link target for a string someone wrote, when it is a plain web address; anything else
/// (`javascript:`, `data:`, relative paths) is shown as text, never linked.
pub fn web_link(text: &str) -> Option<&str> {
    let t = text.trim();
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    (web && !t.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        Esc(s).to_string()
    }

    #[test]
    fn the_five_markup_characters_become_references() {
        assert_eq!(esc("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
        assert_eq!(esc(r#"a"b'c&d"#), "a&quot;b&#39;c&amp;d");
        assert_eq!(esc("&amp;"), "&amp;amp;", "already escaped text is escaped again, shown as written");
        assert_eq!(esc("</script><script>"), "&lt;/script&gt;&lt;script&gt;");
    }

    #[test]
    fn other_text_is_kept_whole() {
        assert_eq!(esc(""), "");
        assert_eq!(esc("arn:aws:s3:::données-été/ключ 🐝"), "arn:aws:s3:::données-été/ключ 🐝");
        assert_eq!(esc("é<ü>"), "é&lt;ü&gt;");
        assert_eq!(esc("tab\tnul\0"), "tab\tnul\0");
    }

    #[test]
    fn escaped_text_has_no_markup_character_left() {
        let hostile = "<img src=x onerror=alert(1)>\"'&</script>";
        let out = esc(hostile);
        assert!(!out.contains(['<', '>', '"', '\'']), "{out}");
        assert_eq!(out.matches('&').count(), 7, "one reference per markup character: {out}");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(web_link(" https://wiki.example.com/a?b=c "), Some("https://wiki.example.com/a?b=c"));
        assert_eq!(web_link("HTTP://example.com"), Some("HTTP://example.com"));
        assert_eq!(web_link("javascript:alert(1)"), None);
        assert_eq!(web_link("data:text/html,<b>"), None);
        assert_eq!(web_link("/etc/passwd"), None);
        assert_eq!(web_link("https://a b"), None);
        assert_eq!(web_link("htt"), None);
    }
}
