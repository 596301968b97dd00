/**
 * Running an exercise's steps against a world: its start scene, its solution, a check's setup.
 * Pure (no DOM, no Node built-ins), so the same code runs in the worker and in the self-test.
 */
import jmespath from 'jmespath';
import { Secret, TOTP } from 'otpauth';
import type { Exercise, Step } from './exercise.ts';
import { describeStepError, type StepErrorCode } from './messages.ts';
import type { CourseWorld, CreateCourseWorld, RunResult } from './world-port.ts';

/** Values saved by earlier steps (`save`), by name. */
export type Variables = Record<string, string>;

/** A step or start that could not run; the message comes from messages.ts. */
export class StepError extends Error {
  override name = 'StepError';
  constructor(
    readonly code: StepErrorCode,
    readonly detail: string,
  ) {
    super(describeStepError(code, detail));
  }
}

/** Runs steps in order; stops at the first one that fails unexpectedly. Returns the variables. */
export async function applySteps(world: CourseWorld, steps: readonly Step[], variables: Variables = {}): Promise<Variables> {
  const vars = { ...variables };
  for (const step of steps) {
    await resolveAccountId(world, typeof step === 'string' ? step : 'run' in step ? step.run : 'writeFile' in step ? step.text : '', vars);
    if (typeof step === 'string') {
      await runOrThrow(world, fillTemplate(world, step, vars), {}, false);
    } else if ('advanceClock' in step) {
      await world.clock.advance(step.advanceClock);
    } else if ('writeFile' in step) {
      await world.writeFile(step.writeFile, fillTemplate(world, step.text, vars));
    } else {
      const options = {
        ...(step.mfaCode !== undefined ? { mfaCode: fillTemplate(world, step.mfaCode, vars) } : {}),
        ...(step.sourceIp !== undefined ? { sourceIp: step.sourceIp } : {}),
      };
      const result = await runOrThrow(world, fillTemplate(world, step.run, vars), options, step.mayFail === true);
      for (const [name, query] of Object.entries(step.save ?? {})) vars[name] = saveValue(result, query);
    }
  }
  return vars;
}

/**
 * Builds the world an exercise starts in: a fresh world plus its start steps, or — for an exercise
 * that continues — the previous exercise's start followed by its solution, recursively.
 */
export async function buildStartWorld(
  createWorld: CreateCourseWorld,
  exercises: readonly Exercise[],
  exerciseId: string,
): Promise<{ world: CourseWorld; variables: Variables }> {
  const index = exercises.findIndex((e) => e.id === exerciseId);
  const exercise = exercises[index];
  if (!exercise) throw new StepError('UNKNOWN_EXERCISE', exerciseId);
  if ('continueFromPrevious' in exercise.start) {
    const previous = exercises[index - 1];
    if (!previous) throw new StepError('NO_PREVIOUS_EXERCISE', exerciseId);
    const before = await buildStartWorld(createWorld, exercises, previous.id);
    const variables = await applySteps(before.world, previous.solution.steps, before.variables);
    return { world: before.world, variables };
  }
  const { accountId, seed, now, organization } = exercise.start.world;
  const world = await createWorld({
    accountId,
    ...(seed !== undefined ? { seed } : {}),
    ...(now !== undefined ? { now } : {}),
    ...(organization !== undefined ? { organization } : {}),
  });
  const variables = await applySteps(world, exercise.start.steps);
  return { world, variables };
}

/**
 * Sets `vars.accountId` (asking the world who the default profile is) when `text` uses
 * `{{accountId}}`, so exercises name ARNs without assuming the world's account number.
 */
export async function resolveAccountId(world: CourseWorld, text: string, vars: Variables): Promise<void> {
  if (!text.includes('{{accountId}}') || vars['accountId'] !== undefined) return;
  const result = await world.run('aws sts get-caller-identity --output json');
  const account = result.exitCode === 0 ? (JSON.parse(result.stdout) as { Account?: unknown }).Account : undefined;
  if (typeof account !== 'string') throw new StepError('SAVE_QUERY_FAILED', 'Account (aws sts get-caller-identity)');
  vars['accountId'] = account;
}

/** Replaces `{{NAME}}` (including the built-in `{{accountId}}`) and `{{totp:FILE}}` / `{{totp:FILE:+SECONDS}}` in a command line. */
export function fillTemplate(world: CourseWorld, text: string, vars: Variables): string {
  return text.replace(/\{\{([^}]+)\}\}/g, (_whole, inner: string) => {
    const totp = /^totp:([^:]+)(?::([+-]\d+))?$/.exec(inner);
    if (totp?.[1]?.startsWith('$')) return totpOfSeed(world, variableOf(vars, totp[1].slice(1)), Number(totp[2] ?? 0));
    if (totp) return totpCode(world, totp[1]!, Number(totp[2] ?? 0));
    return variableOf(vars, inner);
  });
}

function variableOf(vars: Variables, name: string): string {
  const value = vars[name];
  if (value === undefined) throw new StepError('UNKNOWN_VARIABLE', name);
  return value;
}

/** The 6-digit RFC 6238 code of the Base32 seed in `file`, at the world's time plus `offsetSeconds`. */
export function totpCode(world: CourseWorld, file: string, offsetSeconds = 0): string {
  const content = world.readFile(file);
  if (content === undefined) throw new StepError('TOTP_SEED_MISSING', file);
  return totpOfSeed(world, typeof content === 'string' ? content : new TextDecoder().decode(content), offsetSeconds);
}

/** The 6-digit code of a Base32 seed at the world's time plus `offsetSeconds` (`{{totp:$NAME}}`: a seed a step saved). */
export function totpOfSeed(world: CourseWorld, seed: string, offsetSeconds = 0): string {
  const base32 = seed.trim();
  // Virtual MFA devices use the RFC 6238 defaults: SHA-1, 6 digits, 30-second steps (IAM User
  // Guide, "Assign a virtual MFA device").
  const totp = new TOTP({ secret: Secret.fromBase32(base32), algorithm: 'SHA1', digits: 6, period: 30 });
  const now = world.clock.now();
  const ms = typeof now === 'number' ? now : now.getTime();
  return totp.generate({ timestamp: ms + offsetSeconds * 1000 });
}

async function runOrThrow(
  world: CourseWorld,
  line: string,
  options: { mfaCode?: string; sourceIp?: string },
  mayFail: boolean,
): Promise<RunResult> {
  const result = await world.run(line, options);
  if (result.exitCode !== 0 && !mayFail) {
    throw new StepError('STEP_FAILED', `${line} → exit ${result.exitCode}: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  }
  return result;
}

function saveValue(result: RunResult, query: string): string {
  let value: unknown;
  try {
    value = jmespath.search(JSON.parse(result.stdout), query);
  } catch {
    throw new StepError('SAVE_QUERY_FAILED', query);
  }
  if (value === null || value === undefined) throw new StepError('SAVE_QUERY_FAILED', query);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
