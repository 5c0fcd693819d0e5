//! Lambda: functions (and SAM's), permissions (the resource policy) and function URLs.
use super::{as_text, Builder, Res};
use serde_json::{json, Value as Json};
use wasp_model::lambda::{Function, FunctionUrl, PackageType, TracingMode, UrlAuthType};
use wasp_model::Setting;

/// `AWS::Lambda::Function` and `AWS::Serverless::Function` (SAM's `Tracing` and
/// `FunctionUrlConfig` included). Tracing defaults to `PassThrough`, the package to `Zip`.
pub fn function(b: &mut Builder<'_>, r: &Res<'_>) {
    let sam = r.ty == "AWS::Serverless::Function";
    let runtime = b.text(r, &["Runtime"]).ok().flatten();
    let package_type = match b.text(r, &["PackageType"]) {
        Ok(Some(p)) if p == "Image" => Some(PackageType::Image),
        Ok(_) if sam && r.props.get("ImageUri").is_some() => Some(PackageType::Image),
        Ok(_) => Some(PackageType::Zip),
        Err(()) => None,
    };
    let tracing_path: &[&str] = if sam { &["Tracing"] } else { &["TracingConfig", "Mode"] };
    let tracing = match b.text(r, tracing_path) {
        Ok(Some(m)) if m == "Active" => Some(TracingMode::Active),
        Ok(_) => Some(TracingMode::PassThrough),
        Err(()) => None,
    };
    let mut urls = Some(Vec::new());
    if sam {
        match b.read(r, &["FunctionUrlConfig"]) {
            Ok(Some(cfg)) => {
                let auth = cfg.get("AuthType").and_then(as_text);
                urls = Some(vec![FunctionUrl {
                    url: format!("https://{}.lambda-url.{}.on.aws/", r.logical, b.ctx.region),
                    qualifier: None,
                    auth_type: if auth.as_deref() == Some("NONE") { UrlAuthType::None } else { UrlAuthType::AwsIam },
                }]);
            }
            Ok(None) => {}
            Err(()) => urls = None,
        }
    }
    let layers = b.read(r, &["Layers"]).ok().flatten().as_ref().map(super::as_texts).unwrap_or_default();
    let code_signing_config = match b.text(r, &["CodeSigningConfigArn"]) {
        Ok(Some(arn)) => Some(Setting::Configured(arn)),
        Ok(None) => Some(Setting::NotConfigured),
        Err(()) => None,
    };
    b.inv.lambda.functions.push(Function {
        arn: r.arn.clone(),
        name: r.name.clone(),
        region: b.ctx.region.clone(),
        runtime,
        package_type,
        vpc_id: None,
        tracing,
        urls,
        // Until permissions join it.
        policy: Some(Setting::NotConfigured),
        layers,
        code_signing_config,
        location: Some(r.location.clone()),
    });
}

/// The function a permission or URL names: by name, ARN or `Ref`.
fn target(b: &Builder<'_>, name: &str) -> Option<usize> {
    b.inv
        .lambda
        .functions
        .iter()
        .position(|f| f.name == name || f.arn == name || name.starts_with(&format!("{}:", f.arn)))
}

/// `AWS::Lambda::Permission`: a statement of the function's resource policy.
pub fn permission(b: &mut Builder<'_>, r: &Res<'_>) {
    let Ok(Some(name)) = b.text(r, &["FunctionName"]) else { return };
    let Some(index) = target(b, &name) else { return };
    let statement = match b.ctx.eval(r.props) {
        Ok(Some(p)) => p,
        Ok(None) => return,
        Err(why) => {
            let arn = b.inv.lambda.functions[index].arn.clone();
            b.unresolved(&Res { arn, ..clone_res(r) }, &["Permission"], &why);
            b.inv.lambda.functions[index].policy = None;
            return;
        }
    };
    let function = &mut b.inv.lambda.functions[index];
    let principal = statement.get("Principal").and_then(as_text).unwrap_or_default();
    let principal = if principal == "*" {
        json!("*")
    } else if principal.ends_with(".amazonaws.com") {
        json!({"Service": principal})
    } else if principal.chars().all(|c| c.is_ascii_digit()) {
        json!({"AWS": format!("arn:aws:iam::{principal}:root")})
    } else {
        json!({"AWS": principal})
    };
    let mut condition = serde_json::Map::new();
    let mut add = |op: &str, key: &str, value: Option<&Json>| {
        if let Some(v) = value {
            let entry = condition.entry(op.to_owned()).or_insert_with(|| json!({}));
            entry[key] = v.clone();
        }
    };
    add("ArnLike", "AWS:SourceArn", statement.get("SourceArn"));
    add("StringEquals", "AWS:SourceAccount", statement.get("SourceAccount"));
    add("StringEquals", "aws:PrincipalOrgID", statement.get("PrincipalOrgID"));
    add("StringEquals", "lambda:FunctionUrlAuthType", statement.get("FunctionUrlAuthType"));
    let mut s = json!({
        "Sid": r.logical,
        "Effect": "Allow",
        "Principal": principal,
        "Action": statement.get("Action").cloned().unwrap_or(json!("lambda:InvokeFunction")),
        "Resource": function.arn,
    });
    if !condition.is_empty() {
        s["Condition"] = Json::Object(condition);
    }
    match &mut function.policy {
        Some(Setting::Configured(doc)) => {
            if let Some(Json::Array(list)) = doc.get_mut("Statement") {
                list.push(s);
            }
        }
        Some(Setting::NotConfigured) => {
            function.policy = Some(Setting::Configured(json!({"Version": "2012-10-17", "Statement": [s]})));
        }
        None => {}
    }
}

/// `AWS::Lambda::Url`: `AuthType` is required.
pub fn url(b: &mut Builder<'_>, r: &Res<'_>) {
    let Ok(Some(name)) = b.text(r, &["TargetFunctionArn"]) else { return };
    let Some(index) = target(b, &name) else { return };
    let auth = b.text(r, &["AuthType"]);
    let qualifier = b.text(r, &["Qualifier"]).ok().flatten();
    let function = &mut b.inv.lambda.functions[index];
    match auth {
        Ok(auth) => {
            let url = FunctionUrl {
                url: format!("https://{}.lambda-url.{}.on.aws/", r.logical, b.ctx.region),
                qualifier,
                auth_type: if auth.as_deref() == Some("NONE") { UrlAuthType::None } else { UrlAuthType::AwsIam },
            };
            if let Some(urls) = &mut function.urls {
                urls.push(url);
            }
        }
        Err(()) => function.urls = None,
    }
}

fn clone_res<'a>(r: &Res<'a>) -> Res<'a> {
    Res {
        logical: r.logical,
        ty: r.ty,
        props: r.props,
        location: r.location.clone(),
        arn: r.arn.clone(),
        reference: r.reference.clone(),
        name: r.name.clone(),
        service: r.service,
    }
}
