/**
 * Account assignments and provisioning (sso-admin API Reference: CreateAccountAssignment,
 * DescribeAccountAssignmentCreationStatus, ListAccountAssignments, DeleteAccountAssignment,
 * DescribeAccountAssignmentDeletionStatus, ProvisionPermissionSet,
 * DescribePermissionSetProvisioningStatus, ListAccountsForProvisionedPermissionSet). Requests are
 * asynchronous in AWS: the call answers IN_PROGRESS and the Describe…Status call the outcome. Here
 * the work is done within the call, so Describe answers SUCCEEDED (or FAILED with its reason) at once.
 * The target must be an account of the organization; the principal must exist in the identity store.
 */
import { cliTimestamp } from '../../world/dates.ts';
import { own } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requireInstance } from './instance.ts';
import type { AccountAssignment, IdentityCenterState, PermissionSet, RequestStatus } from './model.ts';
import { requirePermissionSet } from './permission-sets.ts';
import { deprovisionRole, provisionRole } from './roles.ts';

function statusOut(s: RequestStatus, status: RequestStatus['Status'] = s.Status): Record<string, unknown> {
  if (s.kind === 'provision') {
    return {
      Status: status,
      RequestId: s.RequestId,
      ...(s.AccountId !== undefined ? { AccountId: s.AccountId } : {}),
      PermissionSetArn: s.PermissionSetArn,
      ...(status === 'FAILED' && s.FailureReason ? { FailureReason: s.FailureReason } : {}),
      CreatedDate: cliTimestamp(s.CreatedDate),
    };
  }
  return {
    Status: status,
    RequestId: s.RequestId,
    ...(status === 'FAILED' && s.FailureReason ? { FailureReason: s.FailureReason } : {}),
    TargetId: s.TargetId,
    TargetType: s.TargetType,
    PermissionSetArn: s.PermissionSetArn,
    PrincipalType: s.PrincipalType,
    PrincipalId: s.PrincipalId,
    CreatedDate: cliTimestamp(s.CreatedDate),
  };
}

function assignmentParams(ctx: OperationContext): { instance: IdentityCenterState; ps: PermissionSet; a: AccountAssignment } {
  const { instance, ps } = requirePermissionSet(
    ctx,
    ctx.request.operation === 'CreateAccountAssignment' ? 'sso:CreateAccountAssignment' : 'sso:DeleteAccountAssignment',
  );
  const a: AccountAssignment = {
    AccountId: str(ctx, 'TargetId'),
    PermissionSetArn: ps.PermissionSetArn,
    PrincipalType: str(ctx, 'PrincipalType') as AccountAssignment['PrincipalType'],
    PrincipalId: str(ctx, 'PrincipalId'),
  };
  return { instance, ps, a };
}

const same = (x: AccountAssignment, y: AccountAssignment): boolean =>
  x.AccountId === y.AccountId &&
  x.PermissionSetArn === y.PermissionSetArn &&
  x.PrincipalType === y.PrincipalType &&
  x.PrincipalId === y.PrincipalId;

function createAccountAssignment(ctx: OperationContext): Record<string, unknown> {
  const { instance, ps, a } = assignmentParams(ctx);
  // Assignments target accounts of the organization (User Guide, "Assign user access to AWS accounts").
  if (!ctx.world.organization || !Object.hasOwn(ctx.world.organization.accounts, a.AccountId))
    throw fault('ValidationException', `TargetId ${a.AccountId} is not an account of the organization.`, 400);
  const exists = a.PrincipalType === 'USER' ? own(instance.users, a.PrincipalId) : own(instance.groups, a.PrincipalId);
  if (!exists)
    throw fault(
      'ResourceNotFoundException',
      `${a.PrincipalType === 'USER' ? 'User' : 'Group'} ${a.PrincipalId} doesn't exist in the identity store.`,
      400,
    );
  const status: RequestStatus = {
    kind: 'create',
    Status: 'SUCCEEDED',
    RequestId: ctx.ids.uuid(),
    TargetId: a.AccountId,
    TargetType: 'AWS_ACCOUNT',
    PermissionSetArn: ps.PermissionSetArn,
    PrincipalType: a.PrincipalType,
    PrincipalId: a.PrincipalId,
    CreatedDate: ctx.nowMs,
  };
  const account = ctx.accountState(a.AccountId);
  const outcome = account
    ? provisionRole(instance, ps, account, ctx.ids, ctx.nowMs)
    : { ok: false as const, reason: 'The account is not simulated.' };
  if (!outcome.ok) {
    status.Status = 'FAILED';
    status.FailureReason = outcome.reason;
  } else if (!instance.assignments.some((x) => same(x, a))) instance.assignments.push(a);
  instance.requests[status.RequestId] = status;
  return { AccountAssignmentCreationStatus: statusOut(status, 'IN_PROGRESS') };
}

function deleteAccountAssignment(ctx: OperationContext): Record<string, unknown> {
  const { instance, ps, a } = assignmentParams(ctx);
  const status: RequestStatus = {
    kind: 'delete',
    Status: 'SUCCEEDED',
    RequestId: ctx.ids.uuid(),
    TargetId: a.AccountId,
    TargetType: 'AWS_ACCOUNT',
    PermissionSetArn: ps.PermissionSetArn,
    PrincipalType: a.PrincipalType,
    PrincipalId: a.PrincipalId,
    CreatedDate: ctx.nowMs,
  };
  if (!instance.assignments.some((x) => same(x, a))) {
    status.Status = 'FAILED';
    status.FailureReason = 'The account assignment does not exist.';
  } else {
    instance.assignments = instance.assignments.filter((x) => !same(x, a));
    // The role goes when no assignment of the permission set remains in the account (User Guide, "Remove user access").
    const account = ctx.accountState(a.AccountId);
    const remaining = instance.assignments.some((x) => x.AccountId === a.AccountId && x.PermissionSetArn === a.PermissionSetArn);
    if (account && !remaining) deprovisionRole(instance, ps.PermissionSetArn, account);
  }
  instance.requests[status.RequestId] = status;
  return { AccountAssignmentDeletionStatus: statusOut(status, 'IN_PROGRESS') };
}

function describeStatus(kind: RequestStatus['kind'], action: string, idMember: string, outMember: string) {
  return (ctx: OperationContext): Record<string, unknown> => {
    const instance = requireInstance(ctx, action);
    const id = str(ctx, idMember);
    const s = own(instance.requests, id);
    if (!s || s.kind !== kind) throw fault('ResourceNotFoundException', `Request ${id} doesn't exist.`, 400);
    return { [outMember]: statusOut(s) };
  };
}

function listAccountAssignments(ctx: OperationContext): Record<string, unknown> {
  const { instance, ps } = requirePermissionSet(ctx, 'sso:ListAccountAssignments');
  const accountId = str(ctx, 'AccountId');
  return {
    AccountAssignments: instance.assignments.filter((x) => x.AccountId === accountId && x.PermissionSetArn === ps.PermissionSetArn),
  };
}

function provisionPermissionSet(ctx: OperationContext): Record<string, unknown> {
  const { instance, ps } = requirePermissionSet(ctx, 'sso:ProvisionPermissionSet');
  const targetType = str(ctx, 'TargetType');
  const targetId = optStr(ctx, 'TargetId');
  if (targetType === 'AWS_ACCOUNT' && targetId === undefined)
    throw fault('ValidationException', 'TargetId is required when TargetType is AWS_ACCOUNT.', 400);
  const accounts =
    targetType === 'AWS_ACCOUNT'
      ? [targetId as string]
      : [...new Set(instance.provisioned.filter((p) => p.PermissionSetArn === ps.PermissionSetArn).map((p) => p.AccountId))];
  const status: RequestStatus = {
    kind: 'provision',
    Status: 'SUCCEEDED',
    RequestId: ctx.ids.uuid(),
    ...(targetType === 'AWS_ACCOUNT' ? { AccountId: targetId as string } : {}),
    PermissionSetArn: ps.PermissionSetArn,
    CreatedDate: ctx.nowMs,
  };
  for (const id of accounts) {
    const account = ctx.accountState(id);
    const outcome = account
      ? provisionRole(instance, ps, account, ctx.ids, ctx.nowMs)
      : { ok: false as const, reason: `Account ${id} is not simulated.` };
    if (!outcome.ok) {
      status.Status = 'FAILED';
      status.FailureReason = outcome.reason;
    }
  }
  instance.requests[status.RequestId] = status;
  return { PermissionSetProvisioningStatus: statusOut(status, 'IN_PROGRESS') };
}

function listAccountsForProvisioned(ctx: OperationContext): Record<string, unknown> {
  const { instance, ps } = requirePermissionSet(ctx, 'sso:ListAccountsForProvisionedPermissionSet');
  return {
    AccountIds: [...new Set(instance.provisioned.filter((p) => p.PermissionSetArn === ps.PermissionSetArn).map((p) => p.AccountId))],
  };
}

/** The assignment and provisioning operations. */
export const ASSIGNMENT_OPERATIONS: Record<string, OperationDefinition> = {
  CreateAccountAssignment: { handler: createAccountAssignment, readOnly: false },
  DescribeAccountAssignmentCreationStatus: {
    handler: describeStatus(
      'create',
      'sso:DescribeAccountAssignmentCreationStatus',
      'AccountAssignmentCreationRequestId',
      'AccountAssignmentCreationStatus',
    ),
    readOnly: true,
  },
  ListAccountAssignments: { handler: listAccountAssignments, readOnly: true },
  DeleteAccountAssignment: { handler: deleteAccountAssignment, readOnly: false },
  DescribeAccountAssignmentDeletionStatus: {
    handler: describeStatus(
      'delete',
      'sso:DescribeAccountAssignmentDeletionStatus',
      'AccountAssignmentDeletionRequestId',
      'AccountAssignmentDeletionStatus',
    ),
    readOnly: true,
  },
  ProvisionPermissionSet: { handler: provisionPermissionSet, readOnly: false },
  DescribePermissionSetProvisioningStatus: {
    handler: describeStatus(
      'provision',
      'sso:DescribePermissionSetProvisioningStatus',
      'ProvisionPermissionSetRequestId',
      'PermissionSetProvisioningStatus',
    ),
    readOnly: true,
  },
  ListAccountsForProvisionedPermissionSet: { handler: listAccountsForProvisioned, readOnly: true },
};
