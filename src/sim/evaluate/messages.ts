/**
 * Words for decisions, in one place: AWS's AccessDenied text (IAM User Guide, "Troubleshoot access
 * denied error messages", https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html) and learner-facing reasons.
 */
import type { AuthorizationRequest, AuthorizationResult, DecidingLayer, ReasonCode } from './types.ts';

/** How AWS names each policy type inside AccessDenied messages. */
const POLICY_TYPE_WORDS: Record<string, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  key: 'resource-based policy',
  trust: 'role trust policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
};

/** Options that vary by service. */
export interface AccessDeniedOptions {
  /** S3 puts the resource ARN in double quotes. */
  quoteResource?: boolean;
  /** Append the deciding managed policy ARN to explicit denies (AWS rolled this out in 2026). Default true. */
  includePolicyArn?: boolean;
  /** Leave out `on resource: …` (some services do for actions without a resource). */
  omitResource?: boolean;
  /**
   * The principal's and the resource's accounts are in the same organization: AWS gives the reason
   * across accounts too ("additional context … for requests made to resources in the same AWS account
   * or same AWS Organizations organization", https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html).
   */
  sameOrganization?: boolean;
}

/**
 * AWS's AccessDenied message for a denied request, e.g. `User: arn:aws:iam::123456789012:user/bob
 * is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because
 * no identity-based policy allows the iam:ListUsers action`. Cross-account denials carry no reason
 * (the enhanced context is given only within one account or organization).
 */
export function accessDeniedMessage(request: AuthorizationRequest, result: AuthorizationResult, options: AccessDeniedOptions = {}): string {
  const p = request.principal;
  // Web identity and SAML callers have no AWS identity to name; STS answers with a short text.
  if (p.type === 'WebIdentityUser' || p.type === 'SAMLUser') return `Not authorized to perform ${request.action}`;
  const who = p.type === 'Anonymous' ? 'anonymous' : p.sessionArn ?? p.arn;
  const resource = options.quoteResource ? `"${request.resource}"` : request.resource;
  const on = options.omitResource || request.resource === '' ? '' : ` on resource: ${resource}`;
  const head = `User: ${who} is not authorized to perform: ${request.action}${on}`;
  if (result.decision === 'allowed') return head;
  const type = result.deniedByPolicyType;
  if ((result.explanation.crossAccount && options.sameOrganization !== true) || !type) return head;
  const words = POLICY_TYPE_WORDS[type] ?? 'identity-based policy';
  if (result.decision === 'explicitDeny') {
    if (type === 'trust') return `${head} with an explicit deny in the role trust policy`;
    const arn = options.includePolicyArn === false ? undefined : result.decidingStatements.find((s) => s.policyArn)?.policyArn;
    const article = /^[aeiou]/.test(words) ? 'an' : 'a';
    const suffix = arn && (type === 'scp' || type === 'rcp' || type === 'boundary' || type === 'session' || type === 'identity') ? `: ${arn}` : '';
    return `${head} with an explicit deny in ${article} ${words}${suffix}`;
  }
  return `${head} because no ${words} allows the ${request.action} action`;
}

/** One sentence a learner can read for each reason code. */
export function reasonInWords(reason: ReasonCode, layer: DecidingLayer): string {
  switch (reason) {
    case 'ROOT_USER_ALLOWED':
      return 'The account root user has full access unless an SCP, an RCP or a resource-based policy denies it.';
    case 'EXPLICIT_DENY':
      return `A Deny statement in a ${POLICY_TYPE_WORDS[layer] ?? layer} applies to the request, and an explicit deny overrides every allow.`;
    case 'IDENTITY_ALLOW':
      return 'An identity-based policy allows the request and nothing denies it.';
    case 'RESOURCE_POLICY_ALLOW':
      return 'The resource-based policy allows the request for this principal, which is enough within the same account.';
    case 'TRUST_POLICY_ALLOW':
      return 'The role trust policy allows this principal to assume the role.';
    case 'KEY_POLICY_ALLOW':
      return 'The key policy allows the request.';
    case 'NO_IDENTITY_ALLOW':
      return 'No identity-based policy allows the action on this resource, so it is implicitly denied.';
    case 'NO_RESOURCE_POLICY_ALLOW':
      return 'The resource-based policy does not allow this principal.';
    case 'CROSS_ACCOUNT_NO_RESOURCE_ALLOW':
      return "The resource is in another account: that account's resource-based policy must allow the caller too, and it does not (or there is none).";
    case 'CROSS_ACCOUNT_NO_IDENTITY_ALLOW':
      return "The resource is in another account: the caller's own identity-based policies must allow the action too, and they do not.";
    case 'BOUNDARY_IMPLICIT_DENY':
      return 'The permissions boundary does not allow the action: a boundary caps what identity policies can grant.';
    case 'SCP_IMPLICIT_DENY':
      // AWS calls this denial final ("explicitly denied, even if the denial is implicit"): https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
      return 'A service control policy level (root, an OU or the account) has no Allow for the action. AWS treats this as final — "the request is explicitly denied, even if the denial is implicit" — so no resource-based or identity-based policy can allow it; the simulator reports implicitDeny because no Deny statement matched, and AWS\'s error says "because no service control policy allows" the action.';
    case 'RCP_IMPLICIT_DENY':
      return 'A resource control policy level has no Allow for the action.';
    case 'SESSION_POLICY_IMPLICIT_DENY':
      return 'The session policy passed when the session was created does not allow the action.';
    case 'FEDERATED_NO_SESSION_POLICY':
      return 'A federated user session without a session policy has no permissions.';
    case 'TRUST_POLICY_NO_ALLOW':
      return 'The role trust policy does not allow this principal; trust policies must allow explicitly.';
    case 'KEY_POLICY_NO_ALLOW':
      return 'The key policy does not allow this principal; key policies must allow explicitly.';
    case 'ANONYMOUS_NO_RESOURCE_ALLOW':
      return 'Anonymous requests are allowed only by a resource-based policy that allows everyone ("*").';
    case 'POLICY_ERROR':
      return 'A policy that takes part in the decision is not valid, so nothing it says can allow the request.';
    case 'INVALID_REQUEST':
      return 'The request itself is not valid (for example the action is not service:Action).';
  }
}
