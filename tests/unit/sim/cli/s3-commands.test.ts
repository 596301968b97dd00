// The high-level `aws s3` commands (AWS CLI reference, "aws s3 ls|cp|mb|rb|rm"): the S3 API calls
// they make and the lines they print.
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../../../src/sim/cli/index.ts';
import { FakeHost } from './fake-host.ts';

describe('aws s3', () => {
  it('ls lists buckets with their creation time', async () => {
    const host = new FakeHost();
    host.answer('s3:ListBuckets', { Buckets: [{ Name: 'reports', CreationDate: '2026-03-02T09:00:00+00:00' }] });
    expect(await runCommandLine(host, 'aws s3 ls')).toEqual({ exitCode: 0, stdout: '2026-03-02 09:00:00 reports\n', stderr: '' });
    expect(host.requests[0]?.userAgent).toMatch(/md\/command#s3\.ls$/);
  });

  it('ls s3://bucket/ shows prefixes and objects', async () => {
    const host = new FakeHost();
    host.answer('s3:ListObjectsV2', {
      CommonPrefixes: [{ Prefix: 'logs/' }],
      Contents: [{ Key: 'a.txt', Size: 12, LastModified: '2026-03-02T09:30:00+00:00' }],
    });
    const result = await runCommandLine(host, 'aws s3 ls s3://reports/');
    expect(result.stdout).toBe(`${' '.repeat(27)}PRE logs/\n2026-03-02 09:30:00         12 a.txt\n`);
    expect(host.requests[0]?.params).toEqual({ Bucket: 'reports', Prefix: '', Delimiter: '/' });
  });

  it('cp uploads a file and downloads it back', async () => {
    const host = new FakeHost();
    host.files.set('notes.txt', 'hello');
    const up = await runCommandLine(host, 'aws s3 cp notes.txt s3://reports/');
    expect(up).toEqual({ exitCode: 0, stdout: 'upload: notes.txt to s3://reports/notes.txt\n', stderr: '' });
    expect(host.requests[0]?.params).toEqual({ Bucket: 'reports', Key: 'notes.txt', Body: new TextEncoder().encode('hello') });
    host.answer('s3:GetObject', { Body: new TextEncoder().encode('hello') });
    const down = await runCommandLine(host, 'aws s3 cp s3://reports/notes.txt copy.txt');
    expect(down.stdout).toBe('download: s3://reports/notes.txt to copy.txt\n');
    expect(host.files.get('copy.txt')).toEqual(new TextEncoder().encode('hello'));
  });

  it('a denied upload prints "upload failed" and exits 1', async () => {
    const host = new FakeHost();
    host.files.set('f.txt', 'x');
    host.fail('s3:PutObject', 'AccessDenied', 'Access Denied', 403);
    expect(await runCommandLine(host, 'aws s3 cp f.txt s3://b/f.txt')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'upload failed: f.txt to s3://b/f.txt An error occurred (AccessDenied) when calling the PutObject operation: Access Denied\n',
    });
  });

  it('mb and rb', async () => {
    const host = new FakeHost();
    expect((await runCommandLine(host, 'aws s3 mb s3://new-bucket')).stdout).toBe('make_bucket: new-bucket\n');
    expect((await runCommandLine(host, 'aws s3 rb s3://new-bucket')).stdout).toBe('remove_bucket: new-bucket\n');
    expect(host.requests.map((r) => r.operation)).toEqual(['CreateBucket', 'DeleteBucket']);
  });

  it('an unknown s3 subcommand is an invalid choice', async () => {
    const result = await runCommandLine(new FakeHost(), 'aws s3 sync . s3://b');
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('argument operation: Invalid choice');
  });
});
