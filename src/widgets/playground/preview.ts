/**
 * What the playground tells a learner before a shared or imported world replaces theirs: what it
 * holds, how large it is against what this browser can still save, what was left out, and what
 * would be replaced.
 */
import type { DroppedOp } from '../../worker/journal-schema.ts';
import { droppedInWords } from '../../worker/journal-schema.ts';
import type { WorldJournal } from '../../worker/protocol.ts';
import { ASSUMED_QUOTA_CHARS, formatChars, readText, storageUse } from '../../worker/storage.ts';
import type { Decoded } from './share-link.ts';

/** Commands listed in a preview. */
const LISTED = 5;

/** The preview's sentences. */
export interface Preview {
  kind: 'journal' | 'authorizationDetails';
  /** What the world holds and its size. */
  summary: string;
  /** The first command lines it runs. */
  commands: string[];
  /** What was left out because it could not be read ('' when nothing). */
  dropped: string;
  /** Set when the world will probably not fit in this browser's storage. */
  sizeWarning: string;
  /** What opening it replaces. */
  replaces: string;
}

/** The preview of `journal` (decoded as `decoded`) replacing `current`, saved under `key`. */
export function previewOf(
  decoded: Extract<Decoded, { ok: true }>,
  journal: WorldJournal,
  current: WorldJournal | undefined,
  key: string,
): Preview {
  const size = JSON.stringify(journal).length;
  const runs = journal.ops.filter((op) => op.kind === 'run');
  const folded = journal.folded ?? 0;
  const commands = [...(journal.start.commands ?? []), ...runs.map((op) => (op.kind === 'run' ? op.line : ''))];
  const count = commands.length + folded;
  const files = journal.ops.filter((op) => op.kind === 'writeFile').length;
  const facts = [
    journal.start.accountId ? `account ${journal.start.accountId}` : '',
    journal.start.organization ? 'an organization with its SCPs' : '',
    decoded.kind === 'authorizationDetails' ? accountFacts(decoded.details) : '',
  ].filter(Boolean);
  const summary =
    decoded.kind === 'journal'
      ? `A saved world${facts.length ? ` (${facts.join(', ')})` : ''} with ${count} ${count === 1 ? 'command' : 'commands'}${files > 0 ? ` and ${files} ${files === 1 ? 'file' : 'files'}` : ''}; about ${formatChars(size)}.`
      : `An account from get-account-authorization-details (${facts.join(', ')}); about ${formatChars(size)}.`;
  // Only the journal is replaced in place: a snapshot it names on its own stays until after the
  // new world is saved (saved-world.ts), so it is not counted as space that the import frees.
  const savedNow = readText(key)?.length ?? 0;
  const free = ASSUMED_QUOTA_CHARS - storageUse().chars + savedNow;
  const sizeWarning =
    size > free
      ? `It is larger than the about ${formatChars(Math.max(0, free))} this browser has left for IAM Dojo, so it probably cannot be saved; then nothing is replaced. Free space first (reset lessons you have finished).`
      : '';
  const currentCount = current ? (current.folded ?? 0) + current.ops.filter((op) => op.kind === 'run').length : 0;
  const replaces =
    currentCount > 0
      ? `Opening it replaces your current world (${currentCount} ${currentCount === 1 ? 'command' : 'commands'}). Export it first to keep a copy.`
      : 'Opening it replaces your current world, which is still empty.';
  return {
    kind: decoded.kind,
    summary,
    commands: commands.slice(0, LISTED).concat(commands.length > LISTED ? [`… and ${commands.length - LISTED} more`] : []),
    dropped: decoded.kind === 'journal' ? droppedInWords(decoded.dropped as DroppedOp[]) : '',
    sizeWarning,
    replaces,
  };
}

function accountFacts(details: Record<string, unknown>): string {
  const count = (k: string, one: string, many: string) => {
    const n = Array.isArray(details[k]) ? (details[k] as unknown[]).length : 0;
    return `${n} ${n === 1 ? one : many}`;
  };
  return [
    count('UserDetailList', 'user', 'users'),
    count('GroupDetailList', 'group', 'groups'),
    count('RoleDetailList', 'role', 'roles'),
    count('Policies', 'managed policy', 'managed policies'),
  ].join(', ');
}
