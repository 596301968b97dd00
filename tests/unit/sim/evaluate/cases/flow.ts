/** Evaluation-flow cases: layers, principal types, organizations, cross-account. */
import { ACCOUNT, MGMT, OTHER, P, allow, deny, FULL_ACCESS, type EngineCase } from './case.ts';
import { DOC } from './docs.ts';

const BUCKET = 'arn:aws:s3:::shared/report.csv';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/Target`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const rbp = (principal: unknown, extra: object = {}): NonNullable<EngineCase['resourcePolicy']> => ({ kind: 'resource', doc: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: BUCKET, ...extra }] });
const trust = (principal: unknown, extra: object = {}): NonNullable<EngineCase['resourcePolicy']> => ({ kind: 'trust', doc: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }] });
const RCP_FULL = [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }];

export const flowCases: EngineCase[] = [
  // Defaults and explicit deny
  { name: 'no policies: implicit deny', doc: DOC.evaluation, action: 'iam:ListUsers', expect: 'implicitDeny', reason: 'NO_IDENTITY_ALLOW' },
  { name: 'an identity allow allows', doc: DOC.evaluation, action: 'iam:ListUsers', identity: [[allow('iam:ListUsers')]], expect: 'allowed', reason: 'IDENTITY_ALLOW' },
  { name: 'allow in one policy, deny in another: deny wins', doc: DOC.denyAllow, action: 'iam:ListUsers', identity: [[allow('*')], [deny('iam:*')]], expect: 'explicitDeny', reason: 'EXPLICIT_DENY' },
  { name: 'allows combine across policies (user + group)', doc: DOC.evaluation, action: 's3:GetObject', identity: [[allow('iam:*')], [allow('s3:GetObject')]], expect: 'allowed' },
  { name: 'a Deny that does not apply changes nothing', doc: DOC.denyAllow, action: 'iam:ListUsers', identity: [[allow('*'), deny('s3:*')]], expect: 'allowed' },

  // Root user
  { name: 'root user: allowed with no policies', doc: DOC.rootUser, principal: P.root, action: 'iam:CreateUser', expect: 'allowed', reason: 'ROOT_USER_ALLOWED' },
  { name: 'root user: identity policies do not apply to root', doc: DOC.rootUser, principal: P.root, action: 'iam:CreateUser', identity: [[deny('*')]], expect: 'allowed', reason: 'ROOT_USER_ALLOWED' },
  {
    name: 'root user of a member account: an SCP deny applies',
    doc: DOC.scp,
    principal: P.root,
    action: 'iam:CreateUser',
    scps: [[FULL_ACCESS], [FULL_ACCESS, [deny('iam:CreateUser')]]],
    expect: 'explicitDeny',
    reason: 'EXPLICIT_DENY',
  },
  {
    name: 'root user: a resource-based policy deny applies',
    doc: DOC.rootUser,
    principal: P.root,
    action: 's3:GetObject',
    resource: BUCKET,
    resourcePolicy: { kind: 'resource', doc: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BUCKET }] },
    expect: 'explicitDeny',
  },
  {
    name: 'root user of the management account: SCPs do not apply',
    doc: DOC.scp,
    principal: { ...P.root, arn: `arn:aws:iam::${MGMT}:root`, accountId: MGMT },
    action: 'iam:CreateUser',
    scps: [[[deny('*')]]],
    managementAccount: MGMT,
    expect: 'allowed',
    reason: 'ROOT_USER_ALLOWED',
  },
  {
    name: 'root user across accounts still needs the resource policy',
    doc: DOC.crossAccount,
    principal: P.otherRoot,
    action: 's3:GetObject',
    resource: BUCKET,
    resourceAccount: ACCOUNT,
    expect: 'implicitDeny',
    reason: 'CROSS_ACCOUNT_NO_RESOURCE_ALLOW',
  },
  {
    name: 'root user across accounts with the account trusted in the resource policy',
    doc: DOC.crossAccount,
    principal: P.otherRoot,
    action: 's3:GetObject',
    resource: BUCKET,
    resourceAccount: ACCOUNT,
    resourcePolicy: rbp({ AWS: OTHER }),
    expect: 'allowed',
  },

  // Permissions boundaries
  { name: 'boundary allows and identity allows: allowed', doc: DOC.boundaries, action: 's3:GetObject', identity: [[allow('s3:*')]], boundary: [allow('s3:GetObject')], expect: 'allowed' },
  { name: 'boundary does not allow: implicit deny', doc: DOC.boundaries, action: 's3:PutObject', identity: [[allow('s3:*')]], boundary: [allow('s3:GetObject')], expect: 'implicitDeny', reason: 'BOUNDARY_IMPLICIT_DENY' },
  { name: 'boundary alone grants nothing', doc: DOC.boundaries, action: 's3:GetObject', boundary: [allow('*')], expect: 'implicitDeny', reason: 'NO_IDENTITY_ALLOW' },
  { name: 'boundary deny is an explicit deny', doc: DOC.boundaries, action: 's3:GetObject', identity: [[allow('*')]], boundary: [allow('*'), deny('s3:GetObject')], expect: 'explicitDeny' },

  // Session policies
  { name: 'role session without session policy: role policies decide', doc: DOC.sessionPolicies, principal: P.session, action: 's3:GetObject', identity: [[allow('s3:*')]], expect: 'allowed' },
  { name: 'session policy allows too: allowed', doc: DOC.sessionPolicies, principal: P.session, action: 's3:GetObject', identity: [[allow('s3:*')]], session: [[allow('s3:GetObject')]], expect: 'allowed' },
  {
    name: 'session policy does not allow: implicit deny',
    doc: DOC.sessionPolicies,
    principal: P.session,
    action: 's3:PutObject',
    identity: [[allow('s3:*')]],
    session: [[allow('s3:GetObject')]],
    expect: 'implicitDeny',
    reason: 'SESSION_POLICY_IMPLICIT_DENY',
  },
  { name: 'session policy cannot grant more than the role', doc: DOC.sessionPolicies, principal: P.session, action: 'iam:ListUsers', identity: [[allow('s3:*')]], session: [[allow('*')]], expect: 'implicitDeny', reason: 'NO_IDENTITY_ALLOW' },
  {
    name: 'federated user without a session policy has no permissions',
    doc: DOC.getFederationToken,
    principal: P.federated,
    action: 's3:GetObject',
    identity: [[allow('*')]],
    expect: 'implicitDeny',
    reason: 'FEDERATED_NO_SESSION_POLICY',
  },
  { name: 'federated user with a session policy: intersection', doc: DOC.getFederationToken, principal: P.federated, action: 's3:GetObject', identity: [[allow('*')]], session: [[allow('s3:*')]], expect: 'allowed' },
  { name: 'session policies do not apply to IAM users', doc: DOC.sessionPolicies, action: 'iam:ListUsers', identity: [[allow('*')]], session: [[allow('s3:*')]], expect: 'allowed' },

  // SCP levels
  { name: 'SCP FullAWSAccess at every level: identity decides', doc: DOC.scpEvaluation, action: 's3:GetObject', identity: [[allow('s3:*')]], scps: [[FULL_ACCESS], [FULL_ACCESS], [FULL_ACCESS]], expect: 'allowed' },
  {
    name: 'SCP: a level without an Allow for the action denies',
    doc: DOC.scpEvaluation,
    action: 's3:GetObject',
    identity: [[allow('*')]],
    scps: [[FULL_ACCESS], [[allow('ec2:*')]], [FULL_ACCESS]],
    expect: 'implicitDeny',
    reason: 'SCP_IMPLICIT_DENY',
  },
  // "Policy evaluation logic, within an account", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html: "If the enforcement code does not find any applicable Allow statements in the SCPs, the
  // request is explicitly denied, even if the denial is implicit" — final: a same-account grant cannot override it.
  { name: 'SCP: a level without an Allow is final even when a same-account RBP names the user', doc: DOC.denyAllow, action: 's3:GetObject', resource: BUCKET, scps: [[FULL_ACCESS], [[allow('ec2:*')]]], resourcePolicy: rbp({ AWS: P.alice.arn }), expect: 'implicitDeny', reason: 'SCP_IMPLICIT_DENY' },
  { name: 'SCP: a level without an Allow is final for the member-account root user', doc: DOC.denyAllow, principal: P.root, action: 'iam:CreateUser', scps: [[FULL_ACCESS], [[allow('ec2:*')]]], expect: 'implicitDeny', reason: 'SCP_IMPLICIT_DENY' },
  { name: 'SCP: an allow at every level does not grant by itself', doc: DOC.scpEvaluation, action: 's3:GetObject', scps: [[FULL_ACCESS]], expect: 'implicitDeny', reason: 'NO_IDENTITY_ALLOW' },
  { name: 'SCP deny at the root level', doc: DOC.scpEvaluation, action: 'organizations:LeaveOrganization', identity: [[allow('*')]], scps: [[FULL_ACCESS, [deny('organizations:LeaveOrganization')]], [FULL_ACCESS]], expect: 'explicitDeny' },
  { name: 'SCPs do not restrict service-linked roles', doc: DOC.scp, principal: P.slr, action: 's3:GetObject', identity: [[allow('s3:*')]], scps: [[[deny('*')]]], expect: 'allowed' },
  {
    name: 'SCPs do not restrict the management account',
    doc: DOC.scp,
    principal: { ...P.alice, arn: `arn:aws:iam::${MGMT}:user/alice`, accountId: MGMT },
    action: 's3:GetObject',
    identity: [[allow('s3:*')]],
    scps: [[[deny('*')]]],
    managementAccount: MGMT,
    expect: 'allowed',
  },
  { name: 'SCP allow with a condition that fails: no allow at that level', doc: DOC.scpEvaluation, action: 's3:GetObject', identity: [[allow('*')]], scps: [[[allow('*', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } })]]], context: { 'aws:RequestedRegion': 'us-east-1' }, expect: 'implicitDeny', reason: 'SCP_IMPLICIT_DENY' },
  { name: 'SCP deny for regions outside an allow-list', doc: DOC.scp, action: 'ec2:RunInstances', identity: [[allow('*')]], scps: [[FULL_ACCESS, [deny('*', '*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } })]]], context: { 'aws:RequestedRegion': 'us-east-1' }, expect: 'explicitDeny' },

  // RCPs
  { name: 'RCP deny on a supported service', doc: DOC.rcp, action: 's3:GetObject', resource: BUCKET, identity: [[allow('*')]], rcps: [[RCP_FULL, [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }]]], expect: 'explicitDeny' },
  { name: 'RCPs apply to the root user too', doc: DOC.rcp, principal: P.root, action: 's3:GetObject', resource: BUCKET, rcps: [[[{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }]]], expect: 'explicitDeny' },
  { name: 'RCPs do not apply to services outside the RCP list', doc: DOC.rcp, action: 'iam:ListUsers', identity: [[allow('*')]], rcps: [[[{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }]]], expect: 'allowed' },
  { name: 'RCPFullAWSAccess is implicit: RCPs alone never cause an implicit deny', doc: DOC.rcp, action: 's3:GetObject', resource: BUCKET, identity: [[allow('*')]], rcps: [[]], expect: 'allowed' },
  { name: 'RCPs do not apply to resources in the management account', doc: DOC.rcp, action: 's3:GetObject', resource: BUCKET, principal: { ...P.alice, accountId: MGMT, arn: `arn:aws:iam::${MGMT}:user/alice` }, identity: [[allow('*')]], rcps: [[[{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }]]], managementAccount: MGMT, expect: 'allowed' },

  // Resource-based policies in the same account ("Policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html)
  { name: 'same account: RBP naming the user allows without identity policy', doc: DOC.evaluation, action: 's3:GetObject', resource: BUCKET, resourcePolicy: rbp({ AWS: P.alice.arn }), expect: 'allowed', reason: 'RESOURCE_POLICY_ALLOW' },
  { name: 'same account: RBP naming the user is not limited by the boundary', doc: DOC.boundaries, action: 's3:GetObject', resource: BUCKET, boundary: [allow('ec2:*')], resourcePolicy: rbp({ AWS: P.alice.arn }), expect: 'allowed', reason: 'RESOURCE_POLICY_ALLOW' },
  { name: 'same account: RBP naming the account needs an identity allow', doc: DOC.principal, action: 's3:GetObject', resource: BUCKET, resourcePolicy: rbp({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), expect: 'implicitDeny', reason: 'NO_IDENTITY_ALLOW' },
  { name: 'same account: RBP naming the account plus identity allow', doc: DOC.principal, action: 's3:GetObject', resource: BUCKET, identity: [[allow('s3:GetObject')]], resourcePolicy: rbp({ AWS: ACCOUNT }), expect: 'allowed', reason: 'IDENTITY_ALLOW' },
  { name: 'same account: RBP naming the role allows a session without identity allow', doc: DOC.evaluation, principal: P.session, action: 's3:GetObject', resource: BUCKET, resourcePolicy: rbp({ AWS: P.session.roleArn }), expect: 'allowed', reason: 'RESOURCE_POLICY_ALLOW' },
  { name: 'same account: RBP naming the role is limited by the boundary', doc: DOC.boundaries, principal: P.session, action: 's3:GetObject', resource: BUCKET, boundary: [allow('ec2:*')], resourcePolicy: rbp({ AWS: P.session.roleArn }), expect: 'implicitDeny', reason: 'BOUNDARY_IMPLICIT_DENY' },
  { name: 'same account: RBP naming the role is limited by the session policy', doc: DOC.sessionPolicies, principal: P.session, action: 's3:GetObject', resource: BUCKET, session: [[allow('ec2:*')]], resourcePolicy: rbp({ AWS: P.session.roleArn }), expect: 'implicitDeny', reason: 'SESSION_POLICY_IMPLICIT_DENY' },
  { name: 'same account: RBP naming the session ARN is not limited by the session policy', doc: DOC.sessionPolicies, principal: P.session, action: 's3:GetObject', resource: BUCKET, session: [[allow('ec2:*')]], resourcePolicy: rbp({ AWS: P.session.sessionArn }), expect: 'allowed', reason: 'RESOURCE_POLICY_ALLOW' },
  { name: 'same account: RBP naming the session ARN is not limited by the boundary', doc: DOC.boundaries, principal: P.session, action: 's3:GetObject', resource: BUCKET, boundary: [allow('ec2:*')], resourcePolicy: rbp({ AWS: P.session.sessionArn }), expect: 'allowed' },
  { name: 'same account: RBP naming the federated session ARN allows', doc: DOC.sessionPolicies, principal: P.federated, action: 's3:GetObject', resource: BUCKET, resourcePolicy: rbp({ AWS: P.federated.arn }), expect: 'allowed' },
  { name: 'same account: RBP naming the user who federated is limited by the session policy', doc: DOC.sessionPolicies, principal: P.federated, action: 's3:GetObject', resource: BUCKET, session: [[allow('ec2:*')]], resourcePolicy: rbp({ AWS: P.alice.arn }), expect: 'implicitDeny', reason: 'SESSION_POLICY_IMPLICIT_DENY' },
  { name: 'same account: RBP naming another user does not match', doc: DOC.principal, action: 's3:GetObject', resource: BUCKET, resourcePolicy: rbp({ AWS: P.bob.arn }), expect: 'implicitDeny', reason: 'NO_IDENTITY_ALLOW' },
  { name: 'same account: RBP with a condition that fails does not allow', doc: DOC.evaluation, action: 's3:GetObject', resource: BUCKET, resourcePolicy: rbp({ AWS: P.alice.arn }, { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), context: { 'aws:SecureTransport': false }, expect: 'implicitDeny' },
  { name: 'same account: RBP allows for a different resource', doc: DOC.evaluation, action: 's3:GetObject', resource: 'arn:aws:s3:::other/x', resourcePolicy: rbp({ AWS: P.alice.arn }), expect: 'implicitDeny' },
  { name: 'identity allow with an unrelated RBP: allowed', doc: DOC.evaluation, action: 's3:GetObject', resource: BUCKET, identity: [[allow('s3:GetObject')]], resourcePolicy: rbp({ AWS: P.bob.arn }), expect: 'allowed', reason: 'IDENTITY_ALLOW' },
  { name: 'RBP deny beats an identity allow', doc: DOC.denyAllow, action: 's3:GetObject', resource: BUCKET, identity: [[allow('*')]], resourcePolicy: { kind: 'resource', doc: [{ Effect: 'Deny', Principal: { AWS: P.alice.arn }, Action: 's3:GetObject', Resource: BUCKET }] }, expect: 'explicitDeny' },
  { name: 'public RBP ("*") allows anonymous callers', doc: DOC.principal, principal: P.anonymous, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, resourcePolicy: rbp('*'), expect: 'allowed' },
  { name: 'anonymous callers without a public RBP are denied', doc: DOC.principal, principal: P.anonymous, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, resourcePolicy: rbp({ AWS: ACCOUNT }), expect: 'implicitDeny', reason: 'ANONYMOUS_NO_RESOURCE_ALLOW' },
  { name: 'a service principal allowed by the RBP', doc: DOC.principal, principal: P.ec2, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, resourcePolicy: rbp({ Service: 'ec2.amazonaws.com' }), expect: 'allowed' },
  { name: 'a service principal not named is denied', doc: DOC.principal, principal: P.ec2, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, resourcePolicy: rbp({ Service: 'lambda.amazonaws.com' }), expect: 'implicitDeny' },
  {
    name: 'RBP Deny with NotPrincipal excludes the listed user',
    doc: DOC.notPrincipal,
    action: 's3:GetObject',
    resource: BUCKET,
    identity: [[allow('s3:*')]],
    resourcePolicy: { kind: 'resource', doc: [{ Effect: 'Deny', NotPrincipal: { AWS: P.alice.arn }, Action: 's3:*', Resource: BUCKET }] },
    expect: 'allowed',
  },
  {
    name: 'RBP Deny with NotPrincipal denies everyone else',
    doc: DOC.notPrincipal,
    principal: P.bob,
    action: 's3:GetObject',
    resource: BUCKET,
    identity: [[allow('s3:*')]],
    resourcePolicy: { kind: 'resource', doc: [{ Effect: 'Deny', NotPrincipal: { AWS: P.alice.arn }, Action: 's3:*', Resource: BUCKET }] },
    expect: 'explicitDeny',
  },
  // "all principals except the user named Bob in AWS account 444455556666 are explicitly denied": listing the
  // account's ARN in NotPrincipal excludes the account principal itself, not every user and role in it.
  {
    name: 'RBP Deny with NotPrincipal [Bob, account root]: another user of that account is denied',
    doc: DOC.notPrincipal,
    principal: P.bob,
    action: 's3:GetObject',
    resource: BUCKET,
    identity: [[allow('s3:*')]],
    resourcePolicy: { kind: 'resource', doc: [{ Effect: 'Deny', NotPrincipal: { AWS: [P.alice.arn, `arn:aws:iam::${ACCOUNT}:root`] }, Action: 's3:*', Resource: BUCKET }] },
    expect: 'explicitDeny',
  },
  {
    name: 'RBP Deny with NotPrincipal [Bob, account root]: Bob and the account root are not denied',
    doc: DOC.notPrincipal,
    principal: P.root,
    action: 's3:GetObject',
    resource: BUCKET,
    resourcePolicy: { kind: 'resource', doc: [{ Effect: 'Deny', NotPrincipal: { AWS: [P.alice.arn, ACCOUNT] }, Action: 's3:*', Resource: BUCKET }] },
    expect: 'allowed',
  },
  {
    name: 'RBP Deny with NotPrincipal [Bob, account root]: Bob is not denied',
    doc: DOC.notPrincipal,
    action: 's3:GetObject',
    resource: BUCKET,
    identity: [[allow('s3:*')]],
    resourcePolicy: { kind: 'resource', doc: [{ Effect: 'Deny', NotPrincipal: { AWS: [P.alice.arn, `arn:aws:iam::${ACCOUNT}:root`] }, Action: 's3:*', Resource: BUCKET }] },
    expect: 'allowed',
  },
  {
    name: 'RBP Deny with NotPrincipal always denies a principal with a boundary',
    doc: DOC.notPrincipal,
    action: 's3:GetObject',
    resource: BUCKET,
    identity: [[allow('s3:*')]],
    boundary: [allow('*')],
    resourcePolicy: { kind: 'resource', doc: [{ Effect: 'Deny', NotPrincipal: { AWS: P.alice.arn }, Action: 's3:*', Resource: BUCKET }] },
    expect: 'explicitDeny',
  },

  // Trust policies
  { name: 'trust naming the user in the same account: no identity policy needed', doc: DOC.trust, action: 'sts:AssumeRole', resource: ROLE, resourcePolicy: trust({ AWS: P.alice.arn }), expect: 'allowed', reason: 'TRUST_POLICY_ALLOW' },
  { name: 'trust naming the account: identity allow needed', doc: DOC.trust, action: 'sts:AssumeRole', resource: ROLE, resourcePolicy: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), expect: 'implicitDeny', reason: 'NO_IDENTITY_ALLOW' },
  { name: 'trust naming the account plus identity allow', doc: DOC.trust, action: 'sts:AssumeRole', resource: ROLE, identity: [[allow('sts:AssumeRole', ROLE)]], resourcePolicy: trust({ AWS: ACCOUNT }), expect: 'allowed' },
  { name: 'trust must allow explicitly: identity allow is not enough', doc: DOC.trust, action: 'sts:AssumeRole', resource: ROLE, identity: [[allow('sts:AssumeRole', ROLE)]], resourcePolicy: trust({ Service: 'ec2.amazonaws.com' }), expect: 'implicitDeny', reason: 'TRUST_POLICY_NO_ALLOW' },
  { name: 'roles do not trust themselves implicitly', doc: DOC.trust, principal: { ...P.session, roleArn: ROLE, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Target/s` }, action: 'sts:AssumeRole', resource: ROLE, identity: [[allow('sts:AssumeRole', ROLE)]], resourcePolicy: trust({ Service: 'ec2.amazonaws.com' }), expect: 'implicitDeny', reason: 'TRUST_POLICY_NO_ALLOW' },
  { name: 'trust with an MFA condition and no MFA', doc: DOC.trust, action: 'sts:AssumeRole', resource: ROLE, resourcePolicy: trust({ AWS: P.alice.arn }, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), expect: 'implicitDeny', reason: 'TRUST_POLICY_NO_ALLOW' },
  { name: 'trust with an MFA condition and MFA', doc: DOC.trust, action: 'sts:AssumeRole', resource: ROLE, context: { 'aws:MultiFactorAuthPresent': 'true' }, resourcePolicy: trust({ AWS: P.alice.arn }, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), expect: 'allowed' },
  { name: 'trust cross-account: both sides allow', doc: DOC.crossAccount, principal: P.carol, action: 'sts:AssumeRole', resource: ROLE, resourceAccount: ACCOUNT, identity: [[allow('sts:AssumeRole', ROLE)]], resourcePolicy: trust({ AWS: OTHER }), expect: 'allowed' },
  { name: 'trust cross-account: caller side missing', doc: DOC.crossAccount, principal: P.carol, action: 'sts:AssumeRole', resource: ROLE, resourceAccount: ACCOUNT, resourcePolicy: trust({ AWS: P.carol.arn }), expect: 'implicitDeny', reason: 'CROSS_ACCOUNT_NO_IDENTITY_ALLOW' },
  { name: 'trust explicit deny', doc: DOC.trust, action: 'sts:AssumeRole', resource: ROLE, resourcePolicy: { kind: 'trust', doc: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }, { Effect: 'Deny', Principal: { AWS: P.alice.arn }, Action: 'sts:AssumeRole' }] }, identity: [[allow('*')]], expect: 'explicitDeny' },

  // Key policies
  { name: 'key policy naming the account lets IAM policies work', doc: DOC.kmsKeyPolicy, action: 'kms:Decrypt', resource: KEY, identity: [[allow('kms:Decrypt')]], resourcePolicy: { kind: 'key', doc: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] }, expect: 'allowed' },
  { name: 'key policy without the account statement: IAM policies alone do nothing', doc: DOC.kmsKeyPolicy, action: 'kms:Decrypt', resource: KEY, identity: [[allow('kms:*')]], resourcePolicy: { kind: 'key', doc: [{ Effect: 'Allow', Principal: { AWS: P.bob.arn }, Action: 'kms:*', Resource: '*' }] }, expect: 'implicitDeny', reason: 'KEY_POLICY_NO_ALLOW' },
  { name: 'key policy naming the user allows directly', doc: DOC.kmsKeyPolicy, action: 'kms:Decrypt', resource: KEY, resourcePolicy: { kind: 'key', doc: [{ Effect: 'Allow', Principal: { AWS: P.alice.arn }, Action: 'kms:Decrypt', Resource: '*' }] }, expect: 'allowed', reason: 'KEY_POLICY_ALLOW' },

  // Cross-account resource policies
  { name: 'cross account: identity allow without resource policy', doc: DOC.crossAccount, principal: P.carol, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, identity: [[allow('s3:*')]], expect: 'implicitDeny', reason: 'CROSS_ACCOUNT_NO_RESOURCE_ALLOW' },
  { name: 'cross account: RBP naming the account plus identity allow', doc: DOC.crossAccount, principal: P.carol, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, identity: [[allow('s3:*')]], resourcePolicy: rbp({ AWS: OTHER }), expect: 'allowed' },
  { name: 'cross account: RBP naming the user still needs identity allow', doc: DOC.crossAccount, principal: P.carol, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, resourcePolicy: rbp({ AWS: P.carol.arn }), expect: 'implicitDeny', reason: 'CROSS_ACCOUNT_NO_IDENTITY_ALLOW' },
  { name: 'cross account: RBP names a different account', doc: DOC.crossAccount, principal: P.carol, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, identity: [[allow('s3:*')]], resourcePolicy: rbp({ AWS: '777788889999' }), expect: 'implicitDeny', reason: 'NO_RESOURCE_POLICY_ALLOW' },
  { name: 'cross account: caller boundary still applies', doc: DOC.crossAccount, principal: P.carol, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, identity: [[allow('s3:*')]], boundary: [allow('ec2:*')], resourcePolicy: rbp({ AWS: OTHER }), expect: 'implicitDeny', reason: 'BOUNDARY_IMPLICIT_DENY' },
  { name: 'cross account: caller SCP still applies', doc: DOC.crossAccount, principal: P.carol, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, identity: [[allow('s3:*')]], scps: [[[allow('ec2:*')]]], resourcePolicy: rbp({ AWS: OTHER }), expect: 'implicitDeny', reason: 'SCP_IMPLICIT_DENY' },
  { name: 'cross account: role session named by the role ARN', doc: DOC.crossAccount, principal: P.otherSession, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, identity: [[allow('s3:GetObject')]], resourcePolicy: rbp({ AWS: P.otherSession.roleArn }), expect: 'allowed' },
  { name: 'cross account: public RBP still needs the caller identity allow', doc: DOC.crossAccount, principal: P.carol, action: 's3:GetObject', resource: BUCKET, resourceAccount: ACCOUNT, resourcePolicy: rbp('*'), expect: 'implicitDeny', reason: 'CROSS_ACCOUNT_NO_IDENTITY_ALLOW' },

  // Fail closed
  { name: 'a malformed identity policy never allows', doc: DOC.grammar, action: 's3:GetObject', identity: [[allow('s3:*')], '{"Statement": [}'], expect: 'implicitDeny', reason: 'POLICY_ERROR' },
  { name: 'a malformed deny policy blocks the request', doc: DOC.grammar, action: 's3:GetObject', identity: [[allow('*')], [{ Effect: 'deny', Action: '*', Resource: '*' }]], expect: 'implicitDeny', reason: 'POLICY_ERROR' },
  { name: 'an action with a wildcard is not a request', doc: DOC.action, action: 's3:*', identity: [[allow('*')]], expect: 'implicitDeny', reason: 'INVALID_REQUEST' },
  { name: 'an action without a service prefix is not a request', doc: DOC.action, action: 'GetObject', identity: [[allow('*')]], expect: 'implicitDeny', reason: 'INVALID_REQUEST' },
];

/** AssumeRoleWithWebIdentity / AssumeRoleWithSAML callers: only the trust policy decides. */
export const federatedProviderCases: EngineCase[] = [
  {
    name: 'web identity caller trusted by the Federated principal with an audience condition',
    doc: DOC.trust,
    principal: { type: 'WebIdentityUser', arn: 'cognito-identity.amazonaws.com', accountId: '' },
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: `arn:aws:iam::${ACCOUNT}:role/Target`,
    resourceAccount: ACCOUNT,
    context: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' },
    resourcePolicy: { kind: 'trust', doc: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' } } }] },
    expect: 'allowed',
    reason: 'TRUST_POLICY_ALLOW',
  },
  {
    name: 'SAML caller from a provider the trust policy does not name',
    doc: DOC.trust,
    principal: { type: 'SAMLUser', arn: `arn:aws:iam::${ACCOUNT}:saml-provider/Other`, accountId: '' },
    action: 'sts:AssumeRoleWithSAML',
    resource: `arn:aws:iam::${ACCOUNT}:role/Target`,
    resourceAccount: ACCOUNT,
    resourcePolicy: { kind: 'trust', doc: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/Corp` }, Action: 'sts:AssumeRoleWithSAML' }] },
    expect: 'implicitDeny',
    reason: 'TRUST_POLICY_NO_ALLOW',
  },
  {
    name: 'a web identity caller is not matched by an AWS account principal',
    doc: DOC.trust,
    principal: { type: 'WebIdentityUser', arn: 'accounts.google.com', accountId: '' },
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: `arn:aws:iam::${ACCOUNT}:role/Target`,
    resourceAccount: ACCOUNT,
    resourcePolicy: { kind: 'trust', doc: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRoleWithWebIdentity' }] },
    expect: 'implicitDeny',
    reason: 'TRUST_POLICY_NO_ALLOW',
  },
];
