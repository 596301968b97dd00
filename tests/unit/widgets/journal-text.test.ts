/**
 * The saved text of a journal is exactly what JSON.stringify writes, whether the snapshot's
 * encoding is reused or not, so a world saved this way loads like any other.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JournalText } from '../../../src/widgets/journal-text.ts';
import type { WorldJournal } from '../../../src/worker/protocol.ts';

const journal = (snapshot: string | undefined, lines: string[], folded?: number): WorldJournal =>
  ({
    version: 2,
    start: { accountId: '123456789012' },
    snapshot,
    folded,
    ops: lines.map((line) => ({ kind: 'run', line })),
  }) as unknown as WorldJournal;

describe('JournalText', () => {
  it('writes what JSON.stringify writes, with and without a snapshot and with members left undefined', () => {
    const text = new JournalText();
    for (const j of [journal(undefined, []), journal('eJzLSM3JyQcABiwCFQ==', ['aws iam list-users']), journal('x', [], 3)]) {
      expect(text.of(j)).toBe(JSON.stringify(j));
      expect(JSON.parse(text.of(j))).toEqual(JSON.parse(JSON.stringify(j)));
    }
  });

  it('stays exact across saves as the snapshot changes, returns or stays (any text, quotes and escapes too)', () => {
    const text = new JournalText();
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.option(fc.oneof(fc.constantFrom('eJzLSM3JyQcABiwCFQ==', 'a"b\\c\n'), fc.string()), { nil: undefined }),
            fc.array(fc.string(), { maxLength: 4 }),
          ),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (saves) => {
          for (const [snapshot, lines] of saves) {
            const j = journal(snapshot, lines);
            expect(text.of(j)).toBe(JSON.stringify(j));
          }
        },
      ),
    );
  });
});
