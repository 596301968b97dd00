import { describe, expect, it } from 'vitest';
import { canonicalJson, completionProven, genesisHash, nextLink, verifyChain } from '../../../src/room/chain.ts';
import type { ChainedEvent, EventBody } from '../../../src/room/protocol.ts';

const ex = { lesson: '01-what-is-iam', exercise: 'who-am-i' };
async function chain(bodies: EventBody[]): Promise<{ genesis: string; links: ChainedEvent[] }> {
  const genesis = await genesisHash('log-aaaaaaaaaaaaaaaa');
  const links: ChainedEvent[] = [];
  let head = { seq: 0, hash: genesis };
  for (const body of bodies) {
    const link = await nextLink(head, body, '2026-12-02T09:00:00.000Z');
    links.push(link);
    head = link;
  }
  return { genesis, links };
}

describe('exercise log hash chain', () => {
  it('hashes the same content the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });

  it('verifies an intact chain, and finds an edited, dropped or reordered link', async () => {
    const { genesis, links } = await chain([
      { kind: 'started', ...ex },
      { kind: 'hint', ...ex, hint: 1 },
      { kind: 'solution', ...ex },
    ]);
    const from = { seq: 0, hash: genesis };
    expect(await verifyChain(from, links)).toBeNull();
    const edited = links.map((l, i) => (i === 1 ? { ...l, body: { kind: 'hint', ...ex, hint: 2 } as EventBody } : l));
    expect(await verifyChain(from, edited)).toEqual({ seq: 2, code: 'ROOM_CHAIN_HASH' });
    expect(await verifyChain(from, [links[0]!, links[2]!])).toEqual({ seq: 3, code: 'ROOM_CHAIN_GAP' });
    const renumbered = [links[0]!, { ...links[2]!, seq: 2 }];
    expect(await verifyChain(from, renumbered)).toEqual({ seq: 2, code: 'ROOM_CHAIN_PREV' });
    expect(await verifyChain({ seq: 0, hash: await genesisHash('log-bbbbbbbbbbbbbbbb') }, links)).toEqual({
      seq: 1,
      code: 'ROOM_CHAIN_PREV',
    });
  });

  it('proves a completion only by a passing check run since the exercise was last started', () => {
    const pass: EventBody = { kind: 'check', ...ex, total: 1, failing: [] };
    const fail: EventBody = { kind: 'check', ...ex, total: 1, failing: [{ id: 'caller', code: 'TRAIL_TOO_FEW' }] };
    const started: EventBody = { kind: 'started', ...ex };
    const other: EventBody = { kind: 'check', lesson: ex.lesson, exercise: 'other', total: 1, failing: [] };
    expect(completionProven([started, pass, other], ex.lesson, ex.exercise)).toBe(true);
    expect(completionProven([started, fail], ex.lesson, ex.exercise)).toBe(false);
    expect(completionProven([pass, started], ex.lesson, ex.exercise)).toBe(false);
    expect(completionProven([], ex.lesson, ex.exercise)).toBe(false);
    expect(completionProven([{ kind: 'check', ...ex, total: 0, failing: [] }], ex.lesson, ex.exercise)).toBe(false);
  });
});
