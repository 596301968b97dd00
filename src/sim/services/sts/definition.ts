/** STS as a service: regional, query protocol; its AccessDenied and denied records have their own shape. */
import type { ServiceDefinition } from '../service.ts';
import { ASSUME_ROLE_WITH_WEB_IDENTITY } from './assume-role-with-web-identity.ts';
import { STS_OPERATIONS_IMPL } from './operations.ts';
import { STS_SAML_OPERATIONS } from './assume-role-with-saml.ts';

/** STS. */
export const STS_SERVICE: ServiceDefinition = {
  name: 'sts',
  operations: { ...STS_OPERATIONS_IMPL, ...STS_SAML_OPERATIONS, AssumeRoleWithWebIdentity: ASSUME_ROLE_WITH_WEB_IDENTITY },
  errorProtocol: 'query',
  // Real AssumeRole denials recorded in CloudTrail end after the resource, without the reason clause that
  // "Troubleshoot access denied error messages" shows for other calls (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
  deniedMessage: (request, _result, raw) =>
    request.action.toLowerCase() === 'sts:assumerole'
      ? `User: ${request.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${request.resource}`
      : raw,
  // Denied STS calls log no parameters and no resources (the AssumeRole AccessDenied record in tests/fixtures/cloudtrail/).
  deniedHidesParameters: (_operation, code) => code === 'AccessDenied',
};
