/** Lambda's `LastModified`: ISO 8601 with milliseconds and a `+0000` offset (`2026-03-02T09:00:00.000+0000`). */
export function cliTimestampMillis(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}
