// @ts-check
/**
 * Small HTTP helpers for the room API: JSON bodies read with a hard size limit (a larger body is
 * refused before it is read in full), JSON answers, errors with stable codes, cookies.
 */
import { ROOM_ERRORS, roomError } from '../../src/room/messages.ts';

/** An error that becomes an HTTP answer with a stable code. */
export class RoomHttpError extends Error {
  /** @param {import('../../src/room/messages.ts').RoomErrorCode} code @param {string} [detail] @param {Record<string, unknown>} [extra] */
  constructor(code, detail, extra) {
    super(roomError(code, detail).message);
    this.code = code;
    this.status = ROOM_ERRORS[code].status;
    this.detail = detail;
    this.extra = extra;
  }
}

/**
 * Reads a JSON request body of at most `limit` bytes; refuses other content types (which also keeps
 * cross-site forms out: a browser cannot send application/json to another origin without CORS).
 * @param {import('node:http').IncomingMessage} req @param {number} limit @returns {Promise<unknown>}
 */
export async function readJson(req, limit) {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new RoomHttpError('ROOM_WRONG_TYPE');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new RoomHttpError('ROOM_TOO_LARGE', `${declared} bytes, at most ${limit}`);
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new RoomHttpError('ROOM_TOO_LARGE', `more than ${limit} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new RoomHttpError('ROOM_NOT_JSON', error instanceof Error ? error.message : undefined);
  }
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string | string[]>} [headers] */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Answers an error (a RoomHttpError keeps its code; anything else is a 500). @param {import('node:http').ServerResponse} res @param {unknown} error */
export function sendError(res, error) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof RoomHttpError) {
    sendJson(
      res,
      error.status,
      { error: roomError(error.code, error.detail), ...error.extra },
      error.status === 413 ? { connection: 'close' } : {},
    );
    return;
  }
  console.error('[room] server error:', error);
  sendJson(res, 500, { error: roomError('ROOM_SERVER_ERROR') });
}

/** The cookies of a request. @param {import('node:http').IncomingMessage} req @returns {Record<string, string>} */
export function cookies(req) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return out;
}

/** The bearer token of a request, if any. @param {import('node:http').IncomingMessage} req */
export function bearer(req) {
  const match = /^Bearer ([A-Za-z0-9_-]{10,100})$/.exec(String(req.headers.authorization ?? ''));
  return match?.[1];
}

/** The first zod issue in words. @param {{ issues: { path: PropertyKey[], message: string }[] }} error */
export function firstIssue(error) {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'body'}: ${issue.message}` : 'unknown problem';
}
