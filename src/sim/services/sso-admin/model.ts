/**
 * IAM Identity Center as the world stores it: one organization instance, kept in the management
 * account's state (`AccountState.identityCenter`), holding its identity store (users, groups,
 * memberships), permission sets, account assignments, request statuses and the access portal's
 * OIDC clients, device authorizations and tokens.
 */
import type { Tag } from '../../world/state.ts';

/** An identity store user (identitystore CreateUser). */
export interface IdcUser {
  UserId: string;
  UserName: string;
  DisplayName?: string;
  Name?: Record<string, string>;
  Emails?: { Value?: string; Type?: string; Primary?: boolean }[];
  Title?: string;
  /** The portal password (set by "Reset password" / a one-time password); absent: the user cannot sign in yet. */
  password?: string;
  /** A one-time password: the first portal sign-in must choose a new one. */
  passwordOneTime?: boolean;
  /** The authenticator apps registered for the user's portal sign-in (absent: none). */
  mfaDevices?: IdcMfaDevice[];
  /** The secret shown while an authenticator app is being registered, until a code from it is entered. */
  pendingMfaSeed?: string;
}

/**
 * An authenticator app registered for an Identity Center user (User Guide, "Registering your device for
 * MFA", https://docs.aws.amazon.com/singlesignon/latest/userguide/user-device-registration.html).
 */
export interface IdcMfaDevice {
  /** Our id for the device (the portal removes devices by it). */
  id: string;
  /** The friendly name the user gave it. */
  name: string;
  seedBase32: string;
  registeredAt: number;
  /** The TOTP step of the last code accepted: a code is never accepted twice. */
  lastUsedStep?: number;
}

/**
 * The instance's multi-factor authentication settings (Settings → Authentication → Multi-factor
 * authentication → Configure). Simulated: "Prompt users for MFA" every time or never, "If a user does
 * not yet have a registered MFA device" register / block / allow, authenticator apps allowed or not.
 */
export interface IdcMfaSettings {
  /** ALWAYS_ON: "Every time they sign in (always-on)"; DISABLED: "Never (disabled)". */
  mode: 'ALWAYS_ON' | 'DISABLED';
  /** "Users can authenticate with": authenticator apps (the only device type simulated). */
  authenticatorApps: boolean;
  /** REGISTER: "Require them to register an MFA device at sign in"; BLOCK: "Block their sign-in"; ALLOW: "Allow them to sign in". */
  noDevice: 'REGISTER' | 'BLOCK' | 'ALLOW';
}

/**
 * A new instance's settings: always-on ("In this mode (the default setting)", "Prompt users for MFA",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/mfa-getting-started.html), authenticator
 * apps allowed, and register at sign-in ("This is the default setting when you first configure MFA",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/how-to-configure-mfa-device-enforcement.html).
 */
export function defaultMfaSettings(): IdcMfaSettings {
  return { mode: 'ALWAYS_ON', authenticatorApps: true, noDevice: 'REGISTER' };
}

/** An identity store group. */
export interface IdcGroup {
  GroupId: string;
  DisplayName: string;
  Description?: string;
}

/** A user's membership in a group. */
export interface IdcMembership {
  MembershipId: string;
  GroupId: string;
  UserId: string;
}

/** A customer managed policy reference (name and path in every assigned account). */
export interface PolicyReference {
  Name: string;
  Path?: string;
}

/** A permission set. */
export interface PermissionSet {
  Name: string;
  PermissionSetArn: string;
  Description?: string;
  CreatedDate: number;
  /** ISO 8601 duration (`PT1H` by default, PT1H to PT12H). */
  SessionDuration: string;
  RelayState?: string;
  managedPolicies: string[];
  inlinePolicy?: string;
  permissionsBoundary?: { ManagedPolicyArn?: string; CustomerManagedPolicyReference?: PolicyReference };
  tags: Tag[];
}

/** One assignment: a principal gets a permission set in an account. */
export interface AccountAssignment {
  AccountId: string;
  PermissionSetArn: string;
  PrincipalType: 'USER' | 'GROUP';
  PrincipalId: string;
}

/** The status of an asynchronous request (assignment creation/deletion, provisioning): they complete at once here. */
export interface RequestStatus {
  kind: 'create' | 'delete' | 'provision';
  Status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  RequestId: string;
  FailureReason?: string;
  TargetId?: string;
  TargetType?: 'AWS_ACCOUNT';
  PermissionSetArn: string;
  PrincipalType?: 'USER' | 'GROUP';
  PrincipalId?: string;
  AccountId?: string;
  CreatedDate: number;
}

/** A role Identity Center provisioned for a permission set in one account. */
export interface ProvisionedRole {
  AccountId: string;
  PermissionSetArn: string;
  roleName: string;
}

/** An OIDC client (sso-oidc RegisterClient). */
export interface OidcClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  issuedAt: number;
  expiresAt: number;
}

/** A pending or approved device authorization (sso-oidc StartDeviceAuthorization). */
export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  expiresAt: number;
  /** Set when an Identity Center user approved it in the access portal. */
  approvedBy?: string;
  /** Set once CreateToken exchanged it (a device code is used once). */
  redeemed?: boolean;
}

/** An access token of the portal API: who it stands for and until when. */
export interface PortalToken {
  UserId: string;
  expiresAt: number;
  /** Whether the sign-in that issued it passed an MFA challenge (absent: password only, as before MFA was simulated). */
  mfa?: boolean;
}

/** The Identity Center instance of the organization. */
export interface IdentityCenterState {
  InstanceArn: string;
  IdentityStoreId: string;
  Name?: string;
  OwnerAccountId: string;
  CreatedDate: number;
  /** The instance's home region (the reserved roles' path names it unless it is us-east-1). */
  region: string;
  /** `d-xxxxxxxxxx` → the access portal URL `https://d-xxxxxxxxxx.awsapps.com/start`. */
  users: Record<string, IdcUser>;
  groups: Record<string, IdcGroup>;
  memberships: Record<string, IdcMembership>;
  permissionSets: Record<string, PermissionSet>;
  assignments: AccountAssignment[];
  provisioned: ProvisionedRole[];
  requests: Record<string, RequestStatus>;
  /** The `AWSSSO_<hex>_DO_NOT_DELETE` SAML provider of each account Identity Center provisioned into. */
  samlProviderOf: Record<string, string>;
  clients: Record<string, OidcClient>;
  deviceAuthorizations: Record<string, DeviceAuthorization>;
  tokens: Record<string, PortalToken>;
  /** Multi-factor authentication for portal sign-in (snapshots older than it load with the defaults). */
  mfa: IdcMfaSettings;
}
