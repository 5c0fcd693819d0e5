//! wasp's copies of a few AWS-managed policies. The collector reads customer-managed
//! documents only, so an AWS-managed policy attached to a principal is otherwise unknown.
//! These three are kept because privilege questions hinge on them and their documents are
//! published in the AWS Managed Policy Reference; every other AWS-managed policy is reported
//! as not read.

/// (policy name, version and date of the copy, document).
pub(crate) const COPIES: &[(&str, &str, &str)] = &[
    (
        "AdministratorAccess",
        "v1",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    ),
    (
        "PowerUserAccess",
        "v12 of 2026-02-12",
        r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"},
            {"Effect":"Allow","Action":["account:GetAccountInformation","account:GetGovCloudAccountInformation",
              "account:GetPrimaryEmail","account:ListRegions","iam:CreateServiceLinkedRole",
              "iam:DeleteServiceLinkedRole","iam:ListRoles","organizations:DescribeEffectivePolicy",
              "organizations:DescribeOrganization"],"Resource":"*"}]}"#,
    ),
    (
        "IAMFullAccess",
        "v2 of 2019-06-21",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:*",
            "organizations:DescribeAccount","organizations:DescribeOrganization",
            "organizations:DescribeOrganizationalUnit","organizations:DescribePolicy",
            "organizations:ListChildren","organizations:ListParents","organizations:ListPoliciesForTarget",
            "organizations:ListRoots","organizations:ListPolicies","organizations:ListTargetsForPolicy"],
            "Resource":"*"}]}"#,
    ),
];

/// The SCP AWS attaches everywhere by default: it allows everything.
pub(crate) const FULL_AWS_ACCESS: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

/// The copy of an AWS-managed policy by ARN (`arn:PARTITION:iam::aws:policy/[path/]NAME`).
pub(crate) fn copy(arn: &str) -> Option<(&'static str, &'static str)> {
    let rest = arn.split(':').nth(5)?;
    if arn.split(':').nth(4) != Some("aws") {
        return None;
    }
    let name = rest.strip_prefix("policy/")?;
    COPIES.iter().find(|(n, _, _)| *n == name).map(|(_, version, doc)| (*version, *doc))
}

/// Whether an ARN names an AWS-managed policy.
pub(crate) fn is_aws_managed(arn: &str) -> bool {
    arn.split(':').nth(4) == Some("aws")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_iam::{Policy, PolicyKind};

    #[test]
    fn every_copy_parses_and_is_found_by_arn() {
        for (name, _, doc) in COPIES {
            Policy::parse(doc, PolicyKind::Identity).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(copy(&format!("arn:aws:iam::aws:policy/{name}")).is_some());
        }
        Policy::parse(FULL_AWS_ACCESS, PolicyKind::Scp).unwrap();
        assert!(copy("arn:aws:iam::aws:policy/ReadOnlyAccess").is_none());
        assert!(copy("arn:aws:iam::111122223333:policy/AdministratorAccess").is_none());
        assert!(copy("arn:aws:iam::aws:policy/job-function/AdministratorAccess").is_none());
    }
}
