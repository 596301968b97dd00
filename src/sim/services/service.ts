/**
 * What one AWS service declares about itself, so the generic pipeline (invoke.ts, errors.ts) holds
 * no service's special case: its operations, its error protocol, where its calls are logged, how
 * its AccessDenied reads and how its CloudTrail records differ. A service is one folder exporting
 * one ServiceDefinition, registered with one line in handlers.ts.
 */
import type { AuthorizationRequest, AuthorizationResult } from '../evaluate/types.ts';
import type { IdGenerator } from '../world/ids.ts';
import type { OperationDefinition } from './operation.ts';

/**
 * How the service answers errors: `query` (IAM, STS: `AccessDenied` 403, `InvalidClientTokenId`),
 * `json` (CloudTrail, Organizations: codes end in `Exception`, HTTP 400), `s3` (S3's REST-XML codes).
 */
export type ErrorProtocol = 'query' | 'json' | 's3';

/** Where a denied request's principal and resource sit relative to each other. */
export interface DenialScope {
  crossAccount: boolean;
  /** Both accounts are in the same organization (AWS then explains denials across accounts too). */
  sameOrganization: boolean;
}

/** One simulated service. */
export interface ServiceDefinition {
  /** Service prefix as in IAM actions and `ServiceRequest.service` (`iam`, `s3`). */
  name: string;
  /** Implemented operations by API name. */
  operations: Readonly<Record<string, OperationDefinition>>;
  errorProtocol: ErrorProtocol;
  /** Global services are logged in one region (IAM and Organizations: us-east-1) whatever the client targets. */
  globalRegion?: string;
  /** The record's eventSource; default `<name>.amazonaws.com` (sso-admin and the portal log as `sso.amazonaws.com`, S3 Control as `s3.amazonaws.com`). */
  eventSource?: string;
  /** The TLS host in records; default `<name>.<region>.amazonaws.com`. */
  host?(region: string): string;
  /** The record's eventName when it differs from the operation name. */
  eventName?(operation: string): string;
  /** The record's errorCode when it differs from the API's (EC2 logs client errors as `Client.<code>`). */
  trailErrorCode?(code: string): string;
  /**
   * The AccessDenied text when the service words it differently from the engine's grammar; `raw`
   * is the engine's sentence (with `displayResource` already substituted).
   */
  deniedMessage?(request: AuthorizationRequest, result: AuthorizationResult, raw: string, scope: DenialScope): string;
  /** Options the engine's message builder takes for this service (S3 quotes the resource). */
  messageOptions?(request: AuthorizationRequest): { quoteResource?: boolean; omitResource?: boolean };
  /** The record's userAgent for a request's user agent (S3 brackets it). */
  trailUserAgent?(userAgent: string): string;
  /** The record's requestID (S3's are 16 characters; others UUIDs). */
  requestId?(ids: IdGenerator): string;
  /** Denied calls of this operation log `requestParameters: null` and no resources (STS: the AssumeRole AccessDenied record in tests/fixtures/cloudtrail/). */
  deniedHidesParameters?(operation: string, errorCode: string): boolean;
}
