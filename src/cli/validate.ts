/** `iam-dojo validate-policy`: validation errors and lint findings, in IAM Access Analyzer's ValidatePolicy shape. */
import { parseOptions, readParameter } from './options.ts';
import { UsageError, type Outcome } from './outcome.ts';

const POLICY_TYPES = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session'] as const;

/** Runs validate-policy with the words after its name; exit 1 when a finding is an ERROR. */
export async function runValidation(argv: readonly string[]): Promise<Outcome> {
  const { options, positionals } = parseOptions(argv, {
    'policy-type': { takesValue: true, choices: POLICY_TYPES },
    'policy-document': { takesValue: true },
    output: { takesValue: true, choices: ['json', 'text'] },
    managed: { takesValue: false },
  });
  const source = options.get('policy-document') ?? positionals[0];
  if (source === undefined) throw new UsageError('validate-policy needs a policy: validate-policy file://policy.json');
  if (positionals.length > (options.has('policy-document') ? 0 : 1)) throw new UsageError(`unexpected argument "${positionals.at(-1)}"`);
  const text = readParameter(source, 'policy');
  const policyType = (options.get('policy-type') ?? 'identity') as (typeof POLICY_TYPES)[number];
  const { validatePolicy } = await import('../sim/simulate/validate.ts');
  const findings = await validatePolicy(text, policyType, options.has('managed') ? { managed: true } : {});
  const hasError = findings.some((f) => f.severity === 'ERROR');
  if (options.get('output') === 'text') {
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
