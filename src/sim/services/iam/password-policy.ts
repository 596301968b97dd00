/**
 * The account password policy (IAM User Guide, "Set an account password policy for IAM users",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html):
 * Get/Update/DeleteAccountPasswordPolicy, and the one check every password set by CreateLoginProfile,
 * UpdateLoginProfile, ChangePassword and the console goes through.
 */
import type { PolicySource } from '../../evaluate/types.ts';
import type { AccountState, User } from '../../world/state.ts';
import { fault, noSuchEntity } from '../errors.ts';
import { optBool, optNum, type OperationContext, type OperationDefinition } from '../operation.ts';

/** The account password policy as IAM stores it (GetAccountPasswordPolicy's PasswordPolicy shape). */
export interface PasswordPolicy {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  /** Days a password is valid; absent when passwords never expire. */
  MaxPasswordAge?: number;
  /** How many previous passwords a user may not reuse; absent when reuse is allowed. */
  PasswordReusePrevention?: number;
  /** Expired passwords can only be reset by an administrator. */
  HardExpiry: boolean;
}

/** IAM's symbol set for RequireSymbols (the User Guide lists exactly these). */
const SYMBOLS = /[!@#$%^&*()_+\-=[\]{}|']/;

/** Why a password is refused: the words IAM answers with PasswordPolicyViolation. */
export function passwordViolation(state: AccountState, password: string, user: User): string | undefined {
  const policy = state.passwordPolicy;
  if (!policy) {
    // Without a custom policy: at least 8 characters, three of the four character types, not the
    // user name or the account's root email (same User Guide page, "Default password policy").
    const kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
    if (password.length < 8 || kinds < 3 || password === user.name) {
      return 'Password should have a minimum length of 8 and include a minimum of three of the following mix of character types: uppercase, lowercase, numbers, non-alphanumeric symbols.';
    }
    return undefined;
  }
  const missing: string[] = [];
  if (password.length < policy.MinimumPasswordLength) missing.push(`a minimum length of ${policy.MinimumPasswordLength}`);
  if (policy.RequireUppercaseCharacters && !/[A-Z]/.test(password)) missing.push('at least one uppercase letter');
  if (policy.RequireLowercaseCharacters && !/[a-z]/.test(password)) missing.push('at least one lowercase letter');
  if (policy.RequireNumbers && !/[0-9]/.test(password)) missing.push('at least one number');
  if (policy.RequireSymbols && !SYMBOLS.test(password)) missing.push('at least one non-alphanumeric character');
  if (missing.length) return `Password does not conform to the account password policy: it needs ${missing.join(', ')}.`;
  const reuse = policy.PasswordReusePrevention;
  const previous = user.loginProfile ? [user.loginProfile.password, ...(user.loginProfile.previousPasswords ?? [])] : [];
  if (reuse !== undefined && previous.slice(0, reuse).includes(password)) {
    return `Password does not conform to the account password policy: it must not be one of your last ${reuse} passwords.`;
  }
  return undefined;
}

/** Throws PasswordPolicyViolation when the password breaks the account's policy. */
export function requirePasswordAllowed(state: AccountState, password: string, user: User): void {
  const violation = passwordViolation(state, password, user);
  if (violation) throw fault('PasswordPolicyViolation', violation, 400);
}

/** Sets a user's password, remembering old ones for PasswordReusePrevention (24 is IAM's maximum). */
export function setPassword(user: User, password: string, nowMs: number): void {
  const profile = user.loginProfile;
  if (!profile) return;
  if (profile.password !== password) profile.previousPasswords = [profile.password, ...(profile.previousPasswords ?? [])].slice(0, 24);
  profile.password = password;
  profile.passwordLastChanged = nowMs;
}

/** Whether a user's console password has expired under MaxPasswordAge (false when passwords never expire). */
export function passwordExpired(state: AccountState, user: User, nowMs: number): boolean {
  const days = state.passwordPolicy?.MaxPasswordAge;
  const profile = user.loginProfile;
  if (days === undefined || !profile) return false;
  return nowMs - (profile.passwordLastChanged ?? profile.createDate) >= days * 24 * 3600 * 1000;
}

/**
 * "Allow users to change their own password … allows all users in the account access to the
 * iam:ChangePassword action for only their user and the iam:GetAccountPasswordPolicy action"
 * (User Guide, "Permit IAM users to change their own passwords"). Modelled as an identity-side
 * allow for that check only, so an explicit deny or a permissions boundary still applies — the
 * documentation is silent on those cases; this is our choice.
 */
export function selfServicePasswordPolicy(state: AccountState, user: User | undefined): PolicySource[] {
  if (!state.passwordPolicy?.AllowUsersToChangePassword || !user) return [];
  const document = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iam:ChangePassword', Resource: user.arn },
      { Effect: 'Allow', Action: 'iam:GetAccountPasswordPolicy', Resource: '*' },
    ],
  });
  return [
    {
      id: 'account-password-policy',
      policyType: 'identity',
      name: 'account password policy: allow users to change their own password',
      document,
    },
  ];
}

function getAccountPasswordPolicy(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:GetAccountPasswordPolicy', '*', { extraIdentityPolicies: selfServicePasswordPolicy(ctx.state, ctx.caller.user) });
  const policy = ctx.state.passwordPolicy;
  if (!policy) throw noSuchEntity(`The Password Policy with domain name ${ctx.state.accountId} cannot be found.`);
  // Members in the API's shape order, as the CLI prints them.
  const out: Record<string, unknown> = {
    MinimumPasswordLength: policy.MinimumPasswordLength,
    RequireSymbols: policy.RequireSymbols,
    RequireNumbers: policy.RequireNumbers,
    RequireUppercaseCharacters: policy.RequireUppercaseCharacters,
    RequireLowercaseCharacters: policy.RequireLowercaseCharacters,
    AllowUsersToChangePassword: policy.AllowUsersToChangePassword,
    ExpirePasswords: policy.MaxPasswordAge !== undefined,
  };
  if (policy.MaxPasswordAge !== undefined) out['MaxPasswordAge'] = policy.MaxPasswordAge;
  if (policy.PasswordReusePrevention !== undefined) out['PasswordReusePrevention'] = policy.PasswordReusePrevention;
  out['HardExpiry'] = policy.HardExpiry;
  return { PasswordPolicy: out };
}

function updateAccountPasswordPolicy(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:UpdateAccountPasswordPolicy', '*');
  // Parameters left out fall back to their defaults, not to the previous policy (API Reference,
  // "UpdateAccountPasswordPolicy": "If you do not specify a value for a parameter, then the
  // operation uses the default value").
  const maxAge = optNum(ctx, 'MaxPasswordAge');
  const reuse = optNum(ctx, 'PasswordReusePrevention');
  ctx.state.passwordPolicy = {
    MinimumPasswordLength: optNum(ctx, 'MinimumPasswordLength') ?? 6,
    RequireSymbols: optBool(ctx, 'RequireSymbols') ?? false,
    RequireNumbers: optBool(ctx, 'RequireNumbers') ?? false,
    RequireUppercaseCharacters: optBool(ctx, 'RequireUppercaseCharacters') ?? false,
    RequireLowercaseCharacters: optBool(ctx, 'RequireLowercaseCharacters') ?? false,
    AllowUsersToChangePassword: optBool(ctx, 'AllowUsersToChangePassword') ?? false,
    ...(maxAge !== undefined ? { MaxPasswordAge: maxAge } : {}),
    ...(reuse !== undefined ? { PasswordReusePrevention: reuse } : {}),
    HardExpiry: optBool(ctx, 'HardExpiry') ?? false,
  };
  return {};
}

function deleteAccountPasswordPolicy(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:DeleteAccountPasswordPolicy', '*');
  if (!ctx.state.passwordPolicy) throw noSuchEntity(`The account policy with name PasswordPolicy cannot be found.`);
  delete ctx.state.passwordPolicy;
  return {};
}

/** The password policy operations. */
export const PASSWORD_POLICY_OPERATIONS: Record<string, OperationDefinition> = {
  GetAccountPasswordPolicy: { handler: getAccountPasswordPolicy, readOnly: true },
  UpdateAccountPasswordPolicy: { handler: updateAccountPasswordPolicy, readOnly: false },
  DeleteAccountPasswordPolicy: { handler: deleteAccountPasswordPolicy, readOnly: false },
};
