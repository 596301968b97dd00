/**
 * Exercises of lesson 8: enroll a virtual MFA device with two consecutive codes, require MFA for a
 * dangerous action with the BoolIfExists pattern, and use GetSessionToken to act with MFA.
 * Sources: IAM User Guide, "Assign a virtual MFA device in the AWS Management Console",
 * "Configuring MFA-protected API access", "AWS global condition context keys"
 * (aws:MultiFactorAuthPresent is present only with temporary credentials); STS API reference,
 * GetSessionToken.
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { defineExercises } from '../../../src/course/exercise.ts';

const prodAccess = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'Prod', Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::dojo-prod', 'arn:aws:s3:::dojo-prod/*'] }],
});

const requireMfaToDeleteDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'NoDeleteWithoutMfa',
      Effect: 'Deny',
      Action: 's3:DeleteObject',
      Resource: 'arn:aws:s3:::dojo-prod/*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
};
const requireMfaToDelete = JSON.stringify(requireMfaToDeleteDocument);
/** The policy as a learner writes it in the file editor (and in the console's JSON editor). */
const requireMfaFile = `${JSON.stringify(requireMfaToDeleteDocument, null, 2)}\n`;

const ana = 'arn:aws:iam::{{accountId}}:user/ana';
const oldLog = 'arn:aws:s3:::dojo-prod/old.log';

export default defineExercises([
  {
    id: 'enroll',
    title: 'Enroll a virtual MFA device',
    goal: 'Give the user `ana` a virtual MFA device named `ana`: create it with its secret saved to the file `mfa-ana-seed.txt`, then enable it for ana with two consecutive codes from the authenticator.',
    start: {
      world: { seed: 'lesson-08' },
      steps: [
        ...adminSessionSteps(),
        'aws iam create-user --user-name ana',
        'aws iam create-access-key --user-name ana',
        'aws s3api create-bucket --bucket dojo-prod',
        'aws s3api put-object --bucket dojo-prod --key old.log',
        `aws iam put-user-policy --user-name ana --policy-name Prod --policy-document '${prodAccess}'`,
        // Object-level calls are data events: recorded only because this trail selects them.
        'aws s3api create-bucket --bucket dojo-trail-logs',
        'aws cloudtrail create-trail --name dojo-trail --s3-bucket-name dojo-trail-logs',
        `aws cloudtrail put-event-selectors --trail-name dojo-trail --event-selectors '${JSON.stringify([
          {
            ReadWriteType: 'All',
            IncludeManagementEvents: true,
            DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::dojo-prod/'] }],
          },
        ])}'`,
      ],
    },
    checks: [
      {
        id: 'device-created',
        kind: 'command',
        label: 'a virtual MFA device named ana exists',
        command: 'aws iam list-virtual-mfa-devices',
        expect: { outcome: 'success', query: "length(VirtualMFADevices[?ends_with(SerialNumber, ':mfa/ana')])", equals: 1 },
      },
      {
        id: 'device-enabled',
        kind: 'command',
        label: 'the device is enabled for ana',
        command: 'aws iam list-mfa-devices --user-name ana',
        expect: { outcome: 'success', query: 'length(MFADevices)', equals: 1 },
      },
    ],
    hints: [
      'What do the authenticator and AWS need to share, and how do two codes prove it?',
      '`aws iam create-virtual-mfa-device --virtual-mfa-device-name ana --outfile mfa-ana-seed.txt --bootstrap-method Base32StringSeed` — the authenticator on this page reads that file.',
      "The device's serial number is its ARN, `arn:aws:iam::ACCOUNT:mfa/ana`.",
      '`aws iam enable-mfa-device --user-name ana --serial-number ARN --authentication-code1 CODE --authentication-code2 NEXT_CODE` — wait for the code to change between the two.',
    ],
    solution: {
      steps: [
        'aws iam create-virtual-mfa-device --virtual-mfa-device-name ana --outfile mfa-ana-seed.txt --bootstrap-method Base32StringSeed',
        'aws iam enable-mfa-device --user-name ana --serial-number arn:aws:iam::{{accountId}}:mfa/ana --authentication-code1 {{totp:mfa-ana-seed.txt:-30}} --authentication-code2 {{totp:mfa-ana-seed.txt}}',
      ],
      explanation:
        "The device is a shared secret: AWS and the authenticator both hold the seed and derive a six-digit code from it and the current 30-second window (RFC 6238). Two consecutive codes prove the authenticator really has the secret and its clock is in step. In the solution, the two codes are the previous window's and the current one's.",
    },
    wrongAnswers: [
      {
        mistake: 'creates the device but never enables it for ana',
        steps: [
          'aws iam create-virtual-mfa-device --virtual-mfa-device-name ana --outfile mfa-ana-seed.txt --bootstrap-method Base32StringSeed',
        ],
        caughtBy: ['device-enabled'],
      },
      {
        mistake: 'types the same code twice (refused: the codes must be consecutive)',
        steps: [
          'aws iam create-virtual-mfa-device --virtual-mfa-device-name ana --outfile mfa-ana-seed.txt --bootstrap-method Base32StringSeed',
          'aws iam enable-mfa-device --user-name ana --serial-number arn:aws:iam::{{accountId}}:mfa/ana --authentication-code1 {{totp:mfa-ana-seed.txt}} --authentication-code2 {{totp:mfa-ana-seed.txt}}',
        ],
        caughtBy: ['device-enabled'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'Users › ana › Security credentials › Assign MFA device: Device name ana, Authenticator app',
          service: 'iam',
          operation: 'CreateVirtualMFADevice',
          params: { VirtualMFADeviceName: 'ana' },
          save: { SEED: 'VirtualMFADevice.Base32StringSeed' },
        },
        {
          does: 'Scan the QR code (or Show secret key), type two consecutive codes, Add MFA',
          service: 'iam',
          operation: 'EnableMFADevice',
          params: {
            UserName: 'ana',
            SerialNumber: 'arn:aws:iam::{{accountId}}:mfa/ana',
            AuthenticationCode1: '{{totp:$SEED:-30}}',
            AuthenticationCode2: '{{totp:$SEED}}',
          },
        },
      ],
    },
  },
  {
    id: 'require-mfa',
    title: 'No deletes without MFA',
    goal: 'ana may do anything in the bucket `dojo-prod`. Add an inline policy so that deleting objects there is denied unless the request was authenticated with MFA — including requests made with her long-term access key.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'key-denied',
        kind: 'command',
        label: "deleting dojo-prod/old.log with ana's access key is refused",
        command: 'aws s3api delete-object --bucket dojo-prod --key old.log --profile ana',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'no-mfa-denied',
        kind: 'decision',
        label: 'a session without MFA is explicitly denied',
        principalArn: ana,
        action: 's3:DeleteObject',
        resource: oldLog,
        context: { 'aws:MultiFactorAuthPresent': ['false'] },
        expect: 'explicitDeny',
      },
      {
        id: 'absent-denied',
        kind: 'decision',
        label: 'a request with no MFA information at all is explicitly denied',
        principalArn: ana,
        action: 's3:DeleteObject',
        resource: oldLog,
        expect: 'explicitDeny',
      },
      {
        id: 'mfa-allowed',
        kind: 'decision',
        label: 'a session with MFA may delete',
        principalArn: ana,
        action: 's3:DeleteObject',
        resource: oldLog,
        context: { 'aws:MultiFactorAuthPresent': ['true'] },
        expect: 'allowed',
      },
    ],
    hints: [
      'Which requests carry `aws:MultiFactorAuthPresent`, and what does `Bool` do when the key is missing?',
      'Write a Deny for `s3:DeleteObject` on `arn:aws:s3:::dojo-prod/*` with a condition on `aws:MultiFactorAuthPresent`.',
      'Requests signed with a long-term access key carry no `aws:MultiFactorAuthPresent` key at all. With `Bool`, a missing key makes the condition false — the deny would not apply.',
      'Use `BoolIfExists` with the value `false`: true when the key says false, and true when the key is missing.',
      'Write the policy in the file editor as `require-mfa.json` and save it, then `aws iam put-user-policy --user-name ana --policy-name RequireMfaToDelete --policy-document file://require-mfa.json`. In the console: Users › ana › Create inline policy, the same JSON.',
    ],
    solution: {
      steps: [
        { writeFile: 'require-mfa.json', text: requireMfaFile },
        'aws iam put-user-policy --user-name ana --policy-name RequireMfaToDelete --policy-document file://require-mfa.json',
      ],
      explanation:
        '`aws:MultiFactorAuthPresent` exists only in requests made with temporary credentials. A Deny with `Bool … false` therefore misses long-term access keys entirely — the most common way such a policy fails. `BoolIfExists … false` also matches when the key is absent, so only sessions that really used MFA get through.',
    },
    wrongAnswers: [
      {
        mistake: 'uses Bool instead of BoolIfExists, so requests with the long-term key slip through',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name RequireMfaToDelete --policy-document '${requireMfaToDelete.replace('BoolIfExists', 'Bool')}'`,
        ],
        caughtBy: ['key-denied', 'absent-denied'],
      },
      {
        mistake: 'denies deleting without any condition, so even MFA sessions cannot delete',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name RequireMfaToDelete --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::dojo-prod/*"}]}'`,
        ],
        caughtBy: ['mfa-allowed'],
      },
      {
        mistake: 'writes an Allow that requires MFA, leaving the existing s3:* allow in charge',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name RequireMfaToDelete --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::dojo-prod/*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}'`,
        ],
        caughtBy: ['key-denied', 'no-mfa-denied', 'absent-denied'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'Users › ana › Permissions › Create inline policy: paste the policy in the JSON editor, Policy name RequireMfaToDelete, Create policy',
          service: 'iam',
          operation: 'PutUserPolicy',
          params: { UserName: 'ana', PolicyName: 'RequireMfaToDelete', PolicyDocument: requireMfaFile },
        },
      ],
    },
  },
  {
    id: 'mfa-session',
    title: 'Delete with an MFA session',
    goal: 'Now delete `dojo-prod/old.log` as ana, the right way: get temporary credentials with `aws sts get-session-token` and a code from her authenticator, save them in a profile `ana-mfa`, and delete the object with that profile.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'session-with-mfa',
        kind: 'trail',
        label: 'ana got a session token with MFA',
        query:
          "length(Records[?eventName=='GetSessionToken' && userIdentity.userName=='ana' && errorCode==null && requestParameters.serialNumber!=null])",
        atLeast: 1,
      },
      {
        id: 'object-gone',
        kind: 'command',
        label: 'dojo-prod/old.log is deleted',
        command: 'aws s3api list-objects-v2 --bucket dojo-prod',
        expect: { outcome: 'success', query: "length(Contents[?Key=='old.log'] || `[]`)", equals: 0 },
        failure: 'dojo-prod/old.log is still there',
      },
      {
        id: 'deleted-with-mfa',
        kind: 'trail',
        label: 'the trail shows ana deleting old.log with an MFA session',
        query:
          "length(Records[?eventName=='DeleteObject' && userIdentity.userName=='ana' && userIdentity.sessionContext.attributes.mfaAuthenticated=='true' && errorCode==null])",
        atLeast: 1,
        failure:
          "no DeleteObject by ana with MFA is in the trail — the object must be deleted with ana's MFA session, not by another identity",
      },
    ],
    hints: [
      'Which STS call turns a long-term key plus a code into credentials that carry MFA?',
      '`aws sts get-session-token --serial-number arn:aws:iam::ACCOUNT:mfa/ana --token-code CODE --profile ana` returns an access key, a secret and a session token. A code can be used only once: wait for a fresh one.',
      'Save them: `aws configure set aws_access_key_id ... --profile ana-mfa`, the same for `aws_secret_access_key` and `aws_session_token`.',
      'Then `aws s3api delete-object --bucket dojo-prod --key old.log --profile ana-mfa`.',
    ],
    solution: {
      steps: [
        { advanceClock: 30 },
        {
          run: 'aws sts get-session-token --serial-number arn:aws:iam::{{accountId}}:mfa/ana --token-code {{totp:mfa-ana-seed.txt}} --profile ana',
          save: { KEY_ID: 'Credentials.AccessKeyId', SECRET: 'Credentials.SecretAccessKey', TOKEN: 'Credentials.SessionToken' },
        },
        'aws configure set aws_access_key_id {{KEY_ID}} --profile ana-mfa',
        'aws configure set aws_secret_access_key {{SECRET}} --profile ana-mfa',
        'aws configure set aws_session_token {{TOKEN}} --profile ana-mfa',
        'aws s3api delete-object --bucket dojo-prod --key old.log --profile ana-mfa',
      ],
      explanation:
        'GetSessionToken with a serial number and a code returns temporary credentials whose requests carry `aws:MultiFactorAuthPresent = true` (and `aws:MultiFactorAuthAge`). The deny no longer matches, and the inline Allow decides. `{{KEY_ID}}`, `{{SECRET}}` and `{{TOKEN}}` are the values from the get-session-token output. The trail records the delete as a data event whose `sessionContext.attributes.mfaAuthenticated` is `"true"`.',
    },
    wrongAnswers: [
      {
        mistake: "gets an MFA session, then deletes the object with the administrator's default identity",
        steps: [
          { advanceClock: 30 },
          'aws sts get-session-token --serial-number arn:aws:iam::{{accountId}}:mfa/ana --token-code {{totp:mfa-ana-seed.txt}} --profile ana',
          'aws s3api delete-object --bucket dojo-prod --key old.log',
        ],
        caughtBy: ['deleted-with-mfa'],
      },
      {
        mistake: "tries to delete with ana's plain access key (refused by the MFA guard)",
        steps: ['aws s3api delete-object --bucket dojo-prod --key old.log --profile ana'],
        caughtBy: ['session-with-mfa', 'object-gone', 'deleted-with-mfa'],
      },
    ],
  },
]);
