/**
 * Caller input as plain data before the simulator reads it: arrays are rebuilt by index and objects
 * from their own keys, so an array whose prototype was tampered with (no `map`, a hostile iterator)
 * is read like any other instead of throwing a TypeError deep inside the simulator.
 */
import { SimulationError } from './errors.ts';

/** A deep copy of JSON-like input made of real arrays and null-prototype-free plain objects. */
export function plainInput<T>(value: T, field: string, depth = 0): T {
  if (depth > 64) throw new SimulationError('WRONG_TYPE', { field, expected: 'JSON data nested at most 64 levels deep' });
  if (value === null || typeof value !== 'object') return value;
  try {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      const length = Number((value as unknown[]).length);
      for (let i = 0; i < length; i++) out.push(plainInput((value as unknown[])[i], field, depth + 1));
      return out as T;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = plainInput((value as Record<string, unknown>)[key], field, depth + 1);
      // Assigning `__proto__` would set the prototype: that one key is defined as a property.
      if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
      else out[key] = item;
    }
    return out as T;
  } catch (e) {
    if (e instanceof SimulationError) throw e;
    throw new SimulationError('WRONG_TYPE', { field, expected: 'plain JSON data' });
  }
}
