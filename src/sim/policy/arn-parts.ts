/** ARN text helpers shared by validation and matching. */

/** Splits at the first five colons, skipping colons inside `${…}` (variable names have colons). */
export function splitFive(text: string): { head: string[]; rest: string } {
  const head: string[] = [];
  let from = 0;
  let i = 0;
  while (head.length < 5 && i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 36 && i + 1 < text.length && text.charCodeAt(i + 1) === 123) {
      const close = text.indexOf('}', i + 2);
      if (close >= 0) {
        i = close + 1;
        continue;
      }
    }
    if (ch === 58) {
      head.push(text.slice(from, i));
      from = i + 1;
    }
    i++;
  }
  return { head, rest: text.slice(from) };
}
