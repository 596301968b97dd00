/**
 * Running an exercise's console solution (`consoleSolution`, exercise.ts) the way the lesson's
 * console does it: sign in as the account's root user with the password the sign-in page shows,
 * then make each page's API call as that console session. The content self-test uses it to prove
 * that the console path passes the same checks as the CLI path. Pure: no DOM, no Node built-ins.
 */
import jmespath from 'jmespath';
import type { World } from '../sim/index.ts';
import type { ConsoleStep } from './exercise.ts';
import { applySteps, fillTemplate, resolveAccountId, StepError, type Variables } from './steps.ts';
import type { CourseWorld } from './world-port.ts';

/** A course world that also has the simulator's console: sign-in, calls as a console session. */
export type ConsoleCourseWorld = CourseWorld & Pick<World, 'consoleSignIn' | 'consoleAccount' | 'invoke'>;

/** Signs in to the console as root and runs the console solution's steps; answers the variables. */
export async function applyConsoleSteps(
  world: ConsoleCourseWorld,
  steps: readonly ConsoleStep[],
  variables: Variables,
): Promise<Variables> {
  const vars = { ...variables };
  const account = world.consoleAccount();
  const signIn = world.consoleSignIn({ rootEmail: account.rootEmail, password: account.rootPassword });
  if (!signIn.ok) throw new StepError('STEP_FAILED', `console sign-in as root → ${signIn.reason}`);
  for (const step of steps) {
    if (typeof step === 'string' || !('does' in step)) {
      Object.assign(vars, await applySteps(world, [step], vars));
      continue;
    }
    await resolveAccountId(world, JSON.stringify(step.params), vars);
    const response = await world.invoke({
      service: step.service,
      operation: step.operation,
      params: fillParams(world, step.params, vars),
      credentials: { kind: 'console', sessionId: signIn.sessionId },
    });
    if (!response.ok)
      throw new StepError('STEP_FAILED', `${step.does} (${step.operation}) → ${response.error.code}: ${response.error.message}`);
    for (const [name, query] of Object.entries(step.save ?? {})) {
      const value: unknown = jmespath.search(asText(response.output) as Parameters<typeof jmespath.search>[0], query);
      if (typeof value !== 'string') throw new StepError('SAVE_QUERY_FAILED', query);
      vars[name] = value;
    }
  }
  return vars;
}

/** Fills `{{NAME}}` templates in every string of the parameters. */
function fillParams(world: CourseWorld, value: unknown, vars: Variables): Record<string, unknown> {
  const fill = (v: unknown): unknown =>
    typeof v === 'string'
      ? fillTemplate(world, v, vars)
      : Array.isArray(v)
        ? v.map(fill)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]))
          : v;
  return fill(value) as Record<string, unknown>;
}

/** The output with byte strings (an MFA seed) read as text, so a JMESPath query can save them. */
function asText(value: unknown): unknown {
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (Array.isArray(value)) return value.map(asText);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return value;
}
