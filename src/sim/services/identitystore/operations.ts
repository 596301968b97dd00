/**
 * The identity store of the organization's Identity Center instance (Identity Store API Reference:
 * CreateUser, DescribeUser, ListUsers, DeleteUser, GetUserId, CreateGroup, DescribeGroup, ListGroups,
 * DeleteGroup, GetGroupId, CreateGroupMembership, ListGroupMemberships, ListGroupMembershipsForMember,
 * DeleteGroupMembership, https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/).
 * Authorized as `identitystore:<Operation>` on `arn:aws:identitystore::<account>:identitystore/<d-…>`;
 * only the management account reaches the store (delegated administration is not simulated).
 */
import { own } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import type { IdcUser, IdentityCenterState } from '../sso-admin/model.ts';
import { administeredInstance } from '../sso-admin/instance.ts';

function requireStore(ctx: OperationContext, action: string): IdentityCenterState {
  const id = str(ctx, 'IdentityStoreId');
  ctx.authorize(action, `arn:aws:identitystore::${ctx.state.accountId}:identitystore/${id}`);
  const instance = administeredInstance(ctx);
  if (!instance || instance.IdentityStoreId !== id) throw fault('ResourceNotFoundException', `Identity store ${id} doesn't exist.`, 400);
  return instance;
}

function userOut(u: IdcUser, storeId: string): Record<string, unknown> {
  return {
    UserName: u.UserName,
    UserId: u.UserId,
    ...(u.Name ? { Name: u.Name } : {}),
    ...(u.DisplayName !== undefined ? { DisplayName: u.DisplayName } : {}),
    ...(u.Emails ? { Emails: u.Emails } : {}),
    ...(u.Title !== undefined ? { Title: u.Title } : {}),
    IdentityStoreId: storeId,
  };
}

/** The identity store user with this user name (case-insensitive, as Identity Center compares them). */
export function userByName(instance: IdentityCenterState, userName: string): IdcUser | undefined {
  return Object.values(instance.users).find((u) => u.UserName.toLowerCase() === userName.toLowerCase());
}

function createUser(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:CreateUser');
  const userName = str(ctx, 'UserName');
  // User names are unique in the store (Identity Store API Reference, CreateUser: ConflictException).
  if (userByName(store, userName)) throw fault('ConflictException', 'Duplicate UserName', 400);
  const user: IdcUser = {
    UserId: ctx.ids.uuid(),
    UserName: userName,
    ...(ctx.params['Name'] ? { Name: ctx.params['Name'] as Record<string, string> } : {}),
    ...(optStr(ctx, 'DisplayName') !== undefined ? { DisplayName: optStr(ctx, 'DisplayName') as string } : {}),
    ...(Array.isArray(ctx.params['Emails']) ? { Emails: ctx.params['Emails'] as IdcUser['Emails'] & object } : {}),
    ...(optStr(ctx, 'Title') !== undefined ? { Title: optStr(ctx, 'Title') as string } : {}),
  };
  store.users[user.UserId] = user;
  return { UserId: user.UserId, IdentityStoreId: store.IdentityStoreId };
}

function requireUser(store: IdentityCenterState, id: string): IdcUser {
  const user = own(store.users, id);
  if (!user) throw fault('ResourceNotFoundException', `USER not found: ${id}`, 400);
  return user;
}

function describeUser(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:DescribeUser');
  return userOut(requireUser(store, str(ctx, 'UserId')), store.IdentityStoreId);
}

function listUsers(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:ListUsers');
  const filters = (ctx.params['Filters'] ?? []) as { AttributePath?: string; AttributeValue?: string }[];
  const wanted = filters.find((f) => f.AttributePath === 'UserName')?.AttributeValue;
  const users = Object.values(store.users).filter((u) => wanted === undefined || u.UserName.toLowerCase() === wanted.toLowerCase());
  return { Users: users.map((u) => userOut(u, store.IdentityStoreId)) };
}

function deleteUser(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:DeleteUser');
  const user = requireUser(store, str(ctx, 'UserId'));
  delete store.users[user.UserId];
  for (const [id, m] of Object.entries(store.memberships)) if (m.UserId === user.UserId) delete store.memberships[id];
  store.assignments = store.assignments.filter((a) => !(a.PrincipalType === 'USER' && a.PrincipalId === user.UserId));
  for (const [token, t] of Object.entries(store.tokens)) if (t.UserId === user.UserId) delete store.tokens[token];
  return {};
}

function uniqueAttribute(ctx: OperationContext): { path: string; value: string } {
  const alt = (ctx.params['AlternateIdentifier'] ?? {}) as { UniqueAttribute?: { AttributePath?: string; AttributeValue?: unknown } };
  return { path: alt.UniqueAttribute?.AttributePath ?? '', value: String(alt.UniqueAttribute?.AttributeValue ?? '') };
}

function getUserId(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:GetUserId');
  const { path, value } = uniqueAttribute(ctx);
  const user = path.toLowerCase() === 'username' ? userByName(store, value) : undefined;
  if (!user) throw fault('ResourceNotFoundException', `USER not found: ${value}`, 400);
  return { UserId: user.UserId, IdentityStoreId: store.IdentityStoreId };
}

function createGroup(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:CreateGroup');
  const name = optStr(ctx, 'DisplayName') ?? '';
  if (name === '') throw fault('ValidationException', 'DisplayName is required.', 400);
  if (Object.values(store.groups).some((g) => g.DisplayName.toLowerCase() === name.toLowerCase()))
    throw fault('ConflictException', 'Duplicate GroupDisplayName', 400);
  const id = ctx.ids.uuid();
  store.groups[id] = {
    GroupId: id,
    DisplayName: name,
    ...(optStr(ctx, 'Description') !== undefined ? { Description: optStr(ctx, 'Description') as string } : {}),
  };
  return { GroupId: id, IdentityStoreId: store.IdentityStoreId };
}

function requireGroup(store: IdentityCenterState, id: string): NonNullable<ReturnType<typeof own<IdentityCenterState['groups'][string]>>> {
  const group = own(store.groups, id);
  if (!group) throw fault('ResourceNotFoundException', `GROUP not found: ${id}`, 400);
  return group;
}

function describeGroup(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:DescribeGroup');
  return { ...requireGroup(store, str(ctx, 'GroupId')), IdentityStoreId: store.IdentityStoreId };
}

function listGroups(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:ListGroups');
  return { Groups: Object.values(store.groups).map((g) => ({ ...g, IdentityStoreId: store.IdentityStoreId })) };
}

function deleteGroup(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:DeleteGroup');
  const group = requireGroup(store, str(ctx, 'GroupId'));
  delete store.groups[group.GroupId];
  for (const [id, m] of Object.entries(store.memberships)) if (m.GroupId === group.GroupId) delete store.memberships[id];
  store.assignments = store.assignments.filter((a) => !(a.PrincipalType === 'GROUP' && a.PrincipalId === group.GroupId));
  return {};
}

function getGroupId(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:GetGroupId');
  const { path, value } = uniqueAttribute(ctx);
  const group = path.toLowerCase() === 'displayname' ? Object.values(store.groups).find((g) => g.DisplayName === value) : undefined;
  if (!group) throw fault('ResourceNotFoundException', `GROUP not found: ${value}`, 400);
  return { GroupId: group.GroupId, IdentityStoreId: store.IdentityStoreId };
}

function membershipOut(m: { MembershipId: string; GroupId: string; UserId: string }, storeId: string): Record<string, unknown> {
  return { IdentityStoreId: storeId, MembershipId: m.MembershipId, GroupId: m.GroupId, MemberId: { UserId: m.UserId } };
}

function createGroupMembership(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:CreateGroupMembership');
  const group = requireGroup(store, str(ctx, 'GroupId'));
  const userId = String(((ctx.params['MemberId'] ?? {}) as { UserId?: string }).UserId ?? '');
  requireUser(store, userId);
  if (Object.values(store.memberships).some((m) => m.GroupId === group.GroupId && m.UserId === userId))
    throw fault('ConflictException', 'Member already exists in the group.', 400);
  const id = ctx.ids.uuid();
  store.memberships[id] = { MembershipId: id, GroupId: group.GroupId, UserId: userId };
  return { MembershipId: id, IdentityStoreId: store.IdentityStoreId };
}

function listGroupMemberships(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:ListGroupMemberships');
  const group = requireGroup(store, str(ctx, 'GroupId'));
  const list = Object.values(store.memberships).filter((m) => m.GroupId === group.GroupId);
  return { GroupMemberships: list.map((m) => membershipOut(m, store.IdentityStoreId)) };
}

function listGroupMembershipsForMember(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:ListGroupMembershipsForMember');
  const userId = String(((ctx.params['MemberId'] ?? {}) as { UserId?: string }).UserId ?? '');
  requireUser(store, userId);
  const list = Object.values(store.memberships).filter((m) => m.UserId === userId);
  return { GroupMemberships: list.map((m) => membershipOut(m, store.IdentityStoreId)) };
}

function deleteGroupMembership(ctx: OperationContext): Record<string, unknown> {
  const store = requireStore(ctx, 'identitystore:DeleteGroupMembership');
  const id = str(ctx, 'MembershipId');
  if (!own(store.memberships, id)) throw fault('ResourceNotFoundException', `GROUP_MEMBERSHIP not found: ${id}`, 400);
  delete store.memberships[id];
  return {};
}

/** The identity store operations. */
export const IDENTITYSTORE_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  CreateUser: { handler: createUser, readOnly: false },
  DescribeUser: { handler: describeUser, readOnly: true },
  ListUsers: { handler: listUsers, readOnly: true },
  DeleteUser: { handler: deleteUser, readOnly: false },
  GetUserId: { handler: getUserId, readOnly: true },
  CreateGroup: { handler: createGroup, readOnly: false },
  DescribeGroup: { handler: describeGroup, readOnly: true },
  ListGroups: { handler: listGroups, readOnly: true },
  DeleteGroup: { handler: deleteGroup, readOnly: false },
  GetGroupId: { handler: getGroupId, readOnly: true },
  CreateGroupMembership: { handler: createGroupMembership, readOnly: false },
  ListGroupMemberships: { handler: listGroupMemberships, readOnly: true },
  ListGroupMembershipsForMember: { handler: listGroupMembershipsForMember, readOnly: true },
  DeleteGroupMembership: { handler: deleteGroupMembership, readOnly: false },
};
