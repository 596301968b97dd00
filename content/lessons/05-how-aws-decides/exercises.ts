/**
 * Exercises of lesson 5: an explicit deny beats any allow; you cannot allow your way past a deny;
 * implicit deny is what you get when nothing allows. Source: IAM User Guide, "Policy evaluation
 * logic" and "Determining whether a request is allowed or denied within an account".
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import { defineExercises } from '../../../src/course/exercise.ts';
import { seedObject } from '../../../src/course/seed-object.ts';

const buckets = [
  'aws s3api create-bucket --bucket dojo-payroll',
  ...seedObject('dojo-payroll', 'salaries.csv', 'employee,salary\nana,72000\nsam,68000\nkim,75000\n'),
  ...seedObject('dojo-payroll', 'reports/summary.csv', 'quarter,payroll total\n2026-Q3,215000\n'),
  'aws s3api create-bucket --bucket dojo-public',
];

const denyPayroll = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'NoPayroll', Effect: 'Deny', Action: 's3:*', Resource: ['arn:aws:s3:::dojo-payroll', 'arn:aws:s3:::dojo-payroll/*'] }],
});

const denySalariesOnly = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'NoSalaries', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::dojo-payroll/salaries.csv' }],
});

const stopInstances = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Look', Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
    { Sid: 'Stop', Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*' },
  ],
});

const payrollObject = 'arn:aws:s3:::dojo-payroll/salaries.csv';

export default defineExercises([
  {
    id: 'explicit-deny',
    title: 'Fence off one bucket',
    goal: 'sam has `AmazonS3FullAccess`. Keep it, but make sure sam can never read or change anything in the bucket `dojo-payroll`. Add a policy to sam; do not detach the full access.',
    start: {
      world: { seed: 'lesson-05' },
      steps: [
        ...adminSessionSteps(),
        ...buckets,
        'aws iam create-user --user-name sam',
        'aws iam create-access-key --user-name sam',
        'aws iam attach-user-policy --user-name sam --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess',
      ],
    },
    checks: [
      {
        id: 'explicitly-denied',
        kind: 'decision',
        label: 'reading dojo-payroll/salaries.csv is explicitly denied for sam',
        principalArn: 'arn:aws:iam::{{accountId}}:user/sam',
        action: 's3:GetObject',
        resource: payrollObject,
        expect: 'explicitDeny',
        failure: 'no Deny covers reading salaries.csv for sam',
      },
      {
        id: 'no-upload',
        kind: 'decision',
        label: 'uploading into dojo-payroll is explicitly denied for sam',
        principalArn: 'arn:aws:iam::{{accountId}}:user/sam',
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::dojo-payroll/x',
        expect: 'explicitDeny',
        failure: 'sam can still change payroll files; the Deny must cover writing too',
      },
      {
        id: 'no-delete',
        kind: 'decision',
        label: 'deleting from dojo-payroll is explicitly denied for sam',
        principalArn: 'arn:aws:iam::{{accountId}}:user/sam',
        action: 's3:DeleteObject',
        resource: 'arn:aws:s3:::dojo-payroll/salaries.csv',
        expect: 'explicitDeny',
        failure: 'sam can still delete payroll files',
      },
      {
        id: 'no-list',
        kind: 'decision',
        label: 'listing dojo-payroll is explicitly denied for sam',
        principalArn: 'arn:aws:iam::{{accountId}}:user/sam',
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::dojo-payroll',
        expect: 'explicitDeny',
        failure: 'sam can still list the bucket; the Deny must cover the bucket ARN as well as its objects',
      },
      {
        id: 'sam-refused',
        kind: 'command',
        label: "sam's download of salaries.csv is refused",
        command: 'aws s3api get-object --bucket dojo-payroll --key salaries.csv out.csv --profile sam',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'still-full-access',
        kind: 'command',
        label: 'sam can still upload to dojo-public',
        command: 'aws s3api put-object --bucket dojo-public --key hello.txt --profile sam',
        expect: { outcome: 'success' },
      },
      {
        id: 'kept-full-access',
        kind: 'command',
        label: 'AmazonS3FullAccess is still attached to sam',
        command: 'aws iam list-attached-user-policies --user-name sam',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['AmazonS3FullAccess'] },
        failure: 'AmazonS3FullAccess is no longer attached; the goal is to keep it and fence off one bucket',
      },
    ],
    hints: [
      'What beats an Allow that comes from another policy?',
      'An explicit `Deny` wins over every `Allow`, wherever the allow comes from. "Read or change anything" means every S3 action, not only GetObject.',
      'Cover both the bucket (`arn:aws:s3:::dojo-payroll`) and its objects (`arn:aws:s3:::dojo-payroll/*`).',
      'An inline policy is quickest: `aws iam put-user-policy --user-name sam --policy-name NoPayroll --policy-document file://no-payroll.json` — write the policy in the file editor and save it as `no-payroll.json` first.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'no-payroll.json',
          denyPayroll,
          (file) => `aws iam put-user-policy --user-name sam --policy-name NoPayroll --policy-document ${file}`,
        ),
      ],
      explanation:
        'AWS gathers both policies. The managed policy allows `s3:*` on everything, the inline policy denies `s3:*` on the payroll bucket and its objects. For a payroll request the deny matches, and a matching deny ends the evaluation: denied, whatever else allows it.',
    },
    wrongAnswers: [
      {
        mistake: 'denies only s3:GetObject on salaries.csv',
        steps: [
          `aws iam put-user-policy --user-name sam --policy-name NoPayroll --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-payroll/salaries.csv"}]}'`,
        ],
        caughtBy: ['no-upload', 'no-delete', 'no-list'],
      },
      {
        mistake: 'denies s3:* on the objects but forgets the bucket ARN itself',
        steps: [
          `aws iam put-user-policy --user-name sam --policy-name NoPayroll --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::dojo-payroll/*"}]}'`,
        ],
        caughtBy: ['no-list'],
      },
      {
        mistake: 'detaches AmazonS3FullAccess instead of adding a Deny',
        steps: ['aws iam detach-user-policy --user-name sam --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess'],
        caughtBy: ['explicitly-denied', 'still-full-access', 'kept-full-access'],
      },
    ],
  },
  {
    id: 'carve-out',
    title: 'You cannot allow your way past a deny',
    goal: 'kim reads S3 through the group `Readers`, and an inline policy `NoPayroll` denies her the whole `dojo-payroll` bucket. Finance now wants kim to read `dojo-payroll/reports/summary.csv` — but never `salaries.csv`. Make that true.',
    start: {
      world: { seed: 'lesson-05-carve' },
      steps: [
        ...adminSessionSteps(),
        ...buckets,
        'aws iam create-user --user-name kim',
        'aws iam create-access-key --user-name kim',
        'aws iam create-group --group-name Readers',
        'aws iam attach-group-policy --group-name Readers --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'aws iam add-user-to-group --group-name Readers --user-name kim',
        `aws iam put-user-policy --user-name kim --policy-name NoPayroll --policy-document '${denyPayroll}'`,
      ],
    },
    checks: [
      {
        id: 'reads-report',
        kind: 'command',
        label: 'kim can download dojo-payroll/reports/summary.csv',
        command: 'aws s3api get-object --bucket dojo-payroll --key reports/summary.csv summary.csv --profile kim',
        expect: { outcome: 'success' },
      },
      {
        id: 'salaries-denied',
        kind: 'decision',
        label: 'salaries.csv stays explicitly denied for kim',
        principalArn: 'arn:aws:iam::{{accountId}}:user/kim',
        action: 's3:GetObject',
        resource: payrollObject,
        expect: 'explicitDeny',
        failure: 'salaries.csv is no longer covered by a Deny for kim',
      },
    ],
    hints: [
      'What happens if you add an Allow for the report? Try it and read the verdict.',
      'Try adding an Allow for the report first, and look at the verdict: the deny still matches, so it still wins.',
      'The fix is to make the deny narrower, so that it no longer matches the report.',
      'Replace `NoPayroll` with a version whose `Resource` is only `arn:aws:s3:::dojo-payroll/salaries.csv`.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'no-payroll.json',
          denySalariesOnly,
          (file) => `aws iam put-user-policy --user-name kim --policy-name NoPayroll --policy-document ${file}`,
        ),
      ],
      explanation:
        "No Allow can override a matching Deny, so the only way to open the report is to stop the deny from matching it. Narrowing the deny to `salaries.csv` leaves the group's read-only allow in charge of the report, and the deny still guards the salaries.",
    },
    wrongAnswers: [
      {
        mistake: 'adds an Allow for the report next to the Deny',
        steps: [
          `aws iam put-user-policy --user-name kim --policy-name AllowReport --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-payroll/reports/summary.csv"}]}'`,
        ],
        caughtBy: ['reads-report'],
      },
      {
        mistake: 'deletes the Deny altogether',
        steps: ['aws iam delete-user-policy --user-name kim --policy-name NoPayroll'],
        caughtBy: ['salaries-denied'],
      },
    ],
  },
  {
    id: 'implicit-deny',
    title: 'Allowed, implicitly denied, or explicitly denied?',
    goal: 'The on-call engineer `lee` can look at EC2 instances but not stop them. Let lee stop instances (`ec2:StopInstances`) while terminating them (`ec2:TerminateInstances`) stays denied — by no statement at all, not by a Deny.',
    start: {
      world: { seed: 'lesson-05-lee' },
      steps: [
        ...adminSessionSteps(),
        'aws iam create-user --user-name lee',
        `aws iam put-user-policy --user-name lee --policy-name OnCall --policy-document '${JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Look', Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] })}'`,
      ],
    },
    checks: [
      {
        id: 'can-stop',
        kind: 'decision',
        label: 'lee may stop an instance',
        principalArn: 'arn:aws:iam::{{accountId}}:user/lee',
        action: 'ec2:StopInstances',
        resource: 'arn:aws:ec2:us-east-1:{{accountId}}:instance/i-0123456789abcdef0',
        expect: 'allowed',
      },
      {
        id: 'terminate-implicit',
        kind: 'decision',
        label: 'terminating is implicitly denied (no statement matches)',
        principalArn: 'arn:aws:iam::{{accountId}}:user/lee',
        action: 'ec2:TerminateInstances',
        resource: 'arn:aws:ec2:us-east-1:{{accountId}}:instance/i-0123456789abcdef0',
        expect: 'implicitDeny',
        failure: 'terminating is not implicitly denied: either a statement allows it, or a Deny names it',
      },
      {
        id: 'still-looks',
        kind: 'decision',
        label: 'lee can still describe instances',
        principalArn: 'arn:aws:iam::{{accountId}}:user/lee',
        action: 'ec2:DescribeInstances',
        expect: 'allowed',
      },
    ],
    hints: [
      'What would make TerminateInstances *explicitly* denied, and why is that not what the goal asks?',
      "`aws iam get-user-policy --user-name lee --policy-name OnCall` shows lee's current policy.",
      'Add a statement that allows `ec2:StopInstances`; write `put-user-policy` with the whole new document.',
      'Do not write `ec2:*Instances`: that would also allow `ec2:TerminateInstances`.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'on-call.json',
          stopInstances,
          (file) => `aws iam put-user-policy --user-name lee --policy-name OnCall --policy-document ${file}`,
        ),
      ],
      explanation:
        "Stopping is now explicitly allowed. Terminating matches no statement at all, so it ends in the default: an implicit deny. The difference matters when several policies combine — an implicit deny in an identity policy can be answered by a resource policy's allow, an explicit deny by nothing.",
    },
    wrongAnswers: [
      {
        mistake: 'allows ec2:*Instances, which also allows TerminateInstances',
        steps: [
          `aws iam put-user-policy --user-name lee --policy-name OnCall --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:Describe*","ec2:*Instances"],"Resource":"*"}]}'`,
        ],
        caughtBy: ['terminate-implicit'],
      },
      {
        mistake: 'adds an explicit Deny for TerminateInstances',
        steps: [
          `aws iam put-user-policy --user-name lee --policy-name OnCall --policy-document '${stopInstances}'`,
          `aws iam put-user-policy --user-name lee --policy-name NoTerminate --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*"}]}'`,
        ],
        caughtBy: ['terminate-implicit'],
      },
      {
        mistake: 'replaces the policy with one that only allows stopping, losing Describe',
        steps: [
          `aws iam put-user-policy --user-name lee --policy-name OnCall --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:StopInstances","Resource":"*"}]}'`,
        ],
        caughtBy: ['still-looks'],
      },
    ],
  },
]);
