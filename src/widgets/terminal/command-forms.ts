/**
 * The Terminal's form alternative: common commands as small forms, for learners new to the CLI.
 * Each form shows the exact command line it builds, so the form teaches the CLI rather than hiding it.
 */
import { shellQuote } from '../Terminal.svelte.ts';

/** One field of a command form. */
export interface FormField {
  name: string;
  label: string;
  placeholder: string;
  /** The CLI option the field fills; omitted for --profile which is global. */
  option: string;
  optional?: boolean;
}

/** A command a learner can run from a form. */
export interface CommandForm {
  id: string;
  label: string;
  base: string;
  fields: FormField[];
}

const userName: FormField = { name: 'user', label: 'User name', placeholder: 'alice', option: '--user-name' };
const groupName: FormField = { name: 'group', label: 'Group name', placeholder: 'developers', option: '--group-name' };
const profile: FormField = {
  name: 'profile',
  label: 'As IAM user (profile, optional)',
  placeholder: 'alice',
  option: '--profile',
  optional: true,
};

/** The forms offered, in the order a beginner meets them. */
export const COMMAND_FORMS: readonly CommandForm[] = [
  { id: 'whoami', label: 'Who am I? (sts get-caller-identity)', base: 'aws sts get-caller-identity', fields: [profile] },
  { id: 'list-users', label: 'List users', base: 'aws iam list-users', fields: [profile] },
  { id: 'create-user', label: 'Create a user', base: 'aws iam create-user', fields: [userName, profile] },
  { id: 'create-key', label: 'Create an access key for a user', base: 'aws iam create-access-key', fields: [userName, profile] },
  {
    id: 'attach-user-policy',
    label: 'Attach a managed policy to a user',
    base: 'aws iam attach-user-policy',
    fields: [
      userName,
      { name: 'arn', label: 'Policy ARN', placeholder: 'arn:aws:iam::aws:policy/ReadOnlyAccess', option: '--policy-arn' },
      profile,
    ],
  },
  { id: 'create-group', label: 'Create a group', base: 'aws iam create-group', fields: [groupName, profile] },
  {
    id: 'add-to-group',
    label: 'Add a user to a group',
    base: 'aws iam add-user-to-group',
    fields: [groupName, userName, profile],
  },
  {
    id: 'assume-role',
    label: 'Assume a role',
    base: 'aws sts assume-role',
    fields: [
      { name: 'role', label: 'Role ARN', placeholder: 'arn:aws:iam::123456789012:role/Admin', option: '--role-arn' },
      { name: 'session', label: 'Session name', placeholder: 'me', option: '--role-session-name' },
      profile,
    ],
  },
  { id: 'list-buckets', label: 'List S3 buckets', base: 'aws s3api list-buckets', fields: [profile] },
];

/** The command line a form builds from the values typed into it. */
export function buildCommand(form: CommandForm, values: Record<string, string>): string {
  const parts = [form.base];
  for (const field of form.fields) {
    const value = (values[field.name] ?? '').trim();
    if (value === '' && field.optional) continue;
    parts.push(field.option, shellQuote(value || field.placeholder));
  }
  return parts.join(' ');
}
