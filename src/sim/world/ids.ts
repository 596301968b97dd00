/**
 * Deterministic identifiers with AWS's shapes (IAM User Guide, "IAM identifiers", unique IDs):
 * 4-letter prefix + 17 characters of `A-Z2-7`; access key IDs are 20 characters whose characters
 * 5–12 encode the account ID; secrets are 40 base64 characters. The same seed gives the same
 * sequence; the generator keeps only a counter, so it saves and restores with the world.
 */

/** Unique-ID prefixes AWS uses, by entity. */
export const ID_PREFIX = {
  user: 'AIDA',
  group: 'AGPA',
  role: 'AROA',
  policy: 'ANPA',
  policyVersion: 'ANVA',
  instanceProfile: 'AIPA',
  accessKey: 'AKIA',
  temporaryAccessKey: 'ASIA',
} as const;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';

/** Where the generator keeps its position: a field of the saved world. */
export interface IdCounter {
  seed: string;
  idCounter: number;
}

/** Deterministic id source over a saved counter. */
export class IdGenerator {
  readonly #state: IdCounter;
  readonly #seedHash: number;

  constructor(state: IdCounter) {
    this.#state = state;
    this.#seedHash = fnv1a(state.seed);
  }

  /** Next 32-bit pseudo-random value. */
  next(): number {
    const n = this.#state.idCounter++;
    return mix32((this.#seedHash + Math.imul(n, 0x9e3779b9)) >>> 0);
  }

  /** `count` characters drawn from `alphabet`. */
  chars(alphabet: string, count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet[this.next() % alphabet.length];
    return out;
  }

  /** A unique ID such as `AIDA` + 17 base32 characters (21 characters). */
  uniqueId(prefix: string): string {
    return prefix + this.chars(BASE32, 17);
  }

  /** An access key ID (`AKIA`/`ASIA` + 16 characters) that encodes the account ID as AWS's do. */
  accessKeyId(prefix: string, accountId: string): string {
    // Bits 7..46 of the first 6 bytes carry the account (awsteele.com, "AWS Access Key ID formats").
    const account = Number(accountId);
    const y = account * 128 + (this.next() % 128) + (this.next() % 2) * 2 ** 47;
    const bytes: number[] = [];
    for (let k = 5; k >= 0; k--) bytes.push(Math.floor(y / 2 ** (8 * k)) % 256);
    for (let k = 0; k < 4; k++) bytes.push(this.next() % 256);
    return prefix + base32(bytes);
  }

  /** A 40-character secret access key. */
  secretAccessKey(): string {
    return this.chars(BASE64, 40);
  }

  /** An opaque session token shaped like STS's (base64, starting as real ones do). */
  sessionToken(): string {
    return 'IQoJb3JpZ2luX2VjE' + this.chars(BASE64, 340);
  }

  /** A lowercase UUID v4 (CloudTrail eventID, IAM/STS requestID). */
  uuid(): string {
    const hex = this.chars(HEX, 32).split('');
    hex[12] = '4';
    hex[16] = HEX[8 + (this.next() % 4)] ?? '8';
    const s = hex.join('');

    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** An S3 request ID: 16 characters of `A-Z0-9`. */
  s3RequestId(): string {
    return this.chars(UPPER_DIGITS, 16);
  }

  /** An S3 extended request ID (`x-amz-id-2`). */
  s3ExtendedRequestId(): string {
    return this.chars(BASE64, 76);
  }

  /** `count` random bytes. */
  bytes(count: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push(this.next() % 256);
    return out;
  }

  /** A virtual MFA seed: 40 random bytes, base32-encoded to 64 characters as IAM's are. */
  mfaSeedBase32(): string {
    return base32(this.bytes(40));
  }
}

/** RFC 4648 base32 without padding. */
export function base32(bytes: readonly number[]): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The account ID encoded in an access key ID (inverse of `accessKeyId`). */
export function accountIdOfAccessKey(accessKeyId: string): string {
  const chars = accessKeyId.slice(4);
  let y = 0;
  for (let i = 0; i < 10; i++) y = y * 32 + BASE32.indexOf(chars[i] ?? 'A'); // first 50 bits
  const first48 = Math.floor(y / 4);
  return String(Math.floor((first48 % 2 ** 47) / 128)).padStart(12, '0');
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function mix32(z: number): number {
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
