import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { decodeShare, decodeText, encodeShare, MAX_INFLATED_BYTES, MAX_SHARE_CHARS } from '../../../src/widgets/playground/share-link.ts';

const journal = {
  version: 2 as const,
  start: { seed: 'abc', now: '2026-03-02T09:00:00.000Z' },
  ops: [
    { kind: 'run' as const, line: 'aws iam create-user --user-name alice' },
    { kind: 'advance' as const, seconds: 30 },
  ],
};

function fragmentOf(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `#world=${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
}

describe('share links', () => {
  it('round-trips a journal', () => {
    const decoded = decodeShare(`#${encodeShare(journal)}`);
    expect(decoded).toEqual({ ok: true, kind: 'journal', journal, dropped: [] });
  });

  it('opens a link made before snapshots existed (format 1), upgraded', () => {
    const old = { ...journal, version: 1 };
    const decoded = decodeShare(fragmentOf(deflateSync(strToU8(JSON.stringify(old)))));
    expect(decoded).toEqual({ ok: true, kind: 'journal', journal, dropped: [] });
  });

  it('answers undefined when the fragment holds no world', () => {
    expect(decodeShare('#section-2')).toBeUndefined();
  });

  // Learners review, part 2 polish: "#world=" with nothing after it said "This is not JSON: Unexpected end of JSON input".
  it('a link cut off after #world= says it was cut off', () => {
    const decoded = decodeShare('#world=');
    expect(decoded).toEqual({ ok: false, error: { code: 'SHARE_EMPTY', message: expect.stringContaining('cut off') as string } });
    expect(JSON.stringify(decoded)).not.toContain('JSON');
  });

  it.each([
    ['markup', '#world=<script>alert(1)</script>', 'SHARE_NOT_BASE64'],
    ['too long', `#world=${'A'.repeat(MAX_SHARE_CHARS + 1)}`, 'SHARE_TOO_LARGE'],
    ['not deflate', '#world=AAAAAAAA', 'SHARE_NOT_DEFLATE'],
  ])('refuses %s with a stable code', (_name, fragment, code) => {
    const decoded = decodeShare(fragment);
    expect(decoded?.ok).toBe(false);
    if (decoded && !decoded.ok) expect([code, 'NOT_JSON']).toContain(decoded.error.code);
  });

  it('stops a decompression bomb at the inflated-size limit', () => {
    const bomb = deflateSync(new Uint8Array(MAX_INFLATED_BYTES * 2).fill(32), { level: 9 });
    const decoded = decodeShare(fragmentOf(bomb));
    expect(decoded).toMatchObject({ ok: false, error: { code: 'SHARE_INFLATES_TOO_LARGE' } });
  });

  it('leaves out an unknown operation and says so (it is data, never executed); the valid ones stay', () => {
    const hostile = deflateSync(
      strToU8(JSON.stringify({ version: 1, start: {}, ops: [{ kind: 'eval', code: 'alert(1)' }, journal.ops[0]] })),
    );
    const decoded = decodeShare(fragmentOf(hostile));
    expect(decoded).toMatchObject({ ok: true, kind: 'journal', journal: { ops: [journal.ops[0]] } });
    if (decoded?.ok && decoded.kind === 'journal')
      expect(decoded.dropped).toEqual([{ index: 0, reason: expect.stringContaining('entry 1 (eval)') }]);
  });

  it('refuses a world whose start cannot be used, in words', () => {
    const bad = deflateSync(strToU8(JSON.stringify({ version: 1, start: { accountId: 'x' }, ops: [] })));
    expect(decodeShare(fragmentOf(bad))).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_WORLD', message: expect.stringContaining('"start"') },
    });
  });
});

describe('imports', () => {
  it('recognises get-account-authorization-details output', () => {
    const decoded = decodeText(JSON.stringify({ UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] }));
    expect(decoded).toMatchObject({ ok: true, kind: 'authorizationDetails' });
  });

  it('refuses JSON that is neither', () => {
    expect(decodeText('{"UserDetailList": "nope"}')).toMatchObject({ ok: false, error: { code: 'NOT_A_WORLD' } });
    expect(decodeText('[1,2')).toMatchObject({ ok: false, error: { code: 'NOT_JSON' } });
  });
});
