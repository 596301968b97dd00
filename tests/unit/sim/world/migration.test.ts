// Worlds saved in format version 1 (one account at the top of the snapshot, the organization as
// SCP/RCP levels) still open: the world migrates them to version 2 (accounts by ID, the
// organization as a tree) and carries on with the same IAM, S3, sessions, files, CLI settings and trail.
import { describe, expect, test } from 'vitest';
import v1 from '../../../fixtures/worlds/v1-world.json';
import { createWorld, WorldOptionsError } from '../../../../src/sim/world/index.ts';

describe('format version 1 snapshots', () => {
  test('load as version 2 with the same account, trail, files and CLI settings', async () => {
    const world = createWorld({ snapshot: v1 });
    const saved = world.save();
    expect(saved.formatVersion).toBe(2);
    expect(saved.primaryAccountId).toBe('123456789012');
    expect(Object.keys(saved.accounts)).toEqual(['123456789012']);
    expect(world.trail().Records).toEqual(v1.records);
    expect(world.readFile('hello.txt')).toBe('hello from a version-1 world\n');
    expect(world.cliConfig).toEqual(v1.cliConfig);
    expect(world.clock.nowMs()).toBe(v1.clockMs);
    // The input is not changed.
    expect(v1.formatVersion).toBe(1);
    const get = await world.run('aws s3api get-object --bucket v1-fixture-bucket --key hello.txt out.txt --profile alice');
    expect(get.exitCode).toBe(0);
    expect(world.readFile('out.txt')).toBe('hello from a version-1 world\n');
  });

  test('the organization levels become root → OU → account with the same guardrails', async () => {
    const world = createWorld({ snapshot: v1 });
    const org = world.organization();
    expect(org).toMatchObject({
      organizationId: 'o-dojo0example',
      managementAccountId: '999999999999',
      rootId: 'r-dojo',
      enabledPolicyTypes: ['scp', 'rcp'],
    });
    expect(org?.units['ou-dojo-00000001']).toEqual({ id: 'ou-dojo-00000001', name: 'Level 1', parentId: 'r-dojo' });
    expect(org?.accounts['123456789012']?.parentId).toBe('ou-dojo-00000001');
    const denied = await world.run('aws iam create-group --group-name denied');
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain('with an explicit deny in a service control policy');
    expect((await world.run('aws iam create-group --group-name allowed')).exitCode).toBe(0);
  });

  test('a session issued before the save still works; ids continue without repeating', async () => {
    const before = createWorld({ snapshot: v1 });
    const sessions = Object.values(v1.sessions) as { accessKeyId: string; secret: string; token: string }[];
    const s = sessions[0];
    if (!s) throw new Error('fixture has no session');
    const who = await before.invoke({
      service: 'sts',
      operation: 'GetCallerIdentity',
      params: {},
      credentials: { kind: 'accessKey', accessKeyId: s.accessKeyId, secretAccessKey: s.secret, sessionToken: s.token },
    });
    expect(who).toMatchObject({ ok: true, output: { Arn: 'arn:aws:sts::123456789012:assumed-role/reader/s1' } });
    expect(before.save().idCounter).toBeGreaterThanOrEqual(v1.idCounter);
  });

  test('unknown versions and broken snapshots are refused with a clear error', () => {
    expect(() => createWorld({ snapshot: { ...v1, formatVersion: 3 } })).toThrow(/unsupported world format version 3/);
    expect(() => createWorld({ snapshot: { ...v1, users: undefined } })).toThrow(WorldOptionsError);
    expect(() => createWorld({ snapshot: { formatVersion: 2, accounts: {}, primaryAccountId: '123456789012' } })).toThrow(
      'snapshot.accounts must hold the primary account',
    );
  });
});
