// Cross-account rules of a world with an organization: the request context keys AWS adds for
// principals and resources in an organization, data-perimeter conditions on them, SCPs written in
// the full policy language, and the organization trail.
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { doc, json, organizationWorld, run } from '../world/org-helpers.ts';

describe('request context across accounts', () => {
  // IAM User Guide, "AWS global condition context keys" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
  // aws:PrincipalOrgID / aws:PrincipalOrgPaths "only if the principal is a member of an organization";
  // aws:ResourceOrgID / aws:ResourceOrgPaths "only if the account that owns the resource is a member of an organization".
  test('organization keys are present for principals and resources in the organization', async () => {
    const { world, dev, prod, rootId, ou } = await organizationWorld();
    const orgId = world.organization()?.organizationId ?? '';
    await run(world, 'aws s3api create-bucket --bucket prod-keys --profile prod-admin');
    await world.run('aws s3api list-objects-v2 --bucket prod-keys --profile dev-admin');
    const context = world.lastDecisions().at(-1)?.request.context ?? {};
    expect(context['aws:PrincipalAccount']).toBe(dev);
    expect(context['aws:ResourceAccount']).toBe(prod);
    expect(context['aws:PrincipalOrgID']).toBe(orgId);
    expect(context['aws:PrincipalOrgPaths']).toEqual([`${orgId}/${rootId}/${ou}/`]);
    expect(context['aws:ResourceOrgID']).toBe(orgId);
    expect(context['aws:ResourceOrgPaths']).toEqual([`${orgId}/${rootId}/`]);
    expect(context['aws:PrincipalIsAWSService']).toBe(false);
  });

  test('a standalone account has no organization keys', async () => {
    const world = createWorld({ organization: null });
    await run(world, 'aws iam list-users');
    const context = world.lastDecisions().at(-1)?.request.context ?? {};
    for (const key of ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:ResourceOrgID', 'aws:ResourceOrgPaths'])
      expect(context).not.toHaveProperty(key);
    expect(context['aws:PrincipalAccount']).toBe('123456789012');
  });

  // IAM User Guide, aws:PrincipalOrgID: "grant access to every account in your organization" from a resource policy.
  test('a bucket policy granting the organization by aws:PrincipalOrgID lets every member account read, and nobody else', async () => {
    const { world, dev } = await organizationWorld();
    const orgId = world.organization()?.organizationId ?? '';
    world.writeFile('a.txt', 'a');
    await run(world, 'aws s3api create-bucket --bucket org-shared --profile prod-admin');
    await run(world, 'aws s3api put-object --bucket org-shared --key a.txt --body a.txt --profile prod-admin');
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::org-shared/*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': orgId } },
        },
      ],
    };
    await run(world, `aws s3api put-bucket-policy --bucket org-shared --profile prod-admin --policy ${doc(policy)}`);
    await run(world, 'aws s3api get-object --bucket org-shared --key a.txt out.txt --profile dev-admin');
    // The management account's admin is in the organization too.
    await run(world, 'aws s3api get-object --bucket org-shared --key a.txt out.txt --profile admin');
    // An account that leaves the organization loses access; outside the organization S3 gives no reason.
    await run(world, `aws organizations remove-account-from-organization --account-id ${dev}`);
    expect(world.organization()?.accounts[dev]).toBeUndefined();
    const left = await world.run('aws s3api get-object --bucket org-shared --key a.txt out.txt --profile dev-admin');
    expect(left.stderr).toContain('An error occurred (AccessDenied) when calling the GetObject operation: Access Denied');
  });
});

describe('SCPs in the full policy language', () => {
  // Organizations User Guide, "SCP syntax" (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html):
  // since September 2025 SCPs support the full IAM language: Allow with conditions, NotAction, NotResource, wildcards anywhere.
  test('Allow with a condition, NotAction and NotResource SCPs are accepted and decide requests', async () => {
    const { world, ou } = await organizationWorld();
    const scp = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
        { Effect: 'Allow', NotAction: ['iam:Create*User', 's3:*'], NotResource: 'arn:aws:iam::*:user/break-glass' },
      ],
    };
    const created = await json<{ Policy: { PolicySummary: { Id: string } } }>(
      world,
      `aws organizations create-policy --name RegionAllow --type SERVICE_CONTROL_POLICY --description d --content ${doc(scp)}`,
    );
    const id = created.Policy.PolicySummary.Id;
    await run(world, `aws organizations attach-policy --policy-id ${id} --target-id ${ou}`);
    await run(world, `aws organizations detach-policy --policy-id p-FullAWSAccess --target-id ${ou}`);
    await run(world, 'aws s3api list-buckets --profile dev-admin');
    const region = await world.run('aws s3api list-buckets --region eu-west-1 --profile dev-admin');
    expect(region.stderr).toContain('because no service control policy allows the s3:ListAllMyBuckets action');
    await run(world, 'aws iam list-roles --profile dev-admin');
    const user = await world.run('aws iam create-user --user-name bob --profile dev-admin');
    expect(user.stderr).toContain('because no service control policy allows the iam:CreateUser action');
  });
});

describe('organization trail', () => {
  // CloudTrail User Guide, "Creating a trail for an organization" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html):
  // created in the management account, it logs the events of the management account and every member account.
  test('create-trail --is-organization-trail collects every account’s management events; members cannot create one', async () => {
    const { world, management, dev, prod } = await organizationWorld();
    await run(world, 'aws s3api create-bucket --bucket org-trail-logs');
    const trail = await json<{ IsOrganizationTrail: boolean }>(
      world,
      'aws cloudtrail create-trail --name org --s3-bucket-name org-trail-logs --is-organization-trail',
    );
    expect(trail.IsOrganizationTrail).toBe(true);
    await run(world, 'aws iam list-users --profile dev-admin');
    await run(world, 'aws iam list-roles --profile prod-admin');
    const records = world.organizationTrail().Records;
    const recipients = new Set(records.map((r) => r['recipientAccountId']));
    expect([...recipients].sort()).toEqual([management, dev, prod].sort());
    expect(records.some((r) => r['eventName'] === 'ListUsers' && r['recipientAccountId'] === dev)).toBe(true);
    // Event history stays per account: the management account does not see the member's call.
    const lookup = await json<{ Events: { EventName: string }[] }>(world, 'aws cloudtrail lookup-events');
    expect(lookup.Events.some((e) => e.EventName === 'ListRoles')).toBe(false);
    await run(world, 'aws s3api create-bucket --bucket dev-logs --profile dev-admin');
    const member = await world.run(
      'aws cloudtrail create-trail --name mine --s3-bucket-name dev-logs --is-organization-trail --profile dev-admin',
    );
    expect(member.stderr).toContain('(NotOrganizationMasterAccountException)');
  });
});

describe('principals and sessions across accounts', () => {
  // IAM User Guide, "AWS JSON policy elements: Principal": IAM resolves user and role principals when the policy is saved.
  test('a trust policy naming a missing role of another simulated account is refused', async () => {
    const { world, dev, prod } = await organizationWorld();
    const trust = (arn: string) =>
      doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' }] });
    const missing = await world.run(
      `aws iam create-role --role-name from-dev --profile prod-admin --assume-role-policy-document ${trust(`arn:aws:iam::${dev}:role/nobody`)}`,
    );
    expect(missing.stderr).toContain(
      `(MalformedPolicyDocument) when calling the CreateRole operation: Invalid principal in policy: "AWS":"arn:aws:iam::${dev}:role/nobody"`,
    );
    await run(
      world,
      `aws iam create-role --role-name from-dev --profile prod-admin --assume-role-policy-document ${trust(`arn:aws:iam::${dev}:role/OrganizationAccountAccessRole`)}`,
    );
    // Role chaining across accounts: management admin → dev role → prod role (IAM User Guide, "Role chaining").
    await run(world, `aws configure set role_arn arn:aws:iam::${prod}:role/from-dev --profile chained`);
    await run(world, 'aws configure set source_profile dev-admin --profile chained');
    const who = await json<{ Arn: string }>(world, 'aws sts get-caller-identity --profile chained');
    expect(who.Arn).toMatch(new RegExp(`^arn:aws:sts::${prod}:assumed-role/from-dev/`));
  });

  // IAM User Guide, "Access to AWS accounts owned by third parties": sts:ExternalId in the trust policy across accounts.
  test('external_id in a role profile satisfies the trust policy of another account', async () => {
    const { world, management, prod } = await organizationWorld();
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${management}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'abc-123' } },
        },
      ],
    };
    await run(world, `aws iam create-role --role-name partner --profile prod-admin --assume-role-policy-document ${doc(trust)}`);
    await run(world, `aws configure set role_arn arn:aws:iam::${prod}:role/partner --profile partner`);
    await run(world, 'aws configure set source_profile admin --profile partner');
    const without = await world.run('aws sts get-caller-identity --profile partner');
    expect(without.stderr).toContain(`is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${prod}:role/partner`);
    await run(world, 'aws configure set external_id abc-123 --profile partner');
    expect((await json<{ Account: string }>(world, 'aws sts get-caller-identity --profile partner')).Account).toBe(prod);
  });
});
