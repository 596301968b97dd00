/**
 * Brings a service response into the form the CLI prints: blobs base64-encoded (CLI v2 default
 * `cli_binary_format`), dates as ISO 8601 with `+00:00` (the CLI's `iso8601` timestamp format).
 */

/** A JSON-only copy of `value`. */
export function normalizeOutput(value: unknown): unknown {
  if (value instanceof Uint8Array) return toBase64(value);
  if (value instanceof Date) return isoTimestamp(value);
  if (Array.isArray(value)) return value.map(normalizeOutput);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      Object.defineProperty(out, key, { value: normalizeOutput(item), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Base64 of bytes without Node's Buffer (this runs in a Web Worker too). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Python's `datetime.isoformat()` of a UTC time: microseconds only when non-zero. */
export function isoTimestamp(date: Date): string {
  const base = date.toISOString().slice(0, 19);
  const ms = date.getUTCMilliseconds();
  return `${base}${ms === 0 ? '' : `.${String(ms * 1000).padStart(6, '0')}`}+00:00`;
}
