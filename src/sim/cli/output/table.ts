/**
 * `--output table`, as awscli/formatter.py (TableFormatter) and awscli/table.py (MultiTable) draw
 * it: a section per object titled with the operation name, sorted scalar keys as column headers,
 * nested objects as indented sub-sections, columns scaled to the widest section, and a
 * single-row section turned vertical when the table is wider than the terminal.
 */
import { CliFailure } from '../messages.ts';
import { pythonOrder, scalarText } from './text.ts';

/** Renders `value` as the CLI's table titled `title` (the API operation name); '' when nothing to show. */
export function formatTable(value: unknown, title: string, terminalWidth = 80): string {
  const table = new MultiTable();
  if (!buildTable(table, title, value, 0)) return '';
  return table.render(terminalWidth);
}

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private numCols: number | undefined;
  private maxWidths: number[] = [];

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    this.numCols ??= headers.length;
    this.headers = headers;
  }

  addRow(row: unknown[]): void {
    this.numCols ??= row.length;
    if (row.length !== this.numCols) {
      throw new CliFailure('GENERAL', { message: `Row should have ${this.numCols} elements, instead it has ${row.length}` });
    }
    const cells = row.map(scalarText);
    this.rows.push(cells);
    this.updateMaxWidths(cells);
  }

  columnWidths(padding: number, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const total = unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => pythonRound((maxWidth / total) * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = scaled.map((_, i) => i);
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i] = (scaled[i] as number) - 1;
          offBy -= 1;
        } else {
          scaled[i] = (scaled[i] as number) + 1;
          offBy += 1;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outerPadding: number): number {
    const total = this.columnWidths(0).reduce((sum, w) => sum + w + padding, 0) + 2 + 2 * outerPadding;
    return Math.max(textLength(this.title) + 2 + 2 * outerPadding, total);
  }

  private updateMaxWidths(row: string[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = row.map(textLength);
    } else {
      row.forEach((cell, i) => {
        this.maxWidths[i] = Math.max(textLength(cell), this.maxWidths[i] ?? 0);
      });
    }
  }
}

class MultiTable {
  sections: Section[] = [];
  private current: Section | undefined;

  newSection(title: string, indentLevel: number): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indentLevel = indentLevel;
    this.sections.push(this.current);
  }

  get section(): Section {
    if (this.current === undefined) this.newSection('', 0);
    return this.current as Section;
  }

  render(terminalWidth: number): string {
    let maxWidth = this.maxWidth();
    if (maxWidth > terminalWidth) {
      this.convertToVertical();
      maxWidth = this.maxWidth();
    }
    const out: string[] = [`${'-'.repeat(maxWidth)}\n`];
    for (const section of this.sections) this.renderSection(section, maxWidth, out);
    return out.join('');
  }

  private maxWidth(): number {
    return this.sections.reduce((max, s) => Math.max(max, s.totalWidth(4, s.indentLevel)), 0);
  }

  private convertToVertical(): void {
    this.sections = this.sections.map((section) => {
      if (section.rows.length !== 1 || section.headers.length === 0) return section;
      const vertical = new Section();
      vertical.title = section.title;
      vertical.indentLevel = section.indentLevel;
      section.headers.forEach((header, i) => vertical.addRow([header, (section.rows[0] as string[])[i]]));
      return vertical;
    });
  }

  private renderSection(section: Section, fullWidth: number, out: string[]): void {
    const indent = '|'.repeat(section.indentLevel);
    const write = (line: string): void => {
      out.push(`${indent}${line}${indent}\n`);
    };
    const maxWidth = fullWidth - section.indentLevel * 2;
    if (section.title !== '') {
      write(centerText(section.title, maxWidth, '|', '|'));
      if (section.headers.length === 0 && section.rows.length === 0) write(`+${'-'.repeat(maxWidth - 2)}+`);
    }
    if (section.headers.length > 0) {
      const widths = section.columnWidths(4, maxWidth);
      write(lineBreak(widths));
      write(section.headers.map((h, i) => centerText(h, widths[i] as number, i === 0 ? '|' : '', '|')).join(''));
    }
    if (section.rows.length > 0) {
      const widths = section.columnWidths(4, maxWidth);
      if (widths.length === 0) return;
      write(lineBreak(widths));
      for (const row of section.rows) {
        write(row.map((cell, i) => alignLeft(cell, widths[i] as number, i === 0 ? '|' : '', '|')).join(''));
      }
      write(lineBreak(widths));
    }
  }
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join('');
}

function centerText(text: string, length: number, left: string, right: string): string {
  const textLen = textLength(text);
  const start = Math.floor(length / 2) - Math.floor(textLen / 2) - 1;
  const soFar = left.length + start + textLen;
  return `${left}${' '.repeat(Math.max(0, start))}${text}${' '.repeat(Math.max(0, length - right.length - soFar))}${right}`;
}

function alignLeft(text: string, length: number, left: string, right: string): string {
  const textLen = textLength(text);
  const padding = length - (textLen + 2 + left.length + right.length) >= 0 ? 2 : 0;
  const soFar = left.length + padding + textLen;
  return `${left}${' '.repeat(padding)}${text}${' '.repeat(Math.max(0, length - soFar - right.length))}${right}`;
}

/** Python's round(): halves go to the even neighbour. */
function pythonRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (Math.abs(diff - 0.5) < 1e-12) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(x);
}

/** Display width: East Asian wide and full-width characters count 2 (awscli get_text_length). */
function textLength(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    n += wide ? 2 : 1;
  }
  return n;
}

const isScalar = (value: unknown): boolean => typeof value !== 'object' || value === null;

/** Python truthiness of a response value. */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return value !== null && value !== undefined && value !== false && value !== 0 && value !== '';
}

function buildTable(table: MultiTable, title: string | undefined, current: unknown, indent: number): boolean {
  if (!truthy(current)) return false;
  if (title !== undefined) table.newSection(title, indent);
  if (Array.isArray(current)) {
    if (!isScalar(current[0]) && !Array.isArray(current[0])) {
      buildFromList(table, current as Array<Record<string, unknown>>, indent, title);
    } else {
      for (const item of current) {
        if (isScalar(item)) table.section.addRow([item]);
        else if (Array.isArray(item) && item.every(isScalar)) table.section.addRow(item);
        else buildTable(table, undefined, item, 0);
      }
    }
  } else if (typeof current === 'object' && current !== null) {
    buildFromDict(table, current as Record<string, unknown>, indent);
  }
  return true;
}

function groupKeys(current: Record<string, unknown>): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const key of Object.keys(current)) (isScalar(current[key]) ? headers : more).push(key);
  return [headers.sort(pythonOrder), more.sort(pythonOrder)];
}

function buildFromDict(table: MultiTable, current: Record<string, unknown>, indent: number): void {
  const [headers, more] = groupKeys(current);
  if (headers.length === 1) {
    table.section.addRow([headers[0], current[headers[0] as string]]);
  } else if (headers.length > 0) {
    table.section.addHeader(headers);
    table.section.addRow(headers.map((h) => current[h]));
  }
  for (const key of more) buildTable(table, key, current[key], indent + 1);
}

function buildFromList(table: MultiTable, items: Array<Record<string, unknown>>, indent: number, title: string | undefined): void {
  const headerSet = new Set<string>();
  const moreSet = new Set<string>();
  for (const item of items) {
    if (isScalar(item) || Array.isArray(item)) continue;
    const [h, m] = groupKeys(item);
    h.forEach((k) => headerSet.add(k));
    m.forEach((k) => moreSet.add(k));
  }
  const headers = [...headerSet].sort(pythonOrder);
  const more = [...moreSet].sort(pythonOrder);
  table.section.addHeader(headers);
  items.forEach((element, index) => {
    if (index > 0 && more.length > 0) {
      table.newSection(title ?? '', indent);
      table.section.addHeader(headers);
    }
    const record = isScalar(element) || Array.isArray(element) ? {} : element;
    table.section.addRow(headers.map((h) => (Object.hasOwn(record, h) ? record[h] : '')));
    for (const key of more) {
      if (Object.hasOwn(record, key)) buildTable(table, key, record[key], indent + 1);
    }
  });
}
