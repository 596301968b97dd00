/**
 * EC2's encoded authorization failure messages and STS DecodeAuthorizationMessage (STS API
 * Reference, "DecodeAuthorizationMessage"). The decoded document has AWS's shape: `allowed`,
 * `explicitDeny`, `matchedStatements`, `failures`, and the request `context` (principal, action,
 * resource, condition keys). AWS encrypts it; the simulator scrambles it with a keystream from the
 * world's seed, so it is opaque in the terminal and readable only through the API, as in AWS.
 */
import type { AuthorizationRequest, AuthorizationResult, ContextValue } from '../../evaluate/types.ts';

/** The decoded message, as `DecodedMessage` carries it (JSON text). */
export function decodedMessageOf(request: AuthorizationRequest, result: AuthorizationResult, principalId: string): Record<string, unknown> {
  return {
    allowed: result.decision === 'allowed',
    explicitDeny: result.decision === 'explicitDeny',
    matchedStatements: {
      items: result.decidingStatements.map((s) => ({
        statementId: s.sid ?? '',
        effect: s.effect,
        policyType: s.policyType,
        policyId: s.policyArn ?? s.policyId,
      })),
    },
    failures: { items: [] },
    context: {
      principal: { id: principalId, arn: request.principal.sessionArn ?? request.principal.arn },
      action: request.action,
      resource: request.resource,
      conditions: {
        items: Object.entries(request.context).map(([key, value]) => ({
          key,
          values: { items: valuesOf(value).map((v) => ({ value: String(v) })) },
        })),
      },
    },
  };
}

function valuesOf(value: ContextValue): readonly (string | number | boolean)[] {
  return Array.isArray(value) ? value : [value as string | number | boolean];
}

/** Encodes a decoded message for a world (base64url of the scrambled JSON). */
export function encodeAuthorizationMessage(seed: string, decoded: Record<string, unknown>): string {
  const bytes = scramble(seed, new TextEncoder().encode(JSON.stringify(decoded)));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The JSON text of an encoded message of this world, or undefined when it is not one. */
export function decodeAuthorizationMessage(seed: string, encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
  try {
    const b64 = encoded.replaceAll('-', '+').replaceAll('_', '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      scramble(
        seed,
        Uint8Array.from(binary, (c) => c.charCodeAt(0)),
      ),
    );
    JSON.parse(text);
    return text;
  } catch {
    return undefined;
  }
}

/** XOR with an xorshift32 keystream seeded from the world seed (opacity, not secrecy). */
function scramble(seed: string, bytes: Uint8Array): Uint8Array {
  let x = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) x = Math.imul(x ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  x ||= 1;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = (bytes[i] as number) ^ (x & 0xff);
  }
  return out;
}
