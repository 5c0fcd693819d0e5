use crate::declare_check;
use wasp_model::ec2::Protocol;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits Kafka (TCP port 9092) from
    /// `0.0.0.0/0` or `::/0`. A rule counts when its protocol matches (or is `-1`, all
    /// protocols) and its port range includes one of the ports; rules from private ranges,
    /// prefix lists or other security groups do not. Every security group is judged, attached
    /// or not.
    ///
    /// ### Why it matters
    /// A plaintext Kafka listener on the internet lets anyone consume or produce messages on every topic the broker allows anonymously.
    ///
    /// ### How to fix
    /// Remove the rule; reach brokers over private networking, with TLS and SASL listeners.
    Ec2SecurityGroupKafkaPortsRestricted {
        id: "ec2_security_group_kafka_ports_restricted",
        title: "Security groups do not open Kafka to the internet",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02"],
        prowler: ["ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_kafka_9092"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Remove internet-wide Kafka rules and allow only the security groups that need the service.",
    }
}

impl Ec2SecurityGroupKafkaPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::ports::judge(inv, out, "Kafka", &[9092], &[Protocol::Tcp]);
    }
}
