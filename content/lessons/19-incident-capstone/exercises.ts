/**
 * Exercises of lesson 19, the capstone: a leaked access key — investigate the trail, contain it
 * (the key, the sessions minted from it, the footholds), repair least privilege, and prove that
 * nothing broader remains. Sources: IAM User Guide, "Disabling permissions for temporary security
 * credentials" (aws:TokenIssueTime), "Revoking IAM role temporary security credentials"
 * (AWSRevokeOlderSessions), "Versioning IAM policies", "Security best practices in IAM"; AWS
 * Security Incident Response Guide (contain, eradicate, recover); CloudTrail User Guide,
 * "CloudTrail record contents".
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { defineExercises } from '../../../src/course/exercise.ts';
import { ATTACKER_IP, DEPLOY_TOOLS, OPS_TRUST, SITE_DEPLOY, file, incidentSteps, withLeakedKey, withSession } from './world.ts';

/** The moment of containment; sessions issued before it are refused. */
const CONTAINED_AT = '2026-11-30T11:00:00Z';

const revokeOlder = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { DateLessThan: { 'aws:TokenIssueTime': CONTAINED_AT } },
    },
  ],
};

const fromAttacker = `sourceIPAddress=='${ATTACKER_IP}'`;

const deactivateKey = 'aws iam update-access-key --user-name deploy --access-key-id {{DEPLOY_KEY}} --status Inactive';
const revokeUserSessions = [
  file('revoke-older.json', revokeOlder),
  'aws iam put-user-policy --user-name deploy --policy-name RevokeOlderSessions --policy-document file://revoke-older.json',
];
const revokeRoleSessions =
  'aws iam put-role-policy --role-name ops --policy-name AWSRevokeOlderSessions --policy-document file://revoke-older.json';
const removeBackdoorUser = [
  { run: 'aws iam list-access-keys --user-name backup-svc', save: { BACKDOOR_KEY: 'AccessKeyMetadata[0].AccessKeyId' } },
  'aws iam delete-access-key --user-name backup-svc --access-key-id {{BACKDOOR_KEY}}',
  'aws iam detach-user-policy --user-name backup-svc --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
  'aws iam delete-user --user-name backup-svc',
];
const removeAnaKey = [
  { run: 'aws iam list-access-keys --user-name ana', save: { ANA_NEW_KEY: 'sort_by(AccessKeyMetadata, &CreateDate)[-1].AccessKeyId' } },
  'aws iam delete-access-key --user-name ana --access-key-id {{ANA_NEW_KEY}}',
];
const restoreTrust = [
  file('ops-trust.json', OPS_TRUST),
  'aws iam update-assume-role-policy --role-name ops --policy-document file://ops-trust.json',
];

const deployArn = 'arn:aws:iam::{{accountId}}:user/deploy';

export default defineExercises([
  {
    id: 'investigate',
    title: 'Investigate: who, what, from where',
    goal: "An alert: the deploy pipeline's access key was pushed to a public repository an hour ago. Read the trail — the event history below, `aws cloudtrail lookup-events` in the terminal — and answer: whose access key was used, from which IP address, which users the intruder created or gave keys to, and which role's trust policy it changed.",
    start: { world: { seed: 'lesson-19', now: '2026-11-30T09:00:00Z' }, steps: [...adminSessionSteps(), ...incidentSteps()] },
    checks: [
      {
        id: 'which-user',
        kind: 'answer',
        label: 'the IAM user whose access key the intruder used',
        question: 'Whose access key did the intruder use? (the IAM user name)',
        answerQuery: `Records[?${fromAttacker}].userIdentity.userName | [0]`,
        failure: 'that is not the owner of the key used from the unknown address — look at userIdentity of its first call',
      },
      {
        id: 'which-ip',
        kind: 'answer',
        label: "the intruder's source IP address",
        question: 'From which IP address did the intruder call?',
        answerQuery: `Records[?eventName=='CreatePolicyVersion'].sourceIPAddress | [0]`,
        failure: "that is not the intruder's address — the pipeline's own calls come from a different one",
      },
      {
        id: 'which-users',
        kind: 'answer',
        label: 'the users the intruder created or gave an access key to (names, separated by commas)',
        question: 'Which users did the intruder create or give an access key to? (user names, separated by commas)',
        answerQuery: `Records[?${fromAttacker} && (eventName=='CreateUser' || eventName=='CreateAccessKey') && errorCode==null].requestParameters.userName`,
        failure:
          'not quite — look at every CreateUser and CreateAccessKey from the unknown address, including a key for a user who already existed',
      },
      {
        id: 'which-role',
        kind: 'answer',
        label: 'the role whose trust policy the intruder changed',
        question: "Which role's trust policy did the intruder change?",
        answerQuery: `Records[?${fromAttacker} && eventName=='UpdateAssumeRolePolicy'].requestParameters.roleName | [0]`,
        failure: 'that is not the role — find UpdateAssumeRolePolicy in the trail',
      },
    ],
    hints: [
      'What does a call from someone who has just found a key look like — and which address made calls the pipeline never makes?',
      '`aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=CreateUser` shows who created users; the record has userIdentity.accessKeyId and sourceIPAddress.',
      'Pivot on the key: `aws cloudtrail lookup-events --lookup-attributes AttributeKey=AccessKeyId,AttributeValue=KEY_ID` lists everything done with it — CreatePolicyVersion, CreateAccessKey for ana, UpdateAssumeRolePolicy on a role.',
    ],
    solution: {
      steps: [],
      answers: { 'which-user': 'deploy', 'which-ip': ATTACKER_IP, 'which-users': 'backup-svc, ana', 'which-role': 'ops' },
      explanation:
        "The key belongs to deploy; its own calls come from 203.0.113.10, the intruder's from 198.51.100.77. The story: GetCallerIdentity (whose key is this?), a look at its policy, then CreatePolicyVersion on DeployTools — the pipeline could rewrite its own policy, so the intruder made itself an administrator. Then the footholds: a user backup-svc with AdministratorAccess and a key, a second key for ana, ops trusting deploy, and two sets of temporary credentials (AssumeRole on ops, GetSessionToken) that outlive the key.",
    },
    wrongAnswers: [
      {
        mistake: "answers with the pipeline's own address and only the user the intruder created",
        answers: { 'which-user': 'deploy', 'which-ip': '203.0.113.10', 'which-users': 'backup-svc', 'which-role': 'ops' },
        caughtBy: ['which-ip', 'which-users'],
      },
      {
        mistake: 'names deploy (the compromised user) as one the intruder created, and the AdministratorAccess-Dojo role',
        answers: {
          'which-user': 'deploy',
          'which-ip': ATTACKER_IP,
          'which-users': 'deploy, backup-svc',
          'which-role': 'AdministratorAccess-Dojo',
        },
        caughtBy: ['which-users', 'which-role'],
      },
      {
        mistake: 'names the user who was given a new key (ana) as the owner of the leaked key',
        answers: { 'which-user': 'ana', 'which-ip': ATTACKER_IP, 'which-users': 'backup-svc, ana', 'which-role': 'ops' },
        caughtBy: ['which-user'],
      },
    ],
  },
  {
    id: 'contain',
    title: 'Contain: the key, its sessions, the footholds',
    goal: `Stop the intruder. Deactivate the leaked key; make the temporary credentials minted with it useless — deploy's GetSessionToken session and the ops role session (deny sessions issued before ${CONTAINED_AT}); remove the back-door user, the key the intruder gave ana (ana keeps her own), and the trust the intruder added to ops (EC2 must still be able to use ops). Write the deny policy in the file editor.`,
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'key-dead',
        kind: 'command',
        label: 'the leaked key no longer works',
        command: withLeakedKey('aws sts get-caller-identity'),
        expect: { outcome: 'failure' },
        failure: 'the leaked key still works — deactivate it (update-access-key --status Inactive)',
      },
      {
        id: 'user-session-refused',
        kind: 'command',
        label: 'the session minted with GetSessionToken cannot upload to the site any more',
        command: withSession('USER', 'aws s3api put-object --bucket dojo-site --key defaced.html'),
        expect: { outcome: 'failure' },
        failure:
          "the intruder's GetSessionToken session still works: a deactivated key does not end temporary credentials — deny deploy's sessions issued before containment (aws:TokenIssueTime)",
      },
      {
        id: 'role-session-refused',
        kind: 'command',
        label: 'the ops role session the intruder started is refused',
        command: withSession('ROLE', 'aws iam list-users'),
        expect: { outcome: 'failure' },
        failure:
          "the intruder's ops role session still works — revoke the role's older sessions with a Deny on aws:TokenIssueTime on the role (the console's \"Revoke active sessions\")",
      },
      {
        id: 'backdoor-gone',
        kind: 'command',
        label: 'the back-door user backup-svc is gone',
        command: 'aws iam get-user --user-name backup-svc',
        expect: { outcome: 'failure', errorCode: 'NoSuchEntity' },
        failure: 'the user backup-svc still exists — delete its key, detach its policy, then delete the user',
      },
      {
        id: 'ana-clean',
        kind: 'command',
        label: 'ana has only her own key left',
        command: `aws iam list-access-keys --user-name ana --query "[length(AccessKeyMetadata[?AccessKeyId=='{{ANA_KEY}}']), length(AccessKeyMetadata)]"`,
        expect: { outcome: 'success', equals: [1, 1] },
        failure: 'the keys of ana are not right: the key the intruder created must go, and her own must stay',
      },
      {
        id: 'ops-trust-restored',
        kind: 'command',
        label: 'ops trusts EC2 again and no longer trusts deploy',
        command:
          "aws iam get-role --role-name ops --query \"[contains(to_string(Role.AssumeRolePolicyDocument), 'user/deploy'), contains(to_string(Role.AssumeRolePolicyDocument), 'ec2.amazonaws.com')]\"",
        expect: { outcome: 'success', equals: [false, true] },
        failure: "the trust policy of ops is not back to EC2 only — the intruder's statement for deploy must go, and EC2's must stay",
      },
    ],
    hints: [
      'When a key is deactivated, what happens to the temporary credentials someone already made with it?',
      `A Deny on \`*\` with \`"Condition": {"DateLessThan": {"aws:TokenIssueTime": "${CONTAINED_AT}"}}\`, put on the user deploy (put-user-policy) and on the role ops (put-role-policy, the name the console uses is AWSRevokeOlderSessions).`,
      '`aws iam list-access-keys --user-name ana` shows two keys: the intruder made the newer one. IAM refuses to delete a user that still has keys or attached policies.',
      'Write the trust policy for ops back with EC2 only and apply it with `aws iam update-assume-role-policy --role-name ops --policy-document file://ops-trust.json`.',
    ],
    solution: {
      steps: [deactivateKey, ...revokeUserSessions, revokeRoleSessions, ...removeBackdoorUser, ...removeAnaKey, ...restoreTrust],
      explanation:
        'Deactivate first: it is reversible, and CloudTrail keeps the records either way. Temporary credentials cannot be revoked one by one, but permissions are evaluated on every call, so a Deny for sessions issued before the moment of containment (`aws:TokenIssueTime`) ends them — on the user for GetSessionToken sessions, on the role for role sessions (exactly what the console\'s "Revoke active sessions" writes). Then every foothold: a user of its own, a key on someone else, a trust policy that lets the compromised user back in.',
    },
    wrongAnswers: [
      {
        mistake: 'only deactivates the key',
        steps: [deactivateKey],
        caughtBy: ['user-session-refused', 'role-session-refused', 'backdoor-gone', 'ana-clean', 'ops-trust-restored'],
      },
      {
        mistake: "revokes deploy's sessions but not the ops role sessions",
        steps: [deactivateKey, ...revokeUserSessions, ...removeBackdoorUser, ...removeAnaKey, ...restoreTrust],
        caughtBy: ['role-session-refused'],
      },
      {
        mistake: "deletes both of ana's keys",
        steps: [
          deactivateKey,
          ...revokeUserSessions,
          revokeRoleSessions,
          ...removeBackdoorUser,
          ...removeAnaKey,
          'aws iam delete-access-key --user-name ana --access-key-id {{ANA_KEY}}',
          ...restoreTrust,
        ],
        caughtBy: ['ana-clean'],
      },
      {
        mistake: "removes ops's whole trust policy content and leaves EC2 out",
        steps: [
          deactivateKey,
          ...revokeUserSessions,
          revokeRoleSessions,
          ...removeBackdoorUser,
          ...removeAnaKey,
          file('ops-trust.json', {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::{{accountId}}:root' }, Action: 'sts:AssumeRole' }],
          }),
          'aws iam update-assume-role-policy --role-name ops --policy-document file://ops-trust.json',
        ],
        caughtBy: ['ops-trust-restored'],
      },
    ],
  },
  {
    id: 'repair',
    title: 'Repair least privilege, and prove it',
    goal: "The cause is still there: DeployTools' default version is the intruder's `*` on `*`, and even its first version let deploy rewrite DeployTools. Give deploy exactly what the trail shows the pipeline doing — listing `dojo-site` and uploading to it — and nothing beyond, and leave no other version of DeployTools behind. Then use the analysis below: nobody may become administrator any more.",
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'within-need',
        kind: 'policyScope',
        label: 'deploy is granted nothing beyond listing dojo-site and uploading to it',
        principalArn: deployArn,
        relation: 'within',
        reference: SITE_DEPLOY,
        failure: 'the policies of deploy still grant more than the pipeline uses',
      },
      {
        id: 'can-upload',
        kind: 'decision',
        label: 'deploy can still upload to dojo-site',
        principalArn: deployArn,
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::dojo-site/index.html',
        expect: 'allowed',
        failure: 'the pipeline can no longer upload the site',
      },
      {
        id: 'can-list',
        kind: 'decision',
        label: 'deploy can still list dojo-site',
        principalArn: deployArn,
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::dojo-site',
        expect: 'allowed',
        failure: 'the pipeline can no longer list the site bucket (the trail shows it doing so)',
      },
      {
        id: 'no-rewrite',
        kind: 'decision',
        label: 'deploy cannot create a new version of DeployTools',
        principalArn: deployArn,
        action: 'iam:CreatePolicyVersion',
        resource: DEPLOY_TOOLS,
        expect: 'denied',
        failure: 'the user deploy may still rewrite its own policy — the escalation path the intruder used is open',
      },
      {
        id: 'one-version',
        kind: 'command',
        label: 'DeployTools keeps no other version',
        command: `aws iam list-policy-versions --policy-arn ${DEPLOY_TOOLS} --query "length(Versions)"`,
        expect: { outcome: 'success', equals: 1 },
        failure: "DeployTools keeps older versions — one SetDefaultPolicyVersion would bring the intruder's `*` back; delete them",
      },
    ],
    hints: [
      'Which actions does the trail show deploy using from the pipeline’s own address, before the intruder came?',
      'A new default version with `s3:ListBucket` on `arn:aws:s3:::dojo-site` and `s3:PutObject` on `arn:aws:s3:::dojo-site/*`: `aws iam create-policy-version --policy-arn arn:aws:iam::111122223333:policy/DeployTools --policy-document file://deploy-tools.json --set-as-default`.',
      '`aws iam list-policy-versions` shows the others; `aws iam delete-policy-version --version-id …` removes each non-default one.',
    ],
    solution: {
      steps: [
        file('deploy-tools.json', SITE_DEPLOY),
        `aws iam create-policy-version --policy-arn ${DEPLOY_TOOLS} --policy-document file://deploy-tools.json --set-as-default`,
        `aws iam delete-policy-version --policy-arn ${DEPLOY_TOOLS} --version-id v1`,
        `aws iam delete-policy-version --policy-arn ${DEPLOY_TOOLS} --version-id v2`,
      ],
      explanation:
        'The trail is the evidence of need: from 203.0.113.10 the pipeline only listed dojo-site and uploaded to it (S3 data events were being logged). The comparison proves deploy is granted nothing beyond that — not a sample of requests, every one. Rolling back to v1 would have kept the hole (CreatePolicyVersion on itself), and every old version kept is one SetDefaultPolicyVersion away. The escalation analysis then finds no principal that can reach administrator access.',
    },
    wrongAnswers: [
      {
        mistake: 'rolls back to v1 and deletes the intruder’s version (v1 still lets deploy rewrite DeployTools)',
        steps: [
          `aws iam set-default-policy-version --policy-arn ${DEPLOY_TOOLS} --version-id v1`,
          `aws iam delete-policy-version --policy-arn ${DEPLOY_TOOLS} --version-id v2`,
        ],
        caughtBy: ['within-need', 'no-rewrite'],
      },
      {
        mistake: 'writes s3:* on * for deploy',
        steps: [
          file('deploy-tools.json', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }),
          `aws iam create-policy-version --policy-arn ${DEPLOY_TOOLS} --policy-document file://deploy-tools.json --set-as-default`,
          `aws iam delete-policy-version --policy-arn ${DEPLOY_TOOLS} --version-id v1`,
          `aws iam delete-policy-version --policy-arn ${DEPLOY_TOOLS} --version-id v2`,
        ],
        caughtBy: ['within-need'],
      },
      {
        mistake: 'sets the right version as default but keeps the older ones',
        steps: [
          file('deploy-tools.json', SITE_DEPLOY),
          `aws iam create-policy-version --policy-arn ${DEPLOY_TOOLS} --policy-document file://deploy-tools.json --set-as-default`,
        ],
        caughtBy: ['one-version'],
      },
      {
        mistake: 'allows only uploads, forgetting the listing the trail shows',
        steps: [
          file('deploy-tools.json', { Version: '2012-10-17', Statement: [SITE_DEPLOY.Statement[1]] }),
          `aws iam create-policy-version --policy-arn ${DEPLOY_TOOLS} --policy-document file://deploy-tools.json --set-as-default`,
          `aws iam delete-policy-version --policy-arn ${DEPLOY_TOOLS} --version-id v1`,
          `aws iam delete-policy-version --policy-arn ${DEPLOY_TOOLS} --version-id v2`,
        ],
        caughtBy: ['can-list'],
      },
    ],
  },
]);
