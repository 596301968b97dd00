// @vitest-environment happy-dom
/**
 * The page's saved worlds never lose work: a bad code is refused at the door, one unreadable entry
 * keeps the rest, a refused save is shown with its remedy, an import that cannot be saved replaces
 * nothing, another tab's newer save is never overwritten, and a long history is compacted. The
 * worker's real api runs in this thread (only the Worker boundary is left out).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { worldApi } from '../../../src/worker/api/world.ts';
import { policyApi } from '../../../src/worker/api/policy.ts';
import { worlds } from '../../../src/worker/worlds.ts';

vi.mock('../../../src/worker/client.ts', () => {
  const api = { ping: () => 'pong', ...worldApi, ...policyApi };
  return { withSimulator: (task: (a: typeof api) => unknown) => Promise.resolve(task(api)), onRestart: () => () => undefined };
});

const { WorldSession } = await import('../../../src/widgets/world-session.svelte.ts');
const { TerminalState, RENDERED_ENTRIES, TRIM_STEP, KEPT_ENTRIES, CHUNK_ENTRIES } = await import('../../../src/widgets/Terminal.svelte.ts');
const { AuditLogState } = await import('../../../src/widgets/AuditLog.svelte.ts');
const { STORAGE_PREFIX, corruptCopies, pageKey } = await import('../../../src/worker/storage.ts');

let n = 0;
const fresh = () => `unit-${n++}`;
const keyOf = (name: string) => STORAGE_PREFIX + pageKey('world', name);
/** The world as a reloaded page sees it: a new worker (nothing of the world left in it) and a new session. */
const reload = async (name: string) => {
  await worlds.reset(name, { seed: 'a page reload starts from what is saved' });
  return new WorldSession(name);
};
/** The saved journal, its snapshot read from where the journal names it (saved-world.ts). */
const stored = (name: string) => {
  const journal = JSON.parse(localStorage.getItem(keyOf(name)) ?? 'null') as {
    ops: { kind: string; line?: string }[];
    snapshot?: string | undefined;
    snapshotRef?: string;
  };
  if (journal?.snapshotRef !== undefined)
    journal.snapshot = localStorage.getItem(`${keyOf(name)}:snapshot:${journal.snapshotRef}`) ?? undefined;
  return journal;
};
const users = async (s: InstanceType<typeof WorldSession>) =>
  (await s.run('aws iam list-users --query Users[].UserName --output text')).stdout.trim();

beforeEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('refusing bad input at the door', () => {
  it('a five-digit MFA code at the prompt is refused with a message; nothing is written, the prompt stays', async () => {
    const term = new TerminalState(fresh());
    await term.session.run('aws sts get-caller-identity');
    term.mfaPrompt = { command: 'aws sts get-caller-identity --profile r', prompt: 'Enter MFA code for arn:aws:iam::123456789012:mfa/x:' };
    const before = localStorage.getItem(keyOf(term.session.name));
    term.line = '12345';
    await term.submit();
    expect(term.refused).toMatch(/six digits .*5 characters/);
    expect(term.mfaPrompt).not.toBeNull();
    expect(localStorage.getItem(keyOf(term.session.name))).toBe(before);
  });

  it('the worker refuses such an entry too (any door), so a saved journal always loads', async () => {
    const s = new WorldSession(fresh());
    const out = await s.run('aws sts get-caller-identity', { mfaCode: '12345' });
    expect(out.stderr).toMatch(/six digits.*\[BAD_MFA_CODE\]/);
    expect(stored(s.name).ops.some((op) => op.line === 'aws sts get-caller-identity')).toBe(false);
  });
});

describe('one bad entry never discards a journal', () => {
  it('keeps every valid entry, says what was dropped, and keeps the original to download', async () => {
    const name = fresh();
    const journal = {
      version: 1,
      start: { seed: 'x', now: '2026-03-02T09:00:00Z' },
      ops: [
        { kind: 'run', line: 'aws iam create-user --user-name kept' },
        { kind: 'run', line: 'aws sts get-caller-identity', mfaCode: '12345' },
        { kind: 'run', line: 'aws iam create-user --user-name also-kept' },
      ],
    };
    const raw = JSON.stringify(journal);
    localStorage.setItem(keyOf(name), raw);
    const s = new WorldSession(name);
    expect(await users(s)).toBe('also-kept\tkept');
    expect(s.notice).toMatchObject({ kind: 'problem', unreadable: true, text: expect.stringMatching(/One entry was left out .*entry 2/) });
    expect(s.unreadableText()).toBe(raw);
    expect(corruptCopies(pageKey('world', name))).toHaveLength(1);
  });

  it('keeps at most three bounded copies of unreadable entries', async () => {
    const name = fresh();
    for (let i = 0; i < 5; i++) {
      localStorage.setItem(keyOf(name), `{broken ${'x'.repeat(300_000)}`);
      const s = new WorldSession(name);
      await s.journal();
      await new Promise((r) => setTimeout(r, 2));
    }
    const copies = corruptCopies(pageKey('world', name));
    expect(copies).toHaveLength(3);
    for (const k of copies) expect(localStorage.getItem(STORAGE_PREFIX + k)!.length).toBeLessThan(101_000);
  });
});

describe('storage failures are shown', () => {
  it('a refused save (QuotaExceededError) gives a persistent notice with the remedy; saving resumes when space is back', async () => {
    const s = new WorldSession(fresh());
    await s.journal();
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await s.run('aws iam create-user --user-name lost-without-notice');
    expect(s.notice).toMatchObject({ kind: 'problem', exportOffer: true, text: expect.stringMatching(/NOT saved.*full.*Export/) });
    setItem.mockRestore();
    await s.run('aws iam create-user --user-name next');
    expect(s.notice).toBeNull();
    expect(stored(s.name).ops.map((op) => op.line)).toContain('aws iam create-user --user-name lost-without-notice');
  });

  it('an import that cannot be saved is refused before it replaces anything', async () => {
    const s = new WorldSession(fresh());
    await s.run('aws iam create-user --user-name mine');
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const result = await s.replace({
      version: 2,
      start: { seed: 'other' },
      ops: [{ kind: 'run', line: 'aws iam create-user --user-name theirs' }],
    });
    setItem.mockRestore();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'WORLD_TOO_LARGE_TO_SAVE', message: expect.stringMatching(/nothing was replaced/) },
    });
    expect(await users(s)).toBe('mine');
  });

  it('warns when the storage is 80 % full', async () => {
    localStorage.setItem('someone-else', 'x'.repeat(4_100_000));
    const s = new WorldSession(fresh());
    await s.run('aws sts get-caller-identity');
    expect(s.storageWarning).toMatch(/8\d % full/);
  });
});

describe('two tabs on one world', () => {
  it('never overwrites what another tab saved later, and says so', async () => {
    const s = new WorldSession(fresh());
    await s.run('aws iam create-user --user-name here');
    const newer = JSON.stringify({
      version: 2,
      start: { seed: 'tab2' },
      ops: [{ kind: 'run', line: 'aws iam create-user --user-name other-tab' }],
    });
    localStorage.setItem(keyOf(s.name), newer); // the other tab saved (its storage event is not delivered yet)
    await s.run('aws iam create-user --user-name stale');
    expect(localStorage.getItem(keyOf(s.name))).toBe(newer);
    expect(s.notice).toMatchObject({ conflict: true, text: expect.stringMatching(/another tab/) });
    await s.useSaved();
    expect(await users(s)).toBe('other-tab');
  });

  it("follows the other tab's save when its storage event arrives", async () => {
    const s = new WorldSession(fresh());
    await s.run('aws iam create-user --user-name old');
    const newer = JSON.stringify({
      version: 2,
      start: { seed: 'tab2' },
      ops: [{ kind: 'run', line: 'aws iam create-user --user-name from-tab-2' }],
    });
    localStorage.setItem(keyOf(s.name), newer);
    window.dispatchEvent(new StorageEvent('storage', { key: keyOf(s.name), newValue: newer }));
    await s.journal();
    expect(await users(s)).toBe('from-tab-2');
    expect(s.notice).toMatchObject({ kind: 'info', text: expect.stringMatching(/another tab/) });
  });
});

describe('a long history', () => {
  it('is compacted (snapshot + short tail) and a reload restores it', async () => {
    const name = fresh();
    const s = new WorldSession(name);
    for (let i = 0; i < 230; i++) await s.run(`aws iam create-user --user-name u${i}`);
    const saved = stored(name);
    expect(saved.snapshot).toBeTypeOf('string');
    expect(saved.ops.length).toBeLessThan(200);
    const reloaded = await reload(name);
    const list = await users(reloaded);
    expect(list.split('\t')).toHaveLength(230);
  });

  it('the snapshot crosses from the worker only when it changed, and every save still holds it', async () => {
    const name = fresh();
    const s = new WorldSession(name);
    const updates: boolean[] = [];
    const journalUpdate = worlds.journalUpdate.bind(worlds);
    vi.spyOn(worlds, 'journalUpdate').mockImplementation(async (world, known) => {
      const update = await journalUpdate(world, known);
      updates.push(update.snapshotKept);
      return update;
    });
    for (let i = 0; i < 230; i++) await s.run(`aws iam create-user --user-name u${i}`);
    // Compacted once (after 200 entries): the saves after it carry the snapshot without re-sending it.
    expect(updates.filter((kept) => kept).length).toBeGreaterThan(20);
    const saved = stored(name);
    expect(saved.snapshot).toBeTypeOf('string');
    expect(saved.snapshot).toBe((await worlds.journal(name)).snapshot);
    expect((await users(await reload(name))).split('\t')).toHaveLength(230);
  });

  it('a worker that starts over (a new generation) sends the whole journal again', async () => {
    const name = fresh();
    const s = new WorldSession(name);
    for (let i = 0; i < 205; i++) await s.run(`aws iam create-user --user-name u${i}`);
    const before = stored(name).snapshot;
    expect(before).toBeTypeOf('string');
    // A reset builds a new world: its generation is new, so the old snapshot is never reused.
    await s.reset();
    await s.run('aws iam create-user --user-name only');
    expect(stored(name).snapshot).toBeUndefined();
    expect(await users(await reload(name))).toBe('only');
  });

  it('the terminal renders only the newest entries, earlier ones on demand', async () => {
    const term = new TerminalState(fresh());
    for (let i = 0; i < 130; i++) {
      term.line = 'aws sts get-caller-identity --query Account --output text';
      await term.submit();
    }
    expect(term.visible).toHaveLength(100);
    expect(term.hidden).toBe(30);
    // The 30 that left the window stay in the page, hidden, until TRIM_STEP (50) have left.
    expect(term.kept).toHaveLength(130);
    expect(term.firstShownId).toBe(term.visible[0]?.id);
    term.showEarlier();
    expect(term.visible).toHaveLength(130);
  });

  it('entries leave the page in steps of TRIM_STEP, counted from the first command even once the oldest are forgotten', async () => {
    const term = new TerminalState(fresh());
    const run = async (n: number) => {
      for (let i = 0; i < n; i++) {
        term.line = 'aws sts get-caller-identity --query Account --output text';
        await term.submit();
      }
    };
    await run(RENDERED_ENTRIES + TRIM_STEP - 1);
    expect(term.kept).toHaveLength(RENDERED_ENTRIES + TRIM_STEP - 1);
    const oldest = term.kept[0]?.id;
    await run(1);
    expect(term.kept).toHaveLength(RENDERED_ENTRIES);
    expect(term.kept[0]?.id).toBe(term.firstShownId);
    expect(term.kept[0]?.id).toBe((oldest ?? 0) + TRIM_STEP);
    // Past KEPT_ENTRIES the oldest are forgotten one by one; the page's first entry still moves in steps.
    await run(KEPT_ENTRIES - RENDERED_ENTRIES - TRIM_STEP + 10);
    expect(term.forgotten).toBe(10);
    const first = term.kept[0]?.id;
    expect(term.kept.length).toBeLessThan(RENDERED_ENTRIES + TRIM_STEP);
    const groups = term.chunks;
    await run(1);
    expect(term.forgotten).toBe(11);
    expect(term.kept[0]?.id).toBe(first);
    // The log groups the kept entries by position from the first command: a group keeps its key
    // and its entries while the oldest are forgotten, and only the newest group grows.
    expect(term.chunks.flatMap((c) => c.entries)).toEqual(term.kept);
    expect(term.chunks.every((c) => c.entries.length <= CHUNK_ENTRIES)).toBe(true);
    expect(term.chunks.slice(0, groups.length - 1)).toEqual(groups.slice(0, -1));
    expect(term.chunks.map((c) => c.key)).toEqual([...new Set(term.chunks.map((c) => c.key))].sort((a, b) => a - b));
  });
});

describe('the audit log after hours of use', () => {
  it('reads only the new records, renders the newest 100, and starts over when the world is replaced', async () => {
    const log = new AuditLogState(fresh());
    for (let i = 0; i < 120; i++) await log.session.run(`aws iam create-user --user-name a${i}`);
    await log.refresh();
    expect(log.rows).toHaveLength(120);
    await log.session.run('aws iam create-user --user-name later');
    await log.refresh();
    expect(log.rows).toHaveLength(121);
    expect(log.rows.at(-1)?.index).toBe(120);
    expect(log.page).toHaveLength(100);
    log.showOlder();
    expect(log.page).toHaveLength(121);
    await log.session.reset({ seed: 'other' });
    await log.session.run('aws sts get-caller-identity');
    await log.refresh();
    expect(log.rows).toHaveLength(1);
  });
});

describe('the world clock follows real time', () => {
  it('moves forward by the real time that passed before the next command', async () => {
    const s = new WorldSession(fresh());
    await s.run('aws sts get-caller-identity');
    const before = await worldApi.clock(s.name);
    const spy = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 100_000);
    await s.run('aws sts get-caller-identity');
    spy.mockRestore();
    const after = await worldApi.clock(s.name);
    if (!before.ok || !after.ok) throw new Error('no clock');
    expect(after.value - before.value).toBeGreaterThanOrEqual(100_000);
    expect(after.value - before.value).toBeLessThan(103_000);
  });
});
