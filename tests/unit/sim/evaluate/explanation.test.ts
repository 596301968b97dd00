/**
 * The explanation: per policy and statement, what matched and why (values compared, variables
 * resolved), the deciding layer with its reason code, and the path through the evaluation flow.
 */
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../../src/sim/evaluate/authorize.ts';
import { explainInWords } from '../../../../src/sim/simulate/explain.ts';
import { P, allow, deny, requestOf, FULL_ACCESS } from './cases/case.ts';
import { DOC } from './cases/docs.ts';

describe(`explanation [${DOC.evaluation}]`, () => {
  it('names every statement, its elements and condition values, with resolved variables', () => {
    const result = authorize(
      requestOf({
        name: 'x',
        doc: DOC.variables,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::home/alice/a.txt',
        context: { 'aws:username': 'alice', 'aws:SourceIp': '198.51.100.7' },
        identity: [
          [
            allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'),
            deny('s3:*', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }),
          ],
        ],
        expect: 'explicitDeny',
      }),
    );
    expect(result.decision).toBe('explicitDeny');
    expect(result.reason).toBe('EXPLICIT_DENY');
    expect(result.decidingLayer).toBe('identity');
    const [policy] = result.explanation.policies;
    expect(policy?.outcome).toBe('deny');
    const [first, second] = policy?.statements ?? [];
    expect(first?.applies).toBe(true);
    expect(first?.resource?.resolved?.[0]).toEqual({
      pattern: 'arn:aws:s3:::home/${aws:username}/*',
      resolvedPattern: 'arn:aws:s3:::home/alice/*',
      variables: [{ variable: '${aws:username}', value: 'alice', source: 'context' }],
    });
    expect(second?.conditions[0]).toMatchObject({
      operator: 'NotIpAddress',
      key: 'aws:SourceIp',
      keyPresent: true,
      requestValues: ['198.51.100.7'],
      matched: true,
      policyValues: [{ raw: '203.0.113.0/24', matched: false }],
    });
    expect(second?.span.start.line).toBe(1);
    expect(result.decidingStatements).toEqual([expect.objectContaining({ statementIndex: 1, effect: 'Deny' })]);
    expect(result.explanation.steps.map((s) => `${s.step}:${s.outcome}`)).toEqual(['deny:deny', 'final:deny']);
  });

  it('records the flow through SCP, identity, boundary and session layers', () => {
    const result = authorize(
      requestOf({
        name: 'x',
        doc: DOC.evaluation,
        principal: P.session,
        action: 's3:GetObject',
        identity: [[allow('s3:*')]],
        boundary: [allow('s3:*')],
        session: [[allow('ec2:*')]],
        scps: [[FULL_ACCESS]],
        expect: 'implicitDeny',
      }),
    );
    expect(result.reason).toBe('SESSION_POLICY_IMPLICIT_DENY');
    expect(result.deniedByPolicyType).toBe('session');
    expect(result.explanation.steps.map((s) => `${s.step}:${s.outcome}:${s.code}`)).toEqual([
      'deny:continue:NO_EXPLICIT_DENY',
      'rcp:skip:RCP_NOT_APPLICABLE',
      'scp:allow:SCP_ALLOW_EVERY_LEVEL',
      'resource:skip:NO_RESOURCE_POLICY',
      'identity:allow:IDENTITY_ALLOW',
      'boundary:allow:BOUNDARY_ALLOW',
      'session:implicitDeny:SESSION_POLICY_NO_ALLOW',
      'final:implicitDeny:SESSION_POLICY_IMPLICIT_DENY',
    ]);
    expect(result.explanation.policies.map((p) => `${p.policyType}:${p.outcome}${p.level !== undefined ? `@${p.level}` : ''}`)).toEqual([
      'scp:allow@0',
      'identity:allow',
      'boundary:allow',
      'session:none',
    ]);
  });

  it('reports a missing key, a missing variable and NotAction exclusions', () => {
    const result = authorize(
      requestOf({
        name: 'x',
        doc: DOC.condition,
        action: 'iam:CreateUser',
        resource: 'arn:aws:s3:::home/x',
        identity: [
          [
            { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
            allow('iam:CreateUser', 'arn:aws:s3:::home/${aws:username}', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
          ],
        ],
        expect: 'implicitDeny',
      }),
    );
    const [notAction, withVariable] = result.explanation.policies[0]?.statements ?? [];
    expect(notAction?.action).toMatchObject({ element: 'NotAction', matched: false, code: 'NOT_ACTION_EXCLUDED', matchedPattern: 'iam:*' });
    expect(withVariable?.resource?.resolved?.[0]?.resolvedPattern).toBeNull();
    expect(withVariable?.resource?.resolved?.[0]?.variables[0]).toEqual({ variable: '${aws:username}', value: null, source: 'missing' });
    expect(withVariable?.conditions[0]).toMatchObject({ keyPresent: false, matched: false, code: 'KEY_MISSING' });
    expect(result.explanation.missingContextKeys).toEqual(['aws:MultiFactorAuthPresent']);
  });

  it('a policy that does not parse is shown with its errors and positions', () => {
    const result = authorize(
      requestOf({
        name: 'x',
        doc: DOC.grammar,
        action: 's3:GetObject',
        identity: ['{"Statement": {"Effect": "Alow"}}'],
        expect: 'implicitDeny',
      }),
    );
    expect(result.reason).toBe('POLICY_ERROR');
    expect(result.explanation.policies[0]?.outcome).toBe('error');
    expect(result.explanation.policies[0]?.errors?.[0]).toMatchObject({ code: 'INVALID_EFFECT', span: { start: { line: 1, column: 26 } } });
  });
});

describe(`an SCP level with no Allow [${DOC.denyAllow}]`, () => {
  it('is reported as implicitDeny and the explanation says AWS treats it as final', () => {
    const request = requestOf({
      name: 'x',
      doc: DOC.denyAllow,
      action: 's3:GetObject',
      identity: [[allow('*')]],
      scps: [[FULL_ACCESS], [[allow('ec2:*')]]],
      expect: 'implicitDeny',
    });
    const result = authorize(request);
    expect(result).toMatchObject({
      decision: 'implicitDeny',
      reason: 'SCP_IMPLICIT_DENY',
      decidingLayer: 'scp',
      deniedByPolicyType: 'scp',
    });
    expect(result.explanation.steps.find((s) => s.step === 'scp')).toMatchObject({
      outcome: 'implicitDeny',
      code: 'SCP_LEVEL_NO_ALLOW',
      params: { level: '1', final: 'true' },
    });
    // Identity policies are not consulted after the SCP step: the denial cannot be overridden.
    expect(result.explanation.steps.some((s) => s.step === 'identity')).toBe(false);
    const why = explainInWords(request, result).find((l) => l.includes('Why:')) ?? '';
    expect(why).toContain('explicitly denied, even if the denial is implicit');
    expect(why).toContain('no service control policy allows');
  });
});
