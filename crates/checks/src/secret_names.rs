//! Whether a variable or parameter NAME looks like it holds a credential. Only names are
//! judged: wasp never reads the values.

/// Words that name a credential on their own.
const SECRET_WORDS: &[&str] =
    &["PASSWORD", "PASSWD", "PWD", "SECRET", "SECRETS", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS"];

/// Word pairs that name a credential together.
const SECRET_PAIRS: &[(&str, &str)] =
    &[("PRIVATE", "KEY"), ("API", "KEY"), ("ACCESS", "KEY"), ("SECRET", "KEY"), ("AUTH", "DATA")];

/// Last words that make the name a reference to a credential, or a setting about one, rather
/// than the credential (`DB_SECRET_ARN`, `TOKEN_URL`, `PASSWORD_MIN_LENGTH`).
const REFERENCE_WORDS: &[&str] = &[
    "ARN",
    "NAME",
    "PATH",
    "FILE",
    "URL",
    "URI",
    "ENDPOINT",
    "TTL",
    "EXPIRY",
    "EXPIRATION",
    "LENGTH",
    "TYPE",
    "PARAM",
    "PARAMETER",
    "REF",
    "ID",
    "REGION",
    "HEADER",
    "FIELD",
    "ENABLED",
    "POLICY",
];

/// Names that are credentials whatever the rules above say (Security Hub ECS.8 and
/// CodeBuild.2 name these).
const ALWAYS: &[&str] = &["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "ECS_ENGINE_AUTH_DATA"];

/// Splits `dbPassword`, `DB_PASSWORD`, `db-password` and `/app/db/password` into upper-case
/// words.
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_uppercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Whether `name` looks like the name of a credential.
pub fn looks_secret(name: &str) -> bool {
    let upper = name.trim().to_ascii_uppercase();
    if ALWAYS.contains(&upper.as_str()) {
        return true;
    }
    let words = words(name);
    if words.last().is_some_and(|w| REFERENCE_WORDS.contains(&w.as_str())) {
        return false;
    }
    words.iter().any(|w| SECRET_WORDS.contains(&w.as_str()))
        || words.windows(2).any(|pair| SECRET_PAIRS.contains(&(pair[0].as_str(), pair[1].as_str())))
}

/// The names among `names` that look like credentials, `, `-joined.
pub fn secret_like<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    names.into_iter().filter(|n| looks_secret(n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_names_are_recognised_and_references_are_not() {
        for name in [
            "DB_PASSWORD",
            "dbPassword",
            "/prod/app/db-password",
            "API_KEY",
            "apiKey",
            "GITHUB_TOKEN",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "STRIPE_SECRET",
            "PRIVATE_KEY",
            "ECS_ENGINE_AUTH_DATA",
            "client-secret",
            "SLACK_WEBHOOK_TOKEN",
        ] {
            assert!(looks_secret(name), "{name}");
        }
        for name in [
            "DB_SECRET_ARN",
            "TOKEN_URL",
            "PASSWORD_MIN_LENGTH",
            "SECRET_NAME",
            "LOG_LEVEL",
            "PORT",
            "KEYBOARD_LAYOUT",
            "MONKEY",
            "/app/db/host",
            "PUBLIC_KEY_PATH",
            "TOKENIZER_MODEL",
        ] {
            assert!(!looks_secret(name), "{name}");
        }
    }
}
