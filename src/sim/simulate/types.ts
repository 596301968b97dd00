/**
 * IAM SimulateCustomPolicy / SimulatePrincipalPolicy request and response shapes, as in the IAM API
 * reference and the AWS SDK v3 (PascalCase), so real CLI input files work unchanged.
 */
import type { AuthorizationRequest, AuthorizationResult } from '../evaluate/types.ts';

/** `ContextKeyType` values of the IAM API. */
export type ContextKeyType =
  | 'string'
  | 'stringList'
  | 'numeric'
  | 'numericList'
  | 'boolean'
  | 'booleanList'
  | 'ip'
  | 'ipList'
  | 'binary'
  | 'binaryList'
  | 'date'
  | 'dateList';

/** One `ContextEntries` item. */
export interface ContextEntry {
  ContextKeyName?: string;
  ContextKeyValues?: string[];
  ContextKeyType?: ContextKeyType;
}

/** IAM SimulateCustomPolicy request. */
export interface SimulateCustomPolicyInput {
  PolicyInputList: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  ActionNames: string[];
  ResourceArns?: string[];
  ResourcePolicy?: string;
  ResourceOwner?: string;
  CallerArn?: string;
  ContextEntries?: ContextEntry[];
  ResourceHandlingOption?: string;
  MaxItems?: number;
  Marker?: string;
}

/** IAM SimulatePrincipalPolicy request. */
export interface SimulatePrincipalPolicyInput extends Omit<SimulateCustomPolicyInput, 'PolicyInputList'> {
  PolicySourceArn: string;
  PolicyInputList?: string[];
}

/** A line/column position as IAM reports it. */
export interface SimulationPosition {
  Line: number;
  Column: number;
}

/** `MatchedStatements` item. */
export interface MatchedStatement {
  SourcePolicyId: string;
  SourcePolicyType?: 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';
  StartPosition: SimulationPosition;
  EndPosition: SimulationPosition;
}

/** One item of `EvaluationResults`. */
export interface EvaluationResult {
  EvalActionName: string;
  EvalResourceName: string;
  EvalDecision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  MatchedStatements: MatchedStatement[];
  MissingContextValues: string[];
  OrganizationsDecisionDetail?: { AllowedByOrganizations: boolean };
  PermissionsBoundaryDecisionDetail?: { AllowedByPermissionsBoundary: boolean };
  EvalDecisionDetails?: Record<string, 'allowed' | 'explicitDeny' | 'implicitDeny'>;
}

/** IAM SimulateCustomPolicy / SimulatePrincipalPolicy response. */
export interface SimulateCustomPolicyOutput {
  EvaluationResults: EvaluationResult[];
  IsTruncated: boolean;
}

/** Same shape as SimulateCustomPolicyOutput. */
export type SimulatePrincipalPolicyOutput = SimulateCustomPolicyOutput;

/** One decision with the engine's request and full result, for `--explain` and widgets. */
export interface SimulationDetail {
  action: string;
  resource: string;
  request: AuthorizationRequest;
  result: AuthorizationResult;
}

/** A response plus the engine's details, aligned with `EvaluationResults`. */
export interface SimulationWithDetails<T> {
  output: T;
  details: SimulationDetail[];
}

/** What `aws iam get-account-authorization-details` prints (the parts the simulator reads). */
export interface AccountAuthorizationDetails {
  UserDetailList?: UserDetail[];
  GroupDetailList?: GroupDetail[];
  RoleDetailList?: RoleDetail[];
  Policies?: ManagedPolicyDetail[];
}

/** An inline policy; the CLI prints documents as JSON objects, the raw API as URL-encoded text. */
export interface InlinePolicy {
  PolicyName: string;
  PolicyDocument: unknown;
}

/** A managed policy attachment. */
export interface AttachedPolicy {
  PolicyName?: string;
  PolicyArn: string;
}

/** A tag. */
export interface Tag {
  Key: string;
  Value: string;
}

/** A permissions boundary reference. */
export interface BoundaryRef {
  PermissionsBoundaryType?: string;
  PermissionsBoundaryArn: string;
}

/** `UserDetailList` item. */
export interface UserDetail {
  UserName: string;
  UserId?: string;
  Arn: string;
  Path?: string;
  GroupList?: string[];
  UserPolicyList?: InlinePolicy[];
  AttachedManagedPolicies?: AttachedPolicy[];
  PermissionsBoundary?: BoundaryRef;
  Tags?: Tag[];
}

/** `GroupDetailList` item. */
export interface GroupDetail {
  GroupName: string;
  GroupId?: string;
  Arn: string;
  Path?: string;
  GroupPolicyList?: InlinePolicy[];
  AttachedManagedPolicies?: AttachedPolicy[];
}

/** `RoleDetailList` item. */
export interface RoleDetail {
  RoleName: string;
  RoleId?: string;
  Arn: string;
  Path?: string;
  AssumeRolePolicyDocument?: unknown;
  RolePolicyList?: InlinePolicy[];
  AttachedManagedPolicies?: AttachedPolicy[];
  PermissionsBoundary?: BoundaryRef;
  Tags?: Tag[];
}

/** `Policies` item (customer managed, or AWS managed with `--filter AWSManagedPolicy`). */
export interface ManagedPolicyDetail {
  PolicyName: string;
  PolicyId?: string;
  Arn: string;
  Path?: string;
  DefaultVersionId?: string;
  PolicyVersionList?: { Document: unknown; VersionId?: string; IsDefaultVersion?: boolean }[];
}
