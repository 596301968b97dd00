/**
 * Server-side validation of request members against the botocore shapes, worded as AWS words it
 * (`1 validation error detected: Value 'x' at 'userName' failed to satisfy constraint: Member must
 * satisfy regular expression pattern: [\w+=,.@-]+`). Unknown members and wrong types are rejected
 * too, so hostile input never reaches a handler.
 */
import { camelCase } from '../trail/parameters.ts';
import type { Shape, StructureShape } from './contract.ts';
import { fault, validationError, type ConstraintViolation, type ServiceFault } from './errors.ts';

/** Checks `params` against the operation's input shape; returns the fault to answer, if any. */
export function validateParams(input: StructureShape, params: Record<string, unknown>): ServiceFault | undefined {
  const violations: ConstraintViolation[] = [];
  const typeErrors: string[] = [];
  checkStructure(input, params, '', violations, typeErrors);
  if (typeErrors.length > 0) return fault('InvalidParameter', typeErrors.join('; '), 400);
  return violations.length > 0 ? validationError(violations) : undefined;
}

function checkStructure(shape: StructureShape, value: unknown, path: string, out: ConstraintViolation[], typeErrors: string[]): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    typeErrors.push(`Invalid type for parameter ${path || 'input'}: expected a structure`);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!Object.hasOwn(shape.members, key))
      typeErrors.push(`Unknown parameter in ${path || 'input'}: "${key}", must be one of: ${Object.keys(shape.members).join(', ')}`);
  }
  for (const req of shape.required ?? []) {
    if (obj[req] === undefined || obj[req] === null)
      out.push({ member: join(path, req), value: null, constraint: 'Member must not be null' });
  }
  for (const [name, member] of Object.entries(shape.members)) {
    const v = obj[name];
    if (v !== undefined && v !== null) checkShape(member, v, join(path, name), out, typeErrors);
  }
}

function checkShape(shape: Shape, value: unknown, path: string, out: ConstraintViolation[], typeErrors: string[]): void {
  switch (shape.type) {
    case 'structure':
      checkStructure(shape, value, path, out, typeErrors);
      return;
    case 'string':
    case 'timestamp':
      if (typeof value !== 'string')
        return void typeErrors.push(
          `Invalid type for parameter ${path}, value: ${String(value)}, type: ${typeof value}, valid types: <class 'str'>`,
        );
      if (shape.type === 'string') checkString(shape, value, path, out);
      return;
    case 'integer':
    case 'long':
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value) || (shape.type !== 'double' && !Number.isInteger(value))) {
        return void typeErrors.push(
          `Invalid type for parameter ${path}, value: ${String(value)}, type: ${typeof value}, valid types: <class 'int'>`,
        );
      }
      if (shape.min !== undefined && value < shape.min)
        out.push({ member: path, value, constraint: `Member must have value greater than or equal to ${shape.min}` });
      if (shape.max !== undefined && value > shape.max)
        out.push({ member: path, value, constraint: `Member must have value less than or equal to ${shape.max}` });
      return;
    case 'boolean':
      if (typeof value !== 'boolean')
        typeErrors.push(`Invalid type for parameter ${path}, value: ${String(value)}, type: ${typeof value}, valid types: <class 'bool'>`);
      return;
    case 'blob':
      if (typeof value !== 'string' && !(value instanceof Uint8Array))
        typeErrors.push(`Invalid type for parameter ${path}: expected bytes`);
      return;
    case 'list':
      if (!Array.isArray(value))
        return void typeErrors.push(
          `Invalid type for parameter ${path}, value: ${String(value)}, type: ${typeof value}, valid types: <class 'list'>, <class 'tuple'>`,
        );
      if (shape.min !== undefined && value.length < shape.min)
        out.push({ member: path, value, constraint: `Member must have length greater than or equal to ${shape.min}` });
      if (shape.max !== undefined && value.length > shape.max)
        out.push({ member: path, value, constraint: `Member must have length less than or equal to ${shape.max}` });
      value.forEach((item, i) => checkShape(shape.member, item, `${path}.${i + 1}.member`, out, typeErrors));
      return;
    case 'map':
      if (!value || typeof value !== 'object' || Array.isArray(value))
        return void typeErrors.push(`Invalid type for parameter ${path}: expected a map`);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        checkShape(shape.key, k, `${path}.key`, out, typeErrors);
        checkShape(shape.value, v, `${path}.${k}`, out, typeErrors);
      }
      return;
  }
}

function checkString(shape: Extract<Shape, { type: 'string' }>, value: string, path: string, out: ConstraintViolation[]): void {
  const length = [...value].length;
  if (shape.min !== undefined && length < shape.min)
    out.push({ member: path, value, constraint: `Member must have length greater than or equal to ${shape.min}` });
  if (shape.max !== undefined && length > shape.max)
    out.push({ member: path, value, constraint: `Member must have length less than or equal to ${shape.max}` });
  if (shape.enum && !shape.enum.includes(value))
    out.push({ member: path, value, constraint: `Member must satisfy enum value set: [${shape.enum.join(', ')}]` });
  if (shape.pattern && !fullMatch(shape.pattern, value))
    out.push({ member: path, value, constraint: `Member must satisfy regular expression pattern: ${shape.pattern}` });
}

const PATTERNS = new Map<string, RegExp | null>();

/** Java-style full-string match of a botocore pattern; patterns JS cannot compile are not enforced. */
function fullMatch(pattern: string, value: string): boolean {
  let re = PATTERNS.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = null; // documented: an uncompilable model pattern is skipped rather than rejecting valid input
    }
    PATTERNS.set(pattern, re);
  }
  return re === null || re.test(value);
}

function join(path: string, member: string): string {
  const name = camelCase(member);
  return path ? `${path}.${name}` : name;
}
