/**
 * generatePolicyFromTrail: the least-privilege policy a principal's records prove, with real ARNs,
 * checked by the engine (it allows every request the window used, and nothing of today's policies
 * beyond them is reported as used), and the time window.
 */
import { describe, expect, it } from 'vitest';
import { generatePolicyFromTrail } from '../../../../src/sim/analyze/generate.ts';
import { simulateCustomPolicy } from '../../../../src/sim/simulate/custom.ts';
import { createWorld } from '../../../../src/sim/world/index.ts';

const ALICE = 'arn:aws:iam::123456789012:user/alice';
const today = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListUsers', 'iam:CreateUser', 'iam:DeleteUser'], Resource: '*' }],
});

async function scenario(): Promise<{ world: ReturnType<typeof createWorld>; midpoint: string }> {
  const world = createWorld({ seed: 'generate' });
  for (const c of [
    'aws iam create-user --user-name alice',
    'aws iam create-access-key --user-name alice',
    `aws iam put-user-policy --user-name alice --policy-name p --policy-document '${today}'`,
  ]) {
    expect((await world.run(c)).exitCode).toBe(0);
  }
  expect((await world.run('aws iam get-user --user-name alice --profile alice')).exitCode).toBe(0);
  world.clock.advance(3600);
  const midpoint = new Date(world.clock.nowMs()).toISOString();
  world.clock.advance(60);
  expect((await world.run('aws iam list-users --profile alice')).exitCode).toBe(0);
  expect((await world.run('aws iam delete-user --user-name nobody --profile alice')).exitCode).not.toBe(0);
  return { world, midpoint };
}

describe('generatePolicyFromTrail', () => {
  it('real ARNs, actions grouped per resource, "*" for actions without resource types; unused access reported', async () => {
    const { world } = await scenario();
    const r = await generatePolicyFromTrail({
      records: world.trail().Records,
      principalArn: ALICE,
      currentPolicies: [today],
      decisionsFor: (id) => world.decisionsFor(id),
    });
    expect(r.PolicyDocument.Statement).toEqual([
      { Sid: 'UsedInTrail1', Effect: 'Allow', Action: ['iam:ListUsers'], Resource: ['*'] },
      { Sid: 'UsedInTrail2', Effect: 'Allow', Action: ['iam:GetUser'], Resource: [ALICE] },
    ]);
    expect(r.findings.filter((f) => f.severity === 'ERROR')).toEqual([]);
    expect(r.recordsFailed).toBe(1);
    // The generated policy allows what the window used.
    const text = JSON.stringify(r.PolicyDocument);
    const allowed = (action: string, resource: string): string | undefined =>
      simulateCustomPolicy({ PolicyInputList: [text], ActionNames: [action], ResourceArns: [resource] }).EvaluationResults[0]?.EvalDecision;
    expect(allowed('iam:GetUser', ALICE)).toBe('allowed');
    expect(allowed('iam:ListUsers', '*')).toBe('allowed');
    expect(allowed('iam:CreateUser', 'arn:aws:iam::123456789012:user/x')).toBe('implicitDeny');
    expect(new Set(r.UnusedGranted.map((w) => w.Action))).toEqual(new Set(['iam:CreateUser', 'iam:DeleteUser', 'iam:GetUser']));
    expect(r.summary).toMatch(/^grants 3 actions on \d+ resources? never used in the window$/);
  });

  it('the window starts at --since', async () => {
    const { world, midpoint } = await scenario();
    const r = await generatePolicyFromTrail({
      records: world.trail().Records,
      principalArn: ALICE,
      since: midpoint,
      decisionsFor: (id) => world.decisionsFor(id),
    });
    expect(r.PolicyDocument.Statement.map((s) => s.Action)).toEqual([['iam:ListUsers']]);
  });

  it('the window ends at until; an end before the start or a malformed time is BAD_INPUT', async () => {
    const { world, midpoint } = await scenario();
    const records = world.trail().Records;
    const decisionsFor = (id: string) => world.decisionsFor(id);
    const r = await generatePolicyFromTrail({ records, principalArn: ALICE, until: midpoint, decisionsFor });
    expect(r.PolicyDocument.Statement.map((s) => s.Action)).toEqual([['iam:GetUser']]);
    await expect(
      generatePolicyFromTrail({ records, principalArn: ALICE, since: midpoint, until: '2000-01-01T00:00:00Z' }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(generatePolicyFromTrail({ records, principalArn: ALICE, until: 'yesterday' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });

  it('AdministratorAccess against a small window: every action of the unused services is said in words, not counted as one', async () => {
    const { world } = await scenario();
    const admin = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const r = await generatePolicyFromTrail({
      records: world.trail().Records,
      principalArn: ALICE,
      currentPolicies: [admin],
      decisionsFor: (id) => world.decisionsFor(id),
    });
    expect(r.unusedOtherServices).toBe(true);
    expect(r.summary).toMatch(
      /^grants \d+ actions on \d+ resources? never used in the window, and every action of the services the window never used \(for example [a-z0-9]+:\w+\)$/,
    );
    // Every IAM action but the two the window used is unused on some resource.
    expect(r.unusedActions).toBeGreaterThan(100);
  });
});
