/**
 * Event history's lookup attributes (CloudTrail User Guide, "Viewing CloudTrail events with the
 * CloudTrail console": event name, user name, resource type, resource name, event source, AWS access
 * key, read-only) and its downloads (CSV columns as the console's "Download events" writes them).
 */

/** The lookup attributes the console offers, with LookupEvents' AttributeKey. */
export const LOOKUP_ATTRIBUTES = [
  ['ReadOnly', 'Read-only'],
  ['EventName', 'Event name'],
  ['Username', 'User name'],
  ['ResourceType', 'Resource type'],
  ['ResourceName', 'Resource name'],
  ['EventSource', 'Event source'],
  ['AccessKeyId', 'AWS access key'],
  ['EventId', 'Event ID'],
] as const;

/** One row of Event history (a LookupEvents event). */
export interface HistoryEvent {
  EventId: string;
  EventName: string;
  ReadOnly: string;
  AccessKeyId?: string;
  EventTime: string;
  EventSource: string;
  Username?: string;
  Resources: { ResourceType: string; ResourceName: string }[];
  CloudTrailEvent: string;
}

const CSV_COLUMNS = [
  'Event ID',
  'Event time',
  'User name',
  'Event name',
  'Resource type',
  'Resource name',
  'AWS access key',
  'AWS region',
  'Error code',
  'Source IP address',
  'Event source',
  'Read-only',
] as const;

/** The events as CSV (RFC 4180 quoting), one line per event. */
export function eventsCsv(events: readonly HistoryEvent[]): string {
  const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of events) {
    const record = JSON.parse(e.CloudTrailEvent) as Record<string, unknown>;
    lines.push(
      [
        e.EventId,
        e.EventTime,
        e.Username ?? '',
        e.EventName,
        e.Resources.map((r) => r.ResourceType).join(', '),
        e.Resources.map((r) => r.ResourceName).join(', '),
        e.AccessKeyId ?? '',
        String(record['awsRegion'] ?? ''),
        String(record['errorCode'] ?? ''),
        String(record['sourceIPAddress'] ?? ''),
        e.EventSource,
        e.ReadOnly,
      ]
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The events as the console's JSON download: `{ "Records": [ …the CloudTrail records… ] }`. */
export function eventsJson(events: readonly HistoryEvent[]): string {
  return JSON.stringify({ Records: events.map((e) => JSON.parse(e.CloudTrailEvent) as unknown) }, null, 2);
}
