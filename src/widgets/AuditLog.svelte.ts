/**
 * State of the AuditLog widget: the world's CloudTrail records, refreshed whenever the world
 * changes, and the learner's filters (identity, event name, errors only, read-only or not, and the
 * access key and source IP an investigation pivots on: lesson 9 teaches "pivot on the access key,
 * the source IP address", as the CloudTrail console filters on AWS access key).
 */
import { worldSession, type WorldSession } from './world-session.svelte.ts';

/** A CloudTrail record as the trail returns it (AWS's log-file format). */
export type TrailRecord = Record<string, unknown>;

/** One table row, read defensively from a record (any field may be missing). */
export interface TrailRow {
  index: number;
  time: string;
  identity: string;
  event: string;
  source: string;
  error: string | null;
  readOnly: boolean | null;
  /** `userIdentity.accessKeyId`, '' when the call was signed with none (console, anonymous). */
  accessKey: string;
  /** `sourceIPAddress` (an IP, or a service name for calls a service made). */
  sourceIp: string;
  record: TrailRecord;
}

/** What the learner filters on. */
export interface TrailFilters {
  identity: string;
  eventName: string;
  errorsOnly: boolean;
  access: 'all' | 'read' | 'write';
  accessKey: string;
  sourceIp: string;
}

/** Whether a row passes the filters (text filters: event name contains; key and IP match exactly, ignoring spaces). */
export function passes(r: TrailRow, f: TrailFilters): boolean {
  const name = f.eventName.trim().toLowerCase();
  const key = f.accessKey.trim();
  const ip = f.sourceIp.trim();
  return (
    (f.identity === '' || r.identity === f.identity) &&
    (name === '' || r.event.toLowerCase().includes(name)) &&
    (!f.errorsOnly || r.error !== null) &&
    (f.access === 'all' || r.readOnly === (f.access === 'read')) &&
    (key === '' || r.accessKey === key) &&
    (ip === '' || r.sourceIp === ip)
  );
}

/** Rows rendered at first; older ones on demand. */
export const AUDIT_ROWS = 100;

/** State and actions of one AuditLog widget. */
export class AuditLogState {
  rows: TrailRow[] = $state.raw([]);
  error: string | null = $state(null);
  identity = $state('');
  eventName = $state('');
  errorsOnly = $state(false);
  access: 'all' | 'read' | 'write' = $state('all');
  accessKey = $state('');
  sourceIp = $state('');

  readonly session: WorldSession;

  constructor(world: string) {
    this.session = worldSession(world);
  }

  /** The rows that pass the filters, newest first. */
  get visible(): TrailRow[] {
    return this.rows.filter((r) => passes(r, this)).toReversed();
  }

  /** Shows only the events with this record's access key or source IP, every other filter cleared. */
  pivot(row: TrailRow, on: 'accessKey' | 'sourceIp'): void {
    this.identity = '';
    this.eventName = '';
    this.errorsOnly = false;
    this.access = 'all';
    this.accessKey = on === 'accessKey' ? row.accessKey : '';
    this.sourceIp = on === 'sourceIp' ? row.sourceIp : '';
  }

  /** Identities that appear in the trail, for the filter. */
  get identities(): string[] {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway Set that drops duplicates; nothing observes it
    return [...new Set(this.rows.map((r) => r.identity))].sort();
  }

  /** How many of the newest matching rows are rendered (hours of use must not grow the page without end). */
  shown = $state(AUDIT_ROWS);

  /** The rows rendered now: the newest `shown` of `visible`. */
  get page(): TrailRow[] {
    return this.visible.slice(0, this.shown);
  }

  /** Renders AUDIT_ROWS more of the older rows. */
  showOlder(): void {
    this.shown += AUDIT_ROWS;
  }

  /** Reads the records added since the last read (all of them when the world was replaced). */
  async refresh(): Promise<void> {
    const known = this.rows.length;
    const first = known > 0 ? ((this.rows[0]!.record['eventID'] as string | undefined) ?? null) : null;
    const result = await this.session.read((api) => api.trailTail(this.session.name, known, first));
    if (!result.ok) {
      this.error = `${result.error.message} [${result.error.code}]`;
      return;
    }
    this.error = null;
    const { from, records } = result.value;
    const added = records.map((r, i) => toRow(r, from + i));
    this.rows = from === 0 ? added : added.length === 0 ? this.rows : [...this.rows.slice(0, from), ...added];
  }

  /** The filtered records as a CloudTrail log file (`{ "Records": [...] }`). */
  exportJson(): string {
    return JSON.stringify({ Records: this.visible.toReversed().map((r) => r.record) }, null, 2);
  }
}

/** Reads the columns of one record; a field of the wrong type shows as text, never breaks the table. */
export function toRow(record: TrailRecord, index: number): TrailRow {
  const identity = (record['userIdentity'] ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));
  const who = text(identity['arn']) || text(identity['userName']) || text(identity['invokedBy']) || text(identity['type']) || 'unknown';
  const errorCode = text(record['errorCode']);
  const readOnly = record['readOnly'];
  return {
    index,
    time: text(record['eventTime']),
    identity: who,
    event: text(record['eventName']),
    source: text(record['eventSource']),
    error: errorCode === '' ? null : errorCode,
    readOnly: typeof readOnly === 'boolean' ? readOnly : null,
    accessKey: text(identity['accessKeyId']),
    sourceIp: text(record['sourceIPAddress']),
    record,
  };
}
