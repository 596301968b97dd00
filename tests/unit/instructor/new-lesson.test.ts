/**
 * `npm run new-lesson -- <slug>` scaffolds a lesson that passes the content self-test as it stands:
 * the frontmatter validates and carries its order, there are three valid exercises all embedded in
 * the text, the text ends with a recap, and — with the simulator — each starting world fails a
 * check while each solution passes them all (the same rules as tests/content/).
 */
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import * as sim from '../../../src/sim/index.ts';
import { lessonSchema } from '../../../src/course/lesson.ts';
import { lessonExercisesSchema, type Exercise } from '../../../src/course/exercise.ts';
import { runChecks } from '../../../src/course/checks.ts';
import { applySteps, buildStartWorld } from '../../../src/course/steps.ts';
import type { CreateCourseWorld } from '../../../src/course/world-port.ts';
import { scaffoldLesson, TOPICS } from '../../../scripts/new-lesson.mjs';
import { LESSON_TOPICS } from '../../../src/course/lesson.ts';

const dir = mkdtempSync(join(tmpdir(), 'iam-dojo-new-lesson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, '07-existing'));

const made = scaffoldLesson({ slug: 'session-policies', title: 'Session policies', topic: 'roles', dir });
const page = readFileSync(join(made.dir, 'index.mdx'), 'utf8');
const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(page) ?? [];
const frontmatter = parseYaml(front) as Record<string, unknown>;
const exercises = ((await import(/* @vite-ignore */ join(made.dir, 'exercises.ts'))) as { default: Exercise[] }).default;

describe('the scaffolded lesson', () => {
  it('takes the next free number', () => expect(made.folder).toBe('08-session-policies'));

  it('has frontmatter that validates, with its order', () => {
    expect(frontmatter['title']).toBe('Session policies');
    expect(typeof frontmatter['description']).toBe('string');
    expect(lessonSchema.parse(frontmatter['lesson'])).toMatchObject({ order: 8, topic: 'roles' });
  });

  it('has three valid exercises, each embedded in the text, and a recap', () => {
    expect(lessonExercisesSchema.parse(exercises)).toHaveLength(3);
    for (const exercise of exercises) expect(body).toContain(`id="${exercise.id}"`);
    expect(body).toMatch(/^## Recap$/m);
  });

  it('knows the same topics as the lesson schema', () => expect(TOPICS).toEqual([...LESSON_TOPICS]));
});

describe('bad input gets a clear, coded error', () => {
  it.each([
    ['Bad Slug', 'NEW_LESSON_BAD_SLUG'],
    ['../escape', 'NEW_LESSON_BAD_SLUG'],
    ['existing', 'NEW_LESSON_EXISTS'],
  ])('%s → %s', (slug, code) => {
    expect(() => scaffoldLesson({ slug, dir })).toThrow(expect.objectContaining({ code }));
  });
  it('an unknown topic', () => {
    expect(() => scaffoldLesson({ slug: 'fine', topic: 'nope', dir })).toThrow(expect.objectContaining({ code: 'NEW_LESSON_BAD_TOPIC' }));
  });
});

// Looked up by name, as tests/content/exercises.test.ts does: a missing export fails with a clear message.
const create: CreateCourseWorld = (init) => {
  const createWorld = (sim as unknown as Record<string, unknown>)['createWorld'];
  if (typeof createWorld !== 'function') throw new Error('src/sim/index.ts does not export createWorld yet');
  return (createWorld as CreateCourseWorld)(init);
};

describe.each(exercises.map((e) => [e.id, e] as const))('scaffolded exercise %s (content self-test rules)', (_id, exercise) => {
  it('the starting world fails at least one check', async () => {
    const { world, variables } = await buildStartWorld(create, exercises, exercise.id);
    const copyWorld = async () => (await buildStartWorld(create, exercises, exercise.id)).world;
    const results = await runChecks(world, exercise, { variables, copyWorld });
    expect(
      results.some((r) => !r.passed),
      JSON.stringify(results),
    ).toBe(true);
  });

  it('the solution passes every check', async () => {
    const { world, variables } = await buildStartWorld(create, exercises, exercise.id);
    const solved = await applySteps(world, exercise.solution.steps, variables);
    const copyWorld = async () => {
      const again = await buildStartWorld(create, exercises, exercise.id);
      await applySteps(again.world, exercise.solution.steps, again.variables);
      return again.world;
    };
    const results = await runChecks(world, exercise, { variables: solved, answers: exercise.solution.answers, copyWorld });
    expect(results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message}`)).toEqual([]);
  });
});
