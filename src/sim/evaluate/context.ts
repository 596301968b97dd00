/**
 * The request context as conditions see it: key names ignore case ("Condition" element: condition
 * key names are not case-sensitive), values are text, and a key is multivalued when the request
 * carries an array for it ("Single-valued vs. multivalued context keys": it depends on the request).
 */
import type { ContextValue } from './types.ts';

/** One key's values in the request. */
export interface ContextEntry {
  /** The key as the request spelled it. */
  key: string;
  values: string[];
  multivalued: boolean;
}

/** Case-insensitive view of a request context. */
export type NormalizedContext = ReadonlyMap<string, ContextEntry>;

const cache = new WeakMap<object, NormalizedContext>();

/** Normalizes (and caches per context object) a request context. */
export function normalizeContext(context: Readonly<Record<string, ContextValue>>): NormalizedContext {
  const hit = cache.get(context);
  if (hit) return hit;
  const out = new Map<string, ContextEntry>();
  for (const key of Object.keys(context)) {
    const v = context[key];
    if (v === undefined || v === null) continue;
    const multivalued = Array.isArray(v);
    const values = multivalued ? (v as readonly unknown[]).map(valueText) : [valueText(v)];
    out.set(key.toLowerCase(), { key, values, multivalued });
  }
  cache.set(context, out);
  return out;
}

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}

/** A context normalized, and its variable lookup: one cache entry for both. */
export interface ContextView {
  ctx: NormalizedContext;
  lookup: (lowerKey: string) => string | undefined;
}

const views = new WeakMap<object, ContextView>();

/** `normalizeContext` and `variableLookup` of one request context, from one cache lookup (authorize.ts). */
export function contextView(context: Readonly<Record<string, ContextValue>>): ContextView {
  let view = views.get(context);
  if (!view) {
    const ctx = normalizeContext(context);
    view = { ctx, lookup: variableLookup(ctx) };
    views.set(context, view);
  }
  return view;
}

const lookups = new WeakMap<NormalizedContext, (lowerKey: string) => string | undefined>();

/** A single-valued lookup for policy variables: multivalued keys can't be variables (IAM "Variables"). One per context. */
export function variableLookup(ctx: NormalizedContext): (lowerKey: string) => string | undefined {
  let lookup = lookups.get(ctx);
  if (lookup) return lookup;
  lookup = (lowerKey) => {
    const e = ctx.get(lowerKey);
    if (!e || e.multivalued) return undefined;
    return e.values[0];
  };
  lookups.set(ctx, lookup);
  return lookup;
}
