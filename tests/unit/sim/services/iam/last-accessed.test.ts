// Service last accessed data on the world. Sources:
// IAM User Guide, "Refine permissions in AWS using last accessed information"
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html
// IAM User Guide, "IAM action last accessed information services and actions"
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed-action-last-accessed.html
// IAM API Reference, "GenerateServiceLastAccessedDetails" / "GetServiceLastAccessedDetails"
//   https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateServiceLastAccessedDetails.html
//   https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html
import { describe, expect, test } from 'vitest';
import { ACTION_TRACKED_SERVICES } from '../../../../../src/sim/services/iam/last-accessed.ts';
import { createWorld, type World } from '../../../../../src/sim/world/index.ts';
import { err, ok, policy, userWithKey } from '../../world/helpers.ts';

const ANA = 'arn:aws:iam::123456789012:user/ana';

async function report(world: World, arn: string, granularity?: string): Promise<Record<string, unknown>> {
  const job = await ok(world, 'iam', 'GenerateServiceLastAccessedDetails', {
    Arn: arn,
    ...(granularity ? { Granularity: granularity } : {}),
  });
  expect(job['JobId']).toMatch(/^[0-9a-f-]{36}$/);
  return ok(world, 'iam', 'GetServiceLastAccessedDetails', { JobId: job['JobId'] });
}

async function anaWorld(): Promise<{ world: World; ana: Awaited<ReturnType<typeof userWithKey>> }> {
  const world = createWorld();
  const ana = await userWithKey(world, 'ana');
  await ok(world, 'iam', 'PutUserPolicy', {
    UserName: 'ana',
    PolicyName: 'p',
    PolicyDocument: policy({ Effect: 'Allow', Action: ['s3:*', 'iam:GetUser', 'kms:List*'], Resource: '*' }),
  });
  await ok(world, 's3', 'CreateBucket', { Bucket: 'dojo-reports' });
  return { world, ana };
}

describe('service last accessed details', () => {
  test('lists only the services the policies allow, with the last attempt per service', async () => {
    const { world, ana } = await anaWorld();
    world.clock.advance(60);
    await ok(world, 's3', 'ListBuckets', {}, ana);
    world.clock.advance(60);
    await ok(world, 'iam', 'GetUser', {}, ana);
    // An attempt to a service no policy allows is not listed: the report covers what the entity "could access".
    await err(world, 'ec2', 'DescribeInstances', {}, ana);
    const out = await report(world, ANA);
    expect(Object.keys(out)).toEqual([
      'JobStatus',
      'JobType',
      'JobCreationDate',
      'ServicesLastAccessed',
      'JobCompletionDate',
      'IsTruncated',
    ]);
    expect(out).toMatchObject({ JobStatus: 'COMPLETED', JobType: 'SERVICE_LEVEL', IsTruncated: false });
    const rows = out['ServicesLastAccessed'] as Record<string, unknown>[];
    expect(rows.map((r) => r['ServiceNamespace'])).toEqual(['s3', 'iam', 'kms']);
    const s3 = rows[0]!;
    expect(s3).toMatchObject({
      ServiceName: 'Amazon S3',
      LastAuthenticatedEntity: ANA,
      LastAuthenticatedRegion: 'us-east-1',
      TotalAuthenticatedEntities: 1,
    });
    expect(s3['LastAuthenticated']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(s3).not.toHaveProperty('TrackedActionsLastAccessed');
    // Never used: only the names and a zero count.
    expect(rows[2]).toEqual({ ServiceName: 'AWS Key Management Service', ServiceNamespace: 'kms', TotalAuthenticatedEntities: 0 });
  });

  test('denied attempts count too ("all attempts to access an AWS API, not just the successful ones")', async () => {
    const { world, ana } = await anaWorld();
    expect((await err(world, 'iam', 'ListUsers', {}, ana)).code).toBe('AccessDenied');
    const rows = (await report(world, ANA))['ServicesLastAccessed'] as Record<string, unknown>[];
    expect(rows.find((r) => r['ServiceNamespace'] === 'iam')).toMatchObject({
      TotalAuthenticatedEntities: 1,
      LastAuthenticatedEntity: ANA,
    });
  });

  test('ACTION_LEVEL lists tracked management actions of S3 (not its data events)', async () => {
    const { world, ana } = await anaWorld();
    await ok(world, 's3', 'ListBuckets', {}, ana);
    await ok(world, 's3', 'PutObject', { Bucket: 'dojo-reports', Key: 'a.txt', Body: 'x' }, ana);
    await ok(world, 'iam', 'GetUser', {}, ana);
    const out = await report(world, ANA, 'ACTION_LEVEL');
    expect(out['JobType']).toBe('ACTION_LEVEL');
    const rows = out['ServicesLastAccessed'] as Record<string, unknown>[];
    const s3 = rows.find((r) => r['ServiceNamespace'] === 's3')!;
    expect((s3['TrackedActionsLastAccessed'] as Record<string, unknown>[]).map((a) => a['ActionName'])).toEqual(['ListBuckets']);
    expect((s3['TrackedActionsLastAccessed'] as Record<string, unknown>[])[0]).toMatchObject({
      LastAccessedEntity: ANA,
      LastAccessedRegion: 'us-east-1',
    });
    expect(ACTION_TRACKED_SERVICES.has('kms')).toBe(false);
  });

  test('a group and a managed policy report their members and attached entities', async () => {
    const world = createWorld();
    const ana = await userWithKey(world, 'ana');
    const bo = await userWithKey(world, 'bo');
    await ok(world, 'iam', 'CreateGroup', { GroupName: 'readers' });
    await ok(world, 'iam', 'AddUserToGroup', { GroupName: 'readers', UserName: 'ana' });
    await ok(world, 'iam', 'AddUserToGroup', { GroupName: 'readers', UserName: 'bo' });
    await ok(world, 'iam', 'AttachGroupPolicy', { GroupName: 'readers', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
    await ok(world, 's3', 'ListBuckets', {}, ana);
    world.clock.advance(60);
    await ok(world, 's3', 'ListBuckets', {}, bo);
    for (const arn of ['arn:aws:iam::123456789012:group/readers', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']) {
      const s3 = ((await report(world, arn))['ServicesLastAccessed'] as Record<string, unknown>[]).find(
        (r) => r['ServiceNamespace'] === 's3',
      );
      expect(s3).toMatchObject({ TotalAuthenticatedEntities: 2, LastAuthenticatedEntity: 'arn:aws:iam::123456789012:user/bo' });
    }
  });

  test('a role reports its sessions as the role', async () => {
    const world = createWorld();
    const trust = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' });
    await ok(world, 'iam', 'CreateRole', { RoleName: 'reader', AssumeRolePolicyDocument: trust });
    await ok(world, 'iam', 'PutRolePolicy', {
      RoleName: 'reader',
      PolicyName: 'p',
      PolicyDocument: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
    });
    const carl = await userWithKey(world, 'carl');
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'carl',
      PolicyName: 'p',
      PolicyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
    });
    const out = await ok(world, 'sts', 'AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/reader', RoleSessionName: 'sess' }, carl);
    const c = out['Credentials'] as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    await ok(world, 's3', 'ListBuckets', {}, {
      kind: 'accessKey',
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
    } as never);
    const rows = (await report(world, 'arn:aws:iam::123456789012:role/reader'))['ServicesLastAccessed'] as Record<string, unknown>[];
    expect(rows).toEqual([
      expect.objectContaining({
        ServiceNamespace: 's3',
        TotalAuthenticatedEntities: 1,
        LastAuthenticatedEntity: 'arn:aws:iam::123456789012:role/reader',
      }),
    ]);
  });

  test("errors: unknown entity, bad ARN, another caller's job; through the CLI", async () => {
    const { world, ana } = await anaWorld();
    expect((await err(world, 'iam', 'GenerateServiceLastAccessedDetails', { Arn: 'arn:aws:iam::123456789012:user/nobody' })).code).toBe(
      'NoSuchEntity',
    );
    expect((await err(world, 'iam', 'GenerateServiceLastAccessedDetails', { Arn: 'arn:aws:s3:::dojo-reports-and-more' })).code).toBe(
      'InvalidInput',
    );
    const job = await ok(world, 'iam', 'GenerateServiceLastAccessedDetails', { Arn: ANA });
    // ana may not call Get at all (iam:GetServiceLastAccessedDetails is not allowed) …
    expect((await err(world, 'iam', 'GetServiceLastAccessedDetails', { JobId: job['JobId'] }, ana)).code).toBe('AccessDenied');
    const gen = await world.run(`aws iam generate-service-last-accessed-details --arn ${ANA} --granularity ACTION_LEVEL`);
    expect(gen.exitCode).toBe(0);
    const id = (JSON.parse(gen.stdout) as { JobId: string }).JobId;
    const got = await world.run(`aws iam get-service-last-accessed-details --job-id ${id}`);
    expect(got.exitCode).toBe(0);
    expect(JSON.parse(got.stdout)).toMatchObject({ JobStatus: 'COMPLETED', JobType: 'ACTION_LEVEL' });
  });
});
