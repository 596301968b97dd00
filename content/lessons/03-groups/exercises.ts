/**
 * Exercises of lesson 3: permissions through group membership. Sources: IAM User Guide, "IAM user
 * groups", "Create IAM groups", "Edit users in IAM groups" and "Attach a policy to an IAM user group".
 */
import { defineExercises } from '../../../src/course/exercise.ts';

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
    start: { world: { seed: 'lesson-03' }, steps: team },
    checks: [
      { id: 'maria-reads', kind: 'command', label: 'maria can list the S3 buckets', command: 'aws s3api list-buckets --profile maria', expect: { outcome: 'success' } },
      { id: 'li-reads', kind: 'command', label: 'li can list the S3 buckets', command: 'aws s3api list-buckets --profile li', expect: { outcome: 'success' } },
      { id: 'sam-cannot', kind: 'command', label: 'sam still cannot', command: 'aws s3api list-buckets --profile sam', expect: { outcome: 'failure', errorCode: 'AccessDenied' } },
      {
        id: 'through-group',
        kind: 'command',
        label: 'the permission comes from the group, not from maria herself',
        command: 'aws iam list-attached-user-policies --user-name maria',
        expect: { outcome: 'success', query: 'length(AttachedPolicies)', equals: 0 },
      },
    ],
    hints: [
      'Three commands do it: `aws iam create-group`, `aws iam attach-group-policy` and `aws iam add-user-to-group` (once per user).',
      'The policy ARN is `arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`.',
    ],
    solution: {
      steps: [
        'aws iam create-group --group-name Developers',
        'aws iam attach-group-policy --group-name Developers --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'aws iam add-user-to-group --group-name Developers --user-name maria',
        'aws iam add-user-to-group --group-name Developers --user-name li',
      ],
      explanation: 'A user gets the permissions of every group they belong to, on top of their own. The policy is attached once, to the group, and membership decides who has it.',
    },
  },
  {
    id: 'team-change',
    title: 'Someone joins, someone leaves',
    goal: 'li has moved to the finance team, and sam has joined the developers. Change the group membership so that sam can read S3 and li no longer can — without touching any policy.',
    start: { continueFromPrevious: true },
    checks: [
      { id: 'sam-reads', kind: 'command', label: 'sam can list the S3 buckets', command: 'aws s3api list-buckets --profile sam', expect: { outcome: 'success' } },
      { id: 'li-cannot', kind: 'command', label: 'li can no longer list them', command: 'aws s3api list-buckets --profile li', expect: { outcome: 'failure', errorCode: 'AccessDenied' } },
      { id: 'maria-still', kind: 'command', label: 'maria still can', command: 'aws s3api list-buckets --profile maria', expect: { outcome: 'success' } },
      {
        id: 'members',
        kind: 'command',
        label: 'Developers has exactly maria and sam',
        command: 'aws iam get-group --group-name Developers',
        expect: { outcome: 'success', query: 'sort(Users[].UserName)', equals: ['maria', 'sam'] },
      },
    ],
    hints: ['`aws iam remove-user-from-group` is the opposite of `add-user-to-group`.'],
    solution: {
      steps: ['aws iam remove-user-from-group --group-name Developers --user-name li', 'aws iam add-user-to-group --group-name Developers --user-name sam'],
      explanation: 'Because the permission belongs to the group, a change of team is a change of membership. Nobody has to remember which policies li had, and nothing lingers after she leaves.',
    },
  },
  {
    id: 'tidy-up',
    title: 'Move permissions from users to a group',
    goal: 'In this account someone attached `AmazonS3ReadOnlyAccess` to maria and to li directly. Move them to a group `Developers` that carries the policy, then remove the policy from both users. They must keep their access throughout.',
    start: {
      world: { seed: 'lesson-03-tidy' },
      steps: [
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
      { id: 'maria-reads', kind: 'command', label: 'maria can still list the buckets', command: 'aws s3api list-buckets --profile maria', expect: { outcome: 'success' } },
      { id: 'li-reads', kind: 'command', label: 'li can still list the buckets', command: 'aws s3api list-buckets --profile li', expect: { outcome: 'success' } },
    ],
    hints: [
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
      explanation: 'Adding the group before detaching means the users always have at least one source of the permission. Afterwards the account has one place to look for "what can developers do", instead of one per person.',
    },
  },
]);
