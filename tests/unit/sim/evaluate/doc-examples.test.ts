/**
 * AWS documentation example policies with the outcomes the documentation states: the MFA condition
 * patterns of aws:MultiFactorAuthPresent for each kind of credentials, the "manage your own MFA"
 * policy, the production-bucket MFA-age policy and the recent-MFA deactivation policy.
 */
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../../src/sim/evaluate/authorize.ts';
import type { ContextValue, Decision } from '../../../../src/sim/evaluate/types.ts';
import { ACCOUNT, P, requestOf, type EngineCase } from './cases/case.ts';
import { DOC } from './cases/docs.ts';

const MFA_DOC = `${DOC.globalKeys}#condition-keys-multifactorauthpresent`;

/** The three kinds of request the MFA documentation distinguishes. */
const CREDENTIALS: Record<string, Record<string, ContextValue>> = {
  'long-term access keys (key absent)': {},
  'temporary credentials without MFA': { 'aws:MultiFactorAuthPresent': 'false' },
  'temporary credentials with MFA': { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '60' },
};

/** Documented patterns and their documented verdicts, per credential kind (in the order above). */
const PATTERNS: { effect: 'Allow' | 'Deny'; condition: object; outcomes: [Decision, Decision, Decision] }[] = [
  {
    effect: 'Deny',
    condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    outcomes: ['explicitDeny', 'explicitDeny', 'allowed'],
  },
  { effect: 'Deny', condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, outcomes: ['allowed', 'explicitDeny', 'allowed'] },
  { effect: 'Deny', condition: { Null: { 'aws:MultiFactorAuthPresent': 'true' } }, outcomes: ['explicitDeny', 'allowed', 'allowed'] },
  {
    effect: 'Allow',
    condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
    outcomes: ['allowed', 'implicitDeny', 'allowed'],
  },
  { effect: 'Allow', condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, outcomes: ['implicitDeny', 'implicitDeny', 'allowed'] },
  { effect: 'Allow', condition: { Null: { 'aws:MultiFactorAuthPresent': 'false' } }, outcomes: ['implicitDeny', 'allowed', 'allowed'] },
];

describe(`MFA condition patterns [${MFA_DOC}]`, () => {
  for (const pattern of PATTERNS) {
    Object.entries(CREDENTIALS).forEach(([kind, context], i) => {
      const expected = pattern.outcomes[i];
      it(`${pattern.effect} ${JSON.stringify(pattern.condition)} with ${kind} → ${expected}`, () => {
        const statements =
          pattern.effect === 'Deny'
            ? [
                { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
                { Effect: 'Deny', Action: 'ec2:StopInstances', Resource: '*', Condition: pattern.condition },
              ]
            : [{ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: pattern.condition }];
        const c: EngineCase = {
          name: kind,
          doc: MFA_DOC,
          action: 'ec2:StopInstances',
          context,
          identity: [statements],
          expect: expected ?? 'implicitDeny',
        };
        expect(authorize(requestOf(c)).decision).toBe(expected);
      });
    });
  }
});

const MANAGE_OWN_MFA = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowViewAccountInfo', Effect: 'Allow', Action: 'iam:ListVirtualMFADevices', Resource: '*' },
    { Sid: 'AllowManageOwnVirtualMFADevice', Effect: 'Allow', Action: ['iam:CreateVirtualMFADevice'], Resource: 'arn:aws:iam::*:mfa/*' },
    {
      Sid: 'AllowManageOwnUserMFA',
      Effect: 'Allow',
      Action: ['iam:DeactivateMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
      Resource: 'arn:aws:iam::*:user/${aws:username}',
    },
    {
      Sid: 'DenyAllExceptListedIfNoMFA',
      Effect: 'Deny',
      NotAction: [
        'iam:CreateVirtualMFADevice',
        'iam:EnableMFADevice',
        'iam:GetUser',
        'iam:ListMFADevices',
        'iam:ListVirtualMFADevices',
        'iam:ResyncMFADevice',
        'sts:GetSessionToken',
      ],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
};
const OWN_MFA_DOC =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html';
const PROD_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_full-access-except-production.html';
const PROD = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ListAllS3Buckets', Effect: 'Allow', Action: ['s3:ListAllMyBuckets'], Resource: 'arn:aws:s3:::*' },
    { Sid: 'AllowBucketLevelActions', Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::*' },
    {
      Sid: 'AllowBucketObjectActions',
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:PutObjectAcl', 's3:GetObject', 's3:GetObjectAcl', 's3:DeleteObject'],
      Resource: 'arn:aws:s3:::*/*',
    },
    {
      Sid: 'RequireMFAForProductionBucket',
      Effect: 'Deny',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::Production/*', 'arn:aws:s3:::Production'],
      Condition: { NumericGreaterThanIfExists: { 'aws:MultiFactorAuthAge': '1800' } },
    },
  ],
};
const RECENT = {
  Version: '2012-10-17',
  Statement: {
    Sid: 'AllowRemoveMfaOnlyIfRecentMfa',
    Effect: 'Allow',
    Action: ['iam:DeactivateMFADevice'],
    Resource: 'arn:aws:iam::*:user/${aws:username}',
    Condition: { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' } },
  },
};
const alice = `arn:aws:iam::${ACCOUNT}:user/alice`;

const examples: EngineCase[] = [
  {
    name: 'own MFA: without MFA alice may enable her own device',
    doc: OWN_MFA_DOC,
    action: 'iam:EnableMFADevice',
    resource: alice,
    context: { 'aws:username': 'alice' },
    identity: [MANAGE_OWN_MFA],
    expect: 'allowed',
  },
  {
    name: "own MFA: not someone else's",
    doc: OWN_MFA_DOC,
    action: 'iam:EnableMFADevice',
    resource: `arn:aws:iam::${ACCOUNT}:user/bob`,
    context: { 'aws:username': 'alice' },
    identity: [MANAGE_OWN_MFA],
    expect: 'implicitDeny',
  },
  {
    name: 'own MFA: without MFA she may not deactivate it',
    doc: OWN_MFA_DOC,
    action: 'iam:DeactivateMFADevice',
    resource: alice,
    context: { 'aws:username': 'alice' },
    identity: [MANAGE_OWN_MFA],
    expect: 'explicitDeny',
  },
  {
    name: 'own MFA: with MFA she may deactivate it',
    doc: OWN_MFA_DOC,
    action: 'iam:DeactivateMFADevice',
    resource: alice,
    context: { 'aws:username': 'alice', 'aws:MultiFactorAuthPresent': 'true' },
    identity: [MANAGE_OWN_MFA],
    expect: 'allowed',
  },
  {
    name: 'own MFA: GetSessionToken is not denied without MFA (it is how MFA sessions start)',
    doc: OWN_MFA_DOC,
    action: 'sts:GetSessionToken',
    context: { 'aws:username': 'alice' },
    identity: [MANAGE_OWN_MFA, [{ Effect: 'Allow', Action: 'sts:GetSessionToken', Resource: '*' }]],
    expect: 'allowed',
  },
  {
    name: 'own MFA: other actions are denied without MFA even when allowed elsewhere',
    doc: OWN_MFA_DOC,
    action: 's3:ListAllMyBuckets',
    context: { 'aws:username': 'alice' },
    identity: [MANAGE_OWN_MFA, [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]],
    expect: 'explicitDeny',
  },
  {
    name: 'production bucket: other buckets need no MFA',
    doc: PROD_DOC,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::dev/k',
    identity: [PROD],
    expect: 'allowed',
  },
  {
    name: 'production bucket: long-term keys (no MFA age) are denied',
    doc: PROD_DOC,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::Production/k',
    identity: [PROD],
    expect: 'explicitDeny',
  },
  {
    name: 'production bucket: MFA 10 minutes ago is recent enough',
    doc: PROD_DOC,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::Production/k',
    context: { 'aws:MultiFactorAuthAge': '600' },
    identity: [PROD],
    expect: 'allowed',
  },
  {
    name: 'production bucket: MFA an hour ago is too old',
    doc: PROD_DOC,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::Production/k',
    context: { 'aws:MultiFactorAuthAge': '3600' },
    identity: [PROD],
    expect: 'explicitDeny',
  },
  {
    name: 'production bucket: the name is case sensitive',
    doc: PROD_DOC,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::production/k',
    identity: [PROD],
    expect: 'allowed',
  },
  {
    name: 'recent MFA: deactivation within the hour',
    doc: DOC.condition,
    action: 'iam:DeactivateMFADevice',
    resource: alice,
    context: { 'aws:username': 'alice', 'aws:MultiFactorAuthAge': '3599' },
    identity: [RECENT],
    expect: 'allowed',
  },
  {
    name: 'recent MFA: no MFA at all',
    doc: DOC.condition,
    action: 'iam:DeactivateMFADevice',
    resource: alice,
    context: { 'aws:username': 'alice' },
    identity: [RECENT],
    expect: 'implicitDeny',
  },
  {
    name: 'recent MFA: too long ago',
    doc: DOC.condition,
    action: 'iam:DeactivateMFADevice',
    resource: alice,
    context: { 'aws:username': 'alice', 'aws:MultiFactorAuthAge': '7200' },
    identity: [RECENT],
    expect: 'implicitDeny',
  },
  {
    name: 'AdministratorAccess allows anything',
    doc: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
    action: 'organizations:CreateAccount',
    identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
    expect: 'allowed',
  },
  {
    name: 'PowerUserAccess does not allow IAM user management',
    doc: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html',
    principal: P.alice,
    action: 'iam:CreateUser',
    identity: [
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
          {
            Effect: 'Allow',
            Action: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization'],
            Resource: '*',
          },
        ],
      },
    ],
    expect: 'implicitDeny',
  },
  {
    name: 'PowerUserAccess allows iam:ListRoles',
    doc: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html',
    action: 'iam:ListRoles',
    identity: [
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
          {
            Effect: 'Allow',
            Action: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization'],
            Resource: '*',
          },
        ],
      },
    ],
    expect: 'allowed',
  },
  {
    name: 'IAMUserChangePassword: own password only',
    doc: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMUserChangePassword.html',
    action: 'iam:ChangePassword',
    resource: `arn:aws:iam::${ACCOUNT}:user/team/alice`,
    context: { 'aws:username': 'alice' },
    identity: [
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['iam:ChangePassword'],
            Resource: ['arn:aws:iam::*:user/${aws:username}', 'arn:aws:iam::*:user/*/${aws:username}'],
          },
        ],
      },
    ],
    expect: 'allowed',
  },
];

describe('documented example policies', () => {
  for (const c of examples) {
    it(`${c.name} [${c.doc}]`, () => {
      const result = authorize(requestOf(c));
      expect(result.explanation.policies.filter((p) => p.outcome === 'error')).toEqual([]);
      expect(result.decision).toBe(c.expect);
    });
  }
});
