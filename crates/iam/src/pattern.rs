//! Wildcard patterns as IAM writes them: `*` (any run of characters), `?` (one character) and,
//! in version `2012-10-17` documents, policy variables such as `${aws:username}`.

use std::fmt;

/// A policy variable: `${key}` or `${key, 'default'}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    /// The context key, lowercased (keys are case-insensitive).
    pub key: String,
    /// The default value used when the key is absent from the request.
    pub default: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Lit(String),
    Star,
    One,
    Var(Variable),
}

/// A compiled pattern. Matching is iterative (no recursion), so any input is safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    raw: String,
    pieces: Vec<Piece>,
    has_vars: bool,
}

/// How a pattern's text is read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Syntax {
    /// `*` and `?` are wildcards (otherwise literal).
    pub wildcards: bool,
    /// `${...}` is a policy variable (version 2012-10-17 and an element that supports them).
    pub variables: bool,
    /// Lowercase literal text (case-insensitive elements such as actions).
    pub lowercase: bool,
}

/// What a variable lookup yields.
pub(crate) enum VarValue<'a> {
    Value(&'a str),
    Absent,
    Unknown,
}

/// A pattern whose variables were replaced by the request's values.
pub(crate) enum Resolved<'p> {
    /// No variables: the pattern's own pieces.
    Borrowed(&'p [Piece]),
    Owned(Vec<Piece>),
    /// A variable's key is absent and has no default: the value matches nothing.
    Unresolvable,
    /// A variable's key is not known at analysis time.
    Unknown(String),
}

impl Resolved<'_> {
    pub(crate) fn pieces(&self) -> Option<&[Piece]> {
        match self {
            Resolved::Borrowed(p) => Some(p),
            Resolved::Owned(p) => Some(p),
            _ => None,
        }
    }
}

impl Pattern {
    pub(crate) fn parse(raw: &str, syntax: Syntax) -> Pattern {
        let text = if syntax.lowercase { raw.to_lowercase() } else { raw.to_string() };
        let mut pieces: Vec<Piece> = Vec::new();
        let mut lit = String::new();
        let mut has_vars = false;
        let mut rest = text.as_str();
        while let Some(c) = rest.chars().next() {
            if syntax.variables && rest.starts_with("${") {
                if let Some(end) = rest.find('}') {
                    let inner = &rest[2..end];
                    match inner {
                        "*" | "?" | "$" => lit.push_str(inner),
                        _ => {
                            if let Some(var) = parse_variable(inner) {
                                flush(&mut lit, &mut pieces);
                                pieces.push(Piece::Var(var));
                                has_vars = true;
                            } else {
                                lit.push_str(&rest[..=end]);
                            }
                        }
                    }
                    rest = &rest[end + 1..];
                    continue;
                }
            }
            match c {
                '*' if syntax.wildcards => {
                    flush(&mut lit, &mut pieces);
                    if pieces.last() != Some(&Piece::Star) {
                        pieces.push(Piece::Star);
                    }
                }
                '?' if syntax.wildcards => {
                    flush(&mut lit, &mut pieces);
                    pieces.push(Piece::One);
                }
                _ => lit.push(c),
            }
            rest = &rest[c.len_utf8()..];
        }
        flush(&mut lit, &mut pieces);
        Pattern { raw: raw.to_string(), pieces, has_vars }
    }

    /// The pattern as written in the policy.
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// Whether the pattern holds a policy variable.
    pub fn has_variables(&self) -> bool {
        self.has_vars
    }

    /// Whether the pattern is exactly `*` (matches everything).
    pub fn is_star(&self) -> bool {
        self.pieces == [Piece::Star]
    }

    /// Whether the pattern has a wildcard.
    pub fn has_wildcard(&self) -> bool {
        self.pieces.iter().any(|p| matches!(p, Piece::Star | Piece::One))
    }

    /// The literal text when the pattern has neither wildcards nor variables.
    pub fn literal(&self) -> Option<&str> {
        match self.pieces.as_slice() {
            [] => Some(""),
            [Piece::Lit(s)] => Some(s),
            _ => None,
        }
    }

    pub(crate) fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// The variables this pattern uses.
    pub fn variables(&self) -> impl Iterator<Item = &Variable> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Var(v) => Some(v),
            _ => None,
        })
    }

    /// Replaces variables using `lookup`.
    pub(crate) fn resolve<'a>(&self, lookup: &dyn Fn(&str) -> VarValue<'a>) -> Resolved<'_> {
        if !self.has_vars {
            return Resolved::Borrowed(&self.pieces);
        }
        let mut out = Vec::with_capacity(self.pieces.len());
        for piece in &self.pieces {
            match piece {
                Piece::Var(var) => {
                    let value = match lookup(&var.key) {
                        VarValue::Value(v) => v.to_string(),
                        VarValue::Absent => match &var.default {
                            Some(d) => d.clone(),
                            None => return Resolved::Unresolvable,
                        },
                        VarValue::Unknown => return Resolved::Unknown(var.key.clone()),
                    };
                    match out.last_mut() {
                        Some(Piece::Lit(s)) => s.push_str(&value),
                        _ => out.push(Piece::Lit(value)),
                    }
                }
                Piece::Lit(s) => match out.last_mut() {
                    Some(Piece::Lit(prev)) => prev.push_str(s),
                    _ => out.push(Piece::Lit(s.clone())),
                },
                other => out.push(other.clone()),
            }
        }
        Resolved::Owned(out)
    }

    /// Matches a text when the pattern has no variables (`false` otherwise).
    pub fn matches(&self, text: &str) -> bool {
        !self.has_vars && glob(&self.pieces, text, false)
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

fn flush(lit: &mut String, pieces: &mut Vec<Piece>) {
    if !lit.is_empty() {
        pieces.push(Piece::Lit(std::mem::take(lit)));
    }
}

/// `key` or `key, 'default'` (AWS allows single-quoted defaults).
fn parse_variable(inner: &str) -> Option<Variable> {
    let (key, default) = match inner.split_once(',') {
        Some((key, rest)) => {
            let rest = rest.trim();
            let default = rest.strip_prefix('\'').and_then(|r| r.strip_suffix('\''))?;
            (key.trim(), Some(default.to_string()))
        }
        None => (inner.trim(), None),
    };
    if key.is_empty() || key.contains(['$', '{', '}', ' ']) {
        return None;
    }
    Some(Variable { key: key.to_lowercase(), default })
}

/// Glob match of resolved pieces (no variables) against `text`; `fold` compares ASCII letters
/// case-insensitively. Iterative, with backtracking only to the last star: O(n·m) worst case.
pub(crate) fn glob(pieces: &[Piece], text: &str, fold: bool) -> bool {
    let bytes = text.as_bytes();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if pi < pieces.len() {
            let advanced = match &pieces[pi] {
                Piece::Star => {
                    star = Some((pi + 1, ti));
                    pi += 1;
                    continue;
                }
                Piece::One => match text[ti..].chars().next() {
                    Some(c) => {
                        ti += c.len_utf8();
                        true
                    }
                    None => false,
                },
                Piece::Lit(s) => {
                    let s = s.as_bytes();
                    let ok = bytes.len() - ti >= s.len()
                        && if fold {
                            bytes[ti..ti + s.len()].eq_ignore_ascii_case(s)
                        } else {
                            &bytes[ti..ti + s.len()] == s
                        }
                        && text.is_char_boundary(ti + s.len());
                    if ok {
                        ti += s.len();
                    }
                    ok
                }
                Piece::Var(_) => false,
            };
            if advanced {
                pi += 1;
                continue;
            }
        } else if ti == bytes.len() {
            return true;
        }
        match star {
            Some((after, from)) if from < bytes.len() => {
                let step = text[from..].chars().next().map_or(1, char::len_utf8);
                star = Some((after, from + step));
                pi = after;
                ti = from + step;
            }
            _ => return false,
        }
    }
}

/// Splits pieces into the six colon-separated ARN components (the last keeps its colons).
pub(crate) fn split_arn(pieces: &[Piece]) -> Option<Vec<Vec<Piece>>> {
    let mut parts: Vec<Vec<Piece>> = vec![Vec::new()];
    for piece in pieces {
        match piece {
            Piece::Lit(s) if parts.len() < 6 => {
                let mut rest = s.as_str();
                while parts.len() < 6 {
                    match rest.find(':') {
                        Some(i) => {
                            if i > 0 {
                                parts.last_mut()?.push(Piece::Lit(rest[..i].to_string()));
                            }
                            parts.push(Vec::new());
                            rest = &rest[i + 1..];
                        }
                        None => break,
                    }
                }
                if !rest.is_empty() {
                    parts.last_mut()?.push(Piece::Lit(rest.to_string()));
                }
            }
            other => parts.last_mut()?.push(other.clone()),
        }
    }
    (parts.len() == 6).then_some(parts)
}

/// Splits a text into the six ARN components.
pub(crate) fn split_arn_text(text: &str) -> Option<[&str; 6]> {
    let mut it = text.splitn(6, ':');
    let parts = [it.next()?, it.next()?, it.next()?, it.next()?, it.next()?, it.next()?];
    Some(parts)
}

/// ARN matching: each of the six components is matched on its own, so a wildcard never
/// crosses a component; a pattern or text that is not six components is matched whole.
pub(crate) fn arn_glob(pieces: &[Piece], text: &str) -> bool {
    if pieces == [Piece::Star] {
        return true;
    }
    match (split_arn(pieces), split_arn_text(text)) {
        (Some(p), Some(t)) => p.iter().zip(t.iter()).all(|(p, t)| glob(p, t, false)),
        _ => glob(pieces, text, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOB: Syntax = Syntax { wildcards: true, variables: true, lowercase: false };

    fn m(p: &str, t: &str) -> bool {
        glob(Pattern::parse(p, GLOB).pieces(), t, false)
    }

    #[test]
    fn glob_basics() {
        assert!(m("*", ""));
        assert!(m("s3:Get*", "s3:GetObject"));
        assert!(!m("s3:Get*", "s3:PutObject"));
        assert!(m("a?c", "abc"));
        assert!(!m("a?c", "ac"));
        assert!(m("*Policy*", "CreatePolicyVersion"));
        assert!(m("a*b*c", "axxbyyc"));
        assert!(!m("a*b*c", "axxbyy"));
        assert!(m("é?", "éx"));
        assert!(m("?", "é"));
    }

    #[test]
    fn escapes_are_literal() {
        let p = Pattern::parse("a${*}b", GLOB);
        assert!(glob(p.pieces(), "a*b", false));
        assert!(!glob(p.pieces(), "axb", false));
        let p = Pattern::parse("${$}{x}", GLOB);
        assert!(glob(p.pieces(), "${x}", false));
    }

    #[test]
    fn variables_with_defaults() {
        let p = Pattern::parse("home/${aws:username, 'anon'}/*", GLOB);
        let vars: Vec<_> = p.variables().collect();
        assert_eq!(vars[0].key, "aws:username");
        assert_eq!(vars[0].default.as_deref(), Some("anon"));
        let r = p.resolve(&|_| VarValue::Absent);
        assert!(glob(r.pieces().unwrap(), "home/anon/x", false));
    }

    #[test]
    fn arn_components_are_separate() {
        let p = Pattern::parse("arn:aws:s3:::*", GLOB);
        assert!(arn_glob(p.pieces(), "arn:aws:s3:::bucket/key:with:colons"));
        let p = Pattern::parse("arn:aws:iam::*:role/x", GLOB);
        assert!(!arn_glob(p.pieces(), "arn:aws:iam::1:2:role/x"));
        assert!(arn_glob(p.pieces(), "arn:aws:iam::123:role/x"));
    }
}
