#!/usr/bin/env node
/**
 * `npm run new-lesson -- <slug> [--title "Title"] [--topic users] [--dir content/lessons]`
 *
 * Scaffolds content/lessons/NN-slug/ (NN = the next free number) with an index.mdx whose
 * frontmatter validates against src/course/lesson.ts and an exercises.ts with three exercises in
 * the format of src/course/exercise.ts — a fresh world, one that continues, and a trail check — so
 * the new lesson passes the content self-test (tests/content/) before a word of it is rewritten.
 * The authoring guide (/authoring/) explains every field.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The topics of src/course/lesson.ts (LESSON_TOPICS); the scaffold refuses others. */
export const TOPICS = [
  'foundations',
  'users',
  'groups',
  'policies',
  'evaluation',
  'roles',
  'mfa',
  'cloudtrail',
  'guardrails',
  'least-privilege',
];

/**
 * Creates the lesson folder and answers what it wrote. Throws an Error with a `code` on bad input.
 * @param {{ slug: string, title?: string, topic?: string, dir?: string }} options
 */
export function scaffoldLesson({ slug, title, topic = 'foundations', dir = join(ROOT, 'content', 'lessons') }) {
  const bare = String(slug ?? '').replace(/^\d\d-/, '');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(bare)) {
    throw codedError(
      'NEW_LESSON_BAD_SLUG',
      `"${slug ?? ''}" is not a lesson slug: use lowercase letters, digits and dashes, e.g. "session-policies".`,
    );
  }
  if (!TOPICS.includes(topic)) throw codedError('NEW_LESSON_BAD_TOPIC', `"${topic}" is not a topic; use one of: ${TOPICS.join(', ')}.`);
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir).filter((name) => /^\d\d-/.test(name));
  const clash = existing.find((name) => name.slice(3) === bare);
  if (clash) throw codedError('NEW_LESSON_EXISTS', `a lesson "${bare}" already exists: ${join(dir, clash)}.`);
  const number = Math.max(0, ...existing.map((name) => Number(name.slice(0, 2)))) + 1;
  if (number > 99) throw codedError('NEW_LESSON_NO_NUMBER', 'lesson numbers run from 01 to 99 and all are taken.');
  const nn = String(number).padStart(2, '0');
  const folder = `${nn}-${bare}`;
  const target = join(dir, folder);
  if (existsSync(target)) throw codedError('NEW_LESSON_EXISTS', `${target} already exists.`);
  const lessonTitle =
    title?.trim() ||
    bare
      .split('-')
      .map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
      .join(' ');
  const exerciseModule = toImportPath(relative(target, join(ROOT, 'src', 'course', 'exercise.ts')));
  const widgets = toImportPath(relative(target, join(ROOT, 'src', 'widgets')));
  mkdirSync(target);
  const files = {
    'index.mdx': lessonPage({ folder, nn, number, title: lessonTitle, topic, widgets }),
    'exercises.ts': exercisesFile({ nn, exerciseModule }),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(target, name), text);
  return { folder, dir: target, files: Object.keys(files).map((name) => join(target, name)) };
}

function lessonPage({ folder, nn, number, title, topic, widgets }) {
  const world = `lesson-${nn}`;
  const embed = (id) =>
    `<Exercise client:visible lesson="${folder}" world="${world}" exercises={exercises} id="${id}" />\n\n<Terminal client:visible world="${world}" />`;
  return `---
title: ${JSON.stringify(title)}
description: ${JSON.stringify(`${title}: one sentence on what this lesson teaches (shown in search results).`)}
lesson:
  order: ${number}
  summary: Replace this with one or two sentences for the lesson list — what the learner can do afterwards.
  objectives:
    - Create an IAM user from the command line
    - Read the CloudTrail record that a change leaves behind
  minutes: 15
  topic: ${topic}
---

import Exercise from '${widgets}/Exercise.svelte';
import Terminal from '${widgets}/Terminal.svelte';
import exercises from './exercises.ts';

{/* Sources: name the AWS documentation pages this lesson relies on, e.g. IAM User Guide,
    "IAM users" (id_users.html). Every surprising rule in the text should cite one. */}

{/* Scaffolded by \`npm run new-lesson\`. Rewrite the text and the exercises; keep every exercise
    embedded below (the content self-test checks each id appears in this file). */}

Start with the question this lesson answers, in one paragraph.

## A first step

Explain the idea, then let the learner try it.

${embed('create-user')}

## Building on it

The second exercise continues in the same world.

${embed('tag-user')}

## Tidying up

Every change leaves a record in CloudTrail.

${embed('remove-user')}

## Recap

- One line per idea the learner should keep.
- Link onward to the next lesson once there is one.
`;
}

function exercisesFile({ nn, exerciseModule }) {
  return `/**
 * Exercises of lesson ${Number(nn)}. Scaffolded by \`npm run new-lesson\`: rewrite them, keeping the
 * rule the content self-test enforces — the starting world fails at least one check, the
 * solution passes them all, and each wrong answer fails the checks it names. Sources: cite the AWS documentation each check relies on.
 */
import { defineExercises } from '${exerciseModule}';

export default defineExercises([
  {
    id: 'create-user',
    title: 'Create a user',
    goal: 'Create an IAM user named \`ada\` in this account.',
    start: { world: { seed: 'lesson-${nn}' }, steps: [] },
    checks: [
      {
        id: 'ada-exists',
        kind: 'command',
        label: 'the user ada exists',
        command: 'aws iam get-user --user-name ada',
        expect: { outcome: 'success', query: 'User.UserName', equals: 'ada' },
      },
    ],
    hints: ['Which IAM identity stands for one person or one program?', 'The command is \`aws iam create-user\` with \`--user-name\`.'],
    solution: {
      steps: ['aws iam create-user --user-name ada'],
      explanation: 'CreateUser makes an identity with no credentials and no permissions; everything else is added to it later.',
    },
    wrongAnswers: [
      { mistake: 'creates a group named ada instead of a user', steps: ['aws iam create-group --group-name ada'], caughtBy: ['ada-exists'] },
      { mistake: 'creates the user with another name', steps: ['aws iam create-user --user-name Ada'], caughtBy: ['ada-exists'] },
    ],
  },
  {
    id: 'tag-user',
    title: 'Tag the user',
    goal: 'Tag ada with the key \`team\` and the value \`dojo\`, so that policies can later refer to it.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'ada-tagged',
        kind: 'command',
        label: 'ada carries the tag team=dojo',
        command: 'aws iam list-user-tags --user-name ada',
        expect: { outcome: 'success', query: "Tags[?Key=='team'].Value | [0]", equals: 'dojo' },
      },
    ],
    hints: ['Where does IAM keep facts about a principal that policies can read?', 'Tags are added with \`aws iam tag-user\`; the tag is written \`--tags Key=team,Value=dojo\`.'],
    solution: {
      steps: ['aws iam tag-user --user-name ada --tags Key=team,Value=dojo'],
      explanation: 'Tags are key-value pairs on the principal; a policy can read them as \`aws:PrincipalTag/team\`.',
    },
    wrongAnswers: [
      { mistake: 'tags ada with the wrong value', steps: ['aws iam tag-user --user-name ada --tags Key=team,Value=ops'], caughtBy: ['ada-tagged'] },
      { mistake: 'writes the tag in the key only', steps: ['aws iam tag-user --user-name ada --tags Key=dojo,Value=team'], caughtBy: ['ada-tagged'] },
    ],
  },
  {
    id: 'remove-user',
    title: 'Remove the user',
    goal: 'ada is no longer needed. Delete the user, and check that CloudTrail recorded it.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'ada-gone',
        kind: 'command',
        label: 'ada no longer exists',
        command: 'aws iam get-user --user-name ada',
        expect: { outcome: 'failure', errorCode: 'NoSuchEntity' },
      },
      {
        id: 'deletion-recorded',
        kind: 'trail',
        label: 'CloudTrail recorded the DeleteUser call',
        query: "length(Records[?eventName=='DeleteUser'])",
        atLeast: 1,
      },
    ],
    hints: ['Which IAM call is the opposite of create-user?', 'The command is \`aws iam delete-user\`.'],
    solution: {
      steps: ['aws iam delete-user --user-name ada'],
      explanation: 'A user without keys, passwords, MFA devices, policies or group memberships can be deleted directly; the call is recorded like every other.',
    },
    wrongAnswers: [
      { mistake: 'removes only the tag and keeps the user', steps: ['aws iam untag-user --user-name ada --tag-keys team'], caughtBy: ['ada-gone', 'deletion-recorded'] },
      { mistake: 'deletes a user of another name', steps: ['aws iam delete-user --user-name Ada'], caughtBy: ['ada-gone', 'deletion-recorded'] },
    ],
  },
]);
`;
}

function toImportPath(path) {
  const posix = path.split(sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}

function codedError(code, message) {
  return Object.assign(new Error(message), { code });
}

function parseArgs(argv) {
  const options = { slug: undefined, title: undefined, topic: undefined, dir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--title' || arg === '--topic' || arg === '--dir') options[arg.slice(2)] = argv[++i];
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (!options.slug) options.slug = arg;
    else throw codedError('NEW_LESSON_BAD_ARGUMENT', `unexpected argument "${arg}".`);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.help || !options.slug) {
      console.log('usage: npm run new-lesson -- <slug> [--title "Title"] [--topic <topic>] [--dir content/lessons]');
      console.log(`topics: ${TOPICS.join(', ')}`);
      process.exit(options.help ? 0 : 2);
    }
    const made = scaffoldLesson({
      slug: options.slug,
      title: options.title,
      ...(options.topic ? { topic: options.topic } : {}),
      ...(options.dir ? { dir: resolve(options.dir) } : {}),
    });
    console.log(`Created ${relative(process.cwd(), made.dir)}/`);
    for (const file of made.files) console.log(`  ${relative(process.cwd(), file)}`);
    console.log('Next: rewrite the text and the exercises, then run `npx vitest run tests/content` (the content self-test).');
  } catch (error) {
    console.error(`new-lesson: ${error.code ?? 'NEW_LESSON_FAILED'}: ${error.message}`);
    process.exit(1);
  }
}
