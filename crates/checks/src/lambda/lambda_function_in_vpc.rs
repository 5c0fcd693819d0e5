use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Lambda function is attached to a VPC (its configuration names a VPC). A function
    /// without one fails. This follows Security Hub Lambda.3; a function that reaches only
    /// public AWS APIs gains little from a VPC, so read failures as a prompt to decide, not
    /// as an exposure.
    ///
    /// ### Why it matters
    /// In a VPC, the function's traffic passes your security groups, network ACLs, VPC
    /// endpoints (with their policies) and flow logs; outside, it reaches the internet
    /// directly and cannot be confined to the network layer it belongs to.
    ///
    /// ### How to fix
    /// Attach the function to private subnets with a security group (`aws lambda
    /// update-function-configuration --vpc-config SubnetIds=…,SecurityGroupIds=…`) and give
    /// it VPC endpoints or a NAT gateway for the services it calls.
    LambdaFunctionInVpc {
        id: "lambda_function_in_vpc",
        title: "Lambda functions are attached to a VPC",
        severity: Low,
        service: Lambda,
        resource_kind: "lambda_function",
        best_practices: ["SEC05-BP01"],
        prowler: ["awslambda_function_inside_vpc"],
        security_hub: ["Lambda.3"],
        config_rule: ["LAMBDA_INSIDE_VPC"],
        cis: [],
        reads: { Lambda: [ListFunctions] },
        remediation: "Attach the function to private subnets of a VPC.",
    }
}

impl LambdaFunctionInVpc {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for function in &inv.lambda.functions {
            match &function.vpc_id {
                Some(vpc) => out.pass(function, format!("attached to {vpc}")),
                None => out.fail(function, "the function is not attached to a VPC"),
            }
        }
    }
}
