/**
 * Parsed policies cached by policy type and text, so repeated requests against unchanged policies
 * skip parsing. Bounded: when full it starts over (policies in play at once are few).
 */
import { parsePolicy } from '../policy/parse.ts';
import type { ParseResult, PolicyType } from '../policy/types.ts';
import type { PolicySource } from './types.ts';

const MAX_ENTRIES = 128;
const caches = new Map<PolicyType, Map<string, ParseResult>>();
const seenOnce = new Set<string>();

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
  // Cache a text on its second use: text typed once (each keystroke) is never retained, which
  // keeps the garbage collector's work small; policies that are evaluated again stay parsed.
  if (!seenOnce.has(text)) {
    if (seenOnce.size >= 4 * MAX_ENTRIES) seenOnce.clear();
    seenOnce.add(text);
    return result;
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(text, result);
  return result;
}
