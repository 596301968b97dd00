/**
 * The `userIdentity` block per identity type (CloudTrail User Guide, "CloudTrail userIdentity
 * element", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html; and the reference records in tests/fixtures/cloudtrail/).
 */
import type { Caller } from '../world/caller.ts';
import { isoSeconds } from '../world/dates.ts';
import type { AccountState } from '../world/state.ts';
import type { UserIdentity } from './record.ts';

/** The identity block of a record made by `caller`. */
export function userIdentityOf(state: AccountState, caller: Caller): UserIdentity {
  // An AssumeRoleWithWebIdentity caller: principalId is provider:audience:subject (CloudTrail User Guide,
  // "Values for AWS STS APIs with SAML and web identity federation"); no arn, accountId or key.
  if (caller.type === 'WebIdentityUser') {
    return caller.webIdentity
      ? {
          type: 'WebIdentityUser',
          principalId: caller.principalId,
          userName: caller.webIdentity.userName,
          identityProvider: caller.webIdentity.identityProvider,
        }
      : { type: 'Unknown' };
  }
  const session = caller.session;
  const attributes = session
    ? { creationDate: isoSeconds(session.issuedAt), mfaAuthenticated: String(session.mfaAuthenticated) }
    : undefined;
  if (caller.type === 'AssumedRole' && caller.role && session) {
    return {
      type: 'AssumedRole',
      principalId: caller.principalId,
      arn: caller.arn,
      accountId: caller.accountId,
      accessKeyId: caller.accessKeyId,
      // Real role-session records carry an empty webIdFederationData between sessionIssuer and
      // attributes, and sourceIdentity after attributes (tests/fixtures/cloudtrail/; CloudTrail User Guide,
      // "AWS STS source identity" example record).
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: caller.role.id,
          arn: caller.role.arn,
          accountId: caller.accountId,
          userName: caller.role.name,
        },
        // Sessions from AssumeRoleWithWebIdentity name their provider here (CloudTrail User Guide, "CloudTrail userIdentity element").
        webIdFederationData: session.webIdentity ? { federatedProvider: session.webIdentity.federatedProvider, attributes: {} } : {},
        attributes,
        ...(session.sourceIdentity !== undefined ? { sourceIdentity: session.sourceIdentity } : {}),
        // Instance profile credentials say how the metadata service delivered them: 2.0 is IMDSv2
        // (CloudTrail User Guide, "CloudTrail userIdentity element", ec2RoleDelivery).
        ...(session.sourceInstanceArn !== undefined ? { ec2RoleDelivery: '2.0' } : {}),
      },
    };
  }
  const base: UserIdentity =
    caller.type === 'Root'
      ? // Root: principalId is the account ID; userName only when an account alias exists (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
        {
          type: 'Root',
          principalId: caller.accountId,
          arn: caller.arn,
          accountId: caller.accountId,
          accessKeyId: caller.accessKeyId,
          ...(state.accountAlias ? { userName: state.accountAlias } : {}),
        }
      : {
          type: 'IAMUser',
          principalId: caller.principalId,
          arn: caller.arn,
          accountId: caller.accountId,
          accessKeyId: caller.accessKeyId,
          userName: caller.user?.name,
        };
  if (!session) return base;
  // Console sessions carry empty sessionIssuer/webIdFederationData blocks (reference record 10);
  // GetSessionToken sessions only the attributes (reference record 05b).
  const sessionContext = session.kind === 'Console' ? { sessionIssuer: {}, webIdFederationData: {}, attributes } : { attributes };
  return { ...base, sessionContext };
}
