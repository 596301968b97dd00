/**
 * Authorization with a service's own denial: Lambda and KMS answer AccessDeniedException, EC2
 * UnauthorizedOperation with an encoded message. The engine decides and words the sentence
 * (`accessDeniedMessage`); the service chooses the error around it.
 */
import { accessDeniedMessage, type AccessDeniedOptions } from '../evaluate/messages.ts';
import type { AuthorizationRequest, AuthorizationResult } from '../evaluate/types.ts';
import type { ServiceFault } from './errors.ts';
import type { AuthorizeOptions, OperationContext } from './operation.ts';
import { requestPrincipal } from './request-context.ts';

/** Builds the service's error from AWS's sentence and the decision behind it. */
export type DenialFault = (message: string, result: AuthorizationResult, request: AuthorizationRequest) => ServiceFault;

/** Authorizes `action` on `resource`; a denial throws the fault `deny` builds. */
export function authorizeWith(
  ctx: OperationContext,
  action: string,
  resource: string,
  options: AuthorizeOptions,
  deny: DenialFault,
  words: AccessDeniedOptions = {},
): AuthorizationResult {
  const result = ctx.check(action, resource, options);
  if (result.decision === 'allowed') return result;
  throw denial(ctx, action, resource, options, result, deny, words);
}

/** The fault for a decision already made (`ctx.check`) that denied. */
export function denial(
  ctx: OperationContext,
  action: string,
  resource: string,
  options: AuthorizeOptions,
  result: AuthorizationResult,
  deny: DenialFault,
  words: AccessDeniedOptions = {},
): ServiceFault {
  const request: AuthorizationRequest = {
    principal: requestPrincipal(ctx.caller),
    action,
    resource,
    resourceAccountId: options.resourceAccountId ?? ctx.state.accountId,
    context: {},
    identityPolicies: [],
  };
  return deny(accessDeniedMessage(request, result, words), result, request);
}
