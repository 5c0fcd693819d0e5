//! Privilege escalation: published ways a principal can gain permissions it was not given,
//! searched with the policy engine over everything a user or role holds.
//!
//! The paths are data ([`PATHS`]), written from the catalogues of Rhino Security Labs (2019)
//! and pathfinding.cloud; each names the actions it needs and what they act on. A path is
//! found when every action is allowed on a suitable target after every deny, the permissions
//! boundary and the SCPs.
//!
//! Targets are concrete wherever the inventory allows: policy-writing paths act on the
//! principal itself, its groups or the customer-managed policies it holds; credential paths on
//! other users that are more privileged; `iam:PassRole` paths on roles of the inventory that
//! trust the service and are more privileged. "More privileged" means a full or IAM
//! administrator, or a principal with an escalation path of its own (found iteratively). A
//! path that reaches only principals that are not more privileged is not an escalation.

use super::{
    admin_levels, allowing_statements, caveats_text, unknown_text, verdict, AdminLevels, Analysis, Caveat, Subject,
    SubjectKind, Verdict,
};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use wasp_iam::{Context, PolicySet, Principal, Target, Unknown};
use wasp_model::iam::{Role, User};
use wasp_model::Inventory;

/// Which principals a path applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Users,
    Roles,
    Any,
}

/// A user credential a path creates or takes over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    /// A new access key: the user holds fewer than two (or it is not known).
    AccessKey,
    /// A new access key after deleting one: the user holds two.
    ReplacedAccessKey,
    /// A console password for a user without one (or not known).
    NewPassword,
    /// A new console password for a user that has one (or not known).
    ChangedPassword,
}

/// What a path's target is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    /// Customer-managed policies that apply to the principal.
    OwnPolicies,
    /// The principal's own user or role.
    Itself,
    /// The groups the user belongs to.
    OwnGroups,
    /// A group the user is not in whose policies would make it more privileged.
    OtherGroups,
    /// Another user that is more privileged.
    OtherUsers(Credential),
    /// Another role that is more privileged.
    OtherRoles,
    /// Another role the principal may assume (its trust policy and the principal's policies
    /// allow `sts:AssumeRole`).
    AssumableRoles,
    /// A more privileged role that trusts this service principal, passed to a new resource.
    PassRole(&'static str),
    /// Existing resources that run with a role of their own; the text names them.
    Existing(&'static str),
}

/// One action of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub action: &'static str,
    /// Acts on the path's target; otherwise on some resource (`Target::Any`).
    pub on_target: bool,
}

const fn t(action: &'static str) -> Step {
    Step { action, on_target: true }
}

const fn any(action: &'static str) -> Step {
    Step { action, on_target: false }
}

/// A published escalation path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Path {
    /// Stable id, used in messages and suppressions.
    pub id: &'static str,
    /// What the principal does, in a phrase.
    pub title: &'static str,
    pub who: Who,
    pub on: On,
    pub steps: &'static [Step],
    /// Where it is documented.
    pub source: &'static str,
}

const RHINO: &str = "Rhino Security Labs, AWS privilege escalation methods (2019)";
const PATHFINDING: &str = "pathfinding.cloud";

/// Every path wasp searches, in the order findings list them.
pub const PATHS: &[Path] = &[
    Path {
        id: "iam-create-policy-version",
        title: "writes a new default version of a customer-managed policy it holds",
        who: Who::Any,
        on: On::OwnPolicies,
        steps: &[t("iam:CreatePolicyVersion")],
        source: "pathfinding.cloud iam-001; Rhino Security Labs (2019)",
    },
    Path {
        id: "iam-set-default-policy-version",
        title: "makes another version of a customer-managed policy it holds the default",
        who: Who::Any,
        on: On::OwnPolicies,
        steps: &[t("iam:SetDefaultPolicyVersion")],
        source: RHINO,
    },
    Path {
        id: "iam-attach-user-policy",
        title: "attaches any managed policy (AdministratorAccess) to itself",
        who: Who::Users,
        on: On::Itself,
        steps: &[t("iam:AttachUserPolicy")],
        source: "pathfinding.cloud iam-008; Rhino Security Labs (2019)",
    },
    Path {
        id: "iam-put-user-policy",
        title: "writes an inline policy of its own",
        who: Who::Users,
        on: On::Itself,
        steps: &[t("iam:PutUserPolicy")],
        source: "pathfinding.cloud iam-007; Rhino Security Labs (2019)",
    },
    Path {
        id: "iam-attach-role-policy",
        title: "attaches any managed policy (AdministratorAccess) to its own role",
        who: Who::Roles,
        on: On::Itself,
        steps: &[t("iam:AttachRolePolicy")],
        source: RHINO,
    },
    Path {
        id: "iam-put-role-policy",
        title: "writes an inline policy of its own role",
        who: Who::Roles,
        on: On::Itself,
        steps: &[t("iam:PutRolePolicy")],
        source: "pathfinding.cloud iam-005; Rhino Security Labs (2019)",
    },
    Path {
        id: "iam-attach-group-policy",
        title: "attaches any managed policy to a group it belongs to",
        who: Who::Users,
        on: On::OwnGroups,
        steps: &[t("iam:AttachGroupPolicy")],
        source: RHINO,
    },
    Path {
        id: "iam-put-group-policy",
        title: "writes an inline policy of a group it belongs to",
        who: Who::Users,
        on: On::OwnGroups,
        steps: &[t("iam:PutGroupPolicy")],
        source: RHINO,
    },
    Path {
        id: "iam-add-user-to-group",
        title: "adds itself to a more privileged group",
        who: Who::Users,
        on: On::OtherGroups,
        steps: &[t("iam:AddUserToGroup")],
        source: RHINO,
    },
    Path {
        id: "iam-create-access-key",
        title: "creates an access key for a more privileged user",
        who: Who::Any,
        on: On::OtherUsers(Credential::AccessKey),
        steps: &[t("iam:CreateAccessKey")],
        source: "pathfinding.cloud iam-002; Rhino Security Labs (2019)",
    },
    Path {
        id: "iam-replace-access-key",
        title: "deletes an access key of a more privileged user and creates a new one",
        who: Who::Any,
        on: On::OtherUsers(Credential::ReplacedAccessKey),
        steps: &[t("iam:DeleteAccessKey"), t("iam:CreateAccessKey")],
        source: "pathfinding.cloud iam-003",
    },
    Path {
        id: "iam-create-login-profile",
        title: "sets a console password for a more privileged user that has none",
        who: Who::Any,
        on: On::OtherUsers(Credential::NewPassword),
        steps: &[t("iam:CreateLoginProfile")],
        source: "pathfinding.cloud iam-004; Rhino Security Labs (2019)",
    },
    Path {
        id: "iam-update-login-profile",
        title: "changes the console password of a more privileged user",
        who: Who::Any,
        on: On::OtherUsers(Credential::ChangedPassword),
        steps: &[t("iam:UpdateLoginProfile")],
        source: "pathfinding.cloud iam-006; Rhino Security Labs (2019)",
    },
    Path {
        id: "iam-update-assume-role-policy",
        title: "rewrites the trust policy of a more privileged role to let itself in",
        who: Who::Any,
        on: On::OtherRoles,
        steps: &[t("iam:UpdateAssumeRolePolicy")],
        source: RHINO,
    },
    Path {
        id: "iam-attach-policy-to-assumable-role",
        title: "attaches any managed policy to a role it can assume, then assumes it",
        who: Who::Any,
        on: On::AssumableRoles,
        steps: &[t("iam:AttachRolePolicy"), t("sts:AssumeRole")],
        source: PATHFINDING,
    },
    Path {
        id: "iam-put-policy-on-assumable-role",
        title: "writes an inline policy of a role it can assume, then assumes it",
        who: Who::Any,
        on: On::AssumableRoles,
        steps: &[t("iam:PutRolePolicy"), t("sts:AssumeRole")],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-ec2-run-instances",
        title: "launches an EC2 instance with a more privileged role",
        who: Who::Any,
        on: On::PassRole("ec2.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("ec2:RunInstances")],
        source: "Rhino Security Labs (2019); pathfinding.cloud",
    },
    Path {
        id: "passrole-ec2-spot-instances",
        title: "requests an EC2 Spot instance with a more privileged role",
        who: Who::Any,
        on: On::PassRole("ec2.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("ec2:RequestSpotInstances")],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-autoscaling",
        title: "creates an Auto Scaling group whose instances run with a more privileged role",
        who: Who::Any,
        on: On::PassRole("ec2.amazonaws.com"),
        steps: &[
            t("iam:PassRole"),
            any("autoscaling:CreateLaunchConfiguration"),
            any("autoscaling:CreateAutoScalingGroup"),
        ],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-lambda-invoke",
        title: "creates a Lambda function with a more privileged role and invokes it",
        who: Who::Any,
        on: On::PassRole("lambda.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("lambda:CreateFunction"), any("lambda:InvokeFunction")],
        source: "Rhino Security Labs (2019); pathfinding.cloud",
    },
    Path {
        id: "passrole-lambda-event-source",
        title: "creates a Lambda function with a more privileged role and triggers it from an event source",
        who: Who::Any,
        on: On::PassRole("lambda.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("lambda:CreateFunction"), any("lambda:CreateEventSourceMapping")],
        source: RHINO,
    },
    Path {
        id: "passrole-lambda-add-permission",
        title: "creates a Lambda function with a more privileged role and lets itself invoke it",
        who: Who::Any,
        on: On::PassRole("lambda.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("lambda:CreateFunction"), any("lambda:AddPermission")],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-cloudformation",
        title: "creates a CloudFormation stack that runs with a more privileged role",
        who: Who::Any,
        on: On::PassRole("cloudformation.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("cloudformation:CreateStack")],
        source: "Rhino Security Labs (2019); pathfinding.cloud",
    },
    Path {
        id: "passrole-glue-dev-endpoint",
        title: "creates a Glue development endpoint with a more privileged role",
        who: Who::Any,
        on: On::PassRole("glue.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("glue:CreateDevEndpoint")],
        source: "Rhino Security Labs (2019); pathfinding.cloud",
    },
    Path {
        id: "passrole-glue-job",
        title: "creates and starts a Glue job with a more privileged role",
        who: Who::Any,
        on: On::PassRole("glue.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("glue:CreateJob"), any("glue:StartJobRun")],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-datapipeline",
        title: "creates and activates a Data Pipeline that runs with a more privileged role",
        who: Who::Any,
        on: On::PassRole("datapipeline.amazonaws.com"),
        steps: &[
            t("iam:PassRole"),
            any("datapipeline:CreatePipeline"),
            any("datapipeline:PutPipelineDefinition"),
            any("datapipeline:ActivatePipeline"),
        ],
        source: "Rhino Security Labs (2019); pathfinding.cloud",
    },
    Path {
        id: "passrole-codebuild",
        title: "creates and starts a CodeBuild project with a more privileged role",
        who: Who::Any,
        on: On::PassRole("codebuild.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("codebuild:CreateProject"), any("codebuild:StartBuild")],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-ecs-run-task",
        title: "registers an ECS task definition with a more privileged task role and runs it",
        who: Who::Any,
        on: On::PassRole("ecs-tasks.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("ecs:RegisterTaskDefinition"), any("ecs:RunTask")],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-ecs-service",
        title: "registers an ECS task definition with a more privileged task role and starts a service",
        who: Who::Any,
        on: On::PassRole("ecs-tasks.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("ecs:RegisterTaskDefinition"), any("ecs:CreateService")],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-sagemaker-notebook",
        title: "creates a SageMaker notebook instance with a more privileged role",
        who: Who::Any,
        on: On::PassRole("sagemaker.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("sagemaker:CreateNotebookInstance")],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-sagemaker-training-job",
        title: "creates a SageMaker training job with a more privileged role",
        who: Who::Any,
        on: On::PassRole("sagemaker.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("sagemaker:CreateTrainingJob")],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-sagemaker-processing-job",
        title: "creates a SageMaker processing job with a more privileged role",
        who: Who::Any,
        on: On::PassRole("sagemaker.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("sagemaker:CreateProcessingJob")],
        source: PATHFINDING,
    },
    Path {
        id: "passrole-apprunner",
        title: "creates an App Runner service with a more privileged instance role",
        who: Who::Any,
        on: On::PassRole("tasks.apprunner.amazonaws.com"),
        steps: &[t("iam:PassRole"), any("apprunner:CreateService")],
        source: PATHFINDING,
    },
    Path {
        id: "lambda-update-function-code",
        title: "replaces the code of an existing Lambda function",
        who: Who::Any,
        on: On::Existing("the execution role of an existing Lambda function"),
        steps: &[any("lambda:UpdateFunctionCode")],
        source: "Rhino Security Labs (2019); pathfinding.cloud",
    },
    Path {
        id: "lambda-update-function-configuration",
        title: "adds a layer of its own to an existing Lambda function",
        who: Who::Any,
        on: On::Existing("the execution role of an existing Lambda function"),
        steps: &[any("lambda:UpdateFunctionConfiguration")],
        source: PATHFINDING,
    },
    Path {
        id: "ssm-send-command",
        title: "runs commands on an EC2 instance managed by Systems Manager",
        who: Who::Any,
        on: On::Existing("the role of an EC2 instance managed by Systems Manager"),
        steps: &[any("ssm:SendCommand")],
        source: PATHFINDING,
    },
    Path {
        id: "ssm-start-session",
        title: "opens a shell on an EC2 instance managed by Systems Manager",
        who: Who::Any,
        on: On::Existing("the role of an EC2 instance managed by Systems Manager"),
        steps: &[any("ssm:StartSession")],
        source: PATHFINDING,
    },
    Path {
        id: "ec2-instance-connect",
        title: "pushes an SSH key to an EC2 instance through EC2 Instance Connect",
        who: Who::Any,
        on: On::Existing("the role of an EC2 instance reachable with EC2 Instance Connect"),
        steps: &[any("ec2-instance-connect:SendSSHPublicKey")],
        source: PATHFINDING,
    },
    Path {
        id: "ec2-modify-user-data",
        title: "changes the user data of an EC2 instance and restarts it",
        who: Who::Any,
        on: On::Existing("the role of an existing EC2 instance"),
        steps: &[any("ec2:ModifyInstanceAttribute"), any("ec2:StopInstances"), any("ec2:StartInstances")],
        source: PATHFINDING,
    },
    Path {
        id: "glue-update-dev-endpoint",
        title: "adds its SSH key to an existing Glue development endpoint",
        who: Who::Any,
        on: On::Existing("the role of an existing Glue development endpoint"),
        steps: &[any("glue:UpdateDevEndpoint")],
        source: RHINO,
    },
    Path {
        id: "cloudformation-update-stack",
        title: "updates an existing CloudFormation stack that runs with a service role",
        who: Who::Any,
        on: On::Existing("the service role of an existing CloudFormation stack"),
        steps: &[any("cloudformation:UpdateStack")],
        source: PATHFINDING,
    },
    Path {
        id: "cloudformation-change-set",
        title: "creates and executes a change set of an existing CloudFormation stack",
        who: Who::Any,
        on: On::Existing("the service role of an existing CloudFormation stack"),
        steps: &[any("cloudformation:CreateChangeSet"), any("cloudformation:ExecuteChangeSet")],
        source: PATHFINDING,
    },
    Path {
        id: "codebuild-start-build",
        title: "starts a build of an existing CodeBuild project with a buildspec of its own",
        who: Who::Any,
        on: On::Existing("the service role of an existing CodeBuild project"),
        steps: &[any("codebuild:StartBuild")],
        source: PATHFINDING,
    },
    Path {
        id: "ecs-execute-command",
        title: "opens a shell in a running ECS task",
        who: Who::Any,
        on: On::Existing("the task role of a running ECS task with ECS Exec enabled"),
        steps: &[any("ecs:ExecuteCommand")],
        source: PATHFINDING,
    },
    Path {
        id: "sagemaker-presigned-notebook-url",
        title: "opens an existing SageMaker notebook instance",
        who: Who::Any,
        on: On::Existing("the role of an existing SageMaker notebook instance"),
        steps: &[any("sagemaker:CreatePresignedNotebookInstanceUrl")],
        source: PATHFINDING,
    },
    Path {
        id: "apprunner-update-service",
        title: "changes what an existing App Runner service runs",
        who: Who::Any,
        on: On::Existing("the instance role of an existing App Runner service"),
        steps: &[any("apprunner:UpdateService")],
        source: PATHFINDING,
    },
];

/// How sure a found path is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "conditions", rename_all = "snake_case")]
pub enum Certainty {
    /// Every action is allowed outright.
    Certain,
    /// Allowed when the principal calls under these conditions (MFA, network, region …).
    When(Vec<String>),
    /// Allowed only if something the inventory does not decide holds.
    Undecided(Vec<String>),
}

/// What a path gives the principal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reach {
    /// Any permission: it writes its own policies.
    Admin,
    /// Any permission its permissions boundary allows (the boundary's name).
    WithinBoundary { boundary: String },
    /// The permissions of another version of this policy (versions are not collected).
    PolicyVersion { policy: String },
    /// The permissions of a more privileged user, group or role.
    Principal { arn: String, why: String },
    /// The role of existing resources the inventory does not list.
    Existing { what: String },
}

impl fmt::Display for Reach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reach::Admin => f.write_str("any permission (administrator)"),
            Reach::WithinBoundary { boundary } => {
                write!(f, "any permission its permissions boundary {boundary} allows")
            }
            Reach::PolicyVersion { policy } => write!(f, "whatever another version of {policy} grants"),
            Reach::Principal { arn, why } => write!(f, "{arn} ({why})"),
            Reach::Existing { what } => f.write_str(what),
        }
    }
}

/// One escalation a principal can perform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Escalation {
    /// The user or role ARN.
    pub principal: String,
    /// The path's id in [`PATHS`].
    pub path: String,
    pub title: String,
    /// The resource the path acts on (a policy, user, group or role ARN), when it has one.
    pub target: Option<String>,
    /// The actions, each with the statements that allow it (`policy (statement)`).
    pub actions: Vec<(String, Vec<String>)>,
    pub reaches: Reach,
    pub certainty: Certainty,
    /// What the analysis left out (unread documents, unknown SCPs).
    pub caveats: Vec<String>,
    pub source: String,
}

impl Escalation {
    /// Allowed outright or under request-side conditions.
    pub fn is_decided(&self) -> bool {
        !matches!(self.certainty, Certainty::Undecided(_))
    }

    /// `action (policy (statement), …)` per action, `; `-joined.
    pub fn statements_text(&self) -> String {
        self.actions.iter().map(|(a, s)| format!("{a} by {}", s.join(", "))).collect::<Vec<_>>().join("; ")
    }
}

/// Per principal, what the search found.
pub struct Report<'a> {
    pub subject: Subject<'a>,
    pub admin: AdminLevels,
    pub escalations: Vec<Escalation>,
    /// Paths it may perform that reach nothing (see [`contained`]); only for principals
    /// without a decided escalation.
    pub contained: Vec<&'static str>,
}

/// Every escalation of every user and role (see the module docs), undecided ones included.
pub fn escalations(inv: &Inventory, _settings: &crate::Settings) -> Vec<Escalation> {
    let analysis = Analysis::new(inv);
    search(&analysis).into_iter().flat_map(|r| r.escalations).collect()
}

/// The search, principal by principal (users, then roles that are not service-linked).
pub fn search<'a>(analysis: &'a Analysis<'a>) -> Vec<Report<'a>> {
    let subjects = analysis.subjects();
    let admin: Vec<AdminLevels> = subjects.iter().map(admin_levels).collect();
    let mut privileged: HashMap<String, String> = HashMap::new();
    for (s, a) in subjects.iter().zip(&admin) {
        if let Some(why) = admin_why(a) {
            privileged.insert(s.arn.to_owned(), why);
        }
    }
    let search = Search::new(analysis);
    // Own paths first: they make principals privileged for the lateral ones.
    let own: Vec<Vec<Escalation>> = subjects
        .par_iter()
        .zip(&admin)
        .map(|(s, a)| if is_full_admin(a) { Vec::new() } else { search.own_paths(s, true) })
        .collect();
    for (s, found) in subjects.iter().zip(&own) {
        if let Some(e) = found.iter().find(|e| e.is_decided() && !matches!(e.reaches, Reach::Existing { .. })) {
            privileged.entry(s.arn.to_owned()).or_insert_with(|| format!("can escalate: {}", e.path));
        }
    }
    // Lateral paths until no principal becomes privileged any more. Each round tries only the
    // principals that became privileged in the round before: the paths to the others were
    // tried already, and a principal, once privileged, stays so for the same reason.
    let mut lateral: Vec<Vec<Escalation>> = vec![Vec::new(); subjects.len()];
    let mut frontier: Vec<(String, String)> =
        subjects.iter().filter_map(|s| Some((s.arn.to_owned(), privileged.get(s.arn)?.clone()))).collect();
    while !frontier.is_empty() {
        let found: Vec<Vec<Escalation>> = subjects
            .par_iter()
            .zip(&admin)
            .map(|(s, a)| if is_full_admin(a) { Vec::new() } else { search.lateral_paths(s, &frontier) })
            .collect();
        let mut next = Vec::new();
        for ((s, found), lateral) in subjects.iter().zip(found).zip(&mut lateral) {
            if let Some(e) = found.iter().find(|e| e.is_decided()) {
                if !privileged.contains_key(s.arn) {
                    let why = format!("can escalate: {}", e.path);
                    privileged.insert(s.arn.to_owned(), why.clone());
                    next.push((s.arn.to_owned(), why));
                }
            }
            lateral.extend(found);
        }
        frontier = next;
    }
    let order = |e: &Escalation| PATHS.iter().position(|p| p.id == e.path).unwrap_or(usize::MAX);
    subjects
        .into_par_iter()
        .zip(admin)
        .zip(own.into_par_iter().zip(lateral))
        .map(|((subject, admin), (own, lateral))| {
            let mut escalations: Vec<Escalation> = own.into_iter().chain(lateral).collect();
            escalations.sort_by_key(|e| (order(e), e.target.clone()));
            let contained = if is_full_admin(&admin) || escalations.iter().any(Escalation::is_decided) {
                Vec::new()
            } else {
                contained(&subject, &escalations)
            };
            Report { subject, admin, escalations, contained }
        })
        .collect()
}

fn is_full_admin(a: &AdminLevels) -> bool {
    matches!(a.full, Verdict::Allowed | Verdict::When(_))
}

fn admin_why(a: &AdminLevels) -> Option<String> {
    match (&a.full, &a.iam) {
        (Verdict::Allowed | Verdict::When(_), _) => Some("full administrator".into()),
        (_, Verdict::Allowed | Verdict::When(_)) => Some("IAM administrator".into()),
        _ => None,
    }
}

/// Roles that trust a service principal, by ARN: (role, a doubt when the trust was not read).
type Trusting<'a> = HashMap<&'a str, (&'a Role, Option<String>)>;

/// Indexes shared by every principal's search.
struct Search<'a> {
    analysis: &'a Analysis<'a>,
    users: HashMap<&'a str, &'a User>,
    /// Roles that are not service-linked.
    roles: HashMap<&'a str, &'a Role>,
    /// For each service a path passes roles to.
    trusting: HashMap<&'static str, Trusting<'a>>,
}

/// A path's target.
#[derive(Clone)]
struct Goal<'a> {
    arn: String,
    /// Tags of the target, when it is a user or role of the inventory.
    tags: Option<&'a wasp_model::Tags>,
    /// A role whose trust policy `sts:AssumeRole` steps consult.
    role: Option<&'a Role>,
    reaches: Reach,
    /// Reasons the target itself is in doubt (e.g. its trust policy was not read).
    doubts: Vec<String>,
}

impl<'a> Search<'a> {
    fn new(analysis: &'a Analysis<'a>) -> Self {
        let iam = &analysis.inv.iam;
        Search {
            analysis,
            users: iam.users.iter().map(|u| (u.arn.as_str(), u)).collect(),
            roles: iam.roles.iter().filter(|r| !r.is_service_linked()).map(|r| (r.arn.as_str(), r)).collect(),
            trusting: PATHS
                .iter()
                .filter_map(|p| match p.on {
                    On::PassRole(service) => Some(service),
                    _ => None,
                })
                .collect::<BTreeSet<_>>()
                .into_iter()
                .map(|service| (service, trusting(analysis, service)))
                .collect(),
        }
    }

    /// Paths that do not depend on which other principals are privileged: on the principal
    /// itself, its groups, its policies, roles it can assume, groups it can join (when
    /// `join_groups`), and existing resources.
    fn own_paths(&self, s: &Subject<'a>, join_groups: bool) -> Vec<Escalation> {
        let inv = self.analysis.inv;
        let mut out = Vec::new();
        for path in PATHS.iter().filter(|p| applies(p, s)) {
            // A path whose actions are allowed nowhere needs no targets.
            if !possible(s, path) {
                continue;
            }
            let goals: Vec<Goal<'a>> = match path.on {
                On::OwnPolicies => s
                    .managed
                    .iter()
                    .map(|arn| Goal {
                        arn: (*arn).to_owned(),
                        tags: None,
                        role: None,
                        reaches: if path.id == "iam-set-default-policy-version" {
                            Reach::PolicyVersion { policy: (*arn).to_owned() }
                        } else {
                            Reach::Admin
                        },
                        doubts: Vec::new(),
                    })
                    .collect(),
                On::Itself => vec![Goal {
                    arn: s.arn.to_owned(),
                    tags: s.user.map(|u| &u.tags).or(s.role.map(|r| &r.tags)),
                    role: None,
                    reaches: Reach::Admin,
                    doubts: Vec::new(),
                }],
                On::OwnGroups => s
                    .groups
                    .iter()
                    .map(|g| Goal {
                        arn: g.arn.clone(),
                        tags: None,
                        role: None,
                        reaches: Reach::Admin,
                        doubts: Vec::new(),
                    })
                    .collect(),
                On::Existing(what) => vec![Goal {
                    arn: String::new(),
                    tags: None,
                    role: None,
                    reaches: Reach::Existing { what: what.to_owned() },
                    doubts: Vec::new(),
                }],
                On::AssumableRoles => inv
                    .iam
                    .roles
                    .iter()
                    .filter(|r| r.arn != s.arn && !r.is_service_linked())
                    .map(|r| Goal {
                        arn: r.arn.clone(),
                        tags: Some(&r.tags),
                        role: Some(r),
                        reaches: Reach::Admin,
                        doubts: Vec::new(),
                    })
                    .collect(),
                On::OtherGroups if join_groups => {
                    let Some(user) = s.user else { continue };
                    self.privileged_groups(s, user, path)
                }
                _ => continue,
            };
            out.extend(self.try_goals(s, path, goals));
        }
        out
    }

    /// Paths through more privileged principals (`targets`: their ARNs and why they are more
    /// privileged): their credentials, their trust policies, or passing them to a service.
    fn lateral_paths(&self, s: &Subject<'a>, targets: &[(String, String)]) -> Vec<Escalation> {
        let mut out = Vec::new();
        for path in PATHS.iter().filter(|p| applies(p, s)) {
            if !possible(s, path) {
                continue;
            }
            let reach = |arn: &str, why: &str| Reach::Principal { arn: arn.to_owned(), why: why.to_owned() };
            let goals: Vec<Goal<'a>> = match path.on {
                On::OtherUsers(cred) => targets
                    .iter()
                    .filter(|(arn, _)| arn != s.arn)
                    .filter_map(|(arn, why)| {
                        let u = *self.users.get(arn.as_str())?;
                        credential_fits(u, cred).then(|| Goal {
                            arn: arn.clone(),
                            tags: Some(&u.tags),
                            role: None,
                            reaches: reach(arn, why),
                            doubts: Vec::new(),
                        })
                    })
                    .collect(),
                On::OtherRoles => targets
                    .iter()
                    .filter(|(arn, _)| arn != s.arn)
                    .filter_map(|(arn, why)| {
                        let r = *self.roles.get(arn.as_str())?;
                        Some(Goal {
                            arn: arn.clone(),
                            tags: Some(&r.tags),
                            role: None,
                            reaches: reach(arn, why),
                            doubts: Vec::new(),
                        })
                    })
                    .collect(),
                On::PassRole(service) => {
                    let Some(trusting) = self.trusting.get(service) else { continue };
                    targets
                        .iter()
                        .filter_map(|(arn, why)| {
                            let (r, doubt) = trusting.get(arn.as_str())?;
                            Some(Goal {
                                arn: arn.clone(),
                                tags: Some(&r.tags),
                                role: None,
                                reaches: reach(arn, why),
                                doubts: doubt.iter().cloned().collect(),
                            })
                        })
                        .collect()
                }
                _ => continue,
            };
            out.extend(self.try_goals(s, path, goals));
        }
        out
    }

    /// Groups the user is not in, that it may join, and that would make it more privileged.
    fn privileged_groups(&self, s: &Subject<'a>, user: &'a User, path: &Path) -> Vec<Goal<'a>> {
        let mut goals = Vec::new();
        for group in &self.analysis.inv.iam.groups {
            if user.groups.contains(&group.name) {
                continue;
            }
            let goal =
                Goal { arn: group.arn.clone(), tags: None, role: None, reaches: Reach::Admin, doubts: Vec::new() };
            // Cheap first: may it join at all?
            if self.try_goals(s, path, vec![goal]).is_empty() {
                continue;
            }
            let member = self.analysis.as_member_of(user, group);
            let why = match admin_why(&admin_levels(&member)) {
                Some(why) => Some(why),
                None => {
                    let own = self.own_paths(&member, false);
                    own.iter()
                        .find(|e| e.is_decided() && !matches!(e.reaches, Reach::Existing { .. }))
                        .map(|e| format!("its members can escalate: {}", e.path))
                }
            };
            if let Some(why) = why {
                goals.push(Goal {
                    arn: group.arn.clone(),
                    tags: None,
                    role: None,
                    reaches: Reach::Principal { arn: group.arn.clone(), why },
                    doubts: Vec::new(),
                });
            }
        }
        goals
    }

    /// Tries a path on each goal; one escalation per goal where every step may be allowed.
    fn try_goals(&self, s: &Subject<'a>, path: &Path, goals: Vec<Goal<'a>>) -> Vec<Escalation> {
        let mut out = Vec::new();
        if goals.is_empty() || !possible(s, path) {
            return out;
        }
        let partition = &self.analysis.inv.partition;
        // Without resource-tag conditions every goal has the same context: one evaluator.
        let keys = tag_keys(s);
        let shared_ctx = keys.is_empty().then(|| context_for(path, None, &keys, partition));
        let shared = shared_ctx.as_ref().map(|ctx| s.evaluator(ctx));
        let caveats: Vec<String> = s.caveats.iter().map(Caveat::to_string).collect();
        for goal in goals {
            let own_ctx;
            let ctx = match &shared_ctx {
                Some(ctx) => ctx,
                None => {
                    own_ctx = context_for(path, goal.tags, &keys, partition);
                    &own_ctx
                }
            };
            let mut actions = Vec::new();
            let mut when: Vec<Unknown> = Vec::new();
            let mut undecided: Vec<Unknown> = Vec::new();
            let mut blocked = false;
            for step in path.steps {
                let target = if step.on_target && !goal.arn.is_empty() { Target::arn(&goal.arn) } else { Target::Any };
                let ev = match (step.action.starts_with("sts:AssumeRole"), goal.role) {
                    (true, Some(role)) => match self.analysis.trust(&role.arn).and_then(super::Doc::policy) {
                        Some(trust) => {
                            let set = s.set.clone().trust_policy("trust policy", trust);
                            wasp_iam::Evaluator::new(&set, &s.principal, ctx).evaluate(step.action, &target)
                        }
                        None => {
                            blocked = true;
                            break;
                        }
                    },
                    _ => match &shared {
                        Some(ev) => ev.evaluate(step.action, &target),
                        None => s.evaluator(ctx).evaluate(step.action, &target),
                    },
                };
                match verdict(&ev.decision) {
                    Verdict::Denied => {
                        blocked = true;
                        break;
                    }
                    Verdict::Allowed => {}
                    Verdict::When(u) => when.extend(u),
                    Verdict::Undecided(u) => undecided.extend(u),
                }
                actions.push((step.action.to_owned(), allowing_statements(&ev)));
            }
            if blocked {
                continue;
            }
            let text = |v: Vec<Unknown>| {
                let set: BTreeSet<String> = v.iter().map(unknown_text).collect();
                set.into_iter().collect::<Vec<_>>()
            };
            let mut doubts = goal.doubts.clone();
            let certainty = if !undecided.is_empty() || !doubts.is_empty() {
                undecided.extend(when);
                let mut all = text(undecided);
                all.append(&mut doubts);
                Certainty::Undecided(all)
            } else if !when.is_empty() {
                Certainty::When(text(when))
            } else {
                Certainty::Certain
            };
            // Writing its own policies gains at most what its boundary allows.
            let reaches = match (&goal.reaches, &s.set.boundary) {
                (Reach::Admin, Some(b)) => {
                    Reach::WithinBoundary { boundary: b.name.strip_prefix("boundary:").unwrap_or(&b.name).to_owned() }
                }
                (r, _) => r.clone(),
            };
            out.push(Escalation {
                principal: s.arn.to_owned(),
                path: path.id.to_owned(),
                title: path.title.to_owned(),
                target: Some(goal.arn.clone()).filter(|a| !a.is_empty()),
                actions,
                reaches,
                certainty,
                caveats: caveats.clone(),
                source: path.source.to_owned(),
            });
        }
        out
    }
}

/// Whether every identity step of the path is allowed on some resource: when one is not, no
/// target can make it so, and the goals need not be tried one by one.
fn possible(s: &Subject<'_>, path: &Path) -> bool {
    let mut ctx = Context::unknown_by_default();
    if let On::PassRole(service) = path.on {
        ctx = ctx.set("iam:PassedToService", service);
    }
    let ev = s.evaluator(&ctx);
    path.steps
        .iter()
        .filter(|st| !st.action.starts_with("sts:AssumeRole"))
        .all(|st| ev.evaluate(st.action, &Target::Any).decision.may_be_allowed())
}

/// Paths whose actions the principal may perform but that reach nothing: no target of the
/// inventory is more privileged (roles it may pass, users, groups), or it holds no
/// customer-managed policy to rewrite.
fn contained(s: &Subject<'_>, escalations: &[Escalation]) -> Vec<&'static str> {
    PATHS
        .iter()
        .filter(|p| !matches!(p.on, On::Itself | On::Existing(_)) && applies(p, s))
        .filter(|p| !escalations.iter().any(|e| e.path == p.id))
        .filter(|p| possible(s, p))
        .map(|p| p.id)
        .collect()
}

/// Roles of the inventory that trust a service principal, by ARN, with a doubt when the trust
/// policy was not read.
fn trusting<'a>(analysis: &'a Analysis<'a>, service: &'static str) -> Trusting<'a> {
    let principal = Principal::service(service);
    let mut found = HashMap::new();
    for role in analysis.inv.iam.roles.iter().filter(|r| !r.is_service_linked()) {
        match analysis.trust(&role.arn).and_then(super::Doc::policy) {
            Some(trust) => {
                let set = PolicySet::new().trust_policy("trust policy", trust);
                let ev = wasp_iam::Evaluator::new(&set, &principal, &Context::unknown_by_default())
                    .evaluate("sts:AssumeRole", &Target::arn(&role.arn));
                if ev.decision.may_be_allowed() {
                    found.insert(role.arn.as_str(), (role, None));
                }
            }
            None => {
                let doubt = format!("{} may trust {service}: its trust policy was not read", role.arn);
                found.insert(role.arn.as_str(), (role, Some(doubt)));
            }
        }
    }
    found
}

fn applies(path: &Path, s: &Subject<'_>) -> bool {
    match path.who {
        Who::Any => true,
        Who::Users => s.kind == SubjectKind::User,
        Who::Roles => s.kind == SubjectKind::Role,
    }
}

/// Whether a user can be taken over with this credential, as far as the inventory knows.
fn credential_fits(user: &User, cred: Credential) -> bool {
    let keys = user.access_keys.as_ref().map(Vec::len);
    match cred {
        Credential::AccessKey => keys.is_none_or(|n| n < 2),
        Credential::ReplacedAccessKey => keys.is_none_or(|n| n >= 2),
        Credential::NewPassword => user.console_access != Some(true),
        Credential::ChangedPassword => user.console_access != Some(false),
    }
}

/// The context of a path's requests: what the path itself pins down (the service a role is
/// passed to, the policy attached, the target's tags); everything else unknown.
fn context_for(path: &Path, tags: Option<&wasp_model::Tags>, keys: &BTreeSet<String>, partition: &str) -> Context {
    let mut ctx = Context::unknown_by_default();
    if let On::PassRole(service) = path.on {
        ctx = ctx.set("iam:PassedToService", service);
    }
    if path.steps.iter().any(|st| st.action.starts_with("iam:Attach")) {
        ctx = ctx.set("iam:PolicyARN", &format!("arn:{partition}:iam::aws:policy/AdministratorAccess"));
    }
    if let Some(tags) = tags {
        for key in keys {
            let Some(tag) = key.strip_prefix("aws:resourcetag/").or_else(|| key.strip_prefix("iam:resourcetag/"))
            else {
                continue;
            };
            match tags.iter().find(|(k, _)| k.eq_ignore_ascii_case(tag)) {
                Some((_, v)) => ctx = ctx.set(key, v),
                None => ctx = ctx.absent(key),
            }
        }
    }
    ctx
}

/// Resource-tag condition keys the subject's policies use, lowercased.
fn tag_keys(s: &Subject<'_>) -> BTreeSet<String> {
    let set = &s.set;
    let policies = set.identity.iter().chain(set.boundary.iter()).chain(set.scps.iter().flatten()).map(|np| np.policy);
    let mut keys = BTreeSet::new();
    for p in policies {
        for st in &p.statements {
            for c in &st.conditions {
                let k = c.key_lower();
                if k.starts_with("aws:resourcetag/") || k.starts_with("iam:resourcetag/") {
                    keys.insert(k.to_owned());
                }
            }
        }
    }
    keys
}

/// A principal's findings in one line each: `path → reach` with actions and statements.
pub fn describe(e: &Escalation) -> String {
    let target = e.target.as_deref().map(|t| format!(" on {t}")).unwrap_or_default();
    let when = match &e.certainty {
        Certainty::When(c) => format!(", when {}", c.join(" and ")),
        Certainty::Undecided(c) => format!(", only if {}", c.join(" and ")),
        Certainty::Certain => String::new(),
    };
    format!("[{}] {}{target}, reaching {} ({}{when})", e.path, e.title, e.reaches, e.statements_text())
}

/// Graphviz DOT of escalations: principals as nodes, an edge per escalation to what it
/// reaches, labelled with the path id (dashed when undecided).
pub fn escalations_dot(escalations: &[Escalation]) -> String {
    let mut nodes: Vec<(String, String, &str)> = Vec::new();
    let mut add = |id: String, label: String, shape: &'static str| {
        if !nodes.iter().any(|(i, _, _)| *i == id) {
            nodes.push((id, label, shape));
        }
    };
    let mut edges = Vec::new();
    for e in escalations {
        add(e.principal.clone(), short(&e.principal), "box");
        let to = match &e.reaches {
            Reach::Admin => {
                add("admin".into(), "any permission (administrator)".into(), "doubleoctagon");
                "admin".to_owned()
            }
            Reach::WithinBoundary { boundary } => {
                let id = format!("boundary:{boundary}");
                add(id.clone(), format!("what boundary {} allows", short(boundary)), "octagon");
                id
            }
            Reach::PolicyVersion { policy } => {
                let id = format!("version:{policy}");
                add(id.clone(), format!("another version of {}", short(policy)), "note");
                id
            }
            Reach::Principal { arn, why } => {
                add(arn.clone(), format!("{}\n{why}", short(arn)), "box");
                arn.clone()
            }
            Reach::Existing { what } => {
                let id = format!("existing:{what}");
                add(id.clone(), what.clone(), "ellipse");
                id
            }
        };
        let style = if e.is_decided() { "solid" } else { "dashed" };
        edges.push((e.principal.clone(), to, e.path.clone(), style));
    }
    edges.sort();
    edges.dedup();
    let mut out = String::from("digraph escalations {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
    for (id, label, shape) in &nodes {
        out.push_str(&format!("  {} [label={}, shape={shape}];\n", dot_string(id), dot_string(label)));
    }
    for (from, to, label, style) in &edges {
        out.push_str(&format!(
            "  {} -> {} [label={}, style={style}];\n",
            dot_string(from),
            dot_string(to),
            dot_string(label)
        ));
    }
    out.push_str("}\n");
    out
}

/// `user/alice` from an IAM ARN; the text itself otherwise.
fn short(arn: &str) -> String {
    arn.splitn(6, ':').nth(5).filter(|_| arn.starts_with("arn:")).unwrap_or(arn).to_owned()
}

/// A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`, other
/// control characters dropped.
fn dot_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The escalation check's summary of one principal's search (used by the check and tests).
pub fn principal_summary(report: &Report<'_>) -> (crate::Status, String) {
    use crate::Status;
    let s = &report.subject;
    if is_full_admin(&report.admin) {
        return (
            Status::Pass,
            "already a full administrator, so there is nothing to escalate to (see iam_principal_effective_admin)"
                .into(),
        );
    }
    let decided: Vec<&Escalation> = report.escalations.iter().filter(|e| e.is_decided()).collect();
    let unread = s.caveats.iter().filter(|c| c.part == super::Part::Identity).cloned().collect::<Vec<_>>();
    if !decided.is_empty() {
        let shown: Vec<String> = decided.iter().take(3).map(|e| describe(e)).collect();
        let more = if decided.len() > 3 { format!("; and {} more", decided.len() - 3) } else { String::new() };
        let mut msg = format!("can escalate: {}{more}", shown.join("; "));
        // A deny in a document left out could still block it: say so.
        if !s.caveats.is_empty() {
            msg.push_str(&format!(" (not considered: {})", caveats_text(&s.caveats)));
        }
        return (Status::Fail, msg);
    }
    if !unread.is_empty() {
        return (Status::Skip, format!("no escalation path in the policies read, but {}", caveats_text(&unread)));
    }
    let undecided: Vec<String> = report.escalations.iter().map(describe).collect();
    let mut msg = if undecided.is_empty() {
        format!("none of the {} escalation paths is open", PATHS.len())
    } else {
        format!(
            "no escalation path is certain; the inventory does not decide {}",
            undecided.into_iter().take(3).collect::<Vec<_>>().join("; ")
        )
    };
    if !report.contained.is_empty() {
        msg.push_str(&format!(
            "; allowed, but reaching no principal or policy that would give it more: {}",
            report.contained.join(", ")
        ));
    }
    (Status::Pass, msg)
}
