// Unused access as IAM Access Analyzer's unused access analyzer reports it. Sources:
// IAM User Guide, "Create an IAM Access Analyzer unused access analyzer" (tracking period 1-365 days;
//   only entities "that have existed for the entire tracking period" are judged)
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-create-unused.html
// IAM User Guide, "Working with findings" (a role inactive for the period; an unused permission,
//   user password or access key)  https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-work-with-findings.html
import { describe, expect, test } from 'vitest';
import { findUnusedAccess, type EntityUsage } from '../../../../src/sim/analyze/unused.ts';
import { worldUnusedAccess } from '../../../../src/sim/analyze/world-input.ts';
import { createWorld } from '../../../../src/sim/world/index.ts';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('findUnusedAccess', () => {
  const oldUser: EntityUsage = {
    arn: 'arn:aws:iam::123456789012:user/ana',
    kind: 'user',
    accountId: '123456789012',
    createDate: iso(NOW - 200 * DAY),
    password: { createDate: iso(NOW - 200 * DAY), lastUsed: iso(NOW - 120 * DAY) },
    accessKeys: [
      { id: 'AKIAUSED', status: 'Active', createDate: iso(NOW - 200 * DAY), lastUsed: iso(NOW - 2 * DAY) },
      { id: 'AKIANEVER', status: 'Active', createDate: iso(NOW - 200 * DAY) },
      { id: 'AKIAOFF', status: 'Inactive', createDate: iso(NOW - 200 * DAY) },
    ],
    services: [{ ServiceNamespace: 's3', LastAuthenticated: iso(NOW - 2 * DAY) }, { ServiceNamespace: 'iam' }],
  };

  test('an old unused password and key, and the services an active user never used', () => {
    const f = findUnusedAccess([oldUser], NOW, 90);
    expect(f.map((x) => [x.FindingType, x.AccessKeyId ?? x.LastAccessed ?? null])).toEqual([
      ['UnusedIAMUserPassword', iso(NOW - 120 * DAY)],
      ['UnusedIAMUserAccessKey', 'AKIANEVER'],
      ['UnusedPermission', null],
    ]);
    expect(f[2]!.UnusedServices).toEqual([{ ServiceNamespace: 'iam' }]);
    // A longer window covers the password's last use.
    expect(findUnusedAccess([oldUser], NOW, 150).map((x) => x.FindingType)).not.toContain('UnusedIAMUserPassword');
  });

  test('nothing younger than the window is judged; an unused role is one finding, not also its permissions', () => {
    const young: EntityUsage = {
      ...oldUser,
      createDate: iso(NOW - DAY),
      password: { createDate: iso(NOW - DAY) },
      accessKeys: [{ id: 'AKIANEW', status: 'Active', createDate: iso(NOW - DAY) }],
    };
    expect(findUnusedAccess([young], NOW)).toEqual([]);
    const role: EntityUsage = {
      arn: 'arn:aws:iam::123456789012:role/r',
      kind: 'role',
      accountId: '123456789012',
      createDate: iso(NOW - 100 * DAY),
      services: [{ ServiceNamespace: 's3' }],
    };
    expect(findUnusedAccess([role], NOW)).toEqual([
      { FindingType: 'UnusedIAMRole', Resource: role.arn, ResourceType: 'AWS::IAM::Role', ResourceOwnerAccount: '123456789012' },
    ]);
    expect(findUnusedAccess([{ ...role, roleLastUsed: iso(NOW - DAY) }], NOW).map((x) => x.FindingType)).toEqual(['UnusedPermission']);
  });

  test('the window must be 1 to 365 whole days', () => {
    expect(() => findUnusedAccess([], NOW, 0)).toThrow(RangeError);
    expect(() => findUnusedAccess([], NOW, 366)).toThrow(RangeError);
    expect(() => findUnusedAccess([], NOW, 1.5)).toThrow(RangeError);
  });
});

describe('worldUnusedAccess', () => {
  test('reads IAM on a copy: the unused key, the unused role, the unused service; no trail left behind', async () => {
    const world = createWorld({ seed: 'unused' });
    const must = async (line: string) => expect((await world.run(line)).exitCode, line).toBe(0);
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }],
    });
    await must('aws iam create-user --user-name ana');
    await must('aws iam create-access-key --user-name ana');
    await must('aws iam create-access-key --user-name ana');
    await must(
      `aws iam put-user-policy --user-name ana --policy-name p --policy-document '${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 's3:ListAllMyBuckets'], Resource: '*' }] })}'`,
    );
    await must(`aws iam create-role --role-name idle --assume-role-policy-document '${trust}'`);
    world.clock.advance(100 * 86_400);
    await must('aws iam get-user --profile ana');
    const records = world.trail().Records.length;
    const findings = await worldUnusedAccess(world, 90);
    expect(world.trail().Records.length).toBe(records);
    expect(findings.map((f) => [f.FindingType, f.Resource])).toEqual([
      ['UnusedIAMUserAccessKey', 'arn:aws:iam::123456789012:user/ana'],
      ['UnusedPermission', 'arn:aws:iam::123456789012:user/ana'],
      ['UnusedIAMRole', 'arn:aws:iam::123456789012:role/idle'],
    ]);
    expect(findings[1]!.UnusedServices).toEqual([{ ServiceNamespace: 's3' }]);
    await expect(worldUnusedAccess(world, 400)).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
