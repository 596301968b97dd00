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
}
