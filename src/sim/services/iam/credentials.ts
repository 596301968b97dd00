/**
 * Access keys (2 per user, Active/Inactive) and console passwords (login profiles) — IAM API
 * Reference, "CreateAccessKey", "CreateLoginProfile", "ChangePassword". A deleted or inactive key
 * stops authenticating at once (see world/caller.ts).
 */
import { cliTimestamp, iamTrailDate } from '../../world/dates.ts';
import { ID_PREFIX } from '../../world/ids.ts';
import type { AccessKey, User } from '../../world/state.ts';
import { entityAlreadyExists, fault, limitExceeded, noSuchEntity, validationMessage } from '../errors.ts';
import { optBool, optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { impliedUserArn, impliedUserDisplay, requireUserAuthorized } from './users.ts';
import { requireUser } from './lookup.ts';
import { requirePasswordAllowed, selfServicePasswordPolicy, setPassword } from './password-policy.ts';

/** The keys the operation works on: the named user's, or the caller's own (root's when root omits UserName). */
function keyOwner(ctx: OperationContext, action: string): { keys: AccessKey[]; user?: User } {
  ctx.authorize(action, impliedUserArn(ctx), impliedUserDisplay(ctx));
  const given = optStr(ctx, 'UserName');
  if (given === undefined && ctx.caller.type === 'Root') return { keys: ctx.state.root.accessKeys };
  if (given === undefined && !ctx.caller.user) throw validationMessage('Must specify userName when calling with non-User credentials');
  const user = requireUser(ctx.state, given ?? ctx.caller.user?.name ?? '');
  return { keys: user.accessKeys, user };
}

function keyOut(key: AccessKey, userName: string | undefined): Record<string, unknown> {
  return {
    ...(userName !== undefined ? { UserName: userName } : {}),
    AccessKeyId: key.id,
    Status: key.status,
    CreateDate: cliTimestamp(key.createDate),
  };
}

function createAccessKey(ctx: OperationContext): Record<string, unknown> {
  const { keys, user } = keyOwner(ctx, 'iam:CreateAccessKey');
  if (keys.length >= 2) throw limitExceeded('Cannot exceed quota for AccessKeysPerUser: 2');
  const key: AccessKey = {
    id: ctx.ids.accessKeyId(ID_PREFIX.accessKey, ctx.state.accountId),
    secret: ctx.ids.secretAccessKey(),
    status: 'Active',
    createDate: ctx.nowMs,
  };
  keys.push(key);
  ctx.trail.responseElements = {
    accessKey: {
      ...(user ? { userName: user.name } : {}),
      accessKeyId: key.id,
      status: key.status,
      createDate: iamTrailDate(key.createDate),
    },
  };
  return {
    AccessKey: {
      ...(user ? { UserName: user.name } : {}),
      AccessKeyId: key.id,
      Status: key.status,
      SecretAccessKey: key.secret,
      CreateDate: cliTimestamp(key.createDate),
    },
  };
}

function listAccessKeys(ctx: OperationContext): Record<string, unknown> {
  const { keys, user } = keyOwner(ctx, 'iam:ListAccessKeys');
  return { AccessKeyMetadata: keys.map((k) => keyOut(k, user?.name)) };
}

function findKey(keys: AccessKey[], id: string): AccessKey {
  const key = keys.find((k) => k.id === id);
  if (!key) throw noSuchEntity(`The Access Key with id ${id} cannot be found.`);
  return key;
}

function updateAccessKey(ctx: OperationContext): Record<string, unknown> {
  const { keys } = keyOwner(ctx, 'iam:UpdateAccessKey');
  findKey(keys, str(ctx, 'AccessKeyId')).status = str(ctx, 'Status') === 'Inactive' ? 'Inactive' : 'Active';
  return {};
}

function deleteAccessKey(ctx: OperationContext): Record<string, unknown> {
  const owner = keyOwner(ctx, 'iam:DeleteAccessKey');
  const key = findKey(owner.keys, str(ctx, 'AccessKeyId'));
  owner.keys.splice(owner.keys.indexOf(key), 1);
  return {};
}

function getAccessKeyLastUsed(ctx: OperationContext): Record<string, unknown> {
  const id = str(ctx, 'AccessKeyId');
  const user = Object.values(ctx.state.users).find((u) => u.accessKeys.some((k) => k.id === id));
  const key = user?.accessKeys.find((k) => k.id === id) ?? ctx.state.root.accessKeys.find((k) => k.id === id);
  ctx.authorize(
    'iam:GetAccessKeyLastUsed',
    user ? user.arn : `arn:aws:iam::${ctx.state.accountId}:root`,
    user ? { displayResource: `user ${user.name}` } : {},
  );
  if (!key) throw noSuchEntity(`The Access Key with id ${id} cannot be found.`);
  const used = key.lastUsed;
  return {
    ...(user ? { UserName: user.name } : {}),
    AccessKeyLastUsed: used
      ? { LastUsedDate: cliTimestamp(used.date), ServiceName: used.serviceName, Region: used.region }
      : { ServiceName: 'N/A', Region: 'N/A' },
  };
}

function loginProfileOut(user: User): Record<string, unknown> {
  const p = user.loginProfile;
  return {
    LoginProfile: {
      UserName: user.name,
      CreateDate: cliTimestamp(p?.createDate ?? 0),
      PasswordResetRequired: p?.passwordResetRequired ?? false,
    },
  };
}

function createLoginProfile(ctx: OperationContext): Record<string, unknown> {
  const user = requireUserAuthorized(ctx, 'iam:CreateLoginProfile');
  if (user.loginProfile) throw entityAlreadyExists(`Login Profile for user ${user.name} already exists.`);
  const password = str(ctx, 'Password');
  requirePasswordAllowed(ctx.state, password, user);
  user.loginProfile = {
    password,
    createDate: ctx.nowMs,
    passwordLastChanged: ctx.nowMs,
    passwordResetRequired: optBool(ctx, 'PasswordResetRequired') ?? false,
  };
  return loginProfileOut(user);
}

function requireLoginProfile(user: User): NonNullable<User['loginProfile']> {
  if (!user.loginProfile) throw noSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
  return user.loginProfile;
}

function getLoginProfile(ctx: OperationContext): Record<string, unknown> {
  const user = requireUserAuthorized(ctx, 'iam:GetLoginProfile');
  requireLoginProfile(user);
  return loginProfileOut(user);
}

function updateLoginProfile(ctx: OperationContext): Record<string, unknown> {
  const user = requireUserAuthorized(ctx, 'iam:UpdateLoginProfile');
  const profile = requireLoginProfile(user);
  const password = optStr(ctx, 'Password');
  if (password !== undefined) {
    requirePasswordAllowed(ctx.state, password, user);
    setPassword(user, password, ctx.nowMs);
  }
  const reset = optBool(ctx, 'PasswordResetRequired');
  if (reset !== undefined) profile.passwordResetRequired = reset;
  return {};
}

function deleteLoginProfile(ctx: OperationContext): Record<string, unknown> {
  const user = requireUserAuthorized(ctx, 'iam:DeleteLoginProfile');
  requireLoginProfile(user);
  delete user.loginProfile;
  return {};
}

function changePassword(ctx: OperationContext): Record<string, unknown> {
  const user = ctx.caller.user;
  ctx.authorize('iam:ChangePassword', user ? user.arn : ctx.caller.arn, {
    extraIdentityPolicies: selfServicePasswordPolicy(ctx.state, user),
    ...(user ? { displayResource: `user ${user.name}` } : {}),
  });
  // Only IAM users change their own password this way (IAM API Reference, "ChangePassword").
  if (!user) throw fault('InvalidUserType', 'Only IAM users can change their own password with ChangePassword.', 400);
  const profile = requireLoginProfile(user);
  if (profile.password !== str(ctx, 'OldPassword')) throw fault('InvalidUserType', 'The old password is incorrect.', 400);
  const next = str(ctx, 'NewPassword');
  requirePasswordAllowed(ctx.state, next, user);
  setPassword(user, next, ctx.nowMs);
  profile.passwordResetRequired = false;
  // A console session that signed in only to change its password may now use the console.
  if (ctx.caller.session?.kind === 'Console') delete ctx.caller.session.mustChangePassword;
  return {};
}

/** The credential operations. */
export const CREDENTIAL_OPERATIONS: Record<string, OperationDefinition> = {
  CreateAccessKey: { handler: createAccessKey, readOnly: false },
  ListAccessKeys: { handler: listAccessKeys, readOnly: true },
  UpdateAccessKey: { handler: updateAccessKey, readOnly: false },
  DeleteAccessKey: { handler: deleteAccessKey, readOnly: false },
  GetAccessKeyLastUsed: { handler: getAccessKeyLastUsed, readOnly: true },
  CreateLoginProfile: { handler: createLoginProfile, readOnly: false },
  GetLoginProfile: { handler: getLoginProfile, readOnly: true },
  UpdateLoginProfile: { handler: updateLoginProfile, readOnly: false },
  DeleteLoginProfile: { handler: deleteLoginProfile, readOnly: false },
  ChangePassword: { handler: changePassword, readOnly: false },
};
