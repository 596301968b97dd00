/**
 * The goal-state view (instructor mode's "reveal the goal state"): the worker builds the account
 * after an exercise's reference solution and summarizes it in lines a learner's account can be
 * compared with; a solution that writes its policy as a world file (`file://`) yields the same
 * account as the console's inline-policy editor would.
 */
import { describe, expect, test } from 'vitest';
import { exerciseApi } from '../../../src/course/worker-api.ts';
import { summaryLine } from '../../../src/course/account-summary.ts';
import { worlds } from '../../../src/worker/worlds.ts';
import lesson3 from '../../../content/lessons/03-groups/exercises.ts';
import lesson4 from '../../../content/lessons/04-policies/exercises.ts';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('goal state', () => {
  test('lesson 3 create-group: the group with its members and policy, the users without policies of their own', async () => {
    const goal = unwrap(await exerciseApi.exerciseGoalState(lesson3, 'create-group')).map(summaryLine);
    expect(goal).toContain('group Developers — members: li, maria; attached: AmazonS3ReadOnlyAccess');
    expect(goal).toContain('user maria — groups: Developers');
    expect(goal).toContain('user sam');
    // The course's administrator role is set-up, not part of the goal.
    expect(goal.join('\n')).not.toContain('AdministratorAccess-Dojo');
  });

  test("the learner's account differs from the goal until the work is done, then matches it", async () => {
    await worlds.restore('lesson-04', unwrap(await exerciseApi.exerciseStartJournal(lesson4, 'inline-policy')));
    const goal = unwrap(await exerciseApi.exerciseGoalState(lesson4, 'inline-policy')).map(summaryLine);
    expect(goal).toContain('user ana — inline: ReadReports');
    const before = unwrap(await exerciseApi.accountSummary('lesson-04')).map(summaryLine);
    expect(before).not.toContain('user ana — inline: ReadReports');
    await worlds.writeFile(
      'lesson-04',
      'mine.json',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::dojo-reports"}]}',
    );
    const out = await worlds.run(
      'lesson-04',
      'aws iam put-user-policy --user-name ana --policy-name ReadReports --policy-document file://mine.json',
    );
    expect(out.exitCode).toBe(0);
    expect(unwrap(await exerciseApi.accountSummary('lesson-04')).map(summaryLine)).toEqual(goal);
  });
});
