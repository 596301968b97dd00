// CLI pagination (AWS CLI user guide, "Using the AWS CLI pagination options"): --max-items cuts the
// merged result and prints a NextToken; --starting-token resumes; the API's Marker/MaxItems are
// replaced by the CLI's options for paginated operations.
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../../../src/sim/cli/index.ts';
import { FakeHost } from './fake-host.ts';

const users = ['ana', 'bob', 'carl', 'dora', 'ed'].map((UserName) => ({ UserName }));

async function list(args: string): Promise<{ exitCode: number; out: Record<string, unknown> | string; params: unknown }> {
  const host = new FakeHost();
  host.answer('iam:ListUsers', { Users: users });
  const r = await runCommandLine(host, `aws iam list-users ${args}`);
  return {
    exitCode: r.exitCode,
    out: r.exitCode === 0 ? (JSON.parse(r.stdout) as Record<string, unknown>) : r.stderr,
    params: host.requests[0]?.params,
  };
}

describe('pagination', () => {
  it('--max-items cuts the list and prints the NextToken botocore would', async () => {
    const r = await list('--max-items 2');
    expect(r.out).toEqual({
      Users: [{ UserName: 'ana' }, { UserName: 'bob' }],
      NextToken: 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==',
    });
    expect(r.params).toEqual({});
  });

  it('--starting-token resumes where the token points', async () => {
    const r = await list('--max-items 2 --starting-token eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==');
    expect((r.out as { Users: unknown[] }).Users).toEqual([{ UserName: 'carl' }, { UserName: 'dora' }]);
    expect((r.out as { NextToken?: string }).NextToken).toBeDefined();
  });

  it('the last window has no NextToken', async () => {
    const r = await list('--starting-token eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiA0fQ==');
    expect(r.out).toEqual({ Users: [{ UserName: 'ed' }] });
  });

  it('the API Marker is not an option of a paginated command', async () => {
    const r = await list('--marker abc');
    expect(r.exitCode).toBe(252);
    expect(r.out).toContain('Unknown options: --marker, abc');
  });

  it('a bad starting token is refused', async () => {
    const r = await list('--starting-token nonsense');
    expect(r.exitCode).toBe(255);
    expect(r.out).toContain('Bad starting token: nonsense');
    expect(r.params).toBeUndefined();
  });
});
