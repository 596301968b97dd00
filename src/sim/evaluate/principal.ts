/**
 * Matching the request's principal against a `Principal`/`NotPrincipal` element (IAM User Guide,
 * "AWS JSON policy elements: Principal"). Naming an account (`123456789012` or `…:root`) delegates
 * to the account: it matches every principal of that account but grants nothing by itself — an
 * identity policy must also allow. Naming a role matches that role's sessions; naming a session ARN
 * matches that session only. ARNs compare case-sensitively.
 */
import type { ParsedPrincipal } from '../policy/types.ts';
import type { RequestPrincipal } from './types.ts';

/** How a principal element named the caller; drives the same-account table ("Policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). */
export type PrincipalMatchKind = 'wildcard' | 'account' | 'user' | 'role' | 'session' | 'federatedUserViaUser' | 'service' | 'federated';

/** The strongest way an element named the caller, and the value that did. */
export interface PrincipalMatch {
  kind: PrincipalMatchKind;
  value: string;
}

/**
 * Finds how `element` names `principal`; undefined when it does not. In `NotPrincipal` an account
 * (`…:root` or the 12 digits) names the account principal itself, not every user and role in it:
 * "all principals except the user named Bob in AWS account 444455556666 are explicitly denied" when
 * NotPrincipal lists Bob and the account (IAM User Guide, "AWS JSON policy elements: NotPrincipal",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
 */
export function matchPrincipal(
  element: ParsedPrincipal,
  principal: RequestPrincipal,
  options: { notPrincipal?: boolean } = {},
): PrincipalMatch | undefined {
  if (element.wildcard) return { kind: 'wildcard', value: '*' };
  let best: PrincipalMatch | undefined;
  for (const entry of element.entries) {
    for (const v of entry.values) {
      let kind = matchOne(entry.kind, v.value, principal);
      if (kind === 'account' && options.notPrincipal === true && principal.type !== 'Root') kind = undefined;
      if (kind && (!best || RANK[kind] > RANK[best.kind])) best = { kind, value: v.value };
    }
  }
  return best;
}

/** A specific grant beats an account delegation, which beats the wildcard. */
const RANK: Record<PrincipalMatchKind, number> = {
  wildcard: 0,
  account: 1,
  federated: 2,
  service: 2,
  role: 3,
  federatedUserViaUser: 3,
  user: 4,
  session: 4,
};

function matchOne(kind: string, value: string, p: RequestPrincipal): PrincipalMatchKind | undefined {
  if (kind === 'AWS') {
    if (value === '*') return 'wildcard';
    if (p.type === 'Anonymous' || p.type === 'AWSService' || p.type === 'WebIdentityUser' || p.type === 'SAMLUser') return undefined;
    if (/^\d{12}$/.test(value)) return value === p.accountId ? 'account' : undefined;
    const parts = value.split(':');
    if (parts.length < 6 || parts[0] !== 'arn') return undefined;
    const service = parts[2];
    const account = parts[4];
    const rest = parts.slice(5).join(':');
    if (service === 'iam' && rest === 'root') return account === p.accountId ? 'account' : undefined;
    if (service === 'iam' && rest.startsWith('role/') && p.type === 'AssumedRole' && p.roleArn === value) return 'role';
    if (value === p.arn || value === p.sessionArn) {
      if (p.type === 'IAMUser') return 'user';
      return 'session';
    }
    if (service === 'iam' && rest.startsWith('user/') && p.type === 'FederatedUser' && p.federatedByUserArn === value)
      return 'federatedUserViaUser';
    return undefined;
  }
  if (kind === 'Service') {
    if (value === '*') return 'wildcard';
    return p.type === 'AWSService' && p.arn === value ? 'service' : undefined;
  }
  if (kind === 'Federated') {
    // Web identity / SAML callers are represented by the provider they come through.
    return (p.type === 'WebIdentityUser' || p.type === 'SAMLUser') && p.arn === value ? 'federated' : undefined;
  }
  return undefined;
}
