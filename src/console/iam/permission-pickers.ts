/**
 * What the Create user wizard's permissions step turns into: the calls the console makes after
 * CreateUser, in its order (IAM User Guide, "Create an IAM user in your AWS account").
 */
import type { ConsoleCall } from '../../worker/api/console.ts';

/** The permissions step's choices. */
export interface PermissionChoice {
  mode: 'group' | 'copy' | 'attach';
  groups: string[];
  policies: string[];
  /** For copy: the user whose groups, managed and inline policies are copied. */
  copyFrom?: { groups: string[]; policies: string[]; inline: { name: string; document: string }[] };
}

/** The calls that give `userName` the chosen permissions. */
export function permissionCalls(userName: string, choice: PermissionChoice): ConsoleCall[] {
  const calls: ConsoleCall[] = [];
  const groups = choice.mode === 'group' ? choice.groups : choice.mode === 'copy' ? (choice.copyFrom?.groups ?? []) : [];
  const policies = choice.mode === 'attach' ? choice.policies : choice.mode === 'copy' ? (choice.copyFrom?.policies ?? []) : [];
  for (const GroupName of groups) calls.push({ service: 'iam', operation: 'AddUserToGroup', params: { GroupName, UserName: userName } });
  for (const PolicyArn of policies)
    calls.push({ service: 'iam', operation: 'AttachUserPolicy', params: { UserName: userName, PolicyArn } });
  if (choice.mode === 'copy') {
    for (const p of choice.copyFrom?.inline ?? [])
      calls.push({
        service: 'iam',
        operation: 'PutUserPolicy',
        params: { UserName: userName, PolicyName: p.name, PolicyDocument: p.document },
      });
  }
  return calls;
}

/** A console password that meets IAM's default rules and any stricter policy up to 20 characters. */
export function generatedPassword(random: () => number = Math.random): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*()_+-=[]{}|'];
  const pick = (set: string): string => set[Math.floor(random() * set.length)] ?? set[0]!;
  const chars = sets.map(pick);
  while (chars.length < 20) chars.push(pick(sets[Math.floor(random() * sets.length)] ?? sets[0]!));
  return chars.join('');
}
