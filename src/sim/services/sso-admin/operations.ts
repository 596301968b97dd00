/**
 * The instance operations (sso-admin API Reference: CreateInstance, ListInstances, DescribeInstance)
 * and the whole operation table. Enabling Identity Center in the management account of an
 * organization creates an organization instance with its identity store (IAM Identity Center User
 * Guide, "Enable IAM Identity Center", https://docs.aws.amazon.com/singlesignon/latest/userguide/enable-identity-center.html).
 * Account instances (Identity Center in a standalone or member account) are not simulated.
 */
import { cliTimestamp } from '../../world/dates.ts';
import { fault } from '../errors.ts';
import { optStr, type OperationContext, type OperationDefinition } from '../operation.ts';
import { ASSIGNMENT_OPERATIONS } from './assignments.ts';
import { administeredInstance, requireInstance } from './instance.ts';
import { defaultMfaSettings, type IdentityCenterState } from './model.ts';
import { PERMISSION_SET_OPERATIONS } from './permission-sets.ts';

function instanceOut(i: IdentityCenterState): Record<string, unknown> {
  return {
    InstanceArn: i.InstanceArn,
    IdentityStoreId: i.IdentityStoreId,
    OwnerAccountId: i.OwnerAccountId,
    ...(i.Name !== undefined ? { Name: i.Name } : {}),
    CreatedDate: cliTimestamp(i.CreatedDate),
    Status: 'ACTIVE',
  };
}

function createInstance(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('sso:CreateInstance', '*');
  const org = ctx.world.organization;
  if (!org || org.managementAccountId !== ctx.state.accountId)
    throw fault(
      'ValidationException',
      'The simulator offers organization instances only: enable IAM Identity Center in the management account of an organization.',
      400,
    );
  // One organization instance per organization (User Guide, "Organization and account instances of IAM Identity Center").
  if (ctx.state.identityCenter) throw fault('ConflictException', 'An organization instance of IAM Identity Center already exists.', 400);
  const hex = (n: number): string => ctx.ids.chars('0123456789abcdef', n);
  const name = optStr(ctx, 'Name');
  ctx.state.identityCenter = {
    InstanceArn: `arn:aws:sso:::instance/ssoins-${hex(16)}`,
    IdentityStoreId: `d-${hex(10)}`,
    ...(name !== undefined ? { Name: name } : {}),
    OwnerAccountId: ctx.state.accountId,
    CreatedDate: ctx.nowMs,
    region: ctx.region,
    users: {},
    groups: {},
    memberships: {},
    permissionSets: {},
    assignments: [],
    provisioned: [],
    requests: {},
    samlProviderOf: {},
    clients: {},
    deviceAuthorizations: {},
    tokens: {},
    mfa: defaultMfaSettings(),
  };
  return { InstanceArn: ctx.state.identityCenter.InstanceArn };
}

function listInstances(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('sso:ListInstances', '*');
  const instance = administeredInstance(ctx);
  return { Instances: instance ? [instanceOut(instance)] : [] };
}

function describeInstance(ctx: OperationContext): Record<string, unknown> {
  return instanceOut(requireInstance(ctx, 'sso:DescribeInstance'));
}

/** Every sso-admin operation the world implements. */
export const SSO_ADMIN_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  CreateInstance: { handler: createInstance, readOnly: false },
  ListInstances: { handler: listInstances, readOnly: true },
  DescribeInstance: { handler: describeInstance, readOnly: true },
  ...PERMISSION_SET_OPERATIONS,
  ...ASSIGNMENT_OPERATIONS,
};
