"""Pulumi type tokens of the resources this package registers, reads or judges."""

from __future__ import annotations

KMS_KEY = "aws:kms/key:Key"
KMS_ALIAS = "aws:kms/alias:Alias"
IAM_POLICY = "aws:iam/policy:Policy"
IAM_ROLE = "aws:iam/role:Role"
IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy"
IAM_USER_POLICY = "aws:iam/userPolicy:UserPolicy"
IAM_GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy"
IAM_ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
IAM_USER_POLICY_ATTACHMENT = "aws:iam/userPolicyAttachment:UserPolicyAttachment"
IAM_GROUP_POLICY_ATTACHMENT = "aws:iam/groupPolicyAttachment:GroupPolicyAttachment"
WORKSPACES_DIRECTORY = "aws:workspaces/directory:Directory"
WORKSPACE = "aws:workspaces/workspace:Workspace"
WORKSPACES_IP_GROUP = "aws:workspaces/ipGroup:IpGroup"
EBS_ENCRYPTION_BY_DEFAULT = "aws:ebs/encryptionByDefault:EncryptionByDefault"
EBS_DEFAULT_KMS_KEY = "aws:ebs/defaultKmsKey:DefaultKmsKey"
EVENT_RULE = "aws:cloudwatch/eventRule:EventRule"
EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget"
# What a program that uses the component creates and passes to it (examples/python-consumer/): the
# offline engine answers these with ids and ARNs of the shapes the component checks.
DIRECTORY_SERVICE_DIRECTORY = "aws:directoryservice/directory:Directory"
EC2_VPC = "aws:ec2/vpc:Vpc"
EC2_SUBNET = "aws:ec2/subnet:Subnet"
SNS_TOPIC = "aws:sns/topic:Topic"

# Data-source invokes the component makes.
GET_CALLER_IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity"
GET_PARTITION = "aws:index/getPartition:getPartition"
GET_REGION = "aws:index/getRegion:getRegion"
# Look-ups of things the stack names but does not create: AWS answers them under `pulumi up`; the
# offline engine answers them from the name (and says so in plan's output).
GET_KMS_KEY = "aws:kms/getKey:getKey"
GET_WORKSPACES_BUNDLE = "aws:workspaces/getBundle:getBundle"
