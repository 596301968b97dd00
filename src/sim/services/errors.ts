/**
 * Service errors in AWS's terms. Every error the simulated services answer is built here, from a
 * stable code and its parameters, so the exact AWS wording lives in one place (IAM User Guide,
 * "Troubleshoot access denied error messages", https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html; "IAM and AWS STS quotas", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
import type { ServiceError } from './contract.ts';
import type { ErrorProtocol } from './service.ts';

/** Thrown by operation handlers; the invoke pipeline turns it into a ServiceResponse error. */
export class ServiceFault extends Error {
  readonly error: ServiceError;
  constructor(code: string, message: string, httpStatus: number) {
    super(message);
    this.error = { code, message, httpStatus };
  }
}

/** A fault with an arbitrary AWS code. */
export function fault(code: string, message: string, httpStatus = 400): ServiceFault {
  return new ServiceFault(code, message, httpStatus);
}

/** IAM NoSuchEntity (404). */
export const noSuchEntity = (message: string): ServiceFault => fault('NoSuchEntity', message, 404);
/** IAM EntityAlreadyExists (409). */
export const entityAlreadyExists = (message: string): ServiceFault => fault('EntityAlreadyExists', message, 409);
/** IAM DeleteConflict (409). */
export const deleteConflict = (message: string): ServiceFault => fault('DeleteConflict', message, 409);
/** IAM LimitExceeded (409). */
export const limitExceeded = (message: string): ServiceFault => fault('LimitExceeded', message, 409);
/** IAM InvalidInput (400). */
export const invalidInput = (message: string): ServiceFault => fault('InvalidInput', message, 400);
/** MalformedPolicyDocument (400). */
export const malformedPolicyDocument = (message: string): ServiceFault => fault('MalformedPolicyDocument', message, 400);
/** AccessDenied (403). */
export const accessDenied = (message: string): ServiceFault => fault('AccessDenied', message, 403);

/** The user/group/role/... with name X cannot be found. */
export function entityNotFound(kind: 'user' | 'group' | 'role', name: string): ServiceFault {
  return noSuchEntity(`The ${kind} with name ${name} cannot be found.`);
}

/** One failed constraint of a request member, in AWS's validation wording. */
export interface ConstraintViolation {
  /** The member path in camelCase, as AWS names it (`userName`, `tags.1.member.key`). */
  member: string;
  value: unknown;
  constraint: string;
}

/** `1 validation error detected: Value 'x' at 'userName' failed to satisfy constraint: ...`. */
export function validationError(violations: readonly ConstraintViolation[]): ServiceFault {
  const n = violations.length;
  const parts = violations.map((v) => `Value ${describeValue(v.value)} at '${v.member}' failed to satisfy constraint: ${v.constraint}`);
  return fault('ValidationError', `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`, 400);
}

/** A ValidationError with a free-form message (STS duration limits...). */
export const validationMessage = (message: string): ServiceFault => fault('ValidationError', message, 400);

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return `'${String(value)}'`;
  return `'${JSON.stringify(value)}'`;
}

/** Authentication failures, per error protocol (the request never reaches authorization). */
export function authenticationFault(protocol: ErrorProtocol, reason: 'unknownKey' | 'badSignature' | 'expired'): ServiceFault {
  if (protocol === 's3') {
    if (reason === 'expired') return fault('ExpiredToken', 'The provided token has expired.', 400);
    if (reason === 'badSignature') {
      return fault(
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        403,
      );
    }
    return fault('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403);
  }
  if (reason === 'expired') {
    return protocol === 'json'
      ? fault('ExpiredTokenException', 'The security token included in the request is expired', 400)
      : fault('ExpiredToken', 'The security token included in the request is expired', 403);
  }
  if (reason === 'badSignature') {
    return fault(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      403,
    );
  }
  return protocol === 'json'
    ? fault('UnrecognizedClientException', 'The security token included in the request is invalid.', 400)
    : fault('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
}

/** AccessDenied in the protocol's terms: JSON-protocol services answer AccessDeniedException 400 (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/CommonErrors.html). */
export function accessDeniedFor(protocol: ErrorProtocol, message: string): ServiceFault {
  return protocol === 'json' ? fault('AccessDeniedException', message, 400) : accessDenied(message);
}
