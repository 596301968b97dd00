/**
 * The text a world journal is saved as: exactly `JSON.stringify(journal)`, with the snapshot's
 * encoding reused while the snapshot stays the same. After hours of use a journal is almost all
 * snapshot (the deflated world, 200 000 characters after 2 000 commands) and a command changes only
 * the few operations after it, so encoding the snapshot again on every save cost each command of a
 * long session ~0.3 ms for nothing.
 */
import type { WorldJournal } from '../worker/protocol.ts';

/** Encodes journals, remembering the last snapshot's encoding. */
export class JournalText {
  #snapshot: string | undefined;
  #encoded = '';

  /** `JSON.stringify(journal)`. */
  of(journal: WorldJournal): string {
    const { snapshot } = journal;
    if (snapshot === undefined) return JSON.stringify(journal);
    if (snapshot !== this.#snapshot) {
      this.#snapshot = snapshot;
      this.#encoded = JSON.stringify(snapshot);
    }
    // The members in their own order, as JSON.stringify writes them (undefined ones left out).
    const members: string[] = [];
    for (const [key, value] of Object.entries(journal)) {
      if (value === undefined) continue;
      members.push(`${JSON.stringify(key)}:${key === 'snapshot' ? this.#encoded : JSON.stringify(value)}`);
    }
    return `{${members.join(',')}}`;
  }
}
