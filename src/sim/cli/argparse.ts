/**
 * A small model of Python's argparse as the AWS CLI configures it: long options with one value,
 * lists (`nargs='+'`), flags, unique-prefix abbreviations, positionals, `--opt=value`, and the
 * same error texts (`argument --x: expected one argument`, `the following arguments are
 * required: ...`, invalid choices). Unknown tokens are returned, as `parse_known_args` does.
 */
import { closeMatches } from './close-matches.ts';
import { CliFailure, invalidChoiceMessage } from './messages.ts';

/** One option or positional of a parser. */
export interface ArgSpec {
  /** Destination key in the parsed result. */
  dest: string;
  /** `--user-name`; absent for a positional. */
  option?: string;
  /** 'one' takes a value, 'many' takes one or more, 'flag' stores true, 'negFlag' stores false, 'optional' takes zero or one. */
  nargs: 'one' | 'many' | 'flag' | 'negFlag' | 'optional';
  required?: boolean;
  choices?: readonly string[];
  /** Value stored for `nargs: 'optional'` when the option is given without a value. */
  constValue?: string;
}

/** Parsed values by dest, plus the tokens nobody claimed. */
export interface ParseResult {
  values: Map<string, string | string[] | boolean>;
  extras: string[];
}

/** Parses `tokens` against `specs`; throws CliFailure('ARGPARSE') with argparse's message. */
export function parseArgs(tokens: readonly string[], specs: readonly ArgSpec[], prog = 'aws'): ParseResult {
  const values = new Map<string, string | string[] | boolean>();
  const extras: string[] = [];
  const options = specs.filter((s) => s.option !== undefined);
  const positionals = specs.filter((s) => s.option === undefined);
  let nextPositional = 0;
  let onlyPositionals = false;
  const fail = (message: string): never => {
    throw new CliFailure('ARGPARSE', { message, prog });
  };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as string;
    i += 1;
    if (!onlyPositionals && token === '--') {
      onlyPositionals = true;
      continue;
    }
    if (onlyPositionals || !looksLikeOption(token)) {
      const slot = positionals[nextPositional];
      if (slot === undefined) {
        extras.push(token);
      } else {
        checkChoice(slot, token, fail);
        values.set(slot.dest, token);
        nextPositional += 1;
      }
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq > 0 ? token.slice(0, eq) : token;
    const inline = eq > 0 ? token.slice(eq + 1) : undefined;
    const spec = findOption(name, options, fail);
    if (spec === undefined) {
      extras.push(token);
      continue;
    }
    const label = spec.option as string;
    switch (spec.nargs) {
      case 'flag':
      case 'negFlag':
        if (inline !== undefined) fail(`argument ${label}: ignored explicit argument '${inline}'`);
        values.set(spec.dest, spec.nargs === 'flag');
        break;
      case 'one': {
        let value = inline;
        if (value === undefined) {
          const next = tokens[i];
          if (next === undefined || looksLikeOption(next)) fail(`argument ${label}: expected one argument`);
          value = next as string;
          i += 1;
        }
        checkChoice(spec, value, fail);
        values.set(spec.dest, value);
        break;
      }
      case 'optional': {
        let value = inline;
        if (value === undefined) {
          const next = tokens[i];
          if (next !== undefined && !looksLikeOption(next)) {
            value = next;
            i += 1;
          }
        }
        const stored = value ?? spec.constValue ?? '';
        checkChoice(spec, stored, fail);
        values.set(spec.dest, stored);
        break;
      }
      case 'many': {
        const list: string[] = inline !== undefined ? [inline] : [];
        while (inline === undefined && i < tokens.length && !looksLikeOption(tokens[i] as string)) {
          list.push(tokens[i] as string);
          i += 1;
        }
        if (list.length === 0) fail(`argument ${label}: expected at least one argument`);
        values.set(spec.dest, list);
        break;
      }
    }
  }
  const missing = specs.filter((s) => s.required === true && !values.has(s.dest)).map((s) => s.option ?? s.dest);
  if (missing.length > 0) fail(`the following arguments are required: ${missing.join(', ')}`);
  return { values, extras };
}

/** argparse treats `-x` and `--x` as options, but a negative number as a value. */
export function looksLikeOption(token: string): boolean {
  if (!token.startsWith('-') || token.length < 2) return false;
  return !/^-\d+(\.\d+)?$/.test(token);
}

function findOption(name: string, options: readonly ArgSpec[], fail: (m: string) => never): ArgSpec | undefined {
  const exact = options.find((s) => s.option === name);
  if (exact !== undefined || !name.startsWith('--')) return exact;
  // argparse accepts any unambiguous prefix of a long option (allow_abbrev, on by default).
  const prefixed = options.filter((s) => (s.option as string).startsWith(name));
  if (prefixed.length === 1) return prefixed[0];
  if (prefixed.length > 1) {
    fail(`ambiguous option: ${name} could match ${prefixed.map((s) => s.option).join(', ')}`);
  }
  return undefined;
}

function checkChoice(spec: ArgSpec, value: string, fail: (m: string) => never): void {
  if (spec.choices === undefined || spec.choices.includes(value)) return;
  fail(invalidChoiceMessage(spec.option ?? spec.dest, value, spec.choices, closeMatches(value, spec.choices)));
}
