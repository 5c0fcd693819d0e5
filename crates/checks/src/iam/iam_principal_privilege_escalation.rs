use crate::iam_policies::{escalation, Analysis};
use crate::{declare_check, Status};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No IAM user or role (service-linked roles aside) can perform a published privilege
    /// escalation path with the permissions it holds: all its policies together — its own
    /// managed and inline policies and, for users, those of its groups — minus every explicit
    /// deny, within its permissions boundary and the organization's SCPs, as wasp's policy
    /// engine evaluates them.
    ///
    /// The paths are a table in `crates/checks/src/iam_policies/escalation.rs` (`wasp iam
    /// escalations` lists what it finds): writing its own policies (`iam:CreatePolicyVersion`,
    /// `SetDefaultPolicyVersion`, `Attach`/`Put` `User`/`Group`/`RolePolicy` on itself or its
    /// groups), joining a more privileged group (`AddUserToGroup`), taking over a more
    /// privileged user (`CreateAccessKey`, also after `DeleteAccessKey`, `CreateLoginProfile`,
    /// `UpdateLoginProfile`), rewriting the trust of a more privileged role
    /// (`UpdateAssumeRolePolicy`), writing the policy of a role it can assume, passing a more
    /// privileged role to a service that runs code (`iam:PassRole` with `ec2:RunInstances`,
    /// Spot, Auto Scaling, Lambda, CloudFormation, Glue, Data Pipeline, CodeBuild, ECS,
    /// SageMaker, App Runner), and taking over the role of existing resources
    /// (`lambda:UpdateFunctionCode`/`UpdateFunctionConfiguration`, `ssm:SendCommand`/
    /// `StartSession`, EC2 Instance Connect, EC2 user data, Glue endpoints, CloudFormation
    /// stacks and change sets, CodeBuild builds, ECS Exec, SageMaker notebooks, App Runner).
    ///
    /// Targets are real: a policy path needs the action on a customer-managed policy the
    /// principal holds, on itself or on its groups; a takeover needs a target that is more
    /// privileged — a full or IAM administrator, or a principal with an escalation path of its
    /// own (found iteratively). `iam:PassRole` counts only for roles of the inventory that trust
    /// the service and are more privileged: a `PassRole` scoped to known roles none of which is
    /// more privileged is not a finding, and the PASS message names such paths, allowed but
    /// reaching nothing. Paths through existing resources are findings because
    /// the inventory does not list those resources' roles; the message names them.
    ///
    /// FAIL names each path (up to three), the actions, the statements (`policy (Sid or
    /// #index)`) that allow them and what they reach. A path allowed only under conditions on
    /// how the principal calls — MFA, source network, region, time, transport, request tags —
    /// is a FAIL that names the conditions: the principal meets them in its normal course.
    /// A path allowed only if something the inventory does not decide holds (a resource tag it
    /// lacks, a trust policy not read) is not a FAIL; the PASS message names it. A path blocked
    /// by an explicit deny, the boundary or an SCP is not a finding. When the SCPs or the
    /// boundary could not be read, a FAIL says so instead of assuming. A full administrator
    /// passes (nothing to escalate to; `iam_principal_effective_admin` judges it). SKIP when
    /// no path is found but a policy of the principal could not be read or parsed (named),
    /// AWS-managed ones included (their documents are collected with the account's
    /// authorization details; wasp carries AdministratorAccess, PowerUserAccess and
    /// IAMFullAccess for snapshots without them).
    ///
    /// Severity is high, not critical: every path needs the principal's credentials first (a
    /// foothold), and then gives up to the whole account.
    ///
    /// ### Why it matters
    /// A principal that can raise its own permissions has, in effect, the permissions it can
    /// raise itself to: least privilege written in its policies does not hold, and a stolen key
    /// of a "limited" deployment user becomes administrator access.
    ///
    /// ### How to fix
    /// Remove the permissions the path needs, or scope them: name the policies, users and roles
    /// in `Resource`, restrict `iam:PassRole` to the roles the workload passes (with
    /// `iam:PassedToService`), and cap delegated IAM administration with a permissions boundary
    /// or an SCP that denies these actions.
    IamPrincipalPrivilegeEscalation {
        id: "iam_principal_privilege_escalation",
        title: "No user or role can escalate its own privileges",
        severity: High,
        service: Iam,
        resource_kind: "iam_principal",
        best_practices: ["SEC03-BP02", "SEC03-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: {
            Iam: [GetAccountAuthorizationDetails],
            Organizations: [DescribeOrganization, ListPolicies, ListTargetsForPolicy, DescribePolicy, ListParents],
        },
        remediation: "Remove or scope the permissions the escalation path needs, or deny them with a boundary or SCP.",
    }
}

impl IamPrincipalPrivilegeEscalation {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let analysis = Analysis::new(inv);
        for report in escalation::search(&analysis) {
            let (status, message) = escalation::principal_summary(&report);
            match status {
                Status::Fail => out.fail(report.subject.resource, message),
                Status::Skip => out.skip(report.subject.resource, message),
                _ => out.pass(report.subject.resource, message),
            }
        }
    }
}
