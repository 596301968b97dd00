/**
 * Property tests (fast-check) for comparePolicies: on random pairs of policies, every witness
 * replays through SimulateCustomPolicy to the claimed decisions (checked inside comparePolicies,
 * and again here), and thousands of random requests never find a difference the comparison missed.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparePolicies, comparePoliciesSync, type ComparePolicyType, type PolicyComparison } from '../../../../src/sim/analyze/index.ts';
import { loadServices } from '../../../../src/sim/catalog/services.ts';
import { authorize } from '../../../../src/sim/evaluate/authorize.ts';
import type { ContextValue } from '../../../../src/sim/evaluate/types.ts';
import { simulateCustomPolicy } from '../../../../src/sim/simulate/custom.ts';
import { engineRequest, parseSide } from '../../../../src/sim/analyze/sides.ts';

const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:Get*', 's3:*Object', 's3:*', '*', 'iam:CreateUser', 'iam:*User*'];
const RESOURCES = [
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/x',
  'arn:aws:s3:::*/x',
  'arn:aws:s3:::b*',
  'arn:aws:iam::123456789012:user/*',
  'arn:aws:s3:::b/${aws:username}/*',
  'arn:aws:*:*:*:*',
];
const CONDITIONS: [string, string, string[]][] = [
  ['StringEquals', 'aws:PrincipalTag/team', ['a', 'b']],
  ['StringLike', 'aws:PrincipalTag/team', ['b*']],
  ['StringNotLike', 'aws:PrincipalTag/team', ['*x']],
  ['StringEqualsIgnoreCase', 's3:prefix', ['Home/']],
  ['StringNotEqualsIfExists', 's3:prefix', ['home/']],
  ['StringEquals', 'aws:PrincipalTag/team', ['${aws:username}']],
  ['Bool', 'aws:MultiFactorAuthPresent', ['true']],
  ['BoolIfExists', 'aws:MultiFactorAuthPresent', ['false']],
  ['NumericLessThan', 'aws:MultiFactorAuthAge', ['3600']],
  ['NumericGreaterThanEquals', 'aws:MultiFactorAuthAge', ['100']],
  ['IpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.0.2.1']],
  ['NotIpAddress', 'aws:SourceIp', ['10.1.0.0/16']],
  ['DateLessThan', 'aws:CurrentTime', ['2026-01-01T00:00:00Z']],
  ['DateGreaterThan', 'aws:CurrentTime', ['2025-06-01T00:00:00Z']],
  ['Null', 'aws:TokenIssueTime', ['true']],
  ['Null', 'aws:TokenIssueTime', ['false']],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b']],
  ['ForAnyValue:StringLike', 'aws:TagKeys', ['c*']],
  ['ArnLike', 'aws:SourceArn', ['arn:aws:s3:::b*']],
  ['ArnNotEquals', 'aws:SourceArn', ['arn:aws:s3:::b/x']],
];

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  not: fc.boolean(),
  actions: fc.subarray(ACTIONS, { minLength: 1, maxLength: 2 }),
  notResource: fc.boolean(),
  resources: fc.subarray(RESOURCES, { minLength: 1, maxLength: 2 }),
  conditions: fc.subarray(CONDITIONS, { maxLength: 2 }),
});
const policy = fc.array(statement, { minLength: 1, maxLength: 3 }).map((stmts) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: stmts.map((s) => {
      const out: Record<string, unknown> = { Effect: s.Effect, [s.not && s.Effect === 'Deny' ? 'NotAction' : 'Action']: s.actions };
      out[s.notResource && s.Effect === 'Deny' ? 'NotResource' : 'Resource'] = s.resources;
      if (s.conditions.length > 0) {
        const cond: Record<string, Record<string, string[]>> = {};
        for (const [op, key, values] of s.conditions) (cond[op] ??= {})[key] = values;
        out['Condition'] = cond;
      }
      return out;
    }),
  }),
);

const SAMPLE_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  's3:ListBucket',
  's3:GetBucketPolicy',
  'iam:CreateUser',
  'iam:GetUser',
  'iam:ListUsers',
  'ec2:DescribeInstances',
  'sqs:ListQueues',
];
const SAMPLE_RESOURCES = [
  '*',
  'arn:aws:s3:::b/x',
  'arn:aws:s3:::b/y/z',
  'arn:aws:s3:::c/x',
  'arn:aws:s3:::b/alice/k',
  'arn:aws:s3:::b',
  'arn:aws:s3:::bx/x:y',
  'arn:aws:iam::123456789012:user/bob',
  'arn:aws:s3:us-east-1:1:b/x',
];
const VALUES: Record<string, string[]> = {
  'aws:PrincipalTag/team': ['a', 'b', 'bx', 'alice', 'zz', ''],
  's3:prefix': ['home/', 'Home/', 'HOME/', 'other'],
  'aws:username': ['alice', 'bob', 'a'],
  'aws:MultiFactorAuthPresent': ['true', 'false', 'TRUE', 'x'],
  'aws:MultiFactorAuthAge': ['0', '100', '99.5', '3600', '5000', 'abc'],
  'aws:SourceIp': ['10.0.0.1', '10.1.2.3', '192.0.2.1', '192.0.2.2', '::1', '11.0.0.0'],
  'aws:CurrentTime': ['2025-01-01T00:00:00Z', '2025-12-31T00:00:00Z', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
  'aws:TokenIssueTime': ['2025-01-01T00:00:00Z'],
  'aws:TagKeys': ['a', 'b', 'c1', 'd'],
  'aws:SourceArn': ['arn:aws:s3:::b/x', 'arn:aws:s3:::bb', 'arn:aws:s3:::c', 'b/x'],
};
const contextArb = fc.record(
  Object.fromEntries(
    Object.entries(VALUES).map(([k, pool]) => [
      k,
      fc.oneof(fc.constant(undefined), fc.constantFrom(...pool), fc.subarray(pool, { maxLength: Math.min(3, pool.length) })),
    ]),
  ),
) as fc.Arbitrary<Record<string, ContextValue | undefined>>;
const requestArb = fc.record({
  action: fc.constantFrom(...SAMPLE_ACTIONS),
  resource: fc.constantFrom(...SAMPLE_RESOURCES),
  context: contextArb,
});

function namedServices(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    for (const st of (JSON.parse(t) as { Statement: Record<string, string[]>[] }).Statement) {
      for (const a of [...(st['Action'] ?? []), ...(st['NotAction'] ?? [])]) if (a.includes(':')) out.add(a.split(':')[0] as string);
    }
  }
  return out;
}

/** True when the comparison reports a difference in this direction that covers the action. */
function covered(r: PolicyComparison, direction: 'newlyAllowed' | 'noLongerAllowed', action: string, named: Set<string>): boolean {
  const service = action.split(':')[0] as string;
  return r.groups.some(
    (g) =>
      g.direction === direction &&
      (g.actions.includes(action) || (!named.has(service) && g.sentence.includes('services neither version names'))),
  );
}

function check(
  type: ComparePolicyType,
  before: string,
  after: string,
  samples: { action: string; resource: string; context: Record<string, ContextValue | undefined> }[],
): void {
  const r = comparePoliciesSync(before, after, { policyType: type });
  expect(r.complete).toBe(true);
  const b = parseSide('before', before, type);
  const a = parseSide('after', after, type);
  const named = namedServices([before, after]);
  for (const s of samples) {
    const context: Record<string, ContextValue> = {};
    for (const [k, v] of Object.entries(s.context)) if (v !== undefined) context[k] = v;
    const req = { action: s.action, resource: s.resource, context, callerArn: 'arn:aws:iam::123456789012:user/SimulatedUser' };
    const db = authorize(engineRequest(b, type, req)).decision === 'allowed';
    const da = authorize(engineRequest(a, type, req)).decision === 'allowed';
    if (db === da) continue;
    const direction = da ? 'newlyAllowed' : 'noLongerAllowed';
    if (!covered(r, direction, s.action, named)) {
      throw new Error(
        `missed ${direction} ${s.action} ${s.resource} ${JSON.stringify(context)}\nbefore ${before}\nafter ${after}\n${r.groups.map((g) => g.sentence).join('\n')}`,
      );
    }
  }
  // Each witness replays through SimulateCustomPolicy (identity) to the claimed decisions.
  if (type === 'identity') {
    for (const [list, want] of [
      [r.NewlyAllowed, [false, true]],
      [r.NoLongerAllowed, [true, false]],
    ] as const) {
      for (const w of list.slice(0, 20)) {
        const run = (texts: string[]): boolean =>
          simulateCustomPolicy({
            PolicyInputList: texts,
            ActionNames: [w.Action],
            ResourceArns: [w.Resource],
            ContextEntries: w.ContextEntries,
          }).EvaluationResults[0]?.EvalDecision === 'allowed';
        expect([run([before]), run([after])]).toEqual(want);
      }
    }
  }
}

beforeAll(async () => {
  await loadServices(['s3', 'iam', 'ec2', 'sqs']);
});

describe('comparePolicies against sampling', () => {
  for (const type of ['identity', 'boundary', 'scp'] as const) {
    it(`${type}: random requests find no difference the comparison missed; witnesses replay`, () => {
      fc.assert(
        fc.property(policy, policy, fc.array(requestArb, { minLength: 150, maxLength: 150 }), (before, after, samples) =>
          check(type, before, after, samples),
        ),
        {
          numRuns: type === 'identity' ? 60 : 25,
        },
      );
      // Each run compares two random policies exactly and replays 150 requests: seconds of CPU, more on a loaded machine.
    }, 120_000);
  }
  it('a policy compared with itself is Equivalent', () => {
    fc.assert(
      fc.property(policy, (p) => comparePoliciesSync(p, p).Result === 'Equivalent'),
      { numRuns: 40 },
    );
  });
  it('async entry loads the reference itself', async () => {
    const r = await comparePolicies(
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}}',
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sns:*","Resource":"*"}}',
    );
    expect(r.Result).toBe('MorePermissive');
    expect(r.NewlyAllowed.some((w) => w.Action === 'sns:CreateTopic')).toBe(true);
  });
});
