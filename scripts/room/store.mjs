// @ts-check
/**
 * The room's database: one SQLite file (node:sqlite, built into Node ≥ 22.5) beside the server,
 * so that a laptop restart loses nothing. It holds the open room (name, code, instructor secret),
 * the learners and every accepted report. Writes happen in transactions; a report is acknowledged
 * to the browser only after its transaction committed.
 */
import { DatabaseSync } from 'node:sqlite';
import { createHash, randomBytes, randomInt } from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS room (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL, code TEXT NOT NULL, secret TEXT NOT NULL,
  instructor_mode INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS learner (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT UNIQUE, source TEXT NOT NULL,
  log_id TEXT, joined_at TEXT NOT NULL, head_seq INTEGER NOT NULL, head_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  learner TEXT NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, at TEXT NOT NULL, received_at TEXT NOT NULL, kind TEXT NOT NULL,
  lesson TEXT, exercise TEXT, body TEXT NOT NULL, hash TEXT NOT NULL, verified INTEGER NOT NULL,
  UNIQUE (learner, seq)
);
CREATE INDEX IF NOT EXISTS event_by_exercise ON event (learner, lesson, exercise, seq);
`;

/** SHA-256 hex of a text (tokens are stored hashed, never as sent). @param {string} text */
export function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}

/** A random room code of six unambiguous letters and digits. */
export function newRoomCode() {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The room's database. */
export class RoomStore {
  /** @param {string} file the SQLite file (`:memory:` in tests) */
  constructor(file) {
    this.file = file;
    this.db = new DatabaseSync(file);
    // WAL keeps readers (the dashboard's snapshot) from blocking the reports' writes; FULL sync
    // makes an acknowledged report survive a power cut, not just a killed process.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
    this.db.exec(SCHEMA);
    this.q = {
      room: this.db.prepare('SELECT name, code, secret, instructor_mode AS instructorMode, created_at AS createdAt FROM room WHERE id = 1'),
      learnerByToken: this.db.prepare('SELECT id, name, head_seq AS headSeq, head_hash AS headHash FROM learner WHERE token_hash = ?'),
      learnerById: this.db.prepare('SELECT id, name, head_seq AS headSeq, head_hash AS headHash FROM learner WHERE id = ?'),
      learnerByLog: this.db.prepare("SELECT id FROM learner WHERE log_id = ? AND source = 'file'"),
      insertLearner: this.db.prepare(
        'INSERT INTO learner (id, name, token_hash, source, log_id, joined_at, head_seq, head_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertEvent: this.db.prepare(
        'INSERT INTO event (learner, seq, at, received_at, kind, lesson, exercise, body, hash, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      moveHead: this.db.prepare('UPDATE learner SET head_seq = ?, head_hash = ? WHERE id = ?'),
      lastOfExercise: this.db.prepare(
        "SELECT body FROM event WHERE learner = ? AND lesson = ? AND exercise = ? AND kind IN ('check', 'started') ORDER BY seq DESC LIMIT 1",
      ),
      learners: this.db.prepare('SELECT id, name, joined_at AS joinedAt, source FROM learner ORDER BY joined_at, id'),
      events: this.db.prepare('SELECT learner, seq, at, received_at AS receivedAt, body, verified FROM event ORDER BY id'),
      eventCount: this.db.prepare('SELECT count(*) AS n FROM event'),
      hasEvent: this.db.prepare('SELECT hash FROM event WHERE learner = ? AND seq = ?'),
    };
  }

  /** The open room with its secret, or undefined. */
  room() {
    const row = /** @type {any} */ (this.q.room.get());
    return row
      ? {
          name: String(row.name),
          code: String(row.code),
          secret: String(row.secret),
          instructorMode: row.instructorMode === 1,
          createdAt: String(row.createdAt),
        }
      : undefined;
  }

  /**
   * Opens the room: reuses the one in the file (same code and secret, so learners' browsers and the
   * projected code keep working after a restart), renamed when a new name is given; creates it otherwise.
   * @param {string | undefined} name
   */
  open(name) {
    const existing = this.room();
    if (existing) {
      if (name && name !== existing.name) this.db.prepare('UPDATE room SET name = ? WHERE id = 1').run(name);
      return { .../** @type {NonNullable<ReturnType<RoomStore['room']>>} */ (this.room()), reopened: true };
    }
    const secret = randomBytes(12).toString('base64url');
    this.db
      .prepare('INSERT INTO room (id, name, code, secret, created_at) VALUES (1, ?, ?, ?, ?)')
      .run(name || 'IAM Dojo workshop', newRoomCode(), secret, new Date().toISOString());
    return { .../** @type {NonNullable<ReturnType<RoomStore['room']>>} */ (this.room()), reopened: false };
  }

  /** @param {boolean} enabled */
  setInstructorMode(enabled) {
    this.db.prepare('UPDATE room SET instructor_mode = ? WHERE id = 1').run(enabled ? 1 : 0);
  }

  /** Forgets every learner and report (the next group); the code and secret stay. */
  reset() {
    this.transaction(() => {
      this.db.exec('DELETE FROM event; DELETE FROM learner;');
    });
  }

  /**
   * Adds a learner who joined from a browser; answers their id and bearer token (stored hashed).
   * @param {string} name @param {{ seq: number, hash: string }} from where their log stands
   */
  join(name, from) {
    const id = randomBytes(9).toString('base64url');
    const token = randomBytes(24).toString('base64url');
    this.q.insertLearner.run(id, name, sha256(token), 'room', null, new Date().toISOString(), from.seq, from.hash);
    return { id, token };
  }

  /** @param {string} token */
  learnerByToken(token) {
    const row = /** @type {any} */ (this.q.learnerByToken.get(sha256(token)));
    return row ? { id: String(row.id), name: String(row.name), headSeq: Number(row.headSeq), headHash: String(row.headHash) } : undefined;
  }

  /** @param {string} id */
  learner(id) {
    const row = /** @type {any} */ (this.q.learnerById.get(id));
    return row ? { id: String(row.id), name: String(row.name), headSeq: Number(row.headSeq), headHash: String(row.headHash) } : undefined;
  }

  /** @param {string} logId */
  mergedLog(logId) {
    return this.q.learnerByLog.get(logId) !== undefined;
  }

  /**
   * The latest check or start of an exercise stored for a learner (what proves a completion).
   * @param {string} learner @param {string} lesson @param {string} exercise
   * @returns {import('../../src/room/protocol.ts').EventBody | undefined}
   */
  lastOfExercise(learner, lesson, exercise) {
    const row = /** @type {any} */ (this.q.lastOfExercise.get(learner, lesson, exercise));
    return row ? JSON.parse(String(row.body)) : undefined;
  }

  /**
   * Stores verified links and moves the learner's head, in one transaction.
   * @param {string} learner
   * @param {{ event: import('../../src/room/protocol.ts').ChainedEvent, verified: boolean }[]} links
   * @returns {import('../../src/room/protocol.ts').StoredEvent[]}
   */
  append(learner, links) {
    return this.transaction(() => this.insertLinks(learner, links));
  }

  /**
   * The inside of append(), for use within a transaction.
   * @param {string} learner
   * @param {{ event: import('../../src/room/protocol.ts').ChainedEvent, verified: boolean }[]} links
   * @returns {import('../../src/room/protocol.ts').StoredEvent[]}
   */
  insertLinks(learner, links) {
    const receivedAt = new Date().toISOString();
    {
      const stored = [];
      for (const { event, verified } of links) {
        const b = event.body;
        this.q.insertEvent.run(
          learner,
          event.seq,
          event.at,
          receivedAt,
          b.kind,
          b.lesson,
          'exercise' in b ? b.exercise : null,
          JSON.stringify(b),
          event.hash,
          verified ? 1 : 0,
        );
        stored.push({ learner, seq: event.seq, at: event.at, receivedAt, body: b, verified });
      }
      const last = links[links.length - 1];
      if (last) this.q.moveHead.run(last.event.seq, last.event.hash, learner);
      return stored;
    }
  }

  /**
   * Adds a learner from a merged log file with their links, in one transaction.
   * @param {string} name @param {string} logId @param {{ seq: number, hash: string }} base
   * @param {{ event: import('../../src/room/protocol.ts').ChainedEvent, verified: boolean }[]} links
   */
  addFromFile(name, logId, base, links) {
    const id = randomBytes(9).toString('base64url');
    return this.transaction(() => {
      this.q.insertLearner.run(id, name, null, 'file', logId, new Date().toISOString(), base.seq, base.hash);
      return { id, events: this.insertLinks(id, links) };
    });
  }

  /** Everything the dashboard shows. @returns {import('../../src/room/protocol.ts').RoomSnapshot | undefined} */
  snapshot() {
    const room = this.room();
    if (!room) return undefined;
    const learners = /** @type {any[]} */ (this.q.learners.all()).map((r) => ({
      id: String(r.id),
      name: String(r.name),
      joinedAt: String(r.joinedAt),
      source: r.source === 'file' ? 'file' : 'room',
    }));
    const events = /** @type {any[]} */ (this.q.events.all()).map((r) => ({
      learner: String(r.learner),
      seq: Number(r.seq),
      at: String(r.at),
      receivedAt: String(r.receivedAt),
      body: JSON.parse(String(r.body)),
      verified: r.verified === 1,
    }));
    return {
      room: { name: room.name, code: room.code, instructorMode: room.instructorMode, createdAt: room.createdAt },
      learners: /** @type {any} */ (learners),
      events,
    };
  }

  /** Number of stored reports. */
  eventCount() {
    return Number(/** @type {any} */ (this.q.eventCount.get()).n);
  }

  /** The stored hash of a learner's link, if it is stored (the load test's "nothing lost" check). @param {string} learner @param {number} seq */
  storedHash(learner, seq) {
    const row = /** @type {any} */ (this.q.hasEvent.get(learner, seq));
    return row ? String(row.hash) : undefined;
  }

  /**
   * Runs `work` in a transaction (IMMEDIATE: the write lock is taken up front).
   * @template T @param {() => T} work @returns {T}
   */
  transaction(work) {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const value = work();
      this.db.exec('COMMIT');
      return value;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Closes the file. */
  close() {
    if (this.db.isOpen) this.db.close();
  }
}
