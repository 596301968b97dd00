/**
 * The AWS CLI shorthand syntax (CLI user guide, "Using shorthand syntax with the AWS CLI"):
 * `Key=a,Value=b`, csv lists `Names=a,b,c`, explicit lists `Names=[a,b]`, nested structures
 * `Outer={Inner=x}`, quoted values `Key='a,b'`, and `\,` for a literal comma.
 */

/** A parsed shorthand value before it is fitted to the parameter's shape. */
export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

/** A shorthand syntax error, worded as awscli/shorthand.py words it. */
export class ShorthandError extends Error {
  /** @param message `Expected: '=', received: 'EOF' for input:\n...\n   ^`. */
  constructor(message: string) {
    super(message);
    this.name = 'ShorthandError';
  }
}

const KEY_CHAR = /[A-Za-z0-9_.#/:@-]/;

/** Parses one shorthand argument into key/value pairs. */
export function parseShorthand(input: string): Record<string, ShorthandValue> {
  const parser = new Parser(input);
  const result = parser.keyvals('');
  if (parser.pos < input.length) parser.fail('EOF');
  return result;
}

class Parser {
  pos = 0;
  readonly input: string;
  constructor(input: string) {
    this.input = input;
  }

  fail(expected: string): never {
    const actual = this.pos < this.input.length ? (this.input[this.pos] as string) : 'EOF';
    throw new ShorthandError(`Expected: '${expected}', received: '${actual}' for input:\n${this.input}\n${' '.repeat(this.pos)}^`);
  }

  space(): void {
    while (this.input[this.pos] === ' ') this.pos += 1;
  }

  keyvals(closing: string): Record<string, ShorthandValue> {
    const result: Record<string, ShorthandValue> = {};
    for (;;) {
      this.space();
      const key = this.key();
      this.space();
      if (this.input[this.pos] !== '=') this.fail('=');
      this.pos += 1;
      const value = this.values(closing);
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.space();
      if (this.input[this.pos] !== ',') return result;
      this.pos += 1;
    }
  }

  key(): string {
    const start = this.pos;
    while (this.pos < this.input.length && KEY_CHAR.test(this.input[this.pos] as string)) this.pos += 1;
    if (this.pos === start) this.fail('=');
    return this.input.slice(start, this.pos);
  }

  values(closing: string): ShorthandValue {
    this.space();
    const ch = this.input[this.pos];
    if (ch === '[') return this.explicitList();
    if (ch === '{') {
      this.pos += 1;
      const inner = this.input[this.pos] === '}' ? {} : this.keyvals('}');
      this.space();
      if (this.input[this.pos] !== '}') this.fail('}');
      this.pos += 1;
      return inner;
    }
    const first = this.scalar(closing);
    const list: string[] = [first];
    // `Key=a,b,c` is a list until the next `name=` starts a new pair.
    while (this.input[this.pos] === ',' && !this.nextIsKeyval()) {
      this.pos += 1;
      list.push(this.scalar(closing));
    }
    return list.length === 1 ? first : list;
  }

  nextIsKeyval(): boolean {
    let i = this.pos + 1;
    while (this.input[i] === ' ') i += 1;
    const start = i;
    while (i < this.input.length && KEY_CHAR.test(this.input[i] as string)) i += 1;
    while (this.input[i] === ' ') i += 1;
    return i > start && this.input[i] === '=';
  }

  explicitList(): ShorthandValue[] {
    this.pos += 1;
    const items: ShorthandValue[] = [];
    this.space();
    if (this.input[this.pos] === ']') {
      this.pos += 1;
      return items;
    }
    for (;;) {
      this.space();
      if (this.input[this.pos] === '{') {
        this.pos += 1;
        items.push(this.keyvals('}'));
        this.space();
        if (this.input[this.pos] !== '}') this.fail('}');
        this.pos += 1;
      } else if (this.input[this.pos] === '[') {
        items.push(this.explicitList());
      } else {
        items.push(this.scalar(']'));
      }
      this.space();
      if (this.input[this.pos] === ']') {
        this.pos += 1;
        return items;
      }
      if (this.input[this.pos] !== ',') this.fail(']');
      this.pos += 1;
    }
  }

  scalar(closing: string): string {
    this.space();
    const quote = this.input[this.pos];
    if (quote === "'" || quote === '"') {
      let out = '';
      this.pos += 1;
      while (this.pos < this.input.length && this.input[this.pos] !== quote) {
        if (this.input[this.pos] === '\\' && this.input[this.pos + 1] === quote) this.pos += 1;
        out += this.input[this.pos];
        this.pos += 1;
      }
      if (this.pos >= this.input.length) this.fail(quote);
      this.pos += 1;
      this.space();
      return out;
    }
    let out = '';
    while (this.pos < this.input.length) {
      const ch = this.input[this.pos] as string;
      if (ch === '\\' && this.input[this.pos + 1] === ',') {
        out += ',';
        this.pos += 2;
        continue;
      }
      if (ch === ',' || (closing !== '' && ch === closing)) break;
      out += ch;
      this.pos += 1;
    }
    return out.trim();
  }
}
