/**
 * JSON Web Tokens as the simulated identity providers issue them: `header.payload.signature`, each
 * part base64url (RFC 7519, RFC 7515 compact serialization). The signature is not RSA: it is the
 * SHA-256 digest of the issuer's secret and the signed text, so any edited byte of the header or the
 * payload fails verification exactly as a forged RS256 signature would, and only the simulated issuer
 * can mint a token that verifies. (Choice documented in src/sim/idp/README.md.)
 */
import { sha256 } from '../services/sha256.ts';

/** The claims of an ID token (RFC 7519 §4.1 registered claims plus the issuer's own). */
export type JwtClaims = Record<string, unknown> & { iss?: unknown; sub?: unknown; aud?: unknown; exp?: unknown };

/** A token split into its parts, before its signature is checked. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: JwtClaims;
  /** `header.payload`: the text the signature covers. */
  signedText: string;
  signature: string;
}

/** Signs header and claims with `secret` into a compact JWT. */
export function signJwt(header: Record<string, unknown>, claims: JwtClaims, secret: string): string {
  const signedText = `${base64UrlOfText(JSON.stringify(header))}.${base64UrlOfText(JSON.stringify(claims))}`;
  return `${signedText}.${signatureOf(signedText, secret)}`;
}

/** Splits and parses a compact JWT; undefined when it is not three base64url parts holding JSON objects. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  const [h, p, signature] = parts as [string, string, string];
  const header = jsonObject(textOfBase64Url(h));
  const claims = jsonObject(textOfBase64Url(p));
  if (!header || !claims) return undefined;
  return { header, claims, signedText: `${h}.${p}`, signature };
}

/** True when the token's signature is the one `secret` gives its header and payload. */
export function signatureValid(decoded: DecodedJwt, secret: string): boolean {
  return decoded.signature === signatureOf(decoded.signedText, secret);
}

function signatureOf(signedText: string, secret: string): string {
  return base64UrlOfBytes(sha256(new TextEncoder().encode(`${secret}.${signedText}`)));
}

function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function base64UrlOfText(text: string): string {
  return base64UrlOfBytes(new TextEncoder().encode(text));
}

function base64UrlOfBytes(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function textOfBase64Url(part: string): string | undefined {
  try {
    const binary = atob(part.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (part.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
