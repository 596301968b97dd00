/**
 * A service acting as a role: Lambda with a function's execution role, EC2 with an instance
 * profile's role. The service calls AssumeRole itself, so the role's trust policy must let the
 * service principal in, and the account's trail shows an AssumeRole whose caller is the service
 * (`userIdentity.type` AWSService, `invokedBy` the service principal; CloudTrail User Guide,
 * "CloudTrail userIdentity element", type AWSService). The session name is what the service chooses:
 * the function name (Lambda Developer Guide, "Defining Lambda function permissions with an execution
 * role") or the instance ID (EC2 User Guide, "IAM roles for Amazon EC2").
 */
import { authorize } from '../../evaluate/authorize.ts';
import type { AuthorizationResult, ContextValue } from '../../evaluate/types.ts';
import { buildTrailRecord } from '../../trail/record.ts';
import { isoSeconds, stsTrailDate } from '../../world/dates.ts';
import { ID_PREFIX, type IdGenerator } from '../../world/ids.ts';
import type { AccountState, Role, Session } from '../../world/state.ts';

/** Where the session is minted. */
export interface ServiceSessionEnv {
  state: AccountState;
  ids: IdGenerator;
  nowMs: number;
}

/** What the service asks for. */
export interface ServiceSessionRequest {
  role: Role;
  /** `lambda.amazonaws.com`, `ec2.amazonaws.com`. */
  servicePrincipal: string;
  sessionName: string;
  region: string;
  /** The resource on whose behalf the service acts (function ARN, instance ARN): `aws:SourceArn`. */
  sourceArn?: string;
  durationSeconds?: number;
  /** Extra session facts the service attaches (the instance ARN for `ec2:SourceInstanceArn`). */
  sourceInstanceArn?: string;
}

/**
 * Whether the role's trust policy lets the service assume it, with the confused-deputy keys the
 * service sends (`aws:SourceAccount`, `aws:SourceArn`; IAM User Guide, "The confused deputy problem").
 */
export function serviceMayAssume(env: ServiceSessionEnv, request: ServiceSessionRequest): AuthorizationResult {
  const context: Record<string, ContextValue> = {
    'aws:PrincipalServiceName': request.servicePrincipal,
    'aws:PrincipalIsAWSService': true,
    'aws:SourceAccount': env.state.accountId,
    'aws:CurrentTime': isoSeconds(env.nowMs),
    'aws:EpochTime': Math.floor(env.nowMs / 1000),
    'aws:RequestedRegion': request.region,
    'sts:RoleSessionName': request.sessionName,
    ...(request.sourceArn !== undefined ? { 'aws:SourceArn': request.sourceArn } : {}),
  };
  return authorize({
    principal: { type: 'AWSService', arn: request.servicePrincipal, accountId: '' },
    action: 'sts:AssumeRole',
    resource: request.role.arn,
    resourceAccountId: env.state.accountId,
    context,
    identityPolicies: [],
    resourcePolicy: {
      kind: 'trust',
      policy: {
        id: `role/${request.role.name}/trust-policy`,
        policyType: 'trust',
        name: 'trust policy',
        document: request.role.assumeRolePolicyDocument,
      },
    },
  });
}

/**
 * Mints the role session the service works with and records the service's AssumeRole. Answers
 * undefined (and records nothing) when the trust policy does not let the service in.
 */
export function assumeRoleAsService(env: ServiceSessionEnv, request: ServiceSessionRequest): Session | undefined {
  if (serviceMayAssume(env, request).decision !== 'allowed') return undefined;
  const { state, ids, nowMs } = env;
  const role = request.role;
  const duration = request.durationSeconds ?? 3600;
  const session: Session = {
    accessKeyId: ids.accessKeyId(ID_PREFIX.temporaryAccessKey, state.accountId),
    secret: ids.secretAccessKey(),
    token: ids.sessionToken(),
    kind: 'AssumeRole',
    issuedAt: nowMs,
    expiration: nowMs + duration * 1000,
    roleName: role.name,
    roleArn: role.arn,
    roleId: role.id,
    sessionName: request.sessionName,
    sessionTags: [],
    transitiveTagKeys: [],
    mfaAuthenticated: false,
    chained: false,
    issuedTo: request.servicePrincipal,
    ...(request.sourceInstanceArn !== undefined ? { sourceInstanceArn: request.sourceInstanceArn } : {}),
  };
  state.sessions[session.accessKeyId] = session;
  role.lastUsed = { date: nowMs, region: request.region };
  state.records.push(
    buildTrailRecord({
      eventVersion: '1.08',
      userIdentity: { type: 'AWSService', invokedBy: request.servicePrincipal },
      eventTime: isoSeconds(nowMs),
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      awsRegion: request.region,
      sourceIPAddress: request.servicePrincipal,
      userAgent: request.servicePrincipal,
      requestParameters: { roleArn: role.arn, roleSessionName: request.sessionName, durationSeconds: duration },
      responseElements: {
        credentials: { accessKeyId: session.accessKeyId, sessionToken: session.token, expiration: stsTrailDate(session.expiration) },
        assumedRoleUser: {
          assumedRoleId: `${role.id}:${request.sessionName}`,
          arn: `arn:aws:sts::${state.accountId}:assumed-role/${role.name}/${request.sessionName}`,
        },
      },
      requestID: ids.uuid(),
      eventID: ids.uuid(),
      readOnly: true,
      resources: [{ accountId: state.accountId, type: 'AWS::IAM::Role', ARN: role.arn }],
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: state.accountId,
      sharedEventID: ids.uuid(),
      eventCategory: 'Management',
    }),
  );
  return session;
}
