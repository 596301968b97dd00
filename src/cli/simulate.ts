/** `iam-dojo simulate-custom-policy` and `simulate-principal-policy`: IAM's simulation APIs from a terminal. */
import process from 'node:process';
import { formatOutput } from '../sim/cli/output/index.ts';
import { parseJsonParameter, parseOptions } from './options.ts';
import { UsageError, type Outcome } from './outcome.ts';

const EXPECTATIONS = ['allowed', 'denied', 'explicitDeny', 'implicitDeny'] as const;
const OUTPUTS = ['json', 'text', 'table'] as const;

/** Runs one of the two simulate commands with the words after its name. */
export async function runSimulation(
  command: 'simulate-custom-policy' | 'simulate-principal-policy',
  argv: readonly string[],
): Promise<Outcome> {
  const principal = command === 'simulate-principal-policy';
  const { options, positionals } = parseOptions(argv, {
    'cli-input-json': { takesValue: true },
    explain: { takesValue: false },
    expect: { takesValue: true, choices: EXPECTATIONS },
    output: { takesValue: true, choices: OUTPUTS },
    query: { takesValue: true },
    ...(principal ? { 'account-details': { takesValue: true } } : {}),
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const inputText = options.get('cli-input-json');
  if (inputText === undefined) throw new UsageError(`${command} needs --cli-input-json file://request.json`);
  const input = parseJsonParameter(inputText, '--cli-input-json');
  const simulate = await import('../sim/simulate/custom.ts');
  const errors = await import('../sim/simulate/errors.ts');
  const operation = principal ? 'SimulatePrincipalPolicy' : 'SimulateCustomPolicy';
  let run: Awaited<ReturnType<typeof simulate.simulateCustomPolicyWithDetails>>;
  try {
    if (principal) {
      const detailsText = options.get('account-details');
      if (detailsText === undefined) throw new UsageError('simulate-principal-policy needs --account-details file://details.json');
      const details = parseJsonParameter(detailsText, '--account-details');
      const principalModule = await import('../sim/simulate/principal.ts');
      const managed = await import('../sim/managed/index.ts');
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
      return {
        exitCode: 254,
        stdout: '',
        stderr: `\nAn error occurred (${error.awsCode}) when calling the ${operation} operation: ${error.message}${where}\n`,
      };
    }
    throw error;
  }
  // The CLI paginates these operations and prints only the aggregated EvaluationResults.
  const printed = { EvaluationResults: run.output.EvaluationResults };
  let stdout: string;
  if (options.has('explain')) {
    const { explainInWords } = await import('../sim/simulate/explain.ts');
    stdout = run.details.map((d) => `${explainInWords(d.request, d.result).join('\n')}\n`).join('\n');
  } else {
    stdout = formatOutput(printed, {
      format: options.get('output') ?? 'json',
      query: options.get('query'),
      operation,
      terminalWidth: process.stdout.columns ?? 80,
    });
  }
  const expected = options.get('expect');
  if (expected !== undefined) {
    const misses = run.output.EvaluationResults.filter((r) => !decisionMatches(r.EvalDecision, expected));
    if (misses.length > 0) {
      const stderr = misses
        .map((r) => `iam-dojo: expected ${expected} but ${r.EvalActionName} on ${r.EvalResourceName} was ${r.EvalDecision}\n`)
        .join('');
      return { exitCode: 1, stdout, stderr };
    }
  }
  return { exitCode: 0, stdout, stderr: '' };
}

/** Whether a decision is what `--expect` asked for (`denied` covers both kinds of deny). */
function decisionMatches(decision: string, expected: string): boolean {
  if (expected === 'denied') return decision === 'explicitDeny' || decision === 'implicitDeny';
  return decision === expected;
}
