/**
 * `iam-dojo`: the IAM Dojo simulator from a terminal (Node ≥ 22, run by bin/iam-dojo.mjs through
 * src/cli.ts). One file per command; Node-only glue lives here (files, argv, exit codes), every
 * answer comes from src/sim.
 */
import { ANALYSIS_COMMANDS } from './analysis-usage.ts';
import { runAnalysisCommand } from './analyze.ts';
import { runAwsCommand } from './aws.ts';
import { USAGE, UsageError, usageError, type Outcome } from './outcome.ts';
import { runSimulation } from './simulate.ts';
import { runValidation } from './validate.ts';
import { runWorldCommand } from './world-commands.ts';
import { buildWorld, loadJournal } from './world-file.ts';
import type { World } from '../sim/world/index.ts';

export type { Outcome } from './outcome.ts';

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
        return await runWorldCommand(command, rest);
      case undefined:
        return { exitCode: 2, stdout: '', stderr: USAGE };
      case 'help':
      case '--help':
      case '-h':
        return { exitCode: 0, stdout: USAGE, stderr: '' };
      default:
        return usageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: 255, stdout: '', stderr: `iam-dojo: ${message}\n` };
  }
}

/** The world a `--world` file describes, rebuilt in memory (the file is not changed). */
async function openWorldFile(path: string): Promise<World> {
  return buildWorld(await loadJournal(path));
}
