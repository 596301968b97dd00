/** `iam-dojo mfa-code`, `advance-clock` and `trail`: what scripted scenarios need besides aws commands. */
import { existsSync } from 'node:fs';
import { formatOutput } from '../sim/cli/output/index.ts';
import { parseOptions } from './options.ts';
import { UsageError, type Outcome } from './outcome.ts';
import { buildWorld, loadJournal, saveJournal } from './world-file.ts';

/** The world commands besides `aws`. */
export type WorldCommand = 'mfa-code' | 'advance-clock' | 'trail';

/** Runs one world command with the words after its name. */
export async function runWorldCommand(command: WorldCommand, argv: readonly string[]): Promise<Outcome> {
  const { options, positionals } = parseOptions(argv, {
    world: { takesValue: true },
    ...(command === 'trail' ? { query: { takesValue: true } } : {}),
  });
  const path = options.get('world');
  const wanted = command === 'trail' ? 0 : 1;
  if (path === undefined || positionals.length !== wanted) {
    throw new UsageError(
      `${command} needs ${command === 'mfa-code' ? '<serial-number> and ' : command === 'advance-clock' ? '<seconds> and ' : ''}--world FILE`,
    );
  }
  if (!existsSync(path)) throw new UsageError(`--world ${path}: no such file`);
  const journal = await loadJournal(path);
  const world = await buildWorld(journal);
  if (command === 'trail') {
    const trail = world.trail();
    return {
      exitCode: 0,
      stdout: formatOutput(trail, { format: 'json', query: options.get('query'), operation: 'Trail', terminalWidth: 80 }),
      stderr: '',
    };
  }
  const argument = positionals[0] as string;
  if (command === 'mfa-code') {
    const code = world.authenticatorCode(argument);
    if (code === undefined) return { exitCode: 1, stdout: '', stderr: `iam-dojo: no virtual MFA device ${argument} in this world\n` };
    return { exitCode: 0, stdout: `${code.code}\n`, stderr: '' };
  }
  const seconds = Number(argument);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError('advance-clock needs a positive number of seconds');
  const { appendOp, checkOp } = await import('../sim/scenario/replay.ts');
  appendOp(journal, checkOp({ kind: 'advance', seconds }));
  saveJournal(path, journal);
  return { exitCode: 0, stdout: '', stderr: '' };
}
