//! Every API call, counted and checked against the read-only list before it is sent.
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeSerializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use wasp_model::{operations, ApiCallCount, Service};

pub use wasp_model::operations::minimal_iam_policy;

/// Whether an operation of a service is on the read-only list ([`operations::OPERATIONS`]).
pub fn is_allowed(service: Service, operation: &str) -> bool {
    operations::find(service, operation).is_some()
}

/// (service, region, operation)
type CallKey = (Service, String, String);

/// Call counts shared by every client of one collection.
#[derive(Debug, Default, Clone)]
pub struct CallLog {
    counts: Arc<Mutex<BTreeMap<CallKey, u64>>>,
}

impl CallLog {
    fn record(&self, service: Service, region: &str, operation: &str) {
        let mut counts = self.counts.lock().expect("call log lock");
        *counts.entry((service, region.to_owned(), operation.to_owned())).or_default() += 1;
    }

    /// One row per (service, region, operation), sorted.
    pub fn rows(&self) -> Vec<ApiCallCount> {
        let counts = self.counts.lock().expect("call log lock");
        counts
            .iter()
            .map(|((service, region, operation), count)| ApiCallCount {
                service: *service,
                region: region.clone(),
                operation: operation.clone(),
                count: *count,
            })
            .collect()
    }

    pub fn total(&self) -> u64 {
        self.counts.lock().expect("call log lock").values().sum()
    }
}

/// Refuses any operation not on the read-only list and counts every attempt sent.
#[derive(Debug)]
pub(crate) struct Guard {
    pub log: CallLog,
    /// The service whose unit made the client, used in the call log and gaps.
    pub service: Service,
    pub region: String,
}

fn operation(cfg: &ConfigBag) -> (&str, &str) {
    cfg.load::<Metadata>().map_or(("unknown", "unknown"), |m| (m.service(), m.name()))
}

impl Intercept for Guard {
    fn name(&self) -> &'static str {
        "WaspReadOnlyGuard"
    }

    // Not `read_before_execution`: client interceptors run that before the operation's
    // metadata is in the bag.
    fn read_before_serialization(
        &self,
        _context: &BeforeSerializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let (_, op) = operation(cfg);
        if is_allowed(self.service, op) {
            Ok(())
        } else {
            Err(format!("wasp refuses to call {}:{op}, which is not on its read-only list", self.service).into())
        }
    }

    fn read_before_transmit(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let (_, op) = operation(cfg);
        tracing::debug!(service = self.service.name(), region = %self.region, operation = op, "call");
        self.log.record(self.service, &self.region, op);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_outside_the_list_are_refused() {
        assert!(is_allowed(Service::Iam, "GetAccountSummary"));
        assert!(!is_allowed(Service::Iam, "CreateUser"));
        assert!(!is_allowed(Service::S3, "PutBucketPolicy"));
        assert!(!is_allowed(Service::Kms, "GetKeyRotationStatusX"));
        assert!(!is_allowed(Service::Ec2, "GetBucketPolicy"));
    }

    /// Every SDK call in the collector's source names an operation on the list, and the list
    /// names nothing the collector does not call: the allow-list is the collector's exact
    /// surface, and no mutating call can hide in it.
    #[test]
    fn the_list_is_exactly_what_the_source_calls() {
        const VERBS: &[&str] = &[
            "accept",
            "add",
            "associate",
            "attach",
            "authorize",
            "batch",
            "cancel",
            "copy",
            "create",
            "delete",
            "deregister",
            "describe",
            "detach",
            "disable",
            "disassociate",
            "enable",
            "generate",
            "get",
            "import",
            "invoke",
            "list",
            "modify",
            "put",
            "register",
            "reject",
            "remove",
            "replace",
            "reset",
            "restore",
            "revoke",
            "run",
            "send",
            "set",
            "start",
            "stop",
            "tag",
            "terminate",
            "untag",
            "update",
            "upload",
        ];
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src.join("run.rs"), src.join("org.rs")];
        // Service modules, and their own submodules (`services/iam/…`).
        let mut dirs = vec![src.join("services")];
        while let Some(dir) = dirs.pop() {
            for path in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        let mut called = std::collections::BTreeSet::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            // Product code only: the mocked tests build outputs, they call nothing.
            let product = text.split("#[cfg(test)]").next().unwrap();
            for (i, _) in product.match_indices("()") {
                let name: String = product[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let Some((verb, _)) = name.split_once('_') else { continue };
                // An SDK call: `.verb_noun()` whose chain is sent (accessors such as
                // `.create_date()` are not).
                let rest = &product[i..];
                let chain = &rest[..rest.find(';').unwrap_or(rest.len())];
                if !VERBS.contains(&verb) || !product[..i - name.len()].ends_with('.') || !chain.contains(".send()") {
                    continue;
                }
                let operation: String = name
                    .split('_')
                    .map(|w| w[..1].to_ascii_uppercase() + &w[1..])
                    .collect::<String>()
                    .replace("Mfa", "MFA")
                    .replace("Db", "DB")
                    .replace("Saml", "SAML")
                    .replace("Dnssec", "DNSSEC")
                    .replace("WebAcl", "WebACL")
                    .replace("OpenIdConnect", "OpenIDConnect");
                assert!(
                    operations::OPERATIONS.iter().any(|r| r.name == operation),
                    "{} calls {operation}, which is not on the read-only list",
                    file.display()
                );
                called.insert(operation);
            }
        }
        for r in operations::OPERATIONS {
            assert!(called.contains(r.name), "{} is listed but never called", r.name);
        }
    }
}
