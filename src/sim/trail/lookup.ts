/**
 * CloudTrail Event history (LookupEvents): management events only, newest first, filtered by one
 * lookup attribute and a time range within the last 90 days (CloudTrail API Reference, "LookupEvents").
 */

/** One LookupEvents result (EventTime as epoch ms; the caller formats it). */
export interface LookedUpEvent {
  EventId: string;
  EventName: string;
  ReadOnly: string;
  AccessKeyId?: string;
  EventTime: number;
  EventSource: string;
  Username?: string;
  Resources: { ResourceType: string; ResourceName: string }[];
  CloudTrailEvent: string;
}

/** The query. */
export interface LookupQuery {
  attribute?: { key: string; value: string };
  startMs?: number;
  endMs?: number;
  nowMs: number;
  maxResults?: number;
}

const NINETY_DAYS_MS = 90 * 24 * 3600 * 1000;

/** The Username Event history shows: the user name, the role session name, or `root`. */
function usernameOf(record: Record<string, unknown>): string | undefined {
  const id = record['userIdentity'] as Record<string, unknown> | undefined;
  if (!id) return undefined;
  if (id['type'] === 'Root') return 'root';
  if (id['type'] === 'AssumedRole') return String(id['principalId'] ?? '').split(':')[1];
  return typeof id['userName'] === 'string' ? id['userName'] : undefined;
}

/**
 * Event history names the resources of IAM events from their request parameters (a CreateUser event
 * lists `AWS::IAM::User` with the user name), although the log record has no `resources` block.
 */
const IAM_RESOURCE_PARAMETERS: readonly [string, string][] = [
  ['policyArn', 'AWS::IAM::Policy'],
  ['userName', 'AWS::IAM::User'],
  ['groupName', 'AWS::IAM::Group'],
  ['roleName', 'AWS::IAM::Role'],
  ['accessKeyId', 'AWS::IAM::AccessKey'],
  ['serialNumber', 'AWS::IAM::MfaDevice'],
];

function resourcesOf(record: Record<string, unknown>): { ResourceType: string; ResourceName: string }[] {
  const resources = (record['resources'] as { type: string; ARN: string }[] | undefined) ?? [];
  const out = resources.map((r) => ({ ResourceType: r.type, ResourceName: r.ARN }));
  const params = record['requestParameters'];
  if (record['eventSource'] === 'iam.amazonaws.com' && params && typeof params === 'object') {
    for (const [key, type] of IAM_RESOURCE_PARAMETERS) {
      const value = (params as Record<string, unknown>)[key];
      if (typeof value === 'string') out.push({ ResourceType: type, ResourceName: value });
    }
  }
  return out;
}

/** Runs a LookupEvents query over the records. */
export function lookupEvents(records: readonly Record<string, unknown>[], query: LookupQuery): LookedUpEvent[] {
  const out: LookedUpEvent[] = [];
  for (const record of [...records].reverse()) {
    if (record['managementEvent'] !== true) continue;
    const time = Date.parse(String(record['eventTime']));
    if (time < query.nowMs - NINETY_DAYS_MS) continue;
    if (query.startMs !== undefined && time < query.startMs) continue;
    if (query.endMs !== undefined && time > query.endMs) continue;
    const id = (record['userIdentity'] as Record<string, unknown> | undefined) ?? {};
    const event: LookedUpEvent = {
      EventId: String(record['eventID']),
      EventName: String(record['eventName']),
      ReadOnly: String(record['readOnly']),
      ...(typeof id['accessKeyId'] === 'string' && id['accessKeyId'] !== '' ? { AccessKeyId: id['accessKeyId'] } : {}),
      EventTime: time,
      EventSource: String(record['eventSource']),
      ...(usernameOf(record) !== undefined ? { Username: usernameOf(record) as string } : {}),
      Resources: resourcesOf(record),
      CloudTrailEvent: JSON.stringify(record),
    };
    if (query.attribute && !matches(event, query.attribute)) continue;
    out.push(event);
    if (out.length >= (query.maxResults ?? Number.POSITIVE_INFINITY)) break;
  }
  return out;
}

function matches(event: LookedUpEvent, attr: { key: string; value: string }): boolean {
  switch (attr.key) {
    case 'EventId':
      return event.EventId === attr.value;
    case 'EventName':
      return event.EventName === attr.value;
    case 'ReadOnly':
      return event.ReadOnly === attr.value;
    case 'Username':
      return event.Username === attr.value;
    case 'EventSource':
      return event.EventSource === attr.value;
    case 'AccessKeyId':
      return event.AccessKeyId === attr.value;
    case 'ResourceType':
      return event.Resources.some((r) => r.ResourceType === attr.value);
    case 'ResourceName':
      return event.Resources.some((r) => r.ResourceName === attr.value);
    default:
      return false;
  }
}
