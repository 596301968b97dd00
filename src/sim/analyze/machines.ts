/**
 * String predicates as finite automata, so the comparison can enumerate every way a string can
 * satisfy a set of patterns instead of sampling. Each machine mirrors one matcher of the engine:
 * glob matching (src/sim/evaluate/wildcard.ts), equality with or without case, and resource / ARN
 * matching segment by segment (src/sim/evaluate/arn.ts: the fast path when the resource has five
 * colons and no head segment ends in `*` other than `*` itself, the "spill" path otherwise).
 * Tests replay what a machine accepts through the engine, so a drift between the two is caught.
 */
import { splitFive } from '../policy/arn-parts.ts';
import { compileWildcard, QMARK, STAR, type CompiledPattern } from '../evaluate/wildcard.ts';

/** A deterministic string predicate: states are opaque, told apart by `key`. */
export interface Machine {
  start: unknown;
  step(state: unknown, ch: number): unknown;
  accepts(state: unknown): boolean;
  key(state: unknown): string;
  /** Characters whose identity matters to this machine (literals, and their case variants). */
  alphabet: Set<number>;
}

const COLON = 58;

/** One position of a glob: a literal code unit, `?` or `*`, and whether the wildcard may take `:`. */
interface Token {
  code: number;
  colon: boolean;
}

/** A glob over code units (STAR / QMARK markers as in wildcard.ts). */
export function globMachine(tokens: readonly Token[], ignoreCase = false): Machine {
  const n = tokens.length;
  const lower = (c: number): number => (ignoreCase && c >= 65 && c <= 90 ? c + 32 : c);
  const closure = (set: number[]): number[] => {
    const out = new Set<number>();
    const stack = [...set];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      if (out.has(i)) continue;
      out.add(i);
      if (i < n && tokens[i]?.code === STAR) stack.push(i + 1);
    }
    return [...out].sort((a, b) => a - b);
  };
  const alphabet = new Set<number>();
  for (const t of tokens) {
    if (t.code < 0) continue;
    alphabet.add(t.code);
    if (ignoreCase) {
      const ch = String.fromCharCode(t.code);
      alphabet.add(ch.toLowerCase().charCodeAt(0));
      alphabet.add(ch.toUpperCase().charCodeAt(0));
    }
  }
  return {
    start: closure([0]),
    step(state, ch) {
      const next: number[] = [];
      for (const i of state as number[]) {
        const t = tokens[i];
        if (!t) continue;
        if (t.code === STAR) {
          if (t.colon || ch !== COLON) next.push(i);
        } else if (t.code === QMARK) {
          if (t.colon || ch !== COLON) next.push(i + 1);
        } else if (lower(t.code) === lower(ch)) next.push(i + 1);
      }
      return closure(next);
    },
    accepts: (state) => (state as number[]).includes(n),
    key: (state) => (state as number[]).join(','),
    alphabet,
  };
}

/** Tokens of a compiled pattern; `colon` says whether its wildcards may take `:`. */
export function tokensOf(pattern: CompiledPattern | string, colon: boolean): Token[] {
  const compiled = typeof pattern === 'string' ? compileWildcard(pattern) : pattern;
  return Array.from(compiled, (code) => ({ code, colon }));
}

/** Literal text (no wildcards). */
export function literalTokens(text: string): Token[] {
  return Array.from(text, (c) => ({ code: c.charCodeAt(0), colon: true }));
}

/** Accepts every string. */
export function trueMachine(): Machine {
  return { start: 0, step: () => 0, accepts: () => true, key: () => 't', alphabet: new Set() };
}

/** Accepts nothing (a pattern whose variable had no value). */
export function falseMachine(): Machine {
  return { start: 0, step: () => 0, accepts: () => false, key: () => 'f', alphabet: new Set() };
}

/** Both machines accept. */
export function both(a: Machine, b: Machine): Machine {
  return pair(a, b, (x, y) => x && y);
}

/** Either machine accepts. */
export function either(a: Machine, b: Machine): Machine {
  return pair(a, b, (x, y) => x || y);
}

function pair(a: Machine, b: Machine, op: (x: boolean, y: boolean) => boolean): Machine {
  return {
    start: [a.start, b.start],
    step: (s, ch) => {
      const [x, y] = s as [unknown, unknown];
      return [a.step(x, ch), b.step(y, ch)];
    },
    accepts: (s) => {
      const [x, y] = s as [unknown, unknown];
      return op(a.accepts(x), b.accepts(y));
    },
    key: (s) => {
      const [x, y] = s as [unknown, unknown];
      return `(${a.key(x)}|${b.key(y)})`;
    },
    alphabet: new Set([...a.alphabet, ...b.alphabet]),
  };
}

/** Strings with fewer than five colons (the engine then takes its "spill" path). */
function fewerThanFiveColons(): Machine {
  return {
    start: 0,
    step: (s, ch) => Math.min(5, (s as number) + (ch === COLON ? 1 : 0)),
    accepts: (s) => (s as number) < 5,
    key: (s) => String(s),
    alphabet: new Set([COLON]),
  };
}

/**
 * The engine's resource match for one pattern whose resource part is already resolved
 * (`rest` compiled, variables substituted as literals). Mirrors matchSplit/matchWithSpill.
 */
export function arnPatternMachine(head: readonly string[], rest: CompiledPattern): Machine {
  const full = head.length === 5;
  const restEndsWithStar = rest.length > 0 && rest[rest.length - 1] === STAR;
  const colonTok: Token = { code: COLON, colon: true };
  // Spill path: a head segment ending in `*` may swallow colons; the remainder may hold colons
  // only when the pattern is full or its last segment ends in `*`.
  const spill: Token[] = [];
  for (const seg of head) {
    spill.push(...tokensOf(seg, seg.endsWith('*')), colonTok);
  }
  spill.push(...tokensOf(rest, full || restEndsWithStar));
  const spillMachine = globMachine(spill);
  const eligible = full && head.every((seg) => !seg.endsWith('*') || seg === '*');
  if (!eligible) return spillMachine;
  const fast: Token[] = [];
  for (const seg of head) fast.push(...tokensOf(seg, false), colonTok);
  fast.push(...tokensOf(rest, true));
  return either(globMachine(fast), both(spillMachine, fewerThanFiveColons()));
}

/** The engine's resource match for a pattern without variables (also ArnLike/ArnEquals values). */
export function arnTextMachine(pattern: string): Machine {
  if (pattern === '*') return trueMachine();
  const { head, rest } = splitFive(pattern);
  return arnPatternMachine(head, compileWildcard(rest));
}

/** Strings that start with `prefix`. */
export function prefixMachine(prefix: string): Machine {
  return globMachine([...literalTokens(prefix), { code: STAR, colon: true }]);
}

/** One string per reachable combination of machine verdicts, shortest first, from `seed`. */
export interface Exploration {
  witnesses: string[];
  /** False when the state limit was reached before the search ended. */
  complete: boolean;
}

/**
 * Breadth-first search over the product of the machines, starting after `seed`: every combination
 * of accept / reject that some string reaches, each with the shortest such string. The alphabet is
 * every character some machine names plus one character none names, which stands for all others.
 */
export function explore(machines: readonly Machine[], seed: string, limit = 4000): Exploration {
  const alphabet = new Set<number>([COLON]);
  for (const m of machines) for (const c of m.alphabet) alphabet.add(c);
  const other = [...'xqzjkvw0123456789-_.']
    .map((c) => c.charCodeAt(0))
    .find((c) => !alphabet.has(c) && !alphabet.has(c - 32) && !alphabet.has(c + 32));
  if (other !== undefined) alphabet.add(other);
  // Each machine's states are numbered once and its transitions remembered: a product state is
  // then a list of small numbers, and a component's step (a glob closure) is computed once per
  // (state, character) however many product states share it.
  const tables = machines.map((m) => new StateTable(m));
  let start = tables.map((t) => t.startId);
  for (const ch of seed) start = start.map((s, i) => (tables[i] as StateTable).step(s, ch.charCodeAt(0)));
  const verdict = (ids: number[]): string => ids.map((s, i) => ((tables[i] as StateTable).accepts(s) ? '1' : '0')).join('');
  const seen = new Set<string>([start.join(',')]);
  const found = new Map<string, string>([[verdict(start), seed]]);
  let frontier: { ids: number[]; text: string }[] = [{ ids: start, text: seed }];
  const chars = [...alphabet].sort((a, b) => a - b);
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      for (const c of chars) {
        const ids = node.ids.map((s, i) => (tables[i] as StateTable).step(s, c));
        const key = ids.join(',');
        if (seen.has(key)) continue;
        if (seen.size >= limit) return { witnesses: [...found.values()], complete: false };
        seen.add(key);
        const text = node.text + String.fromCharCode(c);
        const v = verdict(ids);
        if (!found.has(v)) found.set(v, text);
        next.push({ ids, text });
      }
    }
    frontier = next;
  }
  return { witnesses: [...found.values()], complete: true };
}

/** One machine's states numbered by their key, with each transition computed once. */
class StateTable {
  readonly startId: number;
  readonly #machine: Machine;
  readonly #states: unknown[] = [];
  readonly #accepts: boolean[] = [];
  readonly #ids = new Map<string, number>();
  readonly #next = new Map<number, number>();

  constructor(machine: Machine) {
    this.#machine = machine;
    this.startId = this.#idOf(machine.start);
  }

  #idOf(state: unknown): number {
    const key = this.#machine.key(state);
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#states.length;
      this.#states.push(state);
      this.#accepts.push(this.#machine.accepts(state));
      this.#ids.set(key, id);
    }
    return id;
  }

  /** The state after reading `ch` from state `id`. */
  step(id: number, ch: number): number {
    const k = id * 0x10000 + ch;
    let n = this.#next.get(k);
    if (n === undefined) {
      n = this.#idOf(this.#machine.step(this.#states[id], ch));
      this.#next.set(k, n);
    }
    return n;
  }

  /** True when state `id` accepts. */
  accepts(id: number): boolean {
    return this.#accepts[id] === true;
  }
}
