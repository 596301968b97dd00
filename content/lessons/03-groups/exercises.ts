/**
 * Exercises of lesson 3: permissions through group membership. Sources: IAM User Guide, "IAM user
 * groups", "Create IAM groups", "Edit users in IAM groups" and "Attach a policy to an IAM user group".
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { defineExercises, type ExerciseInput } from '../../../src/course/exercise.ts';

type Check = ExerciseInput['checks'][number];

/** Neither developer holds a policy of their own: no managed attachment, no inline policy. */
const noOwnPolicies: Check = {
  id: 'no-own-policies',
  kind: 'command',
  label: 'maria and li have no policies of their own (attached or inline)',
  command:
    "aws iam get-account-authorization-details --filter User --query \"UserDetailList[?UserName=='maria' || UserName=='li'] | [?length(UserPolicyList || `[]`) > `0` || length(AttachedManagedPolicies || `[]`) > `0`].UserName\"",
  expect: { outcome: 'success', equals: [] },
  failure: 'a policy is still attached to or written into a user; the permission should come only from the group',
};

/** The group carries the managed policy. */
const groupHasPolicy: Check = {
  id: 'group-has-policy',
  kind: 'command',
  label: 'the group Developers carries AmazonS3ReadOnlyAccess',
  command: 'aws iam list-attached-group-policies --group-name Developers',
  expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['AmazonS3ReadOnlyAccess'] },
  failure: 'the group Developers does not exist yet, or AmazonS3ReadOnlyAccess is not attached to it',
};

/** Exactly maria and li are developers. */
const membersMariaLi: Check = {
  id: 'members',
  kind: 'command',
  label: 'Developers has exactly maria and li',
  command: 'aws iam get-group --group-name Developers',
  expect: { outcome: 'success', query: 'sort(Users[].UserName)', equals: ['li', 'maria'] },
  failure: "the group's members are not exactly maria and li",
};

const team = [
  'aws iam create-user --user-name maria',
  'aws iam create-access-key --user-name maria',
  'aws iam create-user --user-name li',
  'aws iam create-access-key --user-name li',
  'aws iam create-user --user-name sam',
  'aws iam create-access-key --user-name sam',
  'aws s3api create-bucket --bucket dojo-builds',
];

export default defineExercises([
  {
    id: 'create-group',
    title: 'One group for the developers',
    goal: 'maria and li are developers and need to read everything in S3; sam is not a developer. Create a group `Developers`, attach the AWS managed policy `AmazonS3ReadOnlyAccess` to the group (not to the users), and add maria and li to it.',
    start: { world: { seed: 'lesson-03' }, steps: [...adminSessionSteps(), ...team] },
    checks: [
      {
        id: 'maria-reads',
        kind: 'command',
        label: 'maria can list the S3 buckets',
        command: 'aws s3api list-buckets --profile maria',
        expect: { outcome: 'success' },
      },
      {
        id: 'li-reads',
        kind: 'command',
        label: 'li can list the S3 buckets',
        command: 'aws s3api list-buckets --profile li',
        expect: { outcome: 'success' },
      },
      {
        id: 'sam-cannot',
        kind: 'command',
        label: 'sam still cannot',
        command: 'aws s3api list-buckets --profile sam',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      groupHasPolicy,
      membersMariaLi,
      noOwnPolicies,
    ],
    hints: [
      'Where should the policy live so that joining or leaving the team is one command?',
      'You need a group, the policy on the group, and the two users in it: `aws iam create-group`, `aws iam attach-group-policy`, `aws iam add-user-to-group`.',
      'The policy ARN is `arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`.',
    ],
    solution: {
      steps: [
        'aws iam create-group --group-name Developers',
        'aws iam attach-group-policy --group-name Developers --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'aws iam add-user-to-group --group-name Developers --user-name maria',
        'aws iam add-user-to-group --group-name Developers --user-name li',
      ],
      explanation:
        'A user gets the permissions of every group they belong to, on top of their own. The policy is attached once, to the group, and membership decides who has it.',
    },
    wrongAnswers: [
      {
        mistake: 'gives maria and li inline user policies instead of a group',
        steps: [
          `aws iam put-user-policy --user-name maria --policy-name s3read --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}'`,
          `aws iam put-user-policy --user-name li --policy-name s3read --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}'`,
        ],
        caughtBy: ['group-has-policy', 'members', 'no-own-policies'],
      },
      {
        mistake: 'creates the group but attaches the policy to the users',
        steps: [
          'aws iam create-group --group-name Developers',
          'aws iam add-user-to-group --group-name Developers --user-name maria',
          'aws iam add-user-to-group --group-name Developers --user-name li',
          'aws iam attach-user-policy --user-name maria --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws iam attach-user-policy --user-name li --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        ],
        caughtBy: ['group-has-policy', 'no-own-policies'],
      },
      {
        mistake: 'adds all three users to the group',
        steps: [
          'aws iam create-group --group-name Developers',
          'aws iam attach-group-policy --group-name Developers --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws iam add-user-to-group --group-name Developers --user-name maria',
          'aws iam add-user-to-group --group-name Developers --user-name li',
          'aws iam add-user-to-group --group-name Developers --user-name sam',
        ],
        caughtBy: ['sam-cannot', 'members'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'User groups › Create group: User group name Developers',
          service: 'iam',
          operation: 'CreateGroup',
          params: { GroupName: 'Developers' },
        },
        {
          does: '(same page) tick maria and li under "Add users to the group"',
          service: 'iam',
          operation: 'AddUserToGroup',
          params: { GroupName: 'Developers', UserName: 'maria' },
        },
        {
          does: '(same page, second user)',
          service: 'iam',
          operation: 'AddUserToGroup',
          params: { GroupName: 'Developers', UserName: 'li' },
        },
        {
          does: '(same page) tick AmazonS3ReadOnlyAccess under "Attach permissions policies", Create user group',
          service: 'iam',
          operation: 'AttachGroupPolicy',
          params: { GroupName: 'Developers', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
        },
      ],
    },
  },
  {
    id: 'team-change',
    title: 'Someone joins, someone leaves',
    goal: 'li has moved to the finance team, and sam has joined the developers. Change the group membership so that sam can read S3 and li no longer can — without touching any policy.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'sam-reads',
        kind: 'command',
        label: 'sam can list the S3 buckets',
        command: 'aws s3api list-buckets --profile sam',
        expect: { outcome: 'success' },
      },
      {
        id: 'li-cannot',
        kind: 'command',
        label: 'li can no longer list them',
        command: 'aws s3api list-buckets --profile li',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'maria-still',
        kind: 'command',
        label: 'maria still can',
        command: 'aws s3api list-buckets --profile maria',
        expect: { outcome: 'success' },
      },
      {
        id: 'members',
        kind: 'command',
        label: 'Developers has exactly maria and sam',
        command: 'aws iam get-group --group-name Developers',
        expect: { outcome: 'success', query: 'sort(Users[].UserName)', equals: ['maria', 'sam'] },
        failure: "the group's members are not exactly maria and sam",
      },
    ],
    hints: [
      "Which single thing decides who has the group's permissions?",
      '`aws iam remove-user-from-group` is the opposite of `add-user-to-group`.',
    ],
    solution: {
      steps: [
        'aws iam remove-user-from-group --group-name Developers --user-name li',
        'aws iam add-user-to-group --group-name Developers --user-name sam',
      ],
      explanation:
        'Because the permission belongs to the group, a change of team is a change of membership. Nobody has to remember which policies the group gave li. What membership does not touch stays with her: her own policies, her access keys, her password — an audit still checks those.',
    },
    wrongAnswers: [
      {
        mistake: 'adds sam but forgets to remove li',
        steps: ['aws iam add-user-to-group --group-name Developers --user-name sam'],
        caughtBy: ['li-cannot', 'members'],
      },
      {
        mistake: 'attaches the policy to sam directly instead of adding him to the group',
        steps: [
          'aws iam remove-user-from-group --group-name Developers --user-name li',
          'aws iam attach-user-policy --user-name sam --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        ],
        caughtBy: ['members'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'User groups › Developers › Users: Remove li',
          service: 'iam',
          operation: 'RemoveUserFromGroup',
          params: { GroupName: 'Developers', UserName: 'li' },
        },
        {
          does: 'Add users: tick sam, Add users',
          service: 'iam',
          operation: 'AddUserToGroup',
          params: { GroupName: 'Developers', UserName: 'sam' },
        },
      ],
    },
  },
  {
    id: 'tidy-up',
    title: 'Move permissions from users to a group',
    goal: 'In this account someone attached `AmazonS3ReadOnlyAccess` to maria and to li directly. Move them to a group `Developers` that carries the policy, then remove the policy from both users. They must keep their access throughout.',
    start: {
      world: { seed: 'lesson-03-tidy' },
      steps: [
        ...adminSessionSteps(),
        ...team,
        'aws iam attach-user-policy --user-name maria --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'aws iam attach-user-policy --user-name li --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      ],
    },
    checks: [
      {
        id: 'maria-clean',
        kind: 'command',
        label: 'no policy is attached to maria directly',
        command: 'aws iam list-attached-user-policies --user-name maria',
        expect: { outcome: 'success', query: 'length(AttachedPolicies)', equals: 0 },
      },
      {
        id: 'li-clean',
        kind: 'command',
        label: 'no policy is attached to li directly',
        command: 'aws iam list-attached-user-policies --user-name li',
        expect: { outcome: 'success', query: 'length(AttachedPolicies)', equals: 0 },
      },
      {
        id: 'maria-reads',
        kind: 'command',
        label: 'maria can still list the buckets',
        command: 'aws s3api list-buckets --profile maria',
        expect: { outcome: 'success' },
      },
      {
        id: 'li-reads',
        kind: 'command',
        label: 'li can still list the buckets',
        command: 'aws s3api list-buckets --profile li',
        expect: { outcome: 'success' },
      },
      groupHasPolicy,
      membersMariaLi,
      noOwnPolicies,
      {
        id: 'maria-throughout',
        kind: 'order',
        label: 'maria was in the group before her own attachment was removed',
        first:
          "eventName=='AddUserToGroup' && requestParameters.userName=='maria' && requestParameters.groupName=='Developers' && errorCode == null",
        then: "eventName=='DetachUserPolicy' && requestParameters.userName=='maria' && errorCode == null",
        failure: 'maria lost her access for a while: her policy was detached before she was in the group',
      },
      {
        id: 'li-throughout',
        kind: 'order',
        label: 'li was in the group before her own attachment was removed',
        first:
          "eventName=='AddUserToGroup' && requestParameters.userName=='li' && requestParameters.groupName=='Developers' && errorCode == null",
        then: "eventName=='DetachUserPolicy' && requestParameters.userName=='li' && errorCode == null",
        failure: 'li lost her access for a while: her policy was detached before she was in the group',
      },
    ],
    hints: [
      'What order of steps means nobody is ever without a source of the permission?',
      'Create and fill the group first, then detach from the users: that order never leaves anyone without access.',
      '`aws iam detach-user-policy --user-name maria --policy-arn ...` removes a directly attached policy.',
    ],
    solution: {
      steps: [
        'aws iam create-group --group-name Developers',
        'aws iam attach-group-policy --group-name Developers --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'aws iam add-user-to-group --group-name Developers --user-name maria',
        'aws iam add-user-to-group --group-name Developers --user-name li',
        'aws iam detach-user-policy --user-name maria --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'aws iam detach-user-policy --user-name li --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      ],
      explanation:
        'Adding the group before detaching means the users always have at least one source of the permission. Afterwards the account has one place to look for "what can developers do", instead of one per person.',
    },
    wrongAnswers: [
      {
        mistake: "detaches the users' policies first, then builds the group (they are locked out in between)",
        steps: [
          'aws iam detach-user-policy --user-name maria --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws iam detach-user-policy --user-name li --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws iam create-group --group-name Developers',
          'aws iam attach-group-policy --group-name Developers --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws iam add-user-to-group --group-name Developers --user-name maria',
          'aws iam add-user-to-group --group-name Developers --user-name li',
        ],
        caughtBy: ['maria-throughout', 'li-throughout'],
      },
      {
        mistake: 'replaces the attachments with inline user policies instead of a group',
        steps: [
          `aws iam put-user-policy --user-name maria --policy-name s3read --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}'`,
          `aws iam put-user-policy --user-name li --policy-name s3read --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}'`,
          'aws iam detach-user-policy --user-name maria --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws iam detach-user-policy --user-name li --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        ],
        caughtBy: ['group-has-policy', 'members', 'no-own-policies'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'User groups › Create group: User group name Developers',
          service: 'iam',
          operation: 'CreateGroup',
          params: { GroupName: 'Developers' },
        },
        {
          does: '(same page) tick maria and li under "Add users to the group"',
          service: 'iam',
          operation: 'AddUserToGroup',
          params: { GroupName: 'Developers', UserName: 'maria' },
        },
        {
          does: '(same page, second user)',
          service: 'iam',
          operation: 'AddUserToGroup',
          params: { GroupName: 'Developers', UserName: 'li' },
        },
        {
          does: '(same page) tick AmazonS3ReadOnlyAccess under "Attach permissions policies", Create user group',
          service: 'iam',
          operation: 'AttachGroupPolicy',
          params: { GroupName: 'Developers', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
        },
        {
          does: 'Users › maria › Permissions: Remove AmazonS3ReadOnlyAccess',
          service: 'iam',
          operation: 'DetachUserPolicy',
          params: { UserName: 'maria', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
        },
        {
          does: 'Users › li › Permissions: Remove AmazonS3ReadOnlyAccess',
          service: 'iam',
          operation: 'DetachUserPolicy',
          params: { UserName: 'li', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
        },
      ],
    },
  },
]);
