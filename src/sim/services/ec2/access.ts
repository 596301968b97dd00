/**
 * How EC2 authorizes: each action on each resource it touches, with `ec2:` and `aws:` condition keys
 * (Service Authorization Reference, "Actions, resources, and condition keys for Amazon EC2"). A denial
 * is UnauthorizedOperation with the sentence and an encoded message; a permitted `--dry-run` ends in
 * DryRunOperation (EC2 API Reference, "DryRun"), and every check runs before it.
 */
import type { ContextValue } from '../../evaluate/types.ts';
import { authorizeWith } from '../deny.ts';
import { optBool, type OperationContext } from '../operation.ts';
import { encodeAuthorizationMessage, decodedMessageOf } from '../sts/authorization-message.ts';
import { dryRunSucceeded, unauthorizedOperation } from './errors.ts';
import { instanceArn, type Ec2Instance } from './model.ts';
import type { Tag } from '../../world/state.ts';

/** Authorizes one EC2 (or iam:PassRole) check; a denial is UnauthorizedOperation. */
export function authorizeEc2(ctx: OperationContext, action: string, resource: string, context: Record<string, ContextValue> = {}): void {
  authorizeWith(ctx, action, resource, { context: { 'ec2:Region': ctx.region, ...context } }, (sentence, result, request) => {
    const full = { ...request, context: { ...request.context, 'ec2:Region': ctx.region, ...context } };
    return unauthorizedOperation(
      sentence,
      encodeAuthorizationMessage(ctx.world.seed, decodedMessageOf(full, result, ctx.caller.principalId)),
    );
  });
}

/** After every check passed: a dry run stops here with DryRunOperation. */
export function endDryRun(ctx: OperationContext): void {
  if (optBool(ctx, 'DryRun') === true) throw dryRunSucceeded();
}

/** The resource-tag keys of an instance (`aws:ResourceTag/k`, `ec2:ResourceTag/k`). */
export function instanceTagContext(tags: readonly Tag[]): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {};
  for (const t of tags) {
    ctx[`aws:ResourceTag/${t.Key}`] = t.Value;
    ctx[`ec2:ResourceTag/${t.Key}`] = t.Value;
  }
  return ctx;
}

/** Authorizes an action on an existing instance, with its tags and type as context. */
export function authorizeOnInstance(
  ctx: OperationContext,
  action: string,
  instance: Ec2Instance,
  context: Record<string, ContextValue> = {},
): void {
  authorizeEc2(ctx, action, instanceArn(instance, ctx.state.accountId), {
    'ec2:InstanceType': instance.instanceType,
    ...instanceTagContext(instance.tags),
    ...context,
  });
}
