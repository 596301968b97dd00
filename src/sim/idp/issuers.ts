/**
 * The identity providers the simulated world runs, by issuer URL, and the check AWS STS makes of a
 * token's signature against its issuer's keys. A token from an issuer the world does not run cannot
 * be verified (STS could not fetch its keys).
 */
import { GITHUB_ACTIONS_ISSUER, GITHUB_ACTIONS_SIGNING_SECRET } from './github-actions.ts';
import { decodeJwt, signatureValid, type DecodedJwt } from './jwt.ts';

/** Issuer URL → its signing secret. */
const SIMULATED_ISSUERS: Readonly<Record<string, string>> = { [GITHUB_ACTIONS_ISSUER]: GITHUB_ACTIONS_SIGNING_SECRET };

/** The issuer URLs the world runs. */
export const SIMULATED_ISSUER_URLS: readonly string[] = Object.keys(SIMULATED_ISSUERS);

/** What checking a token's form and signature found. */
export type TokenCheck =
  | { ok: true; token: DecodedJwt }
  /** NOT_A_JWT: not three base64url JSON parts; UNKNOWN_ISSUER: no simulated issuer has that URL; BAD_SIGNATURE: edited or forged. */
  | { ok: false; reason: 'NOT_A_JWT' | 'UNKNOWN_ISSUER' | 'BAD_SIGNATURE'; token?: DecodedJwt };

/** Decodes a token and checks that its issuer signed it. */
export function checkTokenSignature(text: string): TokenCheck {
  const token = decodeJwt(text);
  if (!token) return { ok: false, reason: 'NOT_A_JWT' };
  const iss = typeof token.claims.iss === 'string' ? token.claims.iss : '';
  const secret = Object.hasOwn(SIMULATED_ISSUERS, iss) ? SIMULATED_ISSUERS[iss] : undefined;
  if (secret === undefined) return { ok: false, reason: 'UNKNOWN_ISSUER', token };
  return signatureValid(token, secret) ? { ok: true, token } : { ok: false, reason: 'BAD_SIGNATURE', token };
}
