//! `wasp respond` end to end against moto: planning reads and never writes; --apply isolates an
//! instance (snapshots, quarantine group, no profile, out of its Auto Scaling group, still
//! running), contains a user and a role, makes a bucket private, prepares the account; the
//! incident record is written to a file and to the database.
#[path = "../../collect/tests/support/mod.rs"]
mod support;

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;
use support::{Moto, ACCOUNT_ID};

const REGION: &str = "us-east-1";

/// A moto server that knows the AWS managed policies (prepare attaches SecurityAudit); moto
/// loads them only when `MOTO_IAM_LOAD_MANAGED_POLICIES` is set when it starts.
fn moto() -> Moto {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::env::set_var("MOTO_IAM_LOAD_MANAGED_POLICIES", "true"));
    Moto::start()
}

fn wasp(moto: &Moto, db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("wasp").unwrap();
    cmd.env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_PROFILE")
        .env("AWS_ENDPOINT_URL", &moto.endpoint)
        .env("AWS_REGION", REGION)
        .env("AWS_CONFIG_FILE", "/nonexistent/wasp-test-config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/wasp-test-credentials")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("WASP_DB", db)
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(300))
        .current_dir(workdir());
    cmd
}

/// Where the commands run, so the journals and incident records `--apply` writes by default
/// never land in the source tree.
fn workdir() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap().block_on(future)
}

/// The requests that were not reads.
fn writes(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .filter_map(|r| {
            let method = r["method"].as_str().unwrap_or_default();
            let op = support::recorded_operation(r);
            let read = op.as_deref().is_some_and(|o| ["Describe", "Get", "List"].iter().any(|p| o.starts_with(p)));
            match (method, op) {
                ("GET" | "HEAD", _) => None,
                (_, Some(_)) if read => None,
                (_, op) => {
                    Some(format!("{method} {} {}", op.unwrap_or_default(), r["url"].as_str().unwrap_or_default()))
                }
            }
        })
        .collect()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// An instance with a second volume attached, an instance profile, in an Auto Scaling group.
/// Returns (instance, volumes, Auto Scaling group).
fn seed_instance(moto: &Moto, name: &str) -> (String, Vec<String>, String) {
    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let ec2 = aws_sdk_ec2::Client::new(&cfg);
        let sg = ec2.create_security_group().group_name(format!("{name}-web")).description("web").send().await.unwrap();
        let sg = sg.group_id().unwrap().to_owned();
        let id = support::launch_instance(&ec2, &sg, aws_sdk_ec2::types::HttpTokensState::Required).await;
        let described = ec2.describe_instances().instance_ids(&id).send().await.unwrap();
        let instance = &described.reservations()[0].instances()[0];
        let zone = instance.placement().unwrap().availability_zone().unwrap().to_owned();
        let data = ec2.create_volume().availability_zone(&zone).size(8).send().await.unwrap();
        let data = data.volume_id().unwrap().to_owned();
        ec2.attach_volume().volume_id(&data).instance_id(&id).device("/dev/sdf").send().await.unwrap();

        let iam = aws_sdk_iam::Client::new(&cfg);
        let trust = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]});
        iam.create_role()
            .role_name(format!("{name}-role"))
            .assume_role_policy_document(trust.to_string())
            .send()
            .await
            .unwrap();
        let profile =
            iam.create_instance_profile().instance_profile_name(format!("{name}-profile")).send().await.unwrap();
        let profile_arn = profile.instance_profile().unwrap().arn().to_owned();
        iam.add_role_to_instance_profile()
            .instance_profile_name(format!("{name}-profile"))
            .role_name(format!("{name}-role"))
            .send()
            .await
            .unwrap();
        ec2.associate_iam_instance_profile()
            .instance_id(&id)
            .iam_instance_profile(
                aws_sdk_ec2::types::IamInstanceProfileSpecification::builder().arn(&profile_arn).build(),
            )
            .send()
            .await
            .unwrap();

        let asg = aws_sdk_autoscaling::Client::new(&cfg);
        let ami = instance.image_id().unwrap().to_owned();
        asg.create_launch_configuration()
            .launch_configuration_name(format!("{name}-lc"))
            .image_id(ami)
            .instance_type("t2.micro")
            .send()
            .await
            .unwrap();
        asg.create_auto_scaling_group()
            .auto_scaling_group_name(format!("{name}-asg"))
            .launch_configuration_name(format!("{name}-lc"))
            .min_size(0)
            .max_size(3)
            .desired_capacity(0)
            .availability_zones(&zone)
            .send()
            .await
            .unwrap();
        asg.attach_instances().auto_scaling_group_name(format!("{name}-asg")).instance_ids(&id).send().await.unwrap();

        let volumes: Vec<String> = instance
            .block_device_mappings()
            .iter()
            .filter_map(|b| b.ebs().and_then(|e| e.volume_id()).map(str::to_owned))
            .chain([data])
            .collect();
        (id, volumes, format!("{name}-asg"))
    })
}

#[test]
fn isolate_instance_plans_by_reading_then_isolates_and_records_the_incident() {
    let moto = moto();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wasp.db");
    let (id, volumes, group) = seed_instance(&moto, "victim");
    assert!(volumes.len() >= 2, "{volumes:?}");

    // Planning reads, never writes.
    moto.start_recording();
    let out =
        wasp(&moto, &db).args(["respond", "isolate-instance", "--target", &id, "--format", "json"]).output().unwrap();
    let records = moto.stop_recording();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!records.is_empty());
    assert_eq!(writes(&records), Vec::<String>::new(), "planning wrote");
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    let steps: Vec<&str> = plan["steps"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(steps.contains(&"detach-from-auto-scaling") && steps.contains(&"quarantine-group"), "{plan:#}");
    assert!(!db.exists(), "planning keeps no record");

    // Apply.
    let record_path = dir.path().join("incident.json");
    let out = wasp(&moto, &db)
        .args([
            "respond",
            "isolate-instance",
            "--target",
            &id,
            "--apply",
            "--yes",
            "--param",
            "incident_id=INC-1",
            "--record",
        ])
        .arg(&record_path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let record = read_json(&record_path);
    assert_eq!(record["id"], "INC-1");
    assert_eq!(record["kind"], "playbook");
    assert_eq!(record["playbook"], "isolate-instance");
    assert_eq!(record["target"], format!("arn:aws:ec2:{REGION}:{ACCOUNT_ID}:instance/{id}"));
    assert!(record["identity"].as_str().unwrap().contains(ACCOUNT_ID), "{record:#}");
    let entries = record["journal"]["entries"].as_array().unwrap();
    assert!(entries.iter().all(|e| e["outcome"] == "applied"), "{record:#}");
    assert!(
        entries.iter().flat_map(|e| e["requests"].as_array().unwrap()).all(|r| r.get("request_id").is_some()),
        "{record:#}"
    );
    let snapshots: Vec<&str> = record["evidence_locations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "ebs_snapshot")
        .map(|e| e["location"].as_str().unwrap())
        .collect();
    assert_eq!(snapshots.len(), volumes.len(), "{record:#}");

    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let ec2 = aws_sdk_ec2::Client::new(&cfg);
        // A tagged snapshot of every volume.
        let found = ec2
            .describe_snapshots()
            .set_snapshot_ids(Some(snapshots.iter().map(|s| s.to_string()).collect()))
            .send()
            .await
            .unwrap();
        let mut of: Vec<String> = found.snapshots().iter().map(|s| s.volume_id().unwrap().to_owned()).collect();
        of.sort();
        let mut expected = volumes.clone();
        expected.sort();
        assert_eq!(of, expected);
        for s in found.snapshots() {
            let tag = |k: &str| s.tags().iter().find(|t| t.key() == Some(k)).and_then(|t| t.value()).map(str::to_owned);
            assert_eq!(tag("wasp:created-by").as_deref(), Some("isolate-instance"));
            assert_eq!(tag("wasp:instance-id").as_deref(), Some(id.as_str()));
            assert_eq!(tag("wasp:incident-id").as_deref(), Some("INC-1"));
        }
        // Only the quarantine group, which has no rules; still running; tagged.
        let described = ec2.describe_instances().instance_ids(&id).send().await.unwrap();
        let instance = &described.reservations()[0].instances()[0];
        let groups: Vec<&str> = instance.security_groups().iter().filter_map(|g| g.group_id()).collect();
        assert_eq!(groups.len(), 1, "{groups:?}");
        let quarantine = ec2.describe_security_groups().group_ids(groups[0]).send().await.unwrap();
        let q = &quarantine.security_groups()[0];
        assert!(q.ip_permissions().is_empty() && q.ip_permissions_egress().is_empty(), "{q:?}");
        assert!(q.tags().iter().any(|t| t.key() == Some("wasp:quarantine") && t.value() == Some("true")));
        assert_eq!(instance.state().and_then(|s| s.name()).map(|n| n.as_str()), Some("running"));
        assert!(instance.tags().iter().any(|t| t.key() == Some("wasp:incident-id") && t.value() == Some("INC-1")));
        // No instance profile.
        let filter = aws_sdk_ec2::types::Filter::builder().name("instance-id").values(&id).build();
        let associations = ec2.describe_iam_instance_profile_associations().filters(filter).send().await.unwrap();
        assert!(
            associations
                .iam_instance_profile_associations()
                .iter()
                .all(|a| a.state().map(|s| s.as_str()) != Some("associated")),
            "{associations:?}"
        );
        // Out of the Auto Scaling group.
        let asg = aws_sdk_autoscaling::Client::new(&cfg);
        let groups = asg.describe_auto_scaling_groups().auto_scaling_group_names(&group).send().await.unwrap();
        let members: Vec<&str> =
            groups.auto_scaling_groups()[0].instances().iter().filter_map(|i| i.instance_id()).collect();
        assert!(!members.contains(&id.as_str()), "{members:?}");
    });

    // The database has the record.
    let out = wasp(&moto, &db).args(["respond", "history", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["record_id"], "INC-1", "{rows:#}");
    assert_eq!(rows[0]["playbook"], "isolate-instance");
    assert_eq!(rows[0]["steps_applied"], entries.len());
    let text = wasp(&moto, &db).args(["respond", "history"]).output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("INC-1"));

    // Planning again: the instance is isolated, so only the snapshots and the tag remain to do.
    let out =
        wasp(&moto, &db).args(["respond", "isolate-instance", "--target", &id, "--format", "json"]).output().unwrap();
    let again: Value = serde_json::from_slice(&out.stdout).unwrap();
    let steps: Vec<&str> = again["steps"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(!steps.contains(&"detach-from-auto-scaling") && !steps.contains(&"detach-instance-profile"), "{again:#}");
    assert!(
        again["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().contains("reuses quarantine")),
        "{again:#}"
    );
}

/// EC2 refuses to change the groups of an instance with several network interfaces as a whole:
/// each interface is moved into the quarantine group on its own.
#[test]
fn isolating_an_instance_with_two_interfaces_moves_both() {
    let moto = moto();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wasp.db");
    let (id, second, web_sg, db_sg) = block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let ec2 = aws_sdk_ec2::Client::new(&cfg);
        let sg = ec2.create_security_group().group_name("multi-web").description("web").send().await.unwrap();
        let sg = sg.group_id().unwrap().to_owned();
        let db_sg = ec2.create_security_group().group_name("multi-db").description("db").send().await.unwrap();
        let db_sg = db_sg.group_id().unwrap().to_owned();
        let id = support::launch_instance(&ec2, &sg, aws_sdk_ec2::types::HttpTokensState::Required).await;
        let described = ec2.describe_instances().instance_ids(&id).send().await.unwrap();
        let subnet = described.reservations()[0].instances()[0].subnet_id().unwrap().to_owned();
        let eni = ec2.create_network_interface().subnet_id(&subnet).groups(&db_sg).send().await.unwrap();
        let eni = eni.network_interface().unwrap().network_interface_id().unwrap().to_owned();
        ec2.attach_network_interface()
            .network_interface_id(&eni)
            .instance_id(&id)
            .device_index(1)
            .send()
            .await
            .unwrap();
        (id, eni, sg, db_sg)
    });

    let record_path = dir.path().join("incident.json");
    let out = wasp(&moto, &db)
        .args(["respond", "isolate-instance", "--target", &id, "--apply", "--yes", "--param", "incident_id=INC-2"])
        .arg("--record")
        .arg(&record_path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // One ModifyNetworkInterfaceAttribute per interface, none on the instance as a whole.
    let record = read_json(&record_path);
    let entries = record["journal"]["entries"].as_array().unwrap();
    let moved: Vec<&str> = entries
        .iter()
        .filter(|e| e["action"] == "ec2_quarantine_network_interface" && e["outcome"] == "applied")
        .map(|e| e["resource"].as_str().unwrap())
        .collect();
    assert_eq!(moved.len(), 2, "{record:#}");
    assert!(moved.iter().any(|r| r.ends_with(&format!("network-interface/{second}"))), "{moved:?}");
    assert!(!entries.iter().any(|e| e["action"] == "ec2_quarantine_instance"), "{record:#}");

    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let ec2 = aws_sdk_ec2::Client::new(&cfg);
        let described = ec2.describe_instances().instance_ids(&id).send().await.unwrap();
        let interfaces = described.reservations()[0].instances()[0].network_interfaces();
        assert_eq!(interfaces.len(), 2, "{interfaces:?}");
        assert!(interfaces.iter().any(|n| n.network_interface_id() == Some(second.as_str())));
        // moto keeps the instance's launch group on every interface whatever the request says
        // (AWS replaces the list), so what it can show is: the quarantine group on both, and
        // the secondary interface's own group gone.
        let quarantine: Vec<String> = interfaces
            .iter()
            .map(|n| {
                let groups: Vec<&str> = n.groups().iter().filter_map(|g| g.group_id()).collect();
                assert!(!groups.contains(&db_sg.as_str()), "{groups:?}");
                groups.into_iter().find(|g| *g != web_sg).expect("a quarantine group").to_owned()
            })
            .collect();
        assert_eq!(quarantine[0], quarantine[1], "one quarantine group for both: {quarantine:?}");
        let described = ec2.describe_security_groups().group_ids(&quarantine[0]).send().await.unwrap();
        let q = &described.security_groups()[0];
        assert!(q.tags().iter().any(|t| t.key() == Some("wasp:quarantine") && t.value() == Some("true")), "{q:?}");
        assert!(q.ip_permissions().is_empty() && q.ip_permissions_egress().is_empty(), "{q:?}");
    });
}

#[test]
fn a_step_whose_input_was_not_applied_is_skipped_and_the_rest_goes_on() {
    let moto = moto();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wasp.db");
    let (id, _, _) = seed_instance(&moto, "second");
    let plan_path = dir.path().join("plan.json");
    let out = wasp(&moto, &db)
        .args(["respond", "isolate-instance", "--target", &id, "--format", "json", "--output"])
        .arg(&plan_path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut plan = read_json(&plan_path);
    let group = plan["steps"].as_array_mut().unwrap().iter_mut().find(|s| s["name"] == "quarantine-group").unwrap();
    group["blocked"] = json!("a responder chose to isolate with a network ACL");
    std::fs::write(&plan_path, plan.to_string()).unwrap();

    let record_path = dir.path().join("incident.json");
    let out = wasp(&moto, &db)
        .args(["respond", "--apply", "--yes", "--plan"])
        .arg(&plan_path)
        .arg("--record")
        .arg(&record_path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let record = read_json(&record_path);
    let outcome = |name: &str| {
        record["journal"]["entries"].as_array().unwrap().iter().find(|e| e["step"] == name).unwrap().clone()
    };
    assert_eq!(outcome("quarantine-group")["outcome"], "skipped");
    let moved = outcome("move-to-quarantine");
    assert_eq!(moved["outcome"], "skipped");
    assert!(moved["reason"].as_str().unwrap().contains("quarantine-group was not applied"), "{moved:#}");
    assert_eq!(outcome("detach-instance-profile")["outcome"], "applied");

    // A fix plan is not a playbook's.
    let fix_plan = dir.path().join("fix.json");
    let mut as_fix = read_json(&plan_path);
    as_fix["kind"] = json!("fix");
    std::fs::write(&fix_plan, as_fix.to_string()).unwrap();
    let out = wasp(&moto, &db).args(["respond", "--apply", "--yes", "--plan"]).arg(&fix_plan).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("wasp fix --apply --plan"), "{}", stderr(&out));
}

#[test]
fn contain_user_and_role_and_make_a_bucket_private() {
    let moto = moto();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wasp.db");
    let linked = block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let iam = aws_sdk_iam::Client::new(&cfg);
        iam.create_user().user_name("mallory").send().await.unwrap();
        for _ in 0..2 {
            iam.create_access_key().user_name("mallory").send().await.unwrap();
        }
        iam.create_login_profile().user_name("mallory").password("Corr3ct-horse-battery").send().await.unwrap();
        let trust = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]});
        iam.create_role().role_name("app").assume_role_policy_document(trust.to_string()).send().await.unwrap();
        let linked = iam
            .create_service_linked_role()
            .aws_service_name("elasticloadbalancing.amazonaws.com")
            .send()
            .await
            .unwrap();
        let linked = linked.role().unwrap().role_name().to_owned();
        let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build());
        s3.create_bucket().bucket("leaky").send().await.unwrap();
        linked
    });

    let apply = |playbook: &str, target: &str, record: &str| {
        let path = dir.path().join(record);
        let out = wasp(&moto, &db)
            .args(["respond", playbook, "--target", target, "--apply", "--yes", "--record"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{playbook}: {}", stderr(&out));
        let record = read_json(&path);
        assert!(
            record["journal"]["entries"].as_array().unwrap().iter().all(|e| e["outcome"] == "applied"),
            "{record:#}"
        );
        record
    };
    apply("contain-user", "mallory", "user.json");
    apply("contain-role", &format!("arn:aws:iam::{ACCOUNT_ID}:role/app"), "role.json");
    apply("make-bucket-private", "leaky", "bucket.json");

    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let iam = aws_sdk_iam::Client::new(&cfg);
        let keys = iam.list_access_keys().user_name("mallory").send().await.unwrap();
        assert_eq!(keys.access_key_metadata().len(), 2);
        assert!(keys.access_key_metadata().iter().all(|k| k.status().map(|s| s.as_str()) == Some("Inactive")));
        let login = iam.get_login_profile().user_name("mallory").send().await;
        assert!(login.is_err(), "the console password is gone");
        let deny = iam.get_user_policy().user_name("mallory").policy_name("wasp-deny-all").send().await.unwrap();
        assert!(deny.policy_document().contains("Deny"), "{deny:?}");
        let policies = iam.list_role_policies().role_name("app").send().await.unwrap();
        let mut names: Vec<&str> = policies.policy_names().iter().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, ["AWSRevokeOlderSessions", "wasp-deny-all"]);
        let revoke = iam.get_role_policy().role_name("app").policy_name("AWSRevokeOlderSessions").send().await.unwrap();
        assert!(revoke.policy_document().contains("TokenIssueTime"), "{revoke:?}");
        let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build());
        let block = s3.get_public_access_block().bucket("leaky").send().await.unwrap();
        let c = block.public_access_block_configuration().unwrap();
        assert_eq!(
            (c.block_public_acls(), c.ignore_public_acls(), c.block_public_policy(), c.restrict_public_buckets()),
            (Some(true), Some(true), Some(true), Some(true))
        );
    });

    // A service-linked role is refused in one sentence, before any write.
    moto.start_recording();
    let out =
        wasp(&moto, &db).args(["respond", "contain-role", "--target", &linked, "--apply", "--yes"]).output().unwrap();
    let records = moto.stop_recording();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("service-linked"), "{}", stderr(&out));
    assert_eq!(writes(&records), Vec::<String>::new());

    // Three records in the database, newest first.
    let out = wasp(&moto, &db).args(["respond", "history", "--format", "json"]).output().unwrap();
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let playbooks: Vec<&str> = rows.as_array().unwrap().iter().map(|r| r["playbook"].as_str().unwrap()).collect();
    assert_eq!(playbooks, ["make-bucket-private", "contain-role", "contain-user"]);
}

#[test]
fn prepare_creates_the_quarantine_groups_and_the_role_that_isolation_then_uses() {
    let moto = moto();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wasp.db");
    let record_path = dir.path().join("prepare.json");
    let out = wasp(&moto, &db)
        .args(["respond", "prepare", "--region", REGION, "--apply", "--yes", "--record"])
        .arg(&record_path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let record = read_json(&record_path);
    assert!(record["journal"]["entries"].as_array().unwrap().iter().all(|e| e["outcome"] == "applied"), "{record:#}");

    let default_vpc = block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let ec2 = aws_sdk_ec2::Client::new(&cfg);
        let vpcs = ec2.describe_vpcs().send().await.unwrap();
        let tagged = aws_sdk_ec2::types::Filter::builder().name("tag:wasp:quarantine").values("true").build();
        let groups = ec2.describe_security_groups().filters(tagged).send().await.unwrap();
        for vpc in vpcs.vpcs() {
            let mine: Vec<_> = groups.security_groups().iter().filter(|g| g.vpc_id() == vpc.vpc_id()).collect();
            assert_eq!(mine.len(), 1, "one quarantine group in {:?}", vpc.vpc_id());
            assert!(mine[0].ip_permissions().is_empty() && mine[0].ip_permissions_egress().is_empty());
            assert!(mine[0].tags().iter().any(|t| t.key() == Some("wasp:created-by") && t.value() == Some("prepare")));
        }
        let iam = aws_sdk_iam::Client::new(&cfg);
        let role = iam.get_role().role_name("wasp-incident-responder").send().await.unwrap();
        // The document may come URL-encoded; the condition key's name survives either way.
        let trust = role.role().unwrap().assume_role_policy_document().unwrap_or_default();
        assert!(trust.contains("MultiFactorAuthPresent") && trust.contains(ACCOUNT_ID), "{trust}");
        let attached = iam.list_attached_role_policies().role_name("wasp-incident-responder").send().await.unwrap();
        assert!(attached.attached_policies().iter().any(|p| p.policy_name() == Some("SecurityAudit")), "{attached:?}");
        let inline = iam
            .get_role_policy()
            .role_name("wasp-incident-responder")
            .policy_name("wasp-playbooks")
            .send()
            .await
            .unwrap();
        assert!(inline.policy_document().contains("CreateSnapshot"));
        vpcs.vpcs().iter().find(|v| v.is_default() == Some(true)).and_then(|v| v.vpc_id()).unwrap().to_owned()
    });

    // Prepared twice: nothing left to do.
    let out = wasp(&moto, &db).args(["respond", "prepare", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let again: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(again["steps"], json!([]), "{again:#}");

    // Isolation reuses the prepared group, and stop=true stops the instance.
    let (id, _, _) = seed_instance(&moto, "later");
    let out = wasp(&moto, &db)
        .args(["respond", "isolate-instance", "--target", &id, "--param", "stop=true", "--apply", "--yes", "--record"])
        .arg(dir.path().join("isolate.json"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let record = read_json(&dir.path().join("isolate.json"));
    let names: Vec<&str> =
        record["plan"]["steps"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(!names.contains(&"quarantine-group") && names.contains(&"stop-instance"), "{names:?}");
    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let ec2 = aws_sdk_ec2::Client::new(&cfg);
        let described = ec2.describe_instances().instance_ids(&id).send().await.unwrap();
        let instance = &described.reservations()[0].instances()[0];
        assert_eq!(instance.vpc_id(), Some(default_vpc.as_str()));
        let state = instance.state().and_then(|s| s.name()).map(|n| n.as_str().to_owned());
        assert!(matches!(state.as_deref(), Some("stopping" | "stopped")), "{state:?}");
    });
}

#[test]
fn preserve_evidence_finds_the_trail_and_flow_logs_and_records_them_without_writing() {
    let moto = moto();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wasp.db");
    let (id, _, _) = seed_instance(&moto, "watched");
    let vpc = block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build());
        s3.create_bucket().bucket("audit-trail").send().await.unwrap();
        s3.create_bucket().bucket("flow-logs").send().await.unwrap();
        let trail = aws_sdk_cloudtrail::Client::new(&cfg);
        trail
            .create_trail()
            .name("main")
            .s3_bucket_name("audit-trail")
            .is_multi_region_trail(true)
            .send()
            .await
            .unwrap();
        let ec2 = aws_sdk_ec2::Client::new(&cfg);
        let described = ec2.describe_instances().instance_ids(&id).send().await.unwrap();
        let vpc = described.reservations()[0].instances()[0].vpc_id().unwrap().to_owned();
        let flows = ec2
            .create_flow_logs()
            .resource_type(aws_sdk_ec2::types::FlowLogsResourceType::Vpc)
            .resource_ids(&vpc)
            .traffic_type(aws_sdk_ec2::types::TrafficType::All)
            .log_destination_type(aws_sdk_ec2::types::LogDestinationType::S3)
            .log_destination("arn:aws:s3:::flow-logs")
            .send()
            .await
            .unwrap();
        assert!(flows.unsuccessful().is_empty(), "{flows:?}");
        vpc
    });
    let arn = format!("arn:aws:ec2:{REGION}:{ACCOUNT_ID}:instance/{id}");
    let record_path = dir.path().join("evidence.json");
    moto.start_recording();
    let out = wasp(&moto, &db)
        .args(["respond", "preserve-evidence", "--target", &arn, "--apply", "--record"])
        .arg(&record_path)
        .output()
        .unwrap();
    let records = moto.stop_recording();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(writes(&records), Vec::<String>::new(), "preserve-evidence wrote");
    let record = read_json(&record_path);
    let locations: Vec<(&str, &str)> = record["evidence_locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].as_str().unwrap(), e["location"].as_str().unwrap()))
        .collect();
    assert!(
        locations.contains(&("cloudtrail_s3", "s3://audit-trail/AWSLogs/123456789012/CloudTrail/us-east-1/")),
        "{locations:?}"
    );
    assert!(locations.contains(&("flow_logs", "arn:aws:s3:::flow-logs")), "{locations:?} ({vpc})");
    assert!(locations.iter().any(|(k, _)| *k == "ebs_volume"), "{locations:?}");
    assert_eq!(record["journal"]["entries"], json!([]));
    let out = wasp(&moto, &db).args(["respond", "history", "--format", "json"]).output().unwrap();
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["playbook"], "preserve-evidence");
}

#[test]
fn fix_apply_is_recorded_beside_the_incidents_and_list_names_every_playbook() {
    let moto = moto();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wasp.db");
    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let kms = aws_sdk_kms::Client::new(&cfg);
        kms.create_key().send().await.unwrap();
    });
    let out = wasp(&moto, &db)
        .args(["fix", "kms_key_rotation_enabled", "--region", REGION, "--apply", "--yes", "--journal"])
        .arg(dir.path().join("journal.json"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = wasp(&moto, &db).args(["respond", "history", "--format", "json"]).output().unwrap();
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["kind"], "fix", "{rows:#}");
    assert!(rows[0]["playbook"].is_null());
    assert_eq!(rows[0]["steps_applied"], 1);

    let out = wasp(&moto, &db).args(["respond", "list"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for id in
        ["isolate-instance", "contain-user", "contain-role", "make-bucket-private", "preserve-evidence", "prepare"]
    {
        assert!(text.contains(&format!("wasp respond {id}")), "{id}: {text}");
    }
    let out = wasp(&moto, &db).args(["respond", "contain-user"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs --target"), "{}", stderr(&out));
}
