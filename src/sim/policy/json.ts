/**
 * Strict JSON with positions: jsonc-parser's tree with comments and trailing commas refused, plus
 * the guards IAM applies before grammar (allowed characters, size) and one of ours (nesting depth,
 * so a hostile document can't exhaust the stack).
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Position, Span } from './types.ts';

/** IAM's API limit for a policy document field (IAM API, PolicyDocument: 1–131,072 characters). */
export const MAX_POLICY_CHARS = 131_072;
/** Far beyond any real policy (Condition values sit at depth 5); deeper input is hostile. */
export const MAX_DEPTH = 32;

/** Converts offsets to 1-based line/column for one text. */
export class PositionMap {
  readonly #lineStarts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#lineStarts.push(i + 1);
  }
  /** The position of a 0-based offset. */
  at(offset: number): Position {
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1, offset };
  }
  /** The span of [offset, offset + length). */
  span(offset: number, length: number): Span {
    return { start: this.at(offset), end: this.at(offset + length) };
  }
}

/** A problem found before grammar: bad JSON, bad characters, too big, too deep. */
export interface JsonProblem {
  code: 'JSON_SYNTAX' | 'INVALID_CHARACTER' | 'TOO_LARGE' | 'TOO_DEEP';
  offset: number;
  length: number;
  params: Record<string, string>;
}

/** Parses `text` as strict JSON; returns the tree or the first problems (never throws). */
export function parseJson(text: string): { root?: Node; problems: JsonProblem[] } {
  if (text.length > MAX_POLICY_CHARS) {
    return { problems: [{ code: 'TOO_LARGE', offset: 0, length: 0, params: { length: String(text.length), max: String(MAX_POLICY_CHARS) } }] };
  }
  const pre = scanCharactersAndDepth(text);
  if (pre) return { problems: [pre] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    return {
      problems: [
        {
          code: 'JSON_SYNTAX',
          offset: first?.offset ?? 0,
          length: first?.length ?? 0,
          params: { detail: first ? printParseErrorCode(first.error) : 'EmptyDocument' },
        },
      ],
    };
  }
  return { root, problems: [] };
}

/**
 * IAM accepts only tab, LF, CR and U+0020–U+00FF in a policy (IAM API PolicyDocument pattern).
 * The same pass measures bracket depth outside strings.
 */
function scanCharactersAndDepth(text: string): JsonProblem | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) {
      return { code: 'INVALID_CHARACTER', offset: i, length: 1, params: { char: `U+${c.toString(16).toUpperCase().padStart(4, '0')}` } };
    }
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return { code: 'TOO_DEEP', offset: i, length: 1, params: { max: String(MAX_DEPTH) } };
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

/** The text of a JSON scalar as IAM reads it: strings as is, numbers and booleans as their JSON text. */
export function scalarText(node: Node, text: string): string | undefined {
  if (node.type === 'string') return node.value as string;
  if (node.type === 'number' || node.type === 'boolean') return text.slice(node.offset, node.offset + node.length);
  return undefined;
}
