// @vitest-environment happy-dom
/**
 * A long world is saved as a short journal naming a snapshot kept under a key of its own: a command
 * rewrites only the journal, a reload restores everything, an old snapshot goes only once nothing
 * names it (never while another tab may still write a journal naming it), older saves with the
 * snapshot inline still load, and a snapshot that is missing or refused is said, never turned into a
 * silently empty world. The worker's real api runs in this thread (only the Worker boundary is left out).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { worldApi } from '../../../src/worker/api/world.ts';
import { policyApi } from '../../../src/worker/api/policy.ts';
import { worlds } from '../../../src/worker/worlds.ts';

vi.mock('../../../src/worker/client.ts', () => {
  const api = { ping: () => 'pong', ...worldApi, ...policyApi };
  return { withSimulator: (task: (a: typeof api) => unknown) => Promise.resolve(task(api)), onRestart: () => () => undefined };
});

const { WorldSession } = await import('../../../src/widgets/world-session.svelte.ts');
const { SNAPSHOT_GRACE_MS, journalText, newSnapshotKey, sweepSnapshots } = await import('../../../src/widgets/saved-world.ts');
const { STORAGE_PREFIX, pageKey } = await import('../../../src/worker/storage.ts');

let n = 0;
const fresh = () => `split-${n++}`;
const keyOf = (name: string) => pageKey('world', name);
const raw = (name: string) => JSON.parse(localStorage.getItem(STORAGE_PREFIX + keyOf(name)) ?? 'null') as Record<string, unknown>;
const snapshotKeys = (name: string) => Object.keys(localStorage).filter((k) => k.startsWith(`${STORAGE_PREFIX}${keyOf(name)}:snapshot:`));
const users = async (s: InstanceType<typeof WorldSession>) =>
  (await s.run('aws iam list-users --query Users[].UserName --output text')).stdout.trim();
/** The world as a reloaded page sees it: a new worker (nothing of the world left in it) and a new session. */
const reload = async (name: string) => {
  await worlds.reset(name, { seed: 'a page reload starts from what is saved' });
  return new WorldSession(name);
};
const runMany = async (s: InstanceType<typeof WorldSession>, count: number, from = 0) => {
  for (let i = from; i < from + count; i++) await s.run(`aws iam create-user --user-name u${i}`);
};

beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a compacted world is saved in two parts', () => {
  it('the journal names its snapshot, kept as the worker wrote it; a reload restores every command', async () => {
    const name = fresh();
    const s = new WorldSession(name);
    await runMany(s, 230);
    const journal = raw(name);
    expect(journal).not.toHaveProperty('snapshot');
    expect(journal['snapshotRef']).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
    const [key] = snapshotKeys(name);
    expect(key).toBe(`${STORAGE_PREFIX}${keyOf(name)}:snapshot:${String(journal['snapshotRef'])}`);
    expect(localStorage.getItem(key!)).toBe((await worlds.journal(name)).snapshot);
    expect((await users(await reload(name))).split('\t')).toHaveLength(230);
  });

  it('a command after compaction rewrites only the short journal, never the snapshot', async () => {
    const name = fresh();
    const s = new WorldSession(name);
    await runMany(s, 205);
    const setItem = vi.spyOn(localStorage, 'setItem');
    await s.run('aws iam create-user --user-name one-more');
    const written = setItem.mock.calls.map(([k, v]) => ({ k, chars: v.length }));
    expect(written.some(({ k }) => k.includes(':snapshot:'))).toBe(false);
    const journal = written.find(({ k }) => k === STORAGE_PREFIX + keyOf(name));
    expect(journal?.chars).toBeLessThan(5_000);
    expect(localStorage.getItem(snapshotKeys(name)[0]!)!.length).toBeGreaterThan(journal!.chars + 10_000);
  });

  it('after a reload, commands go on naming the snapshot that was read (no second copy is written)', async () => {
    const name = fresh();
    await runMany(new WorldSession(name), 205);
    const before = snapshotKeys(name);
    const s = await reload(name);
    const setItem = vi.spyOn(localStorage, 'setItem');
    await s.run('aws iam create-user --user-name after-reload');
    expect(setItem.mock.calls.filter(([k]) => k.includes(':snapshot:'))).toEqual([]);
    expect(snapshotKeys(name)).toEqual(before);
    expect((await users(await reload(name))).split('\t')).toHaveLength(206);
  });

  it('a journal saved with its snapshot inline (earlier versions, imports) still loads, and the next save splits it', async () => {
    const from = fresh();
    await runMany(new WorldSession(from), 205);
    const whole = await worlds.journal(from);
    expect(whole.snapshot).toBeTypeOf('string');
    const name = fresh();
    localStorage.setItem(STORAGE_PREFIX + keyOf(name), JSON.stringify(whole));
    const s = new WorldSession(name);
    expect((await users(s)).split('\t')).toHaveLength(205);
    expect(raw(name)).not.toHaveProperty('snapshot');
    expect(snapshotKeys(name)).toHaveLength(1);
    expect(s.notice).toBeNull();
  });
});

describe('an old snapshot goes only once nothing names it', () => {
  it('after the grace period, the snapshot a new compaction replaced is removed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const name = fresh();
    const s = new WorldSession(name);
    await runMany(s, 205);
    const [first] = snapshotKeys(name);
    await runMany(s, 200, 205);
    expect(snapshotKeys(name)).toHaveLength(2); // the replaced one waits: another tab may still name it
    vi.advanceTimersByTime(SNAPSHOT_GRACE_MS);
    expect(snapshotKeys(name)).toHaveLength(1);
    expect(snapshotKeys(name)).not.toContain(first);
    vi.useRealTimers();
    expect((await users(await reload(name))).split('\t')).toHaveLength(405);
  });

  it('is kept when, by then, the saved journal names it again (another tab that had not seen this save)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const name = fresh();
    const s = new WorldSession(name);
    await runMany(s, 205);
    const older = raw(name);
    await runMany(s, 200, 205);
    // The other tab saves a journal naming the first snapshot before the grace period ends.
    localStorage.setItem(STORAGE_PREFIX + keyOf(name), JSON.stringify(older));
    vi.advanceTimersByTime(SNAPSHOT_GRACE_MS);
    vi.useRealTimers();
    expect(snapshotKeys(name)).toContain(`${STORAGE_PREFIX}${keyOf(name)}:snapshot:${String(older['snapshotRef'])}`);
    expect((await users(await reload(name))).split('\t').length).toBeGreaterThanOrEqual(205);
  });

  it('a page load removes snapshots left behind (older than the grace period), never the named one or a new one', async () => {
    const name = fresh();
    await runMany(new WorldSession(name), 205);
    const [named] = snapshotKeys(name);
    const key = keyOf(name);
    const leftOld = newSnapshotKey(key, Date.now() - SNAPSHOT_GRACE_MS - 1);
    const justWritten = newSnapshotKey(key, Date.now());
    localStorage.setItem(STORAGE_PREFIX + leftOld, 'left behind by a closed tab');
    localStorage.setItem(STORAGE_PREFIX + justWritten, 'another tab, about to save its journal');
    await (await reload(name)).journal();
    expect(snapshotKeys(name).sort()).toEqual([named, STORAGE_PREFIX + justWritten].sort());
    sweepSnapshots(key, Date.now() + SNAPSHOT_GRACE_MS + 1);
    expect(snapshotKeys(name)).toEqual([named]);
  });

  it('a reset lets the old snapshot go', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const name = fresh();
    const s = new WorldSession(name);
    await runMany(s, 205);
    await s.reset();
    await s.run('aws iam create-user --user-name only');
    vi.advanceTimersByTime(SNAPSHOT_GRACE_MS);
    vi.useRealTimers();
    expect(snapshotKeys(name)).toHaveLength(0);
    expect(raw(name)).not.toHaveProperty('snapshotRef');
    expect(await users(await reload(name))).toBe('only');
  });
});

describe('a snapshot that cannot be read or written is said', () => {
  it.each([
    ['is missing', 'zzzzzzzz-0', /snapshot .*missing/],
    ['is named by something not a key', 42, /snapshotRef/],
  ])('a journal whose snapshot %s: a fresh world, a notice, the unreadable copy kept', async (_what, ref, why) => {
    const name = fresh();
    const text = JSON.stringify({ version: 2, start: { seed: 's' }, snapshotRef: ref, folded: 200, ops: [] });
    localStorage.setItem(STORAGE_PREFIX + keyOf(name), text);
    const s = new WorldSession(name);
    expect(await users(s)).toBe('');
    expect(s.notice).toMatchObject({ kind: 'problem', unreadable: true, text: expect.stringMatching(why) });
    expect(s.unreadableText()).toBe(text);
  });

  it('a refused snapshot save is shown; the saved world still loads; saving resumes when space is back', async () => {
    const name = fresh();
    const s = new WorldSession(name);
    await runMany(s, 199);
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation((key: string) => {
      if (key.includes(':snapshot:')) throw new DOMException('full', 'QuotaExceededError');
    });
    await s.run('aws iam create-user --user-name compacts-now');
    expect(s.notice).toMatchObject({ kind: 'problem', exportOffer: true, text: expect.stringMatching(/NOT saved.*full/) });
    setItem.mockRestore();
    // What was saved before stays whole: its journal never names the snapshot that failed.
    expect(raw(name)['ops']).toHaveLength(199);
    expect(snapshotKeys(name)).toHaveLength(0);
    await s.run('aws iam create-user --user-name after');
    expect(s.notice).toBeNull();
    expect((await users(await reload(name))).split('\t')).toHaveLength(201);
  });

  it('when the journal is refused after its new snapshot was written, that snapshot is removed again', async () => {
    const name = fresh();
    const s = new WorldSession(name);
    await runMany(s, 199);
    const setItem = vi.spyOn(localStorage, 'setItem');
    setItem.mockImplementation(function (this: Storage, key: string, value: string) {
      if (key === STORAGE_PREFIX + keyOf(name)) throw new DOMException('full', 'QuotaExceededError');
      Storage.prototype.setItem.call(this, key, value);
    });
    await s.run('aws iam create-user --user-name compacts-now');
    setItem.mockRestore();
    expect(s.notice).toMatchObject({ exportOffer: true });
    expect(snapshotKeys(name)).toHaveLength(0);
    expect((await users(await reload(name))).split('\t')).toHaveLength(199);
  });
});

describe('two tabs on a compacted world', () => {
  /** What another tab on world `name` saves: its own snapshot (written first) and a journal naming it. */
  const otherTabSaves = async (name: string) => {
    const other = fresh();
    const t = new WorldSession(other);
    await runMany(t, 205, 1000);
    const journal = await worlds.journal(other);
    const key = newSnapshotKey(keyOf(name));
    localStorage.setItem(STORAGE_PREFIX + key, journal.snapshot!);
    const text = journalText(journal, key); // what that tab's save writes
    localStorage.setItem(STORAGE_PREFIX + keyOf(name), text);
    return { key, text };
  };

  it("follows the other tab's save, its snapshot read from its own key, and lets this tab's old snapshot go", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const name = fresh();
    const s = new WorldSession(name);
    await runMany(s, 205);
    const [mine] = snapshotKeys(name);
    const { key, text } = await otherTabSaves(name);
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_PREFIX + keyOf(name), newValue: text }));
    await s.journal();
    expect(s.notice).toMatchObject({ kind: 'info' });
    const list = (await users(s)).split('\t');
    expect(list).toHaveLength(205);
    expect(list[0]).toBe('u1000');
    vi.advanceTimersByTime(SNAPSHOT_GRACE_MS);
    vi.useRealTimers();
    expect(snapshotKeys(name)).not.toContain(mine);
    expect(snapshotKeys(name)).toContain(STORAGE_PREFIX + key);
  });

  it("keeping this tab's world writes its snapshot again, even if the other tab removed it", async () => {
    const name = fresh();
    const s = new WorldSession(name);
    await runMany(s, 205);
    for (const k of snapshotKeys(name)) localStorage.removeItem(k);
    await otherTabSaves(name);
    await s.run('aws iam create-user --user-name stale');
    expect(s.notice).toMatchObject({ conflict: true });
    await s.keepThisTab();
    const list = (await users(await reload(name))).split('\t');
    expect(list).toHaveLength(206);
    expect(list).toContain('stale');
  });
});
