/**
 * `authorize` decides without tracing each statement and builds the explanation when it is first
 * read. The result must be exactly what the traced evaluation gives (`authorizeTraced`, which
 * derives the decision from the full trace as the engine always did): the same decision, deciding
 * statements and explanation — key order included — on every engine case and on random policies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, authorizeTraced } from '../../../../src/sim/evaluate/authorize.ts';
import type { AuthorizationRequest, PolicySource } from '../../../../src/sim/evaluate/types.ts';
import { ACCOUNT, OTHER, P, requestOf } from './cases/case.ts';
import { conditionCases } from './cases/conditions.ts';
import { federatedProviderCases, flowCases } from './cases/flow.ts';
import { matchingCases } from './cases/matching.ts';
import { variableCases } from './cases/variables.ts';

const cases = [...matchingCases, ...conditionCases, ...variableCases, ...flowCases, ...federatedProviderCases];

function expectSame(request: AuthorizationRequest): void {
  const reference = authorizeTraced(request);
  // Twice: a policy used again is cached and decided by its compiled tests (decide.ts).
  for (let i = 0; i < 2; i++) {
    const result = authorize(request);
    expect(JSON.stringify(result)).toBe(JSON.stringify(reference));
    expect(result).toEqual(reference);
  }
}

describe('the untraced decision and the lazy explanation', () => {
  it('equal the traced evaluation on every engine case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    for (const c of cases) expectSame(requestOf(c));
  });

  it('equal the traced evaluation on random policies and requests', () => {
    const action = fc.constantFrom('s3:GetObject', 's3:*', 's3:Get*', 'iam:*', '*', 'S3:getobject', 'ec2:Run?nstances');
    const resource = fc.constantFrom(
      '*',
      'arn:aws:s3:::bucket/*',
      'arn:aws:s3:::bucket/${aws:username}/*',
      'arn:aws:s3:::other',
      'arn:aws:iam::*:user/*',
    );
    const principal = fc.constantFrom(
      '*',
      { AWS: P.alice.arn },
      { AWS: ACCOUNT },
      { AWS: `arn:aws:iam::${OTHER}:root` },
      { AWS: P.session.roleArn },
      { Service: 'ec2.amazonaws.com' },
    );
    const condition = fc.constantFrom(
      undefined,
      { StringEquals: { 'aws:username': 'alice' } },
      { StringNotEqualsIfExists: { 'aws:PrincipalTag/team': 'blue' } },
      { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } },
      { IpAddress: { 'aws:SourceIp': ['not-an-ip', '198.51.100.0/24', '2001:db8::/32'] } },
      { NotIpAddressIfExists: { 'aws:SourceIp': '198.51.100.7' } },
      { 'ForAnyValue:IpAddress': { 'aws:SourceIp': ['203.0.113.0/24'] } },
      { 'ForAllValues:NotIpAddress': { 'aws:SourceIp': ['198.51.100.0/25', '2001:db8::1'] } },
      { Bool: { 'aws:SecureTransport': 'false' } },
      { Null: { 'aws:MultiFactorAuthAge': 'true' } },
      { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['team*'] } },
    );
    const statement = (withPrincipal: boolean) =>
      fc
        .record({
          effect: fc.constantFrom('Allow', 'Deny'),
          not: fc.boolean(),
          notResource: fc.boolean(),
          actions: fc.array(action, { minLength: 1, maxLength: 3 }),
          resources: fc.array(resource, { minLength: 1, maxLength: 2 }),
          principal,
          notPrincipal: fc.boolean(),
          condition,
        })
        .map((s) => ({
          Effect: s.effect,
          [s.not ? 'NotAction' : 'Action']: s.actions,
          [s.notResource ? 'NotResource' : 'Resource']: s.resources,
          ...(withPrincipal ? { [s.notPrincipal && s.effect === 'Deny' ? 'NotPrincipal' : 'Principal']: s.principal } : {}),
          ...(s.condition ? { Condition: s.condition } : {}),
        }));
    const doc = (withPrincipal: boolean) =>
      fc
        .array(statement(withPrincipal), { minLength: 1, maxLength: 4 })
        .map((Statement) => JSON.stringify({ Version: '2012-10-17', Statement }));
    fc.assert(
      fc.property(
        fc.array(doc(false), { maxLength: 3 }),
        fc.option(doc(true), { nil: undefined }),
        fc.option(doc(false), { nil: undefined }),
        fc.constantFrom(P.alice, P.session, P.root, P.carol),
        fc.constantFrom('s3:GetObject', 's3:PutObject', 'iam:CreateUser'),
        fc.constantFrom('arn:aws:s3:::bucket/alice/notes.txt', 'arn:aws:s3:::other', `arn:aws:iam::${ACCOUNT}:user/bob`),
        fc.constantFrom(
          {},
          { 'aws:username': 'alice', 'aws:SourceIp': '198.51.100.7', 'aws:TagKeys': ['team', 'cost'] },
          { 'aws:SourceIp': ['203.0.113.9', 'garbage', '2001:db8::5'] },
          { 'aws:SourceIp': '198.51.100.200' },
        ),
        (identity, resourcePolicy, boundary, principal, act, res, context) => {
          const src = (document: string, i: number, policyType: PolicySource['policyType']): PolicySource => ({
            id: `${policyType}-${i}`,
            policyType,
            document,
          });
          const request: AuthorizationRequest = {
            principal: principal as AuthorizationRequest['principal'],
            action: act,
            resource: res,
            resourceAccountId: ACCOUNT,
            context,
            identityPolicies: identity.map((d, i) => src(d, i, 'identity')),
          };
          if (resourcePolicy) request.resourcePolicy = { kind: 'resource', policy: src(resourcePolicy, 0, 'resource') };
          if (boundary) request.permissionsBoundary = src(boundary, 0, 'boundary');
          expectSame(request);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('is a plain own property once read, and is copied by spread, JSON and structuredClone', () => {
    const request = requestOf(conditionCases[0]!);
    const reference = authorizeTraced(request);
    const result = authorize(request);
    expect(Object.keys(result)).toEqual(Object.keys(reference));
    expect(structuredClone(authorize(request))).toEqual(reference);
    expect({ ...authorize(request) }).toEqual(reference);
    const first = result.explanation;
    expect(result.explanation).toBe(first);
    expect(Object.getOwnPropertyDescriptor(result, 'explanation')).toMatchObject({ value: first, writable: true, enumerable: true });
    const other = authorize(request);
    other.explanation = reference.explanation;
    expect(other.explanation).toBe(reference.explanation);
  });

  it('explains the request as it was decided, even when the caller changes it afterwards', () => {
    const request = requestOf(flowCases[0]!);
    const reference = authorizeTraced(request);
    const result = authorize(request);
    request.principal = { ...request.principal, arn: `${request.principal.arn}-changed`, type: 'Anonymous' };
    request.principal.accountId = '000000000000';
    expect(result.explanation).toEqual(reference.explanation);
  });
});
