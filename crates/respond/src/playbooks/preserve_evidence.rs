//! `preserve-evidence`: where the record of what happened to a resource is kept, found without
//! changing anything, and put in the plan (and, with --apply, in the incident record).
use super::make_bucket_private::locate;
use super::{global_events_region, parse_arn, same_account, Planned, Playbook, PlaybookContext, Reads};
use crate::plan::EvidenceLocation;
use serde_json::{json, Value};

const ID: &str = "preserve-evidence";

pub static PLAYBOOK: Playbook = Playbook {
    id: ID,
    title: "Find where the evidence of a resource is kept",
    does: "Changes nothing. Lists where the record of the target's activity is: the CloudTrail \
           trails that log its region (their S3 bucket and CloudWatch Logs group) and the 90-day \
           event history; for an instance, the VPC flow logs of its VPC, subnet and network \
           interfaces, and its EBS volumes; for a bucket, its server access logs; for a Lambda \
           function, its log group. With --apply the list goes into the incident record.",
    target: Some("ARN"),
    params: &[],
    actions: &[],
    reads: &[
        "cloudtrail:DescribeTrails",
        "ec2:DescribeInstances",
        "ec2:DescribeFlowLogs",
        "s3:GetBucketLocation",
        "s3:GetBucketLogging",
    ],
    read_permissions: &[
        "cloudtrail:DescribeTrails",
        "ec2:DescribeInstances",
        "ec2:DescribeFlowLogs",
        "s3:GetBucketLocation",
        "s3:GetBucketLogging",
    ],
    plan,
};

fn location(kind: &str, location: impl Into<String>, detail: impl Into<String>) -> EvidenceLocation {
    EvidenceLocation { kind: kind.into(), location: location.into(), detail: detail.into() }
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

fn plan(cx: &PlaybookContext<'_>, reads: &Reads<'_>) -> Result<Planned, String> {
    let given = cx.target.unwrap_or_default();
    let Some(arn) = parse_arn(given) else {
        return Err(format!(
            "'{}' is not an ARN; preserve-evidence needs the target's ARN",
            wasp_model::excerpt(given)
        ));
    };
    same_account(cx, &arn)?;
    let mut out = Planned { target: Some(given.to_owned()), ..Planned::default() };
    // IAM is global: its calls are logged in the partition's first region.
    let mut region = match (arn.service, arn.region) {
        ("iam" | "sts", _) => {
            out.notes.push(
                "IAM is global: its API calls are logged as events of us-east-1 (or the partition's first region)"
                    .into(),
            );
            global_events_region(arn.partition).to_owned()
        }
        // A bucket is located before its events are looked for; other ARNs name their region.
        ("s3", "") => cx.region().to_owned(),
        (_, "") => cx.required_region("the target's ARN")?.to_owned(),
        (_, region) => region.to_owned(),
    };

    // What the resource itself keeps.
    match (arn.service, arn.resource.split_once(['/', ':'])) {
        ("ec2", Some(("instance", id))) => instance(reads, &region, id, &mut out)?,
        // A bucket's management events are logged in its own region.
        ("s3", None) => region = bucket(reads, &region, arn.resource, &mut out)?,
        ("lambda", Some(("function", name))) => {
            let name = name.split(':').next().unwrap_or(name);
            out.evidence.push(location(
                "log_group",
                format!("/aws/lambda/{name}"),
                format!(
                    "the function's log group by default in {region} (a function may be configured to log elsewhere)"
                ),
            ));
        }
        _ => {}
    }

    // Who did what: CloudTrail.
    out.evidence.push(location(
        "cloudtrail_event_history",
        format!("cloudtrail:{region}"),
        format!("management events of the last 90 days in {region} (aws cloudtrail lookup-events --region {region})"),
    ));
    let trails = reads
        .get(&region, "cloudtrail", "DescribeTrails", json!({"includeShadowTrails": true}))
        .map_err(|e| format!("cannot read the trails of {region}: {e}"))?;
    let mut logged = false;
    for t in trails.get("trailList").and_then(Value::as_array).into_iter().flatten() {
        let covers = t.get("IsMultiRegionTrail").and_then(Value::as_bool) == Some(true)
            || str_of(t, "HomeRegion") == Some(&region);
        if !covers {
            continue;
        }
        logged = true;
        let name = str_of(t, "Name").unwrap_or("?");
        let org = t.get("IsOrganizationTrail").and_then(Value::as_bool) == Some(true);
        if let Some(bucket) = str_of(t, "S3BucketName") {
            let prefix = str_of(t, "S3KeyPrefix").map(|p| format!("{p}/")).unwrap_or_default();
            let path = if org {
                format!("s3://{bucket}/{prefix}AWSLogs/")
            } else {
                format!("s3://{bucket}/{prefix}AWSLogs/{}/CloudTrail/{region}/", cx.caller.account_id)
            };
            let detail = if org {
                format!(
                    "log files of organization trail {name} (under the organization's id, then account {})",
                    cx.caller.account_id
                )
            } else {
                format!("log files of trail {name}")
            };
            out.evidence.push(location("cloudtrail_s3", path, detail));
        }
        if let Some(group) = str_of(t, "CloudWatchLogsLogGroupArn") {
            out.evidence.push(location("cloudtrail_logs", group, format!("CloudWatch Logs delivery of trail {name}")));
        }
    }
    if !logged {
        out.notes.push(format!("no trail logs {region}: only the 90-day event history holds its management events"));
    }
    Ok(out)
}

/// An instance's flow logs (of its VPC, subnet and interfaces) and its volumes.
fn instance(reads: &Reads<'_>, region: &str, id: &str, out: &mut Planned) -> Result<(), String> {
    let answer = reads
        .get(region, "ec2", "DescribeInstances", json!({"InstanceIds": [id]}))
        .map_err(|e| format!("cannot read instance {id}: {e}"))?;
    let Some(i) = answer.pointer("/Reservations/0/Instances/0") else {
        return Err(format!("instance {id} does not exist in {region}"));
    };
    let mut resources: Vec<String> =
        ["VpcId", "SubnetId"].iter().filter_map(|k| str_of(i, k).map(str::to_owned)).collect();
    for eni in i.get("NetworkInterfaces").and_then(Value::as_array).into_iter().flatten() {
        resources.extend(str_of(eni, "NetworkInterfaceId").map(str::to_owned));
    }
    for b in i.get("BlockDeviceMappings").and_then(Value::as_array).into_iter().flatten() {
        if let Some(volume) = b.pointer("/Ebs/VolumeId").and_then(Value::as_str) {
            out.evidence.push(location(
                "ebs_volume",
                volume,
                format!("EBS volume of {id}: snapshot it (isolate-instance does) before the instance is terminated"),
            ));
        }
    }
    if resources.is_empty() {
        out.notes.push(format!("instance {id} is in no VPC, so no flow log covers it"));
        return Ok(());
    }
    let filter = json!({"Filters": [{"Name": "resource-id", "Values": resources}]});
    let flows = reads
        .get(region, "ec2", "DescribeFlowLogs", filter)
        .map_err(|e| format!("cannot read the flow logs of {id}: {e}"))?;
    let mut any = false;
    for f in flows.get("FlowLogs").and_then(Value::as_array).into_iter().flatten() {
        let of = str_of(f, "ResourceId").unwrap_or("?");
        let traffic = str_of(f, "TrafficType").unwrap_or("ALL");
        let kind = str_of(f, "LogDestinationType").unwrap_or("cloud-watch-logs");
        let place = str_of(f, "LogDestination").or_else(|| str_of(f, "LogGroupName"));
        if let Some(place) = place {
            any = true;
            out.evidence.push(location(
                "flow_logs",
                place,
                format!("VPC flow logs of {of} ({traffic} traffic, to {kind})"),
            ));
        }
    }
    if !any {
        out.notes.push(format!("no VPC flow log covers instance {id} (its VPC, subnet or interfaces)"));
    }
    Ok(())
}

/// A bucket's server access logs; answers the bucket's region.
fn bucket(reads: &Reads<'_>, region: &str, name: &str, out: &mut Planned) -> Result<String, String> {
    let home = locate(reads, region, name)?;
    let logging = reads
        .get(&home, "s3", "GetBucketLogging", json!({"Bucket": name}))
        .map_err(|e| format!("cannot read the access logging of bucket {name}: {e}"))?;
    match logging.get("LoggingEnabled").filter(|l| l.is_object()) {
        Some(l) => {
            let target = str_of(l, "TargetBucket").unwrap_or("?");
            let prefix = str_of(l, "TargetPrefix").unwrap_or_default();
            out.evidence.push(location(
                "s3_access_logs",
                format!("s3://{target}/{prefix}"),
                format!("server access logs of bucket {name}"),
            ));
        }
        None => out.notes.push(format!(
            "bucket {name} keeps no server access logs; object-level activity is only in trails that log S3 data events"
        )),
    }
    Ok(home)
}
