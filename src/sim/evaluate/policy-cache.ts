/**
 * Parsed policies cached by policy type and text, so repeated requests against unchanged policies
 * skip parsing. Bounded: when full it starts over (policies in play at once are few).
 *
 * Looking a fresh text up in a `Map<string, …>` hashes all of it (about 1 µs for a typical policy)
 * and remembering it in a `Set` costs more; both were a tenth of a decision from fresh text
 * (bench/engine.bench.ts). So entries are found by a cheap fingerprint (the length and a sample
 * of characters) and then confirmed with `===`: a fingerprint collision costs a comparison, never
 * a wrong answer.
 */
import { parsePolicy } from '../policy/parse.ts';
import { keepCompiled } from './decide.ts';
import type { ParseResult, PolicyType } from '../policy/types.ts';
import type { PolicySource } from './types.ts';

const MAX_ENTRIES = 128;
/** Slots that remember texts seen once (direct-mapped: a clash only forgets a text). */
const SEEN_SLOTS = 512;
/**
 * Each policy type remembers its texts in its own slots: one text is often read as two types in
 * turn (SimulateCustomPolicy tries a resource policy as a trust policy first), and sharing a slot
 * made the two uses evict each other on every call, so neither was ever cached.
 */
const TYPE_SLOT_OFFSET: Record<PolicyType, number> = {
  identity: 0,
  resource: 61,
  trust: 127,
  scp: 191,
  rcp: 257,
  boundary: 319,
  session: 383,
};

interface Entry {
  text: string;
  policyType: PolicyType;
  result: ParseResult;
}

const cache = new Map<number, Entry[]>();
let cached = 0;
/** The cached entry found or made last (a text's parse never changes, so it stays right after a clear). */
let last: Entry | undefined;
const seenText: (string | undefined)[] = new Array<string | undefined>(SEEN_SLOTS).fill(undefined);
const seenType: (PolicyType | undefined)[] = new Array<PolicyType | undefined>(SEEN_SLOTS).fill(undefined);

/** The parse result for a policy source (a pre-parsed document is returned as is). */
export function parsedPolicyOf(source: PolicySource): ParseResult {
  const doc = source.document;
  if (typeof doc !== 'string') return { ok: true, policy: doc, errors: [] };
  return parseCached(doc, source.policyType);
}

/** `parsePolicy` with the cache in front. */
export function parseCached(text: string, policyType: PolicyType): ParseResult {
  if (typeof text !== 'string') return parsePolicy(text, { policyType });
  // The same policy is often evaluated many times in a row (an editor's checks, a simulation's
  // actions): the same string object is an identity comparison away.
  if (last !== undefined && text === last.text && policyType === last.policyType) return last.result;
  const fp = fingerprint(text);
  const bucket = cache.get(fp);
  if (bucket)
    for (const e of bucket)
      if (e.text === text && e.policyType === policyType) {
        last = e;
        return e.result;
      }
  const result = parsePolicy(text, { policyType });
  // Cache a text on its second use: text typed once (each keystroke) is never retained in the
  // cache, which keeps the garbage collector's work small; policies evaluated again stay parsed.
  const slot = (fp + (TYPE_SLOT_OFFSET[policyType] ?? 0)) & (SEEN_SLOTS - 1);
  if (seenText[slot] !== text || seenType[slot] !== policyType) {
    seenText[slot] = text;
    seenType[slot] = policyType;
    return result;
  }
  if (cached >= MAX_ENTRIES) {
    cache.clear();
    cached = 0;
  }
  if (result.ok) keepCompiled(result.policy);
  const entry: Entry = { text, policyType, result };
  last = entry;
  const list = cache.get(fp);
  if (list) list.push(entry);
  else cache.set(fp, [entry]);
  cached++;
  return result;
}

/** The length and up to ~24 characters spread over the text, mixed into a 31-bit number. */
function fingerprint(text: string): number {
  const n = text.length;
  let h = n;
  const step = n > 24 ? (n / 24) | 0 : 1;
  for (let i = 0; i < n; i += step) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  // The end of the text too: edits near the end must not all share a fingerprint.
  if (n > 0) h = (Math.imul(h, 31) + text.charCodeAt(n - 1)) | 0;
  return h & 0x7fffffff;
}
