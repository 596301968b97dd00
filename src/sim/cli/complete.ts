/**
 * Tab completion for the browser terminal: commands, services, operations, option names and
 * enumerated values, from the same operation specs the CLI parses with.
 */
import type { OperationSpec } from '../services/contract.ts';
import { looksLikeOption } from './argparse.ts';
import { OperationCatalog, registryCatalog } from './catalog.ts';
import type { CliHost } from './host.ts';
import { GLOBAL_OPTION_NAMES } from './globals.ts';
import { cliOperationName, operationArgs } from './operation-args.ts';
import { OUTPUT_FORMATS } from './output/index.ts';
import { SHELL_BUILTINS } from './shell.ts';
import { GITHUB_ACTIONS_OPTIONS } from './github-actions.ts';

const VALUE_GLOBALS = new Set([
  '--profile',
  '--region',
  '--output',
  '--query',
  '--endpoint-url',
  '--color',
  '--ca-bundle',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--cli-binary-format',
]);

/** Candidates that can replace `line.slice(from, to)`. */
export interface Completion {
  from: number;
  to: number;
  candidates: string[];
}

/**
 * Completions for the word at `cursor` in `line`. `context` is either the operation specs or the
 * world (a CliHost), which adds profile names after `--profile` and file names after `cat` and
 * `file://`; without it the generated registry is used.
 */
export function completeCommandLine(line: string, cursor: number, context?: readonly OperationSpec[] | CliHost): Completion {
  const host = context !== undefined && !Array.isArray(context) ? (context as CliHost) : undefined;
  const operations = Array.isArray(context) ? (context as readonly OperationSpec[]) : host?.operations;
  const catalog = operations !== undefined ? new OperationCatalog(operations) : registryCatalog();
  const files = host?.listFiles?.() ?? [];
  const profiles = ['default', ...Object.keys(host?.cliConfig?.profiles ?? {})];
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  // The word being typed: scan back to the last blank (a regex here could be quadratic on long lines).
  let start = before.length;
  while (start > 0 && !/\s/.test(before[start - 1] as string)) start -= 1;
  const partial = before.slice(start);
  // In a pipeline only the command being typed counts: the words after the last unquoted `|`.
  const words = before
    .slice(lastPipeEnd(before.slice(0, start)), start)
    .split(/\s+/)
    .filter((w) => w !== '');
  const result = (all: readonly string[]): Completion => ({
    from: start,
    to: before.length,
    candidates: [...new Set(all)].filter((c) => c.startsWith(partial)).sort(),
  });
  if (words.length === 0) return result(['aws', 'on-instance', 'github-actions', ...SHELL_BUILTINS]);
  if (words[0] === 'github-actions') return result(words.length === 1 ? ['token'] : GITHUB_ACTIONS_OPTIONS);
  if (words[0] === 'cat' || words[0] === 'rm' || words[0] === 'base64') return result(files);
  if (words[0] !== 'aws') return result([]);
  if (partial.startsWith('file://') || partial.startsWith('fileb://')) {
    const scheme = partial.startsWith('file://') ? 'file://' : 'fileb://';
    return result(files.map((f) => `${scheme}${f}`));
  }
  const positionals: string[] = [];
  const used = new Set<string>();
  const previous = words[words.length - 1] as string;
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i] as string;
    if (looksLikeOption(word)) used.add(word);
    else if (!VALUE_GLOBALS.has(words[i - 1] as string) && positionals.length < 2) positionals.push(word);
  }
  if (previous === '--output') return result(OUTPUT_FORMATS);
  if (previous === '--profile') return result(profiles);
  if (previous === '--region' || previous === '--query') return result([]);
  const [service, operation] = positionals;
  if (service === undefined) {
    return result(partial.startsWith('-') ? GLOBAL_OPTION_NAMES : [...catalog.services(), 'configure', 'help']);
  }
  if (service === 'configure') return result(operation === undefined ? ['get', 'list', 'list-profiles', 'set'] : []);
  if (operation === undefined) {
    if (partial.startsWith('-')) return result(GLOBAL_OPTION_NAMES);
    return result([...catalog.operations(service).map(cliOperationName), 'help']);
  }
  const spec = catalog.find(service, operation);
  if (spec === undefined) return result([]);
  const args = operationArgs(spec, false);
  const previousArg = args.find((a) => a.option === previous);
  if (previousArg !== undefined && previousArg.nargs !== 'flag' && previousArg.nargs !== 'negFlag') {
    const shape = previousArg.shape;
    if (previousArg.choices !== undefined) return result(previousArg.choices);
    if (shape?.type === 'string' && shape.enum !== undefined) return result(shape.enum);
    return result([]);
  }
  const options = args
    .filter((a) => a.option !== undefined && a.undocumented !== true && !used.has(a.option))
    .map((a) => a.option as string);
  return result(partial.startsWith('-') || partial === '' ? [...options, ...GLOBAL_OPTION_NAMES.filter((o) => !used.has(o))] : []);
}

/** The index just after the last `|` outside quotes in `text` (0 when there is none). */
function lastPipeEnd(text: string): number {
  let quote: string | undefined;
  let end = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '|') end = i + 1;
  }
  return end;
}
