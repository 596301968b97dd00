// Account-level S3 Block Public Access through the CLI (`aws s3control … --account-id`).
// Sources: Amazon S3 API Reference, S3 Control "PutPublicAccessBlock" (needs s3:PutAccountPublicAccessBlock),
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PutPublicAccessBlock.html, "GetPublicAccessBlock",
// "DeletePublicAccessBlock"; "PublicAccessBlockConfiguration" (S3 Control: settings left out are false;
// RestrictPublicBuckets blocks "public and cross-account access within any public bucket policy"),
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PublicAccessBlockConfiguration.html;
// S3 User Guide, "Configuring block public access settings for your S3 buckets" ("S3 applies the most
// restrictive setting between bucket-level and effective account-level configurations"),
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-bucket.html;
// AWS News Blog, "Heads-Up: Amazon S3 Security Changes Are Coming in April of 2023" (new *buckets*
// start blocked; nothing is said of accounts, and a new account has no account-level configuration).
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../../src/sim/world/index.ts';
import { doc, json, organizationWorld, run } from '../../world/org-helpers.ts';

const publicRead = (bucket: string) =>
  doc({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  });

const account = async (world: ReturnType<typeof createWorld>, profile = '') =>
  (await json<{ Account: string }>(world, `aws sts get-caller-identity${profile}`)).Account;

describe('account-level S3 Block Public Access (s3control)', () => {
  test('a new account has no configuration: NoSuchPublicAccessBlockConfiguration', async () => {
    const world = createWorld();
    const id = await account(world);
    const got = await world.run(`aws s3control get-public-access-block --account-id ${id}`);
    expect(got.exitCode).toBe(254);
    expect(got.stderr).toBe(
      '\nAn error occurred (NoSuchPublicAccessBlockConfiguration) when calling the GetPublicAccessBlock operation: The public access block configuration was not found\n',
    );
  });

  test('put, get and delete; settings left out are false; the trail logs them under s3.amazonaws.com', async () => {
    const world = createWorld();
    const id = await account(world);
    await run(world, `aws s3control put-public-access-block --account-id ${id} --public-access-block-configuration BlockPublicPolicy=true`);
    expect(await json(world, `aws s3control get-public-access-block --account-id ${id}`)).toEqual({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: false,
        IgnorePublicAcls: false,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: false,
      },
    });
    await run(world, `aws s3control delete-public-access-block --account-id ${id}`);
    expect((await world.run(`aws s3control get-public-access-block --account-id ${id}`)).stderr).toContain(
      'NoSuchPublicAccessBlockConfiguration',
    );
    const records = world.trail().Records.filter((r) => r['eventSource'] === 's3.amazonaws.com');
    expect(records.map((r) => r['eventName'])).toEqual([
      'PutAccountPublicAccessBlock',
      'GetAccountPublicAccessBlock',
      'DeleteAccountPublicAccessBlock',
      'GetAccountPublicAccessBlock',
    ]);
    expect(records[3]?.['errorCode']).toBe('NoSuchPublicAccessBlockConfiguration');
  });

  test('the account setting blocks a public bucket policy even when the bucket allows it (account OR bucket)', async () => {
    const world = createWorld();
    const id = await account(world);
    await run(world, 'aws s3api create-bucket --bucket site');
    await run(world, 'aws s3api delete-public-access-block --bucket site');
    await run(world, `aws s3control put-public-access-block --account-id ${id} --public-access-block-configuration BlockPublicPolicy=true`);
    const refused = await world.run(`aws s3api put-bucket-policy --bucket site --policy ${publicRead('site')}`);
    expect(refused.exitCode).toBe(254);
    expect(refused.stderr).toContain(
      'An error occurred (AccessDenied) when calling the PutBucketPolicy operation: User: arn:aws:iam::' +
        id +
        ':root is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::site" because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access.',
    );
    await run(world, `aws s3control delete-public-access-block --account-id ${id}`);
    await run(world, `aws s3api put-bucket-policy --bucket site --policy ${publicRead('site')}`);
  });

  test('RestrictPublicBuckets on the account shuts other accounts out of a public bucket, not its own principals', async () => {
    const { world, dev } = await organizationWorld();
    const management = await account(world);
    await run(world, 'aws s3api create-bucket --bucket open-data');
    await run(world, 'aws s3api delete-public-access-block --bucket open-data');
    await run(world, `aws s3api put-bucket-policy --bucket open-data --policy ${publicRead('open-data')}`);
    await run(world, 'aws s3api put-object --bucket open-data --key a.txt');
    // dev-admin (AdministratorAccess in the dev account) reads it: the public policy is the bucket's side.
    await run(world, 'aws s3api get-object --bucket open-data --key a.txt out.txt --profile dev-admin');
    await run(
      world,
      `aws s3control put-public-access-block --account-id ${management} --public-access-block-configuration RestrictPublicBuckets=true`,
    );
    const denied = await world.run('aws s3api get-object --bucket open-data --key a.txt out.txt --profile dev-admin');
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain('An error occurred (AccessDenied) when calling the GetObject operation');
    expect(denied.stderr).toContain(`arn:aws:sts::${dev}:assumed-role/OrganizationAccountAccessRole/`);
    // The owner account's principals are still let in.
    await run(world, 'aws s3api get-object --bucket open-data --key a.txt out.txt --profile admin');
  });

  test("another account's configuration is refused, and the caller needs s3:PutAccountPublicAccessBlock", async () => {
    const { world, dev } = await organizationWorld();
    const other = await world.run(
      `aws s3control put-public-access-block --account-id ${dev} --public-access-block-configuration BlockPublicPolicy=true --profile admin`,
    );
    expect(other.stderr).toContain('An error occurred (AccessDenied) when calling the PutPublicAccessBlock operation: Access Denied');
    const management = await account(world);
    await run(world, 'aws iam create-user --user-name reader');
    await run(world, 'aws iam attach-user-policy --user-name reader --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess');
    await run(world, 'aws iam create-access-key --user-name reader');
    const denied = await world.run(
      `aws s3control put-public-access-block --account-id ${management} --public-access-block-configuration BlockPublicPolicy=true --profile reader`,
    );
    expect(denied.stderr).toContain(
      `An error occurred (AccessDenied) when calling the PutPublicAccessBlock operation: User: arn:aws:iam::${management}:user/reader is not authorized to perform: s3:PutAccountPublicAccessBlock`,
    );
  });
});
