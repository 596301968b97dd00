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

/** One page of a LookupEvents answer. */
export interface EventsPage {
  Events: LookedUpEvent[];
  NextToken?: string;
}

/** The default and largest page: "The default number of results returned is 50, with a maximum of 50 possible." (API Reference, LookupEvents). */
export const LOOKUP_PAGE_SIZE = 50;

/**
 * Cuts the answer into pages. The token names the last event returned and the query it belongs to:
 * AWS says the token "must be passed in with the same parameters as the previous call", and answers
 * InvalidNextTokenException for "a token that was previously used in a request with different
 * parameters". Naming the event (not an offset) keeps the next page right when newer events arrive
 * between calls, as they do here: each LookupEvents call is itself a management event.
 */
export function pageOfEvents(
  events: readonly LookedUpEvent[],
  query: string,
  maxResults: number | undefined,
  nextToken: string | undefined,
): EventsPage | 'INVALID_TOKEN' {
  let start = 0;
  if (nextToken !== undefined) {
    const after = tokenEvent(nextToken, query);
    const index = after === undefined ? -1 : events.findIndex((e) => e.EventId === after);
    if (index < 0) return 'INVALID_TOKEN';
    start = index + 1;
  }
  const end = start + (maxResults ?? LOOKUP_PAGE_SIZE);
  const page = events.slice(start, end);
  const last = page[page.length - 1];
  return end < events.length && last !== undefined
    ? { Events: page, NextToken: btoa(JSON.stringify({ after: last.EventId, query })) }
    : { Events: page };
}

function tokenEvent(token: string, query: string): string | undefined {
  try {
    const data = JSON.parse(atob(token)) as unknown;
    if (typeof data !== 'object' || data === null) return undefined;
    const { after, query: was } = data as Record<string, unknown>;
    return typeof after === 'string' && was === query ? after : undefined;
  } catch {
    return undefined;
  }
}
