//! The accounts of an organization, for `wasp scan --organization`: listed with the caller's
//! own credentials (the management account or a delegated administrator), each then collected
//! through a role assumed in it ([`AssumeRole`] in [`crate::CollectOptions`]).
use crate::setup::{identity_error, load_sdk_config, Shared};
use crate::unit::{client, Unit};
use crate::{CollectError, CollectOptions};
use std::collections::BTreeSet;
use std::sync::Arc;
use wasp_model::{Service, GLOBAL_REGION};

/// A role wasp assumes in a member account; credentials are refreshed before they expire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssumeRole {
    pub role_arn: String,
    pub external_id: Option<String>,
    /// Names wasp in the member's CloudTrail (`wasp-<account>`).
    pub session_name: String,
}

impl AssumeRole {
    /// The role `role_name` in `account`, in the caller's partition.
    pub fn in_account(partition: &str, account: &str, role_name: &str, external_id: Option<String>) -> Self {
        AssumeRole {
            role_arn: format!("arn:{partition}:iam::{account}:role/{role_name}"),
            external_id,
            session_name: format!("wasp-{account}"),
        }
    }
}

/// One account of the organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgAccount {
    pub id: String,
    pub name: String,
    /// `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE` … as Organizations says.
    pub status: String,
}

impl OrgAccount {
    pub fn is_active(&self) -> bool {
        self.status == "ACTIVE"
    }
}

/// Who lists the accounts, and the organization's accounts under the chosen root or OU.
#[derive(Debug, Clone)]
pub struct Organization {
    /// The account whose credentials listed the organization.
    pub caller_account: String,
    pub partition: String,
    pub accounts: Vec<OrgAccount>,
}

/// OUs are nested at most five levels below the root; a deeper answer is not followed.
const MAX_OU_DEPTH: usize = 8;

/// Lists the organization's accounts (every one, or those under `ou` and its children), sorted
/// by id. Failing to list them stops the run: there is nothing to scan.
pub async fn organization_accounts(opts: &CollectOptions, ou: Option<&str>) -> Result<Organization, CollectError> {
    let sdk = load_sdk_config(opts).await;
    let home_region = sdk.region().map_or_else(|| "us-east-1".to_owned(), |r| r.to_string());
    let endpoint_url = opts.endpoint_url.clone().or_else(|| sdk.endpoint_url().map(str::to_owned));
    let shared = Arc::new(Shared {
        sdk,
        account_id: String::new(),
        partition: "aws".into(),
        calls: Default::default(),
        endpoint_url: endpoint_url.clone(),
        home_region: home_region.clone(),
        regions: Vec::new(),
        regions_chosen: false,
        inner_concurrency: opts.inner_concurrency,
    });
    let sts_unit = Unit::new(shared.clone(), Service::Sts, GLOBAL_REGION.into());
    let unit = Unit::new(shared, Service::Organizations, GLOBAL_REGION.into());
    let sts = client!(aws_sdk_sts, &sts_unit, &home_region);
    let identity = sts.get_caller_identity().send().await.map_err(|e| identity_error(endpoint_url.clone(), &e))?;
    let caller_account = identity.account().unwrap_or_default().to_owned();
    let partition = crate::setup::partition_of(identity.arn().unwrap_or_default());
    let orgs = client!(aws_sdk_organizations, &unit, &home_region);
    let failed = |operation: &str, e: &dyn std::fmt::Display| {
        CollectError::Organization(format!("organizations:{operation} failed: {e}"))
    };
    let mut accounts = Vec::new();
    match ou {
        None => {
            let mut pages = orgs.list_accounts().into_paginator().send();
            while let Some(page) = pages.next().await {
                let page = page.map_err(|e| failed("ListAccounts", &wasp_model::root_cause(&e)))?;
                accounts.extend(page.accounts().iter().filter_map(account));
            }
        }
        Some(ou) => {
            let mut parents = vec![(ou.to_owned(), 0)];
            let mut seen = BTreeSet::new();
            while let Some((parent, depth)) = parents.pop() {
                if !seen.insert(parent.clone()) || depth > MAX_OU_DEPTH {
                    continue;
                }
                let mut pages = orgs.list_accounts_for_parent().parent_id(&parent).into_paginator().send();
                while let Some(page) = pages.next().await {
                    let page = page.map_err(|e| failed("ListAccountsForParent", &wasp_model::root_cause(&e)))?;
                    accounts.extend(page.accounts().iter().filter_map(account));
                }
                let mut pages = orgs.list_organizational_units_for_parent().parent_id(&parent).into_paginator().send();
                while let Some(page) = pages.next().await {
                    let page =
                        page.map_err(|e| failed("ListOrganizationalUnitsForParent", &wasp_model::root_cause(&e)))?;
                    parents.extend(
                        page.organizational_units().iter().filter_map(|u| u.id()).map(|id| (id.to_owned(), depth + 1)),
                    );
                }
            }
        }
    }
    accounts.sort_by(|a, b| a.id.cmp(&b.id));
    accounts.dedup_by(|a, b| a.id == b.id);
    Ok(Organization { caller_account, partition, accounts })
}

fn account(a: &aws_sdk_organizations::types::Account) -> Option<OrgAccount> {
    Some(OrgAccount {
        id: a.id()?.to_owned(),
        name: a.name().unwrap_or_default().to_owned(),
        status: a
            .state()
            .map(|s| s.as_str().to_owned())
            .or_else(|| a.status().map(|s| s.as_str().to_owned()))
            .unwrap_or_default(),
    })
}

/// The accounts one shard of `count` scans: a stable slice of the sorted list, so the same
/// `count` always gives the same shards and every account is in exactly one.
pub fn shard<T>(sorted: Vec<T>, index: usize, count: usize) -> Vec<T> {
    sorted.into_iter().enumerate().filter(|(i, _)| i % count.max(1) == index).map(|(_, a)| a).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_every_account_once_and_are_stable() {
        let accounts: Vec<u32> = (0..10).collect();
        let mut seen: Vec<u32> = (0..3).flat_map(|i| shard(accounts.clone(), i, 3)).collect();
        seen.sort_unstable();
        assert_eq!(seen, accounts);
        assert_eq!(shard(accounts.clone(), 1, 3), [1, 4, 7]);
        assert_eq!(shard(accounts.clone(), 0, 1), accounts);
        assert!(shard(accounts, 5, 3).is_empty());
    }

    #[test]
    fn a_role_is_named_in_the_callers_partition() {
        let role = AssumeRole::in_account("aws-cn", "111122223333", "Audit", None);
        assert_eq!(role.role_arn, "arn:aws-cn:iam::111122223333:role/Audit");
        assert_eq!(role.session_name, "wasp-111122223333");
    }
}
