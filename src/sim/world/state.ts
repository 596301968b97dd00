/**
 * The world's state: plain JSON-serializable data, saved and restored as is. Names of users,
 * groups, roles and instance profiles are unique per account ignoring case (IAM quotas page), so
 * maps are keyed by the lower-cased name; the entity keeps the name as written. Times are epoch ms.
 */
import type { CliConfig } from '../services/contract.ts';
import type { Ec2Instance } from '../services/ec2/model.ts';
import type { KmsAlias, KmsKey } from '../services/kms/model.ts';
import type { LambdaFunction } from '../services/lambda/model.ts';
import type { OrganizationState } from './organization.ts';
import type { PasswordPolicy } from '../services/iam/password-policy.ts';
import type { LastAccessedJob } from '../services/iam/last-accessed.ts';
import type { SamlProvider } from '../services/iam/saml-model.ts';
import type { IdentityCenterState } from '../services/sso-admin/model.ts';
import type { OidcProvider } from '../services/iam/oidc-providers.ts';
import type { CredentialReport } from '../services/iam/credential-report.ts';

/** A tag on an IAM entity or session. */
export interface Tag {
  Key: string;
  Value: string;
}

/** An inline policy: name and document text as the caller wrote it. */
export interface InlinePolicy {
  name: string;
  document: string;
}

/** An access key of a user or of the root user. */
export interface AccessKey {
  id: string;
  secret: string;
  status: 'Active' | 'Inactive';
  createDate: number;
  lastUsed?: { date: number; serviceName: string; region: string };
}

/** A console password. */
export interface LoginProfile {
  password: string;
  createDate: number;
  passwordResetRequired: boolean;
  /** When the password was last set (creation, reset or change); absent means createDate. */
  passwordLastChanged?: number;
  /** Earlier passwords, newest first, for the password policy's PasswordReusePrevention. */
  previousPasswords?: string[];
}

/** An IAM user. */
export interface User {
  name: string;
  id: string;
  path: string;
  arn: string;
  createDate: number;
  passwordLastUsed?: number;
  tags: Tag[];
  inlinePolicies: InlinePolicy[];
  attachedPolicies: string[];
  permissionsBoundary?: string;
  accessKeys: AccessKey[];
  loginProfile?: LoginProfile;
  /** Serial numbers of the MFA devices enabled for this user, in enable order. */
  mfaSerials: string[];
}

/** An IAM group. Membership lives here (user names as written). */
export interface Group {
  name: string;
  id: string;
  path: string;
  arn: string;
  createDate: number;
  inlinePolicies: InlinePolicy[];
  attachedPolicies: string[];
  members: string[];
}

/** An IAM role. */
export interface Role {
  name: string;
  id: string;
  path: string;
  arn: string;
  createDate: number;
  description?: string;
  maxSessionDuration: number;
  assumeRolePolicyDocument: string;
  tags: Tag[];
  inlinePolicies: InlinePolicy[];
  attachedPolicies: string[];
  permissionsBoundary?: string;
  lastUsed?: { date: number; region: string };
}

/** One version of a customer managed policy. */
export interface PolicyVersion {
  versionId: string;
  document: string;
  createDate: number;
}

/** A customer managed policy. */
export interface ManagedPolicy {
  name: string;
  id: string;
  path: string;
  arn: string;
  description?: string;
  createDate: number;
  updateDate: number;
  defaultVersionId: string;
  /** Number for the next version id (`v<n>`): IAM never reuses version ids. */
  nextVersion: number;
  versions: PolicyVersion[];
  tags: Tag[];
}

/** An instance profile. */
export interface InstanceProfile {
  name: string;
  id: string;
  path: string;
  arn: string;
  createDate: number;
  roles: string[];
  tags: Tag[];
}

/** A virtual MFA device (RFC 6238 TOTP secret). */
export interface MfaDevice {
  serialNumber: string;
  name: string;
  path: string;
  seedBase32: string;
  createDate: number;
  /** The user it is enabled for (`<root>` for the root user); undefined while unassigned. */
  user?: string;
  enableDate?: number;
  /** Highest TOTP time step already accepted: a code is never accepted twice (RFC 6238 §5.2). */
  lastUsedStep?: number;
  tags: Tag[];
}

/** Temporary credentials issued by STS or by a console sign-in. */
export interface Session {
  accessKeyId: string;
  secret: string;
  token: string;
  kind: 'AssumeRole' | 'GetSessionToken' | 'Console';
  issuedAt: number;
  expiration: number;
  /** For GetSessionToken / Console: the user name, or undefined for the root user. */
  userName?: string;
  /** The user's unique ID: a deleted and recreated user of the same name does not inherit the session. */
  userId?: string;
  /** For AssumeRole: the role (name as written, ARN with path, unique id) and session name. */
  roleName?: string;
  roleArn?: string;
  roleId?: string;
  sessionName?: string;
  /** Session policies passed to AssumeRole (inline text and managed ARNs). */
  policy?: string;
  policyArns?: string[];
  sessionTags: Tag[];
  transitiveTagKeys: string[];
  sourceIdentity?: string;
  /** MFA was authenticated when the credentials were issued. */
  mfaAuthenticated: boolean;
  mfaAuthTime?: number;
  /** Issued by assuming a role with role credentials (role chaining, 1-hour limit). */
  chained: boolean;
  /** For Console sessions: the sign-in id the CLI or widget presents. */
  consoleSessionId?: string;
  /** For role sessions a service assumed (Lambda, EC2): the service principal that holds them. */
  issuedTo?: string;
  /** For an EC2 instance profile session: the instance ARN (`ec2:SourceInstanceARN`). */
  sourceInstanceArn?: string;
  /** A console session that may only change its password (first sign-in with PasswordResetRequired, or an expired password). */
  mustChangePassword?: boolean;
  /** For a role session from AssumeRoleWithWebIdentity: the IAM OIDC provider's ARN (`aws:FederatedProvider`). */
  webIdentity?: { federatedProvider: string };
}

/** An S3 object. */
export interface S3Object {
  key: string;
  /** The body, base64-encoded (objects may be binary). */
  bodyBase64: string;
  size: number;
  etag: string;
  contentType: string;
  lastModified: number;
  /** SSE-KMS: the key and the object's data key encrypted under it (base64); absent = SSE-S3. */
  sseKms?: { keyArn: string; dataKeyBlob: string };
}

/** An S3 bucket. */
export interface Bucket {
  name: string;
  region: string;
  createDate: number;
  policy?: string;
  /** Block Public Access settings; absent means none (buckets made before April 2023, or after a delete). */
  publicAccessBlock?: PublicAccessBlock;
  objects: Record<string, S3Object>;
}

/** The four S3 Block Public Access settings, named as the API names them. */
export interface PublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

/** A CloudTrail trail with its (basic) event selectors. */
export interface Trail {
  name: string;
  arn: string;
  s3BucketName: string;
  homeRegion: string;
  isMultiRegionTrail: boolean;
  eventSelectors: EventSelector[];
  /** Created in the management account with IsOrganizationTrail: also logs every member account's events. */
  isOrganizationTrail?: boolean;
}

/** A basic CloudTrail event selector (CloudTrail API EventSelector). */
export interface EventSelector {
  ReadWriteType: 'ReadOnly' | 'WriteOnly' | 'All';
  IncludeManagementEvents: boolean;
  DataResources: { Type: string; Values: string[] }[];
  ExcludeManagementEventSources: string[];
}

/** The root user of one account. */
export interface RootUser {
  createDate: number;
  accessKeys: AccessKey[];
  mfaSerials: string[];
  password: string;
  passwordLastUsed?: number;
  /** The root user's sign-in email address (absent in older worlds: see console-sign-in.ts rootEmailOf). */
  email?: string;
}

/**
 * Everything one account knows: its IAM, STS and S3 state and its own CloudTrail records. A
 * handler's `ctx.state` is the state of the calling account. Services add their collections as
 * optional fields (declared in their own folders) so saved worlds without them still load.
 */
export interface AccountState {
  accountId: string;
  /** The account's S3 canonical user ID (64 hex characters). */
  canonicalUserId: string;
  accountAlias?: string;
  root: RootUser;
  users: Record<string, User>;
  groups: Record<string, Group>;
  roles: Record<string, Role>;
  /** Customer managed policies by ARN. */
  policies: Record<string, ManagedPolicy>;
  instanceProfiles: Record<string, InstanceProfile>;
  /** Virtual MFA devices by serial number. */
  mfaDevices: Record<string, MfaDevice>;
  /** Temporary credentials by access key ID. */
  sessions: Record<string, Session>;
  /** The account's buckets (names are unique across the world: S3 bucket names are global). */
  buckets: Record<string, Bucket>;
  trails: Record<string, Trail>;
  /** CloudTrail records delivered to this account, in delivery order (plain objects in AWS's field order). */
  records: Record<string, unknown>[];
  /** What this (management) account's organization trails delivered: every organization account's records they select. */
  organizationTrailRecords?: Record<string, unknown>[];
  /** Lambda functions by name (services/lambda). */
  lambdaFunctions?: Record<string, LambdaFunction>;
  /** EC2 instances by instance ID (services/ec2). */
  ec2Instances?: Record<string, Ec2Instance>;
  /** KMS keys by key ID (services/kms). */
  kmsKeys?: Record<string, KmsKey>;
  /** KMS aliases by alias name (services/kms). */
  kmsAliases?: Record<string, KmsAlias>;
  /** Account-level S3 Block Public Access (services/s3control; absent: none, as for a new account). */
  accountPublicAccessBlock?: PublicAccessBlock;
  /** The account password policy (absent: IAM's default rules apply). */
  passwordPolicy?: PasswordPolicy;
  /** Service last accessed reports by job ID (services/iam/last-accessed.ts). */
  serviceLastAccessedJobs?: Record<string, LastAccessedJob>;
  /** IAM SAML identity providers by ARN (services/iam/saml-providers.ts). */
  samlProviders?: Record<string, SamlProvider>;
  /** The organization's IAM Identity Center instance, kept in the management account (services/sso-admin). */
  identityCenter?: IdentityCenterState;
  /** IAM OIDC identity providers by ARN (services/iam/oidc-providers.ts). */
  oidcProviders?: Record<string, OidcProvider>;
  /** The latest credential report (services/iam/credential-report.ts; absent until one is generated). */
  credentialReport?: CredentialReport;
}

/** The version `world.save()` writes; older versions are migrated on load (world/migrate.ts). */
export const WORLD_FORMAT_VERSION = 2;

/** Everything one simulated world knows: its accounts, the organization, the clock, ids, files, CLI config. */
export interface WorldState {
  formatVersion: typeof WORLD_FORMAT_VERSION;
  seed: string;
  idCounter: number;
  clockMs: number;
  /** Default region of requests. */
  region: string;
  /** The account the CLI's `default` profile (its root user) and `--profile <user>` belong to. */
  primaryAccountId: string;
  /** Every simulated account by account ID (the primary account first). */
  accounts: Record<string, AccountState>;
  /** Virtual files written by `--outfile` or provided for `file://`: text as is, binary base64-encoded. */
  files: Record<string, { text: boolean; data: string }>;
  cliConfig: CliConfig;
  /** The AWS Organizations organization (accounts, OUs, SCPs/RCPs), if any. */
  organization?: OrganizationState;
}

/**
 * Lookup key for case-insensitive names. The `~` prefix keeps names such as `__proto__` or
 * `constructor` from ever meaning a JavaScript object internal.
 */
export function nameKey(name: string): string {
  return `~${name.toLowerCase()}`;
}

/** A map entry only if the map itself has it (never an inherited Object property). */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
