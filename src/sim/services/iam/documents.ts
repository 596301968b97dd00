/**
 * Policy documents arriving at IAM: parsed by the policy engine's parser (MalformedPolicyDocument
 * with IAM's wording when they do not parse) and held to IAM's size quotas (LimitExceeded;
 * IAM User Guide, "IAM and AWS STS quotas": managed 6,144, inline user 2,048 / group 5,120 /
 * role 10,240, trust policy 2,048 characters, whitespace not counted).
 */
import { malformedPolicyMessage } from '../../policy/messages.ts';
import { parsePolicy } from '../../policy/parse.ts';
import type { ParsedPolicy, PolicyType } from '../../policy/types.ts';
import type { InlinePolicy } from '../../world/state.ts';
import { limitExceeded, malformedPolicyDocument } from '../errors.ts';

/** Size of a policy as IAM counts it: characters other than whitespace. */
export function policySize(text: string): number {
  return text.replace(/\s/g, '').length;
}

/** Parses a document for its policy type or throws MalformedPolicyDocument. */
export function requireValidDocument(text: string, policyType: PolicyType, managed: boolean): ParsedPolicy {
  const result = parsePolicy(text, { policyType, managed });
  if (!result.ok) throw malformedPolicyDocument(malformedPolicyMessage(result.errors));
  return result.policy;
}

/** A customer managed policy document (CreatePolicy / CreatePolicyVersion). */
export function requireManagedDocument(text: string): ParsedPolicy {
  const parsed = requireValidDocument(text, 'identity', true);
  if (policySize(text) > 6144) throw limitExceeded('Cannot exceed quota for PolicySize: 6144');
  return parsed;
}

const INLINE_LIMIT = { user: 2048, group: 5120, role: 10240 } as const;

/** An inline policy, checking the aggregate inline size of the entity after the change. */
export function requireInlineDocument(
  text: string,
  kind: 'user' | 'group' | 'role',
  entityName: string,
  others: readonly InlinePolicy[],
): ParsedPolicy {
  const parsed = requireValidDocument(text, 'identity', false);
  const total = others.reduce((n, p) => n + policySize(p.document), policySize(text));
  if (total > INLINE_LIMIT[kind])
    throw limitExceeded(`Maximum policy size of ${INLINE_LIMIT[kind]} bytes exceeded for ${kind} ${entityName}`);
  return parsed;
}

/** A role trust policy (CreateRole / UpdateAssumeRolePolicy). */
export function requireTrustDocument(text: string): ParsedPolicy {
  const parsed = requireValidDocument(text, 'trust', false);
  if (policySize(text) > 2048) throw limitExceeded('Cannot exceed quota for ACLSizePerRole: 2048');
  return parsed;
}
