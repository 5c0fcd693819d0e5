//! Condition operators and their three-valued evaluation.
//!
//! Rules followed (IAM User Guide, "IAM JSON policy elements: Condition operators" and
//! "Conditions with multiple context keys or values"):
//! - a key absent from the request makes a condition false, except for negated operators
//!   (`StringNotEquals`, `ArnNotLike`, `NotIpAddress` …), which are then true;
//! - `...IfExists` is true when the key is absent; `Null` tests presence;
//! - several policy values are OR-ed (NOR for negated operators);
//! - `ForAllValues:` is true when every request value matches (and when the key is absent or
//!   empty); `ForAnyValue:` when at least one does (false when absent);
//! - a key the analysis does not know makes the condition Unknown, never true or false.

use crate::error::ErrorKind;
use crate::formula::Tri;
use crate::pattern::{arn_glob, glob, Pattern, Resolved, Syntax, VarValue};
use ipnet::IpNet;
use std::fmt;
use std::net::IpAddr;

/// Operator families and their members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum BaseOperator {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

use BaseOperator as B;

const OPERATORS: &[(&str, BaseOperator)] = &[
    ("StringEquals", B::StringEquals),
    ("StringNotEquals", B::StringNotEquals),
    ("StringEqualsIgnoreCase", B::StringEqualsIgnoreCase),
    ("StringNotEqualsIgnoreCase", B::StringNotEqualsIgnoreCase),
    ("StringLike", B::StringLike),
    ("StringNotLike", B::StringNotLike),
    ("NumericEquals", B::NumericEquals),
    ("NumericNotEquals", B::NumericNotEquals),
    ("NumericLessThan", B::NumericLessThan),
    ("NumericLessThanEquals", B::NumericLessThanEquals),
    ("NumericGreaterThan", B::NumericGreaterThan),
    ("NumericGreaterThanEquals", B::NumericGreaterThanEquals),
    ("DateEquals", B::DateEquals),
    ("DateNotEquals", B::DateNotEquals),
    ("DateLessThan", B::DateLessThan),
    ("DateLessThanEquals", B::DateLessThanEquals),
    ("DateGreaterThan", B::DateGreaterThan),
    ("DateGreaterThanEquals", B::DateGreaterThanEquals),
    ("Bool", B::Bool),
    ("BinaryEquals", B::BinaryEquals),
    ("IpAddress", B::IpAddress),
    ("NotIpAddress", B::NotIpAddress),
    ("ArnEquals", B::ArnEquals),
    ("ArnLike", B::ArnLike),
    ("ArnNotEquals", B::ArnNotEquals),
    ("ArnNotLike", B::ArnNotLike),
    ("Null", B::Null),
];

impl BaseOperator {
    /// The operator's name as written in policies (case-sensitive).
    pub fn name(self) -> &'static str {
        OPERATORS.iter().find(|(_, op)| *op == self).map_or("?", |(n, _)| n)
    }

    /// Negated operators: a missing key makes them true, several values are NOR-ed.
    pub fn is_negated(self) -> bool {
        matches!(
            self,
            B::StringNotEquals
                | B::StringNotEqualsIgnoreCase
                | B::StringNotLike
                | B::NumericNotEquals
                | B::DateNotEquals
                | B::NotIpAddress
                | B::ArnNotEquals
                | B::ArnNotLike
        )
    }
}

/// `ForAllValues:` or `ForAnyValue:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SetQualifier {
    ForAllValues,
    ForAnyValue,
}

/// A full operator: optional set qualifier, base operator, optional `IfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Operator {
    pub qualifier: Option<SetQualifier>,
    pub base: BaseOperator,
    pub if_exists: bool,
}

impl Operator {
    /// Parses an operator name (case-sensitive, as AWS reads them).
    pub fn parse(name: &str) -> Option<Operator> {
        let (qualifier, rest) = if let Some(r) = name.strip_prefix("ForAllValues:") {
            (Some(SetQualifier::ForAllValues), r)
        } else if let Some(r) = name.strip_prefix("ForAnyValue:") {
            (Some(SetQualifier::ForAnyValue), r)
        } else {
            (None, name)
        };
        let lookup = |n: &str| OPERATORS.iter().find(|(s, _)| *s == n).map(|(_, op)| *op);
        if let Some(base) = lookup(rest) {
            return Some(Operator { qualifier, base, if_exists: false });
        }
        let base = lookup(rest.strip_suffix("IfExists")?)?;
        (base != B::Null).then_some(Operator { qualifier, base, if_exists: true })
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.qualifier {
            Some(SetQualifier::ForAllValues) => f.write_str("ForAllValues:")?,
            Some(SetQualifier::ForAnyValue) => f.write_str("ForAnyValue:")?,
            None => {}
        }
        f.write_str(self.base.name())?;
        if self.if_exists {
            f.write_str("IfExists")?;
        }
        Ok(())
    }
}

/// Compiled condition values, by operator family.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Values {
    Strings(Vec<Pattern>),
    Arns(Vec<Pattern>),
    Numbers(Vec<f64>),
    Dates(Vec<i64>),
    Nets(Vec<IpNet>),
    Nulls(Vec<bool>),
}

/// One operator–key pair of a `Condition` block with its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub operator: Operator,
    /// The key as written.
    pub key: String,
    /// The values as written (numbers and booleans in their JSON text).
    pub values: Vec<String>,
    pub(crate) key_lower: String,
    pub(crate) compiled: Values,
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ", self.operator, self.key)?;
        match self.values.as_slice() {
            [one] => write!(f, "{one:?}"),
            many => write!(f, "{many:?}"),
        }
    }
}

/// What the request says about a key.
pub(crate) enum Lookup<'a> {
    Values(&'a [String]),
    Absent,
    Unknown,
}

impl Condition {
    pub(crate) fn compile(
        op_name: &str,
        key: &str,
        values: Vec<String>,
        variables: bool,
    ) -> Result<Condition, ErrorKind> {
        let operator = Operator::parse(op_name).ok_or_else(|| ErrorKind::UnknownOperator(op_name.to_string()))?;
        let bad = |problem: String| ErrorKind::BadConditionValue {
            operator: op_name.to_string(),
            key: key.to_string(),
            problem,
        };
        if key.is_empty() {
            return Err(bad("empty condition key".into()));
        }
        let syntax = |wildcards, lowercase| Syntax { wildcards, variables, lowercase };
        let compiled = match operator.base {
            B::StringEquals | B::StringNotEquals => {
                Values::Strings(values.iter().map(|v| Pattern::parse(v, syntax(false, false))).collect())
            }
            B::StringEqualsIgnoreCase | B::StringNotEqualsIgnoreCase => {
                Values::Strings(values.iter().map(|v| Pattern::parse(v, syntax(false, true))).collect())
            }
            B::StringLike | B::StringNotLike => {
                Values::Strings(values.iter().map(|v| Pattern::parse(v, syntax(true, false))).collect())
            }
            B::Bool => Values::Strings(values.iter().map(|v| Pattern::parse(v, syntax(false, true))).collect()),
            B::BinaryEquals => Values::Strings(
                values
                    .iter()
                    .map(|v| Pattern::parse(v, Syntax { wildcards: false, variables: false, lowercase: false }))
                    .collect(),
            ),
            B::ArnEquals | B::ArnLike | B::ArnNotEquals | B::ArnNotLike => {
                Values::Arns(values.iter().map(|v| Pattern::parse(v, syntax(true, false))).collect())
            }
            B::NumericEquals
            | B::NumericNotEquals
            | B::NumericLessThan
            | B::NumericLessThanEquals
            | B::NumericGreaterThan
            | B::NumericGreaterThanEquals => Values::Numbers(
                values
                    .iter()
                    .map(|v| parse_number(v).ok_or_else(|| bad(format!("{v:?} is not a number"))))
                    .collect::<Result<_, _>>()?,
            ),
            B::DateEquals
            | B::DateNotEquals
            | B::DateLessThan
            | B::DateLessThanEquals
            | B::DateGreaterThan
            | B::DateGreaterThanEquals => Values::Dates(
                values
                    .iter()
                    .map(|v| parse_date(v).ok_or_else(|| bad(format!("{v:?} is not an ISO 8601 date or epoch time"))))
                    .collect::<Result<_, _>>()?,
            ),
            B::IpAddress | B::NotIpAddress => Values::Nets(
                values
                    .iter()
                    .map(|v| parse_net(v).ok_or_else(|| bad(format!("{v:?} is not an IP address or CIDR"))))
                    .collect::<Result<_, _>>()?,
            ),
            B::Null => Values::Nulls(
                values
                    .iter()
                    .map(|v| match v.to_ascii_lowercase().as_str() {
                        "true" => Ok(true),
                        "false" => Ok(false),
                        _ => Err(bad(format!("Null takes \"true\" or \"false\", not {v:?}"))),
                    })
                    .collect::<Result<_, _>>()?,
            ),
        };
        Ok(Condition { operator, key: key.to_string(), key_lower: key.to_lowercase(), values, compiled })
    }

    /// The context key, lowercased.
    pub fn key_lower(&self) -> &str {
        &self.key_lower
    }

    /// Evaluates against the request. `lookup` answers for the condition key and for policy
    /// variables.
    pub(crate) fn evaluate<'a>(&self, lookup: &dyn Fn(&str) -> Lookup<'a>) -> Tri {
        let found = lookup(&self.key_lower);
        if let Values::Nulls(wanted) = &self.compiled {
            let present = match found {
                Lookup::Unknown => return Tri::Unknown,
                Lookup::Absent => false,
                Lookup::Values(_) => true,
            };
            return Tri::from(wanted.iter().any(|&is_null| is_null != present));
        }
        let values = match found {
            Lookup::Unknown => return Tri::Unknown,
            Lookup::Absent => {
                return Tri::from(match (self.operator.if_exists, self.operator.qualifier) {
                    (true, _) => true,
                    (false, Some(SetQualifier::ForAllValues)) => true,
                    (false, Some(SetQualifier::ForAnyValue)) => false,
                    (false, None) => self.operator.base.is_negated(),
                })
            }
            Lookup::Values(v) => v,
        };
        let var_lookup = |key: &str| match lookup(key) {
            Lookup::Values([one]) => VarValue::Value(one.as_str()),
            Lookup::Values(_) | Lookup::Absent => VarValue::Absent,
            Lookup::Unknown => VarValue::Unknown,
        };
        let negated = self.operator.base.is_negated();
        // Whether one request value matches at least one policy value (positive sense).
        let one = |value: &str| -> Tri { self.any_policy_value_matches(value, &var_lookup) };
        match self.operator.qualifier {
            None => {
                let any = values.iter().fold(Tri::False, |acc, v| acc.or(one(v)));
                if negated {
                    any.not()
                } else {
                    any
                }
            }
            Some(SetQualifier::ForAllValues) => values.iter().fold(Tri::True, |acc, v| {
                let m = one(v);
                acc.and(if negated { m.not() } else { m })
            }),
            Some(SetQualifier::ForAnyValue) => values.iter().fold(Tri::False, |acc, v| {
                let m = one(v);
                acc.or(if negated { m.not() } else { m })
            }),
        }
    }

    fn any_policy_value_matches<'a>(&self, value: &str, var: &dyn Fn(&str) -> VarValue<'a>) -> Tri {
        use std::cmp::Ordering;
        let base = self.operator.base;
        let ord_ok = |o: Ordering| match base {
            B::NumericEquals | B::NumericNotEquals | B::DateEquals | B::DateNotEquals => o == Ordering::Equal,
            B::NumericLessThan | B::DateLessThan => o == Ordering::Less,
            B::NumericLessThanEquals | B::DateLessThanEquals => o != Ordering::Greater,
            B::NumericGreaterThan | B::DateGreaterThan => o == Ordering::Greater,
            B::NumericGreaterThanEquals | B::DateGreaterThanEquals => o != Ordering::Less,
            _ => false,
        };
        match &self.compiled {
            Values::Strings(patterns) | Values::Arns(patterns) => {
                let arn = matches!(self.compiled, Values::Arns(_));
                let fold = matches!(base, B::StringEqualsIgnoreCase | B::StringNotEqualsIgnoreCase | B::Bool);
                let lowered;
                let value = if fold {
                    lowered = value.to_lowercase();
                    lowered.as_str()
                } else {
                    value
                };
                let mut acc = Tri::False;
                for p in patterns {
                    let r = match p.resolve(var) {
                        Resolved::Unknown(_) => Tri::Unknown,
                        Resolved::Unresolvable => Tri::False,
                        resolved => {
                            let pieces = resolved.pieces().unwrap_or(&[]);
                            Tri::from(if arn { arn_glob(pieces, value) } else { glob(pieces, value, fold) })
                        }
                    };
                    acc = acc.or(r);
                    if acc == Tri::True {
                        break;
                    }
                }
                acc
            }
            Values::Numbers(nums) => match parse_number(value) {
                Some(v) => Tri::from(nums.iter().any(|n| v.partial_cmp(n).is_some_and(ord_ok))),
                None => Tri::False,
            },
            Values::Dates(dates) => match parse_date(value) {
                Some(v) => Tri::from(dates.iter().any(|d| ord_ok(v.cmp(d)))),
                None => Tri::False,
            },
            Values::Nets(nets) => match value.trim().parse::<IpAddr>() {
                Ok(ip) => Tri::from(nets.iter().any(|n| n.contains(&ip))),
                Err(_) => Tri::False,
            },
            Values::Nulls(_) => Tri::False,
        }
    }
}

fn parse_number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// ISO 8601 date or date-time (UTC when no offset), or epoch seconds; milliseconds since epoch.
pub(crate) fn parse_date(s: &str) -> Option<i64> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<i64>().ok()?.checked_mul(1000);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.timestamp_millis());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.fZ", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%MZ", "%Y-%m-%dT%H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.and_utc().timestamp_millis());
        }
    }
    if let Ok(dt) = DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%z") {
        return Some(dt.timestamp_millis());
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|d| d.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis()))
}

fn parse_net(s: &str) -> Option<IpNet> {
    let s = s.trim();
    if let Ok(net) = s.parse::<IpNet>() {
        return Some(net.trunc());
    }
    s.parse::<IpAddr>().ok().map(IpNet::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_names() {
        let op = Operator::parse("ForAnyValue:StringLikeIfExists").unwrap();
        assert_eq!(op.qualifier, Some(SetQualifier::ForAnyValue));
        assert_eq!(op.base, B::StringLike);
        assert!(op.if_exists);
        assert_eq!(op.to_string(), "ForAnyValue:StringLikeIfExists");
        assert!(Operator::parse("stringequals").is_none(), "operator names are case-sensitive");
        assert!(Operator::parse("NullIfExists").is_none());
        assert!(Operator::parse("StringEqualz").is_none());
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2020-01-01T00:00:00Z"), Some(1_577_836_800_000));
        assert_eq!(parse_date("2020-01-01"), Some(1_577_836_800_000));
        assert_eq!(parse_date("1577836800"), Some(1_577_836_800_000));
        assert_eq!(parse_date("2020-01-01T01:00:00+01:00"), Some(1_577_836_800_000));
        assert_eq!(parse_date("yesterday"), None);
    }
}
