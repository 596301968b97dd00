/**
 * The words the widgets put around the engine's stable codes: decisions, evaluation-flow steps and
 * outcomes. One place, so they can be tested and changed together. The words for the codes
 * themselves come from the engine's one catalog (src/sim/evaluate/explanation-codes.ts).
 */
import type { DecidingLayer, Decision, FlowStep } from '../../sim/evaluate/types.ts';

/** The verdict in words (never colour alone). */
export const DECISION_WORDS: Record<Decision, { short: string; long: string; glyph: string }> = {
  allowed: { short: 'Allowed', long: 'Allowed — a policy allows it and nothing denies it', glyph: '✓' },
  explicitDeny: { short: 'Denied (explicit)', long: 'Denied — an explicit Deny statement matched', glyph: '✗' },
  implicitDeny: { short: 'Denied (implicit)', long: 'Denied — no policy allows it (implicit deny)', glyph: '✗' },
};

/** The evaluation-flow steps in the order AWS takes them (IAM User Guide, "Policy evaluation logic"). */
export const FLOW_ORDER: readonly FlowStep['step'][] = [
  'root',
  'deny',
  'rcp',
  'scp',
  'resource',
  'identity',
  'boundary',
  'session',
  'crossAccount',
];

/** The question each flow step asks. */
export const STEP_QUESTIONS: Record<FlowStep['step'], string> = {
  root: 'Is the caller the account root user?',
  deny: 'Does any policy explicitly deny?',
  rcp: 'Do the resource control policies allow?',
  scp: 'Do the service control policies allow?',
  resource: 'Does a resource-based policy allow?',
  identity: 'Does an identity-based policy allow?',
  boundary: 'Does the permissions boundary allow?',
  session: 'Does the session policy allow?',
  crossAccount: 'Cross-account: do both accounts allow?',
  final: 'Final decision',
};

/** What a step's outcome means, in words. */
export const OUTCOME_WORDS: Record<FlowStep['outcome'], { text: string; glyph: string }> = {
  allow: { text: 'allows — the request is allowed here', glyph: '✓' },
  deny: { text: 'explicit deny — the request is denied here', glyph: '✗' },
  implicitDeny: { text: 'no allow — the request is denied here (implicit)', glyph: '✗' },
  continue: { text: 'passes — evaluation continues', glyph: '↓' },
  skip: { text: 'does not apply to this request', glyph: '–' },
};

/** Which layer decided, in words. */
export const LAYER_WORDS: Record<DecidingLayer, string> = {
  identity: 'an identity-based policy',
  resource: 'a resource-based policy',
  trust: 'the role trust policy',
  scp: 'a service control policy (SCP)',
  rcp: 'a resource control policy (RCP)',
  boundary: 'the permissions boundary',
  session: 'the session policy',
  key: 'the KMS key policy',
  root: "the root user's full access",
  none: 'no policy (nothing allowed the request)',
  request: 'the request itself (it is invalid)',
};

/** Names of the policy types, for tables and headings. */
export const POLICY_TYPE_WORDS: Record<string, string> = {
  identity: 'Identity-based policy',
  resource: 'Resource-based policy',
  trust: 'Trust policy',
  scp: 'Service control policy',
  rcp: 'Resource control policy',
  boundary: 'Permissions boundary',
  session: 'Session policy',
};

export { explanationInWords } from '../../sim/evaluate/explanation-codes.ts';

/**
 * A policy's name for people: the name or ARN it has, else its place in the request in words
 * ("policy 1" for `PolicyInputList.1`); undefined when the policy type alone names it.
 */
export function policyLabel(policy: { policyId: string; name?: string | undefined }): string | undefined {
  if (policy.name) return `“${policy.name}”`;
  const listed = /^(?:PolicyInputList|PermissionsBoundaryPolicyInputList)\.(\d+)$/.exec(policy.policyId);
  if (listed) return listed[0].startsWith('Permissions') ? undefined : `policy ${listed[1]}`;
  if (policy.policyId === 'ResourcePolicy') return undefined;
  return policy.policyId;
}
