/**
 * Worlds in links and files. A share link carries the world's journal deflated (fflate) and
 * base64url-encoded in the URL fragment, so it never reaches a server; on the way in it is
 * size-limited before and after inflating and validated with the journal schema — data only,
 * never executed as code. Imports accept a saved world or `get-account-authorization-details` JSON.
 */
import '../../security/zod-jitless.ts';
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { readScenario, type DroppedOp } from '../../worker/journal-schema.ts';
import type { WorldJournal as Journal } from '../../worker/protocol.ts';

/** Fragment parameter that holds a shared world. */
export const SHARE_PARAM = 'world';
/** Longest share fragment accepted (characters), and longest inflated journal (bytes). */
export const MAX_SHARE_CHARS = 60_000;
export const MAX_INFLATED_BYTES = 2_000_000;
/** Largest import file accepted (characters). */
export const MAX_IMPORT_CHARS = 10_000_000;

/** Why a link or file was refused: a stable code and words for the learner. */
export interface DecodeError {
  code:
    | 'SHARE_EMPTY'
    | 'SHARE_TOO_LARGE'
    | 'SHARE_NOT_BASE64'
    | 'SHARE_NOT_DEFLATE'
    | 'SHARE_INFLATES_TOO_LARGE'
    | 'NOT_JSON'
    | 'NOT_A_WORLD'
    | 'IMPORT_TOO_LARGE';
  message: string;
}

/** What an import turned out to be. */
export type Decoded =
  | { ok: true; kind: 'journal'; journal: Journal; dropped: DroppedOp[] }
  | { ok: true; kind: 'authorizationDetails'; details: Record<string, unknown> }
  | { ok: false; error: DecodeError };

/** The fragment (`#world=...`) that shares `journal`. */
export function encodeShare(journal: Journal): string {
  const packed = deflateSync(strToU8(JSON.stringify(journal)), { level: 9 });
  let binary = '';
  for (const byte of packed) binary += String.fromCharCode(byte);
  return `${SHARE_PARAM}=${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
}

/** Reads a share fragment (with or without the leading `#`); undefined when it holds no world. */
export function decodeShare(fragment: string): Decoded | undefined {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const value = params.get(SHARE_PARAM);
  if (value === null) return undefined;
  // A link cut off after `#world=` (copied in part): say so, instead of a JSON parser's "Unexpected end".
  if (value === '')
    return fail('SHARE_EMPTY', 'The link ends at "#world=" with no world after it; it was cut off. Copy the whole link again.');
  if (value.length > MAX_SHARE_CHARS)
    return fail('SHARE_TOO_LARGE', `The shared world is too large (${value.length} characters; at most ${MAX_SHARE_CHARS}).`);
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return fail('SHARE_NOT_BASE64', 'The link is damaged: the world part is not base64url text.');
  let bytes: Uint8Array;
  try {
    const binary = atob(value.replaceAll('-', '+').replaceAll('_', '/'));
    bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return fail('SHARE_NOT_BASE64', 'The link is damaged: the world part is not base64url text.');
  }
  const inflated = inflateLimited(bytes);
  if (!inflated.ok) return inflated;
  return decodeText(inflated.text);
}

/** Reads an imported file's text: a saved world, or authorization details. */
export function decodeText(text: string): Decoded {
  if (text.length > MAX_IMPORT_CHARS)
    return fail('IMPORT_TOO_LARGE', `The file is too large (${text.length} characters; at most ${MAX_IMPORT_CHARS}).`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail('NOT_JSON', `This is not JSON: ${(error as Error).message}`);
  }
  const looksLikeWorld = data !== null && typeof data === 'object' && !Array.isArray(data) && 'version' in data;
  const read = readScenario(data);
  if (read.ok) return { ok: true, kind: 'journal', journal: read.journal, dropped: read.dropped };
  if (!looksLikeWorld && data && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    const lists = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'];
    if (lists.some((k) => Array.isArray(record[k])) && lists.every((k) => record[k] === undefined || Array.isArray(record[k]))) {
      return { ok: true, kind: 'authorizationDetails', details: record };
    }
  }
  if (looksLikeWorld)
    return fail(
      'NOT_A_WORLD',
      `This looks like a saved IAM Dojo world, but it cannot be opened: ${read.error.message} [${read.error.code}]`,
    );
  return fail(
    'NOT_A_WORLD',
    'This is neither a saved IAM Dojo world nor get-account-authorization-details output (a saved world has "version", "start" and "ops"; authorization details have "UserDetailList" and the other lists).',
  );
}

function inflateLimited(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: DecodeError } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  try {
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > MAX_INFLATED_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    // Feed in slices so a hostile link stops soon after crossing the limit.
    for (let i = 0; i < bytes.length && !tooLarge; i += 1024) inflater.push(bytes.subarray(i, i + 1024), i + 1024 >= bytes.length);
  } catch {
    return fail('SHARE_NOT_DEFLATE', 'The link is damaged: the world part does not decompress.');
  }
  if (tooLarge) return fail('SHARE_INFLATES_TOO_LARGE', `The shared world decompresses to more than ${MAX_INFLATED_BYTES} bytes.`);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return { ok: true, text: strFromU8(all) };
}

function fail(code: DecodeError['code'], message: string): { ok: false; error: DecodeError } {
  return { ok: false, error: { code, message } };
}
