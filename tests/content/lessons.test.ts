/**
 * Content self-test, part 1: every lesson's frontmatter validates, every lesson has at least three
 * exercises that validate and are all embedded in its text, and every internal link in a lesson
 * leads to a page the site builds.
 */
import { describe, expect, test } from 'vitest';
import { lessonSchema } from '../../src/course/lesson.ts';
import { lessonExercisesSchema } from '../../src/course/exercise.ts';
import { lessonExercises, lessonFolders, sitePages } from './course-files.ts';

const lessons = lessonFolders();
const pages = sitePages();

// A number may be reserved for a lesson written later (18, Identity Center): the course keeps its
// order, starts at 01 and numbers each lesson once; the sidebar and lists show the folder's number.
test('the course has at least its twelve lessons, numbered from 01 in order, each number once', () => {
  expect(lessons.length).toBeGreaterThanOrEqual(12);
  const numbers = lessons.map((l) => Number(l.slug.slice(0, 2)));
  expect(numbers[0]).toBe(1);
  expect(numbers.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  numbers.slice(1).forEach((n, i) => expect(n, lessons[i + 1]!.slug).toBeGreaterThan(numbers[i]!));
});

describe.each(lessons.map((l) => [l.slug, l] as const))('%s', (slug, lesson) => {
  test('frontmatter validates, with a title, a description and its order', () => {
    expect(typeof lesson.frontmatter['title']).toBe('string');
    expect(typeof lesson.frontmatter['description']).toBe('string');
    const meta = lessonSchema.parse(lesson.frontmatter['lesson']);
    expect(meta.order).toBe(Number(slug.slice(0, 2)));
  });

  test('has at least three valid exercises, each embedded in the text', () => {
    const exercises = lessonExercises(slug);
    expect(exercises, `${slug}/exercises.ts`).toBeDefined();
    lessonExercisesSchema.parse(exercises);
    expect(exercises!.length).toBeGreaterThanOrEqual(3);
    for (const exercise of exercises!) expect(lesson.body).toContain(`id="${exercise.id}"`);
  });

  test("every exercise's first hint asks a question before any hint shows a command", () => {
    for (const exercise of lessonExercises(slug) ?? []) {
      const first = exercise.hints[0]!;
      expect(first, `${slug} › ${exercise.id}`).toContain('?');
      expect(first, `${slug} › ${exercise.id}: the first hint gives a command away`).not.toMatch(/`aws /);
    }
  });

  test("widgets are interactive islands on the lesson's own world, and exercises name their lesson", () => {
    const tags = [
      ...lesson.body.matchAll(
        /<(Exercise|Terminal|AuditLog|AccessCheck|MfaDevice|AccountExplorer|PolicyCheck|PathSwitch|WorldFileEditor)\b([^>]*)>/g,
      ),
    ];
    expect(tags.length).toBeGreaterThan(0);
    for (const [tag, name, attributes] of tags) {
      expect(attributes, `${tag.slice(0, 60)} needs a client directive`).toMatch(/client:(visible|load|idle)/);
      const world = /\bworld="([^"]+)"/.exec(attributes!)?.[1];
      if (world !== undefined) expect(world, `${name} in ${slug}`).toBe(`lesson-${slug.slice(0, 2)}`);
      if (name === 'Exercise') expect(attributes).toContain(`lesson="${slug}"`);
    }
  });

  // Review m8: a checker with no caller simulated "SimulatedUser" of account 123456789012, a name
  // and account no lesson world has; each full checker names a user of the course account.
  test('every full AccessCheck names its caller, a user of the lesson account 111122223333', () => {
    for (const [, attributes] of lesson.body.matchAll(/<AccessCheck\b([^>]*)>/g)) {
      if (/\bcompact\b/.test(attributes!)) continue;
      expect(attributes, `an AccessCheck in ${slug}`).toMatch(/\bprincipal="arn:aws:iam::111122223333:user\/[\w+=,.@-]+"/);
    }
  });

  test('every internal link resolves to a page', () => {
    const base = `http://site/lessons/${slug}/`;
    const links = [...lesson.body.matchAll(/\]\(([^)\s]+)\)|href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
    const internal = links.filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('#'));
    for (const href of internal) {
      const path = new URL(href, base).pathname;
      expect(pages, `${slug} links to ${href}`).toContain(path.endsWith('/') ? path : `${path}/`);
    }
  });

  test('ends with a recap and a link onward', () => {
    expect(lesson.body).toMatch(/^## Recap$/m);
    const last = lessons.at(-1)!.slug === slug;
    if (!last) expect(lesson.body).toMatch(/\]\(\/lessons\/\d\d-[a-z0-9-]+\/\)/);
  });
});
