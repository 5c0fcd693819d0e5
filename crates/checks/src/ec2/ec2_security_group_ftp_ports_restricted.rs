use crate::declare_check;
use wasp_model::ec2::Protocol;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits FTP (TCP ports 20, 21) from
    /// `0.0.0.0/0` or `::/0`. A rule counts when its protocol matches (or is `-1`, all
    /// protocols) and its port range includes one of the ports; rules from private ranges,
    /// prefix lists or other security groups do not. Every security group is judged, attached
    /// or not.
    ///
    /// ### Why it matters
    /// FTP carries credentials and files unencrypted; an FTP server on the internet is a target for credential theft and for being used as a drop box.
    ///
    /// ### How to fix
    /// Remove the rule; move transfers to SFTP (AWS Transfer Family) or S3 with pre-signed URLs, or limit the source to partner addresses.
    Ec2SecurityGroupFtpPortsRestricted {
        id: "ec2_security_group_ftp_ports_restricted",
        title: "Security groups do not open FTP to the internet",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02", "SEC09-BP02"],
        prowler: ["ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_ftp_20_21"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Remove internet-wide FTP rules and allow only the security groups that need the service.",
    }
}

impl Ec2SecurityGroupFtpPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::ports::judge(inv, out, "FTP", &[20, 21], &[Protocol::Tcp]);
    }
}
