/** Test helpers: an organization built through the CLI as a learner builds it (see organization-journey.test.ts). */
import { expect } from 'vitest';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';

/** Runs a command line and expects exit 0; answers stdout. */
export async function run(world: World, line: string): Promise<string> {
  const r = await world.run(line);
  if (r.exitCode !== 0) throw new Error(`${line}\n${r.stderr}`);
  return r.stdout;
}

/** Runs a command line and parses its JSON output. */
export async function json<T = Record<string, unknown>>(world: World, line: string): Promise<T> {
  return JSON.parse(await run(world, line)) as T;
}

/** A policy document as a shell-quoted argument. */
export const doc = (value: unknown) => `'${JSON.stringify(value)}'`;

/** Standalone root → organization (SCPs enabled) → accounts dev (in OU Workloads, with SCP NoBucketDeletes) and prod → admin user and role profiles dev-admin / prod-admin. */
export async function organizationWorld() {
  const world = createWorld({ organization: null, seed: 'journey' });
  const org = await json<{ Organization: { Id: string; MasterAccountId: string } }>(
    world,
    'aws organizations create-organization --feature-set ALL',
  );
  const management = org.Organization.MasterAccountId;
  const rootId = (await json<{ Roots: { Id: string }[] }>(world, 'aws organizations list-roots')).Roots[0]?.Id ?? '';
  await run(world, `aws organizations enable-policy-type --root-id ${rootId} --policy-type SERVICE_CONTROL_POLICY`);
  const accountId = async (name: string): Promise<string> => {
    const created = await json<{ CreateAccountStatus: { Id: string; State: string } }>(
      world,
      `aws organizations create-account --email ${name}@example.com --account-name ${name}`,
    );
    expect(created.CreateAccountStatus.State).toBe('IN_PROGRESS');
    const status = await json<{ CreateAccountStatus: { State: string; AccountId: string } }>(
      world,
      `aws organizations describe-create-account-status --create-account-request-id ${created.CreateAccountStatus.Id}`,
    );
    expect(status.CreateAccountStatus.State).toBe('SUCCEEDED');
    return status.CreateAccountStatus.AccountId;
  };
  const dev = await accountId('dev');
  const prod = await accountId('prod');
  const ou = (
    await json<{ OrganizationalUnit: { Id: string; Path: string } }>(
      world,
      `aws organizations create-organizational-unit --parent-id ${rootId} --name Workloads`,
    )
  ).OrganizationalUnit;
  expect(ou.Path).toBe(`${org.Organization.Id}/${rootId}/${ou.Id}/`);
  await run(world, `aws organizations move-account --account-id ${dev} --source-parent-id ${rootId} --destination-parent-id ${ou.Id}`);
  const scp = await json<{ Policy: { PolicySummary: { Id: string } } }>(
    world,
    `aws organizations create-policy --name NoBucketDeletes --type SERVICE_CONTROL_POLICY --description none --content ${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }] })}`,
  );
  await run(world, `aws organizations attach-policy --policy-id ${scp.Policy.PolicySummary.Id} --target-id ${ou.Id}`);
  // The management account's administrator: the root user cannot assume roles.
  await run(world, 'aws iam create-user --user-name admin');
  await run(world, 'aws iam attach-user-policy --user-name admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
  await run(world, 'aws iam create-access-key --user-name admin');
  for (const [profile, account] of [
    ['dev-admin', dev],
    ['prod-admin', prod],
  ] as const) {
    await run(world, `aws configure set role_arn arn:aws:iam::${account}:role/OrganizationAccountAccessRole --profile ${profile}`);
    await run(world, `aws configure set source_profile admin --profile ${profile}`);
  }
  return { world, management, dev, prod, rootId, ou: ou.Id };
}
