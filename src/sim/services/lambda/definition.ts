/**
 * Lambda as a service: REST-JSON errors (AccessDeniedException), and CloudTrail event names with
 * the API version Lambda logs them under (`CreateFunction20150331`, `GetFunction20150331v2`; see
 * the management-event examples in the Lambda Developer Guide, "Logging AWS Lambda API calls using
 * AWS CloudTrail": https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html).
 */
import type { ServiceDefinition } from '../service.ts';
import { LAMBDA_OPERATIONS_IMPL } from './operations.ts';

const EVENT_NAMES: Record<string, string> = {
  CreateFunction: 'CreateFunction20150331',
  GetFunction: 'GetFunction20150331v2',
  ListFunctions: 'ListFunctions20150331',
  UpdateFunctionConfiguration: 'UpdateFunctionConfiguration20150331v2',
  UpdateFunctionCode: 'UpdateFunctionCode20150331v2',
  DeleteFunction: 'DeleteFunction20150331',
  AddPermission: 'AddPermission20150331v2',
  RemovePermission: 'RemovePermission20150331v2',
  GetPolicy: 'GetPolicy20150331v2',
};

/** Lambda. */
export const LAMBDA_SERVICE: ServiceDefinition = {
  name: 'lambda',
  operations: LAMBDA_OPERATIONS_IMPL,
  errorProtocol: 'json',
  eventName: (operation) => (Object.hasOwn(EVENT_NAMES, operation) ? (EVENT_NAMES[operation] as string) : operation),
};
