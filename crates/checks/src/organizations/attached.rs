//! Shared evaluation of "a custom policy of a type is attached in the organization".
use crate::{evidence, Status};
use wasp_model::organizations::{FeatureSet, ServiceControlPolicy};
use wasp_model::{Inventory, Service, Setting, GLOBAL_REGION};

/// The custom (not AWS-managed) policies of `kind` that are attached to something, or the
/// account verdict that stops the search: not in an organization, without all features, or
/// the list or targets not read.
pub fn custom_attached<'a>(
    inv: &'a Inventory,
    kind: &str,
    what: &str,
) -> Result<Vec<&'a ServiceControlPolicy>, (Status, String)> {
    match &inv.organizations.organization {
        Some(Setting::NotConfigured) => {
            return Err((Status::Fail, format!("the account is in no organization, so no {what} applies")))
        }
        Some(Setting::Configured(org)) if org.feature_set != FeatureSet::All => {
            return Err((Status::Fail, format!("organization {} lacks all features, so no {what} applies", org.id)))
        }
        None => {
            let why = evidence::unknown_because(inv, Service::Organizations, GLOBAL_REGION, "the organization");
            return Err((Status::Skip, why));
        }
        Some(Setting::Configured(_)) => {}
    }
    let Some(policies) = inv.organizations.policies.get(kind) else {
        let why =
            evidence::operation_gap(inv, Service::Organizations, GLOBAL_REGION, "ListPolicies", "the policy list")
                .unwrap_or_else(|| format!("the {what} list was not collected"));
        return Err((Status::Skip, why));
    };
    let custom: Vec<&ServiceControlPolicy> = policies.iter().filter(|p| !p.aws_managed).collect();
    let attached: Vec<&ServiceControlPolicy> =
        custom.iter().copied().filter(|p| p.targets.as_ref().is_some_and(|t| !t.is_empty())).collect();
    if attached.is_empty() {
        if custom.iter().any(|p| p.targets.is_none()) {
            return Err((Status::Skip, format!("the targets of the {what} could not be read")));
        }
        if custom.is_empty() {
            return Err((Status::Fail, format!("no {what} exists in the organization")));
        }
        return Err((Status::Fail, format!("{what} exists but is attached to nothing")));
    }
    Ok(attached)
}

/// The names of policies, for messages.
pub fn names(policies: &[&ServiceControlPolicy]) -> String {
    policies.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
}
