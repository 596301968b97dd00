/**
 * A JSON reader that fails like Python's `json.loads`, which the CLI uses for JSON parameter values
 * and `--cli-input-json`: the same messages (`Expecting value: line 1 column 1 (char 0)`) and a
 * nesting limit instead of a stack overflow on hostile input.
 */

/** Deepest nesting accepted; Python's decoder stops near its recursion limit of 1000. */
export const MAX_JSON_DEPTH = 900;

/** A JSON syntax error with Python's wording and position. */
export class PyJsonError extends Error {
  /** @param message Python's text including `line L column C (char N)`. */
  constructor(message: string) {
    super(message);
    this.name = 'PyJsonError';
  }
}

/** Parses `text` as Python's json.loads would; object keys keep their order, the last duplicate wins. */
export function parsePythonJson(text: string): unknown {
  const reader = new Reader(text);
  reader.skipSpace();
  const value = reader.value(0);
  reader.skipSpace();
  if (reader.pos < text.length) throw reader.error('Extra data', reader.pos);
  return value;
}

class Reader {
  pos = 0;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  error(what: string, at: number): PyJsonError {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return new PyJsonError(`${what}: line ${line} column ${column} (char ${at})`);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos] as string)) this.pos += 1;
  }

  value(depth: number): unknown {
    if (depth > MAX_JSON_DEPTH) {
      throw new PyJsonError('maximum recursion depth exceeded while decoding a JSON document');
    }
    const ch = this.text[this.pos];
    if (ch === '{') return this.object(depth);
    if (ch === '[') return this.array(depth);
    if (ch === '"') return this.string();
    for (const [word, result] of [
      ['null', null],
      ['true', true],
      ['false', false],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return result;
      }
    }
    const number = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (number !== null) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    throw this.error('Expecting value', this.pos);
  }

  object(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos += 1;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return result;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') {
        throw this.error('Expecting property name enclosed in double quotes', this.pos);
      }
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') throw this.error("Expecting ':' delimiter", this.pos);
      this.pos += 1;
      this.skipSpace();
      const value = this.value(depth + 1);
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === '}') {
        this.pos += 1;
        return result;
      }
      if (next !== ',') throw this.error("Expecting ',' delimiter", this.pos);
      this.pos += 1;
      this.skipSpace();
    }
  }

  array(depth: number): unknown[] {
    const result: unknown[] = [];
    this.pos += 1;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return result;
    }
    for (;;) {
      result.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ']') {
        this.pos += 1;
        return result;
      }
      if (next !== ',') throw this.error("Expecting ',' delimiter", this.pos);
      this.pos += 1;
      this.skipSpace();
    }
  }

  string(): string {
    const start = this.pos;
    this.pos += 1;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) throw this.error('Unterminated string starting at', start);
      if (ch === '"') {
        this.pos += 1;
        return out;
      }
      if (ch < ' ') throw this.error('Invalid control character at', this.pos);
      if (ch !== '\\') {
        out += ch;
        this.pos += 1;
        continue;
      }
      const esc = this.text[this.pos + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (esc !== undefined && esc in simple) {
        out += simple[esc];
        this.pos += 2;
      } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
        this.pos += 6;
      } else if (esc === 'u') {
        throw this.error('Invalid \\uXXXX escape', this.pos + 1);
      } else if (esc === undefined) {
        throw this.error('Unterminated string starting at', start);
      } else {
        throw this.error('Invalid \\escape', this.pos);
      }
    }
  }
}
