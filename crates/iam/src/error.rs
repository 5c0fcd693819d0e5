//! Why a policy document was refused: one line naming the statement and the problem.

use std::fmt;

/// A refused policy document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    /// The statement at fault (`None` for document-level problems).
    pub statement: Option<StatementId>,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// A statement named by its `Sid` when it has one, always by its position (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementId {
    pub index: usize,
    pub sid: Option<String>,
}

impl fmt::Display for StatementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sid {
            Some(sid) if !sid.is_empty() => write!(f, "statement {:?} (#{})", sid, self.index),
            _ => write!(f, "statement #{}", self.index),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.statement {
            Some(id) => write!(f, "{id}: {}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

/// The problems a policy document can have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    #[error("not valid JSON: {0}")]
    NotJson(String),
    #[error("document is {size} bytes, over the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("JSON nested deeper than {limit} levels")]
    TooDeep { limit: usize },
    #[error("a policy document must be a JSON object")]
    NotAnObject,
    #[error("unknown field {0:?}")]
    UnknownField(String),
    #[error("missing Statement")]
    MissingStatement,
    #[error("Statement must be an object or a list of objects")]
    BadStatement,
    #[error("unsupported Version {0:?} (expected \"2012-10-17\" or \"2008-10-17\")")]
    BadVersion(String),
    #[error("{0} must be a string")]
    NotAString(&'static str),
    #[error("missing Effect")]
    MissingEffect,
    #[error("unknown Effect {0:?} (expected \"Allow\" or \"Deny\")")]
    BadEffect(String),
    #[error("both {0} and {1} are present")]
    Both(&'static str, &'static str),
    #[error("neither {0} nor {1} is present")]
    Neither(&'static str, &'static str),
    #[error("{0} must be a string or a list of strings")]
    NotStrings(&'static str),
    #[error("{0} is an empty list")]
    Empty(&'static str),
    #[error("action {0:?} is not \"*\" or \"service:action\"")]
    BadAction(String),
    #[error("{0} is not allowed in {1} policies")]
    NotAllowedIn(&'static str, &'static str),
    #[error("{0} is required in {1} policies")]
    RequiredIn(&'static str, &'static str),
    #[error("Principal must be \"*\" or an object of AWS, Service, Federated or CanonicalUser")]
    BadPrincipal,
    #[error("unknown principal type {0:?} (expected AWS, Service, Federated or CanonicalUser)")]
    UnknownPrincipalType(String),
    #[error("RCP statements must use Principal \"*\"")]
    RcpPrincipal,
    #[error("Condition must be an object of operator to key to value(s)")]
    BadCondition,
    #[error("unknown condition operator {0:?}")]
    UnknownOperator(String),
    #[error("condition {operator} on {key}: {problem}")]
    BadConditionValue { operator: String, key: String, problem: String },
}

impl ParseError {
    pub(crate) fn doc(kind: ErrorKind) -> Self {
        ParseError { statement: None, kind }
    }
}
