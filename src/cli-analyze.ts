/**
 * iam-dojo's analysis commands (Node glue only; the answers come from src/sim/analyze):
 *
 *   iam-dojo diff-policy --old file://a.json --new file://b.json [--policy-type identity|resource|scp|boundary]
 *       [--output json|text] [--fail-on-new-access]
 */
import { readFileSync } from 'node:fs';

/** What one command prints and how it exits. */
export interface AnalysisOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The analysis commands iam-dojo dispatches here. */
export const ANALYSIS_COMMANDS = ['diff-policy'] as const;

/** Usage lines for iam-dojo's help text. */
export const ANALYSIS_USAGE = `  diff-policy --old file://a.json --new file://b.json [--policy-type identity|resource|scp|boundary]
      [--output json|text] [--fail-on-new-access]
      Every request one version allows and the other does not, each with a witness request that
      simulate-custom-policy replays. Exit 0, or 1 with --fail-on-new-access when access was added.
`;

class Usage extends Error {}

type Specs = Record<string, { value: boolean; choices?: readonly string[] }>;

function parse(argv: readonly string[], specs: Specs): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    const spec = specs[name];
    if (!word.startsWith('--')) throw new Usage(`unexpected argument "${word}"`);
    if (!spec) throw new Usage(`unknown option ${name}`);
    let value = 'true';
    if (spec.value) {
      const next = eq > 0 ? word.slice(eq + 1) : argv[++i];
      if (next === undefined) throw new Usage(`${name} needs a value`);
      if (spec.choices && !spec.choices.includes(next)) throw new Usage(`${name} must be one of: ${spec.choices.join(', ')} (got "${next}")`);
      value = next;
    }
    out.set(name, value);
  }
  return out;
}

/** `file://path` read from disk; anything else is the value itself (as the AWS CLI reads parameters). */
function readParameter(value: string, option: string): string {
  if (!value.toLowerCase().startsWith('file://')) return value;
  const path = value.slice('file://'.length);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Usage(`${option}: cannot read ${path} (no such file)`);
  }
}

/** Runs one analysis command. */
export async function runAnalysisCommand(command: (typeof ANALYSIS_COMMANDS)[number], argv: readonly string[]): Promise<AnalysisOutcome> {
  const { AnalysisError } = await import('./sim/analyze/errors.ts');
  try {
    switch (command) {
      case 'diff-policy':
        return await diffPolicy(argv);
    }
  } catch (error) {
    if (error instanceof Usage) return { exitCode: 2, stdout: '', stderr: `iam-dojo ${command}: error: ${error.message}\n\nusage:\n${ANALYSIS_USAGE}` };
    if (error instanceof AnalysisError) return { exitCode: 254, stdout: '', stderr: `iam-dojo ${command}: ${error.message} [${error.code}]\n` };
    throw error;
  }
}

async function diffPolicy(argv: readonly string[]): Promise<AnalysisOutcome> {
  const { comparePolicies, COMPARE_POLICY_TYPES } = await import('./sim/analyze/index.ts');
  const options = parse(argv, {
    '--old': { value: true },
    '--new': { value: true },
    '--policy-type': { value: true, choices: COMPARE_POLICY_TYPES },
    '--output': { value: true, choices: ['json', 'text'] },
    '--fail-on-new-access': { value: false },
  });
  const oldValue = options.get('--old');
  const newValue = options.get('--new');
  if (oldValue === undefined || newValue === undefined) throw new Usage('diff-policy needs --old file://a.json and --new file://b.json');
  const type = (options.get('--policy-type') ?? 'identity') as (typeof COMPARE_POLICY_TYPES)[number];
  const r = await comparePolicies(readParameter(oldValue, '--old'), readParameter(newValue, '--new'), { policyType: type });
  const failed = options.has('--fail-on-new-access') && r.NewlyAllowed.length > 0;
  const warn = r.complete ? '' : `iam-dojo diff-policy: the comparison may be incomplete: ${r.incomplete.join('; ')}\n`;
  if (options.get('--output') === 'json') {
    const printed = { Result: r.Result, NewlyAllowed: r.NewlyAllowed, NoLongerAllowed: r.NoLongerAllowed };
    return { exitCode: failed ? 1 : 0, stdout: `${JSON.stringify(printed, null, 4)}\n`, stderr: warn };
  }
  const lines = [`${r.Result}: ${words(r.Result)}`];
  for (const g of r.groups) lines.push(`  ${g.direction === 'newlyAllowed' ? '+' : '-'} ${g.sentence}`);
  return { exitCode: failed ? 1 : 0, stdout: `${lines.join('\n')}\n`, stderr: warn };
}

function words(result: string): string {
  switch (result) {
    case 'Equivalent':
      return 'both versions allow exactly the same requests.';
    case 'MorePermissive':
      return 'the new version allows everything the old one did, and more.';
    case 'LessPermissive':
      return 'the new version allows less than the old one, nothing new.';
    default:
      return 'each version allows something the other does not.';
  }
}
