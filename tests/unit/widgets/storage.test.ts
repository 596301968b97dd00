// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { worldJournalSchema } from '../../../src/worker/journal-schema.ts';
import { STORAGE_PREFIX, corruptCopies, loadSaved, save } from '../../../src/worker/storage.ts';

describe('saved state', () => {
  beforeEach(() => localStorage.clear());

  it('reads back what it saved, validated', () => {
    const journal = { version: 2, start: { seed: 's' }, ops: [] };
    save('world:/x/:page', journal);
    expect(loadSaved('world:/x/:page', worldJournalSchema)).toEqual({ kind: 'ok', value: journal });
  });

  it('answers none when nothing was saved', () => {
    expect(loadSaved('world:/x/:page', worldJournalSchema)).toEqual({ kind: 'none' });
  });

  it.each([
    ['not JSON', '{oops'],
    ['a wrong version', '{"version":3,"start":{},"ops":[]}'],
    ['an unknown operation', '{"version":2,"start":{},"ops":[{"kind":"eval"}]}'],
  ])('sets aside %s and reports it', (_name, raw) => {
    localStorage.setItem(`${STORAGE_PREFIX}world:/x/:page`, raw);
    const loaded = loadSaved('world:/x/:page', worldJournalSchema);
    expect(loaded.kind).toBe('corrupt');
    expect(localStorage.getItem(`${STORAGE_PREFIX}world:/x/:page`)).toBeNull();
    const copies = corruptCopies('world:/x/:page');
    expect(copies).toHaveLength(1);
    expect(localStorage.getItem(`${STORAGE_PREFIX}${copies[0]}`)).toBe(raw);
  });
});
