/**
 * A CloudTrail record, assembled in the field order AWS prints (tests/fixtures/cloudtrail/SOURCES.md;
 * CloudTrail User Guide, "CloudTrail record contents",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html). Optional fields are
 * left out entirely rather than written as null, except requestParameters/responseElements, which
 * AWS always writes (null when empty).
 */

/** One identity block (`userIdentity`), already in AWS's field order. */
export type UserIdentity = Record<string, unknown>;

/** A `resources` entry; note the upper-case `ARN` key. */
export interface TrailResource {
  accountId?: string;
  type: string;
  ARN: string;
}

/** Everything a record can carry. */
export interface TrailRecordFields {
  eventVersion: string;
  userIdentity: UserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent?: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: unknown;
  responseElements: unknown;
  additionalEventData?: Record<string, unknown>;
  requestID?: string;
  eventID: string;
  readOnly: boolean;
  resources?: TrailResource[];
  eventType: 'AwsApiCall' | 'AwsConsoleSignIn' | 'AwsServiceEvent' | 'AwsConsoleAction';
  apiVersion?: string;
  managementEvent: boolean;
  recipientAccountId: string;
  sharedEventID?: string;
  eventCategory: 'Management' | 'Data';
  tlsDetails?: { tlsVersion: string; cipherSuite: string; clientProvidedHostHeader: string };
  sessionCredentialFromConsole?: 'true';
}

/** The field order of a printed CloudTrail record. */
const FIELD_ORDER: readonly (keyof TrailRecordFields)[] = [
  'eventVersion',
  'userIdentity',
  'eventTime',
  'eventSource',
  'eventName',
  'awsRegion',
  'sourceIPAddress',
  'userAgent',
  'errorCode',
  'errorMessage',
  'requestParameters',
  'responseElements',
  'additionalEventData',
  'requestID',
  'eventID',
  'readOnly',
  'resources',
  'eventType',
  'apiVersion',
  'managementEvent',
  'recipientAccountId',
  'sharedEventID',
  'eventCategory',
  'tlsDetails',
  'sessionCredentialFromConsole',
];

/** A plain record object with AWS's key order; undefined optional fields are omitted. */
export function buildTrailRecord(fields: TrailRecordFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = fields[key];
    if (value === undefined) {
      if (key === 'requestParameters' || key === 'responseElements') out[key] = null;
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** The TLS details CloudTrail records for a request to `host`. */
export function tlsDetails(host: string): NonNullable<TrailRecordFields['tlsDetails']> {
  return { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: host };
}

/** `eventVersion` per event source, as current real records carry them (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html). */
export function eventVersionFor(eventSource: string): string {
  switch (eventSource) {
    case 'iam.amazonaws.com':
    case 'ec2.amazonaws.com':
      return '1.09';
    case 's3.amazonaws.com':
    case 'cloudtrail.amazonaws.com':
      return '1.11';
    default:
      return '1.08';
  }
}
