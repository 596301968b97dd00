/**
 * How a lesson's terminal starts: signed in as an administrator *role session*, the way IAM
 * Identity Center gives people access (IAM User Guide, "Security best practices in IAM": use
 * federation with an identity provider and temporary credentials; "AWS account root user": do not
 * use root for everyday tasks). Only lesson 1 (meeting the root user) and the root-only tasks keep
 * the root user as the terminal's default.
 *
 * How it is built from features the world already has: hidden start steps create the role
 * `AdministratorAccess-Dojo` with AdministratorAccess, let a short-lived provisioning user assume
 * it once for twelve hours with the session name `learner` (the root user may not assume roles),
 * delete that user again, and store the session's temporary credentials as the CLI's `default`
 * profile — what `aws sso login` leaves behind for a permission set. The simplification (the
 * lessons say so): Identity Center's own roles are named `AWSReservedSSO_<PermissionSet>_<id>` and
 * trust the Identity Center SAML provider, while this role trusts the account.
 */
import type { ExerciseInput } from './exercise.ts';

type Step = NonNullable<Extract<ExerciseInput['start'], { world: unknown }>['steps']>[number];

/** The administrator role the terminals' sessions belong to. */
export const ADMIN_ROLE = 'AdministratorAccess-Dojo';
/** The session name, as Identity Center names sessions after the person. */
export const ADMIN_SESSION = 'learner';
/** The user that starts the session during set-up and is deleted right after. */
const PROVISIONER = 'dojo-sign-in';

/** Start steps that leave the terminal's default profile signed in as the administrator role session. */
export function adminSessionSteps(): Step[] {
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::{{accountId}}:root' }, Action: 'sts:AssumeRole' }],
  });
  const mayAssume = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::{{accountId}}:role/${ADMIN_ROLE}` }],
  });
  return [
    `aws iam create-role --role-name ${ADMIN_ROLE} --max-session-duration 43200 --description 'Administrator access for the course, like an IAM Identity Center permission set' --assume-role-policy-document '${trust}'`,
    `aws iam attach-role-policy --role-name ${ADMIN_ROLE} --policy-arn arn:aws:iam::aws:policy/AdministratorAccess`,
    `aws iam create-user --user-name ${PROVISIONER}`,
    `aws iam put-user-policy --user-name ${PROVISIONER} --policy-name AssumeAdmin --policy-document '${mayAssume}'`,
    { run: `aws iam create-access-key --user-name ${PROVISIONER}`, save: { PROVISIONER_KEY: 'AccessKey.AccessKeyId' } },
    {
      run: `aws sts assume-role --role-arn arn:aws:iam::{{accountId}}:role/${ADMIN_ROLE} --role-session-name ${ADMIN_SESSION} --duration-seconds 43200 --profile ${PROVISIONER}`,
      save: {
        ADMIN_KEY_ID: 'Credentials.AccessKeyId',
        ADMIN_SECRET: 'Credentials.SecretAccessKey',
        ADMIN_TOKEN: 'Credentials.SessionToken',
      },
    },
    // The provisioning user goes again; the role session it started stays valid on its own.
    `aws iam delete-access-key --user-name ${PROVISIONER} --access-key-id {{PROVISIONER_KEY}}`,
    `aws iam delete-user-policy --user-name ${PROVISIONER} --policy-name AssumeAdmin`,
    `aws iam delete-user --user-name ${PROVISIONER}`,
    'aws configure set aws_access_key_id {{ADMIN_KEY_ID}}',
    'aws configure set aws_secret_access_key {{ADMIN_SECRET}}',
    'aws configure set aws_session_token {{ADMIN_TOKEN}}',
  ];
}
