/**
 * SimulateCustomPolicy / SimulatePrincipalPolicy in AWS shapes (IAM API Reference; the AWS CLI's
 * own examples for simulate-custom-policy and simulate-principal-policy).
 */
import { describe, expect, it } from 'vitest';
import {
  explainInWords,
  SimulationError,
  simulateCustomPolicy,
  simulateCustomPolicyWithDetails,
  simulatePrincipalPolicy,
  type AccountAuthorizationDetails,
} from '../../../../src/sim/index.ts';
import { DOC } from '../evaluate/cases/docs.ts';

const DDB =
  '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}';

describe(`simulateCustomPolicy [${DOC.simulateCustom}]`, () => {
  it('reproduces the AWS CLI example 1 (allowed, positions 1:38–1:167)', () => {
    const out = simulateCustomPolicy({
      PolicyInputList: [DDB],
      ActionNames: ['dynamodb:CreateBackup'],
      ContextEntries: [{ ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['2019-04-25T11:00:00Z'], ContextKeyType: 'date' }],
    });
    expect(out).toEqual({
      EvaluationResults: [
        {
          EvalActionName: 'dynamodb:CreateBackup',
          EvalResourceName: '*',
          EvalDecision: 'allowed',
          MatchedStatements: [
            { SourcePolicyId: 'PolicyInputList.1', StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: 167 } },
          ],
          MissingContextValues: [],
        },
      ],
      IsTruncated: false,
    });
  });
  it('reproduces the AWS CLI example 2 (implicitDeny, no matched statements)', () => {
    const out = simulateCustomPolicy({
      PolicyInputList: [DDB],
      ActionNames: ['dynamodb:CreateBackup'],
      ContextEntries: [{ ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['2014-04-25T11:00:00Z'], ContextKeyType: 'date' }],
    });
    expect(out.EvaluationResults[0]).toMatchObject({ EvalDecision: 'implicitDeny', MatchedStatements: [], MissingContextValues: [] });
  });
  it('reports missing context values', () => {
    const out = simulateCustomPolicy({ PolicyInputList: [DDB], ActionNames: ['dynamodb:CreateBackup'] });
    expect(out.EvaluationResults[0]?.MissingContextValues).toEqual(['aws:CurrentTime']);
  });
  it('one result per action × resource', () => {
    const out = simulateCustomPolicy({
      PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"}}'],
      ActionNames: ['s3:GetObject', 's3:PutObject'],
      ResourceArns: ['arn:aws:s3:::a/k', 'arn:aws:s3:::b/k'],
    });
    expect(out.EvaluationResults.map((r) => `${r.EvalActionName} ${r.EvalResourceName} ${r.EvalDecision}`)).toEqual([
      's3:GetObject arn:aws:s3:::a/k allowed',
      's3:GetObject arn:aws:s3:::b/k implicitDeny',
      's3:PutObject arn:aws:s3:::a/k implicitDeny',
      's3:PutObject arn:aws:s3:::b/k implicitDeny',
    ]);
  });
  it('EvalDecisionDetails: present and empty for a same-account resource ARN, absent for "*"', () => {
    const one = (ResourceArns: string[]) =>
      simulateCustomPolicy({
        PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}'],
        ActionNames: ['s3:GetObject'],
        ResourceArns,
      }).EvaluationResults[0];
    expect(one(['arn:aws:s3:::a/k'])?.EvalDecisionDetails).toEqual({});
    expect(one(['*'])).not.toHaveProperty('EvalDecisionDetails');
  });
  it('an explicit deny lists only the deny statement', () => {
    const out = simulateCustomPolicy({
      PolicyInputList: [
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
        '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"iam:*","Resource":"*"}}',
      ],
      ActionNames: ['iam:CreateUser'],
    });
    expect(out.EvaluationResults[0]?.EvalDecision).toBe('explicitDeny');
    expect(out.EvaluationResults[0]?.MatchedStatements.map((m) => m.SourcePolicyId)).toEqual(['PolicyInputList.2']);
  });
  it('permissions boundary decision detail', () => {
    const out = simulateCustomPolicy({
      PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}'],
      PermissionsBoundaryPolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}'],
      ActionNames: ['iam:CreateUser', 's3:GetObject'],
    });
    expect(out.EvaluationResults.map((r) => [r.EvalDecision, r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary])).toEqual([
      ['implicitDeny', false],
      ['allowed', true],
    ]);
  });
  it('resource policy with CallerArn: same-account user grant', () => {
    const out = simulateCustomPolicy({
      PolicyInputList: [],
      ActionNames: ['s3:GetObject'],
      ResourceArns: ['arn:aws:s3:::b/k'],
      ResourcePolicy:
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}',
      CallerArn: 'arn:aws:iam::123456789012:user/alice',
    });
    expect(out.EvaluationResults[0]).toMatchObject({
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'resource' }],
    });
  });
  it('cross-account when ResourceOwner differs', () => {
    const out = simulateCustomPolicy({
      PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}'],
      ActionNames: ['s3:GetObject'],
      ResourceArns: ['arn:aws:s3:::b/k'],
      ResourceOwner: 'arn:aws:iam::444455556666:root',
    });
    expect(out.EvaluationResults[0]?.EvalDecision).toBe('implicitDeny');
  });
  it('paginates with MaxItems and Marker', () => {
    const input = { PolicyInputList: [DDB], ActionNames: ['dynamodb:A', 'dynamodb:B', 'dynamodb:C'], MaxItems: 2 };
    const first = simulateCustomPolicy(input) as ReturnType<typeof simulateCustomPolicy> & { Marker?: string };
    expect(first.EvaluationResults).toHaveLength(2);
    expect(first.IsTruncated).toBe(true);
    const second = simulateCustomPolicy({ ...input, Marker: first.Marker ?? '' });
    expect(second.EvaluationResults.map((r) => r.EvalActionName)).toEqual(['dynamodb:C']);
  });
  it('details carry the explanation for --explain', () => {
    const { details } = simulateCustomPolicyWithDetails({ PolicyInputList: [DDB], ActionNames: ['dynamodb:CreateBackup'] });
    const words = explainInWords(details[0]!.request, details[0]!.result).join('\n');
    expect(words).toContain('DENIED (implicitDeny)');
    expect(words).toContain('aws:CurrentTime');
    expect(words).toContain('KEY_MISSING');
  });
});

describe('simulateCustomPolicy rejects what the API rejects', () => {
  const cases: [string, unknown, string][] = [
    ['not an object', 'hello', 'NOT_AN_OBJECT'],
    ['missing PolicyInputList', { ActionNames: ['s3:GetObject'] }, 'MISSING_FIELD'],
    ['missing ActionNames', { PolicyInputList: [DDB] }, 'MISSING_FIELD'],
    ['a wildcard action', { PolicyInputList: [DDB], ActionNames: ['s3:*'] }, 'ACTION_WILDCARD'],
    ['an action without a service', { PolicyInputList: [DDB], ActionNames: ['GetObject'] }, 'ACTION_INVALID'],
    ['a malformed policy', { PolicyInputList: ['{"Statement":'], ActionNames: ['s3:GetObject'] }, 'MALFORMED_POLICY'],
    [
      'a principal in an identity policy',
      { PolicyInputList: ['{"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}'], ActionNames: ['s3:GetObject'] },
      'MALFORMED_POLICY',
    ],
    [
      'ResourcePolicy without CallerArn',
      {
        PolicyInputList: [DDB],
        ActionNames: ['s3:GetObject'],
        ResourcePolicy: '{"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}',
      },
      'RESOURCE_POLICY_WITHOUT_CALLER',
    ],
    ['an unknown field', { PolicyInputList: [DDB], ActionNames: ['s3:GetObject'], Bogus: 1 }, 'UNKNOWN_FIELD'],
    ['policies not strings', { PolicyInputList: [{}], ActionNames: ['s3:GetObject'] }, 'WRONG_TYPE'],
    [
      'bad ContextKeyType',
      {
        PolicyInputList: [DDB],
        ActionNames: ['s3:GetObject'],
        ContextEntries: [{ ContextKeyName: 'aws:x', ContextKeyValues: ['1'], ContextKeyType: 'float' }],
      },
      'INVALID_CONTEXT_ENTRY',
    ],
    [
      'bad date value',
      {
        PolicyInputList: [DDB],
        ActionNames: ['s3:GetObject'],
        ContextEntries: [{ ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['soon'], ContextKeyType: 'date' }],
      },
      'INVALID_CONTEXT_ENTRY',
    ],
    ['bad CallerArn', { PolicyInputList: [DDB], ActionNames: ['s3:GetObject'], CallerArn: 'alice' }, 'INVALID_CALLER_ARN'],
    ['bad ResourceOwner', { PolicyInputList: [DDB], ActionNames: ['s3:GetObject'], ResourceOwner: 'me' }, 'INVALID_RESOURCE_OWNER'],
  ];
  for (const [name, input, code] of cases) {
    it(`${name} → ${code}`, () => {
      let caught: unknown;
      try {
        simulateCustomPolicy(input as never);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(SimulationError);
      expect((caught as SimulationError).code).toBe(code);
      expect((caught as SimulationError).message.length).toBeGreaterThan(10);
    });
  }
  it('a malformed policy error carries its position', () => {
    try {
      simulateCustomPolicy({
        PolicyInputList: ['{\n"Statement": {"Effect": "Allow", "Action": "s3", "Resource": "*"}}'],
        ActionNames: ['s3:GetObject'],
      });
      throw new Error('expected a SimulationError');
    } catch (e) {
      expect(e).toBeInstanceOf(SimulationError);
      expect((e as SimulationError).awsCode).toBe('MalformedPolicyDocument');
      expect((e as SimulationError).position).toMatchObject({ line: 2, column: 44 });
    }
  });
});

const DETAILS: AccountAuthorizationDetails = {
  UserDetailList: [
    {
      UserName: 'alejandro',
      UserId: 'AIDAEXAMPLE000000001',
      Arn: 'arn:aws:iam::123456789012:user/alejandro',
      GroupList: ['devs'],
      UserPolicyList: [
        {
          PolicyName: 'Grant-Access-To-CodeCommit-ListRepo',
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'codecommit:ListRepositories', Resource: '*' }] },
        },
      ],
      AttachedManagedPolicies: [{ PolicyName: 'OwnHome', PolicyArn: 'arn:aws:iam::123456789012:policy/OwnHome' }],
      Tags: [{ Key: 'team', Value: 'blue' }],
      PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/Boundary' },
    },
  ],
  GroupDetailList: [
    {
      GroupName: 'devs',
      Arn: 'arn:aws:iam::123456789012:group/devs',
      GroupPolicyList: [
        {
          PolicyName: 'TeamEc2',
          PolicyDocument:
            '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22ec2%3AStartInstances%22%2C%22Resource%22%3A%22*%22%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B%22aws%3AResourceTag%2Fteam%22%3A%22%24%7Baws%3APrincipalTag%2Fteam%7D%22%7D%7D%7D%7D',
        },
      ],
    },
  ],
  RoleDetailList: [
    {
      RoleName: 'Reader',
      Arn: 'arn:aws:iam::123456789012:role/Reader',
      RolePolicyList: [],
      AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
    },
  ],
  Policies: [
    {
      PolicyName: 'OwnHome',
      Arn: 'arn:aws:iam::123456789012:policy/OwnHome',
      DefaultVersionId: 'v2',
      PolicyVersionList: [
        {
          VersionId: 'v1',
          IsDefaultVersion: false,
          Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
        },
        {
          VersionId: 'v2',
          IsDefaultVersion: true,
          Document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }],
          },
        },
      ],
    },
    {
      PolicyName: 'Boundary',
      Arn: 'arn:aws:iam::123456789012:policy/Boundary',
      DefaultVersionId: 'v1',
      PolicyVersionList: [
        {
          VersionId: 'v1',
          IsDefaultVersion: true,
          Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'codecommit:*', 'ec2:*'], Resource: '*' }] },
        },
      ],
    },
  ],
};

describe(`simulatePrincipalPolicy [${DOC.simulatePrincipal}]`, () => {
  const run = (actions: string[], resources?: string[]) =>
    simulatePrincipalPolicy(DETAILS, {
      PolicySourceArn: 'arn:aws:iam::123456789012:user/alejandro',
      ActionNames: actions,
      ...(resources ? { ResourceArns: resources } : {}),
    });
  it('inline user policy, named as AWS names it', () => {
    const r = run(['codecommit:ListRepositories']).EvaluationResults[0];
    expect(r).toMatchObject({
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'Grant-Access-To-CodeCommit-ListRepo', SourcePolicyType: 'user' }],
    });
  });
  it('managed policy default version and ${aws:username}', () => {
    expect(run(['s3:GetObject'], ['arn:aws:s3:::home/alejandro/a']).EvaluationResults[0]?.EvalDecision).toBe('allowed');
    expect(run(['s3:PutObject'], ['arn:aws:s3:::home/alejandro/a']).EvaluationResults[0]?.EvalDecision).toBe('implicitDeny');
    expect(run(['s3:GetObject'], ['arn:aws:s3:::home/bob/a']).EvaluationResults[0]?.EvalDecision).toBe('implicitDeny');
  });
  it('group policies (URL-encoded as the raw API returns them) and principal tags', () => {
    const r = simulatePrincipalPolicy(DETAILS, {
      PolicySourceArn: 'arn:aws:iam::123456789012:user/alejandro',
      ActionNames: ['ec2:StartInstances'],
      ContextEntries: [{ ContextKeyName: 'aws:ResourceTag/team', ContextKeyValues: ['blue'], ContextKeyType: 'string' }],
    }).EvaluationResults[0];
    expect(r).toMatchObject({ EvalDecision: 'allowed', MatchedStatements: [{ SourcePolicyId: 'TeamEc2', SourcePolicyType: 'group' }] });
  });
  it('the permissions boundary counts', () => {
    const r = run(['iam:ListUsers']).EvaluationResults[0];
    expect(r?.EvalDecision).toBe('implicitDeny');
  });
  it('an unknown principal is NoSuchEntity', () => {
    expect(() =>
      simulatePrincipalPolicy(DETAILS, { PolicySourceArn: 'arn:aws:iam::123456789012:user/nobody', ActionNames: ['s3:GetObject'] }),
    ).toThrow(SimulationError);
  });
  it('an AWS managed policy missing from the file needs a resolver', () => {
    const input = { PolicySourceArn: 'arn:aws:iam::123456789012:role/Reader', ActionNames: ['s3:GetObject'] };
    expect(() => simulatePrincipalPolicy(DETAILS, input)).toThrow(/does not exist or is not attachable/);
    const out = simulatePrincipalPolicy(DETAILS, input, {
      managedPolicyDocument: () => '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}}',
    });
    expect(out.EvaluationResults[0]).toMatchObject({
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'ReadOnlyAccess', SourcePolicyType: 'aws-managed' }],
    });
  });
});

describe('simulatePrincipalPolicy with a resource policy', () => {
  const bucketPolicy =
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/alejandro"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::shared/*"}}';
  it('a user source needs no CallerArn; the same-account user grant allows', () => {
    const out = simulatePrincipalPolicy(DETAILS, {
      PolicySourceArn: 'arn:aws:iam::123456789012:user/alejandro',
      ActionNames: ['s3:PutObject'],
      ResourceArns: ['arn:aws:s3:::shared/x'],
      ResourcePolicy: bucketPolicy,
    });
    expect(out.EvaluationResults[0]).toMatchObject({ EvalDecision: 'allowed', MatchedStatements: [{ SourcePolicyId: 'ResourcePolicy' }] });
  });
  it('a role source needs CallerArn', () => {
    const resolver = {
      managedPolicyDocument: () => '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}}',
    };
    try {
      simulatePrincipalPolicy(
        DETAILS,
        { PolicySourceArn: 'arn:aws:iam::123456789012:role/Reader', ActionNames: ['s3:PutObject'], ResourcePolicy: bucketPolicy },
        resolver,
      );
      throw new Error('expected a SimulationError');
    } catch (e) {
      expect((e as SimulationError).code).toBe('RESOURCE_POLICY_WITHOUT_CALLER');
    }
  });
});

describe('simulatePrincipalPolicy with a hostile details file', () => {
  const bad: unknown[] = [
    null,
    7,
    { UserDetailList: [null] },
    { UserDetailList: 'x' },
    {
      UserDetailList: [
        {
          UserName: 'a',
          Arn: 'arn:aws:iam::123456789012:user/a',
          GroupList: [null],
          UserPolicyList: [{ PolicyName: 'p', PolicyDocument: 5 }],
        },
      ],
    },
  ];
  for (const details of bad) {
    it(`${JSON.stringify(details)} → SimulationError`, () => {
      expect(() =>
        simulatePrincipalPolicy(details as object, { PolicySourceArn: 'arn:aws:iam::123456789012:user/a', ActionNames: ['s3:GetObject'] }),
      ).toThrow(SimulationError);
    });
  }
});
