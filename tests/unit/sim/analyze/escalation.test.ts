/**
 * findEscalationPaths over real worlds: each technique's edge is decided by the engine, paths are
 * shortest, and replaying a path's commands in the world really escalates (the final principal
 * can then do what an administrator can); fixing the policy makes the path disappear.
 * Techniques: Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation"
 * (https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/).
 */
import { describe, expect, it } from 'vitest';
import { findEscalationPaths, type EscalationPath } from '../../../../src/sim/analyze/escalation.ts';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';
import { awsManagedDocument, loadAwsManagedDocuments } from '../../../../src/sim/managed/index.ts';

const allow = (Action: string | string[], Resource = '*'): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action, Resource }] });

async function world(commands: string[]): Promise<World> {
  const w = createWorld({ seed: 'escalation' });
  for (const line of commands) {
    const r = await w.run(line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  return w;
}

async function paths(w: World): Promise<EscalationPath[]> {
  await loadAwsManagedDocuments(['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
  return findEscalationPaths([{ details: w.exportAuthorizationDetails() }], { managedPolicyDocument: (arn) => awsManagedDocument(arn) });
}

/** Runs every command of a path, then checks the escalated profile can act as an administrator. */
async function replay(w: World, path: EscalationPath): Promise<string> {
  for (const step of path.Steps) {
    for (const c of step.Commands) {
      const r = await w.run(c);
      expect(r.exitCode, `${c}\n${r.stderr}`).toBe(0);
    }
  }
  const last = path.Steps.at(-1)?.Commands.at(-1) ?? '';
  return /--profile (\S+)$/.exec(last)?.[1] ?? '';
}

const user = (name: string, policy: string): string[] => [
  `aws iam create-user --user-name ${name}`,
  `aws iam create-access-key --user-name ${name}`,
  `aws iam put-user-policy --user-name ${name} --policy-name p --policy-document '${policy}'`,
];

describe('findEscalationPaths', () => {
  it('a user who may attach policies to herself escalates in one step, and the replay makes her admin', async () => {
    const w = await world(user('alice', allow(['iam:AttachUserPolicy', 'iam:ListUsers'], 'arn:aws:iam::*:user/alice')));
    const [p, ...rest] = await paths(w);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      From: 'arn:aws:iam::123456789012:user/alice',
      To: 'admin',
      Steps: [{ Technique: 'AttachUserPolicy', Action: 'iam:AttachUserPolicy' }],
    });
    expect((await w.run('aws iam create-user --user-name mallory --profile alice')).exitCode).not.toBe(0);
    const profile = await replay(w, p as EscalationPath);
    expect(profile).toBe('alice');
    expect((await w.run('aws iam create-user --user-name mallory --profile alice')).exitCode).toBe(0);
  });

  it('two steps: an access key for an admin-capable user; the shortest path is reported', async () => {
    const w = await world([
      ...user('alice', allow('iam:CreateAccessKey', 'arn:aws:iam::*:user/bob')),
      ...user('bob', allow('iam:PutUserPolicy', 'arn:aws:iam::*:user/bob')),
    ]);
    const found = await paths(w);
    const alice = found.find((p) => p.From.endsWith(':user/alice'));
    expect(alice?.Steps.map((s) => s.Technique)).toEqual(['CreateAccessKey', 'PutUserPolicy']);
    expect(alice?.To).toBe('arn:aws:iam::123456789012:user/bob');
    const profile = await replay(w, alice as EscalationPath);
    expect((await w.run(`aws iam create-user --user-name mallory --profile ${profile}`)).exitCode).toBe(0);
  });

  it('rewriting a role trust policy and assuming the role; fixing the policy removes the path', async () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const w = await world([
      ...user('carol', allow(['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], 'arn:aws:iam::*:role/Ops')),
      `aws iam create-role --role-name Ops --assume-role-policy-document '${trust}'`,
      'aws iam attach-role-policy --role-name Ops --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    ]);
    const found = await paths(w);
    const carol = found.find((p) => p.From.endsWith(':user/carol')) as EscalationPath;
    expect(carol.Steps.map((s) => s.Technique)).toEqual(['UpdateAssumeRolePolicy']);
    expect(carol.To).toBe('arn:aws:iam::123456789012:role/Ops');
    const profile = await replay(w, carol);
    expect(profile).toBe('escalate-Ops');
    expect((await w.run(`aws iam create-user --user-name mallory --profile ${profile}`)).exitCode).toBe(0);

    const fixed = await world([
      ...user('carol', allow(['sts:AssumeRole'], 'arn:aws:iam::*:role/Ops')),
      `aws iam create-role --role-name Ops --assume-role-policy-document '${trust}'`,
      'aws iam attach-role-policy --role-name Ops --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    ]);
    expect(await paths(fixed)).toEqual([]);
  });

  it('CreatePolicyVersion on a policy attached through a group; a boundary stops it', async () => {
    const w = await world([
      'aws iam create-policy --policy-name Team --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}]}\'',
      'aws iam create-group --group-name devs',
      'aws iam attach-group-policy --group-name devs --policy-arn arn:aws:iam::123456789012:policy/Team',
      'aws iam create-user --user-name dan',
      'aws iam create-access-key --user-name dan',
      'aws iam add-user-to-group --group-name devs --user-name dan',
    ]);
    const dan = (await paths(w)).find((p) => p.From.endsWith(':user/dan')) as EscalationPath;
    expect(dan.Steps.map((s) => s.Technique)).toEqual(['CreatePolicyVersion']);
    const profile = await replay(w, dan);
    expect((await w.run(`aws iam create-user --user-name mallory --profile ${profile}`)).exitCode).toBe(0);

    const bounded = await world([
      'aws iam create-policy --policy-name Team --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}]}\'',
      'aws iam create-user --user-name dan',
      'aws iam attach-user-policy --user-name dan --policy-arn arn:aws:iam::123456789012:policy/Team',
      'aws iam put-user-permissions-boundary --user-name dan --permissions-boundary arn:aws:iam::aws:policy/ReadOnlyAccess',
    ]);
    expect((await paths(bounded)).filter((p) => p.From.endsWith(':user/dan'))).toEqual([]);
  });

  it('nobody escalates in a world of read-only users; admins are not listed as paths', async () => {
    const w = await world([...user('erin', allow(['s3:GetObject', 'iam:Get*', 'iam:List*'])), ...user('root-like', allow('*'))]);
    expect(await paths(w)).toEqual([]);
  });
});
