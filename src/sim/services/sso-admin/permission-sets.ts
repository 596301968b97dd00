/**
 * Permission sets (sso-admin API Reference: CreatePermissionSet, DescribePermissionSet,
 * ListPermissionSets, DeletePermissionSet, Attach/DetachManagedPolicy…, Put/Get/DeleteInlinePolicy…,
 * Put/Get/DeletePermissionsBoundary…, https://docs.aws.amazon.com/singlesignon/latest/APIReference/).
 * Each call is authorized as `sso:<Operation>` on the permission set ARN (Service Authorization
 * Reference, "Actions, resources, and condition keys for AWS IAM Identity Center").
 */
import { cliTimestamp } from '../../world/dates.ts';
import { own } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { requireValidDocument } from '../iam/documents.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { instanceIdOf, requireInstance } from './instance.ts';
import type { IdentityCenterState, PermissionSet } from './model.ts';

function psOut(ps: PermissionSet): Record<string, unknown> {
  return {
    Name: ps.Name,
    PermissionSetArn: ps.PermissionSetArn,
    ...(ps.Description !== undefined ? { Description: ps.Description } : {}),
    CreatedDate: cliTimestamp(ps.CreatedDate),
    SessionDuration: ps.SessionDuration,
    ...(ps.RelayState !== undefined ? { RelayState: ps.RelayState } : {}),
  };
}

/** The permission set named by PermissionSetArn, after authorizing `action` on it. */
export function requirePermissionSet(ctx: OperationContext, action: string): { instance: IdentityCenterState; ps: PermissionSet } {
  const arn = str(ctx, 'PermissionSetArn');
  const instance = requireInstance(ctx, action, arn);
  const ps = own(instance.permissionSets, arn);
  if (!ps) throw fault('ResourceNotFoundException', `PermissionSet ${arn} doesn't exist.`, 400);
  return { instance, ps };
}

function createPermissionSet(ctx: OperationContext): Record<string, unknown> {
  const instance = requireInstance(ctx, 'sso:CreatePermissionSet');
  const name = str(ctx, 'Name');
  if (Object.values(instance.permissionSets).some((p) => p.Name === name))
    throw fault('ConflictException', `PermissionSet with name ${name} already exists.`, 400);
  const duration = optStr(ctx, 'SessionDuration') ?? 'PT1H';
  // Session duration is 1 to 12 hours (IAM Identity Center User Guide, "Set session duration").
  const seconds = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration);
  const total = seconds ? Number(seconds[1] ?? 0) * 3600 + Number(seconds[2] ?? 0) * 60 : NaN;
  if (!(total >= 3600 && total <= 43200))
    throw fault('ValidationException', 'SessionDuration must be an ISO 8601 duration between PT1H and PT12H.', 400);
  const ps: PermissionSet = {
    Name: name,
    PermissionSetArn: `arn:aws:sso:::permissionSet/${instanceIdOf(instance)}/ps-${ctx.ids.chars('0123456789abcdef', 16)}`,
    ...(optStr(ctx, 'Description') !== undefined ? { Description: optStr(ctx, 'Description') as string } : {}),
    CreatedDate: ctx.nowMs,
    SessionDuration: duration,
    ...(optStr(ctx, 'RelayState') !== undefined ? { RelayState: optStr(ctx, 'RelayState') as string } : {}),
    managedPolicies: [],
    tags: (Array.isArray(ctx.params['Tags']) ? (ctx.params['Tags'] as { Key: string; Value: string }[]) : []).map((t) => ({
      Key: t.Key,
      Value: t.Value,
    })),
  };
  instance.permissionSets[ps.PermissionSetArn] = ps;
  return { PermissionSet: psOut(ps) };
}

function describePermissionSet(ctx: OperationContext): Record<string, unknown> {
  return { PermissionSet: psOut(requirePermissionSet(ctx, 'sso:DescribePermissionSet').ps) };
}

function listPermissionSets(ctx: OperationContext): Record<string, unknown> {
  const instance = requireInstance(ctx, 'sso:ListPermissionSets');
  return { PermissionSets: Object.keys(instance.permissionSets) };
}

function deletePermissionSet(ctx: OperationContext): Record<string, unknown> {
  const { instance, ps } = requirePermissionSet(ctx, 'sso:DeletePermissionSet');
  if (instance.provisioned.some((p) => p.PermissionSetArn === ps.PermissionSetArn))
    throw fault('ConflictException', 'The permission set is provisioned to accounts; delete its account assignments first.', 400);
  delete instance.permissionSets[ps.PermissionSetArn];
  return {};
}

function attachManagedPolicy(ctx: OperationContext): Record<string, unknown> {
  const { ps } = requirePermissionSet(ctx, 'sso:AttachManagedPolicyToPermissionSet');
  const arn = str(ctx, 'ManagedPolicyArn');
  // Only AWS managed policies attach by ARN; customer managed ones are referenced by name (API Reference).
  if (!arn.startsWith('arn:aws:iam::aws:policy/'))
    throw fault('ValidationException', `ManagedPolicyArn ${arn} is not an AWS managed policy.`, 400);
  if (ps.managedPolicies.includes(arn)) throw fault('ConflictException', `Policy ${arn} is already attached to the permission set.`, 400);
  if (ps.managedPolicies.length >= 20) throw fault('ServiceQuotaExceededException', 'ManagedPoliciesPerPermissionSet quota exceeded.', 400);
  ps.managedPolicies.push(arn);
  return {};
}

function detachManagedPolicy(ctx: OperationContext): Record<string, unknown> {
  const { ps } = requirePermissionSet(ctx, 'sso:DetachManagedPolicyFromPermissionSet');
  const arn = str(ctx, 'ManagedPolicyArn');
  if (!ps.managedPolicies.includes(arn))
    throw fault('ResourceNotFoundException', `Policy ${arn} is not attached to the permission set.`, 400);
  ps.managedPolicies = ps.managedPolicies.filter((p) => p !== arn);
  return {};
}

function listManagedPolicies(ctx: OperationContext): Record<string, unknown> {
  const { ps } = requirePermissionSet(ctx, 'sso:ListManagedPoliciesInPermissionSet');
  return { AttachedManagedPolicies: ps.managedPolicies.map((arn) => ({ Name: arn.slice(arn.lastIndexOf('/') + 1), Arn: arn })) };
}

function putInlinePolicy(ctx: OperationContext): Record<string, unknown> {
  const { ps } = requirePermissionSet(ctx, 'sso:PutInlinePolicyToPermissionSet');
  const document = str(ctx, 'InlinePolicy');
  requireValidDocument(document, 'identity', false);
  ps.inlinePolicy = document;
  return {};
}

function getInlinePolicy(ctx: OperationContext): Record<string, unknown> {
  const { ps } = requirePermissionSet(ctx, 'sso:GetInlinePolicyForPermissionSet');
  return { InlinePolicy: ps.inlinePolicy ?? '' };
}

function deleteInlinePolicy(ctx: OperationContext): Record<string, unknown> {
  const { ps } = requirePermissionSet(ctx, 'sso:DeleteInlinePolicyFromPermissionSet');
  delete ps.inlinePolicy;
  return {};
}

function putBoundary(ctx: OperationContext): Record<string, unknown> {
  const { ps } = requirePermissionSet(ctx, 'sso:PutPermissionsBoundaryToPermissionSet');
  const given = (ctx.params['PermissionsBoundary'] ?? {}) as PermissionSet['permissionsBoundary'] & object;
  const ref = given.CustomerManagedPolicyReference;
  const managed = given.ManagedPolicyArn;
  if ((ref === undefined) === (managed === undefined))
    throw fault('ValidationException', 'Specify either CustomerManagedPolicyReference or ManagedPolicyArn.', 400);
  ps.permissionsBoundary = ref
    ? { CustomerManagedPolicyReference: { Name: ref.Name, ...(ref.Path ? { Path: ref.Path } : {}) } }
    : { ManagedPolicyArn: managed as string };
  return {};
}

function getBoundary(ctx: OperationContext): Record<string, unknown> {
  const { ps } = requirePermissionSet(ctx, 'sso:GetPermissionsBoundaryForPermissionSet');
  if (!ps.permissionsBoundary) throw fault('ResourceNotFoundException', 'The permission set has no permissions boundary.', 400);
  return { PermissionsBoundary: ps.permissionsBoundary };
}

function deleteBoundary(ctx: OperationContext): Record<string, unknown> {
  const { ps } = requirePermissionSet(ctx, 'sso:DeletePermissionsBoundaryFromPermissionSet');
  delete ps.permissionsBoundary;
  return {};
}

/** The permission set operations. */
export const PERMISSION_SET_OPERATIONS: Record<string, OperationDefinition> = {
  CreatePermissionSet: { handler: createPermissionSet, readOnly: false },
  DescribePermissionSet: { handler: describePermissionSet, readOnly: true },
  ListPermissionSets: { handler: listPermissionSets, readOnly: true },
  DeletePermissionSet: { handler: deletePermissionSet, readOnly: false },
  AttachManagedPolicyToPermissionSet: { handler: attachManagedPolicy, readOnly: false },
  DetachManagedPolicyFromPermissionSet: { handler: detachManagedPolicy, readOnly: false },
  ListManagedPoliciesInPermissionSet: { handler: listManagedPolicies, readOnly: true },
  PutInlinePolicyToPermissionSet: { handler: putInlinePolicy, readOnly: false },
  GetInlinePolicyForPermissionSet: { handler: getInlinePolicy, readOnly: true },
  DeleteInlinePolicyFromPermissionSet: { handler: deleteInlinePolicy, readOnly: false },
  PutPermissionsBoundaryToPermissionSet: { handler: putBoundary, readOnly: false },
  GetPermissionsBoundaryForPermissionSet: { handler: getBoundary, readOnly: true },
  DeletePermissionsBoundaryFromPermissionSet: { handler: deleteBoundary, readOnly: false },
};
