/**
 * Content self-test, part 3: the lessons that offer "Console | CLI" (2, 3, 4, 8) pass the same checks
 * either way. For every exercise with a `consoleSolution`, its console steps — the API calls the
 * console's pages make, as a root console session signed in with the password the sign-in page
 * shows — are run from the exercise's start and every check must pass, exactly as for the CLI
 * solution. `FILTER=02-users` runs one lesson.
 */
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { runChecks } from '../../src/course/checks.ts';
import { applyConsoleSteps, type ConsoleCourseWorld } from '../../src/course/console-steps.ts';
import { buildStartWorld } from '../../src/course/steps.ts';
import type { CreateCourseWorld } from '../../src/course/world-port.ts';
import { lessonExercises, lessonFolders } from './course-files.ts';

const filter = process.env['FILTER'] ?? '';
const create: CreateCourseWorld = (init) => createWorld(init as Parameters<typeof createWorld>[0]);
/** The lessons whose pages offer both paths; each must declare console solutions. */
const BOTH_PATHS = ['02-users-and-credentials', '03-groups', '04-policies', '08-mfa'];

const cases = lessonFolders()
  .filter((lesson) => lesson.slug.includes(filter))
  .flatMap((lesson) =>
    (lessonExercises(lesson.slug) ?? []).flatMap((exercise, index, all) =>
      exercise.consoleSolution ? [{ slug: lesson.slug, exercise, all, index, steps: exercise.consoleSolution.steps }] : [],
    ),
  );

test.each(BOTH_PATHS.filter((slug) => slug.includes(filter)))('%s declares a console solution', (slug) => {
  expect((lessonExercises(slug) ?? []).some((e) => e.consoleSolution !== undefined)).toBe(true);
});

describe.each(cases.map((c) => [`${c.slug} › ${c.exercise.id} (console)`, c] as const))('%s', (_name, { exercise, all, steps }) => {
  test('the console solution passes every check', async () => {
    const solve = async () => {
      const { world, variables } = await buildStartWorld(create, all, exercise.id);
      const solved = await applyConsoleSteps(world as ConsoleCourseWorld, steps, variables);
      return { world, solved };
    };
    const { world, solved } = await solve();
    const results = await runChecks(world, exercise, {
      variables: solved,
      answers: exercise.solution.answers,
      copyWorld: async () => (await solve()).world,
    });
    expect(results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message}`)).toEqual([]);
  });
});
