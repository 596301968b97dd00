/**
 * Every code the classroom answers with, and its words. The server sends `{ error: { code,
 * message } }` with these; the browser shows the message with the code small beside it.
 */

/** The room's error codes, each with the HTTP status it is sent with and the words a person reads. */
export const ROOM_ERRORS = {
  ROOM_NOT_JSON: { status: 400, message: 'The request body is not JSON.' },
  ROOM_INVALID: { status: 400, message: 'The request does not have the expected shape' },
  ROOM_TOO_LARGE: { status: 413, message: 'The request is too large; the room accepts small batches of reports.' },
  ROOM_WRONG_TYPE: { status: 415, message: 'Requests to the room must be sent as application/json.' },
  ROOM_NONE: {
    status: 404,
    message: 'No room is open on this server. The instructor starts one with `npm start -- --host --room "Name"`.',
  },
  ROOM_UNKNOWN_ENDPOINT: { status: 404, message: 'The room has no such endpoint.' },
  ROOM_BAD_CODE: { status: 403, message: 'That room code is not the code of the room on this server. Check the code on the projector.' },
  ROOM_NOT_JOINED: {
    status: 401,
    message: 'This browser is not (or no longer) a learner of the room; the room may have been reset. Join again.',
  },
  ROOM_NOT_INSTRUCTOR: {
    status: 401,
    message: 'Only the instructor secret opens the dashboard, resets the room or switches instructor mode.',
  },
  ROOM_WRONG_SECRET: { status: 403, message: 'That is not the instructor secret printed in the server terminal.' },
  ROOM_CHAIN_GAP: { status: 409, message: 'Reports arrived out of order; the browser resends from the last acknowledged one.' },
  ROOM_CHAIN_PREV: { status: 409, message: 'A report does not follow the previous one in the exercise log.' },
  ROOM_CHAIN_HASH: { status: 409, message: 'A report was changed after it was logged (its hash does not match).' },
  ROOM_FILE_INVALID: { status: 422, message: 'The file is not an IAM Dojo exercise log' },
  ROOM_FILE_CHAIN: { status: 422, message: 'The exercise log in this file was edited (its hash chain is broken), so it was not merged' },
  ROOM_FILE_DUPLICATE: { status: 409, message: 'This exercise log was already merged.' },
  ROOM_METHOD: { status: 405, message: 'That method is not allowed here.' },
  ROOM_SERVER_ERROR: { status: 500, message: 'The room server failed; the browser will retry.' },
} as const;

/** One of the room's error codes. */
export type RoomErrorCode = keyof typeof ROOM_ERRORS;

/** An error as the server sends it. */
export interface RoomError {
  code: RoomErrorCode;
  message: string;
}

/** The error body for `code`, with an optional detail appended to its words. */
export function roomError(code: RoomErrorCode, detail?: string): RoomError {
  const base = ROOM_ERRORS[code].message;
  return { code, message: detail ? `${base.replace(/\.$/, '')}: ${detail}` : base };
}
