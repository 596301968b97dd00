/**
 * Lesson 9's defender exercises: reconstruct an intruder's actions from the trail, then contain
 * them. Sources: CloudTrail User Guide, "Working with CloudTrail event history"; IAM User Guide,
 * "Disabling permissions for temporary security credentials"; AWS Security Incident Response Guide
 * (contain compromised credentials: deactivate keys, remove unauthorized users).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import type { ExerciseInput } from '../../../src/course/exercise.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';

const INTRUDER_IP = '198.51.100.77';
const firstIntruderCall = "Records[?eventName=='CreateUser' && userIdentity.type=='IAMUser'] | [0]";
// Denies every session deploy's credentials minted before the moment of containment (IAM User
// Guide, "Disabling permissions for temporary security credentials").
const revokeOlder = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'RevokeOlderSessions',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { DateLessThan: { 'aws:TokenIssueTime': '2026-11-20T10:45:00Z' } },
    },
  ],
});

export const incidentExercises: ExerciseInput[] = [
  {
    id: 'investigate',
    title: 'Defender: what did the intruder do?',
    goal: 'An access key has leaked. Someone used it from an address nobody recognises to create a user of their own. Reconstruct what happened from the event history and answer the four questions.',
    start: {
      world: { seed: 'lesson-09-incident', now: '2026-11-20T08:00:00Z' },
      steps: [
        ...adminSessionSteps(),
        'aws iam create-user --user-name ana',
        'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess',
        { run: 'aws iam create-access-key --user-name ana', save: { ANA_KEY: 'AccessKey.AccessKeyId' } },
        'aws iam create-user --user-name deploy',
        'aws iam attach-user-policy --user-name deploy --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
        'aws iam create-access-key --user-name deploy',
        { advanceClock: 3600 },
        { run: 'aws s3api list-buckets --profile deploy', sourceIp: '203.0.113.40' },
        { run: 'aws iam list-users --profile ana', sourceIp: '203.0.113.41' },
        { advanceClock: 5400 },
        { run: 'aws sts get-caller-identity --profile deploy', sourceIp: INTRUDER_IP },
        { run: 'aws iam list-users --profile deploy', sourceIp: INTRUDER_IP },
        { run: 'aws iam list-attached-user-policies --user-name deploy --profile deploy', sourceIp: INTRUDER_IP },
        { advanceClock: 120 },
        { run: 'aws iam create-user --user-name backup-svc --profile deploy', sourceIp: INTRUDER_IP },
        {
          run: 'aws iam attach-user-policy --user-name backup-svc --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile deploy',
          sourceIp: INTRUDER_IP,
        },
        { run: 'aws iam create-access-key --user-name backup-svc --profile deploy', sourceIp: INTRUDER_IP },
        { advanceClock: 60 },
        { run: 'aws s3api list-buckets --profile backup-svc', sourceIp: INTRUDER_IP },
        // Two more footholds that survive the obvious clean-up: temporary credentials minted from
        // the leaked key, and a second key plus administrator rights on an existing user.
        {
          run: 'aws sts get-session-token --profile deploy',
          sourceIp: INTRUDER_IP,
          save: {
            STOLEN_KEY: 'Credentials.AccessKeyId',
            STOLEN_SECRET: 'Credentials.SecretAccessKey',
            STOLEN_TOKEN: 'Credentials.SessionToken',
          },
        },
        { run: 'aws iam create-access-key --user-name ana --profile deploy', sourceIp: INTRUDER_IP },
        {
          run: 'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile deploy',
          sourceIp: INTRUDER_IP,
        },
        { advanceClock: 900 },
        { run: 'aws iam list-users --profile ana', sourceIp: '203.0.113.41' },
      ],
    },
    checks: [
      {
        id: 'leaked-key',
        kind: 'answer',
        label: 'whose key leaked',
        question: 'Whose access key did the intruder use to create their user?',
        answerQuery: `${firstIntruderCall}.userIdentity.userName`,
      },
      {
        id: 'backdoor',
        kind: 'answer',
        label: "the intruder's user",
        question: 'What is the name of the user the intruder created?',
        answerQuery: `${firstIntruderCall}.requestParameters.userName`,
      },
      {
        id: 'address',
        kind: 'answer',
        label: "the intruder's address",
        question: 'From which IP address did the intruder work?',
        answerQuery: `${firstIntruderCall}.sourceIPAddress`,
      },
      {
        id: 'policy',
        kind: 'answer',
        label: 'the permission they gave themselves',
        question: 'Which policy (ARN) did they attach to their user?',
        answerQuery: "Records[?eventName=='AttachUserPolicy' && userIdentity.type=='IAMUser'] | [0].requestParameters.policyArn",
      },
      {
        id: 'foothold',
        kind: 'answer',
        label: 'the second foothold',
        question: 'Besides their own user, which existing user did the intruder give a new access key?',
        answerQuery: `Records[?eventName=='CreateAccessKey' && sourceIPAddress=='${INTRUDER_IP}' && requestParameters.userName!='backup-svc'] | [0].requestParameters.userName`,
      },
    ],
    hints: [
      'What would a deploy identity never normally do? Filter the history on CreateUser, CreateAccessKey and AttachUserPolicy.',
      'In that record, `userIdentity.userName` is whose key was used and `requestParameters.userName` is the new user.',
      "Then pivot: look at everything else from the same `sourceIPAddress` and the same `accessKeyId`. The intruder's next steps follow within minutes — all of them, not only the first.",
    ],
    solution: {
      answers: {
        'leaked-key': 'deploy',
        backdoor: 'backup-svc',
        address: INTRUDER_IP,
        policy: 'arn:aws:iam::aws:policy/AdministratorAccess',
        foothold: 'ana',
      },
      explanation:
        "Using deploy's key from 198.51.100.77, the intruder first checked whose key it was (GetCallerIdentity) and what it could do (ListUsers, ListAttachedUserPolicies), then built a back door: a new user `backup-svc` with AdministratorAccess and its own access key, which they used at once. Then they dug in further: a session token from the leaked key (GetSessionToken), and a second key plus AdministratorAccess on the existing user ana. Persistence through other identities and sessions is why containing an incident means more than revoking the leaked key.",
    },
    wrongAnswers: [
      {
        mistake: 'blames ana, whose calls are ordinary (and stops at the first foothold)',
        answers: {
          'leaked-key': 'ana',
          backdoor: 'backup-svc',
          address: '203.0.113.41',
          policy: 'arn:aws:iam::aws:policy/AdministratorAccess',
          foothold: 'backup-svc',
        },
        caughtBy: ['leaked-key', 'address', 'foothold'],
      },
      {
        mistake: "gives deploy's usual address and the read-only policy",
        answers: {
          'leaked-key': 'deploy',
          backdoor: 'backup-svc',
          address: '203.0.113.40',
          policy: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess',
          foothold: 'ana',
        },
        caughtBy: ['address', 'policy'],
      },
    ],
  },
  {
    id: 'contain',
    title: 'Defender: contain the intrusion',
    goal: "Contain it: deactivate the leaked key of `deploy` (keep it, do not delete it); make the session the intruder minted from it useless; remove the intruder's user `backup-svc` completely; and undo the second foothold on ana (the intruder's key and the administrator policy). ana's own key must keep working.",
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'key-inactive',
        kind: 'command',
        label: "deploy's access key is inactive",
        command: 'aws iam list-access-keys --user-name deploy',
        expect: { outcome: 'success', query: 'AccessKeyMetadata[].Status', equals: ['Inactive'] },
        failure:
          "deploy's key is not there and inactive. A deleted key cannot come back: if you deleted it, Reset the exercise and deactivate it instead",
      },
      {
        id: 'key-refused',
        kind: 'command',
        label: 'the leaked key no longer works',
        command: 'aws sts get-caller-identity --profile deploy',
        expect: { outcome: 'failure' },
      },
      {
        id: 'session-refused',
        kind: 'command',
        label: 'the session minted from the leaked key is refused',
        setup: [
          'aws configure set aws_access_key_id {{STOLEN_KEY}} --profile stolen',
          'aws configure set aws_secret_access_key {{STOLEN_SECRET}} --profile stolen',
          'aws configure set aws_session_token {{STOLEN_TOKEN}} --profile stolen',
        ],
        // S3, not IAM: GetSessionToken credentials without MFA cannot call IAM at all (STS API
        // Reference, GetSessionToken), so only a non-IAM call shows whether the session still works.
        command: 'aws s3api list-buckets --profile stolen',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: "the intruder's session token still works: deactivating a key does not end sessions already minted with it",
      },
      {
        id: 'backdoor-gone',
        kind: 'command',
        label: 'the user backup-svc no longer exists',
        command: 'aws iam get-user --user-name backup-svc',
        expect: { outcome: 'failure', errorCode: 'NoSuchEntity' },
        failure: 'backup-svc still exists',
      },
      {
        id: 'ana-key-gone',
        kind: 'command',
        label: 'ana has no active key other than her own',
        command:
          "aws iam list-access-keys --user-name ana --query \"length(AccessKeyMetadata[?Status=='Active' && AccessKeyId!='{{ANA_KEY}}'])\"",
        expect: { outcome: 'success', equals: 0 },
        failure: 'the key the intruder made for ana still works',
      },
      {
        id: 'ana-not-admin',
        kind: 'command',
        label: 'ana is back to read-only IAM access',
        command: 'aws iam list-attached-user-policies --user-name ana',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['IAMReadOnlyAccess'] },
        failure: 'ana still has the AdministratorAccess the intruder attached',
      },
      {
        id: 'ana-works',
        kind: 'command',
        label: "ana's own key still works",
        command: 'aws iam list-users --profile ana',
        expect: { outcome: 'success' },
        failure: "ana's own key was switched off — she did nothing wrong",
      },
    ],
    hints: [
      "What did the intruder leave behind that does not depend on deploy's key? Look again at GetSessionToken and at what happened to ana.",
      'Temporary credentials cannot be revoked one by one, but a Deny on the user for sessions issued before now (`DateLessThan` on `aws:TokenIssueTime`) makes them useless.',
      '`aws iam list-access-keys --user-name deploy` gives the key ID for `aws iam update-access-key ... --status Inactive`.',
      'IAM refuses to delete a user that still has access keys or attached policies (DeleteConflict): remove those first.',
      'For backup-svc: `delete-access-key`, `detach-user-policy`, then `delete-user`.',
    ],
    solution: {
      steps: [
        { run: 'aws iam list-access-keys --user-name deploy', save: { LEAKED: 'AccessKeyMetadata[0].AccessKeyId' } },
        'aws iam update-access-key --user-name deploy --access-key-id {{LEAKED}} --status Inactive',
        { run: 'aws iam list-access-keys --user-name backup-svc', save: { BACKDOOR_KEY: 'AccessKeyMetadata[0].AccessKeyId' } },
        'aws iam delete-access-key --user-name backup-svc --access-key-id {{BACKDOOR_KEY}}',
        'aws iam detach-user-policy --user-name backup-svc --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
        'aws iam delete-user --user-name backup-svc',
        ...withPolicyFile(
          'revoke-older.json',
          revokeOlder,
          (file) => `aws iam put-user-policy --user-name deploy --policy-name RevokeOlderSessions --policy-document ${file}`,
        ),
        {
          run: `aws iam list-access-keys --user-name ana --query "AccessKeyMetadata[?AccessKeyId!='{{ANA_KEY}}'].AccessKeyId | [0]"`,
          save: { INTRUDER_KEY: '@' },
        },
        'aws iam update-access-key --user-name ana --access-key-id {{INTRUDER_KEY}} --status Inactive',
        'aws iam detach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
      ],
      explanation:
        'Deactivating is reversible, so it is the first move; CloudTrail keeps the key\'s records either way. But a deactivated key does not end the temporary credentials already minted with it — they stay valid until they expire. AWS\'s answer is to change permissions instead: a Deny on deploy for every session issued before the moment of containment (`aws:TokenIssueTime`), the same idea as "Revoke active sessions" for roles. Then remove every foothold: the back-door user, and the key and policy the intruder gave ana. In a real incident you would also review what deploy itself should be allowed (AdministratorAccess for a deploy identity is how this became so bad), rotate anything the intruder could read, and find out how the key leaked.',
    },
    wrongAnswers: [
      {
        mistake: 'deactivates the key and deletes backup-svc, and stops there',
        steps: [
          { run: 'aws iam list-access-keys --user-name deploy', save: { LEAKED: 'AccessKeyMetadata[0].AccessKeyId' } },
          'aws iam update-access-key --user-name deploy --access-key-id {{LEAKED}} --status Inactive',
          { run: 'aws iam list-access-keys --user-name backup-svc', save: { BACKDOOR_KEY: 'AccessKeyMetadata[0].AccessKeyId' } },
          'aws iam delete-access-key --user-name backup-svc --access-key-id {{BACKDOOR_KEY}}',
          'aws iam detach-user-policy --user-name backup-svc --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
          'aws iam delete-user --user-name backup-svc',
        ],
        caughtBy: ['session-refused', 'ana-key-gone', 'ana-not-admin'],
      },
      {
        mistake: 'deletes the leaked key instead of deactivating it',
        steps: [
          { run: 'aws iam list-access-keys --user-name deploy', save: { LEAKED: 'AccessKeyMetadata[0].AccessKeyId' } },
          'aws iam delete-access-key --user-name deploy --access-key-id {{LEAKED}}',
        ],
        caughtBy: ['key-inactive'],
      },
      {
        mistake: 'switches off every key of ana, including her own',
        steps: [
          {
            run: 'aws iam list-access-keys --user-name ana',
            save: { A: 'AccessKeyMetadata[0].AccessKeyId', B: 'AccessKeyMetadata[1].AccessKeyId' },
          },
          'aws iam update-access-key --user-name ana --access-key-id {{A}} --status Inactive',
          'aws iam update-access-key --user-name ana --access-key-id {{B}} --status Inactive',
        ],
        caughtBy: ['ana-works'],
      },
    ],
  },
];
