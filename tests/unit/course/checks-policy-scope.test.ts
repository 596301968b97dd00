/**
 * The `policyScope` check: a principal's identity policies compared exactly with a reference
 * (comparePolicies, every request rather than samples). `within` = grants nothing beyond the
 * reference; `atLeast` = allows at least what the reference allows; the failure names a request.
 */
import { describe, expect, test } from 'vitest';
import { runChecks } from '../../../src/course/checks.ts';
import { exerciseSchema, type ExerciseInput } from '../../../src/course/exercise.ts';
import type { CourseWorld } from '../../../src/course/world-port.ts';
import { createWorld } from '../../../src/sim/index.ts';

const READ_REPORTS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-reports/*' }],
};

const exercise = (checks: unknown[]) =>
  exerciseSchema.parse({
    id: 'probe',
    title: 'A probe exercise',
    goal: 'Only used by the unit tests of the check runner.',
    start: { world: {} },
    hints: ['No hints needed here.'],
    solution: { explanation: 'Nothing to solve, this only probes the runner.' },
    wrongAnswers: [
      { mistake: 'does nothing at all', caughtBy: ['within'] },
      { mistake: 'does nothing, a second time', caughtBy: ['within'] },
    ],
    checks: checks as ExerciseInput['checks'],
  });

const checks = [
  {
    id: 'within',
    kind: 'policyScope',
    label: 'ana gets nothing beyond reading reports',
    principalArn: 'arn:aws:iam::{{accountId}}:user/ana',
    relation: 'within',
    reference: READ_REPORTS,
  },
  {
    id: 'at-least',
    kind: 'policyScope',
    label: 'ana can read every report',
    principalArn: 'arn:aws:iam::{{accountId}}:user/ana',
    relation: 'atLeast',
    reference: READ_REPORTS,
  },
];

async function anaWith(policy?: object): Promise<CourseWorld> {
  const w = createWorld({ accountId: '111122223333', seed: 'policy-scope' }) as unknown as CourseWorld;
  await w.run('aws iam create-user --user-name ana');
  if (policy)
    expect(
      (await w.run(`aws iam put-user-policy --user-name ana --policy-name p --policy-document '${JSON.stringify(policy)}'`)).exitCode,
    ).toBe(0);
  return w;
}

describe('policyScope checks', () => {
  test('exactly the reference: both pass, and checking leaves no trail', async () => {
    const w = await anaWith(READ_REPORTS);
    const before = w.trail().Records.length;
    const results = await runChecks(w, exercise(checks));
    expect(results.map((r) => [r.id, r.outcome.code])).toEqual([
      ['within', 'PASS'],
      ['at-least', 'PASS'],
    ]);
    expect(w.trail().Records.length).toBe(before);
  });

  test('one extra action fails "within" with that request; a narrower resource fails "atLeast"', async () => {
    const wider = await anaWith({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::dojo-reports/*' }],
    });
    const [within, atLeast] = await runChecks(wider, exercise(checks));
    expect(within).toMatchObject({ passed: false, outcome: { code: 'GRANTS_BEYOND' } });
    expect(within!.message).toContain('s3:DeleteObject on arn:aws:s3:::dojo-reports/');
    expect(atLeast!.passed).toBe(true);
    const narrower = await anaWith({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-reports/q3/*' }],
    });
    const [w2, a2] = await runChecks(narrower, exercise(checks));
    expect(w2!.passed).toBe(true);
    expect(a2).toMatchObject({ passed: false, outcome: { code: 'ALLOWS_LESS' } });
  });

  test('no policies grant nothing beyond anything; a missing principal fails closed', async () => {
    const none = await anaWith();
    expect((await runChecks(none, exercise(checks))).map((r) => r.outcome.code)).toEqual(['PASS', 'ALLOWS_LESS']);
    const other = exercise([{ ...checks[0], principalArn: 'arn:aws:iam::{{accountId}}:user/nobody' }]);
    expect((await runChecks(none, other))[0]).toMatchObject({ passed: false, outcome: { code: 'PRINCIPAL_MISSING' } });
  });

  test('the schema refuses an unknown relation', () => {
    expect(() => exercise([{ ...checks[0], relation: 'about' }])).toThrow();
  });
});
