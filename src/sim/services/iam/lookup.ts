/** Finding IAM entities by name or ARN, answering IAM's NoSuchEntity wording when absent. */
import { awsManagedPolicy, isAwsManagedArn } from '../../managed/index.ts';
import { own, type Group, type ManagedPolicy, type Role, type User, type AccountState } from '../../world/state.ts';
import { nameKey } from '../../world/state.ts';
import { entityNotFound, noSuchEntity } from '../errors.ts';

/** The user, or NoSuchEntity. */
export function requireUser(state: AccountState, name: string): User {
  const user = state.users[nameKey(name)];
  if (!user) throw entityNotFound('user', name);
  return user;
}

/** The group, or NoSuchEntity. */
export function requireGroup(state: AccountState, name: string): Group {
  const group = state.groups[nameKey(name)];
  if (!group) throw entityNotFound('group', name);
  return group;
}

/** The role, or NoSuchEntity. */
export function requireRole(state: AccountState, name: string): Role {
  const role = state.roles[nameKey(name)];
  if (!role) throw entityNotFound('role', name);
  return role;
}

/** A customer managed policy by ARN, or NoSuchEntity (`Policy <arn> was not found.`). */
export function requireCustomerPolicy(state: AccountState, arn: string): ManagedPolicy {
  const policy = own(state.policies, arn);
  if (!policy) throw noSuchEntity(`Policy ${arn} was not found.`);
  return policy;
}

/** Checks that a managed policy (AWS or customer) can be attached; NoSuchEntity otherwise. */
export function requireAttachable(state: AccountState, arn: string): void {
  const known = own(state.policies, arn) !== undefined || (isAwsManagedArn(arn) && awsManagedPolicy(arn) !== undefined);
  if (!known) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
}

/** The IAM user the operation targets: the named one, or the caller itself when omitted (IAM API "UserName" docs). */
export function targetUserName(callerUserName: string | undefined, given: string | undefined): string | undefined {
  return given ?? callerUserName;
}
