use crate::declare_check;
use wasp_model::ec2::Protocol;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits Elasticsearch/Kibana (TCP ports 9200, 9300, 5601) from
    /// `0.0.0.0/0` or `::/0`. A rule counts when its protocol matches (or is `-1`, all
    /// protocols) and its port range includes one of the ports; rules from private ranges,
    /// prefix lists or other security groups do not. Every security group is judged, attached
    /// or not.
    ///
    /// ### Why it matters
    /// Self-managed Elasticsearch clusters left open have leaked billions of records; the REST API (9200) reads and deletes indices and Kibana (5601) is a console onto them.
    ///
    /// ### How to fix
    /// Remove the rule; put the cluster behind a private load balancer or VPN and turn on its security features.
    Ec2SecurityGroupElasticsearchKibanaPortsRestricted {
        id: "ec2_security_group_elasticsearch_kibana_ports_restricted",
        title: "Security groups do not open Elasticsearch/Kibana to the internet",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02"],
        prowler: ["ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_elasticsearch_kibana_9200_9300_5601"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Remove internet-wide Elasticsearch/Kibana rules and allow only the security groups that need the service.",
    }
}

impl Ec2SecurityGroupElasticsearchKibanaPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::ports::judge(inv, out, "Elasticsearch/Kibana", &[9200, 9300, 5601], &[Protocol::Tcp]);
    }
}
