/**
 * Applies `--query` and prints a response in the chosen `--output` format.
 */
import jmespath from 'jmespath';
import { CliFailure } from '../messages.ts';
import { formatJson } from './json.ts';
import { normalizeOutput } from './normalize.ts';
import { formatTable } from './table.ts';
import { formatText } from './text.ts';

/** Output formats the CLI accepts for `--output` (CLI v2 also has yaml; printed here as JSON is not faithful, so refused). */
export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;

/** How to print one response. */
export interface OutputSettings {
  format: string;
  query: string | undefined;
  /** API operation name: the title of `--output table`. */
  operation: string;
  terminalWidth: number;
}

/** Compiles `--query` up front, failing as the CLI does for a bad expression. */
export function checkQuery(query: string): void {
  try {
    (jmespath as unknown as { compile(q: string): unknown }).compile(query);
  } catch (error) {
    throw new CliFailure('GENERAL', { message: `Bad value for --query ${query}: Bad jmespath expression: ${messageOf(error)}` });
  }
}

/** stdout text for a successful response. */
export function formatOutput(response: Record<string, unknown>, settings: OutputSettings): string {
  let data: unknown = normalizeOutput(response);
  if (settings.query !== undefined) {
    try {
      data = jmespath.search(data, settings.query);
    } catch (error) {
      throw new CliFailure('GENERAL', { message: messageOf(error) });
    }
  }
  switch (settings.format) {
    case 'text':
      return formatText(data);
    case 'table':
      return formatTable(data, settings.operation, settings.terminalWidth);
    case 'yaml':
    case 'yaml-stream':
      return formatYaml(data);
    default:
      return formatJson(data);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A plain YAML rendering of JSON data (block style, as the CLI's ruamel output for simple values). */
function formatYaml(data: unknown): string {
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).length === 0) return '{}\n';
  const lines: string[] = [];
  yamlValue(data, 0, lines, '');
  return `${lines.join('\n')}\n`;
}

function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    return value === '' ||
      /^[\s\-?:,[\]{}#&*!|>'"%@`]|: |\s$|^(true|false|null|yes|no|on|off|~)$|^[-+]?\d/i.test(value) ||
      value.includes('\n')
      ? `'${value.replaceAll("'", "''")}'`
      : value;
  }
  return String(value);
}

function yamlValue(value: unknown, indent: number, lines: string[], prefix: string): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      lines.push(`${pad}${prefix}[]`);
      return;
    }
    if (prefix !== '') lines.push(`${pad}${prefix}`.trimEnd());
    for (const item of value) {
      if (typeof item === 'object' && item !== null) {
        const sub: string[] = [];
        yamlValue(item, 0, sub, '');
        sub.forEach((line, i) => lines.push(`${pad}${i === 0 ? '- ' : '  '}${line}`));
      } else {
        lines.push(`${pad}- ${yamlScalar(item)}`);
      }
    }
    return;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      lines.push(`${pad}${prefix}{}`);
      return;
    }
    if (prefix !== '') lines.push(`${pad}${prefix}`.trimEnd());
    const inner = prefix === '' ? indent : indent + 2;
    for (const [key, item] of entries) {
      if (typeof item === 'object' && item !== null && (Array.isArray(item) ? item.length > 0 : Object.keys(item).length > 0)) {
        yamlValue(item, Array.isArray(item) ? inner : inner + 2, lines, '');
        lines.splice(lines.length - countLines(item), 0, `${' '.repeat(inner)}${key}:`);
      } else {
        const sub: string[] = [];
        yamlValue(item, 0, sub, '');
        lines.push(`${' '.repeat(inner)}${key}: ${sub[0] ?? ''}`);
      }
    }
    return;
  }
  lines.push(`${pad}${prefix}${yamlScalar(value)}`);
}

function countLines(value: unknown): number {
  const sub: string[] = [];
  yamlValue(value, 0, sub, '');
  return sub.length;
}
