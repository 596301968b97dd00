/**
 * Quotes one word for the terminal's shell (tokenize.ts) so it reaches the CLI unchanged: the
 * inverse of tokenizing. The browser terminal and the Node `iam-dojo aws` command both use it.
 */

/** `value` as one shell word: as is when it has only safe characters, otherwise single-quoted. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[\w@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'"'"'`)}'`;
}
