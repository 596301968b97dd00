/**
 * The request context as conditions see it: key names ignore case ("Condition" element: condition
 * key names are not case-sensitive), values are text, and a key is multivalued when the request
 * carries an array for it ("Single-valued vs. multivalued context keys": it depends on the request).
 */
import { parseIpRange, type IpRange } from '../policy/values.ts';
import type { ContextValue } from './types.ts';

const ACTION_SHAPE = /^[A-Za-z0-9-]+:[A-Za-z0-9-]+$/;

/** One key's values in the request. */
export interface ContextEntry {
  /** The key as the request spelled it. */
  key: string;
  values: string[];
  multivalued: boolean;
  /** The values read as IP addresses, the first time an IpAddress condition asks (see `ipValues`). */
  ips: (IpRange | undefined)[] | undefined;
}

/** Case-insensitive view of a request context. */
export type NormalizedContext = ReadonlyMap<string, ContextEntry>;

/** A context normalized, and its variable lookup: one cache entry for both. */
export interface ContextView {
  ctx: NormalizedContext;
  lookup: (lowerKey: string) => string | undefined;
}

/**
 * Views by context object. Services pass the same context object for every decision of one call;
 * simulations build a fresh one per call, so an empty context (the common case there) is not
 * remembered at all: each remembered object costs the collector.
 */
const views = new WeakMap<object, ContextView>();
const EMPTY_VIEW: ContextView = { ctx: new Map<string, ContextEntry>(), lookup: () => undefined };

/** The normalized context and its variable lookup for one request context (cached per context object). */
export function contextView(context: Readonly<Record<string, ContextValue>>): ContextView {
  const hit = views.get(context);
  if (hit) return hit;
  const ctx = new Map<string, ContextEntry>();
  for (const key of Object.keys(context)) {
    const v = context[key];
    if (v === undefined || v === null) continue;
    const multivalued = Array.isArray(v);
    const values = multivalued ? (v as readonly unknown[]).map(valueText) : [valueText(v)];
    ctx.set(key.toLowerCase(), { key, values, multivalued, ips: undefined });
  }
  if (ctx.size === 0) return EMPTY_VIEW;
  const view: ContextView = { ctx, lookup: lookupIn(ctx) };
  views.set(context, view);
  return view;
}

/**
 * A context entry's values as IP addresses, read once per entry: views are kept per context object,
 * so decisions that share a context do not read the address again.
 */
export function ipValues(entry: ContextEntry): (IpRange | undefined)[] {
  return (entry.ips ??= entry.values.map(parseIpRange));
}

/** Normalizes (and caches per context object) a request context. */
export function normalizeContext(context: Readonly<Record<string, ContextValue>>): NormalizedContext {
  return contextView(context).ctx;
}

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}

/** A single-valued lookup for policy variables: multivalued keys can't be variables (IAM "Variables"). */
function lookupIn(ctx: NormalizedContext): (lowerKey: string) => string | undefined {
  return (lowerKey) => {
    const e = ctx.get(lowerKey);
    if (!e || e.multivalued) return undefined;
    return e.values[0];
  };
}

/** An action as the evaluation reads it: lower-cased, and its service prefix. */
export interface ActionInfo {
  lower: string;
  service: string;
  /** The parameters of the RCP step, which names the service (frozen: shared by every request). */
  serviceParams: Record<string, string>;
}
/** The same few actions recur on every request: shape-checked and lower-cased once. null = not `service:Action`. */
const actionInfos = new Map<string, ActionInfo | null>();

export function actionInfo(action: string): ActionInfo | null {
  let hit = actionInfos.get(action);
  if (hit !== undefined) return hit;
  if (ACTION_SHAPE.test(action)) {
    const lower = action.toLowerCase();
    const service = lower.slice(0, lower.indexOf(':'));
    hit = { lower, service, serviceParams: Object.freeze({ service }) };
  } else hit = null;
  if (actionInfos.size > 5000) actionInfos.clear();
  actionInfos.set(action, hit);
  return hit;
}
