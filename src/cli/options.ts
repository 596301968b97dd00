/**
 * Options of iam-dojo's own commands, parsed with node:util's parseArgs (the AWS CLI's grammar is
 * only needed after `iam-dojo aws`, where src/sim/cli parses it), and parameters read the way the
 * AWS CLI reads them (`file://`).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePythonJson, PyJsonError } from '../sim/cli/pyjson.ts';
import { UsageError } from './outcome.ts';

/** One option of a command: a flag, or one that takes a value (optionally from a fixed list). */
export interface OptionSpec {
  takesValue: boolean;
  choices?: readonly string[];
}

/** Options by name without the leading `--` (`{ 'cli-input-json': { takesValue: true } }`). */
export type OptionSpecs = Record<string, OptionSpec>;

/** The options given (by name without `--`; flags as 'true') and the positional words. */
export interface ParsedOptions {
  options: Map<string, string>;
  positionals: string[];
}

/** Parses a command's words; unknown options, missing values and values outside `choices` are usage errors. */
export function parseOptions(argv: readonly string[], specs: OptionSpecs): ParsedOptions {
  const config = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, { type: spec.takesValue ? ('string' as const) : ('boolean' as const) }]),
  );
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: true }));
  } catch (error) {
    throw new UsageError(parseArgsProblem(error));
  }
  const options = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const choices = specs[name]?.choices;
    if (typeof value === 'string' && choices !== undefined && !choices.includes(value)) {
      throw new UsageError(`--${name} must be one of: ${choices.join(', ')} (got "${value}")`);
    }
    options.set(name, String(value));
  }
  return { options, positionals };
}

/** parseArgs' error in the words iam-dojo uses for a bad command line. */
function parseArgsProblem(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted !== undefined) return `unknown option ${quoted}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted !== undefined && / argument missing$/.test(message)) {
    return `${quoted.replace(/ <value>$/, '')} needs a value`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted !== undefined && / does not take an argument$/.test(message)) {
    return `${quoted} takes no value`;
  }
  return message;
}

/** A parameter value as the AWS CLI reads it: `file://path` from disk, anything else as given. */
export function readParameter(value: string, option: string): string {
  if (!value.toLowerCase().startsWith('file://')) return value;
  const path = value.slice('file://'.length);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${option}: cannot read ${path} (no such file)`);
  }
}

/** A JSON parameter (inline or `file://`), parsed as the AWS CLI parses it. */
export function parseJsonParameter(value: string, option: string): unknown {
  try {
    return parsePythonJson(readParameter(value, option));
  } catch (error) {
    if (error instanceof PyJsonError) throw new UsageError(`${option}: invalid JSON: ${error.message}`);
    throw error;
  }
}
