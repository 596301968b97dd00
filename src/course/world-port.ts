/**
 * The part of the simulator's `World` (src/sim) that exercises use. Declared here structurally so
 * the course code depends only on the documented contract (src/sim/index.ts), not on how
 * the world is built.
 */

import type { z } from 'zod';
import type { World } from '../sim/index.ts';
import type { organizationSchema } from './exercise.ts';

/** Options for one command line, as `world.run` accepts them. */
export interface RunOptions {
  /** The code the CLI would prompt for when a profile has `mfa_serial`. */
  mfaCode?: string;
  /** The caller's source IP address. */
  sourceIp?: string;
}

/** What a command line printed and returned. */
export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * The slice of the simulator's `World` that exercises use. The page's worker hands checks a
 * journaled view of its world (clock moves recorded, no fork), so `fork` is optional here.
 */
export type CourseWorld = Pick<World, 'run' | 'trail' | 'readFile'> & {
  /** Saves a file the CLI reads with `file://` (the page's file editor); a journaled view records it. */
  writeFile(name: string, text: string): void | Promise<void>;
  /** The simulated clock; a journaled view's advance is asynchronous. */
  clock: { now(): Date | number; advance(seconds: number): unknown };
  /** An independent copy; checks run their commands in one so checking changes nothing. */
  fork?(): CourseWorld | Promise<CourseWorld>;
};

/** Creates a fresh world (the simulator's `createWorld`). */
export type CreateCourseWorld = (init: {
  accountId: string;
  seed?: string;
  now?: string;
  organization?: OrganizationInit;
}) => CourseWorld | Promise<CourseWorld>;

/** The organization a world's account belongs to (see exercise.ts, `organizationSchema`). */
export type OrganizationInit = z.infer<typeof organizationSchema>;
