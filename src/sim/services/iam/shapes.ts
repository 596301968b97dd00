/**
 * IAM entities as the AWS CLI prints them: members in botocore's shape order, dates in the CLI's
 * ISO format, policy documents decoded to JSON (the CLI URL-decodes and parses them).
 */
import { awsManagedPolicy } from '../../managed/index.ts';
import { cliTimestamp } from '../../world/dates.ts';
import {
  nameKey,
  type Group,
  type InstanceProfile,
  type ManagedPolicy,
  type PolicyVersion,
  type Role,
  type Tag,
  type User,
  type AccountState,
} from '../../world/state.ts';

/** A policy document as the CLI prints it (parsed JSON; the text itself if it is not JSON). */
export function documentOut(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function boundaryOut(arn: string | undefined): Record<string, unknown> {
  return arn ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } } : {};
}

function tagsOut(tags: readonly Tag[]): Record<string, unknown> {
  return tags.length > 0 ? { Tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })) } : {};
}

/** A User. `detail` adds what GetUser/CreateUser show and ListUsers leaves out. */
export function userOut(user: User, detail: boolean): Record<string, unknown> {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: user.arn,
    CreateDate: cliTimestamp(user.createDate),
    ...(user.passwordLastUsed !== undefined ? { PasswordLastUsed: cliTimestamp(user.passwordLastUsed) } : {}),
    ...(detail ? { ...boundaryOut(user.permissionsBoundary), ...tagsOut(user.tags) } : {}),
  };
}

/** A Group. */
export function groupOut(group: Group): Record<string, unknown> {
  return { Path: group.path, GroupName: group.name, GroupId: group.id, Arn: group.arn, CreateDate: cliTimestamp(group.createDate) };
}

/** A Role. `detail` adds boundary, tags and RoleLastUsed (GetRole). */
export function roleOut(role: Role, detail: boolean): Record<string, unknown> {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: cliTimestamp(role.createDate),
    AssumeRolePolicyDocument: documentOut(role.assumeRolePolicyDocument),
    ...(role.description !== undefined ? { Description: role.description } : {}),
    MaxSessionDuration: role.maxSessionDuration,
    ...(detail
      ? {
          ...boundaryOut(role.permissionsBoundary),
          ...tagsOut(role.tags),
          RoleLastUsed: role.lastUsed ? { LastUsedDate: cliTimestamp(role.lastUsed.date), Region: role.lastUsed.region } : {},
        }
      : {}),
  };
}

/** How many users, groups and roles a managed policy is attached to, and boundaries it is. */
export function policyUsage(state: AccountState, arn: string): { attachments: number; boundaries: number } {
  let attachments = 0;
  let boundaries = 0;
  for (const e of [...Object.values(state.users), ...Object.values(state.roles)]) {
    if (e.attachedPolicies.includes(arn)) attachments++;
    if (e.permissionsBoundary === arn) boundaries++;
  }
  for (const g of Object.values(state.groups)) if (g.attachedPolicies.includes(arn)) attachments++;
  return { attachments, boundaries };
}

/** A customer managed Policy. `detail` adds Description and Tags (GetPolicy/CreatePolicy). */
export function policyOut(state: AccountState, policy: ManagedPolicy, detail: boolean): Record<string, unknown> {
  const usage = policyUsage(state, policy.arn);
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    ...(detail && policy.description !== undefined ? { Description: policy.description } : {}),
    CreateDate: cliTimestamp(policy.createDate),
    UpdateDate: cliTimestamp(policy.updateDate),
    ...(detail ? tagsOut(policy.tags) : {}),
  };
}

/** An AWS managed Policy. */
export function awsPolicyOut(state: AccountState, arn: string, detail: boolean): Record<string, unknown> | undefined {
  const info = awsManagedPolicy(arn);
  if (!info) return undefined;
  const usage = policyUsage(state, arn);
  return {
    PolicyName: info.PolicyName,
    PolicyId: info.PolicyId,
    Arn: info.Arn,
    Path: info.Path,
    DefaultVersionId: info.DefaultVersionId,
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    ...(detail ? { Description: info.Description } : {}),
    CreateDate: cliTimestamp(Date.parse(info.CreateDate)),
    UpdateDate: cliTimestamp(Date.parse(info.UpdateDate)),
  };
}

/** A PolicyVersion; `withDocument` for GetPolicyVersion/CreatePolicyVersion. */
export function versionOut(version: PolicyVersion, isDefault: boolean, withDocument: boolean): Record<string, unknown> {
  return {
    ...(withDocument ? { Document: documentOut(version.document) } : {}),
    VersionId: version.versionId,
    IsDefaultVersion: isDefault,
    CreateDate: cliTimestamp(version.createDate),
  };
}

/** An InstanceProfile with its roles. */
export function instanceProfileOut(state: AccountState, profile: InstanceProfile): Record<string, unknown> {
  const roles = profile.roles.map((name) => state.roles[nameKey(name)]).filter((r): r is Role => r !== undefined);
  return {
    Path: profile.path,
    InstanceProfileName: profile.name,
    InstanceProfileId: profile.id,
    Arn: profile.arn,
    CreateDate: cliTimestamp(profile.createDate),
    Roles: roles.map((r) => roleOut(r, false)),
    ...tagsOut(profile.tags),
  };
}

/** Sorts entities by name the way IAM lists them (case-insensitive, then as written). */
export function byName<T extends { name: string }>(items: Iterable<T>): T[] {
  return [...items].sort(
    (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** Entities whose path starts with `PathPrefix` (List* operations). */
export function withPathPrefix<T extends { path: string }>(items: T[], prefix: string | undefined): T[] {
  return prefix ? items.filter((i) => i.path.startsWith(prefix)) : items;
}
