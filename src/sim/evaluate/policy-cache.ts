/**
 * Parsed policies cached by policy type and text, so repeated requests against unchanged policies
 * skip parsing. Bounded: when full it starts over (policies in play at once are few).
 */
import { parsePolicy } from '../policy/parse.ts';
import type { ParseResult, PolicyType } from '../policy/types.ts';
import type { PolicySource } from './types.ts';

const MAX_ENTRIES = 2000;
const caches = new Map<PolicyType, Map<string, ParseResult>>();

/** The parse result for a policy source (a pre-parsed document is returned as is). */
export function parsedPolicyOf(source: PolicySource): ParseResult {
  const doc = source.document;
  if (typeof doc !== 'string') return { ok: true, policy: doc, errors: [] };
  return parseCached(doc, source.policyType);
}

/** `parsePolicy` with the cache in front. */
export function parseCached(text: string, policyType: PolicyType): ParseResult {
  let cache = caches.get(policyType);
  if (!cache) caches.set(policyType, (cache = new Map()));
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parsePolicy(text, { policyType });
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(text, result);
  return result;
}
