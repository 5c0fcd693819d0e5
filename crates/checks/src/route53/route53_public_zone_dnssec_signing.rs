use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every public hosted zone has DNSSEC signing enabled (`GetDNSSEC` reports the status
    /// `SIGNING`). Any other status (`NOT_SIGNING`, `DELETING`, `ACTION_NEEDED`,
    /// `INTERNAL_FAILURE`) fails. Private hosted zones cannot be signed and are not judged.
    /// Whether the parent zone holds the DS record (the chain of trust) is not checked. SKIP
    /// when the status could not be read.
    ///
    /// ### Why it matters
    /// DNSSEC lets resolvers verify that answers for your names come from your zone, which
    /// defeats cache poisoning and spoofed answers that would send users and services to an
    /// attacker's addresses.
    ///
    /// ### How to fix
    /// Create a key-signing key backed by an asymmetric KMS key in us-east-1, `aws route53
    /// enable-hosted-zone-dnssec --hosted-zone-id <id>`, then add the DS record at the parent
    /// (the registrar).
    Route53PublicZoneDnssecSigning {
        id: "route53_public_zone_dnssec_signing",
        title: "Public hosted zones are signed with DNSSEC",
        severity: Low,
        service: Route53,
        resource_kind: "route53_hosted_zone",
        best_practices: ["SEC09-BP03"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Route53: [ListHostedZones, GetDNSSEC] },
        remediation: "Enable DNSSEC signing for the zone and publish its DS record.",
    }
}

impl Route53PublicZoneDnssecSigning {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for zone in inv.route53.hosted_zones.iter().filter(|z| !z.private) {
            match zone.dnssec_status.as_deref() {
                Some("SIGNING") => out.pass(zone, "DNSSEC signing is on"),
                Some(status) => out.fail(zone, format!("DNSSEC status {status}")),
                None => out.skip(zone, evidence::unknown_for_resource(inv, &zone.arn, "the DNSSEC status")),
            }
        }
    }
}
