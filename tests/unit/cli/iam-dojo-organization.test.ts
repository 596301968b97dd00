// The organization journey through the Node CLI, one `iam-dojo aws … --world FILE` process per
// command as a learner types them: the saved world keeps the organization, the accounts and the
// role profiles between processes, and a cross-account S3 read works only when both sides allow.
// (Organizations User Guide, "Accessing a member account that has a management account access role",
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access-cross-account-role.html;
// IAM User Guide, "Cross-account policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 300_000 });

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'iam-dojo.mjs');

describe('iam-dojo aws --world: an organization of accounts', () => {
  it('creates the organization, reaches both accounts by role profiles, reads across accounts only when both sides allow', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-dojo-org-'));
    writeFileSync(join(dir, 'report.txt'), 'numbers\n');
    const aws = (...args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, 'aws', ...args, '--world', 'world.json'], {
        encoding: 'utf8',
        cwd: dir,
        timeout: 120_000,
      });
      return { code: r.status ?? -1, stdout: r.stdout.trim(), stderr: r.stderr };
    };
    const ok = (...args: string[]) => {
      const r = aws(...args);
      if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    ok('organizations', 'create-organization', '--feature-set', 'ALL');
    const root = ok('organizations', 'list-roots', '--query', 'Roots[0].Id', '--output', 'text');
    ok('organizations', 'enable-policy-type', '--root-id', root, '--policy-type', 'SERVICE_CONTROL_POLICY');
    const account = (name: string) => {
      const request = ok(
        'organizations',
        'create-account',
        '--email',
        `${name}@example.com`,
        '--account-name',
        name,
        '--query',
        'CreateAccountStatus.Id',
        '--output',
        'text',
      );
      return ok(
        'organizations',
        'describe-create-account-status',
        '--create-account-request-id',
        request,
        '--query',
        'CreateAccountStatus.AccountId',
        '--output',
        'text',
      );
    };
    const dev = account('dev');
    const prod = account('prod');
    const ou = ok(
      'organizations',
      'create-organizational-unit',
      '--parent-id',
      root,
      '--name',
      'Workloads',
      '--query',
      'OrganizationalUnit.Id',
      '--output',
      'text',
    );
    ok('organizations', 'move-account', '--account-id', dev, '--source-parent-id', root, '--destination-parent-id', ou);
    ok('iam', 'create-user', '--user-name', 'admin');
    ok('iam', 'attach-user-policy', '--user-name', 'admin', '--policy-arn', 'arn:aws:iam::aws:policy/AdministratorAccess');
    ok('iam', 'create-access-key', '--user-name', 'admin');
    for (const [profile, id] of [
      ['dev-admin', dev],
      ['prod-admin', prod],
    ] as const) {
      ok('configure', 'set', 'role_arn', `arn:aws:iam::${id}:role/OrganizationAccountAccessRole`, '--profile', profile);
      ok('configure', 'set', 'source_profile', 'admin', '--profile', profile);
    }
    ok('s3api', 'create-bucket', '--bucket', 'prod-reports', '--profile', 'prod-admin');
    ok('s3api', 'put-object', '--bucket', 'prod-reports', '--key', 'report.txt', '--body', 'report.txt', '--profile', 'prod-admin');
    const denied = aws('s3api', 'get-object', '--bucket', 'prod-reports', '--key', 'report.txt', 'out.txt', '--profile', 'dev-admin');
    expect(denied.code).toBe(254);
    expect(denied.stderr).toContain('because no resource-based policy allows the s3:GetObject action');
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${dev}:root` },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::prod-reports/*',
        },
      ],
    });
    ok('s3api', 'put-bucket-policy', '--bucket', 'prod-reports', '--policy', policy, '--profile', 'prod-admin');
    ok('s3api', 'get-object', '--bucket', 'prod-reports', '--key', 'report.txt', 'out.txt', '--profile', 'dev-admin');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('numbers\n');
    // The management account's trail: the admin's AssumeRole calls, each shared with the role's account.
    const trail = spawnSync(process.execPath, [BIN, 'trail', '--world', 'world.json'], { encoding: 'utf8', cwd: dir });
    const records = (JSON.parse(trail.stdout) as { Records: Record<string, unknown>[] }).Records.filter(
      (r) => r['eventName'] === 'AssumeRole',
    );
    expect(records.length).toBeGreaterThanOrEqual(2);
    expect(records.every((r) => typeof r['sharedEventID'] === 'string')).toBe(true);
  });
});
