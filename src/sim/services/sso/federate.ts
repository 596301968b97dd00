/**
 * Opening a role from the portal: Identity Center signs a SAML assertion for the user and calls
 * AssumeRoleWithSAML in the member account on their behalf, with the role `AWSReservedSSO_…` and the
 * account's `AWSSSO_…_DO_NOT_DELETE` provider (IAM Identity Center User Guide, "Permission sets";
 * "Logging IAM Identity Center API calls with AWS CloudTrail"). The session name is the user's
 * user name, so the session is `assumed-role/AWSReservedSSO_<PermissionSet>_<hex>/<username>`. The
 * member account's trail receives the AssumeRoleWithSAML record (userIdentity SAMLUser) as the
 * member account sees it; the trust policy decides as for any SAML federation.
 */
import type { PolicySource } from '../../evaluate/types.ts';
import { buildTrailRecord, eventVersionFor, tlsDetails } from '../../trail/record.ts';
import { isoSeconds } from '../../world/dates.ts';
import type { Session } from '../../world/state.ts';
import { deliverToOrganizationTrails } from '../cloudtrail/selectors.ts';
import { fault } from '../errors.ts';
import type { OperationContext } from '../operation.ts';
import type { IdcUser, IdentityCenterState } from '../sso-admin/model.ts';
import { durationSeconds, instanceIssuer, provisionedRole, SAML_SIGN_IN } from '../sso-admin/roles.ts';
import { credentialsTrail, issueSession } from '../sts/operations.ts';
import { sha1 } from '../sts/sha1.ts';
import { portalEntries } from './access.ts';

/** Issues the user's role session in `accountId` for the permission set named `roleName`. */
export function federate(
  ctx: OperationContext,
  instance: IdentityCenterState,
  user: IdcUser,
  accountId: string,
  roleName: string,
): Session {
  const entry = portalEntries(ctx.world, instance, user.UserId).find((e) => e.accountId === accountId && e.permissionSet.Name === roleName);
  const account = ctx.accountState(accountId);
  const role = entry && account ? provisionedRole(instance, entry.permissionSet.PermissionSetArn, account) : undefined;
  const providerArn = account ? instance.samlProviderOf[accountId] : undefined;
  // The portal's answer when the user has no such assignment (SSO API Reference, GetRoleCredentials: ForbiddenException).
  if (!entry || !account || !role || providerArn === undefined) throw fault('ForbiddenException', 'No access', 403);
  const providerName = providerArn.slice(providerArn.lastIndexOf('/') + 1);
  const issuer = instanceIssuer(instance);
  const nameQualifier = btoa(String.fromCharCode(...sha1(new TextEncoder().encode(`${issuer}${accountId}/${providerName}`))));
  const sessionName = user.UserName;
  const trust: PolicySource = {
    id: `role/${role.name}/trust-policy`,
    policyType: 'trust',
    name: 'trust policy',
    document: role.assumeRolePolicyDocument,
  };
  const allowed = ctx.check('sts:AssumeRoleWithSAML', role.arn, {
    principal: { type: 'SAMLUser', arn: providerArn, accountId: '' },
    context: {
      'SAML:aud': SAML_SIGN_IN,
      'SAML:iss': issuer,
      'SAML:sub': user.UserName,
      'SAML:sub_type': 'persistent',
      'SAML:namequalifier': nameQualifier,
      'SAML:doc': `${accountId}/${providerName}`,
    },
    resourcePolicy: { kind: 'trust', policy: trust },
    resourceAccountId: accountId,
  });
  if (allowed.decision !== 'allowed') throw fault('ForbiddenException', 'No access', 403);
  const duration = durationSeconds(entry.permissionSet.SessionDuration);
  const session = issueSession(
    ctx,
    {
      kind: 'AssumeRole',
      expiration: ctx.nowMs + duration * 1000,
      roleName: role.name,
      roleArn: role.arn,
      roleId: role.id,
      sessionName,
      sessionTags: [],
      transitiveTagKeys: [],
      mfaAuthenticated: false,
      chained: false,
    },
    account,
  );
  role.lastUsed = { date: ctx.nowMs, region: ctx.region };
  const arn = `arn:aws:sts::${accountId}:assumed-role/${role.name}/${sessionName}`;
  const record = buildTrailRecord({
    eventVersion: eventVersionFor('sts.amazonaws.com'),
    userIdentity: {
      type: 'SAMLUser',
      principalId: `${nameQualifier}:${user.UserName}`,
      userName: user.UserName,
      identityProvider: nameQualifier,
    },
    eventTime: isoSeconds(ctx.nowMs),
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRoleWithSAML',
    awsRegion: instance.region,
    sourceIPAddress: ctx.request.sourceIp ?? '203.0.113.10',
    userAgent: ctx.request.userAgent ?? 'aws-internal',
    requestParameters: {
      sAMLAssertionID: `_${ctx.ids.uuid()}`,
      roleSessionName: sessionName,
      durationSeconds: duration,
      roleArn: role.arn,
      principalArn: providerArn,
    },
    responseElements: {
      credentials: credentialsTrail(session),
      assumedRoleUser: { assumedRoleId: `${role.id}:${sessionName}`, arn },
      subject: user.UserName,
      subjectType: 'persistent',
      issuer,
      audience: SAML_SIGN_IN,
      nameQualifier,
    },
    requestID: ctx.ids.uuid(),
    eventID: ctx.ids.uuid(),
    readOnly: true,
    resources: [
      { accountId, type: 'AWS::IAM::Role', ARN: role.arn },
      { accountId, type: 'AWS::IAM::SAMLProvider', ARN: providerArn },
    ],
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
    tlsDetails: tlsDetails(`sts.${instance.region}.amazonaws.com`),
  });
  account.records.push(record);
  deliverToOrganizationTrails(
    ctx.world,
    accountId,
    record,
    { service: 'sts', operation: 'AssumeRoleWithSAML', params: {}, credentials: { kind: 'anonymous' } },
    true,
    false,
  );
  return session;
}
