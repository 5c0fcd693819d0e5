//! Three-valued results and the formula of unknowns an "allowed if" decision depends on.

use std::fmt;

/// Kleene three-valued logic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }
}

impl Tri {
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    pub fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }

    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

/// Something the analysis could not decide: a condition whose key is unknown, or a principal,
/// resource or variable the request does not pin down.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unknown {
    /// The caller's name of the policy.
    pub policy: String,
    /// The statement: its Sid, or `#index`.
    pub statement: String,
    /// The undecided part, e.g. `StringEquals aws:SourceVpc "vpc-1"`.
    pub detail: String,
    /// The context key it depends on, lowercased, when there is one.
    pub key: Option<String>,
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (policy {:?}, {})", self.detail, self.policy, self.statement)
    }
}

/// A boolean formula over unknowns; never constant (constants are folded away).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Formula {
    Term(Unknown),
    Not(Box<Formula>),
    All(Vec<Formula>),
    Any(Vec<Formula>),
}

impl Formula {
    /// Every unknown the formula mentions, sorted and without repeats.
    pub fn unknowns(&self) -> Vec<&Unknown> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(f) = stack.pop() {
            match f {
                Formula::Term(u) => out.push(u),
                Formula::Not(inner) => stack.push(inner),
                Formula::All(v) | Formula::Any(v) => stack.extend(v.iter()),
            }
        }
        out.sort();
        out.dedup();
        out
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, nested: bool) -> fmt::Result {
        match self {
            Formula::Term(u) => write!(f, "{u}"),
            Formula::Not(inner) => {
                f.write_str("not ")?;
                inner.write(f, true)
            }
            Formula::All(v) | Formula::Any(v) => {
                let sep = if matches!(self, Formula::All(_)) { " and " } else { " or " };
                if nested {
                    f.write_str("(")?;
                }
                for (i, x) in v.iter().enumerate() {
                    if i > 0 {
                        f.write_str(sep)?;
                    }
                    x.write(f, true)?;
                }
                if nested {
                    f.write_str(")")?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
    }
}

/// A three-valued value that remembers what an unknown depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Val {
    T,
    F,
    U(Formula),
}

impl Val {
    pub(crate) fn term(u: Unknown) -> Val {
        Val::U(Formula::Term(u))
    }

    pub(crate) fn is_false(&self) -> bool {
        *self == Val::F
    }

    pub(crate) fn negate(self) -> Val {
        match self {
            Val::T => Val::F,
            Val::F => Val::T,
            Val::U(Formula::Not(inner)) => Val::U(*inner),
            Val::U(f) => Val::U(Formula::Not(Box::new(f))),
        }
    }

    pub(crate) fn all(items: impl IntoIterator<Item = Val>) -> Val {
        let mut parts = Vec::new();
        for v in items {
            match v {
                Val::F => return Val::F,
                Val::T => {}
                Val::U(Formula::All(inner)) => parts.extend(inner),
                Val::U(f) => parts.push(f),
            }
        }
        parts.dedup();
        match parts.len() {
            0 => Val::T,
            1 => Val::U(parts.pop().expect("one part")),
            _ => Val::U(Formula::All(parts)),
        }
    }

    pub(crate) fn any(items: impl IntoIterator<Item = Val>) -> Val {
        let mut parts = Vec::new();
        for v in items {
            match v {
                Val::T => return Val::T,
                Val::F => {}
                Val::U(Formula::Any(inner)) => parts.extend(inner),
                Val::U(f) => parts.push(f),
            }
        }
        parts.dedup();
        match parts.len() {
            0 => Val::F,
            1 => Val::U(parts.pop().expect("one part")),
            _ => Val::U(Formula::Any(parts)),
        }
    }

    pub(crate) fn and(self, other: Val) -> Val {
        Val::all([self, other])
    }

    pub(crate) fn or(self, other: Val) -> Val {
        Val::any([self, other])
    }
}

impl Formula {
    /// The formula with `a or not a` and `a and not a` folded away, at any depth. The
    /// builders leave them in (looking for them at every step is slow); a decision folds once.
    pub(crate) fn fold(self) -> Val {
        let complement =
            |parts: &[Formula]| parts.iter().any(|p| matches!(p, Formula::Not(inner) if parts.contains(inner)));
        match self {
            Formula::Term(_) => Val::U(self),
            Formula::Not(inner) => inner.fold().negate(),
            Formula::All(v) => match Val::all(v.into_iter().map(Formula::fold)) {
                Val::U(Formula::All(parts)) if complement(&parts) => Val::F,
                other => other,
            },
            Formula::Any(v) => match Val::any(v.into_iter().map(Formula::fold)) {
                Val::U(Formula::Any(parts)) if complement(&parts) => Val::T,
                other => other,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(d: &str) -> Val {
        Val::term(Unknown { policy: "p".into(), statement: "#0".into(), detail: d.into(), key: None })
    }

    #[test]
    fn kleene() {
        assert_eq!(Tri::Unknown.and(Tri::False), Tri::False);
        assert_eq!(Tri::Unknown.or(Tri::True), Tri::True);
        assert_eq!(Tri::Unknown.not(), Tri::Unknown);
    }

    #[test]
    fn folding_and_display() {
        assert_eq!(u("a").and(Val::F), Val::F);
        assert_eq!(u("a").or(Val::T), Val::T);
        let v = u("a").or(u("b")).and(u("c").negate());
        let Val::U(f) = v else { panic!("unknown expected") };
        assert_eq!(f.unknowns().len(), 3);
        let text = f.to_string();
        assert!(text.starts_with("(a (policy \"p\", #0) or b"), "{text}");
        assert!(text.contains("and not c"), "{text}");
        assert_eq!(u("a").negate().negate(), u("a"));
        let fold = |v: Val| match v {
            Val::U(f) => f.fold(),
            other => other,
        };
        assert_eq!(fold(u("a").or(u("b")).or(u("a").negate())), Val::T);
        assert_eq!(fold(u("a").and(u("b")).and(u("a").negate())), Val::F);
        assert_eq!(fold(u("c").and(u("a").or(u("a").negate()))), u("c"));
    }
}
