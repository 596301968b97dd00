/**
 * The simulated symmetric cipher. A ciphertext blob carries, as AWS's do, the key it was encrypted
 * under, so Decrypt needs no key ID (KMS API Reference, "Decrypt"). The blob is
 * `SKMS` · key ID · 12-byte nonce · 16-byte tag · body, where the body is the plaintext XORed with a
 * SHA-256 keystream of the key material and nonce, and the tag binds material, nonce, encryption
 * context and plaintext: a different encryption context fails as InvalidCiphertextException
 * (KMS Developer Guide, "Encryption context"). Teaching-grade, not cryptography.
 */
import { sha256 } from '../sha256.ts';

const MAGIC = [0x53, 0x4b, 0x4d, 0x53];
const ID_LENGTH = 36;
const HEADER = MAGIC.length + ID_LENGTH + 12 + 16;

/** Seals `plaintext` under key `keyId` with its hex `material` and a 12-byte `nonce`. */
export function seal(
  keyId: string,
  material: string,
  nonce: readonly number[],
  context: Record<string, string>,
  plaintext: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(HEADER + plaintext.length);
  out.set(MAGIC, 0);
  out.set(new TextEncoder().encode(keyId.padEnd(ID_LENGTH).slice(0, ID_LENGTH)), MAGIC.length);
  out.set(nonce, MAGIC.length + ID_LENGTH);
  out.set(tag(material, nonce, context, plaintext), MAGIC.length + ID_LENGTH + 12);
  out.set(xor(plaintext, keystream(material, nonce, plaintext.length)), HEADER);
  return out;
}

/** The key ID a blob names, or undefined when the blob is not one of this simulator's ciphertexts. */
export function keyIdOf(blob: Uint8Array): string | undefined {
  if (blob.length < HEADER || MAGIC.some((b, i) => blob[i] !== b)) return undefined;
  return new TextDecoder().decode(blob.subarray(MAGIC.length, MAGIC.length + ID_LENGTH)).trim();
}

/** Opens a blob; undefined when the material or the encryption context does not match. */
export function open(material: string, context: Record<string, string>, blob: Uint8Array): Uint8Array | undefined {
  if (keyIdOf(blob) === undefined) return undefined;
  const nonce = [...blob.subarray(MAGIC.length + ID_LENGTH, MAGIC.length + ID_LENGTH + 12)];
  const expected = blob.subarray(MAGIC.length + ID_LENGTH + 12, HEADER);
  const body = blob.subarray(HEADER);
  const plaintext = xor(body, keystream(material, nonce, body.length));
  const actual = tag(material, nonce, context, plaintext);
  return actual.every((b, i) => b === expected[i]) ? plaintext : undefined;
}

function keystream(material: string, nonce: readonly number[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let block = 0; block * 32 < length; block++) {
    const digest = sha256(new TextEncoder().encode(`${material}:${nonce.join(',')}:${block}`));
    out.set(digest.subarray(0, Math.min(32, length - block * 32)), block * 32);
  }
  return out;
}

function tag(material: string, nonce: readonly number[], context: Record<string, string>, plaintext: Uint8Array): Uint8Array {
  const canonical = JSON.stringify(Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const head = new TextEncoder().encode(`${material}:${nonce.join(',')}:${canonical}:`);
  const all = new Uint8Array(head.length + plaintext.length);
  all.set(head);
  all.set(plaintext, head.length);
  return sha256(all).subarray(0, 16);
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) ^ (b[i] as number);
  return out;
}
