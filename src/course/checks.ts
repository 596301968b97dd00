/**
 * The exercise check runner. Pure: it only talks to a `CourseWorld`, so the content self-test
 * (Node) and the page's worker run exactly the same code. Checks that run commands do so in a copy
 * of the world: checking never adds trail records or changes what the learner built.
 */
import jmespath from 'jmespath';
import type { Check, Exercise } from './exercise.ts';
import { describeOutcome, type CheckOutcome } from './messages.ts';
import { applySteps, fillTemplate, resolveAccountId, type Variables } from './steps.ts';
import type { CourseWorld, RunResult } from './world-port.ts';

/** The verdict on one check, ready to show. */
export interface CheckResult {
  /** The check's id. */
  id: string;
  /** The check's label. */
  label: string;
  /** True when the world meets the check. */
  passed: boolean;
  /** Why, as a stable code with parameters. */
  outcome: CheckOutcome;
  /** The outcome in words (from messages.ts). */
  message: string;
}

/** Options for one run of an exercise's checks. */
export interface RunChecksOptions {
  /** The learner's answers to `answer` checks: check id → text. */
  answers?: Record<string, string>;
  /** Variables saved by the start steps, for templates in check setups. */
  variables?: Variables;
  /** Makes an independent copy of the world when the world has no `fork()` (the self-test rebuilds it). */
  copyWorld?: () => Promise<CourseWorld>;
}

/** Runs every check of an exercise against a world, in order; never throws. */
export async function runChecks(world: CourseWorld, exercise: Exercise, options: RunChecksOptions = {}): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of exercise.checks) {
    let outcome: CheckOutcome;
    try {
      outcome = await runCheck(world, check, options);
    } catch (error) {
      // Fail closed: a check that cannot run is not passed, and the learner sees why.
      outcome = { code: 'CHECK_ERROR', message: error instanceof Error ? error.message : String(error) };
    }
    const passed = outcome.code === 'PASS';
    // The check's own words say what is still wrong; the finding in brackets says what was seen.
    const found = describeOutcome(outcome);
    const message =
      passed || check.failure === undefined ? asSentence(found) : `${asSentence(check.failure)} (${found.replace(/\.$/, '')})`;
    results.push({ id: check.id, label: check.label, passed, outcome, message });
  }
  return results;
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

/** True when every result passed (and there is at least one). */
export function allPassed(results: readonly CheckResult[]): boolean {
  return results.length > 0 && results.every((r) => r.passed);
}

async function runCheck(world: CourseWorld, check: Check, options: RunChecksOptions): Promise<CheckOutcome> {
  const vars = { ...options.variables };
  switch (check.kind) {
    case 'command': {
      const copy = await copyOf(world, options);
      const setupVars = await applySteps(copy, check.setup, vars);
      Object.assign(vars, setupVars);
      await resolveAccountId(copy, check.command, vars);
      const runOptions = {
        ...(check.mfaCode !== undefined ? { mfaCode: fillTemplate(copy, check.mfaCode, vars) } : {}),
        ...(check.sourceIp !== undefined ? { sourceIp: check.sourceIp } : {}),
      };
      const result = await copy.run(fillTemplate(copy, check.command, vars), runOptions);
      return judgeCommand(result, check.expect);
    }
    case 'decision': {
      const copy = await copyOf(world, options);
      await resolveAccountId(copy, `${check.principalArn} ${check.resource}`, vars);
      const line = simulateCommand({
        ...check,
        principalArn: fillTemplate(copy, check.principalArn, vars),
        resource: fillTemplate(copy, check.resource, vars),
      });
      const result = await copy.run(line);
      if (result.exitCode !== 0) return { code: 'EXPECTED_SUCCESS', exitCode: result.exitCode, stderr: result.stderr };
      const parsed = parseJson(result.stdout);
      const actual = parsed.ok ? jmespath.search(parsed.value, 'EvaluationResults[0].EvalDecision') : undefined;
      if (typeof actual !== 'string') return { code: 'OUTPUT_NOT_JSON' };
      const matches = check.expect === 'denied' ? actual === 'explicitDeny' || actual === 'implicitDeny' : actual === check.expect;
      return matches ? { code: 'PASS' } : { code: 'DECISION_MISMATCH', expected: check.expect, actual };
    }
    case 'trail': {
      const actual: unknown = jmespath.search(world.trail(), fillTemplate(world, check.query, vars));
      if (check.atLeast !== undefined) {
        return typeof actual === 'number' && actual >= check.atLeast
          ? { code: 'PASS' }
          : { code: 'TRAIL_TOO_FEW', atLeast: check.atLeast, actual: show(actual) };
      }
      return sameJson(actual, check.equals) ? { code: 'PASS' } : { code: 'TRAIL_MISMATCH', actual: show(actual) };
    }
    case 'order': {
      const records = world.trail().Records;
      const first = fillTemplate(world, check.first, vars);
      const then = fillTemplate(world, check.then, vars);
      const laterIndex = records.findIndex((r) => jmespath.search(r, then) === true);
      if (laterIndex < 0) return { code: 'ORDER_MISSING' };
      return records.slice(0, laterIndex).some((r) => jmespath.search(r, first) === true) ? { code: 'PASS' } : { code: 'ORDER_WRONG' };
    }
    case 'answer': {
      const given = options.answers?.[check.id]?.trim() ?? '';
      if (given === '') return { code: 'ANSWER_MISSING' };
      const expected: unknown = jmespath.search(world.trail(), check.answerQuery);
      return answerMatches(given, expected) ? { code: 'PASS' } : { code: 'ANSWER_WRONG' };
    }
    case 'policyScope':
      return policyScope(await copyOf(world, options), check, vars);
  }
}

/** Allows nothing: NotAction `*` matches no action (an identity without policies, as a document). */
const ALLOWS_NOTHING = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"*","Resource":"*"}]}';

/**
 * A principal's identity policies against a reference, by the exact comparison (every request, not
 * samples): `within` fails with a request they allow and the reference does not, `atLeast` with
 * one the reference allows and they do not. Boundaries and SCPs are not part of it.
 */
async function policyScope(copy: CourseWorld, check: Extract<Check, { kind: 'policyScope' }>, vars: Variables): Promise<CheckOutcome> {
  await resolveAccountId(copy, check.principalArn, vars);
  const arn = fillTemplate(copy, check.principalArn, vars);
  const result = await copy.run('aws iam get-account-authorization-details --output json');
  if (result.exitCode !== 0) return { code: 'EXPECTED_SUCCESS', exitCode: result.exitCode, stderr: result.stderr };
  const parsed = parseJson(result.stdout);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return { code: 'OUTPUT_NOT_JSON' };
  const { readPrincipals } = await import('../sim/analyze/principals.ts');
  const { comparePolicies } = await import('../sim/analyze/report.ts');
  const principal = readPrincipals([{ details: parsed.value }]).find((p) => p.arn === arn);
  if (!principal) return { code: 'PRINCIPAL_MISSING', arn };
  const current = principal.identity.map((s) => (typeof s.document === 'string' ? s.document : s.document.text));
  const comparison = await comparePolicies(JSON.stringify(check.reference), current.length > 0 ? current : [ALLOWS_NOTHING], {
    policyType: 'identity',
  });
  const direction = check.relation === 'within' ? 'newlyAllowed' : 'noLongerAllowed';
  const group = comparison.groups.find((g) => g.direction === direction);
  if (!comparison.complete)
    return { code: 'CHECK_ERROR', message: `the comparison could not cover every request (${comparison.incomplete.join('; ')})` };
  if (!group) return { code: 'PASS' };
  const example = `${group.witness.Action} on ${group.witness.Resource}`;
  return check.relation === 'within' ? { code: 'GRANTS_BEYOND', example } : { code: 'ALLOWS_LESS', example };
}

/** Compares a command's result with what the check expects. */
export function judgeCommand(result: RunResult, expect: Extract<Check, { kind: 'command' }>['expect']): CheckOutcome {
  if (expect.outcome === 'failure') {
    if (result.exitCode === 0) return { code: 'EXPECTED_FAILURE' };
    if (expect.errorCode !== undefined) {
      const actual = /An error occurred \(([^)]+)\)/.exec(result.stderr)?.[1] ?? '';
      if (actual !== expect.errorCode) return { code: 'ERROR_CODE_MISMATCH', expected: expect.errorCode, actual };
    }
    return { code: 'PASS' };
  }
  if (result.exitCode !== 0) return { code: 'EXPECTED_SUCCESS', exitCode: result.exitCode, stderr: result.stderr };
  if (expect.query === undefined && expect.equals === undefined) return { code: 'PASS' };
  const parsed = parseJson(result.stdout);
  if (!parsed.ok) return { code: 'OUTPUT_NOT_JSON' };
  const actual = expect.query === undefined ? parsed.value : jmespath.search(parsed.value, expect.query);
  return sameJson(actual, expect.equals) ? { code: 'PASS' } : { code: 'QUERY_MISMATCH', actual: show(actual) };
}

async function copyOf(world: CourseWorld, options: RunChecksOptions): Promise<CourseWorld> {
  if (world.fork) return world.fork();
  if (options.copyWorld) return options.copyWorld();
  // Without a way to copy, the check runs in the world itself (its calls then appear in the trail).
  return world;
}

function simulateCommand(check: Extract<Check, { kind: 'decision' }>): string {
  const parts = [
    'aws iam simulate-principal-policy',
    `--policy-source-arn ${check.principalArn}`,
    `--action-names ${check.action}`,
    `--resource-arns '${check.resource}'`,
  ];
  const entries = Object.entries(check.context ?? {}).map(([key, values]) => ({
    ContextKeyName: key,
    ContextKeyValues: values,
    ContextKeyType: contextKeyType(key),
  }));
  if (entries.length > 0) parts.push(`--context-entries '${JSON.stringify(entries)}'`);
  parts.push('--output json');
  return parts.join(' ');
}

// SimulatePrincipalPolicy needs each context value's type (IAM API reference, ContextEntry).
function contextKeyType(key: string): string {
  const name = key.toLowerCase();
  if (name === 'aws:sourceip') return 'ip';
  if (name === 'aws:multifactorauthpresent' || name === 'aws:securetransport' || name === 'aws:viaawsservice') return 'boolean';
  if (name === 'aws:currenttime' || name === 'aws:tokenissuetime') return 'date';
  if (name === 'aws:multifactorauthage' || name === 'aws:epochtime') return 'numeric';
  return 'string';
}

function answerMatches(given: string, expected: unknown): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .replace(/^["'`]|["'`]$/g, '')
      .toLowerCase();
  if (Array.isArray(expected)) {
    const want = new Set(expected.map((v) => norm(String(v))));
    const got = new Set(
      given
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(norm),
    );
    return want.size > 0 && want.size === got.size && [...want].every((v) => got.has(v));
  }
  if (expected === null || expected === undefined) return false;
  return norm(given) === norm(String(expected));
}

function parseJson(text: string): { ok: true; value: object } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as object };
  } catch {
    return { ok: false };
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
