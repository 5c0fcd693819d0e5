//! Identity and access management checks.
mod iam_root_mfa_enabled;
mod iam_user_console_mfa_enabled;

pub use iam_root_mfa_enabled::IamRootMfaEnabled;
pub use iam_user_console_mfa_enabled::IamUserConsoleMfaEnabled;
