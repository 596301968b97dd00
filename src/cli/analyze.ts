/**
 * iam-dojo's analysis commands (Node glue only; the answers come from src/sim/analyze):
 *
 *   iam-dojo diff-policy --old file://a.json --new file://b.json [--policy-type identity|resource|scp|boundary]
 *       [--output json|text] [--fail-on-new-access]
 *   iam-dojo explain-denial --world w.json [--profile P] [--output json|text] -- aws <service> <operation> ...
 *   iam-dojo escalation-paths --world w.json [--output json|text] [--target-action A --target-resource R]
 *   iam-dojo generate-policy --world w.json --principal-arn ARN [--since ISO] [--until ISO] [--output json|text]
 *   iam-dojo access-findings --world w.json [--output json|text]
 */
import { ANALYSIS_COMMANDS, ANALYSIS_USAGE } from './analysis-usage.ts';
import { parseOptions, readParameter } from './options.ts';
import { UsageError } from './outcome.ts';
import type { World } from '../sim/world/index.ts';

export { ANALYSIS_COMMANDS, ANALYSIS_USAGE };

/** What one command prints and how it exits. */
export interface AnalysisOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

type Specs = Record<string, { value: boolean; choices?: readonly string[] }>;

/** The options of `argv` by their `--name` (the shared parseArgs parser); positionals are usage errors. */
function parse(argv: readonly string[], specs: Specs): Map<string, string> {
  const shared = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name.replace(/^--/, ''),
      { takesValue: spec.value, ...(spec.choices ? { choices: spec.choices } : {}) },
    ]),
  );
  const { options, positionals } = parseOptions(argv, shared);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  return new Map([...options].map(([name, value]) => [`--${name}`, value]));
}

/** What the analysis commands need from iam-dojo's world-file handling (src/cli/world-file.ts). */
export interface AnalysisHost {
  /** The world a `--world` file describes, rebuilt in memory. */
  openWorldFile(path: string): Promise<World>;
}

/** Runs one analysis command. */
export async function runAnalysisCommand(
  command: (typeof ANALYSIS_COMMANDS)[number],
  argv: readonly string[],
  host?: AnalysisHost,
): Promise<AnalysisOutcome> {
  const { AnalysisError } = await import('../sim/analyze/errors.ts');
  try {
    switch (command) {
      case 'diff-policy':
        return await diffPolicy(argv);
      case 'explain-denial':
        if (!host) throw new UsageError('explain-denial needs world files, which this host cannot open');
        return await explainDenial(argv, host);
      case 'escalation-paths':
        if (!host) throw new UsageError('escalation-paths needs world files, which this host cannot open');
        return await escalationPaths(argv, host);
      case 'generate-policy':
        if (!host) throw new UsageError('generate-policy needs world files, which this host cannot open');
        return await generatePolicy(argv, host);
      case 'access-findings':
        if (!host) throw new UsageError('access-findings needs world files, which this host cannot open');
        return await accessFindings(argv, host);
    }
  } catch (error) {
    if (error instanceof UsageError)
      return { exitCode: 2, stdout: '', stderr: `iam-dojo ${command}: error: ${error.message}\n\nusage:\n${ANALYSIS_USAGE}` };
    if (error instanceof AnalysisError)
      return { exitCode: 254, stdout: '', stderr: `iam-dojo ${command}: ${error.message} [${error.code}]\n` };
    throw error;
  }
}

async function diffPolicy(argv: readonly string[]): Promise<AnalysisOutcome> {
  const { comparePolicies, COMPARE_POLICY_TYPES } = await import('../sim/analyze/index.ts');
  const options = parse(argv, {
    '--old': { value: true },
    '--new': { value: true },
    '--policy-type': { value: true, choices: COMPARE_POLICY_TYPES },
    '--output': { value: true, choices: ['json', 'text'] },
    '--fail-on-new-access': { value: false },
  });
  const oldValue = options.get('--old');
  const newValue = options.get('--new');
  if (oldValue === undefined || newValue === undefined)
    throw new UsageError('diff-policy needs --old file://a.json and --new file://b.json');
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

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

async function explainDenial(argv: readonly string[], host: AnalysisHost): Promise<AnalysisOutcome> {
  const dash = argv.indexOf('--');
  if (dash < 0 || argv[dash + 1] !== 'aws')
    throw new UsageError('explain-denial needs the command after --, e.g. -- aws s3api delete-object --bucket b --key k');
  const options = parse(argv.slice(0, dash), {
    '--world': { value: true },
    '--profile': { value: true },
    '--output': { value: true, choices: ['json', 'text'] },
  });
  const path = options.get('--world');
  if (path === undefined) throw new UsageError('explain-denial needs --world FILE');
  const world = await host.openWorldFile(path);
  const line = argv
    .slice(dash + 1)
    .map(shellQuote)
    .join(' ');
  const profile = options.get('--profile');
  const ran = await world.run(line, profile !== undefined ? { env: { AWS_PROFILE: profile } } : {});
  const { repairRequest } = await import('../sim/analyze/repair.ts');
  const denied = world.lastDecisions().filter((d) => d.result.decision !== 'allowed');
  const reports = denied.map((d) => ({ decision: d, report: repairRequest(d.request) }));
  if (options.get('--output') === 'json') {
    const printed = {
      Command: line,
      ExitCode: ran.exitCode,
      Denials: reports.map(({ decision: d, report: r }) => ({
        Principal: d.request.principal.arn,
        Action: d.request.action,
        Resource: d.request.resource,
        Decision: r.decision,
        Reason: r.reason,
        Blocking: r.blocking,
        Plans: r.plans.map((p) => ({ Decision: p.decision, Edits: p.edits.map((e) => ({ ...e })) })),
      })),
    };
    return { exitCode: 0, stdout: `${JSON.stringify(printed, null, 4)}\n`, stderr: '' };
  }
  if (reports.length === 0) {
    const what =
      ran.exitCode === 0
        ? 'The command was allowed: nothing to repair.'
        : 'The command failed, but no authorization check denied it (see its error above).';
    return { exitCode: ran.exitCode === 0 ? 0 : 1, stdout: `${ran.stdout}${what}\n`, stderr: ran.stderr };
  }
  const lines: string[] = [ran.stderr.trim(), ''];
  for (const { decision: d, report: r } of reports) {
    lines.push(
      `DENIED (${r.decision}): ${d.request.principal.arn || 'an anonymous caller'} → ${d.request.action} on ${d.request.resource}`,
    );
    lines.push(`  Blocked by: ${r.blocking} [${r.reason}]`);
    if (r.plans.length === 0) lines.push('  No edit found that would allow it.');
    else lines.push('  What would allow it (each checked again by the engine):');
    r.plans.forEach((p, i) => {
      lines.push(`   ${i + 1}. ${p.edits.map((e) => e.words).join('\n      then ')}  → ${p.decision}`);
      for (const e of p.edits) if (e.statement && e.kind !== 'removeStatement') lines.push(`      ${JSON.stringify(e.statement)}`);
    });
  }
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

async function escalationPaths(argv: readonly string[], host: AnalysisHost): Promise<AnalysisOutcome> {
  const options = parse(argv, {
    '--world': { value: true },
    '--output': { value: true, choices: ['json', 'text'] },
    '--target-action': { value: true },
    '--target-resource': { value: true },
  });
  const path = options.get('--world');
  if (path === undefined) throw new UsageError('escalation-paths needs --world FILE');
  const action = options.get('--target-action');
  const resource = options.get('--target-resource');
  if ((action === undefined) !== (resource === undefined)) throw new UsageError('--target-action and --target-resource go together');
  const world = await host.openWorldFile(path);
  const { worldEscalationPaths } = await import('../sim/analyze/world-input.ts');
  const { TECHNIQUES } = await import('../sim/analyze/techniques.ts');
  const paths = await worldEscalationPaths(world, action !== undefined && resource !== undefined ? { target: { action, resource } } : {});
  if (options.get('--output') === 'json') {
    const printed = {
      Paths: paths.map((p) => ({
        From: p.From,
        To: p.To,
        Steps: p.Steps.map(({ Technique, Principal, Action, Resource, Command }) => ({ Technique, Principal, Action, Resource, Command })),
      })),
    };
    return { exitCode: 0, stdout: `${JSON.stringify(printed, null, 4)}\n`, stderr: '' };
  }
  if (paths.length === 0)
    return { exitCode: 0, stdout: 'No principal can escalate: no path to administrator access was found.\n', stderr: '' };
  const lines: string[] = [];
  for (const p of paths) {
    lines.push(`${p.From} → ${p.To} in ${p.Steps.length} step${p.Steps.length === 1 ? '' : 's'}:`);
    p.Steps.forEach((st, i) => {
      const t = TECHNIQUES[st.Technique];
      lines.push(`  ${i + 1}. ${st.Technique}: ${st.Principal} ${t.words} (${st.Action} on ${st.Resource}; described at ${t.source})`);
      for (const c of st.Commands) lines.push(`       $ ${c}`);
    });
  }
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

async function generatePolicy(argv: readonly string[], host: AnalysisHost): Promise<AnalysisOutcome> {
  const options = parse(argv, {
    '--world': { value: true },
    '--principal-arn': { value: true },
    '--since': { value: true },
    '--until': { value: true },
    '--output': { value: true, choices: ['json', 'text'] },
  });
  const path = options.get('--world');
  const principalArn = options.get('--principal-arn');
  if (path === undefined || principalArn === undefined) throw new UsageError('generate-policy needs --world FILE and --principal-arn ARN');
  const since = options.get('--since');
  if (since !== undefined && Number.isNaN(Date.parse(since)))
    throw new UsageError('--since must be an ISO 8601 time, e.g. 2026-03-02T09:00:00Z');
  const until = options.get('--until');
  if (until !== undefined && Number.isNaN(Date.parse(until)))
    throw new UsageError('--until must be an ISO 8601 time, e.g. 2026-03-02T10:00:00Z');
  const world = await host.openWorldFile(path);
  const { worldGeneratedPolicy } = await import('../sim/analyze/world-input.ts');
  const { AnalysisError } = await import('../sim/analyze/errors.ts');
  let result: Awaited<ReturnType<typeof worldGeneratedPolicy>>;
  try {
    result = await worldGeneratedPolicy(world, principalArn, since, until);
  } catch (error) {
    if (error instanceof AnalysisError && error.code === 'BAD_INPUT') throw new UsageError(error.message);
    throw error;
  }
  if (options.get('--output') === 'json') {
    const printed = {
      PolicyDocument: result.PolicyDocument,
      UnusedGranted: result.UnusedGranted,
      Summary: result.summary,
      Findings: result.findings.map((f) => ({ findingType: f.severity, issueCode: f.code, findingDetails: f.message })),
    };
    return { exitCode: 0, stdout: `${JSON.stringify(printed, null, 4)}\n`, stderr: '' };
  }
  const lines = [
    `From ${result.recordsUsed} successful record${result.recordsUsed === 1 ? '' : 's'} of ${principalArn}${since ? ` since ${since}` : ''}${until ? ` until ${until}` : ''} (${result.recordsFailed} failed, not counted):`,
    JSON.stringify(result.PolicyDocument, null, 4),
    `Compared with the policies it has today: it ${result.summary}.`,
  ];
  for (const f of result.findings) lines.push(`${f.severity}\t${f.code}\t${f.message}`);
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

async function accessFindings(argv: readonly string[], host: AnalysisHost): Promise<AnalysisOutcome> {
  const options = parse(argv, {
    '--world': { value: true },
    '--output': { value: true, choices: ['json', 'text'] },
    '--unused': { value: false },
    '--days': { value: true },
  });
  const path = options.get('--world');
  if (path === undefined) throw new UsageError('access-findings needs --world FILE');
  if (options.has('--days') && !options.has('--unused')) throw new UsageError('--days goes with --unused');
  const days = options.has('--days') ? Number(options.get('--days')) : undefined;
  if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 365))
    throw new UsageError(`--days must be a whole number from 1 to 365 (got "${options.get('--days')}")`);
  const world = await host.openWorldFile(path);
  if (options.has('--unused')) return unusedFindings(world, days, options.get('--output') === 'json');
  const { worldAccessFindings } = await import('../sim/analyze/world-input.ts');
  const findings = await worldAccessFindings(world);
  const zone = world.organization() !== undefined;
  if (options.get('--output') === 'json')
    return { exitCode: 0, stdout: `${JSON.stringify({ Findings: findings }, null, 4)}\n`, stderr: '' };
  if (findings.length === 0)
    return { exitCode: 0, stdout: `No resource policy grants access outside the ${zone ? 'organization' : 'account'}.\n`, stderr: '' };
  const lines = findings.map(
    (f) =>
      `${f.IsPublic ? 'PUBLIC' : 'EXTERNAL'} ${f.ResourceType} ${f.Resource}: ${f.Principal} may ${f.Actions.join(', ')}${f.Condition.length > 0 ? ` when ${f.Condition.map((c) => `${c.ContextKeyName} = ${c.ContextKeyValues.join(',')}`).join(' and ')}` : ''}`,
  );
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

async function unusedFindings(world: World, days: number | undefined, asJson: boolean): Promise<AnalysisOutcome> {
  const { worldUnusedAccess } = await import('../sim/analyze/world-input.ts');
  const findings = await worldUnusedAccess(world, days);
  if (asJson) return { exitCode: 0, stdout: `${JSON.stringify({ Findings: findings }, null, 4)}\n`, stderr: '' };
  const window = `${days ?? 90} days`;
  if (findings.length === 0) return { exitCode: 0, stdout: `No unused access over the last ${window}.\n`, stderr: '' };
  const when = (iso: string | undefined) => (iso === undefined ? 'never used' : `last used ${iso}`);
  const lines = findings.map((f) => {
    if (f.FindingType === 'UnusedPermission')
      return `${f.FindingType} ${f.Resource}: granted but not used in ${window}: ${(f.UnusedServices ?? []).map((s) => `${s.ServiceNamespace} (${when(s.LastAccessed)})`).join(', ')}`;
    return `${f.FindingType} ${f.Resource}${f.AccessKeyId ? ` key ${f.AccessKeyId}` : ''}: ${when(f.LastAccessed)}, nothing in ${window}`;
  });
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}
