/**
 * The example scenario file is a valid saved world (the playground's import accepts it: same
 * decoder, same schema) and opens on the command line with `iam-dojo aws … --world FILE`, where
 * the scenario's permissions decide: alice (group Analysts) reads the report, bob is denied.
 * The browser half is tests/e2e/scenario.spec.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../../src/worker/journal-schema.ts';
import { decodeShare, decodeText, encodeShare } from '../../../src/widgets/playground/share-link.ts';

const root = new URL('../../../', import.meta.url).pathname;
const example = join(root, 'examples', 'reports-bucket.scenario.json');
const text = readFileSync(example, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'iam-dojo-scenario-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the example scenario file', () => {
  it('validates as a saved world', () => {
    expect(readScenario(JSON.parse(text))).toMatchObject({ ok: true, dropped: [] });
  });

  it('is what the playground import and a share link decode, unchanged', () => {
    const imported = decodeText(text);
    expect(imported).toMatchObject({ ok: true, kind: 'journal' });
    if (!imported.ok || imported.kind !== 'journal') return;
    expect(imported.journal).toEqual({ ...JSON.parse(text), version: 2 });
    const shared = decodeShare(`#${encodeShare(imported.journal)}`);
    expect(shared).toEqual(imported);
  });
});

describe('iam-dojo aws --world', () => {
  const world = join(dir, 'room.json');
  copyFileSync(example, world);
  const aws = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'bin', 'iam-dojo.mjs'), 'aws', ...args, '--world', world], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('opens the scenario: its users are there', () => {
    const run = aws('iam', 'list-users', '--query', 'Users[].UserName', '--output', 'text');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split(/\s+/).sort()).toEqual(['alice', 'bob']);
  });

  it("alice reads the report through her group's policy", () => {
    const run = aws('s3api', 'get-object', '--bucket', 'dojo-reports', '--key', '2026/q3.csv', 'q3-alice.csv', '--profile', 'alice');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'q3-alice.csv'), 'utf8')).toBe('region,revenue\neu-west-1,1200\nus-east-1,3400\n');
  });

  it('bob is denied, with the AccessDenied text of the real CLI', () => {
    const run = aws('s3api', 'get-object', '--bucket', 'dojo-reports', '--key', '2026/q3.csv', 'q3-bob.csv', '--profile', 'bob');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(
      /An error occurred \(AccessDenied\) when calling the GetObject operation: User: arn:aws:iam::111122223333:user\/bob is not authorized to perform: s3:GetObject/,
    );
  });

  it('appends each command to the file, which stays a valid saved world', () => {
    const saved = JSON.parse(readFileSync(world, 'utf8')) as { ops: { kind: string; line?: string }[] };
    expect(readScenario(saved)).toMatchObject({ ok: true, dropped: [] });
    expect(
      saved.ops
        .filter((op) => op.kind === 'run')
        .map((op) => op.line)
        .slice(-1)[0],
    ).toMatch(/--profile bob/);
  });
});
