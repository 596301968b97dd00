/**
 * Exercises of lesson 13: a Lambda execution role, iam:PassRole delegated by path and service, and
 * an EC2 instance that works as its role. Sources: Lambda Developer Guide, "Defining Lambda
 * function permissions with an execution role"; IAM User Guide, "Grant a user permissions to pass a
 * role to an AWS service" (iam:PassRole, iam:PassedToService), "Use an IAM role to grant
 * permissions to applications running on Amazon EC2 instances" (instance profiles).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import { defineExercises } from '../../../src/course/exercise.ts';

const lambdaTrust =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
const ec2Trust =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

/** The reports bucket, its object, a trail that records S3 data events, and the function's code file. */
const scene = [
  ...adminSessionSteps(),
  'aws s3api create-bucket --bucket dojo-reports',
  'echo quarterly numbers > q3.csv',
  'aws s3api put-object --bucket dojo-reports --key 2026/q3.csv --body q3.csv',
  'aws s3api create-bucket --bucket dojo-trail-logs',
  'aws cloudtrail create-trail --name dojo-trail --s3-bucket-name dojo-trail-logs',
  `aws cloudtrail put-event-selectors --trail-name dojo-trail --event-selectors '${JSON.stringify([{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::dojo-reports/'] }] }])}'`,
  "cat > report.txt <<'EOF'\n# the function reads the report as its execution role\naws s3api get-object --bucket dojo-reports --key 2026/q3.csv /tmp/q3.csv\nEOF",
];

const createFunction =
  'aws lambda create-function --function-name report-fn --runtime provided.al2023 --handler run --role arn:aws:iam::{{accountId}}:role/report-fn-role --zip-file fileb://report.txt';

const passFnRoles = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Functions', Effect: 'Allow', Action: 'lambda:*', Resource: '*' },
    {
      Sid: 'PassFunctionRolesToLambda',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws:iam::{{accountId}}:role/fn/*',
      Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    },
  ],
});

const dev = 'arn:aws:iam::{{accountId}}:user/dev';

export default defineExercises([
  {
    id: 'execution-role',
    title: 'A function that reads as its own role',
    goal: 'The code in `report.txt` reads `dojo-reports/2026/q3.csv`. Create an execution role `report-fn-role` that only Lambda may assume and that can read S3 (`AmazonS3ReadOnlyAccess`), create the function `report-fn` with that role and this code, and invoke it once.',
    start: { world: { seed: 'lesson-13' }, steps: scene },
    checks: [
      {
        id: 'function-role',
        kind: 'command',
        label: 'report-fn exists and runs as report-fn-role',
        command: 'aws lambda get-function --function-name report-fn',
        expect: { outcome: 'success', query: "ends_with(Configuration.Role, ':role/report-fn-role')", equals: true },
        failure: 'there is no function report-fn running as report-fn-role yet',
      },
      {
        id: 'only-lambda',
        kind: 'command',
        label: 'report-fn-role trusts the Lambda service and nobody else',
        command: 'aws iam get-role --role-name report-fn-role',
        expect: {
          outcome: 'success',
          query: "sort(to_array(Role.AssumeRolePolicyDocument.Statement)[?Effect=='Allow'].Principal.*[][])",
          equals: ['lambda.amazonaws.com'],
        },
        failure: "report-fn-role's trust policy names other principals than lambda.amazonaws.com (or not Lambda at all)",
      },
      {
        id: 'read-only',
        kind: 'command',
        label: 'report-fn-role can read S3 and nothing more',
        command: 'aws iam list-attached-role-policies --role-name report-fn-role',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['AmazonS3ReadOnlyAccess'] },
        failure: 'report-fn-role does not have exactly AmazonS3ReadOnlyAccess',
      },
      {
        id: 'read-as-role',
        kind: 'trail',
        label: 'the trail shows the function reading the report as its role session',
        query:
          "length(Records[?eventName=='GetObject' && userIdentity.type=='AssumedRole' && ends_with(userIdentity.arn, ':assumed-role/report-fn-role/report-fn') && errorCode==null])",
        atLeast: 1,
        failure: 'no successful GetObject by the session assumed-role/report-fn-role/report-fn yet — invoke the function',
      },
    ],
    hints: [
      'Who assumes an execution role — you, or the Lambda service when the function runs?',
      'The trust policy names the service: `"Principal": {"Service": "lambda.amazonaws.com"}`. Create it with `aws iam create-role --role-name report-fn-role --assume-role-policy-document file://lambda-trust.json` (write and save it in the file editor).',
      '`aws lambda create-function --function-name report-fn --runtime provided.al2023 --handler run --role ROLE_ARN --zip-file fileb://report.txt`, then `aws lambda invoke --function-name report-fn out.json`.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'lambda-trust.json',
          lambdaTrust,
          (file) => `aws iam create-role --role-name report-fn-role --assume-role-policy-document ${file}`,
        ),
        'aws iam attach-role-policy --role-name report-fn-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        createFunction,
        'aws lambda invoke --function-name report-fn out.json',
      ],
      explanation:
        "Lambda assumes the execution role each time the function runs and hands the temporary credentials to the code: the trail shows the GetObject made by `assumed-role/report-fn-role/report-fn`, not by you. The function gets exactly the role's permissions — no access keys in the code. Creating the function needed `iam:PassRole` on the role, which your administrator session has.",
    },
    wrongAnswers: [
      {
        mistake: 'trusts the EC2 service instead of Lambda (Lambda refuses the role)',
        steps: [
          `aws iam create-role --role-name report-fn-role --assume-role-policy-document '${ec2Trust}'`,
          'aws iam attach-role-policy --role-name report-fn-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          createFunction,
          'aws lambda invoke --function-name report-fn out.json',
        ],
        caughtBy: ['function-role', 'only-lambda', 'read-as-role'],
      },
      {
        mistake: 'gives the function AdministratorAccess "so it just works"',
        steps: [
          `aws iam create-role --role-name report-fn-role --assume-role-policy-document '${lambdaTrust}'`,
          'aws iam attach-role-policy --role-name report-fn-role --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
          createFunction,
          'aws lambda invoke --function-name report-fn out.json',
        ],
        caughtBy: ['read-only'],
      },
      {
        mistake: 'creates the function but never invokes it',
        steps: [
          `aws iam create-role --role-name report-fn-role --assume-role-policy-document '${lambdaTrust}'`,
          'aws iam attach-role-policy --role-name report-fn-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          createFunction,
        ],
        caughtBy: ['read-as-role'],
      },
    ],
  },
  {
    id: 'delegate-pass-role',
    title: 'Let developers pass only function roles',
    goal: 'The developer `dev` may manage Lambda functions (`lambda:*`) but, so far, pass no role. Team function roles live under the path `/fn/`. Give dev an inline policy `Functions` so that dev can create functions with roles under `/fn/` — passed to Lambda only — and with no other role.',
    start: {
      world: { seed: 'lesson-13-pass' },
      steps: [
        ...scene,
        `aws iam create-role --role-name reader --path /fn/ --assume-role-policy-document '${lambdaTrust}'`,
        'aws iam attach-role-policy --role-name reader --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        `aws iam create-role --role-name ops-admin --assume-role-policy-document '${lambdaTrust}'`,
        'aws iam attach-role-policy --role-name ops-admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
        'aws iam create-user --user-name dev',
        'aws iam create-access-key --user-name dev',
        `aws iam put-user-policy --user-name dev --policy-name Functions --policy-document '${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'lambda:*', Resource: '*' }] })}'`,
      ],
    },
    checks: [
      {
        id: 'dev-creates',
        kind: 'command',
        label: 'dev can create a function with the role fn/reader',
        command:
          'aws lambda create-function --function-name dev-fn --runtime provided.al2023 --handler run --role arn:aws:iam::{{accountId}}:role/fn/reader --zip-file fileb://report.txt --profile dev',
        expect: { outcome: 'success' },
        failure: 'dev still cannot pass the role fn/reader to Lambda',
      },
      {
        id: 'not-admin-role',
        kind: 'command',
        label: 'dev cannot create a function with the role ops-admin',
        command:
          'aws lambda create-function --function-name sneaky-fn --runtime provided.al2023 --handler run --role arn:aws:iam::{{accountId}}:role/ops-admin --zip-file fileb://report.txt --profile dev',
        expect: { outcome: 'failure', errorCode: 'AccessDeniedException' },
        failure: 'dev can hand ops-admin (AdministratorAccess) to a function — and run any code as an administrator',
      },
      {
        id: 'only-to-lambda',
        kind: 'decision',
        label: 'dev cannot pass fn/reader to EC2',
        principalArn: dev,
        action: 'iam:PassRole',
        resource: 'arn:aws:iam::{{accountId}}:role/fn/reader',
        context: { 'iam:PassedToService': ['ec2.amazonaws.com'] },
        expect: 'denied',
        failure: 'dev may pass function roles to any service, not only Lambda',
      },
      {
        id: 'still-lambda',
        kind: 'decision',
        label: 'dev can still manage functions',
        principalArn: dev,
        action: 'lambda:ListFunctions',
        expect: 'allowed',
        failure: 'dev lost lambda:* while you added PassRole — put-user-policy replaces the whole document',
      },
    ],
    hints: [
      'Which two things should limit PassRole here: which roles, and to which service?',
      "A role's ARN includes its path: `arn:aws:iam::ACCOUNT:role/fn/reader`, so `role/fn/*` names every team function role.",
      'Add `"Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}`, and keep the `lambda:*` statement in the same document.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'functions.json',
          passFnRoles,
          (file) => `aws iam put-user-policy --user-name dev --policy-name Functions --policy-document ${file}`,
        ),
      ],
      explanation:
        'Creating a function with a role is passing the role to Lambda, which then runs code with it — so PassRole on `*` would let dev borrow ops-admin. A path (`role/fn/*`) makes "function roles" a resource pattern, and `iam:PassedToService` stops the same roles being handed to EC2 or anything else.',
    },
    wrongAnswers: [
      {
        mistake: 'allows iam:PassRole on every role',
        steps: [
          `aws iam put-user-policy --user-name dev --policy-name Functions --policy-document '${JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 'lambda:*', Resource: '*' },
              { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
            ],
          })}'`,
        ],
        caughtBy: ['not-admin-role', 'only-to-lambda'],
      },
      {
        mistake: 'scopes the roles by path but forgets iam:PassedToService',
        steps: [
          `aws iam put-user-policy --user-name dev --policy-name Functions --policy-document '${JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 'lambda:*', Resource: '*' },
              { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::{{accountId}}:role/fn/*' },
            ],
          })}'`,
        ],
        caughtBy: ['only-to-lambda'],
      },
      {
        mistake: "replaces dev's policy with only the PassRole statement",
        steps: [
          `aws iam put-user-policy --user-name dev --policy-name Functions --policy-document '${JSON.stringify({ Version: '2012-10-17', Statement: [JSON.parse(passFnRoles).Statement[1]] })}'`,
        ],
        caughtBy: ['dev-creates', 'still-lambda'],
      },
    ],
  },
  {
    id: 'instance-role',
    title: 'An instance that works as its role',
    goal: 'Launch an EC2 instance that can read `dojo-reports` without any access key: a role `app-role` that only EC2 may assume, with `AmazonS3ReadOnlyAccess`, in an instance profile `app-profile`. Launch the instance with the profile, then list the bucket *from the instance* with `on-instance INSTANCE_ID aws s3api list-objects-v2 --bucket dojo-reports`.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'profile-has-role',
        kind: 'command',
        label: 'the instance profile app-profile contains app-role',
        command: 'aws iam get-instance-profile --instance-profile-name app-profile',
        expect: { outcome: 'success', query: 'InstanceProfile.Roles[].RoleName', equals: ['app-role'] },
        failure: 'there is no instance profile app-profile holding app-role — the CLI does not create one for you',
      },
      {
        id: 'app-role-read-only',
        kind: 'command',
        label: 'app-role can read S3 and nothing more',
        command: 'aws iam list-attached-role-policies --role-name app-role',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['AmazonS3ReadOnlyAccess'] },
        failure: 'app-role does not have exactly AmazonS3ReadOnlyAccess',
      },
      {
        id: 'instance-with-profile',
        kind: 'command',
        label: 'an instance runs with app-profile',
        command: 'aws ec2 describe-instances',
        expect: {
          outcome: 'success',
          query:
            "length(Reservations[].Instances[?IamInstanceProfile && ends_with(IamInstanceProfile.Arn, ':instance-profile/app-profile')][])",
          equals: 1,
        },
        failure: 'no instance runs with the instance profile app-profile',
      },
      {
        id: 'listed-as-role',
        kind: 'trail',
        label: 'the trail shows the instance listing dojo-reports as app-role',
        query: "length(Records[?eventName=='ListObjects' && contains(userIdentity.arn, ':assumed-role/app-role/i-') && errorCode==null])",
        atLeast: 1,
        failure: 'no listing of dojo-reports by an app-role instance session yet — run the command on the instance with on-instance',
      },
    ],
    hints: [
      'What does EC2 attach to an instance — a role, or a container that holds one?',
      'The role trusts `ec2.amazonaws.com`; then `aws iam create-instance-profile` and `aws iam add-role-to-instance-profile`.',
      '`aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --iam-instance-profile Name=app-profile` prints the instance ID for `on-instance`.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'ec2-trust.json',
          ec2Trust,
          (file) => `aws iam create-role --role-name app-role --assume-role-policy-document ${file}`,
        ),
        'aws iam attach-role-policy --role-name app-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'aws iam create-instance-profile --instance-profile-name app-profile',
        'aws iam add-role-to-instance-profile --instance-profile-name app-profile --role-name app-role',
        {
          run: 'aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --iam-instance-profile Name=app-profile',
          save: { INSTANCE: 'Instances[0].InstanceId' },
        },
        'on-instance {{INSTANCE}} aws s3api list-objects-v2 --bucket dojo-reports',
      ],
      explanation:
        'EC2 assumes app-role for the instance and serves its temporary credentials through the instance metadata service; the AWS CLI on the instance finds them by itself, and the trail names the session after the instance ID. `{{INSTANCE}}` is the ID run-instances printed. Launching needed `iam:PassRole` on app-role; on a real instance, also require IMDSv2.',
    },
    wrongAnswers: [
      {
        mistake: 'creates the role but no instance profile, so the launch is refused',
        steps: [
          `aws iam create-role --role-name app-role --assume-role-policy-document '${ec2Trust}'`,
          'aws iam attach-role-policy --role-name app-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --iam-instance-profile Name=app-profile',
        ],
        caughtBy: ['profile-has-role', 'instance-with-profile', 'listed-as-role'],
      },
      {
        mistake: 'lists the bucket from the terminal instead of from the instance',
        steps: [
          `aws iam create-role --role-name app-role --assume-role-policy-document '${ec2Trust}'`,
          'aws iam attach-role-policy --role-name app-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws iam create-instance-profile --instance-profile-name app-profile',
          'aws iam add-role-to-instance-profile --instance-profile-name app-profile --role-name app-role',
          'aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --iam-instance-profile Name=app-profile',
          'aws s3api list-objects-v2 --bucket dojo-reports',
        ],
        caughtBy: ['listed-as-role'],
      },
    ],
  },
]);
