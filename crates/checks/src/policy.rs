//! Reading IAM policy documents: wildcards, effects, principals, actions and the conditions
//! that really restrict who may act.
use serde_json::Value;
use wasp_model::iam::{statements, string_or_list};

/// Glob match with `*` (any run of characters) and `?` (one character), as IAM uses them.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut backtrack: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == '*' {
            backtrack = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if let Some((star, from)) = backtrack {
            pi = star + 1;
            ti = from + 1;
            backtrack = Some((star, from + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The statement's `Effect` is exactly `effect` (`Allow` or `Deny`).
pub fn effect_is(statement: &Value, effect: &str) -> bool {
    statement.get("Effect").and_then(Value::as_str) == Some(effect)
}

/// A `Principal` element that names everyone: `"*"`, or `"*"` among its `AWS` principals.
pub fn principal_is_everyone(principal: Option<&Value>) -> bool {
    match principal {
        Some(Value::String(s)) => s == "*",
        Some(Value::Object(map)) => map.get("AWS").is_some_and(|aws| string_or_list(Some(aws)).contains(&"*")),
        _ => false,
    }
}

/// Some action pattern of the statement (`Action`, string or list) covers `action`;
/// IAM action names are case-insensitive.
pub fn statement_covers_action(statement: &Value, action: &str) -> bool {
    let action = action.to_ascii_lowercase();
    string_or_list(statement.get("Action")).iter().any(|pattern| glob_match(&pattern.to_ascii_lowercase(), &action))
}

/// The statement allows every action (`"*"`) on every resource (`"*"`), whatever its conditions.
pub fn statement_is_full_admin(statement: &Value) -> bool {
    effect_is(statement, "Allow")
        && string_or_list(statement.get("Action")).contains(&"*")
        && string_or_list(statement.get("Resource")).contains(&"*")
}

/// An identity policy document with at least one full-admin statement.
pub fn allows_full_admin(document: &Value) -> bool {
    statements(document).into_iter().any(statement_is_full_admin)
}

/// Condition keys that pin the caller (or the service acting for it) to known accounts,
/// organizations, networks or an agreed secret, when compared positively with concrete values.
const RESTRICTING_KEYS: &[&str] = &[
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:sourceaccount",
    "aws:sourcearn",
    // The older SNS form of `aws:SourceAccount`, in every topic's default policy.
    "aws:sourceowner",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceip",
    "aws:vpcsourceip",
    "sts:externalid",
];

/// Operators that admit only the listed values. `…IfExists` forms do not count: they let a
/// caller without the key through.
const POSITIVE_OPERATORS: &[&str] =
    &["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress"];

/// The statement carries a condition that really restricts the caller: a key of
/// [`RESTRICTING_KEYS`] compared with a positive operator against values none of which is a
/// wildcard for everyone. `aws:SecureTransport`, tag conditions, negated operators, `IfExists`
/// forms and `sts:ExternalId` with a wildcard do not count. Returns the key that restricts.
pub fn restricting_condition(statement: &Value) -> Option<String> {
    let Some(Value::Object(conditions)) = statement.get("Condition") else { return None };
    for (operator, block) in conditions {
        let op = operator.to_ascii_lowercase();
        let op = op.strip_prefix("forallvalues:").or_else(|| op.strip_prefix("foranyvalue:")).unwrap_or(&op);
        if !POSITIVE_OPERATORS.contains(&op) {
            continue;
        }
        let Value::Object(keys) = block else { continue };
        for (key, values) in keys {
            let key_lower = key.to_ascii_lowercase();
            if !RESTRICTING_KEYS.contains(&key_lower.as_str()) {
                continue;
            }
            let values = string_or_list(Some(values));
            if !values.is_empty() && values.iter().all(|v| concrete(&key_lower, v)) {
                return Some(key.clone());
            }
        }
    }
    None
}

/// The `Allow` statements of a resource policy that grant to everyone (`"*"`, `{"AWS": "*"}`,
/// or any `NotPrincipal`, which allows all but the named) with no condition that really
/// restricts the caller ([`restricting_condition`]), whatever their actions.
pub fn public_statements(document: &Value) -> Vec<&Value> {
    statements(document)
        .into_iter()
        .filter(|s| {
            effect_is(s, "Allow")
                && (principal_is_everyone(s.get("Principal")) || s.get("NotPrincipal").is_some())
                && restricting_condition(s).is_none()
        })
        .collect()
}

/// The actions of statements, each once and in order, for messages (`NotAction` shows as
/// `all but …`).
pub fn actions_of(statements: &[&Value]) -> String {
    let mut actions: Vec<String> = Vec::new();
    for s in statements {
        let mut of_statement: Vec<String> = string_or_list(s.get("Action")).iter().map(|a| a.to_string()).collect();
        let not: Vec<&str> = string_or_list(s.get("NotAction"));
        if !not.is_empty() {
            of_statement.push(format!("all but {}", not.join(", ")));
        }
        for action in of_statement {
            if !actions.contains(&action) {
                actions.push(action);
            }
        }
    }
    actions.join(", ")
}

/// A condition value that names something specific rather than everyone.
fn concrete(key: &str, value: &str) -> bool {
    let value = value.trim();
    match key {
        // A shared secret is only one when nothing in it is a wildcard.
        "sts:externalid" => !value.is_empty() && !value.contains(['*', '?']),
        "aws:sourceip" | "aws:vpcsourceip" => !matches!(value, "" | "0.0.0.0/0" | "::/0"),
        // ARNs restrict when their account field is a concrete account id.
        "aws:principalarn" | "aws:sourcearn" => {
            let account = value.split(':').nth(4).unwrap_or_default();
            !account.is_empty() && account.chars().all(|c| c.is_ascii_digit())
        }
        _ => !value.is_empty() && value.chars().any(|c| c.is_ascii_alphanumeric()) && !value.starts_with('*'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn glob_matches_like_iam() {
        assert!(glob_match("*", "anything"));
        assert!(glob_match("s3:*", "s3:*"));
        assert!(glob_match("sts:assumerole*", "sts:assumerolewithsaml"));
        assert!(glob_match("arn:aws:s3:::b*", "arn:aws:s3:::bucket/*"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match("s3:get*", "s3:*"));
        assert!(!glob_match("arn:aws:s3:::bucket/public/*", "arn:aws:s3:::bucket/*"));
        assert!(!glob_match("abc", "abcd"));
        assert!(glob_match("*a*b", "xxaxxb"));
    }

    #[test]
    fn full_admin_needs_allow_star_star() {
        let admin = json!({"Statement": {"Effect": "Allow", "Action": "*", "Resource": ["*"]}});
        let deny = json!({"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]});
        let scoped = json!({"Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}]});
        assert!(allows_full_admin(&admin));
        assert!(!allows_full_admin(&deny));
        assert!(!allows_full_admin(&scoped));
    }

    fn restricts(condition: Value) -> bool {
        restricting_condition(&json!({"Effect": "Allow", "Principal": "*", "Condition": condition})).is_some()
    }

    #[test]
    fn only_conditions_that_pin_the_caller_restrict() {
        assert!(restricts(json!({"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}})));
        assert!(restricts(json!({"StringEquals": {"sts:ExternalId": "9f1c2b"}})));
        assert!(restricts(json!({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ci-*"}})));
        assert!(restricts(json!({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}})));
        assert!(restricts(json!({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": ["o-a/r-b/ou-c/*"]}})));
        // Not restrictions: transport, tags, wildcards, negations, IfExists.
        assert!(!restricts(json!({"Bool": {"aws:SecureTransport": "true"}})));
        assert!(!restricts(json!({"StringLike": {"sts:ExternalId": "*"}})));
        assert!(!restricts(json!({"StringLike": {"sts:ExternalId": "abc*"}})));
        assert!(!restricts(json!({"StringEquals": {"aws:PrincipalTag/team": "ops"}})));
        assert!(!restricts(json!({"StringNotEquals": {"aws:PrincipalAccount": "111122223333"}})));
        assert!(!restricts(json!({"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}})));
        assert!(!restricts(json!({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"}})));
        assert!(!restricts(json!({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}})));
        assert!(!restricts(json!({"StringLike": {"aws:PrincipalOrgID": "*"}})));
        assert!(!restricts(json!({"StringEquals": {"aws:PrincipalOrgID": ["o-abc123", "*"]}})));
        // SNS's own spelling in default topic policies.
        assert!(restricts(json!({"StringEquals": {"AWS:SourceOwner": "111122223333"}})));
        assert!(!restricts(json!({"StringLike": {"AWS:SourceOwner": "*"}})));
    }

    #[test]
    fn public_statements_are_open_allows_without_a_restriction() {
        let policy = json!({"Statement": [
            {"Sid": "default", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["SNS:Publish", "SNS:Subscribe"],
             "Condition": {"StringEquals": {"AWS:SourceOwner": "111122223333"}}},
            {"Sid": "open", "Effect": "Allow", "Principal": "*", "Action": "SNS:Subscribe"},
            {"Sid": "not", "Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": "SNS:DeleteTopic"},
            {"Sid": "deny", "Effect": "Deny", "Principal": "*", "Action": "*"},
            {"Sid": "named", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "*"},
            {"Sid": "tls", "Effect": "Allow", "Principal": "*", "Action": "SNS:Subscribe",
             "Condition": {"Bool": {"aws:SecureTransport": "true"}}}
        ]});
        let public = public_statements(&policy);
        let sids: Vec<&str> = public.iter().map(|s| s["Sid"].as_str().unwrap()).collect();
        assert_eq!(sids, ["open", "not", "tls"]);
        assert_eq!(actions_of(&public), "SNS:Subscribe, all but SNS:DeleteTopic");
        assert!(public_statements(
            &json!({"Statement": {"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "*"}})
        )
        .is_empty());
    }
}
