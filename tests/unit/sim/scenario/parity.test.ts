/**
 * One scenario, every door: a saved world opens the same way in the browser's worker, in the Node
 * CLI (`iam-dojo aws --world`), through a share link and through an import, and the files saved
 * by the previous format (tests/fixtures/worlds, made with tests/fixtures/worlds/generate.ts before
 * the format changed) still open and answer what they answered then.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../src/cli.ts';
import { worldApi } from '../../../../src/worker/api/world.ts';
import { decodeShare, decodeText, encodeShare } from '../../../../src/widgets/playground/share-link.ts';
import { readScenario } from '../../../../src/sim/scenario/index.ts';
import type { WorldJournal } from '../../../../src/worker/protocol.ts';

vi.setConfig({ testTimeout: 60_000 });

const fixtures = new URL('../../../fixtures/worlds/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const dir = mkdtempSync(join(tmpdir(), 'iam-dojo-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Answer = { exitCode: number; stdout: string; stderr: string };
let worldNo = 0;

/** The worker's path: the page validates the saved text, the worker replays it. */
async function viaWorker(journal: WorldJournal, line: string): Promise<Answer> {
  const name = `parity-${worldNo++}`;
  const restored = await worldApi.restore(name, journal);
  if (!restored.ok) throw new Error(restored.error.message);
  const out = await worldApi.run(name, line);
  if (!out.ok) throw new Error(out.error.message);
  return { exitCode: out.value.exitCode, stdout: out.value.stdout, stderr: out.value.stderr };
}

/** The Node CLI's path: the file on disk, `iam-dojo aws ... --world FILE`. */
async function viaCli(file: string, args: string[]): Promise<Answer> {
  const copy = join(dir, `w-${worldNo++}.json`);
  copyFileSync(file, copy);
  return main(['aws', ...args, '--world', copy]);
}

function open(text: string): WorldJournal {
  const read = readScenario(JSON.parse(text));
  if (!read.ok) throw new Error(read.error.message);
  return read.journal;
}

describe('the same scenario through every path', () => {
  const file = join(fixtures, 'scenario-deny-all-scp-v1.json');
  const text = readFileSync(file, 'utf8');
  const args = ['iam', 'list-users'];
  const line = 'aws iam list-users';

  it('a deny-all SCP binds the member account root in the worker, the CLI, a share link and an import alike', async () => {
    const worker = await viaWorker(open(text), line);
    const cli = await viaCli(file, args);
    const shared = decodeShare(`#${encodeShare(open(text))}`);
    const imported = decodeText(text);
    if (!shared?.ok || shared.kind !== 'journal' || !imported.ok || imported.kind !== 'journal') throw new Error('did not decode');
    const link = await viaWorker(shared.journal, line);
    const file2 = await viaWorker(imported.journal, line);
    const want = expected['scenario-deny-all-scp-v1.json']!;
    for (const answer of [worker, cli, link, file2]) {
      expect(answer.exitCode).toBe(254);
      expect(answer.stderr).toBe(want['browserListUsersStderr']);
    }
  });
});

describe('files saved by the previous format still open', () => {
  it('a world the browser saved: its users and its trail are back', async () => {
    const journal = open(readFileSync(join(fixtures, 'browser-saved-v1.json'), 'utf8'));
    const want = expected['browser-saved-v1.json']!;
    const out = await viaWorker(journal, 'aws iam list-users --query Users[].UserName --output text');
    expect(out.stdout).toBe(want['listUsers']);
    const cli = await viaCli(join(fixtures, 'browser-saved-v1.json'), [
      'iam',
      'list-users',
      '--query',
      'Users[].UserName',
      '--output',
      'text',
    ]);
    expect(cli.stdout).toBe(want['listUsers']);
  });

  it('a share link made by the previous format', async () => {
    const decoded = decodeShare(`#${readFileSync(join(fixtures, 'share-link-v1.txt'), 'utf8').trim()}`);
    expect(decoded).toMatchObject({ ok: true, kind: 'journal', dropped: [] });
    if (!decoded?.ok || decoded.kind !== 'journal') return;
    const out = await viaWorker(decoded.journal, 'aws iam list-users --query Users[].UserName --output text');
    expect(out.stdout).toBe(expected['browser-saved-v1.json']!['listUsers']);
  });

  it('a world file the CLI wrote, in the CLI and in the browser', async () => {
    const file = join(fixtures, 'cli-world-v1.json');
    const args = ['iam', 'list-groups-for-user', '--user-name', 'bob', '--query', 'Groups[].GroupName', '--output', 'text'];
    const want = expected['cli-world-v1.json']!['groupsForBob'];
    expect((await viaCli(file, args)).stdout).toBe(want);
    expect((await viaWorker(open(readFileSync(file, 'utf8')), `aws ${args.join(' ')}`)).stdout).toBe(want);
  });
});
