/**
 * The explanation of a decision in plain words, line by line (for `--explain` and screen readers):
 * the verdict and its reason, the path through the AWS evaluation flow, then every policy and
 * statement with what matched and what did not.
 */
import { explanationInWords, POLICY_TYPE_NAMES } from '../evaluate/explanation-codes.ts';
import { reasonInWords } from '../evaluate/messages.ts';
import type {
  AuthorizationRequest,
  AuthorizationResult,
  ConditionExplanation,
  ElementMatch,
  FlowStep,
  StatementExplanation,
} from '../evaluate/types.ts';

/** Explains one decision as lines of text. */
export function explainInWords(request: AuthorizationRequest, result: AuthorizationResult): string[] {
  const lines: string[] = [];
  const who = request.principal.arn || 'an anonymous caller';
  const verdict = result.decision === 'allowed' ? 'ALLOWED' : `DENIED (${result.decision})`;
  lines.push(`${verdict}: ${who} → ${request.action} on ${request.resource}`);
  lines.push(`  Why: ${reasonInWords(result.reason, result.decidingLayer)} [${result.reason}]`);
  if (result.explanation.crossAccount) lines.push('  The caller and the resource are in different accounts: both sides must allow.');
  lines.push('  Evaluation flow:');
  for (const step of result.explanation.steps) lines.push(`    - ${stepWords(step)}`);
  for (const policy of result.explanation.policies) {
    const label = `${POLICY_TYPE_NAMES[policy.policyType] ?? policy.policyType} ${policy.name ?? policy.policyId}${policy.level !== undefined ? ` (level ${policy.level})` : ''}`;
    lines.push(
      `  ${label}: ${policy.outcome === 'error' ? 'NOT VALID' : policy.outcome === 'none' ? 'no statement applies' : `${policy.outcome === 'allow' ? 'allows' : 'denies'}`}`,
    );
    for (const e of policy.errors ?? [])
      lines.push(`    error ${e.code} at line ${e.span.start.line}, column ${e.span.start.column}: ${e.message}`);
    for (const s of policy.statements) lines.push(...statementWords(s));
  }
  if (result.explanation.missingContextKeys.length > 0)
    lines.push(`  Context keys the policies ask for but the request does not carry: ${result.explanation.missingContextKeys.join(', ')}`);
  return lines;
}

function stepWords(step: FlowStep): string {
  const params = Object.entries(step.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return `${step.step}: ${step.outcome} — ${explanationInWords(step.code, step.params)} [${step.code}${params ? `; ${params}` : ''}]`;
}

function statementWords(s: StatementExplanation): string[] {
  const name = s.sid ? `"${s.sid}"` : `#${s.statementIndex + 1}`;
  const out = [`    Statement ${name} (${s.effect}, line ${s.span.start.line}): ${s.applies ? 'APPLIES' : 'does not apply'}`];
  out.push(`      ${elementWords(s.action)}`);
  if (s.resource) out.push(`      ${elementWords(s.resource)}`);
  if (s.principal) out.push(`      ${elementWords(s.principal)}`);
  for (const c of s.conditions) out.push(`      ${conditionWords(c)}`);
  return out;
}

function elementWords(m: ElementMatch): string {
  const verdict = m.matched ? 'matches' : 'does not match';
  const via = m.matchedPattern !== undefined ? ` (${m.element.startsWith('Not') ? 'listed' : 'via'} "${m.matchedPattern}")` : '';
  const vars = (m.resolved ?? [])
    .map(
      (r) =>
        `${r.pattern} → ${r.resolvedPattern ?? 'nothing (a variable has no value)'} [${r.variables.map((v) => `${v.variable}=${v.value ?? 'missing'}`).join(', ')}]`,
    )
    .join('; ');
  return `${m.element}: ${verdict}${via} — ${explanationInWords(m.code)} [${m.code}]${vars ? `; variables: ${vars}` : ''}`;
}

function conditionWords(c: ConditionExplanation): string {
  const req = c.keyPresent
    ? `request has ${JSON.stringify(c.requestValues.length === 1 ? c.requestValues[0] : c.requestValues)}`
    : 'key not in request';
  const pol = c.policyValues
    .map((v) =>
      v.resolved !== null && v.resolved !== v.raw ? `${v.raw} (= ${v.resolved})` : v.resolved === null ? `${v.raw} (no value)` : v.raw,
    )
    .join(' | ');
  return `Condition ${c.operator} ${c.key}: ${c.matched ? 'true' : 'false'} — ${req}; policy says ${pol}. ${explanationInWords(c.code)} [${c.code}]`;
}
