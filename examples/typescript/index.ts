// The Python example's program (examples/python-consumer/__main__.py) in TypeScript: the program creates
// its own network, SimpleAD directory, administrator roles and alert topic, and passes their Outputs to
// the component through the SDK that `pulumi package add` generates from the component provider.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as ew from "@pulumi/encrypted-workspaces";

const config = new pulumi.Config();
const accountId = aws.getCallerIdentityOutput().accountId;
const region = aws.getRegionOutput().region;

function trustingTheAccount(account: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.output(account).apply((id) =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: "sts:AssumeRole" }],
        }),
    );
}

const vpc = new aws.ec2.Vpc("corp", { cidrBlock: "10.20.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
const subnets = [
    ["a", "10.20.1.0/24"],
    ["b", "10.20.2.0/24"],
].map(
    ([zone, cidr]) =>
        new aws.ec2.Subnet(`corp-${zone}`, {
            vpcId: vpc.id,
            cidrBlock: cidr,
            availabilityZone: pulumi.interpolate`${region}${zone}`,
        }),
);
const directory = new aws.directoryservice.Directory("corp", {
    name: "corp.example.com",
    password: config.requireSecret("directoryPassword"),
    size: "Small",
    type: "SimpleAD",
    vpcSettings: { vpcId: vpc.id, subnetIds: subnets.map((subnet) => subnet.id) },
});

const keyAdministrators = new aws.iam.Role("KeyAdministrators", { assumeRolePolicy: trustingTheAccount(accountId) });
const workspacesAdministrators = new aws.iam.Role("WorkSpacesAdministrators", {
    assumeRolePolicy: trustingTheAccount(accountId),
});

const topic = new aws.sns.Topic("security-alerts");
new aws.sns.TopicPolicy("security-alerts", {
    arn: topic.arn,
    policy: topic.arn.apply((arn) =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "EventBridgePublishes",
                    Effect: "Allow",
                    Principal: { Service: "events.amazonaws.com" },
                    Action: "sns:Publish",
                    Resource: arn,
                },
            ],
        }),
    ),
});

const workspaces = new ew.EncryptedWorkspaces("euc", {
    tags: { team: "end-user-computing", vpc: vpc.id },
    key: { administrators: [keyAdministrators.arn] },
    // A role the program creates: given under a label, which names its policy attachments.
    administrators: { roles: { WorkSpacesAdministrators: workspacesAdministrators.arn } },
    directory: { directoryId: directory.id, subnetIds: subnets.map((subnet) => subnet.id) },
    workspaces: {
        defaults: { bundleId: config.get("bundleId") ?? "wsb-bh8rsxt14" },
        // Plain names: each names its WorkSpace's resource.
        users: { alice: {}, bob: { computeTypeName: "PERFORMANCE", runningMode: "ALWAYS_ON" } },
        protect: config.getBoolean("protect") !== false,
    },
    alarms: { topicArn: topic.arn },
});

export const keyArn = workspaces.keyArn;
export const workspaceIds = workspaces.workspaceIds;
