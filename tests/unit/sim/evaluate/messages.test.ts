/**
 * AccessDenied texts, compared with the documented examples (IAM User Guide, "Troubleshoot access
 * denied error messages"; S3 "Troubleshoot access denied (403 Forbidden)"; https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
 */
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../../src/sim/evaluate/authorize.ts';
import { accessDeniedMessage } from '../../../../src/sim/evaluate/messages.ts';
import type { AuthorizationRequest } from '../../../../src/sim/evaluate/types.ts';
import { allow, deny, docText, FULL_ACCESS } from './cases/case.ts';
import { DOC } from './cases/docs.ts';

const JOHN = { type: 'IAMUser' as const, arn: 'arn:aws:iam::123456789012:user/John', accountId: '123456789012' };
const base = (over: Partial<AuthorizationRequest>): AuthorizationRequest => ({
  principal: JOHN,
  action: 'codedeploy:ListDeployments',
  resource: 'arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:*',
  resourceAccountId: '123456789012',
  context: {},
  identityPolicies: [],
  ...over,
});
const policy = (id: string, policyType: 'identity' | 'boundary' | 'session' | 'scp' | 'resource', statements: object[], arn?: string) =>
  arn ? { id, policyType, arn, document: docText(statements) } : { id, policyType, document: docText(statements) };

const cases: {
  name: string;
  doc: string;
  request: AuthorizationRequest;
  text: string;
  options?: Parameters<typeof accessDeniedMessage>[2];
}[] = [
  {
    name: 'implicit deny, no identity-based policy allows',
    doc: DOC.accessDenied,
    request: base({
      principal: { ...JOHN, arn: 'arn:aws:iam::123456789012:role/HR' },
      action: 'codecommit:ListRepositories',
      resource: '*',
    }),
    text: 'User: arn:aws:iam::123456789012:role/HR is not authorized to perform: codecommit:ListRepositories on resource: * because no identity-based policy allows the codecommit:ListRepositories action',
  },
  {
    name: 'explicit deny in an identity-based policy',
    doc: DOC.accessDenied,
    request: base({ identityPolicies: [policy('p', 'identity', [allow('*'), deny('codedeploy:*')])] }),
    text: 'User: arn:aws:iam::123456789012:user/John is not authorized to perform: codedeploy:ListDeployments on resource: arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:* with an explicit deny in an identity-based policy',
  },
  {
    name: 'explicit deny names the managed policy ARN (2026 format)',
    doc: DOC.accessDenied,
    request: base({
      identityPolicies: [policy('p', 'identity', [allow('*'), deny('codedeploy:*')], 'arn:aws:iam::123456789012:policy/deny-deploy')],
    }),
    text: 'User: arn:aws:iam::123456789012:user/John is not authorized to perform: codedeploy:ListDeployments on resource: arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:* with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/deny-deploy',
  },
  {
    name: 'implicit deny in a permissions boundary',
    doc: DOC.accessDenied,
    request: base({
      identityPolicies: [policy('p', 'identity', [allow('*')])],
      permissionsBoundary: policy('b', 'boundary', [allow('s3:*')]),
    }),
    text: 'User: arn:aws:iam::123456789012:user/John is not authorized to perform: codedeploy:ListDeployments on resource: arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:* because no permissions boundary allows the codedeploy:ListDeployments action',
  },
  {
    name: 'explicit deny in a permissions boundary',
    doc: DOC.accessDenied,
    request: base({
      identityPolicies: [policy('p', 'identity', [allow('*')])],
      permissionsBoundary: policy('b', 'boundary', [allow('*'), deny('codedeploy:*')]),
    }),
    options: { omitResource: true },
    text: 'User: arn:aws:iam::123456789012:user/John is not authorized to perform: codedeploy:ListDeployments with an explicit deny in a permissions boundary',
  },
  {
    name: 'implicit deny in a service control policy',
    doc: DOC.accessDenied,
    request: base({
      identityPolicies: [policy('p', 'identity', [allow('*')])],
      organization: { scps: [[policy('s', 'scp', [allow('s3:*')])]] },
    }),
    text: 'User: arn:aws:iam::123456789012:user/John is not authorized to perform: codedeploy:ListDeployments on resource: arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:* because no service control policy allows the codedeploy:ListDeployments action',
  },
  {
    name: 'explicit deny in a service control policy',
    doc: DOC.accessDenied,
    request: base({
      identityPolicies: [policy('p', 'identity', [allow('*')])],
      organization: { scps: [[policy('s', 'scp', FULL_ACCESS), policy('d', 'scp', [deny('codedeploy:*')])]] },
    }),
    options: { omitResource: true },
    text: 'User: arn:aws:iam::123456789012:user/John is not authorized to perform: codedeploy:ListDeployments with an explicit deny in a service control policy',
  },
  {
    name: 'implicit deny in a session policy',
    doc: DOC.accessDenied,
    request: base({
      principal: {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::123456789012:assumed-role/R/s',
        accountId: '123456789012',
        roleArn: 'arn:aws:iam::123456789012:role/R',
      },
      identityPolicies: [policy('p', 'identity', [allow('*')])],
      sessionPolicies: [policy('s', 'session', [allow('s3:*')])],
    }),
    text: 'User: arn:aws:sts::123456789012:assumed-role/R/s is not authorized to perform: codedeploy:ListDeployments on resource: arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:* because no session policy allows the codedeploy:ListDeployments action',
  },
  {
    name: 'explicit deny in a resource-based policy',
    doc: DOC.accessDenied,
    request: base({
      action: 'secretsmanager:GetSecretValue',
      resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:*',
      identityPolicies: [policy('p', 'identity', [allow('*')])],
      resourcePolicy: {
        kind: 'resource',
        policy: policy('r', 'resource', [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }]),
      },
    }),
    text: 'User: arn:aws:iam::123456789012:user/John is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:* with an explicit deny in a resource-based policy',
  },
  {
    name: 'no role trust policy allows',
    doc: DOC.accessDenied,
    request: base({
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::123456789012:role/R',
      identityPolicies: [policy('p', 'identity', [allow('*')])],
      resourcePolicy: {
        kind: 'trust',
        policy: {
          id: 't',
          policyType: 'trust',
          document: docText([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
        },
      },
    }),
    options: { omitResource: true },
    text: 'User: arn:aws:iam::123456789012:user/John is not authorized to perform: sts:AssumeRole because no role trust policy allows the sts:AssumeRole action',
  },
  {
    name: 'explicit deny in the role trust policy',
    doc: DOC.accessDenied,
    request: base({
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::123456789012:role/R',
      identityPolicies: [policy('p', 'identity', [allow('*')])],
      resourcePolicy: {
        kind: 'trust',
        policy: {
          id: 't',
          policyType: 'trust',
          document: docText([{ Effect: 'Deny', Principal: { AWS: JOHN.arn }, Action: 'sts:AssumeRole' }]),
        },
      },
    }),
    options: { omitResource: true },
    text: 'User: arn:aws:iam::123456789012:user/John is not authorized to perform: sts:AssumeRole with an explicit deny in the role trust policy',
  },
  {
    name: 'S3 quotes the resource',
    doc: DOC.s403,
    request: base({
      principal: { ...JOHN, arn: 'arn:aws:iam::123456789012:user/MaryMajor' },
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::amzn-s3-demo-bucket1/object-name',
    }),
    options: { quoteResource: true },
    text: 'User: arn:aws:iam::123456789012:user/MaryMajor is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::amzn-s3-demo-bucket1/object-name" because no identity-based policy allows the s3:GetObject action',
  },
  {
    name: 'cross-account denials carry no reason',
    doc: DOC.s403,
    request: base({
      principal: { ...JOHN, arn: 'arn:aws:iam::444455556666:user/John', accountId: '444455556666' },
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
    }),
    text: 'User: arn:aws:iam::444455556666:user/John is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k',
  },
];

describe('accessDeniedMessage', () => {
  for (const c of cases) {
    it(`${c.name} [${c.doc}]`, () => {
      const result = authorize(c.request);
      expect(result.decision).not.toBe('allowed');
      expect(accessDeniedMessage(c.request, result, c.options)).toBe(c.text);
    });
  }
});
