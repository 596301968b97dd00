/**
 * `iam-dojo`: the IAM Dojo simulator from a terminal (Node ≥ 22, run by bin/iam-dojo.mjs).
 *
 *   iam-dojo aws <service> <operation> ... [--world world.json]
 *   iam-dojo simulate-custom-policy --cli-input-json file://request.json [--explain] [--expect allowed|denied]
 *   iam-dojo simulate-principal-policy --account-details file://details.json --cli-input-json file://request.json ...
 *   iam-dojo validate-policy file://policy.json [--policy-type identity|resource|trust|scp|rcp|boundary|session]
 *
 * Node-only glue lives here (files, argv, exit codes); every answer comes from src/sim.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { runCommandLine, type CliHost, type RunResult } from './sim/cli/index.ts';
import { formatOutput } from './sim/cli/output/index.ts';
import { parsePythonJson, PyJsonError } from './sim/cli/pyjson.ts';
import type { WorldJournal } from './worker/protocol.ts';
import type { World } from './sim/world/index.ts';
import { ANALYSIS_COMMANDS, ANALYSIS_USAGE, runAnalysisCommand } from './cli-analyze.ts';

/** What one iam-dojo invocation prints and how it exits. */
interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const USAGE = `usage: iam-dojo <command> [options]

Commands:
  aws <service> <operation> [parameters] [--world FILE] [--seed S] [--account-id ID] [--now TIME] [--mfa-code CODE]
      Run an AWS CLI v2 command against the simulated account. With --world the account is loaded
      from FILE (created when missing) and saved after the command; without it a fresh account is used.
  simulate-custom-policy --cli-input-json file://request.json [--explain] [--expect allowed|denied]
      IAM SimulateCustomPolicy; prints what \`aws iam simulate-custom-policy\` prints.
  simulate-principal-policy --account-details file://details.json --cli-input-json file://request.json
      [--explain] [--expect allowed|denied]
      IAM SimulatePrincipalPolicy over the output of \`aws iam get-account-authorization-details\`.
  validate-policy file://policy.json [--policy-type identity|resource|trust|scp|rcp|boundary|session]
      [--managed] [--output json|text]
      Validation errors and lint findings; exits 1 when the policy has an ERROR finding.
      --managed applies the rules of a managed policy (Version 2012-10-17 required).
  mfa-code <serial-number> --world FILE
      The code an authenticator app shows now for a virtual MFA device of the world.
  advance-clock <seconds> --world FILE
      Moves the world's clock forward (TOTP codes, session expiry, MFA age follow it).
  trail --world FILE [--query EXPR]
      The world's CloudTrail records ({"Records": [...]}, oldest first).
${ANALYSIS_USAGE}
Options of the simulate commands: --output json|text|table, --query EXPR,
  --explain (the decision and why, in words), --expect allowed|denied|explicitDeny|implicitDeny
  (exit 1 when any decision differs).
`;

/** Runs iam-dojo with the words after the program name. */
export async function main(argv: readonly string[]): Promise<Outcome> {
  const [command, ...rest] = argv;
  try {
    const analysis = ANALYSIS_COMMANDS.find((c) => c === command);
    if (analysis !== undefined) return await runAnalysisCommand(analysis, rest, { openWorldFile });
    switch (command) {
      case 'aws':
        return await runAwsCommand(rest);
      case 'simulate-custom-policy':
      case 'simulate-principal-policy':
        return await runSimulation(command, rest);
      case 'validate-policy':
        return await runValidation(rest);
      case 'mfa-code':
      case 'advance-clock':
      case 'trail':
        return await runWorldUtility(command, rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return { exitCode: command === undefined ? 2 : 0, stdout: command === undefined ? '' : USAGE, stderr: command === undefined ? USAGE : '' };
      default:
        return usageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: 255, stdout: '', stderr: `iam-dojo: ${message}\n` };
  }
}

/** A bad iam-dojo command line: printed with the usage text, exit code 2. */
class UsageError extends Error {}

function usageError(message: string): Outcome {
  return { exitCode: 2, stdout: '', stderr: `iam-dojo: error: ${message}\n\n${USAGE}` };
}

// ---------------------------------------------------------------------------------------------
// Option parsing for iam-dojo's own commands
// ---------------------------------------------------------------------------------------------

interface OptionSpec {
  takesValue: boolean;
  choices?: readonly string[];
}

/** Splits argv into known options and positionals; unknown options are usage errors. */
function parseOptions(argv: readonly string[], specs: Record<string, OptionSpec>): { options: Map<string, string>; positionals: string[] } {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] as string;
    if (!word.startsWith('--')) {
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    const spec = specs[name];
    if (spec === undefined) throw new UsageError(`unknown option ${name}`);
    let value = 'true';
    if (spec.takesValue) {
      const next = eq > 0 ? word.slice(eq + 1) : argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      if (spec.choices !== undefined && !spec.choices.includes(next)) {
        throw new UsageError(`${name} must be one of: ${spec.choices.join(', ')} (got "${next}")`);
      }
      value = next;
    }
    options.set(name, value);
  }
  return { options, positionals };
}

/** A parameter value as the AWS CLI reads it: `file://path` from disk, anything else as given. */
function readParameter(value: string, option: string): string {
  if (!value.toLowerCase().startsWith('file://')) return value;
  const path = value.slice('file://'.length);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${option}: cannot read ${path} (no such file)`);
  }
}

function parseJsonParameter(value: string, option: string): unknown {
  try {
    return parsePythonJson(readParameter(value, option));
  } catch (error) {
    if (error instanceof PyJsonError) throw new UsageError(`${option}: invalid JSON: ${error.message}`);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// simulate-custom-policy / simulate-principal-policy
// ---------------------------------------------------------------------------------------------

const EXPECTATIONS = ['allowed', 'denied', 'explicitDeny', 'implicitDeny'] as const;
const OUTPUTS = ['json', 'text', 'table'] as const;

async function runSimulation(command: 'simulate-custom-policy' | 'simulate-principal-policy', argv: readonly string[]): Promise<Outcome> {
  const principal = command === 'simulate-principal-policy';
  const { options, positionals } = parseOptions(argv, {
    '--cli-input-json': { takesValue: true },
    '--explain': { takesValue: false },
    '--expect': { takesValue: true, choices: EXPECTATIONS },
    '--output': { takesValue: true, choices: OUTPUTS },
    '--query': { takesValue: true },
    ...(principal ? { '--account-details': { takesValue: true } } : {}),
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const inputText = options.get('--cli-input-json');
  if (inputText === undefined) throw new UsageError(`${command} needs --cli-input-json file://request.json`);
  const input = parseJsonParameter(inputText, '--cli-input-json');
  const simulate = await import('./sim/simulate/custom.ts');
  const errors = await import('./sim/simulate/errors.ts');
  const operation = principal ? 'SimulatePrincipalPolicy' : 'SimulateCustomPolicy';
  let run: Awaited<ReturnType<typeof simulate.simulateCustomPolicyWithDetails>>;
  try {
    if (principal) {
      const detailsText = options.get('--account-details');
      if (detailsText === undefined) throw new UsageError('simulate-principal-policy needs --account-details file://details.json');
      const details = parseJsonParameter(detailsText, '--account-details');
      const principalModule = await import('./sim/simulate/principal.ts');
      const managed = await import('./sim/managed/index.ts');
      const awsArns = new Set(JSON.stringify(details).match(/arn:aws[a-z-]*:iam::aws:policy\/[\w+=,.@/-]+/g) ?? []);
      await managed.loadAwsManagedDocuments(awsArns);
      run = principalModule.simulatePrincipalPolicyWithDetails(details as never, input as never, {
        managedPolicyDocument: (arn: string) => managed.awsManagedDocument(arn),
      });
    } else {
      run = simulate.simulateCustomPolicyWithDetails(input as never);
    }
  } catch (error) {
    if (error instanceof errors.SimulationError) {
      const where = error.position !== undefined ? ` (line ${error.position.line}, column ${error.position.column})` : '';
      return { exitCode: 254, stdout: '', stderr: `\nAn error occurred (${error.awsCode}) when calling the ${operation} operation: ${error.message}${where}\n` };
    }
    throw error;
  }
  // The CLI paginates these operations and prints only the aggregated EvaluationResults.
  const printed = { EvaluationResults: run.output.EvaluationResults };
  let stdout: string;
  if (options.has('--explain')) {
    const { explainInWords } = await import('./sim/simulate/explain.ts');
    stdout = run.details.map((d) => `${explainInWords(d.request, d.result).join('\n')}\n`).join('\n');
  } else {
    stdout = formatOutput(printed, { format: options.get('--output') ?? 'json', query: options.get('--query'), operation, terminalWidth: process.stdout.columns ?? 80 });
  }
  const expected = options.get('--expect');
  if (expected !== undefined) {
    const misses = run.output.EvaluationResults.filter((r) => !decisionMatches(r.EvalDecision, expected));
    if (misses.length > 0) {
      const stderr = misses.map((r) => `iam-dojo: expected ${expected} but ${r.EvalActionName} on ${r.EvalResourceName} was ${r.EvalDecision}\n`).join('');
      return { exitCode: 1, stdout, stderr };
    }
  }
  return { exitCode: 0, stdout, stderr: '' };
}

function decisionMatches(decision: string, expected: string): boolean {
  if (expected === 'denied') return decision === 'explicitDeny' || decision === 'implicitDeny';
  return decision === expected;
}

// ---------------------------------------------------------------------------------------------
// validate-policy
// ---------------------------------------------------------------------------------------------

const POLICY_TYPES = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session'] as const;

async function runValidation(argv: readonly string[]): Promise<Outcome> {
  const { options, positionals } = parseOptions(argv, {
    '--policy-type': { takesValue: true, choices: POLICY_TYPES },
    '--policy-document': { takesValue: true },
    '--output': { takesValue: true, choices: ['json', 'text'] },
    '--managed': { takesValue: false },
  });
  const source = options.get('--policy-document') ?? positionals[0];
  if (source === undefined) throw new UsageError('validate-policy needs a policy: validate-policy file://policy.json');
  if (positionals.length > (options.has('--policy-document') ? 0 : 1)) throw new UsageError(`unexpected argument "${positionals.at(-1)}"`);
  const text = readParameter(source, 'policy');
  const policyType = (options.get('--policy-type') ?? 'identity') as (typeof POLICY_TYPES)[number];
  const { validatePolicy } = await import('./sim/simulate/validate.ts');
  const findings = await validatePolicy(text, policyType, options.has('--managed') ? { managed: true } : {});
  const hasError = findings.some((f) => f.severity === 'ERROR');
  if (options.get('--output') === 'text') {
    const lines = findings.map((f) => `${f.severity}\t${f.code}\t${f.span.start.line}:${f.span.start.column}\t${f.message}\n`);
    return { exitCode: hasError ? 1 : 0, stdout: lines.join(''), stderr: '' };
  }
  // The shape of IAM Access Analyzer's ValidatePolicy response (findingType, issueCode, locations).
  const report = {
    findings: findings.map((f) => ({
      findingDetails: f.message,
      findingType: f.severity,
      issueCode: f.code,
      locations: [{ span: { start: f.span.start, end: f.span.end } }],
    })),
  };
  return { exitCode: hasError ? 1 : 0, stdout: `${JSON.stringify(report, null, 4)}\n`, stderr: '' };
}

// ---------------------------------------------------------------------------------------------
// aws ... --world world.json
// ---------------------------------------------------------------------------------------------

const WORLD_OPTIONS = new Set(['--world', '--seed', '--account-id', '--now', '--mfa-code']);

/**
 * `iam-dojo aws ... --world FILE`. FILE is the playground's saved-world format (the worker's journal,
 * src/worker/journal-schema.ts): how the world started and every operation since. Worlds are
 * deterministic, so replaying the journal rebuilds the world; the new command is appended. Files
 * read from disk with `file://` are recorded as writeFile operations so the replay sees them too.
 */
async function runAwsCommand(argv: readonly string[]): Promise<Outcome> {
  const own = new Map<string, string>();
  const words: string[] = [];
  const worldOptions = await worldOptionsFor(argv);
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] as string;
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    if (!worldOptions.has(name)) {
      words.push(word);
      continue;
    }
    const value = eq > 0 ? word.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    own.set(name, value);
  }
  const worldPath = own.get('--world');
  const journal = worldPath !== undefined && existsSync(worldPath) ? await loadJournal(worldPath) : newJournal(own);
  const world = await buildWorld(journal);
  const line = `aws ${words.map(shellQuote).join(' ')}`;
  const mfaCode = own.get('--mfa-code');
  if (mfaCode !== undefined && !/^\d{6}$/.test(mfaCode)) throw new UsageError('--mfa-code must be the 6 digits the authenticator shows');
  const profile = process.env.AWS_PROFILE;
  const diskReads: Array<{ kind: 'writeFile'; name: string; text: string }> = [];
  const result = await runLive(world, line, mfaCode, diskReads);
  if (result.mfaPrompt !== undefined) {
    return { ...result, stderr: `${result.stderr}iam-dojo: this profile needs an MFA code; run the command again with --mfa-code <6 digits from the authenticator>\n` };
  }
  if (worldPath !== undefined) {
    const scenario = await import('./sim/scenario/replay.ts');
    for (const op of [...diskReads, { kind: 'run', line, ...(mfaCode !== undefined ? { mfaCode } : {}), ...(profile !== undefined && profile !== '' ? { profile } : {}) }]) {
      scenario.appendOp(journal, scenario.checkOp(op));
    }
    const saved = scenario.needsCompaction(journal) ? scenario.compactJournal(journal, world as never) : journal;
    writeFileSync(worldPath, `${JSON.stringify(saved, null, 2)}\n`);
  }
  return result;
}

/** The world a `--world` file describes, rebuilt in memory (the file is not changed). */
async function openWorldFile(path: string): Promise<World> {
  return buildWorld(await loadJournal(path));
}

/** Creates the world of a journal and replays it with the scenario module, as the browser's worker does. */
async function buildWorld(journal: WorldJournal): Promise<World> {
  const { replayScenario } = await import('./sim/scenario/replay.ts');
  return replayScenario(journal);
}

/** Runs the new command: `file://` reads the disk first, `--outfile` writes to the disk as well. */
async function runLive(world: World, line: string, mfaCode: string | undefined, diskReads: Array<{ kind: 'writeFile'; name: string; text: string }>): Promise<RunResult> {
  return runCommandLine(hostFor(world, true, diskReads), line, {
    ...(mfaCode !== undefined ? { mfaCode } : {}),
    env: { AWS_PROFILE: process.env.AWS_PROFILE, AWS_DEFAULT_OUTPUT: process.env.AWS_DEFAULT_OUTPUT, AWS_REGION: process.env.AWS_REGION, AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION },
    terminalWidth: process.stdout.columns ?? 80,
  });
}

/** The world as a CLI host, with the real disk behind `file://` and `--outfile` when `live`. */
function hostFor(world: World, live: boolean, diskReads: Array<{ kind: 'writeFile'; name: string; text: string }>): CliHost {
  return {
    invoke: world.invoke.bind(world),
    get cliConfig() {
      return world.cliConfig;
    },
    set cliConfig(value) {
      world.cliConfig = value;
    },
    readFile(name: string) {
      if (live && existsSync(name)) {
        const text = readFileSync(name, 'utf8');
        world.writeFile(name, text);
        diskReads.push({ kind: 'writeFile', name, text });
        return text;
      }
      return world.readFile(name);
    },
    writeFile(name: string, data: string | Uint8Array) {
      world.writeFile(name, data);
      if (live) writeFileSync(name, data);
    },
    listFiles: () => world.listFiles(),
    deleteFile: (name: string) => world.deleteFile(name),
    lookupUserCredentials: world.lookupUserCredentials.bind(world),
    rootCredentials: world.rootCredentials.bind(world),
    clock: world.clock,
  };
}

/**
 * The options iam-dojo takes for itself: an option the AWS operation has too (`organizations
 * describe-account --account-id`) belongs to the operation.
 */
async function worldOptionsFor(argv: readonly string[]): Promise<Set<string>> {
  const [service, operation] = argv.filter((w) => !w.startsWith('-'));
  if (service === undefined || operation === undefined) return WORLD_OPTIONS;
  const specs = (await import('./sim/services/specs/index.ts')) as typeof import('./sim/services/specs/index.ts');
  const spec = specs.getOperationSpecByCliName(specs.serviceForCliName(service) ?? service, operation);
  if (spec && Object.hasOwn(spec.input.members, 'AccountId')) return new Set([...WORLD_OPTIONS].filter((o) => o !== '--account-id'));
  return WORLD_OPTIONS;
}

function newJournal(own: Map<string, string>): WorldJournal {
  const accountId = own.get('--account-id');
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) throw new UsageError('--account-id must be 12 digits');
  const now = own.get('--now');
  if (now !== undefined && Number.isNaN(Date.parse(now))) throw new UsageError('--now must be an ISO 8601 time, e.g. 2026-03-02T09:00:00Z');
  return {
    version: 2,
    start: {
      seed: own.get('--seed') ?? 'iam-dojo',
      // Without --now the world starts at its fixed default time, so a script gives the same IDs and times every run.
      ...(now !== undefined ? { now } : {}),
      ...(accountId !== undefined ? { accountId } : {}),
    },
    ops: [],
  };
}

async function loadJournal(path: string): Promise<WorldJournal> {
  let data: unknown;
  try {
    data = parsePythonJson(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--world ${path}: not a world file (${error instanceof Error ? error.message : String(error)})`);
  }
  const { readScenario, droppedInWords } = await import('./sim/scenario/read.ts');
  const read = readScenario(data);
  if (!read.ok) throw new UsageError(`--world ${path}: not an iam-dojo world file (${read.error.message}) [${read.error.code}]`);
  if (read.dropped.length > 0) process.stderr.write(`iam-dojo: --world ${path}: ${droppedInWords(read.dropped)}\n`);
  return read.journal;
}

/** `mfa-code`, `advance-clock` and `trail`: what scripted scenarios need besides aws commands. */
async function runWorldUtility(command: 'mfa-code' | 'advance-clock' | 'trail', argv: readonly string[]): Promise<Outcome> {
  const { options, positionals } = parseOptions(argv, { '--world': { takesValue: true }, ...(command === 'trail' ? { '--query': { takesValue: true } } : {}) });
  const path = options.get('--world');
  const [argument, extra] = positionals;
  const wanted = command === 'trail' ? 0 : 1;
  if (path === undefined || positionals.length !== wanted || extra !== undefined) {
    throw new UsageError(`${command} needs ${command === 'mfa-code' ? '<serial-number> and ' : command === 'advance-clock' ? '<seconds> and ' : ''}--world FILE`);
  }
  if (!existsSync(path)) throw new UsageError(`--world ${path}: no such file`);
  const journal = await loadJournal(path);
  const world = await buildWorld(journal);
  if (command === 'trail') {
    const trail = world.trail();
    return { exitCode: 0, stdout: formatOutput(trail, { format: 'json', query: options.get('--query'), operation: 'Trail', terminalWidth: 80 }), stderr: '' };
  }
  if (argument === undefined) throw new UsageError(`${command} needs an argument`);
  if (command === 'mfa-code') {
    const code = world.authenticatorCode(argument);
    if (code === undefined) return { exitCode: 1, stdout: '', stderr: `iam-dojo: no virtual MFA device ${argument} in this world\n` };
    return { exitCode: 0, stdout: `${code.code}\n`, stderr: '' };
  }
  const seconds = Number(argument);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError('advance-clock needs a positive number of seconds');
  const { appendOp, checkOp } = await import('./sim/scenario/replay.ts');
  appendOp(journal, checkOp({ kind: 'advance', seconds }));
  writeFileSync(path, `${JSON.stringify(journal, null, 2)}\n`);
  return { exitCode: 0, stdout: '', stderr: '' };
}

/** Quotes a word for the emulated shell so it reaches the CLI unchanged. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

// Run when started as a program (bin/iam-dojo.mjs imports this file).
if (process.argv[1] !== undefined && /cli\.ts$/.test(process.argv[1])) {
  const outcome = await main(process.argv.slice(2));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}
