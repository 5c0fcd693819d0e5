//! cloudwatch checks.
