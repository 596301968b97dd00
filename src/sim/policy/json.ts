/**
 * Strict JSON with positions, in one pass. The tree has the shape of jsonc-parser's `Node`
 * (type, value, offset, length, children, parent) so grammar code reads like it would with that
 * library, but it is built directly here: policies are parsed after every keystroke and the
 * engine's budget is a few microseconds (bench/engine.bench.ts). The guards IAM applies before
 * grammar are folded in: allowed characters, size, and a nesting limit so a hostile document
 * cannot exhaust the stack. Comments, trailing commas and other JSON extensions are refused.
 */
import type { Position, Span } from './types.ts';

/** IAM's API limit for a policy document field (IAM API, PolicyDocument: 1–131,072 characters). */
export const MAX_POLICY_CHARS = 131_072;
/** Far beyond any real policy (Condition values sit at depth 5); deeper input is hostile. */
export const MAX_DEPTH = 32;

/**
 * A JSON value with its place. Objects hold `property` nodes as children. A property holds its key
 * itself — the key's text in `value`, its place at `offset` with `keyLength` — and its value node in
 * `item`: no node for the key and no array per property (policies are parsed after every keystroke,
 * and allocation was a large part of it).
 */
export interface Node {
  type: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null | undefined;
  offset: number;
  length: number;
  children: Node[] | undefined;
  parent: Node | undefined;
  /** For a property: the length of its key, quotes included (the key starts at `offset`). */
  keyLength: number;
  /** For a property: its value. */
  item: Node | undefined;
}

/** Every node has the same fields from birth, so the engine sees one object shape. */
function node(type: Node['type'], value: Node['value'], offset: number, length: number, children: Node[] | undefined): Node {
  return { type, value, offset, length, children, parent: undefined, keyLength: 0, item: undefined };
}

/** Converts offsets to 1-based line/column for one text. */
export class PositionMap {
  readonly #lineStarts: number[] = [0];
  #lastLine = 0;
  constructor(text: string) {
    let i = text.indexOf('\n');
    while (i >= 0) {
      this.#lineStarts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }
  /** The position of a 0-based offset. */
  at(offset: number): Position {
    const starts = this.#lineStarts;
    // Offsets are mostly asked for in order: try the line of the previous answer first.
    const last = this.#lastLine;
    if ((starts[last] ?? 0) <= offset && (last + 1 >= starts.length || (starts[last + 1] ?? 0) > offset)) {
      return { line: last + 1, column: offset - (starts[last] ?? 0) + 1, offset };
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.#lastLine = lo;
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

/** Parses `text` as strict JSON; returns the tree or the first problem (never throws). */
export function parseJson(text: string): { root?: Node; problems: JsonProblem[] } {
  if (text.length > MAX_POLICY_CHARS) {
    return {
      problems: [{ code: 'TOO_LARGE', offset: 0, length: 0, params: { length: String(text.length), max: String(MAX_POLICY_CHARS) } }],
    };
  }
  const reader = new JsonReader(text);
  const root = reader.document();
  return root && !reader.problem ? { root, problems: [] } : { problems: reader.problem ? [reader.problem] : [] };
}

/** The text of a JSON scalar as IAM reads it: strings as is, numbers and booleans as their JSON text. */
export function scalarText(n: Node, text: string): string | undefined {
  if (n.type === 'string') return n.value as string;
  if (n.type === 'number' || n.type === 'boolean') return text.slice(n.offset, n.offset + n.length);
  return undefined;
}

/** Reused for every document (parsing is synchronous): see `codesOf`. */
let codeBuffer = new Uint8Array(4096);
const encoder = new TextEncoder();

/**
 * The text's code units as bytes, for the hot loops to read instead of `charCodeAt`: a typed array
 * read costs a fraction of a string read, which must first find out how the string is stored (the
 * reader spent a quarter of its time there, bench/engine.bench.ts). Plain ASCII is copied natively
 * by `encodeInto`; otherwise code units up to U+00FF are copied one by one and higher ones become 0,
 * which sends the reader to its careful path, where it looks at the text itself. Only the first
 * `text.length` bytes belong to this text.
 */
function codesOf(text: string): Uint8Array {
  const n = text.length;
  if (codeBuffer.length < n) codeBuffer = new Uint8Array(Math.max(n, codeBuffer.length * 2));
  const buffer = codeBuffer;
  const { read, written } = encoder.encodeInto(text, buffer);
  if (read !== n || written !== n)
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      buffer[i] = c > 0xff ? 0 : c;
    }
  return buffer;
}

class JsonReader {
  readonly text: string;
  /** The text's code units up to U+00FF (0 for any above), valid below `text.length`. */
  readonly codes: Uint8Array;
  pos = 0;
  problem: JsonProblem | undefined;
  constructor(text: string) {
    this.text = text;
    this.codes = codesOf(text);
  }

  document(): Node | undefined {
    this.skipSpace();
    if (this.pos >= this.text.length) return this.fail('JSON_SYNTAX', this.pos, 'EmptyDocument');
    const root = this.value(0);
    if (!root) return undefined;
    this.skipSpace();
    if (this.pos < this.text.length) return this.unexpected('EndOfFileExpected');
    return root;
  }

  value(depth: number): Node | undefined {
    const c = this.peek();
    if (c === 34) return this.string();
    if (c === 123 || c === 91) {
      if (depth >= MAX_DEPTH) return this.fail('TOO_DEEP', this.pos, '', { max: String(MAX_DEPTH) });
      return c === 123 ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (this.text.startsWith('true', this.pos)) return this.literal('boolean', true, 4);
    if (this.text.startsWith('false', this.pos)) return this.literal('boolean', false, 5);
    if (this.text.startsWith('null', this.pos)) return this.literal('null', null, 4);
    return this.unexpected('ValueExpected');
  }

  object(depth: number): Node | undefined {
    const obj = node('object', undefined, this.pos, 0, []);
    this.pos++;
    this.skipSpace();
    if (this.peek() === 125) {
      this.pos++;
      obj.length = this.pos - obj.offset;
      return obj;
    }
    for (;;) {
      if (this.peek() !== 34) return this.unexpected('PropertyNameExpected');
      const keyOffset = this.pos;
      const key = this.stringValue();
      if (key === undefined) return undefined;
      const keyLength = this.pos - keyOffset;
      this.skipSpace();
      if (this.peek() !== 58) return this.unexpected('ColonExpected');
      this.pos++;
      this.skipSpace();
      const value = this.value(depth);
      if (!value) return undefined;
      const prop = node('property', key, keyOffset, value.offset + value.length - keyOffset, undefined);
      prop.keyLength = keyLength;
      prop.item = value;
      prop.parent = obj;
      value.parent = prop;
      obj.children?.push(prop);
      this.skipSpace();
      const c = this.peek();
      if (c === 44) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (c === 125) {
        this.pos++;
        obj.length = this.pos - obj.offset;
        return obj;
      }
      return this.unexpected('CommaOrCloseBraceExpected');
    }
  }

  array(depth: number): Node | undefined {
    const arr = node('array', undefined, this.pos, 0, []);
    this.pos++;
    this.skipSpace();
    if (this.peek() === 93) {
      this.pos++;
      arr.length = this.pos - arr.offset;
      return arr;
    }
    for (;;) {
      const item = this.value(depth);
      if (!item) return undefined;
      item.parent = arr;
      arr.children?.push(item);
      this.skipSpace();
      const c = this.peek();
      if (c === 44) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (c === 93) {
        this.pos++;
        arr.length = this.pos - arr.offset;
        return arr;
      }
      return this.unexpected('CommaOrCloseBracketExpected');
    }
  }

  string(): Node | undefined {
    const start = this.pos;
    const value = this.stringValue();
    return value === undefined ? undefined : node('string', value, start, this.pos - start, undefined);
  }

  /** Reads a string at `pos` and returns its value (a key needs no node of its own). */
  stringValue(): string | undefined {
    const text = this.text;
    const codes = this.codes;
    const start = this.pos;
    // Fast path, one scan: no escapes and no characters that need a closer look (control
    // characters, anything above U+00FF, which `codes` holds as 0) up to the closing quote.
    const n = text.length;
    let i = start + 1;
    for (; i < n; i++) {
      const c = codes[i] as number;
      if (c === 34) {
        this.pos = i + 1;
        return text.slice(start + 1, i);
      }
      if (c === 92 || c < 0x20) break;
    }
    // The careful path, from the first character that needs it (those before it are plain).
    let chunkStart = start + 1;
    let out = '';
    for (;;) {
      if (i >= text.length) return this.fail('JSON_SYNTAX', start, 'UnexpectedEndOfString');
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 0x20 || c > 0xff) {
        // IAM accepts only tab, LF, CR and U+0020–U+00FF (IAM API PolicyDocument pattern);
        // a raw tab or newline inside a JSON string is still a JSON error.
        if (c > 0xff) return this.fail('INVALID_CHARACTER', i, '', { char: charName(c) });
        return this.fail(c === 9 || c === 10 || c === 13 ? 'JSON_SYNTAX' : 'INVALID_CHARACTER', i, 'InvalidCharacter', {
          char: charName(c),
        });
      }
      if (c === 92) {
        out += text.slice(chunkStart, i);
        const e = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === 117) {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return this.fail('JSON_SYNTAX', i, 'InvalidUnicode');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else return this.fail('JSON_SYNTAX', i, 'InvalidEscapeCharacter');
        chunkStart = i;
        continue;
      }
      i++;
    }
    const value = out === '' ? text.slice(chunkStart, i) : out + text.slice(chunkStart, i);
    this.pos = i + 1;
    return value;
  }

  number(): Node | undefined {
    const m = NUMBER.exec(this.text.slice(this.pos, this.pos + 400));
    if (!m) return this.unexpected('InvalidNumberFormat');
    const start = this.pos;
    this.pos += m[0].length;
    return node('number', Number(m[0]), start, m[0].length, undefined);
  }

  literal(type: 'boolean' | 'null', value: boolean | null, length: number): Node {
    const n = node(type, value, this.pos, length, undefined);
    this.pos += length;
    return n;
  }

  /**
   * The code unit at `pos`, or -1 at the end. Every read of the text stays in bounds: one read past
   * the end (NaN) makes V8 recompile the reads of that function with a slow path, and the whole
   * reader ran a tenth slower for the one read at the end of each document (bench/engine.bench.ts).
   */
  peek(): number {
    return this.pos < this.text.length ? (this.codes[this.pos] as number) : -1;
  }

  skipSpace(): void {
    const codes = this.codes;
    const n = this.text.length;
    let i = this.pos;
    while (i < n) {
      const c = codes[i] as number;
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      i++;
    }
    this.pos = i;
  }

  unexpected(detail: string): undefined {
    // The character itself (`codes` holds those above U+00FF as 0).
    const c = this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
    if (c > 0xff) return this.fail('INVALID_CHARACTER', this.pos, '', { char: charName(c) });
    if (this.pos >= this.text.length)
      return this.fail('JSON_SYNTAX', this.pos, detail === 'ValueExpected' ? 'UnexpectedEndOfInput' : detail);
    return this.fail('JSON_SYNTAX', this.pos, c === 47 ? 'CommentsNotAllowed' : detail);
  }

  fail(code: JsonProblem['code'], offset: number, detail: string, params: Record<string, string> = {}): undefined {
    this.problem ??= { code, offset, length: 1, params: detail ? { detail, ...params } : params };
    return undefined;
  }
}

const ESCAPES: Record<number, string> = { 34: '"', 92: '\\', 47: '/', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t' };
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

function charName(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}
