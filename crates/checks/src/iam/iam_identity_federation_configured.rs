use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// People sign in through a central identity provider: the account has an IAM SAML
    /// identity provider (`ListSAMLProviders`), or an IAM Identity Center instance is visible
    /// from one of the scanned regions (`ListInstances`; an organization instance is visible
    /// from the management account and member accounts alike only where it lives, so scan
    /// its region). OIDC providers are listed in the message but do not count: they federate
    /// workloads (CI pipelines, Kubernetes), not the workforce. FAIL when neither exists; SKIP
    /// when neither was found and the providers or a region's instances could not be read.
    /// Whether IAM users remain besides the federation is judged by the IAM user checks.
    ///
    /// ### Why it matters
    /// With a central identity provider, joiners, movers and leavers are handled once, MFA and
    /// session policies apply everywhere, and nobody holds a long-term IAM password.
    ///
    /// ### How to fix
    /// Enable IAM Identity Center in the management account, connect it to the workforce
    /// directory, and assign access through permission sets; remove IAM users that only
    /// served people.
    IamIdentityFederationConfigured {
        id: "iam_identity_federation_configured",
        title: "Workforce access goes through a central identity provider",
        severity: Medium,
        service: Iam,
        resource_kind: "account",
        best_practices: ["SEC02-BP04"],
        prowler: ["iam_check_saml_providers_sts"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Iam: [ListSAMLProviders, ListOpenIDConnectProviders], IdentityCenter: [ListInstances] },
        remediation: "Federate workforce access through IAM Identity Center or a SAML identity provider.",
    }
}

impl IamIdentityFederationConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let instance =
            inv.identity_center.instances.iter().find_map(|(region, list)| list.first().map(|i| (region, i)));
        if let Some((region, i)) = instance {
            out.account(Status::Pass, format!("IAM Identity Center instance {} in {region}", i.arn));
            return;
        }
        let providers = inv.iam.identity_providers.as_ref();
        if let Some(saml) = providers.and_then(|p| p.iter().find(|p| p.kind == "saml")) {
            out.account(Status::Pass, format!("SAML identity provider {}", saml.arn));
            return;
        }
        let unread_region = evidence::scanned_regions(inv).find(|r| !inv.identity_center.instances.contains_key(*r));
        let unknown = match (providers, unread_region) {
            (None, _) => Some(evidence::unknown_because(inv, Service::Iam, GLOBAL_REGION, "the identity providers")),
            (_, Some(region)) if inv.has_service(Service::IdentityCenter) => {
                Some(evidence::unknown_because(inv, Service::IdentityCenter, region, "the Identity Center instances"))
            }
            _ => None,
        };
        if let Some(why) = unknown {
            out.account(Status::Skip, why);
            return;
        }
        let oidc = providers.map_or(0, |p| p.iter().filter(|p| p.kind == "oidc").count());
        let note = if oidc > 0 { format!(" ({oidc} OIDC providers federate workloads only)") } else { String::new() };
        out.account(Status::Fail, format!("no Identity Center instance and no SAML identity provider{note}"));
    }
}
