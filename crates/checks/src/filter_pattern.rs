//! CloudWatch Logs filter patterns: parse one and tell whether CloudWatch Logs would count a
//! CloudTrail event (a JSON object) as a match.
//!
//! Semantics follow the CloudWatch Logs "Filter pattern syntax" documentation:
//!
//! - An empty or all-whitespace pattern matches every event.
//! - Term patterns match the event's serialized JSON text, case-sensitively, by substring:
//!   `ERROR` (bare terms are ASCII letters, digits and `_`), `"exact phrase"`, `-term` (must not
//!   appear), `?term` (any one of them must appear). As documented, `?` terms are ignored when
//!   the pattern also has plain or `-` terms. A blank phrase (`""`, `" "`) matches everything.
//! - JSON patterns `{ ... }` match only JSON objects. Selectors: `$.a.b`, `$.a[0]`, `$.a[*]`,
//!   `$.*`, `$.['a.b']`. Precedence is `()` > `&&` > `||`. A comparison (`=`, `!=`, `<`, `>`,
//!   `<=`, `>=`) is false unless the selector reaches a string or number: a missing field,
//!   `null`, a boolean, an array or an object makes both `=` and `!=` false. In strings a
//!   leading and/or trailing `*` is a wildcard and any other `*` is literal; `*` alone matches
//!   any string or number. Values are case-sensitive; keywords (`IS TRUE`, `IS FALSE`,
//!   `IS NULL`, `NOT EXISTS`) are accepted in any case. `!=` on a missing field is false as
//!   observed with CloudWatch's pattern test (github.com/DataBiosphere/azul issue 5884); the
//!   wildcard rule is the one the documentation spells out ("Ev*ent will only match the actual
//!   string Ev*ent").
//! - Space-delimited patterns `[a, b, ...]` are checked for balanced brackets and match
//!   nothing, since CloudTrail events are JSON.
//! - Regular expressions (`%...%`) are valid CloudWatch syntax but are not evaluated here:
//!   [`parse`] rejects them with an error whose [`PatternError::is_unsupported`] is true.

#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

use serde_json::Value;
use std::fmt;

/// Longest pattern accepted, in characters (CloudWatch Logs itself allows 1024).
pub const MAX_PATTERN_CHARS: usize = 4096;
/// Deepest nesting of parentheses accepted in a JSON pattern.
pub const MAX_DEPTH: usize = 64;
/// Most wildcard selectors in one pattern (a documented CloudWatch Logs quota).
const MAX_WILDCARDS: usize = 3;
/// Characters of input quoted in an error message.
const NEAR_CHARS: usize = 12;

/// A parsed CloudWatch Logs filter pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    kind: Kind,
}

/// The form of a filter pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternKind {
    /// The empty pattern: matches every event.
    MatchAll,
    /// Words and quoted phrases searched in the event text.
    Terms,
    /// A `{ ... }` pattern over JSON fields.
    Json,
    /// A `[ ... ]` pattern over space-delimited fields: never matches a JSON event.
    SpaceDelimited,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    MatchAll,
    Terms(Terms),
    Json(Expr),
    SpaceDelimited,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Terms {
    required: Vec<String>,
    excluded: Vec<String>,
    optional: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Cond(Condition),
}

#[derive(Debug, Clone, PartialEq)]
struct Condition {
    selector: Vec<Step>,
    test: Test,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
    Any,
}

#[derive(Debug, Clone, PartialEq)]
enum Test {
    Eq(Literal),
    Ne(Literal),
    Lt(f64),
    Le(f64),
    Gt(f64),
    Ge(f64),
    IsTrue,
    IsFalse,
    IsNull,
    NotExists,
}

/// A value to compare with: its text, and its number when written as an unquoted number.
#[derive(Debug, Clone, PartialEq)]
struct Literal {
    text: String,
    number: Option<f64>,
}

/// Parses a CloudWatch Logs filter pattern.
///
/// # Errors
///
/// When the pattern is malformed, too long or too deeply nested, or uses a regular expression.
pub fn parse(text: &str) -> Result<Pattern, PatternError> {
    if text.len() > MAX_PATTERN_CHARS && text.chars().count() > MAX_PATTERN_CHARS {
        return Err(PatternError { reason: Reason::TooLong, at: None, near: String::new() });
    }
    let mut p = Parser { src: text, pos: 0, wildcards: 0 };
    p.skip_ws();
    let kind = match p.peek() {
        None => Kind::MatchAll,
        Some('{') => p.json()?,
        Some('[') => p.space_delimited()?,
        Some(_) => p.terms()?,
    };
    Ok(Pattern { kind })
}

impl Pattern {
    /// Whether CloudWatch Logs would count `event` as a match of this pattern.
    #[must_use]
    pub fn matches(&self, event: &Value) -> bool {
        match &self.kind {
            Kind::MatchAll => true,
            Kind::Terms(terms) => terms.matches(&event.to_string()),
            Kind::Json(expr) => event.is_object() && expr.eval(event),
            Kind::SpaceDelimited => false,
        }
    }

    /// The form of this pattern.
    #[must_use]
    pub fn kind(&self) -> PatternKind {
        match self.kind {
            Kind::MatchAll => PatternKind::MatchAll,
            Kind::Terms(_) => PatternKind::Terms,
            Kind::Json(_) => PatternKind::Json,
            Kind::SpaceDelimited => PatternKind::SpaceDelimited,
        }
    }
}

impl Terms {
    fn matches(&self, text: &str) -> bool {
        if self.required.is_empty() && self.excluded.is_empty() {
            return self.optional.iter().any(|t| text.contains(t.as_str()));
        }
        self.required.iter().all(|t| text.contains(t.as_str()))
            && !self.excluded.iter().any(|t| text.contains(t.as_str()))
    }
}

impl Expr {
    fn eval(&self, root: &Value) -> bool {
        match self {
            Expr::And(items) => items.iter().all(|e| e.eval(root)),
            Expr::Or(items) => items.iter().any(|e| e.eval(root)),
            Expr::Cond(c) => c.eval(root),
        }
    }
}

impl Condition {
    fn eval(&self, root: &Value) -> bool {
        let nodes = resolve(&self.selector, root);
        match &self.test {
            Test::NotExists => nodes.is_empty(),
            Test::IsNull => nodes.iter().any(|v| v.is_null()),
            Test::IsTrue => nodes.iter().any(|v| v.as_bool() == Some(true)),
            Test::IsFalse => nodes.iter().any(|v| v.as_bool() == Some(false)),
            Test::Eq(lit) => nodes.iter().any(|v| equals(v, lit) == Some(true)),
            Test::Ne(lit) => nodes.iter().any(|v| equals(v, lit) == Some(false)),
            Test::Lt(x) => nodes.iter().any(|v| v.as_f64().is_some_and(|n| n < *x)),
            Test::Le(x) => nodes.iter().any(|v| v.as_f64().is_some_and(|n| n <= *x)),
            Test::Gt(x) => nodes.iter().any(|v| v.as_f64().is_some_and(|n| n > *x)),
            Test::Ge(x) => nodes.iter().any(|v| v.as_f64().is_some_and(|n| n >= *x)),
        }
    }
}

/// The nodes a selector reaches: none, one, or (through a wildcard) several.
fn resolve<'v>(steps: &[Step], root: &'v Value) -> Vec<&'v Value> {
    let mut nodes = vec![root];
    for step in steps {
        let mut next = Vec::new();
        for node in nodes {
            match (step, node) {
                (Step::Key(k), Value::Object(map)) => next.extend(map.get(k)),
                (Step::Index(i), Value::Array(items)) => next.extend(items.get(*i)),
                (Step::Any, Value::Object(map)) => next.extend(map.values()),
                (Step::Any, Value::Array(items)) => next.extend(items.iter()),
                _ => {}
            }
        }
        if next.is_empty() {
            return next;
        }
        nodes = next;
    }
    nodes
}

/// Compares a value node with a literal; `None` when the node is not a string or number.
fn equals(node: &Value, lit: &Literal) -> Option<bool> {
    match node {
        Value::String(s) => Some(glob(&lit.text, s)),
        Value::Number(n) => Some(match lit.number {
            Some(x) => n.as_f64() == Some(x),
            None => glob(&lit.text, &n.to_string()),
        }),
        _ => None,
    }
}

/// Matches `text` against `pattern`, where only a leading or trailing `*` is a wildcard.
fn glob(pattern: &str, text: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    let (lead, rest) = match pattern.strip_prefix('*') {
        Some(rest) => (true, rest),
        None => (false, pattern),
    };
    let (trail, middle) = match rest.strip_suffix('*') {
        Some(middle) => (true, middle),
        None => (false, rest),
    };
    match (lead, trail) {
        (true, true) => text.contains(middle),
        (true, false) => text.ends_with(middle),
        (false, true) => text.starts_with(middle),
        (false, false) => text == middle,
    }
}

/// Parses a number as the documentation describes it: sign, digits, decimals, exponent.
fn parse_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let digits = |from: usize| bytes.iter().skip(from).take_while(|b| b.is_ascii_digit()).count();
    let mut i = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let int_digits = digits(i);
    i += int_digits;
    let mut frac_digits = 0;
    if bytes.get(i) == Some(&b'.') {
        frac_digits = digits(i + 1);
        i += 1 + frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = digits(i);
        if exp_digits == 0 {
            return None;
        }
        i += exp_digits;
    }
    if i != bytes.len() {
        return None;
    }
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Characters of an unquoted value: the documentation's ASCII alphanumerics and `_`, plus the
/// `.`, `*`, `+` and `-` its own examples use (`123.123.*`, `+1000`, `1e-3`).
fn is_bare_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '*' | '+' | '-')
}

/// Characters that may follow a value or keyword in a JSON pattern.
fn ends_value(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, ')' | '}' | '&' | '|'))
}

fn collapse(mut items: Vec<Expr>, join: fn(Vec<Expr>) -> Expr) -> Expr {
    if items.len() == 1 {
        if let Some(only) = items.pop() {
            return only;
        }
    }
    join(items)
}

struct Parser<'a> {
    src: &'a str,
    /// Byte offset of the next character; always on a character boundary.
    pos: usize,
    wildcards: usize,
}

impl<'a> Parser<'a> {
    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, s: &str) -> bool {
        let found = self.rest().starts_with(s);
        if found {
            self.pos += s.len();
        }
        found
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(&keep) {
            self.bump();
        }
        self.src.get(start..self.pos).unwrap_or("")
    }

    fn skip_ws(&mut self) {
        self.take_while(char::is_whitespace);
    }

    fn error_at(&self, pos: usize, reason: Reason) -> PatternError {
        let before = self.src.get(..pos).unwrap_or("");
        let near = self.src.get(pos..).unwrap_or("").chars().take(NEAR_CHARS).collect();
        PatternError { reason, at: Some(before.chars().count()), near }
    }

    fn syntax(&self, what: &'static str) -> PatternError {
        self.error_at(self.pos, Reason::Syntax(what))
    }

    fn regex(&self) -> PatternError {
        self.error_at(self.pos, Reason::Unsupported("regular expressions (%...%) are not supported"))
    }

    /// A double-quoted string; `\"` and `\\` stand for `"` and `\`.
    fn quoted(&mut self) -> Result<String, PatternError> {
        let start = self.pos;
        self.bump();
        let mut out = String::new();
        loop {
            match self.bump() {
                None => return Err(self.error_at(start, Reason::Syntax("unterminated double-quoted string"))),
                Some('"') => return Ok(out),
                Some('\\') => match self.peek() {
                    Some(c @ ('"' | '\\')) => {
                        self.bump();
                        out.push(c);
                    }
                    _ => out.push('\\'),
                },
                Some(c) => out.push(c),
            }
        }
    }

    fn terms(&mut self) -> Result<Kind, PatternError> {
        let mut terms = Terms::default();
        loop {
            self.skip_ws();
            let Some(first) = self.peek() else { break };
            let prefix_at = self.pos;
            if matches!(first, '?' | '-') {
                self.bump();
                self.skip_ws();
                if self.peek().is_none() {
                    return Err(self.error_at(prefix_at, Reason::Syntax("'?' or '-' must be followed by a term")));
                }
            }
            let term = match self.peek() {
                Some('"') => {
                    let phrase = self.quoted()?;
                    if !self.peek().is_none_or(char::is_whitespace) {
                        return Err(self.syntax("expected a space after the closing quote"));
                    }
                    if phrase.trim().is_empty() {
                        String::new()
                    } else {
                        phrase
                    }
                }
                Some('%') => return Err(self.regex()),
                _ => {
                    let word = self.take_while(|c| c.is_ascii_alphanumeric() || c == '_');
                    if word.is_empty() || !self.peek().is_none_or(char::is_whitespace) {
                        return Err(self.syntax("terms with characters other than letters, digits or '_' need quotes"));
                    }
                    word.to_string()
                }
            };
            match first {
                '?' => terms.optional.push(term),
                '-' => terms.excluded.push(term),
                _ => terms.required.push(term),
            }
        }
        Ok(Kind::Terms(terms))
    }

    fn space_delimited(&mut self) -> Result<Kind, PatternError> {
        let start = self.pos;
        let mut depth = 0usize;
        let mut in_quote = false;
        while let Some(c) = self.bump() {
            if in_quote {
                in_quote = c != '"';
                continue;
            }
            match c {
                '"' => in_quote = true,
                '[' => depth += 1,
                ']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.skip_ws();
                        if self.peek().is_some() {
                            return Err(self.syntax("unexpected text after the closing ']'"));
                        }
                        return Ok(Kind::SpaceDelimited);
                    }
                }
                _ => {}
            }
        }
        let what = if in_quote { "unterminated double-quoted string" } else { "unbalanced '[': missing ']'" };
        Err(self.error_at(start, Reason::Syntax(what)))
    }

    fn json(&mut self) -> Result<Kind, PatternError> {
        self.bump();
        let expr = self.or_expr(0)?;
        self.skip_ws();
        match self.peek() {
            Some('}') => {
                self.bump();
            }
            Some(')') => return Err(self.syntax("unbalanced parentheses: unexpected ')'")),
            None => return Err(self.syntax("missing closing '}'")),
            Some(_) => return Err(self.syntax("expected '&&', '||' or '}'")),
        }
        self.skip_ws();
        if self.peek().is_some() {
            return Err(self.syntax("unexpected text after the closing '}'"));
        }
        Ok(Kind::Json(expr))
    }

    fn or_expr(&mut self, depth: usize) -> Result<Expr, PatternError> {
        let mut items = vec![self.and_expr(depth)?];
        loop {
            self.skip_ws();
            if !self.eat("||") {
                break;
            }
            items.push(self.and_expr(depth)?);
        }
        Ok(collapse(items, Expr::Or))
    }

    fn and_expr(&mut self, depth: usize) -> Result<Expr, PatternError> {
        let mut items = vec![self.unary(depth)?];
        loop {
            self.skip_ws();
            if !self.eat("&&") {
                break;
            }
            items.push(self.unary(depth)?);
        }
        Ok(collapse(items, Expr::And))
    }

    fn unary(&mut self, depth: usize) -> Result<Expr, PatternError> {
        self.skip_ws();
        match self.peek() {
            Some('(') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error_at(self.pos, Reason::TooDeep));
                }
                let open = self.pos;
                self.bump();
                let expr = self.or_expr(depth + 1)?;
                self.skip_ws();
                match self.peek() {
                    Some(')') => {
                        self.bump();
                        Ok(expr)
                    }
                    None | Some('}') => {
                        Err(self.error_at(open, Reason::Syntax("unbalanced parentheses: '(' is never closed")))
                    }
                    Some(_) => Err(self.syntax("expected '&&', '||' or ')'")),
                }
            }
            Some('$') => self.condition(),
            None => Err(self.syntax("pattern ends where a condition was expected")),
            Some(_) => Err(self.syntax("expected a selector starting with '$', or '('")),
        }
    }

    fn condition(&mut self) -> Result<Expr, PatternError> {
        let selector = self.selector()?;
        self.skip_ws();
        let op_at = self.pos;
        let test = if self.eat("!=") {
            self.operator_end(op_at)?;
            Test::Ne(self.literal()?)
        } else if self.eat("<=") {
            self.operator_end(op_at)?;
            Test::Le(self.number()?)
        } else if self.eat(">=") {
            self.operator_end(op_at)?;
            Test::Ge(self.number()?)
        } else if self.eat("<") {
            self.operator_end(op_at)?;
            Test::Lt(self.number()?)
        } else if self.eat(">") {
            self.operator_end(op_at)?;
            Test::Gt(self.number()?)
        } else if self.eat("=") {
            self.operator_end(op_at)?;
            Test::Eq(self.literal()?)
        } else if self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.keyword(op_at)?
        } else if self.peek().is_some_and(|c| matches!(c, '!' | '~')) {
            return Err(self.syntax("unknown operator"));
        } else {
            return Err(self.syntax("expected an operator, IS or NOT EXISTS after the selector"));
        };
        Ok(Expr::Cond(Condition { selector, test }))
    }

    /// Rejects operators such as `==`, `=~` or `<>` that start like a known one.
    fn operator_end(&self, op_at: usize) -> Result<(), PatternError> {
        if self.peek().is_some_and(|c| matches!(c, '=' | '!' | '<' | '>' | '~')) {
            return Err(self.error_at(op_at, Reason::Syntax("unknown operator")));
        }
        Ok(())
    }

    fn keyword(&mut self, op_at: usize) -> Result<Test, PatternError> {
        let word = self.take_while(|c| c.is_ascii_alphabetic());
        self.skip_ws();
        let second_at = self.pos;
        let second = self.take_while(|c| c.is_ascii_alphabetic());
        let test = if word.eq_ignore_ascii_case("IS") {
            if second.eq_ignore_ascii_case("TRUE") {
                Test::IsTrue
            } else if second.eq_ignore_ascii_case("FALSE") {
                Test::IsFalse
            } else if second.eq_ignore_ascii_case("NULL") {
                Test::IsNull
            } else if second.eq_ignore_ascii_case("NOT") {
                return Err(self.error_at(op_at, Reason::Syntax("IS NOT is not supported by CloudWatch Logs")));
            } else {
                return Err(self.error_at(second_at, Reason::Syntax("expected TRUE, FALSE or NULL after IS")));
            }
        } else if word.eq_ignore_ascii_case("NOT") {
            if !second.eq_ignore_ascii_case("EXISTS") {
                return Err(self.error_at(second_at, Reason::Syntax("expected EXISTS after NOT")));
            }
            Test::NotExists
        } else if word.eq_ignore_ascii_case("EXISTS") {
            return Err(self.error_at(op_at, Reason::Syntax("EXISTS is not supported by CloudWatch Logs")));
        } else {
            return Err(self.error_at(op_at, Reason::Syntax("unknown operator")));
        };
        if !ends_value(self.peek()) {
            return Err(self.syntax("unexpected character after keyword"));
        }
        Ok(test)
    }

    fn selector(&mut self) -> Result<Vec<Step>, PatternError> {
        let start = self.pos;
        self.bump();
        let mut steps = Vec::new();
        loop {
            match self.peek() {
                Some('.') => {
                    self.bump();
                    match self.peek() {
                        Some('*') => {
                            self.bump();
                            steps.push(Step::Any);
                        }
                        Some('[') => {}
                        _ => {
                            let name = self.take_while(is_name_char);
                            if name.is_empty() {
                                return Err(self.syntax("expected a property name after '.'"));
                            }
                            steps.push(Step::Key(name.to_string()));
                        }
                    }
                }
                Some('[') => {
                    let open = self.pos;
                    self.bump();
                    steps.push(self.bracket(open)?);
                    if !self.eat("]") {
                        return Err(self.syntax("expected ']'"));
                    }
                }
                _ => break,
            }
        }
        let wildcards = steps.iter().filter(|s| matches!(s, Step::Any)).count();
        self.wildcards += wildcards;
        if steps.is_empty() {
            Err(self.error_at(start, Reason::Syntax("expected a property after '$'")))
        } else if wildcards > 1 {
            Err(self.error_at(start, Reason::Syntax("a selector may use only one wildcard")))
        } else if self.wildcards > MAX_WILDCARDS {
            Err(self.error_at(start, Reason::Syntax("a pattern may use at most three wildcard selectors")))
        } else {
            Ok(steps)
        }
    }

    /// The inside of `[...]` in a selector: an index, `*`, or a quoted property name.
    fn bracket(&mut self, open: usize) -> Result<Step, PatternError> {
        match self.peek() {
            Some('*') => {
                self.bump();
                Ok(Step::Any)
            }
            Some(quote @ ('\'' | '"')) => {
                self.bump();
                let name = self.take_while(|c| c != quote);
                if !self.eat(&quote.to_string()) {
                    return Err(self.error_at(open, Reason::Syntax("unterminated quoted property name")));
                }
                Ok(Step::Key(name.to_string()))
            }
            Some(c) if c.is_ascii_digit() => {
                let digits_at = self.pos;
                let digits = self.take_while(|c| c.is_ascii_digit());
                match digits.parse::<usize>() {
                    Ok(i) => Ok(Step::Index(i)),
                    Err(_) => Err(self.error_at(digits_at, Reason::Syntax("array index is too large"))),
                }
            }
            _ => Err(self.syntax("expected an index, '*' or a quoted name after '['")),
        }
    }

    /// The value after `=` or `!=`: a quoted string, or an unquoted word, wildcard or number.
    fn literal(&mut self) -> Result<Literal, PatternError> {
        self.skip_ws();
        match self.peek() {
            Some('"') => {
                let text = self.quoted()?;
                if !ends_value(self.peek()) {
                    return Err(self.syntax("unexpected character after the closing quote"));
                }
                Ok(Literal { text, number: None })
            }
            Some('%') => Err(self.regex()),
            Some('\'') => Err(self.syntax("strings must be in double quotes")),
            _ => {
                let text = self.take_while(is_bare_char);
                if text.is_empty() {
                    return Err(self.syntax("expected a value after the operator"));
                }
                if !ends_value(self.peek()) {
                    return Err(self.syntax("this character needs the value to be in double quotes"));
                }
                Ok(Literal { text: text.to_string(), number: parse_number(text) })
            }
        }
    }

    /// The number after `<`, `>`, `<=` or `>=`.
    fn number(&mut self) -> Result<f64, PatternError> {
        self.skip_ws();
        let start = self.pos;
        let text = self.take_while(is_bare_char);
        match parse_number(text) {
            Some(x) if ends_value(self.peek()) => Ok(x),
            _ => Err(self.error_at(start, Reason::Syntax("expected a number after the comparison operator"))),
        }
    }
}

/// Why a filter pattern could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    reason: Reason,
    /// Character index of the problem, when it has one.
    at: Option<usize>,
    /// A few characters of input from `at` on.
    near: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Reason {
    TooLong,
    TooDeep,
    Syntax(&'static str),
    Unsupported(&'static str),
}

impl PatternError {
    /// True when the pattern is valid CloudWatch Logs syntax that this module does not
    /// evaluate (regular expressions), rather than malformed.
    #[must_use]
    pub fn is_unsupported(&self) -> bool {
        matches!(self.reason, Reason::Unsupported(_))
    }
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.reason {
            Reason::TooLong => write!(f, "filter pattern is longer than {MAX_PATTERN_CHARS} characters")?,
            Reason::TooDeep => write!(f, "parentheses nest deeper than {MAX_DEPTH} levels")?,
            Reason::Syntax(what) | Reason::Unsupported(what) => f.write_str(what)?,
        }
        if let Some(at) = self.at {
            write!(f, " at character {}", at + 1)?;
            if !self.near.is_empty() {
                write!(f, " (near {:?})", self.near)?;
            }
        }
        f.write_str(".")
    }
}

impl std::error::Error for PatternError {}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use serde_json::json;

    const CIS_ROOT: &str = r#"{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }"#;
    const CIS_UNAUTHORIZED: &str = r#"{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }"#;

    fn pat(text: &str) -> Pattern {
        match parse(text) {
            Ok(p) => p,
            Err(e) => panic!("{text:?} should parse: {e}"),
        }
    }

    fn err(text: &str) -> PatternError {
        match parse(text) {
            Ok(p) => panic!("{text:?} should not parse, got {p:?}"),
            Err(e) => e,
        }
    }

    fn root_console_login() -> Value {
        json!({
            "eventVersion": "1.08",
            "userIdentity": {
                "type": "Root",
                "principalId": "123456789012",
                "arn": "arn:aws:iam::123456789012:root",
                "accountId": "123456789012"
            },
            "eventTime": "2024-05-01T10:00:00Z",
            "eventSource": "signin.amazonaws.com",
            "eventName": "ConsoleLogin",
            "awsRegion": "us-east-1",
            "sourceIPAddress": "203.0.113.10",
            "userAgent": "Mozilla/5.0",
            "requestParameters": null,
            "responseElements": {"ConsoleLogin": "Success"},
            "additionalEventData": {"MFAUsed": "Yes"},
            "eventType": "AwsConsoleSignIn",
            "recipientAccountId": "123456789012"
        })
    }

    fn root_api_call() -> Value {
        json!({
            "userIdentity": {"type": "Root", "arn": "arn:aws:iam::123456789012:root", "accountId": "123456789012"},
            "eventSource": "iam.amazonaws.com",
            "eventName": "CreateAccessKey",
            "sourceIPAddress": "203.0.113.10",
            "eventType": "AwsApiCall"
        })
    }

    fn root_invoked_by_service() -> Value {
        json!({
            "userIdentity": {"type": "Root", "accountId": "123456789012", "invokedBy": "support.amazonaws.com"},
            "eventSource": "iam.amazonaws.com",
            "eventName": "GetAccountSummary",
            "sourceIPAddress": "support.amazonaws.com",
            "eventType": "AwsApiCall"
        })
    }

    fn root_service_event() -> Value {
        json!({
            "userIdentity": {"type": "Root", "accountId": "123456789012"},
            "eventSource": "sso.amazonaws.com",
            "eventName": "SomeServiceEvent",
            "eventType": "AwsServiceEvent"
        })
    }

    fn iam_user_call() -> Value {
        json!({
            "userIdentity": {"type": "IAMUser", "userName": "alice", "arn": "arn:aws:iam::123456789012:user/alice"},
            "eventSource": "iam.amazonaws.com",
            "eventName": "CreateAccessKey",
            "sourceIPAddress": "203.0.113.10",
            "eventType": "AwsApiCall"
        })
    }

    fn api_call(error_code: Option<&str>, event_name: &str, source_ip: &str) -> Value {
        let mut event = json!({
            "userIdentity": {"type": "IAMUser", "userName": "alice"},
            "eventSource": "ec2.amazonaws.com",
            "eventName": event_name,
            "sourceIPAddress": source_ip,
            "eventType": "AwsApiCall"
        });
        if let (Some(code), Some(map)) = (error_code, event.as_object_mut()) {
            map.insert("errorCode".into(), json!(code));
        }
        event
    }

    /// The sample event of the documentation's JSON examples.
    fn doc_event() -> Value {
        json!({
            "eventType": "UpdateTrail",
            "sourceIPAddress": "111.111.111.111",
            "arrayKey": ["value", "another value"],
            "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}],
            "SomeObject": null,
            "ThisFlag": true,
            "cluster.name": "c"
        })
    }

    /// The sample object of the documentation's compound-expression examples.
    fn doc_compound_event() -> Value {
        json!({
            "user": {"id": 1, "email": "John.Stiles@example.com"},
            "users": [{"id": 2, "email": "John.Doe@example.com"}, {"id": 3, "email": "Jane.Doe@example.com"}],
            "actions": ["GET", "PUT", "DELETE"],
            "coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]
        })
    }

    fn message(text: &str) -> Value {
        json!({ "message": text })
    }

    // --- CIS patterns ---

    #[test]
    fn cis_root_usage_matches_root_activity_only() {
        let p = pat(CIS_ROOT);
        assert_eq!(p.kind(), PatternKind::Json);
        assert!(p.matches(&root_console_login()));
        assert!(p.matches(&root_api_call()));
        assert!(!p.matches(&root_invoked_by_service()), "invokedBy set");
        assert!(!p.matches(&root_service_event()), "AwsServiceEvent");
        assert!(!p.matches(&iam_user_call()), "IAM user");
    }

    #[test]
    fn negated_root_filter_is_not_a_root_filter() {
        let p = pat(r#"{ $.userIdentity.type != "Root" }"#);
        assert!(!p.matches(&root_console_login()));
        assert!(!p.matches(&root_api_call()));
        assert!(p.matches(&iam_user_call()));
    }

    #[test]
    fn bare_root_filter_also_counts_service_invoked_root_events() {
        let p = pat(r#"{ $.userIdentity.type = "Root" }"#);
        assert!(p.matches(&root_invoked_by_service()));
        assert!(p.matches(&root_service_event()));
        assert!(!p.matches(&iam_user_call()));
    }

    #[test]
    fn cis_unauthorized_calls() {
        let p = pat(CIS_UNAUTHORIZED);
        let ip = "198.51.100.7";
        assert!(p.matches(&api_call(Some("Client.UnauthorizedOperation"), "RunInstances", ip)));
        assert!(p.matches(&api_call(Some("AccessDenied"), "GetObject", ip)));
        assert!(p.matches(&api_call(Some("AccessDeniedException"), "ListKeys", ip)));
        assert!(!p.matches(&api_call(None, "RunInstances", ip)), "successful call");
        assert!(!p.matches(&api_call(Some("ThrottlingException"), "RunInstances", ip)));
        assert!(!p.matches(&api_call(Some("AccessDenied"), "HeadBucket", ip)), "excluded HeadBucket");
        assert!(!p.matches(&api_call(Some("AccessDenied"), "PutObject", "delivery.logs.amazonaws.com")));
        // `&&` binds tighter than `||`: the exclusions only guard the AccessDenied* branch.
        assert!(p.matches(&api_call(Some("Client.UnauthorizedOperation"), "HeadBucket", ip)));
    }

    #[test]
    fn cis_unauthorized_with_explicit_grouping_excludes_both_branches() {
        let p = pat(
            r#"{ ($.errorCode = "*UnauthorizedOperation" || $.errorCode = "AccessDenied*") && $.eventName != "HeadBucket" }"#,
        );
        let ip = "198.51.100.7";
        assert!(!p.matches(&api_call(Some("Client.UnauthorizedOperation"), "HeadBucket", ip)));
        assert!(p.matches(&api_call(Some("Client.UnauthorizedOperation"), "RunInstances", ip)));
    }

    #[test]
    fn not_equal_on_missing_field_is_false() {
        // As observed with CloudWatch's "test pattern" (DataBiosphere/azul#5884).
        let p =
            pat(r#"{ ($.errorCode = "AccessDenied") && ($.userIdentity.invokedBy != "cloudfront.amazonaws.com") }"#);
        assert!(!p.matches(&json!({"errorCode": "AccessDenied", "userIdentity": {"accountId": "anonymous"}})));
        assert!(p.matches(&json!({"errorCode": "AccessDenied", "userIdentity": {"invokedBy": "x.amazonaws.com"}})));
        assert!(!pat(r#"{ $.missing != "x" }"#).matches(&doc_event()));
        assert!(!pat("{ $.missing != 5 }").matches(&doc_event()));
        assert!(!pat(r#"{ $.missing.deeper != "x" }"#).matches(&doc_event()));
    }

    // --- documentation examples ---

    #[test]
    fn documented_json_examples() {
        let e = doc_event();
        for text in [
            r#"{ $.eventType = "UpdateTrail" }"#,
            "{ $.sourceIPAddress != 123.123.* }",
            r#"{ $.arrayKey[0] = "value" }"#,
            "{ $.objectList[1].id = 2 }",
            "{ $.SomeObject IS NULL }",
            "{ $.SomeOtherObject NOT EXISTS }",
            "{ $.ThisFlag IS TRUE }",
            r#"{ $.['cluster.name'] = "c" }"#,
            r#"{ $.eventType = "*" && $.sourceIPAddress != 123.123.* }"#,
        ] {
            assert!(pat(text).matches(&e), "{text} should match");
        }
        for text in [
            r#"{ $.eventType = "updatetrail" }"#,
            "{ $.sourceIPAddress = 123.123.* }",
            r#"{ $.arrayKey[1] = "value" }"#,
            "{ $.objectList[1].number = 2 }",
            "{ $.objectList[5].id = 2 }",
            "{ $.ThisFlag IS FALSE }",
            "{ $.SomeObject NOT EXISTS }",
            "{ $.eventType IS NULL }",
            "{ $.missing IS NULL }",
            "{ $.eventType IS TRUE }",
            r#"{ $.eventType[0] = "UpdateTrail" }"#,
        ] {
            assert!(!pat(text).matches(&e), "{text} should not match");
        }
    }

    #[test]
    fn selector_on_array_or_object_fails_both_ways() {
        let e = json!({"users": [1, 2, 3], "obj": {"a": 1}, "flag": true, "nothing": null});
        for text in [
            "{ $.users = 1 }",
            "{ $.users != 1 }",
            "{ $.obj = 1 }",
            "{ $.obj != 1 }",
            "{ $.flag = true }",
            "{ $.flag != true }",
            "{ $.nothing = x }",
            "{ $.nothing != x }",
        ] {
            assert!(!pat(text).matches(&e), "{text} should not match");
        }
    }

    #[test]
    fn documented_compound_examples_and_precedence() {
        let e = doc_compound_event();
        assert!(pat(r#"{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }"#).matches(&e));
        assert!(!pat(r#"{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }"#).matches(&e));
        assert!(pat(r#"{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }"#)
            .matches(&e));
        assert!(!pat(r#"{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }"#)
            .matches(&e));
        // a || b && c is a || (b && c); (a || b) && c differs.
        assert!(pat("{ $.user.id = 1 || $.user.id = 5 && $.user.id = 6 }").matches(&e));
        assert!(!pat("{ ($.user.id = 1 || $.user.id = 5) && $.user.id = 6 }").matches(&e));
        assert!(!pat("{ $.user.id = 5 && $.user.id = 1 || $.user.id = 6 }").matches(&e));
        assert!(pat("{ $.user.id = 5 && $.user.id = 6 || $.user.id = 1 }").matches(&e));
        assert!(pat("{ ((($.coordinates[2][2] = 9))) }").matches(&e));
    }

    #[test]
    fn nested_and_wildcard_selectors() {
        let e = doc_compound_event();
        assert!(pat("{ $.coordinates[1][2] = 6 }").matches(&e));
        assert!(!pat("{ $.coordinates[1][3] = 6 }").matches(&e));
        assert!(pat(r#"{ $.users[1].email = "Jane.Doe@example.com" }"#).matches(&e));
        assert!(pat(r#"{ $.actions[*] = "PUT" }"#).matches(&e));
        assert!(!pat(r#"{ $.actions[*] = "POST" }"#).matches(&e));
        assert!(pat("{ $.users[*].id = 3 }").matches(&e));
        assert!(pat(r#"{ $.user.* = "John.Stiles@example.com" }"#).matches(&e));
        assert!(pat("{ $.users[*].missing NOT EXISTS }").matches(&e));
        assert!(!pat("{ $.users[*].id NOT EXISTS }").matches(&e));
        assert!(pat(r#"{ $["user"]["email"] = "John.Stiles@example.com" }"#).matches(&e));
        assert!(!pat("{ $.user[0] = 1 }").matches(&e), "index on an object");
        assert!(!pat("{ $.actions.length = 3 }").matches(&e), "key on an array");
    }

    #[test]
    fn string_wildcards() {
        let e = json!({"a": "PutEvent", "b": "EventId", "c": "Ev*ent", "d": "Event", "empty": ""});
        assert!(pat("{ $.a = *Event }").matches(&e));
        assert!(pat(r#"{ $.b = "Event*" }"#).matches(&e));
        assert!(pat("{ $.d = *Event* }").matches(&e));
        assert!(pat("{ $.a = *tEv* }").matches(&e));
        assert!(!pat("{ $.b = *Event }").matches(&e));
        assert!(!pat("{ $.a = Event* }").matches(&e));
        // Only a leading or trailing `*` is a wildcard; an inner one is literal.
        assert!(!pat("{ $.d = Ev*ent }").matches(&e));
        assert!(pat("{ $.c = Ev*ent }").matches(&e));
        assert!(pat(r#"{ $.empty = "*" }"#).matches(&e));
        assert!(pat("{ $.a = * }").matches(&e));
        assert!(!pat("{ $.missing = * }").matches(&e));
        assert!(pat(r#"{ $.a != "*Evt" }"#).matches(&e));
        assert!(!pat(r#"{ $.a != "Put*" }"#).matches(&e));
    }

    #[test]
    fn numbers() {
        let e = json!({
            "latency": 500,
            "numbers": [0.005, 20000],
            "errorCode": 400,
            "processes": [0, 1, 2, 3, {"averageRuntime": 55.5}],
            "text": "7",
            "code": "400"
        });
        for text in [
            "{ $.latency >= 500 }",
            "{ $.latency <= 500 }",
            "{ $.latency = 500.0 }",
            "{ $.latency = 5e2 }",
            "{ $.latency = 5E+2 }",
            "{ $.numbers[0] < 10e3 }",
            "{ $.numbers[0] < 10e-3 }",
            "{ $.numbers[1] > 1.5e4 }",
            "{ $.processes[4].averageRuntime <= 55.5 }",
            "{ $.processes[4].averageRuntime > -1 }",
            "{ $.errorCode = 400 }",
            "{ $.errorCode != 500 }",
            "{ $.errorCode = 4* }",
            "{ $.latency = * }",
            "{ $.code = 400 }",
            "{ $.latency>499&&$.latency<501 }",
        ] {
            assert!(pat(text).matches(&e), "{text} should match");
        }
        for text in [
            "{ $.latency > 500 }",
            "{ $.latency < 500 }",
            "{ $.latency > +1000 }",
            "{ $.latency != 500 }",
            "{ $.errorCode = 5* }",
            "{ $.numbers[0] >= 1 }",
            "{ $.text > 5 }",
            "{ $.missing < 1 }",
            "{ $.processes > 1 }",
        ] {
            assert!(!pat(text).matches(&e), "{text} should not match");
        }
    }

    #[test]
    fn case_sensitivity() {
        let e = root_console_login();
        assert!(!pat(r#"{ $.userIdentity.type = "root" }"#).matches(&e), "values are case-sensitive");
        assert!(!pat(r#"{ $.useridentity.type = "Root" }"#).matches(&e), "property names are case-sensitive");
        assert!(pat(r#"{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy not exists }"#).matches(&e));
        assert!(pat("{ $.flag is true }").matches(&json!({"flag": true})));
        assert!(!pat("ConsoleLogin").matches(&message("consolelogin")));
        assert!(pat("ConsoleLogin").matches(&e));
        assert!(!pat("consolelogin").matches(&e));
    }

    #[test]
    fn json_pattern_needs_a_json_object() {
        let p = pat("{ $.a NOT EXISTS }");
        assert!(p.matches(&json!({})));
        assert!(!p.matches(&json!("{}")));
        assert!(!p.matches(&json!([1, 2])));
        assert!(!p.matches(&Value::Null));
    }

    // --- term patterns ---

    #[test]
    fn term_patterns() {
        let e400 = message("[ERROR 400] BAD REQUEST");
        let e419 = message("[ERROR 419] MISSING ARGUMENTS");
        let info = message("[INFO] INVALID ARGUMENTS PROVIDED");
        let ok = message("[INFO] all good");
        let failed = message("[INFO] REQUEST FAILED");

        let p = pat("ERROR");
        assert_eq!(p.kind(), PatternKind::Terms);
        assert!(p.matches(&e400) && p.matches(&e419) && !p.matches(&info));
        assert!(p.matches(&message("Exiting with ERRORCODE: -1")), "terms match inside words");
        assert!(!pat("error").matches(&e400), "terms are case-sensitive");

        let p = pat("ERROR ARGUMENTS");
        assert!(p.matches(&e419) && !p.matches(&e400) && !p.matches(&info));

        let p = pat("?ERROR ?ARGUMENTS");
        assert!(p.matches(&e400) && p.matches(&e419) && p.matches(&info) && !p.matches(&ok));

        // Documented: `?` terms are ignored next to other terms.
        let p = pat("?ERROR ?ARGUMENTS REQUEST");
        assert!(p.matches(&failed) && p.matches(&e400) && !p.matches(&e419));
        let p = pat("?ERROR -ARGUMENTS");
        assert!(p.matches(&ok) && !p.matches(&info));

        let p = pat("ERROR -ARGUMENTS");
        assert!(p.matches(&e400) && !p.matches(&e419) && !p.matches(&info));

        let p = pat(r#""ERROR" - "Exiting""#);
        assert!(p.matches(&e400) && !p.matches(&message("Exiting with ERRORCODE: -1")));
    }

    #[test]
    fn quoted_phrases() {
        let p = pat(r#""INTERNAL SERVER ERROR""#);
        assert!(p.matches(&message("[ERROR 500] INTERNAL SERVER ERROR")));
        assert!(!p.matches(&message("INTERNAL ERROR SERVER")));
        assert!(pat(r#""Failed to process the request""#).matches(&message("[WARN] Failed to process the request")));
        // Phrases are searched in the compact serialized JSON, so they can span a key and its value.
        assert!(pat(r#""\"sourceIPAddress\":\"203.0.113.10\"""#).matches(&root_api_call()));
        assert!(!pat(r#""\"sourceIPAddress\":\"203.0.113.11\"""#).matches(&root_api_call()));
        // `\"` and `\\` are escapes inside a quoted phrase.
        let escaped = pat(r#""say \"hi\" \\ there""#);
        let want = Terms { required: vec![r#"say "hi" \ there"#.to_string()], ..Terms::default() };
        assert_eq!(escaped.kind, Kind::Terms(want));
        let tricky = pat(r#"-"a b" "c:d""#);
        assert!(tricky.matches(&message("c:d")) && !tricky.matches(&message("a b c:d")));
    }

    #[test]
    fn match_everything_patterns() {
        for text in ["", "   ", "\t\n", "\"\"", "\" \""] {
            let p = pat(text);
            assert!(p.matches(&root_api_call()), "{text:?}");
            assert!(p.matches(&json!({})), "{text:?}");
        }
        assert_eq!(pat("").kind(), PatternKind::MatchAll);
    }

    #[test]
    fn terms_show_why_substring_checks_are_weak() {
        // A term pattern counts any event whose text contains the word, whatever field holds it.
        let p = pat("AccessDenied");
        assert!(p.matches(&api_call(Some("AccessDenied"), "GetObject", "198.51.100.7")));
        assert!(p.matches(&api_call(None, "AccessDeniedReport", "198.51.100.7")));
        let p = pat("Root");
        assert!(p.matches(&root_invoked_by_service()) && p.matches(&root_service_event()));
    }

    // --- space-delimited patterns ---

    #[test]
    fn space_delimited_patterns_parse_and_match_nothing() {
        for text in [
            "[ip, user, username, timestamp, request, status_code = 4*, bytes]",
            "[..., request=*.html*, status_code=4*,]",
            "[w1=ERROR || w1=WARNING, w2]",
            r#"[ip=%127\.0\.0\.[1-9]%, user, "a ] b", ...]"#,
            "[]",
        ] {
            let p = pat(text);
            assert_eq!(p.kind(), PatternKind::SpaceDelimited, "{text}");
            assert!(!p.matches(&root_console_login()), "{text}");
            assert!(!p.matches(&message("127.0.0.1 - frank [10/Oct/2000] \"GET /a.html\" 404 1534")), "{text}");
        }
        err("[w1=ERROR, w2");
        err("[a, \"b]");
        err("[a] b");
    }

    // --- malformed input ---

    #[test]
    fn malformed_patterns_are_errors() {
        for text in [
            "{ ($.a = 1 }",
            "{ $.a = 1) }",
            "{ (($.a = 1) }",
            "{ $.a = 1 && }",
            "{ && $.a = 1 }",
            "{ $.a = 1 || }",
            "{ $.a = 1 & $.b = 2 }",
            "{ $.a = 1 | $.b = 2 }",
            "{ $.a == 1 }",
            "{ $.a =~ 1 }",
            "{ $.a ~ 1 }",
            "{ $.a ! 1 }",
            "{ $.a <> 1 }",
            "{ $.a => 1 }",
            "{ $.a LIKE 1 }",
            r#"{ $.a = "abc }"#,
            r#"{ $.a = "abc"x }"#,
            "{ $.a = 'Root' }",
            "{ $.a = foo@bar }",
            "{ $.a = }",
            "{ $.a }",
            "{ $.a = 1",
            "{ $.a = 1 } trailing",
            "{ }",
            "{",
            "{ a = 1 }",
            "{ $ = 1 }",
            "{ $. = 1 }",
            "{ $.a. = 1 }",
            "{ $.a[x] = 1 }",
            "{ $.a[0 = 1 }",
            "{ $.a['b = 1 }",
            "{ $.a[99999999999999999999999] = 1 }",
            "{ $.a[*][*] = 1 }",
            "{ $.a[*] = 1 && $.b[*] = 1 && $.c[*] = 1 && $.d[*] = 1 }",
            "{ $.a > abc }",
            r#"{ $.a > "5" }"#,
            "{ $.a < 1e999 }",
            "{ $.a >= }",
            "{ $.a IS MAYBE }",
            "{ $.a IS NOT NULL }",
            "{ $.a IS }",
            "{ $.a EXISTS }",
            "{ $.a NOT }",
            "{ $.a NOT EXIST }",
            "{ $.a IS TRUEISH }",
            "{ $.a IS TRUE1 }",
            "{ !($.a = 1) }",
            "{ $.a = 1 AND $.b = 2 }",
            "\"abc",
            "ERROR \"unterminated",
            "ERROR-WARN",
            "ERROR: x",
            "\"a\"b",
            "-",
            "ERROR ?",
            "ERROR -   ",
            "a.b",
            "café",
            "{ $.a = café }",
        ] {
            let e = err(text);
            assert!(!e.is_unsupported(), "{text}: {e}");
        }
    }

    #[test]
    fn regular_expressions_are_reported_as_unsupported() {
        for text in ["%AUTHORIZED%", "{ $.eventType = %Trail% }", "ERROR %x%", "{ $.a != %b% }"] {
            let e = err(text);
            assert!(e.is_unsupported(), "{text}: {e}");
            assert!(e.to_string().contains("not supported"), "{e}");
        }
    }

    #[test]
    fn error_messages_are_short_and_located() {
        let e = err("{ $.a = 1 && }");
        assert_eq!(e.to_string(), "expected a selector starting with '$', or '(' at character 14 (near \"}\").");
        let e = err(r#"{ $.a = "abc }"#);
        assert!(e.to_string().starts_with("unterminated double-quoted string at character 9"), "{e}");
        let long = format!("{{ $.a = '{}' }}", "x".repeat(3000));
        let e = err(&long);
        let shown = e.to_string();
        assert!(shown.len() < 100, "{shown}");
        assert!(!shown.contains(&"x".repeat(NEAR_CHARS)), "{shown}");
        let e = err(&"y".repeat(1 << 20));
        assert_eq!(e.to_string(), "filter pattern is longer than 4096 characters.");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let nested = |n: usize| format!("{{ {}$.a = 1{} }}", "(".repeat(n), ")".repeat(n));
        assert!(pat(&nested(MAX_DEPTH)).matches(&json!({"a": 1})));
        let e = err(&nested(MAX_DEPTH + 1));
        assert!(e.to_string().starts_with("parentheses nest deeper than 64 levels"), "{e}");
        let e = err(&nested(2000));
        assert!(e.to_string().starts_with("parentheses nest deeper"), "{e}");
        err(&nested(10_000));
        err(&format!("{{ {}", "(".repeat(10_000)));
    }

    #[test]
    fn length_limit() {
        err(&"x".repeat(1 << 20));
        err(&format!("{{ $.a = \"{}\" }}", "a".repeat(1 << 20)));
        let at_limit = format!("{{ $.a = \"{}\" }}", "é".repeat(MAX_PATTERN_CHARS - 12));
        assert_eq!(at_limit.chars().count(), MAX_PATTERN_CHARS);
        assert!(parse(&at_limit).is_ok());
        // A long chain of conditions within the limit parses and evaluates.
        let chain = vec!["$.a = 1"; 300].join(" && ");
        assert!(pat(&format!("{{ {chain} }}")).matches(&json!({"a": 1})));
    }

    #[test]
    fn parse_number_follows_the_documented_grammar() {
        for (text, want) in
            [("500", 500.0), ("+1000", 1000.0), ("-3", -3.0), ("55.5", 55.5), ("10e-3", 0.01), ("1E+3", 1000.0)]
        {
            assert_eq!(parse_number(text), Some(want), "{text}");
        }
        for text in ["", "+", "-", ".", "e3", "1e", "1e+", "inf", "NaN", "infinity", "1.2.3", "0x10", "1_000", "1e999"]
        {
            assert_eq!(parse_number(text), None, "{text}");
        }
    }

    /// Deterministic xorshift generator for the fuzz test.
    struct Rng(u64);

    impl Rng {
        fn step(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.step() % n as u64) as usize
        }
    }

    /// Parses `text` and, when it parses, runs it over `events`; returns whether it parsed.
    fn parse_and_run(text: &str, events: &[Value]) -> bool {
        match parse(text) {
            Ok(p) => {
                for e in events {
                    let _ = p.matches(e);
                }
                true
            }
            Err(e) => {
                let shown = e.to_string();
                assert!(shown.chars().count() < 200, "{shown}");
                assert!(shown.ends_with('.'), "{shown}");
                false
            }
        }
    }

    #[test]
    fn random_input_never_panics() {
        const PIECES: &[&str] = &[
            "{", "}", "(", ")", "[", "]", "$", ".", "$.a", "$.b.c", "[0]", "[*]", ".*", "['x.y']", "\"", "'", "\\",
            "&&", "||", "&", "|", "=", "!=", "<", ">", "<=", ">=", "!", "~", "IS", "TRUE", "FALSE", "NULL", "NOT",
            "EXISTS", "*", "?", "-", "+", "%", "1", "1e3", "-2.5", "abc", "Root", " ", " ", "\t", "\n", "é", "😀",
            "\0", "\u{200b}", ",", "...", ":", "@",
        ];
        let events = [root_console_login(), doc_event(), doc_compound_event(), json!("text"), json!(null)];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut parsed = 0;
        for round in 0..30_000 {
            let mut text = String::new();
            if round % 3 == 0 {
                text.push('{');
            }
            for _ in 0..rng.below(40) {
                text.push_str(PIECES[rng.below(PIECES.len())]);
            }
            if round % 5 == 0 {
                let bytes: Vec<u8> = (0..rng.below(30)).map(|_| rng.step() as u8).collect();
                text.push_str(&String::from_utf8_lossy(&bytes));
            }
            parsed += usize::from(parse_and_run(&text, &events));
        }
        assert!(parsed > 300, "the generator should produce some valid patterns, got {parsed}");
    }

    /// A random boolean expression over the fields of [`gen_event`], with its expected value.
    enum Gen {
        Leaf(String, bool),
        And(Vec<Gen>),
        Or(Vec<Gen>),
    }

    fn gen_event() -> Value {
        let mut map = serde_json::Map::new();
        for i in 0..8 {
            map.insert(format!("k{i}"), json!(i));
            map.insert(format!("s{i}"), json!(format!("v{i}-text")));
        }
        Value::Object(map)
    }

    fn gen_leaf(rng: &mut Rng) -> Gen {
        let i = rng.below(8);
        let (text, value) = match rng.below(12) {
            0 => (format!("$.k{i} = {i}"), true),
            1 => (format!("$.k{i} = {}", i + 1), false),
            2 => (format!("$.k{i} != {i}"), false),
            3 => (format!("$.k{i} != {}", i + 1), true),
            4 => (format!("$.k{i} >= {i}"), true),
            5 => (format!("$.k{i} < {i}"), false),
            6 => (format!("$.s{i} = \"v{i}*\""), true),
            7 => (format!("$.s{i} = \"*text\""), true),
            8 => (format!("$.s{i} = x*"), false),
            9 => (format!("$.m{i} NOT EXISTS"), true),
            10 => (format!("$.k{i} NOT EXISTS"), false),
            _ => (format!("$.m{i} != {i}"), false),
        };
        Gen::Leaf(text, value)
    }

    fn gen_expr(rng: &mut Rng, depth: usize) -> Gen {
        if depth == 0 || rng.below(3) == 0 {
            return gen_leaf(rng);
        }
        let children = (0..2 + rng.below(3)).map(|_| gen_expr(rng, depth - 1)).collect();
        if rng.below(2) == 0 {
            Gen::And(children)
        } else {
            Gen::Or(children)
        }
    }

    impl Gen {
        fn value(&self) -> bool {
            match self {
                Gen::Leaf(_, v) => *v,
                Gen::And(items) => items.iter().all(Gen::value),
                Gen::Or(items) => items.iter().any(Gen::value),
            }
        }

        /// Writes the expression with the parentheses precedence needs, plus some random ones.
        fn render(&self, rng: &mut Rng, inside_and: bool, out: &mut String) {
            let (items, op) = match self {
                Gen::Leaf(text, _) => {
                    let wrap = rng.below(4) == 0;
                    out.push_str(if wrap { "(" } else { "" });
                    out.push_str(text);
                    out.push_str(if wrap { ")" } else { "" });
                    return;
                }
                Gen::And(items) => (items, "&&"),
                Gen::Or(items) => (items, "||"),
            };
            let wrap = (op == "||" && inside_and) || rng.below(5) == 0;
            out.push_str(if wrap { "(" } else { "" });
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push_str([" ", ""][rng.below(2)]);
                    out.push_str(op);
                    out.push_str([" ", "", "\n "][rng.below(3)]);
                }
                item.render(rng, op == "&&", out);
            }
            out.push_str(if wrap { ")" } else { "" });
        }
    }

    #[test]
    fn random_expressions_follow_precedence_and_survive_mutation() {
        const PIECES: &[&str] = &["(", ")", "&&", "||", "&", "\"", "=", "!", "$.", "[", "]", "*", " ", "IS", "%", "é"];
        let event = gen_event();
        let events = [event.clone(), root_api_call(), json!({"k1": [1], "s2": null})];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let (mut checked, mut mutated_ok) = (0, 0);
        for _ in 0..3_000 {
            let expr = gen_expr(&mut rng, 4);
            let mut text = String::from("{ ");
            expr.render(&mut rng, false, &mut text);
            text.push_str(" }");
            if text.chars().count() > MAX_PATTERN_CHARS {
                continue;
            }
            assert_eq!(pat(&text).matches(&event), expr.value(), "{text}");
            checked += 1;
            for _ in 0..5 {
                let mut chars: Vec<char> = text.chars().collect();
                let at = rng.below(chars.len() + 1);
                match rng.below(3) {
                    0 if at < chars.len() => {
                        chars.remove(at);
                    }
                    1 => {
                        let piece = PIECES[rng.below(PIECES.len())];
                        chars.splice(at..at, piece.chars());
                    }
                    _ if at + 1 < chars.len() => chars.swap(at, at + 1),
                    _ => {}
                }
                let mutated: String = chars.into_iter().collect();
                mutated_ok += usize::from(parse_and_run(&mutated, &events));
            }
        }
        assert!(checked > 2_500, "{checked}");
        assert!(mutated_ok > 1_000, "{mutated_ok}");
    }
}
