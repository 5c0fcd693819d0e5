//! EC2 and VPC checks.
mod ec2_security_group_admin_ports_restricted;

pub use ec2_security_group_admin_ports_restricted::Ec2SecurityGroupAdminPortsRestricted;
