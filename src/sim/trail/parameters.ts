/**
 * `requestParameters` and `responseElements` in CloudTrail's shape: the API members with a
 * lower-case first letter (`UserName` → `userName`), secrets left out (CloudTrail never logs
 * passwords, secret keys, MFA seeds or codes), IAM dates as `Mar 2, 2026 2:05:11 PM`.
 */
import { iamTrailDate } from '../world/dates.ts';

const REDACTED = new Set([
  'password',
  'newPassword',
  'oldPassword',
  'secretAccessKey',
  'base32StringSeed',
  'qRCodePNG',
  'tokenCode',
  'authenticationCode1',
  'authenticationCode2',
  'body',
]);
const CLI_TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\+00:00$/;

/** A request or response object in CloudTrail's casing; null when empty. */
export function trailShape(value: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const out = convert(value) as Record<string, unknown>;
  return Object.keys(out).length === 0 ? null : out;
}

/** CloudTrail's camelCase of an API member name (`SerialNumber` → `serialNumber`, `QRCodePNG` → `qRCodePNG`). */
export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (value instanceof Uint8Array) return undefined;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = camelCase(k);
      if (REDACTED.has(key) || v === undefined) continue;
      const converted = convert(v);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  if (typeof value === 'string') {
    const m = CLI_TIMESTAMP.exec(value);
    if (m) return iamTrailDate(Date.parse(value.replace('+00:00', 'Z')));
  }
  return value;
}
