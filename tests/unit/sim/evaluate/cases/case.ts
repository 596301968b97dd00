/**
 * The data shape of an engine case and how it becomes an AuthorizationRequest. Policies are
 * written as statement arrays (Version 2012-10-17 is added) or as whole documents.
 */
import type {
  AuthorizationRequest,
  ContextValue,
  Decision,
  PolicySource,
  ReasonCode,
  RequestPrincipal,
} from '../../../../../src/sim/evaluate/types.ts';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';
export const MGMT = '999988887777';

/** Principals used by the cases. */
export const P = {
  alice: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT },
  bob: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/bob`, accountId: ACCOUNT },
  root: { type: 'Root', arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT },
  otherRoot: { type: 'Root', arn: `arn:aws:iam::${OTHER}:root`, accountId: OTHER },
  carol: { type: 'IAMUser', arn: `arn:aws:iam::${OTHER}:user/carol`, accountId: OTHER },
  session: {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/s1`,
    accountId: ACCOUNT,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/Dev`,
    sessionArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/s1`,
  },
  otherSession: {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${OTHER}:assumed-role/Ops/s2`,
    accountId: OTHER,
    roleArn: `arn:aws:iam::${OTHER}:role/Ops`,
  },
  slr: {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AWSServiceRoleForX/x`,
    accountId: ACCOUNT,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX`,
    isServiceLinkedRole: true,
  },
  federated: {
    type: 'FederatedUser',
    arn: `arn:aws:sts::${ACCOUNT}:federated-user/fed`,
    accountId: ACCOUNT,
    federatedByUserArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  },
  anonymous: { type: 'Anonymous', arn: '', accountId: '' },
  ec2: { type: 'AWSService', arn: 'ec2.amazonaws.com', accountId: '' },
} satisfies Record<string, RequestPrincipal>;

type Doc = object[] | { Version?: string; Statement: unknown; [k: string]: unknown } | string;

/** One engine case. */
export interface EngineCase {
  name: string;
  /** The AWS documentation section the expectation comes from. */
  doc: string;
  principal?: RequestPrincipal;
  action: string;
  resource?: string;
  resourceAccount?: string;
  context?: Record<string, ContextValue>;
  identity?: Doc[];
  boundary?: Doc;
  session?: Doc[];
  resourcePolicy?: { kind: 'resource' | 'trust' | 'key'; doc: Doc };
  scps?: Doc[][];
  rcps?: Doc[][];
  managementAccount?: string;
  expect: Decision;
  reason?: ReasonCode;
}

/** A policy document text from the case shorthand. */
export function docText(doc: Doc): string {
  if (typeof doc === 'string') return doc;
  if (Array.isArray(doc)) return JSON.stringify({ Version: '2012-10-17', Statement: doc });
  return JSON.stringify(doc);
}

let n = 0;
function src(doc: Doc, policyType: PolicySource['policyType']): PolicySource {
  n++;
  return { id: `${policyType}-${n}`, policyType, document: docText(doc) };
}

/** The request a case describes. */
export function requestOf(c: EngineCase): AuthorizationRequest {
  const principal = c.principal ?? P.alice;
  const req: AuthorizationRequest = {
    principal,
    action: c.action,
    resource: c.resource ?? '*',
    resourceAccountId: c.resourceAccount ?? (principal.accountId || ACCOUNT),
    context: c.context ?? {},
    identityPolicies: (c.identity ?? []).map((d) => src(d, 'identity')),
  };
  if (c.boundary) req.permissionsBoundary = src(c.boundary, 'boundary');
  if (c.session) req.sessionPolicies = c.session.map((d) => src(d, 'session'));
  if (c.resourcePolicy) {
    req.resourcePolicy = {
      kind: c.resourcePolicy.kind,
      policy: src(c.resourcePolicy.doc, c.resourcePolicy.kind === 'trust' ? 'trust' : 'resource'),
    };
  }
  if (c.scps || c.rcps || c.managementAccount) {
    req.organization = {};
    if (c.scps) req.organization.scps = c.scps.map((level) => level.map((d) => src(d, 'scp')));
    if (c.rcps) req.organization.rcps = c.rcps.map((level) => level.map((d) => src(d, 'rcp')));
    if (c.managementAccount) req.organization.managementAccountId = c.managementAccount;
  }
  return req;
}

/** Statement shorthands. */
export const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}): object => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
export const deny = (Action: unknown, Resource: unknown = '*', extra: object = {}): object => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});
/** The SCP/RCP every level carries by default. */
export const FULL_ACCESS = [allow('*')];
