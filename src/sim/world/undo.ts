/**
 * An undo log for one call: the handler works on a view of the world that records every property
 * it sets or deletes (with the value before), so a failed call is rolled back by replaying the log
 * backwards. The cost is what the call touches, not what the world holds (copying the whole world
 * before each call made every command slower as the world grew).
 *
 * Only plain objects and arrays are viewed (the world's state is plain JSON data). Values written
 * through the view are stored unwrapped, so the saved state never holds a view.
 */

type Entry = { target: Record<PropertyKey, unknown>; key: PropertyKey; had: boolean; value: unknown };

/** A recording view of `root` and the means to undo what was done through it. */
export interface UndoLog<T extends object> {
  /** The view to hand to the handler. */
  readonly view: T;
  /** A recording view of another part of the world (e.g. the caller's user record). */
  wrap<U>(value: U): U;
  /** Puts back every property changed through the view, newest first. */
  rollback(): void;
}

function viewable(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Starts recording changes made through the returned view of `root`. */
export function undoLog<T extends object>(root: T): UndoLog<T> {
  const entries: Entry[] = [];
  const views = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();

  const unwrap = (value: unknown, seen = new Set<object>()): unknown => {
    if (!viewable(value)) return value;
    const target = targets.get(value);
    if (target) return target;
    // A new value built from viewed parts (`[...list, item]`, `{ ...entity }`): store its raw parts.
    if (seen.has(value)) return value;
    seen.add(value);
    const o = value as Record<PropertyKey, unknown>;
    for (const key of Object.keys(o)) {
      const v = o[key];
      if (viewable(v)) {
        const raw = unwrap(v, seen);
        if (raw !== v) o[key] = raw;
      }
    }
    return value;
  };

  const remember = (target: Record<PropertyKey, unknown>, key: PropertyKey): void => {
    // Writing past an array's end grows its length implicitly: remember the length first.
    if (Array.isArray(target) && typeof key === 'string' && key !== 'length' && Number(key) >= target.length) {
      entries.push({ target, key: 'length', had: true, value: target.length });
    }
    entries.push({ target, key, had: Object.hasOwn(target, key), value: target[key] });
  };

  const handler: ProxyHandler<Record<PropertyKey, unknown>> = {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      return viewable(value) ? wrap(value) : value;
    },
    set(target, key, value) {
      remember(target, key);
      return Reflect.set(target, key, unwrap(value), target);
    },
    deleteProperty(target, key) {
      if (Object.hasOwn(target, key)) remember(target, key);
      return Reflect.deleteProperty(target, key);
    },
    defineProperty(target, key, descriptor) {
      remember(target, key);
      const d = 'value' in descriptor ? { ...descriptor, value: unwrap(descriptor.value) } : descriptor;
      return Reflect.defineProperty(target, key, d);
    },
  };

  function wrap<U>(value: U): U {
    if (!viewable(value)) return value;
    if (targets.has(value)) return value;
    let view = views.get(value);
    if (!view) {
      view = new Proxy(value as Record<PropertyKey, unknown>, handler);
      views.set(value, view);
      targets.set(view, value);
    }
    return view as U;
  }

  return {
    view: wrap(root),
    wrap,
    rollback() {
      for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i] as Entry;
        if (Array.isArray(e.target) && e.key === 'length') (e.target as unknown[]).length = e.value as number;
        else if (e.had) Reflect.defineProperty(e.target, e.key, { value: e.value, writable: true, enumerable: true, configurable: true });
        else Reflect.deleteProperty(e.target, e.key);
      }
      entries.length = 0;
    },
  };
}
