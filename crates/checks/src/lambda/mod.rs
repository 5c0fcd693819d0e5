//! Lambda checks.
mod lambda_function_policy_not_public;
mod lambda_function_runtime_supported;
mod lambda_function_url_auth_required;
pub mod runtimes;

pub use lambda_function_policy_not_public::LambdaFunctionPolicyNotPublic;
pub use lambda_function_runtime_supported::LambdaFunctionRuntimeSupported;
pub use lambda_function_url_auth_required::LambdaFunctionUrlAuthRequired;
