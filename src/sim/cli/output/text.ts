/**
 * `--output text`, as awscli/text.py writes it: tab-separated scalars, one line per object, the
 * upper-cased key of a nested list or object as the first column, keys in sorted order.
 */

/** The CLI's text rendering of a normalized response (or query result). */
export function formatText(value: unknown): string {
  const out: string[] = [];
  formatItem(value, out, undefined, undefined);
  return out.join('');
}

/** Python's `str()` of a scalar. */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return String(value);
}

function isComplex(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function formatItem(item: unknown, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (Array.isArray(item)) {
    formatList(item, out, identifier);
  } else if (isComplex(item)) {
    formatDict(item as Record<string, unknown>, out, identifier, scalarKeys);
  } else {
    out.push(`${scalarText(item)}\n`);
  }
}

function formatList(items: unknown[], out: string[], identifier: string | undefined): void {
  if (items.length === 0) return;
  if (items.some((el) => isComplex(el) && !Array.isArray(el))) {
    const keys = allScalarKeys(items);
    for (const element of items) formatItem(element, out, identifier, keys);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter((el) => !isComplex(el));
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const element of items.filter(isComplex)) formatItem(element, out, identifier, undefined);
  } else {
    formatScalarList(items, out, identifier);
  }
}

function formatScalarList(items: unknown[], out: string[], identifier: string | undefined): void {
  if (identifier !== undefined) {
    for (const item of items) out.push(`${identifier.toUpperCase()}\t${scalarText(item)}\n`);
  } else {
    out.push(`${items.map(scalarText).join('\t')}\n`);
  }
}

function formatDict(item: Record<string, unknown>, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  const scalars: string[] = [];
  const nested: Array<[string, unknown]> = [];
  if (scalarKeys === undefined) {
    for (const key of Object.keys(item).sort(pythonOrder)) {
      const value = item[key];
      if (isComplex(value)) nested.push([key, value]);
      else scalars.push(scalarText(value));
    }
  } else {
    for (const key of scalarKeys) scalars.push(Object.hasOwn(item, key) ? scalarText(item[key]) : '');
    for (const key of Object.keys(item)
      .filter((k) => !scalarKeys.includes(k))
      .sort(pythonOrder)) {
      nested.push([key, item[key]]);
    }
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const [key, value] of nested) formatItem(value, out, key, undefined);
}

function allScalarKeys(items: unknown[]): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (!isComplex(item) || Array.isArray(item)) continue;
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (!isComplex(value)) seen.add(key);
    }
  }
  return [...seen].sort(pythonOrder);
}

/** Python sorts strings by code point, not by locale. */
export function pythonOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
