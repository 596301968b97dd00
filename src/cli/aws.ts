/**
 * `iam-dojo aws ... [--world FILE]`: one AWS CLI command against the simulated account. The words
 * of the command itself follow the AWS CLI's grammar (parsed by src/sim/cli); only iam-dojo's own
 * options are taken out of them here. With --world the command is appended to the world file.
 */
import { existsSync } from 'node:fs';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { runCommandLine, type RunResult } from '../sim/cli/index.ts';
import { shellQuote } from '../sim/cli/quote.ts';
import { UsageError, type Outcome } from './outcome.ts';
import { buildWorld, hostFor, loadJournal, newJournal, saveJournal, type DiskRead } from './world-file.ts';
import type { World } from '../sim/world/index.ts';

/** iam-dojo's own options of the aws command; every other word belongs to the AWS CLI. */
const WORLD_OPTIONS = ['world', 'seed', 'account-id', 'now', 'mfa-code'] as const;
type WorldOption = (typeof WORLD_OPTIONS)[number];

/** Runs `aws <words>`; files read through `file://` are recorded so that a replay sees them too. */
export async function runAwsCommand(argv: readonly string[]): Promise<Outcome> {
  const { own, words } = splitWorldOptions(argv, await worldOptionsFor(argv));
  const worldPath = own.get('world');
  const journal =
    worldPath !== undefined && existsSync(worldPath)
      ? await loadJournal(worldPath)
      : newJournal({ seed: own.get('seed'), accountId: own.get('account-id'), now: own.get('now') });
  const world = await buildWorld(journal);
  const line = `aws ${words.map(shellQuote).join(' ')}`;
  const mfaCode = own.get('mfa-code');
  if (mfaCode !== undefined && !/^\d{6}$/.test(mfaCode)) throw new UsageError('--mfa-code must be the 6 digits the authenticator shows');
  const profile = process.env['AWS_PROFILE'];
  const diskReads: DiskRead[] = [];
  const result = await runLive(world, line, mfaCode, diskReads);
  if (result.mfaPrompt !== undefined) {
    return {
      ...result,
      stderr: `${result.stderr}iam-dojo: this profile needs an MFA code; run the command again with --mfa-code <6 digits from the authenticator>\n`,
    };
  }
  if (worldPath !== undefined) {
    const scenario = await import('../sim/scenario/replay.ts');
    for (const op of [
      ...diskReads,
      { kind: 'run', line, ...(mfaCode !== undefined ? { mfaCode } : {}), ...(profile !== undefined && profile !== '' ? { profile } : {}) },
    ]) {
      scenario.appendOp(journal, scenario.checkOp(op));
    }
    saveJournal(worldPath, scenario.needsCompaction(journal) ? scenario.compactJournal(journal, world) : journal);
  }
  return result;
}

/**
 * Takes iam-dojo's options out of the words (wherever they stand, `--name value` or `--name=value`)
 * and keeps every other word exactly as given, in order, for the AWS CLI's own parser.
 */
export function splitWorldOptions(
  argv: readonly string[],
  ownOptions: readonly WorldOption[] = WORLD_OPTIONS,
): { own: Map<WorldOption, string>; words: string[] } {
  const options = Object.fromEntries(ownOptions.map((name) => [name, { type: 'string' as const }]));
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const own = new Map<WorldOption, string>();
  const taken = new Set<number>();
  for (const token of tokens) {
    if (token.kind !== 'option' || !(ownOptions as readonly string[]).includes(token.name)) continue;
    if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
    own.set(token.name as WorldOption, token.value);
    taken.add(token.index);
    if (token.inlineValue === false) taken.add(token.index + 1);
  }
  return { own, words: argv.filter((_word, index) => !taken.has(index)) };
}

/**
 * The options iam-dojo takes for itself: an option the AWS operation has too (`organizations
 * describe-account --account-id`) belongs to the operation.
 */
async function worldOptionsFor(argv: readonly string[]): Promise<readonly WorldOption[]> {
  const [service, operation] = argv.filter((w) => !w.startsWith('-'));
  if (service === undefined || operation === undefined) return WORLD_OPTIONS;
  const specs = await import('../sim/services/specs/index.ts');
  const spec = specs.getOperationSpecByCliName(specs.serviceForCliName(service) ?? service, operation);
  if (spec && Object.hasOwn(spec.input.members, 'AccountId')) return WORLD_OPTIONS.filter((o) => o !== 'account-id');
  return WORLD_OPTIONS;
}

/** Runs the new command: `file://` reads the disk first, `--outfile` writes to the disk as well. */
async function runLive(world: World, line: string, mfaCode: string | undefined, diskReads: DiskRead[]): Promise<RunResult> {
  const env = process.env;
  return runCommandLine(hostFor(world, true, diskReads), line, {
    ...(mfaCode !== undefined ? { mfaCode } : {}),
    env: {
      AWS_PROFILE: env['AWS_PROFILE'],
      AWS_DEFAULT_OUTPUT: env['AWS_DEFAULT_OUTPUT'],
      AWS_REGION: env['AWS_REGION'],
      AWS_DEFAULT_REGION: env['AWS_DEFAULT_REGION'],
    },
    terminalWidth: process.stdout.columns ?? 80,
  });
}
