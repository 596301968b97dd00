/**
 * The scenario module: every entry is checked before it is written, one bad entry never discards a
 * journal, and a long journal is folded into a snapshot (plus a short tail) that replays to the same
 * world as the whole history.
 */
import { describe, expect, it } from 'vitest';
import {
  COMPACT_AFTER_OPS,
  MAX_JOURNAL_OPS,
  JournalEntryError,
  appendOp,
  checkOp,
  compactJournal,
  decodeSnapshot,
  droppedInWords,
  needsCompaction,
  operationCount,
  readScenario,
  replayScenario,
  type WorldJournal,
} from '../../../../src/sim/scenario/index.ts';

const start = { seed: 'scenario-test', now: '2026-03-02T09:00:00Z' };

describe('checking an entry before it is written', () => {
  it('refuses a five-digit MFA code with words and a stable code', () => {
    expect(() => checkOp({ kind: 'run', line: 'aws sts get-caller-identity', mfaCode: '12345' })).toThrow(JournalEntryError);
    try {
      checkOp({ kind: 'run', line: 'x', mfaCode: '12345' });
    } catch (error) {
      expect((error as JournalEntryError).code).toBe('BAD_MFA_CODE');
      expect((error as Error).message).toMatch(/six digits/);
    }
  });

  it('refuses a line longer than the journal keeps', () => {
    expect(() => checkOp({ kind: 'run', line: 'a'.repeat(20_001) })).toThrow(expect.objectContaining({ code: 'LINE_TOO_LONG' }));
  });

  it('accepts what the journal can hold', () => {
    expect(checkOp({ kind: 'run', line: 'aws iam list-users', mfaCode: '123456' })).toEqual({
      kind: 'run',
      line: 'aws iam list-users',
      mfaCode: '123456',
    });
  });
});

describe('reading a saved world', () => {
  it('keeps every valid entry when one is bad, and says which was dropped', () => {
    const read = readScenario({
      version: 1,
      start,
      ops: [
        { kind: 'run', line: 'aws iam create-user --user-name a' },
        { kind: 'run', line: 'aws sts get-caller-identity', mfaCode: '12345' },
        { kind: 'advance', seconds: 5 },
      ],
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.journal.ops).toEqual([
      { kind: 'run', line: 'aws iam create-user --user-name a' },
      { kind: 'advance', seconds: 5 },
    ]);
    expect(read.dropped).toHaveLength(1);
    expect(droppedInWords(read.dropped)).toMatch(
      /^One entry was left out .*entry 2 \(run\): mfaCode: an MFA code is six digits.*everything else was kept\.$/,
    );
  });

  it('upgrades a format-1 world to the current format unchanged otherwise', () => {
    const read = readScenario({ version: 1, start, ops: [] });
    expect(read).toEqual({ ok: true, journal: { version: 2, start, ops: [] }, dropped: [] });
  });

  it.each([
    [[1, 2], 'SCENARIO_NOT_AN_OBJECT', /a JSON object/],
    [{ version: 9, start, ops: [] }, 'SCENARIO_NEWER_VERSION', /newer IAM Dojo/],
    [{ start, ops: [] }, 'SCENARIO_NO_VERSION', /"version"/],
    [{ version: 2, start: { now: 'yesterday' }, ops: [] }, 'SCENARIO_BAD_START', /"start".*now: not a date/],
    [{ version: 2, start, ops: 'x' }, 'SCENARIO_NO_OPS', /not a list/],
    [{ version: 2, start, ops: Array(MAX_JOURNAL_OPS + 1).fill({ kind: 'advance', seconds: 1 }) }, 'SCENARIO_TOO_MANY_OPS', /at most 2000/],
  ])('refuses %j with %s in words', (data, code, words) => {
    const read = readScenario(data);
    expect(read).toMatchObject({ ok: false, error: { code } });
    if (!read.ok) expect(read.error.message).toMatch(words);
  });
});

describe('compaction: snapshot plus tail', () => {
  it('starts long before the limit', () => {
    expect(COMPACT_AFTER_OPS).toBeLessThanOrEqual(MAX_JOURNAL_OPS / 5);
    const journal: WorldJournal = { version: 2, start, ops: [] };
    for (let i = 0; i < COMPACT_AFTER_OPS - 1; i++) appendOp(journal, { kind: 'run', line: 'aws sts get-caller-identity' });
    expect(needsCompaction(journal)).toBe(false);
    appendOp(journal, { kind: 'run', line: 'aws sts get-caller-identity' });
    expect(needsCompaction(journal)).toBe(true);
  });

  it('replays a compacted journal to the same world as the whole history', async () => {
    const journal: WorldJournal = { version: 2, start, ops: [] };
    for (let i = 0; i < 30; i++) appendOp(journal, { kind: 'run', line: `aws iam create-user --user-name u${i}` });
    appendOp(journal, { kind: 'advance', seconds: 90 });
    const full = await replayScenario(journal);
    const compacted = compactJournal(journal, full);
    expect(compacted.ops).toEqual([]);
    expect(operationCount(compacted)).toBe(31);
    appendOp(compacted, { kind: 'run', line: 'aws iam create-user --user-name after' });
    appendOp(journal, { kind: 'run', line: 'aws iam create-user --user-name after' });
    const [a, b] = [await replayScenario(journal), await replayScenario(compacted)];
    expect(b.trail()).toEqual(a.trail());
    expect(b.clock.nowMs()).toBe(a.clock.nowMs());
    expect(JSON.stringify(compacted).length).toBeLessThan(JSON.stringify(a.save()).length);
    expect(readScenario(JSON.parse(JSON.stringify(compacted)))).toMatchObject({ ok: true, dropped: [] });
  });

  it('refuses a damaged snapshot with a code instead of starting an empty world', () => {
    expect(() => decodeSnapshot('not base64!')).toThrow(expect.objectContaining({ code: 'SNAPSHOT_DAMAGED' }));
    expect(() => decodeSnapshot(btoa('plain'))).toThrow(expect.objectContaining({ code: 'SNAPSHOT_DAMAGED' }));
  });
});
