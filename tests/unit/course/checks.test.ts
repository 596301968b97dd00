/**
 * The pure check runner against a real simulated world: command results are judged by exit code,
 * AWS error code and JMESPath queries; trail and answer checks read the trail; a check that cannot
 * run fails closed with CHECK_ERROR; checking never changes the world.
 */
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { judgeCommand, runChecks } from '../../../src/course/checks.ts';
import { exerciseSchema, type ExerciseInput } from '../../../src/course/exercise.ts';
import { applySteps, fillTemplate, StepError, totpCode } from '../../../src/course/steps.ts';
import type { CourseWorld } from '../../../src/course/world-port.ts';

const world = (): CourseWorld => createWorld({ accountId: '111122223333', seed: 'checks-test' });

describe('judgeCommand', () => {
  const denied = {
    exitCode: 254,
    stdout: '',
    stderr: '\nAn error occurred (AccessDenied) when calling the ListUsers operation: User: ... is not authorized\n',
  };
  const listed = { exitCode: 0, stdout: '{"Users":[{"UserName":"ana"},{"UserName":"ben"}]}', stderr: '' };
  const cases = [
    { name: 'success expected, exit 0', result: listed, expect: { outcome: 'success' }, code: 'PASS' },
    { name: 'success expected, refused', result: denied, expect: { outcome: 'success' }, code: 'EXPECTED_SUCCESS' },
    { name: 'failure expected, succeeded', result: listed, expect: { outcome: 'failure' }, code: 'EXPECTED_FAILURE' },
    { name: 'failure with the right error code', result: denied, expect: { outcome: 'failure', errorCode: 'AccessDenied' }, code: 'PASS' },
    {
      name: 'failure with another error code',
      result: denied,
      expect: { outcome: 'failure', errorCode: 'NoSuchEntity' },
      code: 'ERROR_CODE_MISMATCH',
    },
    {
      name: 'query equals',
      result: listed,
      expect: { outcome: 'success', query: 'Users[].UserName', equals: ['ana', 'ben'] },
      code: 'PASS',
    },
    { name: 'query differs', result: listed, expect: { outcome: 'success', query: 'length(Users)', equals: 1 }, code: 'QUERY_MISMATCH' },
    {
      name: 'output not JSON',
      result: { exitCode: 0, stdout: 'ana\tben', stderr: '' },
      expect: { outcome: 'success', query: 'Users', equals: [] },
      code: 'OUTPUT_NOT_JSON',
    },
  ] as const;
  test.each(cases)('$name → $code', ({ result, expect: expectation, code }) => {
    expect(judgeCommand(result, expectation as never).code).toBe(code);
  });
});

describe('runChecks', () => {
  const exercise = (input: Partial<ExerciseInput>) =>
    exerciseSchema.parse({
      id: 'probe',
      title: 'A probe exercise',
      goal: 'Only used by the unit tests of the check runner.',
      start: { world: {} },
      hints: ['No hints needed here.'],
      solution: { explanation: 'Nothing to solve, this only probes the runner.' },
      wrongAnswers: [
        { mistake: 'does nothing at all', caughtBy: ['probe'] },
        { mistake: 'does nothing, a second time', caughtBy: ['probe'] },
      ],
      checks: [],
      ...input,
    });

  test('commands run in a copy: the trail does not grow while checking', async () => {
    const w = world();
    await w.run('aws iam create-user --user-name ana');
    const before = w.trail().Records.length;
    const results = await runChecks(
      w,
      exercise({
        checks: [
          { id: 'ana', kind: 'command', label: 'ana exists', command: 'aws iam get-user --user-name ana', expect: { outcome: 'success' } },
        ],
      }),
    );
    expect(results.map((r) => r.passed)).toEqual([true]);
    expect(w.trail().Records.length).toBe(before);
  });

  test('decision checks use the policy simulator and {{accountId}}', async () => {
    const w = world();
    await w.run('aws iam create-user --user-name ana');
    const results = await runChecks(
      w,
      exercise({
        checks: [
          {
            id: 'deny',
            kind: 'decision',
            label: 'ana cannot list',
            principalArn: 'arn:aws:iam::{{accountId}}:user/ana',
            action: 'iam:ListUsers',
            expect: 'implicitDeny',
          },
        ],
      }),
    );
    expect(results[0]).toMatchObject({ passed: true, outcome: { code: 'PASS' } });
  });

  test('trail and answer checks read the trail; answers ignore case and quotes', async () => {
    const w = world();
    await w.run('aws iam create-user --user-name Backup-Svc');
    const probe = exercise({
      checks: [
        { id: 'created', kind: 'trail', label: 'a user was created', query: "length(Records[?eventName=='CreateUser'])", equals: 1 },
        {
          id: 'who',
          kind: 'answer',
          label: 'which user',
          question: 'Which user was created?',
          answerQuery: "Records[?eventName=='CreateUser'] | [0].requestParameters.userName",
        },
      ],
    });
    expect((await runChecks(w, probe, { answers: { who: '"backup-svc"' } })).map((r) => r.outcome.code)).toEqual(['PASS', 'PASS']);
    expect((await runChecks(w, probe, { answers: { who: 'ana' } }))[1]!.outcome.code).toBe('ANSWER_WRONG');
    expect((await runChecks(w, probe))[1]!.outcome.code).toBe('ANSWER_MISSING');
  });

  test('a check that cannot run fails closed with CHECK_ERROR and a message', async () => {
    const results = await runChecks(
      world(),
      exercise({ checks: [{ id: 'bad', kind: 'trail', label: 'broken query', query: 'Records[?', equals: 1 }] }),
    );
    expect(results[0]).toMatchObject({ passed: false, outcome: { code: 'CHECK_ERROR' } });
    expect(results[0]!.message).toMatch(/could not run/);
  });
});

describe('steps and templates', () => {
  test('save a value and use it later', async () => {
    const w = world();
    await applySteps(w, ['aws iam create-user --user-name ana']);
    const vars = await applySteps(w, [{ run: 'aws iam create-access-key --user-name ana', save: { KEY: 'AccessKey.AccessKeyId' } }]);
    expect(vars['KEY']).toMatch(/^AKIA/);
    expect(fillTemplate(w, 'key {{KEY}}', vars)).toBe(`key ${vars['KEY']}`);
  });

  test('an unknown variable and a failing step are StepErrors with stable codes', async () => {
    const w = world();
    expect(() => fillTemplate(w, '{{NOPE}}', {})).toThrow(StepError);
    await expect(applySteps(w, ['aws iam get-user --user-name ghost'])).rejects.toMatchObject({ code: 'STEP_FAILED' });
    await expect(applySteps(w, [{ run: 'aws iam get-user --user-name ghost', mayFail: true }])).resolves.toEqual({});
  });

  test('TOTP codes from a seed file enable an MFA device (RFC 6238, two consecutive codes)', async () => {
    const w = world();
    await applySteps(w, [
      'aws iam create-user --user-name ana',
      'aws iam create-virtual-mfa-device --virtual-mfa-device-name ana --outfile seed.txt --bootstrap-method Base32StringSeed',
      'aws iam enable-mfa-device --user-name ana --serial-number arn:aws:iam::111122223333:mfa/ana --authentication-code1 {{totp:seed.txt:-30}} --authentication-code2 {{totp:seed.txt}}',
    ]);
    expect(totpCode(w, 'seed.txt')).toMatch(/^\d{6}$/);
    const devices = await w.run('aws iam list-mfa-devices --user-name ana');
    expect(JSON.parse(devices.stdout).MFADevices).toHaveLength(1);
    expect(() => totpCode(w, 'missing.txt')).toThrow(/No MFA seed file/);
  });
});
