// @ts-check
/**
 * The room's same-origin JSON API under /api/room (mounted by scripts/serve.mjs with `--room`).
 * Learners join with the room code and report their exercise events; the instructor, with the
 * secret, gets the dashboard (server-sent events), exports, merges offline logs, switches
 * instructor mode for the room and resets it. Every body is parsed with the zod schemas of
 * src/room/protocol.ts; anything malformed or oversized is answered 4xx with a code and not stored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  MAX_BODY_BYTES,
  MAX_LOG_FILE_BYTES,
  ROOM_API,
  instructorLoginSchema,
  instructorModeSchema,
  joinRequestSchema,
  logFileSchema,
  mergeRequestSchema,
  reportBatchSchema,
} from '../../src/room/protocol.ts';
import { completionProven, genesisHash, verifyChain } from '../../src/room/chain.ts';
import { RoomHttpError, bearer, cookies, firstIssue, readJson, sendError, sendJson } from './http.mjs';
import { roomCsv } from './export.mjs';

/** The instructor's dashboard cookie. */
const INSTRUCTOR_COOKIE = 'iam-dojo-instructor';

/**
 * The API over a RoomStore.
 * @param {import('./store.mjs').RoomStore} store
 * @param {{ joinUrl?: string }} [options] the link learners open (for the dashboard's QR code)
 */
export function createRoomApi(store, options = {}) {
  /** @type {Set<import('node:http').ServerResponse>} */
  const streams = new Set();
  /** Per-learner queue: one learner's batches are applied one after another. @type {Map<string, Promise<unknown>>} */
  const queues = new Map();
  const heartbeat = setInterval(() => broadcastComment('keep-alive'), 20_000);
  heartbeat.unref();

  const dashboardToken = () => {
    const room = store.room();
    return room ? createHmac('sha256', room.secret).update('iam-dojo-dashboard').digest('hex') : undefined;
  };
  /** @param {import('node:http').IncomingMessage} req */
  const isInstructor = (req) => {
    const expected = dashboardToken();
    const given = cookies(req)[INSTRUCTOR_COOKIE];
    return Boolean(expected && given && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected)));
  };
  /** @param {import('node:http').IncomingMessage} req */
  const requireInstructor = (req) => {
    if (!isInstructor(req)) throw new RoomHttpError('ROOM_NOT_INSTRUCTOR');
  };
  const requireRoom = () => {
    const room = store.room();
    if (!room) throw new RoomHttpError('ROOM_NONE');
    return room;
  };
  /** @template T @param {{ safeParse: (v: unknown) => { success: true, data: T } | { success: false, error: any } }} schema @param {unknown} value @returns {T} */
  const parse = (schema, value, code = /** @type {'ROOM_INVALID' | 'ROOM_FILE_INVALID'} */ ('ROOM_INVALID')) => {
    const result = schema.safeParse(value);
    if (!result.success) throw new RoomHttpError(code, firstIssue(result.error));
    return result.data;
  };

  /** @param {string} event @param {unknown} data */
  function broadcast(event, data) {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of streams) res.write(frame);
  }
  /** @param {string} text */
  function broadcastComment(text) {
    for (const res of streams) res.write(`: ${text}\n\n`);
  }

  /** @type {Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void> | void>} */
  const routes = {
    'GET /': (req, res) => {
      const room = store.room();
      const instructor = isInstructor(req);
      sendJson(res, 200, {
        room: room ? { name: room.name, code: room.code, instructorMode: room.instructorMode } : null,
        instructor,
        ...(instructor && options.joinUrl ? { joinUrl: options.joinUrl } : {}),
      });
    },

    'POST /join': async (req, res) => {
      const room = requireRoom();
      const body = parse(joinRequestSchema, await readJson(req, MAX_BODY_BYTES));
      if (body.code !== room.code) throw new RoomHttpError('ROOM_BAD_CODE');
      const learner = store.join(body.name, body.from);
      broadcast('learner', { id: learner.id, name: body.name, joinedAt: new Date().toISOString(), source: 'room' });
      sendJson(res, 200, {
        learner: { id: learner.id, name: body.name },
        token: learner.token,
        room: { name: room.name, code: room.code, instructorMode: room.instructorMode },
      });
    },

    'POST /reports': async (req, res) => {
      const room = requireRoom();
      const token = bearer(req);
      const learner = token ? store.learnerByToken(token) : undefined;
      if (!learner) throw new RoomHttpError('ROOM_NOT_JOINED');
      const batch = parse(reportBatchSchema, await readJson(req, MAX_BODY_BYTES));
      const acked = await inQueue(learner.id, () => acceptReports(learner.id, batch.events));
      sendJson(res, 200, { acked, instructorMode: room.instructorMode });
    },

    'GET /stream': (req, res) => {
      requireInstructor(req);
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`retry: 2000\nevent: snapshot\ndata: ${JSON.stringify(store.snapshot())}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
    },

    'POST /instructor/login': async (req, res) => {
      const room = requireRoom();
      const { secret } = parse(instructorLoginSchema, await readJson(req, MAX_BODY_BYTES));
      const a = Buffer.from(secret);
      const b = Buffer.from(room.secret);
      if (a.length !== b.length || !timingSafeEqual(a, b)) throw new RoomHttpError('ROOM_WRONG_SECRET');
      sendJson(
        res,
        200,
        { instructor: true },
        { 'set-cookie': `${INSTRUCTOR_COOKIE}=${dashboardToken()}; Path=${ROOM_API}; HttpOnly; SameSite=Strict` },
      );
    },

    'POST /instructor/logout': (_req, res) => {
      sendJson(
        res,
        200,
        { instructor: false },
        { 'set-cookie': `${INSTRUCTOR_COOKIE}=; Path=${ROOM_API}; HttpOnly; SameSite=Strict; Max-Age=0` },
      );
    },

    'POST /instructor-mode': async (req, res) => {
      requireInstructor(req);
      const { enabled } = parse(instructorModeSchema, await readJson(req, MAX_BODY_BYTES));
      store.setInstructorMode(enabled);
      broadcast('room', { instructorMode: enabled });
      sendJson(res, 200, { instructorMode: enabled });
    },

    'POST /reset': async (req, res) => {
      requireInstructor(req);
      await readJson(req, MAX_BODY_BYTES);
      // Wait for batches in flight, so none lands after the reset.
      await Promise.all(queues.values());
      store.reset();
      broadcast('snapshot', store.snapshot());
      sendJson(res, 200, { reset: true });
    },

    'POST /merge': async (req, res) => {
      requireInstructor(req);
      const request = parse(mergeRequestSchema, await readJson(req, MAX_LOG_FILE_BYTES));
      const log = parse(logFileSchema, request.log, 'ROOM_FILE_INVALID');
      if (store.mergedLog(log.logId)) throw new RoomHttpError('ROOM_FILE_DUPLICATE', request.fileName);
      if (log.base.seq === 0 && log.base.hash !== (await genesisHash(log.logId)))
        throw new RoomHttpError('ROOM_FILE_CHAIN', 'its first link does not start the log');
      const broken = await verifyChain(log.base, log.events);
      if (broken) throw new RoomHttpError('ROOM_FILE_CHAIN', `link ${broken.seq} (${broken.code})`);
      const links = proveCompletions(undefined, log.events);
      const added = store.addFromFile(log.name, log.logId, log.base, links);
      broadcast('snapshot', store.snapshot());
      const completions = links.filter((l) => l.event.body.kind === 'completed');
      sendJson(res, 200, {
        learner: { id: added.id, name: log.name },
        events: added.events.length,
        completions: completions.length,
        unproven: completions.filter((l) => !l.verified).length,
      });
    },

    'GET /export.json': (req, res) => {
      requireInstructor(req);
      sendJson(
        res,
        200,
        { format: 'iam-dojo-room', version: 1, exportedAt: new Date().toISOString(), ...store.snapshot() },
        { 'content-disposition': 'attachment; filename="room.json"' },
      );
    },

    'GET /export.csv': (req, res) => {
      requireInstructor(req);
      const snapshot = requireRoom() && store.snapshot();
      const text = roomCsv(/** @type {import('../../src/room/protocol.ts').RoomSnapshot} */ (snapshot), Date.now());
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'cache-control': 'no-store',
        'content-disposition': 'attachment; filename="room.csv"',
      });
      res.end(text);
    },

    'GET /stats': (req, res) => {
      requireInstructor(req);
      sendJson(res, 200, { events: store.eventCount(), rssBytes: process.memoryUsage().rss, streams: streams.size });
    },
  };

  /**
   * Applies a learner's batch: links already stored are acknowledged again (a resend), the rest
   * must continue the learner's chain exactly. Answers the highest stored sequence number.
   * @param {string} learnerId @param {import('../../src/room/protocol.ts').ChainedEvent[]} events
   */
  async function acceptReports(learnerId, events) {
    const learner = store.learner(learnerId);
    if (!learner) throw new RoomHttpError('ROOM_NOT_JOINED');
    const fresh = events.filter((e) => e.seq > learner.headSeq);
    if (fresh.length === 0) return learner.headSeq;
    const head = { seq: learner.headSeq, hash: learner.headHash };
    const broken = await verifyChain(head, fresh);
    if (broken) throw new RoomHttpError(broken.code, `report ${broken.seq}`, { acked: learner.headSeq });
    const stored = store.append(learnerId, proveCompletions(learnerId, fresh));
    broadcast('events', stored);
    return fresh[fresh.length - 1]?.seq ?? learner.headSeq;
  }

  /**
   * Marks each completion proven or not: the links before it (stored, then earlier in this batch)
   * must show a passing check run of that exercise since it was last started.
   * @param {string | undefined} learnerId @param {import('../../src/room/protocol.ts').ChainedEvent[]} events
   */
  function proveCompletions(learnerId, events) {
    return events.map((event, i) => {
      const b = event.body;
      if (b.kind !== 'completed') return { event, verified: true };
      const stored = learnerId ? store.lastOfExercise(learnerId, b.lesson, b.exercise) : undefined;
      const before = [...(stored ? [stored] : []), ...events.slice(0, i).map((e) => e.body)];
      return { event, verified: completionProven(before, b.lesson, b.exercise) };
    });
  }

  /** @template T @param {string} key @param {() => Promise<T>} work @returns {Promise<T>} */
  function inQueue(key, work) {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  }

  return {
    /**
     * Answers a request under /api/room; false when the URL is not the room's.
     * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
     */
    async handle(req, res) {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path !== ROOM_API && !path.startsWith(`${ROOM_API}/`)) return false;
      const sub = path.slice(ROOM_API.length) || '/';
      const route = routes[`${req.method} ${sub}`];
      try {
        if (!route)
          throw new RoomHttpError(Object.keys(routes).some((k) => k.endsWith(` ${sub}`)) ? 'ROOM_METHOD' : 'ROOM_UNKNOWN_ENDPOINT');
        await route(req, res);
      } catch (error) {
        sendError(res, error);
      }
      return true;
    },
    /** Ends the dashboards' streams (server shutdown). */
    close() {
      clearInterval(heartbeat);
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}
