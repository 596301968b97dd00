/**
 * botocore's client-side parameter validation (botocore/validate.py): required members, unknown
 * members, types and minimum lengths/values. Maximums and patterns are checked by the service,
 * not the CLI, so they are left to the world.
 */
import type { Shape, StructureShape } from '../services/contract.ts';
import { CliFailure } from './messages.ts';

/** Throws CliFailure('PARAM_VALIDATION') listing every problem, as botocore reports them. */
export function validateParams(params: Record<string, unknown>, input: StructureShape): void {
  const errors: string[] = [];
  validate(params, input, '', errors);
  if (errors.length > 0) throw new CliFailure('PARAM_VALIDATION', { report: errors.join('\n') });
}

const TYPE_NAMES: Record<Shape['type'], string> = {
  structure: "<class 'dict'>",
  map: "<class 'dict'>",
  list: "<class 'list'>, <class 'tuple'>",
  string: "<class 'str'>",
  integer: "<class 'int'>",
  long: "<class 'int'>",
  double: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  boolean: "<class 'bool'>",
  blob: "<class 'bytes'>, <class 'bytearray'>, file-like object",
  timestamp: "<class 'datetime.datetime'>, timestamp-string",
};

function label(name: string): string {
  if (name === '') return 'input';
  return name.startsWith('.') ? name.slice(1) : name;
}

function validate(value: unknown, shape: Shape, name: string, errors: string[]): void {
  if (!typeMatches(value, shape)) {
    errors.push(
      `Invalid type for parameter ${label(name)}, value: ${pythonStr(value)}, type: ${pythonType(value)}, valid types: ${TYPE_NAMES[shape.type]}`,
    );
    return;
  }
  switch (shape.type) {
    case 'structure': {
      const obj = value as Record<string, unknown>;
      for (const req of shape.required ?? []) {
        if (!Object.hasOwn(obj, req)) errors.push(`Missing required parameter in ${label(name)}: "${req}"`);
      }
      const known = Object.keys(shape.members);
      for (const key of Object.keys(obj)) {
        const member = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
        if (member === undefined) {
          errors.push(`Unknown parameter in ${label(name)}: "${key}", must be one of: ${known.join(', ')}`);
        } else {
          validate(obj[key], member, `${name}.${key}`, errors);
        }
      }
      return;
    }
    case 'list': {
      const list = value as unknown[];
      if (shape.min !== undefined && list.length < shape.min) {
        errors.push(`Invalid length for parameter ${label(name)}, value: ${list.length}, valid min length: ${shape.min}`);
      }
      list.forEach((item, i) => validate(item, shape.member, `${name}[${i}]`, errors));
      return;
    }
    case 'map': {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        validate(key, shape.key, `${name} (key: ${key})`, errors);
        validate(item, shape.value, `${name}.${key}`, errors);
      }
      return;
    }
    case 'string': {
      const length = [...(value as string)].length;
      if (shape.min !== undefined && length < shape.min) {
        errors.push(`Invalid length for parameter ${label(name)}, value: ${length}, valid min length: ${shape.min}`);
      }
      return;
    }
    case 'integer':
    case 'long':
    case 'double': {
      const n = typeof value === 'boolean' ? Number(value) : (value as number);
      if (shape.min !== undefined && n < shape.min) {
        errors.push(`Invalid value for parameter ${label(name)}, value: ${pythonStr(value)}, valid min value: ${shape.min}`);
      }
      return;
    }
    default:
      return;
  }
}

function typeMatches(value: unknown, shape: Shape): boolean {
  switch (shape.type) {
    case 'structure':
    case 'map':
      return isPlainObject(value);
    case 'list':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
    case 'long':
      // Python's bool is an int, so botocore lets True through an integer check.
      return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'boolean';
    case 'double':
      return typeof value === 'number' || typeof value === 'boolean';
    case 'boolean':
      return typeof value === 'boolean';
    case 'blob':
      return typeof value === 'string' || value instanceof Uint8Array;
    case 'timestamp':
      return (typeof value === 'string' && !Number.isNaN(Date.parse(value))) || typeof value === 'number' || value instanceof Date;
  }
}

/** True for `{...}` values (not arrays, not byte arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

/** Python's `str()` of a JSON-ish value, as it appears in botocore's messages. */
export function pythonStr(value: unknown): string {
  if (typeof value === 'string') return value;
  return pythonRepr(value);
}

function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (value instanceof Uint8Array) return `b'...'`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function pythonType(value: unknown): string {
  if (value === null || value === undefined) return "<class 'NoneType'>";
  if (typeof value === 'boolean') return "<class 'bool'>";
  if (typeof value === 'number') return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
  if (typeof value === 'string') return "<class 'str'>";
  if (Array.isArray(value)) return "<class 'list'>";
  if (value instanceof Uint8Array) return "<class 'bytes'>";
  return "<class 'dict'>";
}
