//! wasp's IAM policy engine: a parser for every kind of policy document, a three-valued
//! evaluator that follows AWS's documented evaluation logic, an embedded action catalogue,
//! and the effective-permission questions checks ask (can X do A on R, admin detection,
//! resource-policy exposure). Pure: no SDK, no I/O.
//!
//! ```
//! use wasp_iam::{evaluate, Policy, PolicyKind, PolicySet, Principal, Request, Target};
//! let p = Policy::parse(
//!     r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}}"#,
//!     PolicyKind::Identity,
//! ).unwrap();
//! let set = PolicySet::new().identity("inline", &p);
//! let req = Request::new(Principal::user("arn:aws:iam::111122223333:user/alice"), "iam:CreatePolicyVersion", Target::all());
//! assert!(evaluate(&set, &req).decision.is_allowed());
//! ```

pub mod analysis;
pub mod catalog;
pub mod condition;
pub mod error;
pub mod eval;
pub mod formula;
mod pattern;
pub mod policy;
pub mod request;

pub use analysis::{
    admin_access, allowed_actions, can, exposure, ActionsReport, AdminAccess, AdminLevel, ExposedGrant, Exposure,
    Outsider, TrustedSet,
};
pub use catalog::{catalog, AccessLevel, Catalog, Expansion, DATASET_DATE, DATASET_VERSION};
pub use condition::{BaseOperator, Condition, Operator, SetQualifier};
pub use error::{ErrorKind, ParseError, StatementId};
pub use eval::{
    evaluate, Decision, Evaluation, Evaluator, MatchedStatement, Missing, NamedPolicy, PolicySet, ResourcePolicy,
    ResourcePolicyKind, Source,
};
pub use formula::{Formula, Tri, Unknown};
pub use pattern::{Pattern, Variable};
pub use policy::{Effect, Element, Policy, PolicyKind, Principals, Statement, MAX_DEPTH, MAX_DOCUMENT_BYTES};
pub use request::{arn_account, Context, ContextValue, Principal, PrincipalKind, Request, Target};
