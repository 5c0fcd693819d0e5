//! Errors said in one line, for messages and gap reasons.

/// An error with its sources, on one line, without repeating a source already quoted.
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let next = cause.to_string();
        if !text.contains(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        source = cause.source();
    }
    text
}

/// The innermost source of an error, the one that explains it, on one line.
pub fn root_cause(err: &dyn std::error::Error) -> String {
    let mut last = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        last = cause.to_string();
        source = cause.source();
    }
    last.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Layer(&'static str, Option<Box<Layer>>);

    impl std::fmt::Display for Layer {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Layer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|l| l as _)
        }
    }

    #[test]
    fn chains_skip_repeats_and_roots_are_one_line() {
        let err = Layer(
            "dispatch failure",
            Some(Box::new(Layer("io: refused", Some(Box::new(Layer("refused\n  (os 111)", None)))))),
        );
        assert_eq!(error_chain(&err), "dispatch failure: io: refused: refused\n  (os 111)");
        assert_eq!(root_cause(&err), "refused; (os 111)");
        let repeated = Layer("io: refused", Some(Box::new(Layer("refused", None))));
        assert_eq!(error_chain(&repeated), "io: refused");
    }
}
