/**
 * Fuzz: hostile and random input never throws a JavaScript error, never hangs and never yields
 * `allowed` unless the policy really allows. Every rejection carries a stable code and a position.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../../src/sim/evaluate/authorize.ts';
import { parsePolicy } from '../../../../src/sim/policy/parse.ts';
import { POLICY_TYPES } from '../../../../src/sim/policy/types.ts';
import { SimulationError, simulateCustomPolicy, validatePolicySync } from '../../../../src/sim/index.ts';

const policyLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      'Allow',
      'Deny',
      '*',
      's3:*',
      'arn:aws:s3:::b/*',
      '2012-10-17',
      '${aws:username}',
      'allow',
      '',
      'iam:PassRole',
      'aws:SourceIp',
      '10.0.0.0/8',
    ),
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'Version',
        'Statement',
        'Effect',
        'Action',
        'NotAction',
        'Resource',
        'NotResource',
        'Principal',
        'NotPrincipal',
        'Condition',
        'Sid',
        'Id',
        'AWS',
        'StringEquals',
        'ForAnyValue:StringLike',
        'IpAddress',
        'Null',
        'x',
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

const request = (doc: string) => ({
  principal: { type: 'IAMUser' as const, arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333' },
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::b/k',
  resourceAccountId: '111122223333',
  context: { 'aws:username': 'alice', 'aws:SourceIp': '10.1.1.1' },
  identityPolicies: [{ id: 'fuzz', policyType: 'identity' as const, document: doc }],
});

describe('fuzz', () => {
  it('random JSON-shaped documents: parse never throws; errors have codes and positions', () => {
    fc.assert(
      fc.property(policyLike, fc.constantFrom(...POLICY_TYPES), (value, policyType) => {
        const text = JSON.stringify(value) ?? 'null';
        const r = parsePolicy(text, { policyType });
        for (const e of r.errors) {
          expect(e.code).toMatch(/^[A-Z_]+$/);
          expect(e.span.start.line).toBeGreaterThanOrEqual(1);
          expect(e.span.start.offset).toBeLessThanOrEqual(text.length);
          expect(typeof e.awsMessage).toBe('string');
        }
        validatePolicySync(text, policyType);
      }),
      { numRuns: 1500 },
    );
  });

  it('random documents never allow unless they parse and an Allow statement applies', () => {
    fc.assert(
      fc.property(policyLike, (value) => {
        const text = JSON.stringify(value) ?? 'null';
        const result = authorize(request(text));
        if (result.decision === 'allowed') {
          expect(parsePolicy(text, { policyType: 'identity' }).ok).toBe(true);
          expect(result.decidingStatements.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('random text: never throws, never allows', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parsePolicy(text, { policyType: 'identity' });
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
        const result = authorize(request(text));
        if (!r.ok) expect(result.decision).not.toBe('allowed');
      }),
      { numRuns: 1500 },
    );
  });

  const hostile: [string, string][] = [
    ['deep nesting', '['.repeat(100_000)],
    ['deep objects', '{"a":'.repeat(50_000)],
    ['huge document', `{"Statement":"${'x'.repeat(200_000)}"}`],
    [
      'long wildcard action',
      JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: `s3:${'*a'.repeat(5000)}`, Resource: '*' } }),
    ],
    [
      'long wildcard resource',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:::${'*?'.repeat(5000)}b` },
      }),
    ],
    [
      'many variables',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:::${'${aws:username}'.repeat(2000)}` },
      }),
    ],
    [
      'unterminated variable',
      JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::${aws:username' } }),
    ],
    ['control characters', '{"Statement":"\u0000\u0001"}'],
    ['lone surrogate', '{"Statement":"\ud800"}'],
    [
      '__proto__ keys',
      '{"__proto__":{"Effect":"Allow"},"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"__proto__":"x"}}}}',
    ],
    ['numbers everywhere', '{"Version":1,"Statement":{"Effect":1,"Action":1,"Resource":1}}'],
    [
      'many colons',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:*${':*'.repeat(5000)}` },
      }),
    ],
  ];
  for (const [name, text] of hostile) {
    it(`hostile input: ${name}`, () => {
      const start = performance.now();
      const r = parsePolicy(text, { policyType: 'identity' });
      const result = authorize(request(text));
      validatePolicySync(text, 'identity');
      expect(performance.now() - start).toBeLessThan(3000);
      if (!r.ok) {
        expect(result.decision).not.toBe('allowed');
        expect(r.errors[0]?.code).toMatch(/^[A-Z_]+$/);
      }
    });
  }

  it('hostile simulation input raises SimulationError, never a TypeError', () => {
    const inputs: unknown[] = [
      null,
      42,
      [],
      { PolicyInputList: null, ActionNames: null },
      { PolicyInputList: [null], ActionNames: ['s3:GetObject'] },
      { PolicyInputList: [], ActionNames: [1] },
      { PolicyInputList: [], ActionNames: ['s3:GetObject'], ContextEntries: [null] },
      { PolicyInputList: [], ActionNames: ['s3:GetObject'], ContextEntries: 'x' },
      { PolicyInputList: [], ActionNames: ['s3:GetObject'], ResourceArns: [7] },
      { PolicyInputList: [], ActionNames: ['s3:GetObject'], MaxItems: -1 },
    ];
    for (const input of inputs) expect(() => simulateCustomPolicy(input as never)).toThrow(SimulationError);
  });
});
