// The organization journey of a learner, driven through world.run exactly as the AWS CLI is used:
// standalone root → create-organization → two accounts and an OU → move → SCP on the OU → an
// administrator IAM user of the management account → role profiles into OrganizationAccountAccessRole
// → a cross-account S3 read that works only when both sides allow.
// Sources: Organizations User Guide, "Creating a member account" and "Accessing a member account that
// has a management account access role" (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access-cross-account-role.html);
// IAM User Guide, "Cross-account policy evaluation logic" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html);
// S3 User Guide, "Troubleshoot access denied (403 Forbidden) errors" (same-organization denials carry the reason);
// CloudTrail User Guide, "CloudTrail record contents" (sharedEventID, recipientAccountId).
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { doc, json, organizationWorld, run } from './org-helpers.ts';

describe('an organization of accounts, through the CLI', () => {
  test('accounts, OUs and parents are listed as Organizations shows them', async () => {
    const { world, management, dev, prod, rootId, ou } = await organizationWorld();
    const accounts = (await json<{ Accounts: { Id: string; JoinedMethod: string }[] }>(world, 'aws organizations list-accounts')).Accounts;
    expect(accounts.map((a) => [a.Id, a.JoinedMethod])).toEqual([
      [management, 'INVITED'],
      [dev, 'CREATED'],
      [prod, 'CREATED'],
    ]);
    expect(await json(world, `aws organizations list-parents --child-id ${dev}`)).toEqual({
      Parents: [{ Id: ou, Type: 'ORGANIZATIONAL_UNIT' }],
    });
    expect(await json(world, `aws organizations list-children --parent-id ${ou} --child-type ACCOUNT`)).toEqual({
      Children: [{ Id: dev, Type: 'ACCOUNT' }],
    });
    const targets = (
      await json<{ Targets: { TargetId: string }[] }>(world, 'aws organizations list-targets-for-policy --policy-id p-FullAWSAccess')
    ).Targets.map((t) => t.TargetId);
    expect(targets.sort()).toEqual([rootId, ou, management, dev, prod].sort());
    const moveAgain = await world.run(
      `aws organizations move-account --account-id ${dev} --source-parent-id ${ou} --destination-parent-id ${ou}`,
    );
    expect(moveAgain.stderr).toContain(
      '(DuplicateAccountException) when calling the MoveAccount operation: That account is already present in the specified destination.',
    );
    const leave = await world.run(`aws organizations remove-account-from-organization --account-id ${management}`);
    expect(leave.stderr).toContain('(MasterCannotLeaveOrganizationException)');
  });

  test('a member account is refused; a second organization is refused to a member', async () => {
    const { world } = await organizationWorld();
    const listed = await world.run('aws organizations list-accounts --profile dev-admin');
    expect(listed.exitCode).toBe(254);
    expect(listed.stderr).toContain(
      "An error occurred (AccessDeniedException) when calling the ListAccounts operation: You don't have permissions to access this resource.",
    );
    const again = await world.run('aws organizations create-organization --profile dev-admin');
    expect(again.stderr).toContain(
      '(AlreadyInOrganizationException) when calling the CreateOrganization operation: This account is already a member of an organization.',
    );
  });

  test('role profiles reach OrganizationAccountAccessRole in each account; root cannot assume roles', async () => {
    const { world, dev, prod } = await organizationWorld();
    const root = await world.run(
      `aws sts assume-role --role-arn arn:aws:iam::${dev}:role/OrganizationAccountAccessRole --role-session-name root-try`,
    );
    expect(root.stderr).toContain('Roles may not be assumed by root accounts.');
    const who = await json<{ Account: string; Arn: string }>(world, 'aws sts get-caller-identity --profile dev-admin');
    expect(who.Account).toBe(dev);
    expect(who.Arn).toMatch(new RegExp(`^arn:aws:sts::${dev}:assumed-role/OrganizationAccountAccessRole/botocore-session-\\d+$`));
    expect((await json<{ Account: string }>(world, 'aws sts get-caller-identity --profile prod-admin')).Account).toBe(prod);
  });

  test('the SCP on the OU binds the account in it, not the one at the root', async () => {
    const { world } = await organizationWorld();
    await run(world, 'aws s3api create-bucket --bucket dev-scratch --profile dev-admin');
    const denied = await world.run('aws s3api delete-bucket --bucket dev-scratch --profile dev-admin');
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain('on resource: "arn:aws:s3:::dev-scratch" with an explicit deny in a service control policy');
    await run(world, 'aws s3api create-bucket --bucket prod-scratch --profile prod-admin');
    await run(world, 'aws s3api delete-bucket --bucket prod-scratch --profile prod-admin');
    // Bucket names are shared by every account.
    const taken = await world.run('aws s3api create-bucket --bucket dev-scratch --profile prod-admin');
    expect(taken.stderr).toContain(
      '(BucketAlreadyExists) when calling the CreateBucket operation: The requested bucket name is not available.',
    );
  });

  test('a cross-account S3 read needs the bucket policy AND the caller identity policy', async () => {
    const { world, management, dev, prod } = await organizationWorld();
    world.writeFile('report.txt', 'quarterly numbers\n');
    await run(world, 'aws s3api create-bucket --bucket prod-reports --profile prod-admin');
    await run(world, 'aws s3api put-object --bucket prod-reports --key report.txt --body report.txt --profile prod-admin');
    // 1. No bucket policy: the resource side does not allow.
    const noPolicy = await world.run('aws s3api get-object --bucket prod-reports --key report.txt out.txt --profile dev-admin');
    expect(noPolicy.exitCode).toBe(254);
    expect(noPolicy.stderr).toMatch(
      new RegExp(
        `User: arn:aws:sts::${dev}:assumed-role/OrganizationAccountAccessRole/botocore-session-\\d+ is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::prod-reports/report.txt" because no resource-based policy allows the s3:GetObject action`,
      ),
    );
    // 2. The bucket policy trusts the dev account: the role's AdministratorAccess allows the caller side.
    await run(
      world,
      `aws s3api put-bucket-policy --bucket prod-reports --profile prod-admin --policy ${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${dev}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::prod-reports/*' }] })}`,
    );
    await run(world, 'aws s3api get-object --bucket prod-reports --key report.txt out.txt --profile dev-admin');
    expect(world.readFile('out.txt')).toBe('quarterly numbers\n');
    // 3. A dev role without permissions: the bucket allows the account, but the caller side does not.
    await run(
      world,
      `aws iam create-role --role-name auditor --profile dev-admin --assume-role-policy-document ${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${management}:root` }, Action: 'sts:AssumeRole' }] })}`,
    );
    await run(world, `aws configure set role_arn arn:aws:iam::${dev}:role/auditor --profile dev-auditor`);
    await run(world, 'aws configure set source_profile admin --profile dev-auditor');
    const noIdentity = await world.run('aws s3api get-object --bucket prod-reports --key report.txt out2.txt --profile dev-auditor');
    expect(noIdentity.stderr).toMatch(
      /assumed-role\/auditor\/botocore-session-\d+ is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::prod-reports\/report.txt" because no identity-based policy allows the s3:GetObject action/,
    );
    // The management account's trail and the prod account's trail each have their own records.
    const prodTrail = world.trail(prod).Records;
    expect(prodTrail.some((r) => r['eventName'] === 'PutBucketPolicy')).toBe(true);
    expect(world.trail(management).Records.some((r) => r['eventName'] === 'PutBucketPolicy')).toBe(false);
  });

  test('a cross-account AssumeRole is recorded in both accounts with one sharedEventID', async () => {
    const { world, management, dev } = await organizationWorld();
    await run(world, 'aws sts get-caller-identity --profile dev-admin');
    const inManagement = world.trail(management).Records.filter((r) => r['eventName'] === 'AssumeRole');
    const inDev = world.trail(dev).Records.filter((r) => r['eventName'] === 'AssumeRole');
    expect(inManagement).toHaveLength(1);
    expect(inDev).toHaveLength(1);
    const [a, b] = [inManagement[0] ?? {}, inDev[0] ?? {}];
    expect(a['sharedEventID']).toBeTypeOf('string');
    expect(b['sharedEventID']).toBe(a['sharedEventID']);
    expect(a['eventID']).not.toBe(b['eventID']);
    expect(a['recipientAccountId']).toBe(management);
    expect(b['recipientAccountId']).toBe(dev);
    expect(a['userIdentity']).toMatchObject({ type: 'IAMUser', userName: 'admin', accountId: management });
    // The role's account sees the caller as an AWSAccount (CloudTrail User Guide, "CloudTrail userIdentity element").
    expect(b['userIdentity']).toEqual({
      type: 'AWSAccount',
      principalId: (a['userIdentity'] as { principalId: string }).principalId,
      accountId: management,
    });
    expect(a['resources']).toEqual([
      { accountId: dev, type: 'AWS::IAM::Role', ARN: `arn:aws:iam::${dev}:role/OrganizationAccountAccessRole` },
    ]);
    // The call made with the role's credentials is recorded in the role's account only.
    const calls = world.trail(dev).Records.filter((r) => r['eventName'] === 'GetCallerIdentity');
    expect(calls).toHaveLength(1);
    expect(world.trail(management).Records.some((r) => r['eventName'] === 'GetCallerIdentity')).toBe(false);
  });

  test('the world with its organization survives save and restore', async () => {
    const { world, dev } = await organizationWorld();
    const restored = createWorld({ snapshot: JSON.parse(JSON.stringify(world.save())) });
    expect(restored.accountIds()).toEqual(world.accountIds());
    expect((await json<{ Account: string }>(restored, 'aws sts get-caller-identity --profile dev-admin')).Account).toBe(dev);
  });
});

describe('a lesson world with a shipped CLI configuration', () => {
  // AWS CLI User Guide, "Configuration and credential file settings": profiles in ~/.aws/config, listed by `aws configure list-profiles`.
  test('createWorld({ cliConfig }) starts with the profiles; bad settings are refused', async () => {
    const world = createWorld({
      cliConfig: {
        profiles: {
          'dev-admin': { role_arn: 'arn:aws:iam::111122223333:role/Admin', source_profile: 'default' },
          'prod-readonly': { region: 'eu-west-1' },
        },
      },
    });
    expect(await run(world, 'aws configure list-profiles')).toBe('default\ndev-admin\nprod-readonly\n');
    expect(() => createWorld({ cliConfig: { profiles: { x: { region: 1 as unknown as string } } } })).toThrow(
      'cliConfig.profiles.x must map setting names to string values',
    );
  });
});
