/**
 * Finding the organization's Identity Center instance and who may administer it: the management
 * account (IAM Identity Center User Guide, "Delegated administration": only the management account
 * or a delegated administrator member account can manage the instance,
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html). Delegated
 * administration is not simulated: members get the instance-not-found answer.
 */
import { own, type AccountState, type WorldState } from '../../world/state.ts';
import { fault } from '../errors.ts';
import type { OperationContext } from '../operation.ts';
import type { IdentityCenterState } from './model.ts';

/** The management account's state when it holds an Identity Center instance. */
export function instanceOwner(world: WorldState): AccountState | undefined {
  const id = world.organization?.managementAccountId;
  const account = id !== undefined ? own(world.accounts, id) : undefined;
  return account?.identityCenter ? account : undefined;
}

/** The instance the calling account administers, or undefined. */
export function administeredInstance(ctx: OperationContext): IdentityCenterState | undefined {
  const org = ctx.world.organization;
  if (!org || org.managementAccountId !== ctx.state.accountId) return undefined;
  return ctx.state.identityCenter;
}

/** The instance named by `InstanceArn`, after authorizing `action` on `resource` (default: the instance ARN). */
export function requireInstance(ctx: OperationContext, action: string, resource?: string): IdentityCenterState {
  const arn = typeof ctx.params['InstanceArn'] === 'string' ? (ctx.params['InstanceArn'] as string) : '';
  ctx.authorize(action, resource ?? arn);
  const instance = administeredInstance(ctx);
  // Our choice of words (the API reference names only the exception): the caller cannot see this instance.
  if (!instance || instance.InstanceArn !== arn) throw fault('ResourceNotFoundException', `Instance ${arn} doesn't exist.`, 400);
  return instance;
}

/** The instance ID (`ssoins-…`) inside an instance ARN. */
export function instanceIdOf(instance: IdentityCenterState): string {
  return instance.InstanceArn.slice(instance.InstanceArn.lastIndexOf('/') + 1);
}

/** The AWS access portal URL of the instance (`https://d-xxxxxxxxxx.awsapps.com/start`). */
export function startUrlOf(instance: IdentityCenterState): string {
  return `https://${instance.IdentityStoreId}.awsapps.com/start`;
}
