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
  /** How the typed value becomes the option's value (a lookup attribute from a user name); as typed when absent. */
  wrap?: (value: string) => string;
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
      { name: 'role', label: 'Role ARN', placeholder: 'arn:aws:iam::111122223333:role/Admin', option: '--role-arn' },
      { name: 'session', label: 'Session name', placeholder: 'me', option: '--role-session-name' },
      profile,
    ],
  },
  { id: 'list-buckets', label: 'List S3 buckets', base: 'aws s3api list-buckets', fields: [profile] },
  // Lessons 7–12 (learners review m9): roles, inline and bucket policies from files of the file editor, MFA, the trail.
  {
    id: 'create-role',
    label: 'Create a role (trust policy from a file)',
    base: 'aws iam create-role',
    fields: [
      { name: 'role', label: 'Role name', placeholder: 'ReportsReader', option: '--role-name' },
      {
        name: 'trust',
        label: 'Trust policy (a file saved in the file editor)',
        placeholder: 'file://trust.json',
        option: '--assume-role-policy-document',
      },
      profile,
    ],
  },
  {
    id: 'put-user-policy',
    label: 'Put an inline policy on a user (from a file)',
    base: 'aws iam put-user-policy',
    fields: [
      userName,
      { name: 'name', label: 'Policy name', placeholder: 'ReadReports', option: '--policy-name' },
      {
        name: 'document',
        label: 'Policy document (a file saved in the file editor)',
        placeholder: 'file://policy.json',
        option: '--policy-document',
      },
      profile,
    ],
  },
  {
    id: 'put-bucket-policy',
    label: 'Set a bucket policy (from a file)',
    base: 'aws s3api put-bucket-policy',
    fields: [
      { name: 'bucket', label: 'Bucket', placeholder: 'dojo-shared', option: '--bucket' },
      {
        name: 'document',
        label: 'Bucket policy (a file saved in the file editor)',
        placeholder: 'file://bucket-policy.json',
        option: '--policy',
      },
      profile,
    ],
  },
  {
    id: 'create-mfa',
    label: 'Create a virtual MFA device (seed saved to a file)',
    base: 'aws iam create-virtual-mfa-device --bootstrap-method Base32StringSeed',
    fields: [
      { name: 'device', label: 'Device name', placeholder: 'ana-phone', option: '--virtual-mfa-device-name' },
      { name: 'outfile', label: 'Seed file', placeholder: 'ana-seed.txt', option: '--outfile' },
      profile,
    ],
  },
  {
    id: 'lookup-events',
    label: "CloudTrail: one user's recent events",
    base: 'aws cloudtrail lookup-events --max-items 20',
    fields: [
      {
        name: 'who',
        label: 'User name (or role session name)',
        placeholder: 'alice',
        option: '--lookup-attributes',
        wrap: (value) => `AttributeKey=Username,AttributeValue=${value}`,
      },
      profile,
    ],
  },
];

/** The command line a form builds from the values typed into it. */
export function buildCommand(form: CommandForm, values: Record<string, string>): string {
  const parts = [form.base];
  for (const field of form.fields) {
    const value = (values[field.name] ?? '').trim();
    if (value === '' && field.optional) continue;
    const typed = value || field.placeholder;
    parts.push(field.option, shellQuote(field.wrap ? field.wrap(typed) : typed));
  }
  return parts.join(' ');
}
