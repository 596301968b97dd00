/**
 * The worker's exercise api on the page's named worlds: a start journal rebuilds the exercise's
 * world exactly (the page saves and replays it), checks judge the named world without changing
 * it, and they turn green once the learner does the work.
 */
import { describe, expect, test } from 'vitest';
import { exerciseApi } from '../../../src/course/worker-api.ts';
import { worlds } from '../../../src/worker/worlds.ts';
import lesson1 from '../../../content/lessons/01-what-is-iam/exercises.ts';
import lesson2 from '../../../content/lessons/02-users-and-credentials/exercises.ts';
import lesson8 from '../../../content/lessons/08-mfa/exercises.ts';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('exerciseApi', () => {
  test('a continuing exercise starts from the previous start plus its solution, in the pinned account', async () => {
    const journal = unwrap(await exerciseApi.exerciseStartJournal(lesson1, 'first-allow'));
    expect(journal.start.accountId).toBe('111122223333');
    expect(journal.ops.map((op) => (op.kind === 'run' ? op.line : op.kind))).toEqual([
      'aws iam create-user --user-name intern',
      'aws iam create-access-key --user-name intern',
      'aws iam list-users --profile intern',
    ]);
  });

  test('checks see the values the start steps saved (the old key of rotate-key), as the self-test does', async () => {
    await worlds.restore('lesson-02', unwrap(await exerciseApi.exerciseStartJournal(lesson2, 'rotate-key')));
    const first = unwrap(await exerciseApi.checkExercise('lesson-02', lesson2, 'rotate-key', {}));
    expect(first.filter((r) => !r.passed).map((r) => r.id)).toEqual(['deactivated-first', 'old-deleted']);
    expect(first.map((r) => r.message).join(' ')).not.toContain('could not run');
    const old = JSON.parse(
      (await worlds.run('lesson-02', 'aws iam list-access-keys --user-name build --query AccessKeyMetadata[0].AccessKeyId')).stdout,
    ) as string;
    await worlds.run('lesson-02', 'aws iam create-access-key --user-name build');
    await worlds.run('lesson-02', `aws iam update-access-key --user-name build --access-key-id ${old} --status Inactive`);
    await worlds.run('lesson-02', `aws iam delete-access-key --user-name build --access-key-id ${old}`);
    const after = unwrap(await exerciseApi.checkExercise('lesson-02', lesson2, 'rotate-key', {}));
    expect(after.every((r) => r.passed)).toBe(true);
  });

  test('checks pass only after the learner acts, and checking leaves the trail alone', async () => {
    await worlds.restore('lesson-01', unwrap(await exerciseApi.exerciseStartJournal(lesson1, 'first-allow')));
    const before = (await worlds.get('lesson-01')).trail().Records.length;
    const first = unwrap(await exerciseApi.checkExercise('lesson-01', lesson1, 'first-allow', {}));
    expect(first.map((r) => [r.id, r.passed])).toEqual([
      ['intern-can-list', false],
      ['intern-cannot-create', true],
      ['intern-cannot-attach', true],
    ]);
    expect((await worlds.get('lesson-01')).trail().Records.length).toBe(before);

    await worlds.run('lesson-01', 'aws iam attach-user-policy --user-name intern --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess');
    const after = unwrap(await exerciseApi.checkExercise('lesson-01', lesson1, 'first-allow', {}));
    expect(after.every((r) => r.passed)).toBe(true);
  });

  test('a start with MFA codes replays to the same world from its journal', async () => {
    const journal = unwrap(await exerciseApi.exerciseStartJournal(lesson8, 'require-mfa'));
    await worlds.restore('lesson-08', journal);
    const devices = await worlds.run('lesson-08', 'aws iam list-mfa-devices --user-name ana');
    expect(JSON.parse(devices.stdout).MFADevices).toHaveLength(1);
  });

  test('invalid exercise data is refused with a code, not a crash', async () => {
    const result = await exerciseApi.checkExercise('lesson-01', [{ id: 'x' }], 'x', {});
    expect(result.ok).toBe(false);
  });
});

describe('exerciseApi with an organization', () => {
  test('a start in a member account keeps its SCPs through the journal', async () => {
    const { default: lesson11 } = await import('../../../content/lessons/11-guardrails/exercises.ts');
    const journal = unwrap(await exerciseApi.exerciseStartJournal(lesson11, 'scp-ceiling'));
    expect(journal.start.organization).toBeDefined();
    await worlds.restore('lesson-11', journal);
    const denied = await worlds.run('lesson-11', 'aws s3api list-buckets --region ap-southeast-2 --profile admin');
    expect(denied.stderr).toMatch(/AccessDenied/);
    const allowed = await worlds.run('lesson-11', 'aws s3api list-buckets --region eu-west-1 --profile admin');
    expect(allowed.exitCode).toBe(0);
  });
});
