/**
 * Content self-test, part 2 (the Learn Git Branching rule): for every exercise, the starting world
 * fails at least one check, the reference solution passes them all, and every declared wrong answer
 * fails the checks it names — so an exercise cannot be passed by the loopholes we know of. Failed
 * checks must say in words what is wrong. A lesson cannot rot silently when the simulator changes.
 * `FILTER=02-users` runs one lesson.
 */
import { describe, expect, test } from 'vitest';
import * as sim from '../../src/sim/index.ts';
import { runChecks } from '../../src/course/checks.ts';
import { applySteps, buildStartWorld } from '../../src/course/steps.ts';
import type { CreateCourseWorld } from '../../src/course/world-port.ts';
import { lessonExercises, lessonFolders } from './course-files.ts';

const filter = process.env['FILTER'] ?? '';
// Looked up by name so that this file compiles while the world is being built; a missing export
// fails every case below with a clear message rather than skipping it.
const create: CreateCourseWorld = (init) => {
  const createWorld = (sim as unknown as Record<string, unknown>)['createWorld'];
  if (typeof createWorld !== 'function') throw new Error('src/sim/index.ts does not export createWorld yet');
  return (createWorld as CreateCourseWorld)(init);
};

const cases = lessonFolders()
  .filter((lesson) => lesson.slug.includes(filter))
  .flatMap((lesson) => (lessonExercises(lesson.slug) ?? []).map((exercise, index, all) => ({ slug: lesson.slug, exercise, all, index })));

describe.each(cases.map((c) => [`${c.slug} › ${c.exercise.id}`, c] as const))('%s', (_name, { exercise, all }) => {
  test('the starting world fails at least one check', async () => {
    const { world, variables } = await buildStartWorld(create, all, exercise.id);
    const results = await runChecks(world, exercise, {
      variables,
      copyWorld: async () => (await buildStartWorld(create, all, exercise.id)).world,
    });
    expect(results.filter((r) => !r.passed).map((r) => r.id).length, JSON.stringify(results, null, 1)).toBeGreaterThan(0);
  });

  test('the solution passes every check', async () => {
    const { world, variables } = await buildStartWorld(create, all, exercise.id);
    const solved = await applySteps(world, exercise.solution.steps, variables);
    const copyWorld = async () => {
      const again = await buildStartWorld(create, all, exercise.id);
      await applySteps(again.world, exercise.solution.steps, again.variables);
      return again.world;
    };
    const results = await runChecks(world, exercise, { variables: solved, answers: exercise.solution.answers, copyWorld });
    const failed = results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message}`);
    expect(failed).toEqual([]);
  });
});

describe.each(
  cases.flatMap((c) =>
    c.exercise.wrongAnswers.map((wrong) => [`${c.slug} › ${c.exercise.id} ✗ ${wrong.mistake}`, { ...c, wrong }] as const),
  ),
)('%s', (_name, { exercise, all, wrong }) => {
  test('fails the checks that must catch it, with words', async () => {
    const { world, variables } = await buildStartWorld(create, all, exercise.id);
    // A wrong answer may include a command that AWS refuses; that is part of the mistake.
    const after = await applySteps(
      world,
      wrong.steps.map((s) => (typeof s === 'string' ? { run: s, mayFail: true } : s)),
      variables,
    );
    const copyWorld = async () => {
      const again = await buildStartWorld(create, all, exercise.id);
      await applySteps(
        again.world,
        wrong.steps.map((s) => (typeof s === 'string' ? { run: s, mayFail: true } : s)),
        again.variables,
      );
      return again.world;
    };
    const results = await runChecks(world, exercise, { variables: after, answers: wrong.answers, copyWorld });
    const byId = new Map(results.map((r) => [r.id, r]));
    for (const id of wrong.caughtBy) {
      const result = byId.get(id);
      expect(result?.passed, `${id} should fail: ${JSON.stringify(results.map((r) => [r.id, r.passed, r.message]))}`).toBe(false);
      expect(result?.message ?? '').not.toMatch(/world shows|CHECK_ERROR|could not run/);
    }
  });
});
