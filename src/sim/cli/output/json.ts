/**
 * `--output json`: Python's `json.dump(response, indent=4, ensure_ascii=False)` plus a newline,
 * nothing at all for an empty response object (awscli/formatter.py JSONFormatter).
 */

/** The CLI's JSON rendering of an already-normalized response (or query result). */
export function formatJson(value: unknown): string {
  if (isEmptyObject(value)) return '';
  return `${JSON.stringify(value, null, 4)}\n`;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
