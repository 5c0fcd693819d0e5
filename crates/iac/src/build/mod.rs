//! From a parsed template to the inventory: one module per resource family.
//!
//! Extension point: a new family (ELB, CloudFront, ECR, ECS, EKS …) is a module with a
//! `build(b, r)` for its primary types, an entry in [`identity`] for what `Ref`/`GetAtt`
//! return, and a line in [`Builder::primary`] (or [`Builder::attachment`] for resources that
//! configure another one).
mod cloudtrail;
mod dynamodb;
mod ec2;
mod iam;
mod kms;
mod lambda;
mod logs;
mod messaging;
mod rds;
mod s3;

use crate::cfn::{Ctx, ResourceIds};
use crate::locate::{Locator, Pos};
use crate::{Format, Options, Unit, Unjudged};
use serde_json::{Map, Value as Json};
use std::collections::{BTreeMap, BTreeSet};
use wasp_model::{Gap, GapKind, Inventory, Service, SourceKind, SourceLocation};

/// One resource of the template, as the family builders see it.
pub struct Res<'a> {
    pub logical: &'a str,
    pub ty: &'a str,
    pub props: &'a Json,
    pub location: SourceLocation,
    pub arn: String,
    /// What `Ref` returns.
    pub reference: String,
    /// The name: given by the template, or made up from the logical id.
    pub name: String,
    pub service: Service,
}

pub struct Builder<'t> {
    pub ctx: Ctx,
    pub inv: Inventory,
    pub synthetic: BTreeSet<String>,
    pub unjudged: Vec<Unjudged>,
    pub unsupported: BTreeMap<String, usize>,
    pub key_positions: BTreeMap<(String, String), Pos>,
    /// Properties of launch templates, by logical id, for the instances that use them.
    pub launch_templates: BTreeMap<String, Json>,
    /// Policies that name their principals: (0 user, 1 role, 2 group; name; policy).
    pub pending: Vec<(u8, String, iam::PendingPolicy)>,
    locator: Locator<'t>,
    file: String,
}

/// The services a template inventory holds evidence of.
pub const SERVICES: &[Service] = &[
    Service::S3,
    Service::Ec2,
    Service::Iam,
    Service::Kms,
    Service::CloudTrail,
    Service::Rds,
    Service::DynamoDb,
    Service::Sns,
    Service::Sqs,
    Service::Logs,
    Service::Lambda,
    Service::Organizations,
];

/// Builds the inventory of one CloudFormation template.
pub fn cloudformation(file: &str, text: &str, format: Format, doc: &Json, opts: &Options) -> Unit {
    let stack = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stack".to_owned());
    let mut ctx = Ctx::new(doc, &opts.parameters, &opts.region, &opts.account_id, &stack);
    let empty = Map::new();
    let resources = doc.get("Resources").and_then(Json::as_object).unwrap_or(&empty);
    let globals = doc.pointer("/Globals/Function").and_then(Json::as_object);

    // SAM's Globals apply to every function that does not set the property itself.
    let mut props_of: BTreeMap<&str, Json> = BTreeMap::new();
    for (id, r) in resources {
        let ty = r.get("Type").and_then(Json::as_str).unwrap_or("");
        let mut props = r.get("Properties").cloned().unwrap_or_else(|| Json::Object(Map::new()));
        if let (Some(globals), "AWS::Serverless::Function", Json::Object(own)) = (globals, ty, &mut props) {
            for (k, v) in globals {
                own.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        props_of.insert(id.as_str(), props);
    }

    // Names first (they may use parameters), so that Ref and GetAtt resolve everywhere.
    let mut names = BTreeMap::new();
    for (id, r) in resources {
        let ty = r.get("Type").and_then(Json::as_str).unwrap_or("");
        let given = name_property(ty)
            .and_then(|p| ctx.get(&props_of[id.as_str()], &[p]).ok().flatten())
            .and_then(|v| v.as_str().map(str::to_owned));
        let (ids, synthetic) = identity(ty, id, given.as_deref(), &opts.region, &opts.account_id);
        names.insert(id.clone(), (given.unwrap_or_else(|| default_name(ty, id)), synthetic));
        ctx.resources.insert(id.clone(), ids);
    }

    let mut inv = Inventory::new(opts.account_id.clone(), chrono::Utc::now());
    inv.source = SourceKind::Iac;
    inv.regions = vec![opts.region.clone()];
    inv.collected_services = SERVICES.to_vec();
    // Judged on its own: the account-level block the template cannot see is taken as absent.
    inv.s3.account_public_access_block = Some(wasp_model::Setting::NotConfigured);
    inv.organizations.organization = Some(wasp_model::Setting::NotConfigured);
    let mut b = Builder {
        ctx,
        inv,
        synthetic: BTreeSet::new(),
        unjudged: Vec::new(),
        unsupported: BTreeMap::new(),
        key_positions: BTreeMap::new(),
        launch_templates: props_of
            .iter()
            .filter(|(id, _)| {
                resources.get(**id).and_then(|r| r.get("Type")).and_then(Json::as_str)
                    == Some("AWS::EC2::LaunchTemplate")
            })
            .map(|(id, p)| ((*id).to_owned(), p.clone()))
            .collect(),
        pending: Vec::new(),
        locator: Locator::new(text),
        file: file.to_owned(),
    };

    let mut ready = Vec::new();
    for (id, r) in resources {
        let ty = r.get("Type").and_then(Json::as_str).unwrap_or("");
        if let Some(cond) = r.get("Condition").and_then(Json::as_str) {
            // A resource whose condition is false is not created; an unknown one may be.
            if b.ctx.condition(cond) == Ok(false) {
                continue;
            }
        }
        let (pos, end) = b.locator.resource(id).map(|(p, e)| (Some(p), e)).unwrap_or((None, 0));
        if let (Some(pos), Json::Object(props)) = (pos, &props_of[id.as_str()]) {
            for key in props.keys() {
                if let Some(kp) = b.locator.key_in(pos.line, end, key) {
                    b.key_positions.insert((id.clone(), key.clone()), kp);
                }
            }
        }
        let ids = &b.ctx.resources[id];
        let (name, synthetic) = names[id].clone();
        if synthetic && !ids.arn.is_empty() {
            b.synthetic.insert(ids.arn.clone());
        }
        ready.push((id.as_str(), ty, pos, ids.arn.clone(), ids.reference.clone(), name));
    }
    let total = ready.len();
    // Primary resources first, then those that configure them (policies, rules, permissions).
    for pass in 0..2 {
        for (id, ty, pos, arn, reference, name) in &ready {
            let r = Res {
                logical: id,
                ty,
                props: &props_of[id],
                location: SourceLocation {
                    file: b.file.clone(),
                    line: pos.map(|p| p.line),
                    column: pos.map(|p| p.column),
                    logical_id: (*id).to_owned(),
                },
                arn: arn.clone(),
                reference: reference.clone(),
                name: name.clone(),
                service: service_of(ty),
            };
            let handled = if pass == 0 { b.primary(&r) } else { b.attachment(&r) };
            if pass == 1 && !handled && !b.is_primary(ty) {
                *b.unsupported.entry((*ty).to_owned()).or_default() += 1;
            }
        }
    }
    b.finish_iam();
    let mut ignores = crate::ignore::scan(b.locator.lines());
    for ignore in &mut ignores {
        ignore.logical_id = owner_of_line(&b.locator, resources.keys().map(String::as_str), ignore.line);
    }
    Unit {
        path: file.into(),
        format,
        inventory: b.inv,
        synthetic_arns: b.synthetic,
        unjudged: b.unjudged,
        ignores,
        unsupported: b.unsupported,
        resources: total,
        key_positions: b.key_positions,
    }
}

/// The resource a line belongs to: inside its block, or in the comment lines just above it.
fn owner_of_line<'a>(loc: &Locator<'_>, ids: impl Iterator<Item = &'a str>, line: u32) -> Option<String> {
    let mut best: Option<(u32, String)> = None;
    for id in ids {
        let Some((pos, end)) = loc.resource(id) else { continue };
        let inside = line >= pos.line && (line as usize) <= end;
        let above = line < pos.line && {
            let between = &loc.lines()[line as usize..(pos.line as usize - 1)];
            between.iter().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        };
        if (inside || above) && best.as_ref().is_none_or(|(start, _)| pos.line > *start || above) {
            best = Some((pos.line, id.to_owned()));
        }
    }
    best.map(|(_, id)| id)
}

impl Builder<'_> {
    fn is_primary(&self, ty: &str) -> bool {
        matches!(
            ty,
            "AWS::S3::Bucket"
                | "AWS::EC2::SecurityGroup"
                | "AWS::EC2::Instance"
                | "AWS::EC2::Volume"
                | "AWS::EC2::LaunchTemplate"
                | "AWS::KMS::Key"
                | "AWS::CloudTrail::Trail"
                | "AWS::RDS::DBInstance"
                | "AWS::RDS::DBCluster"
                | "AWS::DynamoDB::Table"
                | "AWS::Serverless::SimpleTable"
                | "AWS::SNS::Topic"
                | "AWS::SQS::Queue"
                | "AWS::Logs::LogGroup"
                | "AWS::IAM::User"
                | "AWS::IAM::Role"
                | "AWS::IAM::Group"
                | "AWS::IAM::ManagedPolicy"
                | "AWS::Lambda::Function"
                | "AWS::Serverless::Function"
        )
    }

    /// Builds a resource of a modelled type; `false` for any other type.
    fn primary(&mut self, r: &Res<'_>) -> bool {
        match r.ty {
            "AWS::S3::Bucket" => s3::bucket(self, r),
            "AWS::EC2::SecurityGroup" => ec2::security_group(self, r),
            "AWS::EC2::Instance" => ec2::instance(self, r),
            "AWS::EC2::Volume" => ec2::volume(self, r),
            "AWS::EC2::LaunchTemplate" => {}
            "AWS::KMS::Key" => kms::key(self, r),
            "AWS::CloudTrail::Trail" => cloudtrail::trail(self, r),
            "AWS::RDS::DBInstance" => rds::instance(self, r),
            "AWS::RDS::DBCluster" => rds::cluster(self, r),
            "AWS::DynamoDB::Table" | "AWS::Serverless::SimpleTable" => dynamodb::table(self, r),
            "AWS::SNS::Topic" => messaging::topic(self, r),
            "AWS::SQS::Queue" => messaging::queue(self, r),
            "AWS::Logs::LogGroup" => logs::log_group(self, r),
            "AWS::IAM::User" => iam::user(self, r),
            "AWS::IAM::Role" => iam::role(self, r),
            "AWS::IAM::Group" => iam::group(self, r),
            "AWS::IAM::ManagedPolicy" => iam::managed_policy(self, r),
            "AWS::Lambda::Function" | "AWS::Serverless::Function" => lambda::function(self, r),
            _ => return false,
        }
        true
    }

    /// Joins a resource that configures another one to it; `false` for any other type.
    fn attachment(&mut self, r: &Res<'_>) -> bool {
        match r.ty {
            "AWS::S3::BucketPolicy" => s3::bucket_policy(self, r),
            "AWS::EC2::SecurityGroupIngress" => ec2::rule_resource(self, r, true),
            "AWS::EC2::SecurityGroupEgress" => ec2::rule_resource(self, r, false),
            "AWS::IAM::Policy" => iam::inline_policy(self, r),
            "AWS::IAM::UserToGroupAddition" => iam::user_to_group(self, r),
            "AWS::IAM::AccessKey" => iam::access_key(self, r),
            "AWS::Lambda::Permission" => lambda::permission(self, r),
            "AWS::Lambda::Url" => lambda::url(self, r),
            "AWS::SNS::TopicPolicy" => messaging::topic_policy(self, r),
            "AWS::SQS::QueuePolicy" => messaging::queue_policy(self, r),
            _ => return false,
        }
        true
    }

    /// The value at `path` in the resource's properties: `Ok(None)` when absent, `Err(())`
    /// when unknown (a gap naming the expression is recorded).
    pub fn read(&mut self, r: &Res<'_>, path: &[&str]) -> Result<Option<Json>, ()> {
        match self.ctx.get(r.props, path) {
            Ok(v) => Ok(v),
            Err(why) => {
                self.unresolved(r, path, &why);
                Err(())
            }
        }
    }

    /// Records that a value of the resource cannot be resolved.
    pub fn unresolved(&mut self, r: &Res<'_>, path: &[&str], why: &str) {
        self.inv.gaps.push(Gap {
            service: r.service,
            region: self.ctx.region.clone(),
            operation: "template".to_owned(),
            kind: GapKind::Unresolved,
            reason: format!("{}.{}: {why}", r.logical, path.join(".")),
            resource: Some(r.arn.clone()),
        });
    }

    /// A boolean property (CloudFormation accepts `"true"`), its default when absent, `None`
    /// when unknown.
    pub fn flag(&mut self, r: &Res<'_>, path: &[&str], default: bool) -> Option<bool> {
        match self.read(r, path) {
            Ok(None) => Some(default),
            Ok(Some(v)) => match as_bool(&v) {
                Some(b) => Some(b),
                None => {
                    self.unresolved(r, path, &format!("{} is not a boolean", crate::cfn::show(&v)));
                    None
                }
            },
            Err(()) => None,
        }
    }

    /// A string property: `Ok(None)` when absent.
    pub fn text(&mut self, r: &Res<'_>, path: &[&str]) -> Result<Option<String>, ()> {
        Ok(self.read(r, path)?.and_then(|v| as_text(&v)))
    }

    /// An integer property: `Ok(None)` when absent.
    pub fn int(&mut self, r: &Res<'_>, path: &[&str]) -> Result<Option<i64>, ()> {
        match self.read(r, path)? {
            None => Ok(None),
            Some(v) => match as_text(&v).and_then(|t| t.parse::<i64>().ok()) {
                Some(n) => Ok(Some(n)),
                None => {
                    self.unresolved(r, path, &format!("{} is not a number", crate::cfn::show(&v)));
                    Err(())
                }
            },
        }
    }

    /// The ARN of the template resource whose `Ref` (or ARN) is `value`, if any.
    pub fn resource_by_ref(&self, value: &str, ty: &[&str]) -> Option<(String, ResourceIds)> {
        self.ctx
            .resources
            .iter()
            .find(|(_, ids)| ty.contains(&ids.ty.as_str()) && (ids.reference == value || ids.arn == value))
            .map(|(id, ids)| (id.clone(), ids.clone()))
    }

    pub fn unjudged(&mut self, r: &Res<'_>, resource_kind: &'static str, reason: String) {
        self.unjudged.push(Unjudged { resource_kind, location: r.location.clone(), reason });
    }
}

pub fn as_bool(v: &Json) -> Option<bool> {
    match v {
        Json::Bool(b) => Some(*b),
        Json::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Json::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

pub fn as_text(v: &Json) -> Option<String> {
    match v {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        Json::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list of strings (a single string is a list of one).
pub fn as_texts(v: &Json) -> Vec<String> {
    match v {
        Json::Array(items) => items.iter().filter_map(as_text).collect(),
        other => as_text(other).into_iter().collect(),
    }
}

fn service_of(ty: &str) -> Service {
    match ty.split("::").nth(1).unwrap_or("") {
        "S3" => Service::S3,
        "EC2" => Service::Ec2,
        "IAM" => Service::Iam,
        "KMS" => Service::Kms,
        "CloudTrail" => Service::CloudTrail,
        "RDS" => Service::Rds,
        "DynamoDB" => Service::DynamoDb,
        "SNS" => Service::Sns,
        "SQS" => Service::Sqs,
        "Logs" => Service::Logs,
        "Serverless" if ty.ends_with("SimpleTable") => Service::DynamoDb,
        _ => Service::Lambda,
    }
}

/// The property that names a resource, when the type has one.
fn name_property(ty: &str) -> Option<&'static str> {
    Some(match ty {
        "AWS::S3::Bucket" => "BucketName",
        "AWS::EC2::SecurityGroup" => "GroupName",
        "AWS::IAM::Role" => "RoleName",
        "AWS::IAM::User" => "UserName",
        "AWS::IAM::Group" => "GroupName",
        "AWS::IAM::ManagedPolicy" => "ManagedPolicyName",
        "AWS::CloudTrail::Trail" => "TrailName",
        "AWS::RDS::DBInstance" => "DBInstanceIdentifier",
        "AWS::RDS::DBCluster" => "DBClusterIdentifier",
        "AWS::DynamoDB::Table" | "AWS::Serverless::SimpleTable" => "TableName",
        "AWS::SNS::Topic" => "TopicName",
        "AWS::SQS::Queue" => "QueueName",
        "AWS::Logs::LogGroup" => "LogGroupName",
        "AWS::Lambda::Function" | "AWS::Serverless::Function" => "FunctionName",
        _ => return None,
    })
}

/// The name CloudFormation would generate stands in as the logical id (lower case where the
/// service wants it).
fn default_name(ty: &str, logical: &str) -> String {
    match ty {
        "AWS::S3::Bucket" | "AWS::RDS::DBInstance" | "AWS::RDS::DBCluster" => logical.to_ascii_lowercase(),
        _ => logical.to_owned(),
    }
}

/// What `Ref` and the `Arn` attribute of a resource are, and whether its ARN is synthetic
/// (made up from the logical id because the template does not fix the name, or because the
/// ARN holds an id only AWS assigns).
fn identity(ty: &str, logical: &str, given: Option<&str>, region: &str, account: &str) -> (ResourceIds, bool) {
    let name = given.map(str::to_owned).unwrap_or_else(|| default_name(ty, logical));
    let mut synthetic = given.is_none();
    let s = |v: &str| Json::String(v.to_owned());
    let mut attrs = BTreeMap::new();
    let (reference, arn) = match ty {
        "AWS::S3::Bucket" => {
            let arn = format!("arn:aws:s3:::{name}");
            attrs.insert("DomainName".into(), s(&format!("{name}.s3.amazonaws.com")));
            attrs.insert("RegionalDomainName".into(), s(&format!("{name}.s3.{region}.amazonaws.com")));
            (name.clone(), arn)
        }
        "AWS::EC2::SecurityGroup" => {
            synthetic = true;
            let id = format!("sg-{logical}");
            attrs.insert("GroupId".into(), s(&id));
            (id.clone(), format!("arn:aws:ec2:{region}:{account}:security-group/{id}"))
        }
        "AWS::EC2::Instance" => {
            synthetic = true;
            let id = format!("i-{logical}");
            (id.clone(), format!("arn:aws:ec2:{region}:{account}:instance/{id}"))
        }
        "AWS::EC2::Volume" => {
            synthetic = true;
            let id = format!("vol-{logical}");
            (id.clone(), format!("arn:aws:ec2:{region}:{account}:volume/{id}"))
        }
        "AWS::EC2::LaunchTemplate" => {
            synthetic = true;
            let id = format!("lt-{logical}");
            attrs.insert("LaunchTemplateId".into(), s(&id));
            (id.clone(), String::new())
        }
        "AWS::KMS::Key" => {
            synthetic = true;
            let arn = format!("arn:aws:kms:{region}:{account}:key/{logical}");
            attrs.insert("KeyId".into(), s(logical));
            (logical.to_owned(), arn)
        }
        "AWS::CloudTrail::Trail" => (name.clone(), format!("arn:aws:cloudtrail:{region}:{account}:trail/{name}")),
        "AWS::RDS::DBInstance" => (name.clone(), format!("arn:aws:rds:{region}:{account}:db:{name}")),
        "AWS::RDS::DBCluster" => (name.clone(), format!("arn:aws:rds:{region}:{account}:cluster:{name}")),
        "AWS::DynamoDB::Table" | "AWS::Serverless::SimpleTable" => {
            (name.clone(), format!("arn:aws:dynamodb:{region}:{account}:table/{name}"))
        }
        "AWS::SNS::Topic" => {
            let arn = format!("arn:aws:sns:{region}:{account}:{name}");
            attrs.insert("TopicArn".into(), s(&arn));
            attrs.insert("TopicName".into(), s(&name));
            (arn.clone(), arn)
        }
        "AWS::SQS::Queue" => {
            let url = format!("https://sqs.{region}.amazonaws.com/{account}/{name}");
            attrs.insert("QueueName".into(), s(&name));
            attrs.insert("QueueUrl".into(), s(&url));
            (url, format!("arn:aws:sqs:{region}:{account}:{name}"))
        }
        "AWS::Logs::LogGroup" => (name.clone(), format!("arn:aws:logs:{region}:{account}:log-group:{name}")),
        "AWS::IAM::User" => (name.clone(), format!("arn:aws:iam::{account}:user/{name}")),
        "AWS::IAM::Role" => (name.clone(), format!("arn:aws:iam::{account}:role/{name}")),
        "AWS::IAM::Group" => (name.clone(), format!("arn:aws:iam::{account}:group/{name}")),
        "AWS::IAM::ManagedPolicy" => {
            let arn = format!("arn:aws:iam::{account}:policy/{name}");
            attrs.insert("PolicyArn".into(), s(&arn));
            (arn.clone(), arn)
        }
        "AWS::Lambda::Function" | "AWS::Serverless::Function" => {
            (name.clone(), format!("arn:aws:lambda:{region}:{account}:function:{name}"))
        }
        _ => {
            synthetic = true;
            (logical.to_owned(), String::new())
        }
    };
    // An ARN that holds the account is fixed only when the account is.
    if arn.contains(&format!(":{}:", crate::PLACEHOLDER_ACCOUNT)) {
        synthetic = true;
    }
    (ResourceIds { ty: ty.to_owned(), reference, arn, attrs }, synthetic)
}
