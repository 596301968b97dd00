/**
 * What GetSessionToken credentials may call (STS API Reference, "GetSessionToken"): IAM only when
 * the session was MFA-authenticated, and of STS only AssumeRole and GetCallerIdentity; and what a
 * console session that must change its password may call.
 */
import type { Caller } from '../../world/caller.ts';
import { authenticationFault, accessDenied, type ServiceFault } from '../errors.ts';

/** The fault a restricted session gets for this call, if any. */
export function sessionRestriction(caller: Caller, service: string, operation: string): ServiceFault | undefined {
  const session = caller.session;
  // A console sign-in that must first change its password (PasswordResetRequired, or an expired
  // password) reaches nothing else until it does (IAM User Guide, "Manage passwords for IAM users").
  // GetCallerIdentity stays open: no permission is needed for it and none can deny it (STS API Reference).
  const passwordChangeCalls =
    (service === 'iam' && (operation === 'ChangePassword' || operation === 'GetAccountPasswordPolicy')) ||
    (service === 'sts' && operation === 'GetCallerIdentity');
  if (session?.kind === 'Console' && session.mustChangePassword && !passwordChangeCalls) {
    return accessDenied('You must change your password before you can use the AWS Management Console.');
  }
  if (!session || session.kind !== 'GetSessionToken') return undefined;
  if (service === 'iam' && !session.mfaAuthenticated) return authenticationFault('query', 'unknownKey');
  if (service === 'sts' && operation !== 'AssumeRole' && operation !== 'GetCallerIdentity') {
    return operation === 'GetSessionToken'
      ? accessDenied('Cannot call GetSessionToken with session credentials')
      : accessDenied(`Cannot call ${operation} with session credentials`);
  }
  return undefined;
}
