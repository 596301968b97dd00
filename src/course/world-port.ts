/**
 * The part of the simulator's `World` (src/sim) that exercises use. Declared here structurally so
 * the course code depends only on the documented contract (src/sim/index.ts), not on how
 * the world is built.
 */

import type { z } from 'zod';
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

/** A simulated AWS account (or organization) that exercises run in. */
export interface CourseWorld {
  /** Runs one AWS CLI command line. */
  run(line: string, options?: RunOptions): Promise<RunResult>;
  /** The CloudTrail log so far. */
  trail(): { Records: readonly unknown[] };
  /** A file a command wrote with `--outfile`. */
  readFile(name: string): string | Uint8Array | undefined;
  /** The simulated clock. */
  clock: { now(): Date | number; advance(seconds: number): unknown };
  /** An independent copy; checks run their commands in one so checking changes nothing. */
  fork?(): CourseWorld | Promise<CourseWorld>;
}

/** Creates a fresh world (the simulator's `createWorld`). */
export type CreateCourseWorld = (init: { accountId: string; seed?: string; now?: string; organization?: OrganizationInit }) => CourseWorld | Promise<CourseWorld>;

/** The organization a world's account belongs to (see exercise.ts, `organizationSchema`). */
export type OrganizationInit = z.infer<typeof organizationSchema>;
