// The parse cache keeps a text that is read as two policy types in turn: SimulateCustomPolicy reads
// a resource policy as a trust policy first (a trust policy has no Resource), then as a resource
// policy. Both readings must stay cached, so repeated requests do not parse the text again.
import { afterEach, expect, test, vi } from 'vitest';
import * as parse from '../../../../src/sim/policy/parse.ts';

vi.mock('../../../../src/sim/policy/parse.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/sim/policy/parse.ts')>();
  return { ...original, parsePolicy: vi.fn(original.parsePolicy) };
});

const { simulateCustomPolicy } = await import('../../../../src/sim/simulate/custom.ts');
const { parseCached } = await import('../../../../src/sim/evaluate/policy-cache.ts');

const parses = (text: string): number => vi.mocked(parse.parsePolicy).mock.calls.filter(([t]) => t === text).length;

afterEach(() => vi.mocked(parse.parsePolicy).mockClear());

test('a bucket policy used in repeated simulations is parsed once per policy type, then never again', () => {
  const bucketPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::reports/*',
      },
    ],
  });
  const input = {
    PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}}'],
    ResourcePolicy: bucketPolicy,
    CallerArn: 'arn:aws:iam::111122223333:user/alice',
    ActionNames: ['s3:GetObject'],
    ResourceArns: ['arn:aws:s3:::reports/q1.csv'],
  };
  for (let i = 0; i < 6; i += 1) expect(simulateCustomPolicy(input).EvaluationResults[0]?.EvalDecision).toBe('allowed');
  // First use of each reading is remembered, the second caches it (text typed once is never kept).
  expect(parses(bucketPolicy)).toBeLessThanOrEqual(4);
});

test('the same text read alternately as trust and resource policy stays cached for both', () => {
  const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}';
  for (let i = 0; i < 10; i += 1) {
    parseCached(text, 'trust');
    parseCached(text, 'resource');
  }
  expect(parses(text)).toBe(4);
});

test('the entry found last answers only for its own text and policy type', () => {
  const identity = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}';
  const trust = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}';
  for (let i = 0; i < 3; i++) expect(parseCached(identity, 'identity').ok).toBe(true);
  // The same text read as another type, and other texts right after a cached one, are read afresh.
  expect(parseCached(identity, 'trust').errors.map((e) => e.code)).toEqual(['RESOURCE_NOT_ALLOWED', 'MISSING_PRINCIPAL']);
  for (let i = 0; i < 3; i++) expect(parseCached(trust, 'trust').ok).toBe(true);
  expect(parseCached('', 'trust').ok).toBe(false);
  expect(parseCached(`${identity} `, 'identity').ok).toBe(true);
  expect(parseCached(identity.replace('"s3:*"', '"s3"'), 'identity').errors.map((e) => e.code)).toEqual(['ACTION_NO_VENDOR']);
  // And a text found again is not parsed again.
  const before = parses(identity);
  expect(parseCached(identity, 'identity').ok).toBe(true);
  expect(parses(identity)).toBe(before);
});
