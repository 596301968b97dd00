/**
 * Turns the text of one command-line argument into the API value botocore would send
 * (awscli/argprocess.py and awscli/paramfile.py): `file://` and `fileb://` contents, scalars
 * converted with Python's rules, JSON for values that start with `{` or `[`, shorthand otherwise.
 */
import type { Shape } from '../services/contract.ts';
import { CliFailure } from './messages.ts';
import { parsePythonJson, PyJsonError } from './pyjson.ts';
import { parseShorthand, ShorthandError, type ShorthandValue } from './shorthand.ts';

/** Reads a file of the world by name; undefined when it does not exist. */
export type FileReader = (name: string) => string | Uint8Array | undefined;

/** Converts one argument's raw text (or texts, for lists) into its API value. */
export function unpackArgument(
  raw: string | string[] | boolean,
  shape: Shape,
  option: string,
  readFile: FileReader,
  streaming = false,
): unknown {
  if (typeof raw === 'boolean') return raw;
  if (streaming) return readStreamingBody(raw, option, readFile);
  const resolved = Array.isArray(raw) ? raw.map((r) => resolveParamFile(r, option, readFile)) : resolveParamFile(raw, option, readFile);
  return unpackResolved(resolved, shape, option);
}

function unpackResolved(value: string | Uint8Array | Array<string | Uint8Array>, shape: Shape, option: string): unknown {
  if (value instanceof Uint8Array) return shape.type === 'blob' ? value : new TextDecoder().decode(value);
  if (Array.isArray(value)) {
    if (shape.type !== 'list') return unpackResolved(value[0] ?? '', shape, option);
    const items = value.map((v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
    if (items.length === 1 && (items[0] as string).trimStart().startsWith('[')) return parseJsonParam(items[0] as string, option);
    return items.map((item) => unpackSingle(item, shape.member, option));
  }
  if (shape.type === 'list') {
    if (value.trimStart().startsWith('[')) return parseJsonParam(value, option);
    return [unpackSingle(value, shape.member, option)];
  }
  return unpackSingle(value, shape, option);
}

function unpackSingle(value: string, shape: Shape, option: string): unknown {
  switch (shape.type) {
    case 'string':
    case 'timestamp':
      return value;
    case 'integer':
    case 'long':
      return pythonInt(value);
    case 'double':
      return pythonFloat(value);
    case 'boolean':
      return value.toLowerCase() !== 'false' && value !== '';
    case 'blob':
      return decodeBase64Param(value, option);
    case 'structure':
    case 'map':
    case 'list': {
      const trimmed = value.trimStart();
      if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJsonParam(value, option);
      if (shape.type === 'list') return [unpackSingle(value, shape.member, option)];
      try {
        return fitShorthand(parseShorthand(value), shape);
      } catch (error) {
        if (error instanceof ShorthandError) throw new CliFailure('PARAM_ERROR', { param: option, message: error.message });
        throw error;
      }
    }
  }
}

/** `file://name` → the file's text, `fileb://name` → its bytes, anything else unchanged. */
export function resolveParamFile(value: string, option: string, readFile: FileReader): string | Uint8Array {
  const lower = value.toLowerCase();
  const prefix = lower.startsWith('file://') ? 'file://' : lower.startsWith('fileb://') ? 'fileb://' : undefined;
  if (prefix === undefined) return value;
  const name = value.slice(prefix.length);
  const content = readFile(name);
  if (content === undefined) {
    throw new CliFailure('PARAM_ERROR', {
      param: option,
      message: `Unable to load paramfile ${value}: [Errno 2] No such file or directory: '${name}'`,
    });
  }
  if (prefix === 'fileb://') return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

function readStreamingBody(raw: string | string[], option: string, readFile: FileReader): Uint8Array {
  const name = Array.isArray(raw) ? (raw[0] ?? '') : raw;
  const content = readFile(name);
  if (content === undefined) throw new CliFailure('PARAM_ERROR', { param: option, message: 'Blob values must be a path to a file.' });
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

/** `json.loads` with the CLI's error wording. */
export function parseJsonParam(value: string, option: string): unknown {
  try {
    return parsePythonJson(value);
  } catch (error) {
    if (error instanceof PyJsonError) {
      throw new CliFailure('PARAM_ERROR', { param: option, message: `Invalid JSON: ${error.message}\nJSON received: ${value}` });
    }
    throw error;
  }
}

/** Python's `int(text)`: optional sign, digits and underscores, surrounding whitespace. */
export function pythonInt(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(trimmed)) {
    throw new CliFailure('GENERAL', { message: `invalid literal for int() with base 10: '${text}'` });
  }
  return Number(trimmed.replaceAll('_', ''));
}

function pythonFloat(text: string): number {
  const trimmed = text.trim();
  // Unambiguous pattern: no backtracking blow-up on long hostile input.
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    throw new CliFailure('GENERAL', { message: `could not convert string to float: '${text}'` });
  }
  return Number(trimmed);
}

/** CLI v2 reads blob arguments as base64 (`cli_binary_format` base64, its default). */
function decodeBase64Param(value: string, option: string): Uint8Array {
  const clean = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new CliFailure('PARAM_ERROR', { param: option, message: `Invalid base64: "${value}"` });
  }
  const binary = atob(clean);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Fits shorthand strings to the shape: numbers, booleans, and single values where lists are expected. */
function fitShorthand(value: ShorthandValue, shape: Shape): unknown {
  switch (shape.type) {
    case 'structure': {
      if (typeof value === 'string' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const member = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
        setOwn(out, key, member === undefined ? item : fitShorthand(item, member));
      }
      return out;
    }
    case 'map': {
      if (typeof value === 'string' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) setOwn(out, key, fitShorthand(item, shape.value));
      return out;
    }
    case 'list': {
      const items = Array.isArray(value) ? value : [value];
      return items.map((item) => fitShorthand(item, shape.member));
    }
    case 'integer':
    case 'long':
      return typeof value === 'string' ? pythonInt(value) : value;
    case 'double':
      return typeof value === 'string' ? pythonFloat(value) : value;
    case 'boolean':
      return typeof value === 'string' ? value.toLowerCase() === 'true' : value;
    default:
      return value;
  }
}

/** Sets an own property even for keys like `__proto__` that plain assignment would treat specially. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
