/**
 * Lambda's errors (Lambda API Reference, "Common Errors" and each operation's Errors section). Lambda
 * is a REST-JSON service: its denial code is AccessDeniedException (CloudTrail User Guide, "CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
 */
import { fault, type ServiceFault } from '../errors.ts';

/** AccessDeniedException (403) with AWS's sentence. */
export const lambdaAccessDenied = (message: string): ServiceFault => fault('AccessDeniedException', message, 403);

/** ResourceNotFoundException for a function: `Function not found: <arn>`. */
export const functionNotFound = (arn: string): ServiceFault => fault('ResourceNotFoundException', `Function not found: ${arn}`, 404);

/** ResourceConflictException for CreateFunction of an existing name. */
export const functionExists = (name: string): ServiceFault => fault('ResourceConflictException', `Function already exist: ${name}`, 409);

/**
 * The role's trust policy does not let lambda.amazonaws.com assume it (Lambda Developer Guide,
 * "Troubleshoot execution role", and the CreateFunction InvalidParameterValueException).
 */
export const roleCannotBeAssumed = (): ServiceFault =>
  fault('InvalidParameterValueException', 'The role defined for the function cannot be assumed by Lambda.', 400);

/** InvalidParameterValueException with a message. */
export const invalidParameter = (message: string): ServiceFault => fault('InvalidParameterValueException', message, 400);

/** GetPolicy of a function without a resource-based policy. */
export const noPolicy = (): ServiceFault => fault('ResourceNotFoundException', 'The resource you requested does not exist.', 404);

/** AddPermission with a statement ID already in the policy. */
export const statementExists = (sid: string): ServiceFault =>
  fault(
    'ResourceConflictException',
    `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
    409,
  );

/** RemovePermission of a statement ID that is not in the policy. */
export const statementNotFound = (sid: string): ServiceFault =>
  fault('ResourceNotFoundException', `Statement ${sid} is not found in resource policy.`, 404);

/** A RevisionId that is not the function's current one. */
export const revisionMismatch = (): ServiceFault =>
  fault(
    'PreconditionFailedException',
    'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
    412,
  );
