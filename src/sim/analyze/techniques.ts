/**
 * The documented privilege-escalation techniques the escalation graph uses, each with its public
 * description. Facts from: Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and
 * Mitigation" (https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/), and
 * the IAM / STS API Reference pages of each action (https://docs.aws.amazon.com/IAM/latest/APIReference/).
 */

/** A technique name as paths report it. */
export type TechniqueName =
  | 'CreatePolicyVersion'
  | 'SetDefaultPolicyVersion'
  | 'AttachUserPolicy'
  | 'AttachGroupPolicy'
  | 'AttachRolePolicy'
  | 'PutUserPolicy'
  | 'PutGroupPolicy'
  | 'PutRolePolicy'
  | 'AddUserToGroup'
  | 'GroupMembership'
  | 'CreateAccessKey'
  | 'CreateLoginProfile'
  | 'UpdateLoginProfile'
  | 'UpdateAssumeRolePolicy'
  | 'AssumeRole'
  | 'PassRoleToLambda'
  | 'PassRoleToEC2';

/** What a technique does and where it is described. */
export interface Technique {
  name: TechniqueName;
  /** The actions the engine must allow the acting principal. */
  actions: string[];
  words: string;
  source: string;
}

const RHINO = 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/';
const API = (op: string, svc = 'IAM'): string => `https://docs.aws.amazon.com/${svc}/latest/APIReference/API_${op}.html`;

/** Every technique, by name. */
export const TECHNIQUES: Record<TechniqueName, Technique> = {
  CreatePolicyVersion: {
    name: 'CreatePolicyVersion',
    actions: ['iam:CreatePolicyVersion'],
    words:
      'writes a new default version of a customer managed policy attached to the target (with --set-as-default no SetDefaultPolicyVersion permission is needed)',
    source: `${RHINO}; ${API('CreatePolicyVersion')}`,
  },
  SetDefaultPolicyVersion: {
    name: 'SetDefaultPolicyVersion',
    actions: ['iam:SetDefaultPolicyVersion'],
    words: 'makes an existing, more permissive version of a policy attached to the target the default',
    source: `${RHINO}; ${API('SetDefaultPolicyVersion')}`,
  },
  AttachUserPolicy: {
    name: 'AttachUserPolicy',
    actions: ['iam:AttachUserPolicy'],
    words: 'attaches AdministratorAccess to the target user',
    source: `${RHINO}; ${API('AttachUserPolicy')}`,
  },
  AttachGroupPolicy: {
    name: 'AttachGroupPolicy',
    actions: ['iam:AttachGroupPolicy'],
    words: 'attaches AdministratorAccess to the target group',
    source: `${RHINO}; ${API('AttachGroupPolicy')}`,
  },
  AttachRolePolicy: {
    name: 'AttachRolePolicy',
    actions: ['iam:AttachRolePolicy'],
    words: 'attaches AdministratorAccess to the target role',
    source: `${RHINO}; ${API('AttachRolePolicy')}`,
  },
  PutUserPolicy: {
    name: 'PutUserPolicy',
    actions: ['iam:PutUserPolicy'],
    words: 'writes an inline policy allowing everything on the target user',
    source: `${RHINO}; ${API('PutUserPolicy')}`,
  },
  PutGroupPolicy: {
    name: 'PutGroupPolicy',
    actions: ['iam:PutGroupPolicy'],
    words: 'writes an inline policy allowing everything on the target group',
    source: `${RHINO}; ${API('PutGroupPolicy')}`,
  },
  PutRolePolicy: {
    name: 'PutRolePolicy',
    actions: ['iam:PutRolePolicy'],
    words: 'writes an inline policy allowing everything on the target role',
    source: `${RHINO}; ${API('PutRolePolicy')}`,
  },
  AddUserToGroup: {
    name: 'AddUserToGroup',
    actions: ['iam:AddUserToGroup'],
    words: "adds the acting user to the group, gaining the group's permissions",
    source: `${RHINO}; ${API('AddUserToGroup')}`,
  },
  GroupMembership: {
    name: 'GroupMembership',
    actions: [],
    words: "already a member: the user has the group's permissions",
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html',
  },
  CreateAccessKey: {
    name: 'CreateAccessKey',
    actions: ['iam:CreateAccessKey'],
    words: 'creates an access key for the target user and signs in with it',
    source: `${RHINO}; ${API('CreateAccessKey')}`,
  },
  CreateLoginProfile: {
    name: 'CreateLoginProfile',
    actions: ['iam:CreateLoginProfile'],
    words: 'sets a console password for a target user who has none',
    source: `${RHINO}; ${API('CreateLoginProfile')}`,
  },
  UpdateLoginProfile: {
    name: 'UpdateLoginProfile',
    actions: ['iam:UpdateLoginProfile'],
    words: "changes the target user's console password",
    source: `${RHINO}; ${API('UpdateLoginProfile')}`,
  },
  UpdateAssumeRolePolicy: {
    name: 'UpdateAssumeRolePolicy',
    actions: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'],
    words: "rewrites the role's trust policy to name the acting principal, then assumes the role",
    source: `${RHINO}; ${API('UpdateAssumeRolePolicy')}`,
  },
  AssumeRole: {
    name: 'AssumeRole',
    actions: ['sts:AssumeRole'],
    words: 'assumes the role: its trust policy and the identity policies both allow it',
    source: API('AssumeRole', 'STS'),
  },
  PassRoleToLambda: {
    name: 'PassRoleToLambda',
    actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
    words: 'creates a Lambda function with the role as its execution role and invokes it',
    source: `${RHINO}; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html`,
  },
  PassRoleToEC2: {
    name: 'PassRoleToEC2',
    actions: ['iam:PassRole', 'ec2:RunInstances'],
    words: "launches an instance with the role's instance profile and uses the role's credentials from it",
    source: `${RHINO}; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html`,
  },
};

/** The policy a modifying technique writes: everything on everything. */
export const ADMIN_DOCUMENT = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
/** The AWS managed policy an attaching technique attaches. */
export const ADMIN_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/**
 * Administrator-equivalent, as this analysis decides it: the engine allows every one of these
 * actions on `*` with no request context beyond the principal's own keys. A principal limited by a
 * boundary or an SCP to fewer actions is not administrator-equivalent. (Chosen: AWS defines no
 * test; these are the IAM, data and compute actions an administrator has.)
 */
export const ADMIN_PROBES = [
  'iam:CreateUser',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:CreateAccessKey',
  'iam:PassRole',
  'iam:DeleteRole',
  'sts:AssumeRole',
  's3:GetObject',
  's3:DeleteBucket',
  'ec2:RunInstances',
  'lambda:CreateFunction',
  'kms:Decrypt',
  'dynamodb:DeleteTable',
];
