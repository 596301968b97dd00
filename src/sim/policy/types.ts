/**
 * The parsed form of an IAM policy document. Every element keeps where it came from in the text
 * (1-based line and column, as IAM SimulateCustomPolicy reports `StartPosition`/`EndPosition`), so
 * explanations, lint findings and editor markers can point at it.
 */

/** The kinds of policy the engine knows; validation rules differ per kind (IAM User Guide, "Policy types"). */
export type PolicyType = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'boundary' | 'session';

/** Every PolicyType, for validation of user input (CLI `--policy-type`, schemas). */
export const POLICY_TYPES: readonly PolicyType[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session'];

/** A place in the policy text. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A range in the policy text: `end` is exclusive. */
export interface Span {
  start: Position;
  end: Position;
}

/** A scalar value from the document with its place. Numbers and booleans keep their JSON text form in `value`. */
export interface Located<T = string> {
  value: T;
  span: Span;
}

/** The policy language versions IAM accepts (IAM User Guide, "IAM JSON policy elements: Version"). */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** A principal block kind, as written in `Principal`/`NotPrincipal` (`"*"` is `Wildcard`). */
export type PrincipalKind = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

/** A parsed `Principal` or `NotPrincipal` element. */
export interface ParsedPrincipal {
  /** The whole element. */
  span: Span;
  /** `"Principal": "*"` — everyone, including anonymous callers. */
  wildcard: boolean;
  /** The values per kind, in document order. Empty when `wildcard` is true. */
  entries: { kind: PrincipalKind; values: Located[] }[];
}

/** Condition operator families from the IAM reference "Condition operators". */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** The meaning of a condition operator name such as `ForAnyValue:StringNotLikeIfExists`. */
export interface OperatorInfo {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  raw: string;
  /** The base operator without set prefix and IfExists, in canonical case, e.g. `StringLike`. */
  base: string;
  family: OperatorFamily;
  /** `ForAllValues` / `ForAnyValue` prefix, if any. */
  setOperator?: 'ForAllValues' | 'ForAnyValue';
  ifExists: boolean;
  /** Negated operators (`StringNotEquals`, `NotIpAddress`, `ArnNotLike`, ...) match when the key is missing. */
  negated: boolean;
}

/** One `operator: { key: values }` entry of a Condition block. */
export interface ParsedCondition {
  operator: Located;
  info: OperatorInfo;
  key: Located;
  /** Values in document order; JSON numbers and booleans are kept as their text (`true`, `5`). */
  values: Located[];
  /** The whole `"key": values` member. */
  span: Span;
}

/** One statement of a policy. */
export interface ParsedStatement {
  /** 0-based index in the Statement array (0 for a single statement object). */
  index: number;
  span: Span;
  sid?: Located;
  effect: Located<'Allow' | 'Deny'>;
  action?: Located[];
  notAction?: Located[];
  resource?: Located[];
  notResource?: Located[];
  principal?: ParsedPrincipal;
  notPrincipal?: ParsedPrincipal;
  conditions: ParsedCondition[];
}

/** A policy that parsed and passed validation for its policy type. */
export interface ParsedPolicy {
  text: string;
  policyType: PolicyType;
  /** Absent Version behaves as 2008-10-17: policy variables are literal text (IAM "Version" element). */
  version?: Located<PolicyVersion>;
  id?: Located;
  statements: ParsedStatement[];
  span: Span;
}

/** Severity of a validation error or lint finding, as IAM Access Analyzer names them. */
export type Severity = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

/** A stable code for a problem that makes IAM reject the document (MalformedPolicyDocument). */
export type PolicyErrorCode =
  | 'JSON_SYNTAX'
  | 'NOT_AN_OBJECT'
  | 'DUPLICATE_KEY'
  | 'UNKNOWN_TOP_LEVEL_KEY'
  | 'UNKNOWN_STATEMENT_KEY'
  | 'INVALID_VERSION'
  | 'VERSION_REQUIRED'
  | 'MISSING_STATEMENT'
  | 'EMPTY_STATEMENT'
  | 'WRONG_TYPE'
  | 'MISSING_EFFECT'
  | 'INVALID_EFFECT'
  | 'MISSING_ACTION'
  | 'BOTH_ACTION_AND_NOT_ACTION'
  | 'MISSING_RESOURCE'
  | 'BOTH_RESOURCE_AND_NOT_RESOURCE'
  | 'BOTH_PRINCIPAL_AND_NOT_PRINCIPAL'
  | 'PRINCIPAL_NOT_ALLOWED'
  | 'MISSING_PRINCIPAL'
  | 'RESOURCE_NOT_ALLOWED'
  | 'NOT_PRINCIPAL_NOT_ALLOWED'
  | 'CONDITION_NOT_ALLOWED'
  | 'INVALID_SID'
  | 'DUPLICATE_SID'
  | 'ID_NOT_ALLOWED'
  | 'ACTION_NO_VENDOR'
  | 'ACTION_TOO_MANY_COLONS'
  | 'ACTION_INVALID_VENDOR'
  | 'RESOURCE_NOT_ARN'
  | 'RESOURCE_INVALID_PARTITION'
  | 'RESOURCE_REGION_NOT_ALLOWED'
  | 'IAM_RESOURCE_INVALID_TYPE'
  | 'INVALID_PRINCIPAL'
  | 'UNKNOWN_PRINCIPAL_KIND'
  | 'UNKNOWN_CONDITION_OPERATOR'
  | 'NULL_IF_EXISTS'
  | 'INVALID_CONDITION_VALUE'
  | 'INVALID_CHARACTER'
  | 'TOO_DEEP'
  | 'TOO_LARGE'
  | 'SCP_ALLOW_CONDITION_OR_RESOURCE'
  | 'EFFECT_NOT_ALLOWED';

/** A validation error: a stable code, parameters, words produced from the code, and where. */
export interface PolicyError {
  code: PolicyErrorCode;
  severity: 'ERROR';
  message: string;
  /** The exact MalformedPolicyDocument text IAM answers for this problem (as real IAM answers word it). */
  awsMessage: string;
  span: Span;
  params: Record<string, string>;
}

/** The result of `parsePolicy`: the policy when valid, and every error found (empty when valid). */
export type ParseResult = { ok: true; policy: ParsedPolicy; errors: [] } | { ok: false; policy?: undefined; errors: PolicyError[] };

/** Options for `parsePolicy`. */
export interface ParseOptions {
  policyType: PolicyType;
  /**
   * Managed policies (CreatePolicy / CreatePolicyVersion) must say Version 2012-10-17
   * ("Policy document must be version 2012-10-17 or greater."). Inline policies need not.
   */
  managed?: boolean;
}
