/**
 * How Lambda finds and authorizes the function a request names: the caller's policies and the
 * function's resource-based policy decide together (Lambda Developer Guide, "Viewing resource-based
 * IAM policies in Lambda"); a denial is Lambda's AccessDeniedException.
 */
import { authorize } from '../../evaluate/authorize.ts';
import type { AuthorizationResult, ContextValue } from '../../evaluate/types.ts';
import { authorizeWith } from '../deny.ts';
import type { OperationContext } from '../operation.ts';
import type { AccountState } from '../../world/state.ts';
import { lambdaAccessDenied } from './errors.ts';
import { findFunction, functionArn, parseFunctionName, type LambdaFunction } from './model.ts';

/** The function a `FunctionName` parameter names, with the ARN to authorize and report. */
export interface FunctionTarget {
  name: string;
  arn: string;
  accountId: string;
  fn?: LambdaFunction;
  /** The account that owns the function (the caller's, or another one named by ARN). */
  owner?: AccountState;
}

/** Resolves `FunctionName` (name, partial or full ARN) in the caller's region. */
export function functionTarget(ctx: OperationContext, value: string): FunctionTarget {
  const parsed = parseFunctionName(value);
  const accountId = parsed.accountId ?? ctx.state.accountId;
  const region = parsed.region ?? ctx.region;
  const arn = functionArn(region, accountId, parsed.name);
  // A function of another account is named by its ARN; both accounts' policies then decide (cross-account).
  const owner = accountId === ctx.state.accountId ? ctx.state : ctx.accountState(accountId);
  const fn = owner && region === ctx.region ? findFunction(owner, parsed.name) : undefined;
  return { name: parsed.name, arn, accountId, ...(fn ? { fn } : {}), ...(owner ? { owner } : {}) };
}

/** The function policy as the engine takes it, when the function has one. */
export function functionPolicyOf(
  fn: LambdaFunction | undefined,
): { kind: 'resource'; policy: { id: string; policyType: 'resource'; name: string; document: string } } | undefined {
  if (!fn || fn.policy.length === 0) return undefined;
  return {
    kind: 'resource',
    policy: { id: `lambda/${fn.name}/policy`, policyType: 'resource', name: 'function policy', document: policyDocument(fn) },
  };
}

/** The function policy document, as GetPolicy returns it. */
export function policyDocument(fn: LambdaFunction): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: fn.policy });
}

/** Authorizes a Lambda action on the target function. */
export function authorizeFunction(
  ctx: OperationContext,
  action: string,
  target: FunctionTarget,
  context: Record<string, ContextValue> = {},
): AuthorizationResult {
  const policy = functionPolicyOf(target.fn);
  return authorizeWith(
    ctx,
    action,
    target.arn,
    {
      context: { 'lambda:FunctionArn': target.arn, ...context },
      resourceAccountId: target.accountId,
      ...(policy ? { resourcePolicy: policy } : {}),
    },
    (message) => lambdaAccessDenied(message),
  );
}

/**
 * Whether an AWS service (S3, SNS, EventBridge …) may invoke the function on behalf of `sourceArn` in
 * `sourceAccount`: only the function policy can let a service principal in, and its
 * `AWS:SourceArn` / `AWS:SourceAccount` conditions are the confused-deputy defence (Lambda Developer
 * Guide, "Granting function access to AWS services"; IAM User Guide, "The confused deputy problem").
 */
export function serviceMayInvoke(
  fn: LambdaFunction,
  servicePrincipal: string,
  source: { sourceArn?: string; sourceAccount?: string },
): AuthorizationResult {
  const policy = functionPolicyOf(fn);
  const accountId = /^arn:aws:lambda:[^:]+:(\d{12}):/.exec(fn.arn)?.[1] ?? '';
  return authorize({
    principal: { type: 'AWSService', arn: servicePrincipal, accountId: '' },
    action: 'lambda:InvokeFunction',
    resource: fn.arn,
    resourceAccountId: accountId,
    context: {
      'aws:PrincipalServiceName': servicePrincipal,
      'aws:PrincipalIsAWSService': true,
      ...(source.sourceArn !== undefined ? { 'aws:SourceArn': source.sourceArn } : {}),
      ...(source.sourceAccount !== undefined ? { 'aws:SourceAccount': source.sourceAccount } : {}),
    },
    identityPolicies: [],
    ...(policy ? { resourcePolicy: policy } : {}),
  });
}
