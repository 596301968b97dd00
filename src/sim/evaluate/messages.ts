/**
 * Words for decisions, in one place: AWS's AccessDenied text (IAM User Guide, "Troubleshoot access
 * denied error messages", https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html) and learner-facing reasons.
 */
import { explanationInWords, POLICY_TYPE_NAMES, withArticle } from './explanation-codes.ts';
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
  const who = p.type === 'Anonymous' ? 'anonymous' : (p.sessionArn ?? p.arn);
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
    const suffix =
      arn && (type === 'scp' || type === 'rcp' || type === 'boundary' || type === 'session' || type === 'identity') ? `: ${arn}` : '';
    return `${head} with an explicit deny in ${withArticle(words)}${suffix}`;
  }
  return `${head} because no ${words} allows the ${request.action} action`;
}

/** One sentence a learner can read for each reason code (the words live in explanation-codes.ts). */
export function reasonInWords(reason: ReasonCode, layer: DecidingLayer): string {
  if (reason === 'EXPLICIT_DENY') {
    return `A Deny statement in ${withArticle(POLICY_TYPE_NAMES[layer] ?? layer)} applies to the request, and an explicit deny overrides every allow.`;
  }
  return explanationInWords(reason);
}
