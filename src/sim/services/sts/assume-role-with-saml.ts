/**
 * STS AssumeRoleWithSAML (AWS STS API Reference, "AssumeRoleWithSAML",
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html): an unsigned call whose
 * proof is the IdP's SAML assertion. The assertion must come from the IdP the SAML provider
 * (`PrincipalArn`) trusts, name the role and provider in its Role attribute, and not be expired; the
 * role's trust policy must allow `sts:AssumeRoleWithSAML` to `Principal.Federated` = the provider ARN,
 * with the SAML keys in the context (IAM User Guide, "Available keys for SAML-based AWS STS federation",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml).
 * The session is `assumed-role/<role>/<RoleSessionName from the assertion>`; the record's userIdentity
 * is a SAMLUser (CloudTrail User Guide, "Values for AWS STS APIs with SAML and web identity federation").
 */
import type { ContextValue, PolicySource } from '../../evaluate/types.ts';
import { nameKey, own, type Tag } from '../../world/state.ts';
import { accessDenied, fault, validationMessage } from '../errors.ts';
import { samlProvidersOf } from '../iam/saml-providers.ts';
import { optNum, optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requestTagContext } from '../request-context.ts';
import { credentialsOut, credentialsTrail, issueSession } from './operations.ts';
import { parseSamlResponse, signatureOf } from './saml-assertion.ts';
import { sha1 } from './sha1.ts';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role(\/(?:.*\/)?)([^/]+)$/;

function assumeRoleWithSaml(ctx: OperationContext): Record<string, unknown> {
  const roleArn = str(ctx, 'RoleArn');
  const providerArn = str(ctx, 'PrincipalArn');
  const denied = accessDenied('Not authorized to perform sts:AssumeRoleWithSAML');
  const parsed = parseSamlResponse(str(ctx, 'SAMLAssertion'));
  if (!parsed) throw fault('InvalidIdentityToken', 'Invalid SAML response: the assertion is not a base64-encoded SAML response.', 400);
  const { fields, signature } = parsed;
  const provider = own(samlProvidersOf(ctx.state), providerArn);
  if (!provider) throw fault('InvalidIdentityToken', "Specified provider doesn't exist", 400);
  const account = ctx.state.accountId;
  const sessionName = fields.roleSessionName ?? '';
  const tags: Tag[] = Object.entries(fields.principalTags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  const nameQualifier = base64(sha1(new TextEncoder().encode(`${fields.issuer}${account}/${provider.name}`)));
  // The record names the SAML user by the provider's name qualifier and subject (CloudTrail User Guide, userIdentity "SAMLUser").
  ctx.trail.userIdentity = {
    type: 'SAMLUser',
    principalId: `${nameQualifier}:${fields.subject}`,
    userName: fields.subject,
    identityProvider: nameQualifier,
  };
  ctx.trail.requestParameters = {
    sAMLAssertionID: fields.assertionId,
    roleSessionName: sessionName,
    ...(tags.length ? { principalTags: fields.principalTags } : {}),
    durationSeconds: optNum(ctx, 'DurationSeconds') ?? fields.sessionDuration ?? 3600,
    roleArn,
    principalArn: providerArn,
  };
  if (fields.issuer !== provider.entityId || signature !== signatureOf(fields, certificateOf(provider.metadataDocument)))
    throw fault('InvalidIdentityToken', 'Response signature invalid', 400);
  const expires = Date.parse(fields.notOnOrAfter);
  if (Number.isNaN(expires) || ctx.nowMs >= expires) throw fault('ExpiredTokenException', 'Token has expired', 400);
  if (provider.validUntil <= ctx.nowMs) throw fault('InvalidIdentityToken', 'The SAML provider metadata has expired', 400);
  // RoleSessionName is required in the assertion (IAM User Guide, "Configure SAML assertions for the authentication response").
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName))
    throw fault('InvalidIdentityToken', 'RoleSessionName is required in the SAML assertion', 400);
  // The assertion's Role attribute must pair this role with this provider.
  if (!fields.roles.some((pair) => samePair(pair, roleArn, providerArn))) throw denied;
  const m = ROLE_ARN.exec(roleArn);
  const role = m && m[1] === account ? own(ctx.state.roles, nameKey(m[3] ?? '')) : undefined;
  if (!role || role.arn !== roleArn) throw denied;
  const context: Record<string, ContextValue> = {
    'SAML:aud': fields.recipient,
    'SAML:iss': fields.issuer,
    'SAML:sub': fields.subject,
    'SAML:sub_type': fields.subjectType,
    'SAML:namequalifier': nameQualifier,
    'SAML:doc': `${account}/${provider.name}`,
    ...requestTagContext(tags),
  };
  const trust: PolicySource = {
    id: `role/${role.name}/trust-policy`,
    policyType: 'trust',
    name: 'trust policy',
    document: role.assumeRolePolicyDocument,
  };
  const principal = { type: 'SAMLUser' as const, arn: providerArn, accountId: '' };
  const options = { principal, context, resourcePolicy: { kind: 'trust' as const, policy: trust } };
  if (ctx.check('sts:AssumeRoleWithSAML', role.arn, options).decision !== 'allowed') throw denied;
  // Session tags from PrincipalTag attributes need sts:TagSession (IAM User Guide, "Passing session tags using AssumeRoleWithSAML").
  if (tags.length > 0 && ctx.check('sts:TagSession', role.arn, options).decision !== 'allowed') throw denied;
  const duration = optNum(ctx, 'DurationSeconds') ?? fields.sessionDuration ?? 3600;
  if (duration > role.maxSessionDuration)
    throw validationMessage('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  const policy = optStr(ctx, 'Policy');
  const session = issueSession(ctx, {
    kind: 'AssumeRole',
    expiration: ctx.nowMs + duration * 1000,
    roleName: role.name,
    roleArn: role.arn,
    roleId: role.id,
    sessionName,
    ...(policy !== undefined ? { policy } : {}),
    sessionTags: tags,
    transitiveTagKeys: [],
    mfaAuthenticated: false,
    chained: false,
  });
  role.lastUsed = { date: ctx.nowMs, region: ctx.region };
  const assumedRoleUser = {
    AssumedRoleId: `${role.id}:${sessionName}`,
    Arn: `arn:aws:sts::${account}:assumed-role/${role.name}/${sessionName}`,
  };
  const saml = {
    subject: fields.subject,
    subjectType: fields.subjectType,
    issuer: fields.issuer,
    audience: fields.recipient,
    nameQualifier,
  };
  ctx.trail.resources = [
    { accountId: account, type: 'AWS::IAM::Role', ARN: role.arn },
    { accountId: account, type: 'AWS::IAM::SAMLProvider', ARN: provider.arn },
  ];
  ctx.trail.responseElements = {
    credentials: credentialsTrail(session),
    assumedRoleUser: { assumedRoleId: assumedRoleUser.AssumedRoleId, arn: assumedRoleUser.Arn },
    ...saml,
  };
  return {
    Credentials: credentialsOut(session),
    AssumedRoleUser: assumedRoleUser,
    Subject: saml.subject,
    SubjectType: saml.subjectType,
    Issuer: saml.issuer,
    Audience: saml.audience,
    NameQualifier: saml.nameQualifier,
  };
}

function samePair(pair: string, roleArn: string, providerArn: string): boolean {
  // The Role attribute may list the two ARNs in either order (IAM User Guide, "Configure SAML assertions").
  const parts = pair.split(',').map((p) => p.trim());
  return parts.length === 2 && parts.includes(roleArn) && parts.includes(providerArn);
}

function certificateOf(metadata: string): string {
  return /<ds:X509Certificate>\s*([^<\s]+)\s*<\/ds:X509Certificate>/.exec(metadata)?.[1] ?? '';
}

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** The account an AssumeRoleWithSAML call lands in: the role's. */
function roleAccountOf(params: Readonly<Record<string, unknown>>): string | undefined {
  const arn = params['RoleArn'];
  return typeof arn === 'string' ? ROLE_ARN.exec(arn)?.[1] : undefined;
}

/** The SAML operations of STS. */
export const STS_SAML_OPERATIONS: Record<string, OperationDefinition> = {
  AssumeRoleWithSAML: { handler: assumeRoleWithSaml, readOnly: true, unsigned: roleAccountOf },
};
