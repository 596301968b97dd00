/**
 * Turns a zod schema into the field tables of the authoring guide: zod's own JSON Schema export
 * gives the structure (types, required, defaults, limits), doc-comments.ts gives each field's
 * documentation from the schema's source. Nothing is written by hand, so the guide cannot drift.
 */
import { z } from 'zod';
import { docCommentsByKeySet, keySetId, type ObjectDocs } from './doc-comments.ts';

/** One documented field. */
export interface FieldRow {
  /** The field name as written in frontmatter or an exercise file. */
  name: string;
  /** Its type and limits in words, e.g. "string, 5–80 characters"; `⟦id|title⟧` refers to another table. */
  type: string;
  /** Whether it must be given (no default, not optional). */
  required: boolean;
  /** The default value as JSON, when it has one. */
  defaultValue?: string;
  /** The field's doc comment from the schema source ('' when it has none). */
  description: string;
}

/** One object of the schema. */
export interface SchemaTable {
  /** Stable anchor id, e.g. `exercise-start-world`. */
  id: string;
  /** Where the object sits, e.g. `start.world` or `checks[] (kind "command")`. */
  title: string;
  /** The doc comment of the schema constant the object comes from, when there is one. */
  summary?: string;
  /** The fields, in schema order. */
  rows: FieldRow[];
}

type Json = Record<string, unknown>;

/** The field tables of `schema`, documented from `source` (the TypeScript file that defines it). */
export function schemaTables(schema: z.ZodType, source: string, idPrefix: string): SchemaTable[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const docs = docCommentsByKeySet(source);
  const tables: SchemaTable[] = [];
  const seen = new Map<string, SchemaTable>();
  const defs = (json['$defs'] ?? {}) as Record<string, Json>;

  const tableFor = (object: Json, title: string): SchemaTable => {
    const signature = JSON.stringify(object);
    const existing = seen.get(signature);
    if (existing) return existing;
    const properties = (object['properties'] ?? {}) as Record<string, Json>;
    const required = new Set((object['required'] ?? []) as string[]);
    const objectDocs: ObjectDocs | undefined = docs.get(keySetId(Object.keys(properties)));
    const table: SchemaTable = {
      id: `${idPrefix}-${title
        .replace(/[^a-zA-Z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase()}`.replace(/-$/, ''),
      title,
      ...(objectDocs?.summary ? { summary: objectDocs.summary } : {}),
      rows: [],
    };
    seen.set(signature, table);
    tables.push(table);
    for (const [name, property] of Object.entries(properties)) {
      const row: FieldRow = {
        name,
        type: describe(property, `${title === '(top level)' ? '' : `${title}.`}${name}`),
        required: required.has(name) && !('default' in property),
        description: objectDocs?.fields[name] ?? '',
      };
      if ('default' in property) row.defaultValue = JSON.stringify(property['default']);
      table.rows.push(row);
    }
    return table;
  };

  const describe = (node: Json, path: string): string => {
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const target = defs[ref.replace('#/$defs/', '')];
      return target && isJsonValue(target) ? 'any JSON value' : 'see definition';
    }
    if ('const' in node) return `the literal ${JSON.stringify(node['const'])}`;
    if (Array.isArray(node['enum'])) return `one of ${(node['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    const variants = (node['anyOf'] ?? node['oneOf']) as Json[] | undefined;
    if (variants) {
      return variants.map((variant, index) => describe(variant, `${path} (${variantName(variant, index)})`)).join(', or ');
    }
    switch (node['type']) {
      case 'string':
        return withLimits('string', node);
      case 'integer':
      case 'number':
        return withLimits(node['type'] === 'integer' ? 'integer' : 'number', node);
      case 'boolean':
        return 'true or false';
      case 'array': {
        const items = (node['items'] ?? {}) as Json;
        const each = describe(items, `${path}[]`);
        const isUnion = Boolean(items['anyOf'] ?? items['oneOf']);
        const list = `list${countLimits(node)}`;
        return isUnion ? `${list}; each item is ${each}` : `${list} of ${plural(each)}`;
      }
      case 'object': {
        if (node['properties']) return `object (see ${tableReference(tableFor(node, path))})`;
        const values = node['additionalProperties'];
        const keys = node['propertyNames'] as Json | undefined;
        const keyText = keys?.['pattern'] ? `names matching \`${String(keys['pattern'])}\`` : 'names';
        return typeof values === 'object' && values !== null ? `map of ${keyText} → ${describe(values as Json, `${path}{}`)}` : 'object';
      }
      default:
        return 'any value';
    }
  };

  tableFor(json, '(top level)');
  return tables;
}

/** A reference to another table inside a type text: `⟦id|title⟧` (SchemaTables.astro links it). */
export function tableReference(table: SchemaTable): string {
  return `⟦${table.id}|${table.title}⟧`;
}

function variantName(variant: Json, index: number): string {
  const properties = (variant['properties'] ?? {}) as Record<string, Json>;
  const kind = properties['kind'];
  if (kind && 'const' in kind) return `kind ${JSON.stringify(kind['const'])}`;
  const keys = Object.keys(properties);
  return keys.length > 0 ? `with ${keys[0]}` : `form ${index + 1}`;
}

function isJsonValue(node: Json): boolean {
  const variants = node['anyOf'] as Json[] | undefined;
  return Array.isArray(variants) && variants.some((v) => v['type'] === 'null');
}

function plural(text: string): string {
  if (text.startsWith('object (')) return text.replace(/^object/, 'objects');
  if (text.startsWith('list')) return text.replace(/^list/, 'lists');
  return text.replace(/^string\b/, 'strings');
}

/** A list's item count, e.g. " (at least 1)" or " (2–8)"; empty when unlimited. */
function countLimits(node: Json): string {
  const min = node['minItems'];
  const max = node['maxItems'];
  if (min !== undefined && max !== undefined) return ` (${String(min)}–${String(max)})`;
  if (min !== undefined && min !== 0) return ` (at least ${String(min)})`;
  if (max !== undefined) return ` (at most ${String(max)})`;
  return '';
}

function withLimits(base: string, node: Json): string {
  const parts: string[] = [];
  const min = node['minLength'];
  const max = node['maxLength'];
  const unit = (n: unknown): string => (n === 1 ? 'character' : 'characters');
  if (min !== undefined && max !== undefined) parts.push(`${String(min)}–${String(max)} ${unit(max)}`);
  else if (min !== undefined) parts.push(`at least ${String(min)} ${unit(min)}`);
  else if (max !== undefined) parts.push(`at most ${String(max)} ${unit(max)}`);
  const lower = node['minimum'] ?? node['exclusiveMinimum'];
  const upper = node['maximum'];
  const safe = upper === Number.MAX_SAFE_INTEGER;
  // zod's .int() adds the safe-integer range; it says nothing to an author, so it is left out.
  if (lower !== undefined && lower !== Number.MIN_SAFE_INTEGER) parts.push(`${'exclusiveMinimum' in node ? '>' : '≥'} ${String(lower)}`);
  if (upper !== undefined && !safe) parts.push(`≤ ${String(upper)}`);
  if (node['format'] === 'date-time') parts.push('ISO 8601 date-time');
  else if (typeof node['pattern'] === 'string') parts.push(`matching \`${node['pattern']}\``);
  return parts.length > 0 ? `${base}, ${parts.join(', ')}` : base;
}
