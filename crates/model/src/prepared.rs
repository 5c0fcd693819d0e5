//! Names of what `wasp respond prepare` deploys ahead of an incident, so that evidence signals
//! can recognise it in a scan.

/// Tag key (value `true`) of the security groups with no rules that isolate an instance.
pub const QUARANTINE_TAG: &str = "wasp:quarantine";

/// Name of the role incident responders assume: read-only investigation (SecurityAudit and
/// ReadOnlyAccess) plus the writes of wasp's playbooks.
pub const RESPONDER_ROLE: &str = "wasp-incident-responder";

/// Tag key wasp puts on everything a playbook or `prepare` creates (value: the playbook id).
pub const CREATED_BY_TAG: &str = "wasp:created-by";
