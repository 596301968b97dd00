/**
 * What GetSessionToken credentials may call (STS API Reference, "GetSessionToken"): IAM only when
 * the session was MFA-authenticated, and of STS only AssumeRole and GetCallerIdentity.
 */
import type { Caller } from '../../world/caller.ts';
import { authenticationFault, accessDenied, type ServiceFault } from '../errors.ts';

/** The fault a restricted session gets for this call, if any. */
export function sessionRestriction(caller: Caller, service: string, operation: string): ServiceFault | undefined {
  const session = caller.session;
  if (!session || session.kind !== 'GetSessionToken') return undefined;
  if (service === 'iam' && !session.mfaAuthenticated) return authenticationFault('query', 'unknownKey');
  if (service === 'sts' && operation !== 'AssumeRole' && operation !== 'GetCallerIdentity') {
    return operation === 'GetSessionToken' ? accessDenied('Cannot call GetSessionToken with session credentials') : accessDenied(`Cannot call ${operation} with session credentials`);
  }
  return undefined;
}
