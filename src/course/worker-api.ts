/**
 * The exercise functions of the page's worker, merged into its comlink api (src/worker/
 * simulator.worker.ts). Exercises arrive as plain data and are validated here; worlds are the
 * page's named worlds (src/worker/worlds.ts), changed only through their journal so a reload or a
 * restarted worker rebuilds exactly what the learner had.
 */
import { worlds } from '../worker/worlds.ts';
import { attempt } from '../worker/sim-adapter.ts';
import type { Result, WorldJournal } from '../worker/protocol.ts';
import type { World } from '../sim/index.ts';
import { lessonExercisesSchema } from './exercise.ts';
import { runChecks, type CheckResult } from './checks.ts';
import { applySteps, buildStartWorld, type Variables } from './steps.ts';
import { summarizeAccount, type SummaryEntry } from './account-summary.ts';
import type { CourseWorld, CreateCourseWorld } from './world-port.ts';

/** Scratch world names; the page never shows them. */
const START_SCRATCH = '__exercise-start__';
const VARIABLES_SCRATCH = '__exercise-variables__';
const GOAL_SCRATCH = '__exercise-goal__';

/** Values the start steps saved (e.g. the old key's id), per exercise list and id; the build is deterministic. */
const startVariables = new Map<string, Promise<Variables>>();

/** The tail of the queue of start builds (see exerciseStartJournal). */
let startQueue: Promise<void> = Promise.resolve();

/** The exercise api (see the module comment). Every function answers a Result, never throws. */
export const exerciseApi = {
  /** The journal of the world exercise `id` starts in; the page installs it in its named world. */
  exerciseStartJournal(exercises: unknown, id: string): Promise<Result<WorldJournal>> {
    // One build at a time: they share the scratch world, and two widgets may start at once.
    const next = startQueue.then(() =>
      attempt(async () => {
        const list = lessonExercisesSchema.parse(exercises);
        await buildStartWorld(journaledCreate(START_SCRATCH), list, id);
        return worlds.journal(START_SCRATCH);
      }),
    );
    startQueue = next.then(() => undefined);
    return next;
  },

  /**
   * The goal state of exercise `id`: the account after its reference solution, in a few lines
   * (instructor mode's "reveal the goal state"), built in a scratch world the page never shows.
   */
  exerciseGoalState(exercises: unknown, id: string): Promise<Result<SummaryEntry[]>> {
    const next = startQueue.then(() =>
      attempt(async () => {
        const list = lessonExercisesSchema.parse(exercises);
        const exercise = list.find((e) => e.id === id);
        if (!exercise) throw Object.assign(new Error(`There is no exercise named ${id}.`), { code: 'UNKNOWN_EXERCISE' });
        const { world, variables } = await buildStartWorld(journaledCreate(GOAL_SCRATCH), list, id);
        await applySteps(world, exercise.solution.steps, variables);
        return summarizeAccount((await worlds.get(GOAL_SCRATCH)).exportAuthorizationDetails());
      }),
    );
    startQueue = next.then(() => undefined);
    return next;
  },

  /** The named world's account in the same few lines, to show beside the goal. */
  accountSummary(worldName: string): Promise<Result<SummaryEntry[]>> {
    return attempt(async () => summarizeAccount((await worlds.get(worldName)).exportAuthorizationDetails()));
  },

  /** Runs the checks of exercise `id` against the named world; commands run in a copy of it. */
  checkExercise(worldName: string, exercises: unknown, id: string, answers: Record<string, string>): Promise<Result<CheckResult[]>> {
    return attempt(async () => {
      const exercise = lessonExercisesSchema.parse(exercises).find((e) => e.id === id);
      if (!exercise) throw Object.assign(new Error(`There is no exercise named ${id}.`), { code: 'UNKNOWN_EXERCISE' });
      const live = await worlds.get(worldName);
      const world = asCourseWorld(worldName, live);
      const copyWorld = async (): Promise<CourseWorld> => {
        // The simulator's fork() is a cheap deep copy.
        return detached(live.fork());
      };
      const variables = await variablesOf(exercises, id);
      return runChecks(world, exercise, { answers, copyWorld, variables });
    });
  },
};

/**
 * The variables an exercise's start steps saved, for checks that name them (`{{OLD_KEY}}`). The
 * start is rebuilt once in a scratch world: same seed and steps give the same ids, so the values
 * match the learner's world.
 */
function variablesOf(exercises: unknown, id: string): Promise<Variables> {
  const key = `${id}\u0000${JSON.stringify(exercises)}`;
  let pending = startVariables.get(key);
  if (!pending) {
    const next = startQueue.then(async () => {
      const list = lessonExercisesSchema.parse(exercises);
      return (await buildStartWorld(journaledCreate(VARIABLES_SCRATCH), list, id)).variables;
    });
    startQueue = next.then(
      () => undefined,
      () => undefined,
    );
    pending = next;
    startVariables.set(key, pending);
    // A failed build is not remembered, so the next check tries again.
    next.catch(() => startVariables.delete(key));
  }
  return pending;
}

/** A `createWorld` whose worlds live in the registry under `name` and record every step in the journal. */
function journaledCreate(name: string): CreateCourseWorld {
  return async ({ seed, now, accountId, organization }) => {
    const start = { ...(seed !== undefined ? { seed } : {}), ...(now !== undefined ? { now } : {}), ...accountStart(accountId) };
    await worlds.reset(name, organization === undefined ? start : { ...start, organization });
    // A page world rebuilds from its journal; if the journal cannot hold the organization, the
    // exercise would silently run without its SCPs — refuse it with a clear error instead.
    if (organization !== undefined && !('organization' in (await worlds.journal(name)).start)) {
      throw Object.assign(new Error("This exercise needs an organization (SCPs), which the page's saved worlds cannot hold yet."), {
        code: 'ORGANIZATION_UNSUPPORTED',
      });
    }
    const world = await worlds.get(name);
    return {
      run: (line, options) =>
        worlds.run(name, line, {
          ...(options?.mfaCode !== undefined ? { mfaCode: options.mfaCode } : {}),
          ...(options?.sourceIp !== undefined ? { sourceIp: options.sourceIp } : {}),
        }),
      trail: () => world.trail(),
      readFile: (file) => world.readFile(file),
      writeFile: (file, text) => worlds.writeFile(name, file, text),
      clock: { now: () => world.clock.now(), advance: (seconds: number) => worlds.advance(name, seconds) },
    };
  };
}

/** The account part of a journal start: exercises pin their account so ARNs in their text are stable. */
function accountStart(accountId: string): { accountId: string } {
  return { accountId };
}

/** A world outside the registry (a fork made for checking); nothing it does is journaled. */
function detached(world: World): CourseWorld {
  return {
    run: async (line, options) => world.run(line, { ...options }),
    trail: () => world.trail(),
    readFile: (file) => world.readFile(file),
    writeFile: (file, text) => world.writeFile(file, text),
    clock: { now: () => world.clock.now(), advance: (seconds: number) => world.clock.advance(seconds) },
  };
}

/** The registry's world `name` seen as a CourseWorld; clock moves go through the journal. */
function asCourseWorld(name: string, world: World): CourseWorld {
  return {
    run: async (line, options) => world.run(line, { ...options }),
    trail: () => world.trail(),
    readFile: (file) => world.readFile(file),
    writeFile: (file, text) => worlds.writeFile(name, file, text),
    clock: {
      now: () => world.clock.now(),
      advance: (seconds: number) => worlds.advance(name, seconds),
    },
  };
}
