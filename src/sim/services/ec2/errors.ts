/**
 * EC2's errors (EC2 API Reference, "Error codes"). EC2 is a query-protocol service: a denial is
 * UnauthorizedOperation, whose message ends with an encoded authorization failure message that
 * `aws sts decode-authorization-message` reads (STS API Reference, "DecodeAuthorizationMessage",
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html).
 */
import { fault, type ServiceFault } from '../errors.ts';

/** UnauthorizedOperation (403) around AWS's sentence. */
export function unauthorizedOperation(sentence: string, encoded: string): ServiceFault {
  return fault(
    'UnauthorizedOperation',
    `You are not authorized to perform this operation. ${sentence}. Encoded authorization failure message: ${encoded}`,
    403,
  );
}

/** DryRunOperation (412): the request would have succeeded (EC2 API Reference, "DryRun" parameter). */
export const dryRunSucceeded = (): ServiceFault => fault('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);

/** InvalidInstanceID.NotFound. */
export const instanceNotFound = (id: string): ServiceFault =>
  fault('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`, 400);

/** InvalidInstanceID.Malformed. */
export const instanceIdMalformed = (id: string): ServiceFault => fault('InvalidInstanceID.Malformed', `Invalid id: "${id}"`, 400);

/** IncorrectInstanceState for a start or stop the instance's state does not allow. */
export const incorrectInstanceState = (id: string, action: 'started' | 'stopped'): ServiceFault =>
  fault('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be ${action}.`, 400);

/** InvalidParameterValue for an instance profile that does not exist. */
export const invalidInstanceProfile = (given: string, member: 'name' | 'arn'): ServiceFault =>
  fault(
    'InvalidParameterValue',
    `Value (${given}) for parameter iamInstanceProfile.${member} is invalid. Invalid IAM Instance Profile ${member}`,
    400,
  );

/** IncorrectState: the instance already has an instance profile association. */
export const existingAssociation = (id: string): ServiceFault =>
  fault('IncorrectState', `There is an existing association for instance ${id}`, 400);

/** InvalidAssociationID.NotFound. */
export const associationNotFound = (id: string): ServiceFault =>
  fault('InvalidAssociationID.NotFound', `An association ID '${id}' is not found.`, 400);
