/**
 * KMS's errors (KMS API Reference, each operation's Errors section). KMS is a JSON-protocol service:
 * denials are AccessDeniedException, answered with HTTP 400 as KMS does.
 */
import { fault, type ServiceFault } from '../errors.ts';

/** AccessDeniedException with AWS's sentence. */
export const kmsAccessDenied = (message: string): ServiceFault => fault('AccessDeniedException', message, 400);

/** NotFoundException for a key ID or ARN. */
export const keyNotFound = (arn: string): ServiceFault => fault('NotFoundException', `Key '${arn}' does not exist`, 400);

/** NotFoundException for an alias. */
export const aliasNotFound = (aliasArn: string): ServiceFault => fault('NotFoundException', `Alias ${aliasArn} is not found.`, 400);

/** DisabledException: the key is disabled. */
export const keyDisabled = (arn: string): ServiceFault => fault('DisabledException', `${arn} is disabled.`, 400);

/** KMSInvalidStateException: the key is pending deletion (or in another state the operation refuses). */
export const keyPendingDeletion = (arn: string): ServiceFault => fault('KMSInvalidStateException', `${arn} is pending deletion.`, 400);

/** KMSInvalidStateException for a key that is not pending deletion. */
export const keyNotPendingDeletion = (arn: string): ServiceFault =>
  fault('KMSInvalidStateException', `${arn} is not pending deletion.`, 400);

/** InvalidCiphertextException: KMS gives no message (the CLI prints nothing after the colon). */
export const invalidCiphertext = (): ServiceFault => fault('InvalidCiphertextException', '', 400);

/** IncorrectKeyException: the ciphertext was not encrypted under the key the request names. */
export const incorrectKey = (): ServiceFault =>
  fault('IncorrectKeyException', 'The key ID in the request does not identify a CMK that can perform this operation.', 400);

/** AlreadyExistsException for an alias. */
export const aliasExists = (aliasArn: string): ServiceFault =>
  fault('AlreadyExistsException', `An alias with the name ${aliasArn} already exists`, 400);

/** The lockout-safety check (KMS Developer Guide, "Default key policy" / PutKeyPolicy, BypassPolicyLockoutSafetyCheck). */
export const lockout = (): ServiceFault =>
  fault('MalformedPolicyDocumentException', 'The new key policy will not allow you to update the key policy in the future.', 400);

/**
 * A key policy that does not parse: KMS answers with no message at all (reported to the AWS SDK team,
 * https://github.com/aws/aws-sdk-ruby/issues/1784); the terminal adds the file, line and column.
 */
export const malformedKeyPolicy = (): ServiceFault => fault('MalformedPolicyDocumentException', '', 400);

/** A grant ID the key does not have. */
export const grantNotFound = (grantId: string): ServiceFault => fault('NotFoundException', `Grant ID ${grantId} not found`, 400);

/** An alias name KMS refuses. */
export const invalidAliasName = (message: string): ServiceFault => fault('InvalidAliasNameException', message, 400);
