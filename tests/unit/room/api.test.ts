import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { instructorCookie, post, startTestRoom, tempDir, TestLearner, type TestRoom } from './helpers.ts';
import { MAX_BODY_BYTES } from '../../../src/room/protocol.ts';

let rooms: TestRoom[] = [];
afterEach(async () => {
  for (const r of rooms) await r.stop().catch(() => undefined);
  rooms = [];
});
async function open(file = join(tempDir(), 'room.sqlite')): Promise<TestRoom> {
  const room = await startTestRoom(file);
  rooms.push(room);
  return room;
}
const ex = { lesson: '01-what-is-iam', exercise: 'who-am-i' };

describe('room API: joining', () => {
  it('answers the room publicly without its secret', async () => {
    const room = await open();
    const info = await (await fetch(room.url)).json();
    expect(info).toEqual({ room: { name: 'Test room', code: room.code, instructorMode: false }, instructor: false });
    expect(JSON.stringify(info)).not.toContain(room.secret);
  });

  it('refuses a wrong room code (403 ROOM_BAD_CODE) and a bad name (400 ROOM_INVALID)', async () => {
    const room = await open();
    const learner = await new TestLearner('log-aaaaaaaaaaaaaaaa').init();
    const wrong = await post(`${room.url}/join`, { code: room.code === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF', name: 'Ana', from: learner.head });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'ROOM_BAD_CODE']);
    const bad = await post(`${room.url}/join`, { code: room.code, name: '   ', from: learner.head });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'ROOM_INVALID']);
  });

  it('makes two learners of two browsers with the same display name', async () => {
    const room = await open();
    const a = await new TestLearner('log-aaaaaaaaaaaaaaaa').init();
    const b = await new TestLearner('log-bbbbbbbbbbbbbbbb').init();
    expect((await a.join(room, 'Sam')).status).toBe(200);
    expect((await b.join(room, 'Sam')).status).toBe(200);
    expect(a.id).not.toBe(b.id);
    expect(room.store.snapshot()!.learners.map((l: { name: string }) => l.name)).toEqual(['Sam', 'Sam']);
  });
});

describe('room API: reports', () => {
  it('stores a chained batch, acknowledges it, and acknowledges a resend without storing twice', async () => {
    const room = await open();
    const learner = await new TestLearner('log-aaaaaaaaaaaaaaaa').init();
    await learner.join(room, 'Ana');
    const events = [
      await learner.add({ kind: 'started', ...ex }),
      await learner.add({ kind: 'check', ...ex, total: 1, failing: [{ id: 'caller', code: 'COMMAND_FAILED' }] }),
    ];
    expect((await learner.report(room, events)).body.acked).toBe(2);
    expect((await learner.report(room, events)).body.acked).toBe(2);
    expect(room.store.eventCount()).toBe(2);
  });

  it('refuses reports without a joined token (401 ROOM_NOT_JOINED)', async () => {
    const room = await open();
    const learner = await new TestLearner('log-aaaaaaaaaaaaaaaa').init();
    const answer = await learner.report(room, [await learner.add({ kind: 'visit', lesson: '01-what-is-iam' })]);
    expect([answer.status, answer.body.error.code]).toEqual([401, 'ROOM_NOT_JOINED']);
  });

  it('refuses malformed, oversized, edited and out-of-order reports with a code, storing nothing', async () => {
    const room = await open();
    const learner = await new TestLearner('log-aaaaaaaaaaaaaaaa').init();
    await learner.join(room, 'Ana');
    const auth = { authorization: `Bearer ${learner.token}` };
    const notJson = await post(`${room.url}/reports`, '{"events": [', auth);
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'ROOM_NOT_JSON']);
    const wrongShape = await post(`${room.url}/reports`, { events: [{ seq: 1, kind: 'nonsense' }] }, auth);
    expect([wrongShape.status, wrongShape.body.error.code]).toEqual([400, 'ROOM_INVALID']);
    const huge = await post(`${room.url}/reports`, { events: [], pad: 'x'.repeat(MAX_BODY_BYTES) }, auth);
    expect([huge.status, huge.body.error.code]).toEqual([413, 'ROOM_TOO_LARGE']);
    const link = await learner.add({ kind: 'started', ...ex });
    const edited = await learner.report(room, [{ ...link, body: { kind: 'started', lesson: '01-what-is-iam', exercise: 'other' } }]);
    expect([edited.status, edited.body.error.code, edited.body.acked]).toEqual([409, 'ROOM_CHAIN_HASH', 0]);
    const second = await learner.add({ kind: 'hint', ...ex, hint: 1 });
    const gap = await learner.report(room, [second]);
    expect([gap.status, gap.body.error.code]).toEqual([409, 'ROOM_CHAIN_GAP']);
    expect(room.store.eventCount()).toBe(0);
  });

  it('marks a completion without a passing check before it as unproven, and one with as proven', async () => {
    const room = await open();
    const learner = await new TestLearner('log-aaaaaaaaaaaaaaaa').init();
    await learner.join(room, 'Ana');
    const done = { kind: 'completed' as const, ...ex, commands: 1, solutionShown: false, instructorMode: false };
    await learner.report(room, [await learner.add({ kind: 'started', ...ex }), await learner.add(done)]);
    await learner.report(room, [await learner.add({ kind: 'check', ...ex, total: 1, failing: [] })]);
    await learner.report(room, [await learner.add(done)]);
    const completions = room.store.snapshot()!.events.filter((e: { body: { kind: string } }) => e.body.kind === 'completed');
    expect(completions.map((e: { verified: boolean }) => e.verified)).toEqual([false, true]);
  });
});

describe('room API: instructor', () => {
  it('opens the dashboard, reset and instructor mode only with the secret', async () => {
    const room = await open();
    for (const [path, body] of [
      ['/reset', {}],
      ['/instructor-mode', { enabled: true }],
    ] as const) {
      const answer = await post(room.url + path, body);
      expect([answer.status, answer.body.error.code]).toEqual([401, 'ROOM_NOT_INSTRUCTOR']);
    }
    expect((await fetch(`${room.url}/stream`)).status).toBe(401);
    expect((await fetch(`${room.url}/export.csv`)).status).toBe(401);
    const wrong = await post(`${room.url}/instructor/login`, { secret: 'not-the-secret' });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'ROOM_WRONG_SECRET']);
    const cookie = await instructorCookie(room);
    expect((await post(`${room.url}/instructor-mode`, { enabled: true }, { cookie })).status).toBe(200);
    expect((await (await fetch(room.url)).json()).room.instructorMode).toBe(true);
    expect((await (await fetch(room.url, { headers: { cookie } })).json()).instructor).toBe(true);
  });

  it('streams a snapshot first, then reports as they are accepted', async () => {
    const room = await open();
    const cookie = await instructorCookie(room);
    const response = await fetch(`${room.url}/stream`, { headers: { cookie } });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const until = async (pattern: RegExp): Promise<void> => {
      while (!pattern.test(text)) text += (await reader.read()).value ?? '';
    };
    await until(/event: snapshot\ndata: .*\n\n/);
    const learner = await new TestLearner('log-aaaaaaaaaaaaaaaa').init();
    await learner.join(room, 'Ana');
    await learner.report(room, [await learner.add({ kind: 'visit', lesson: '03-groups' })]);
    await until(/event: events\ndata: .*03-groups.*\n\n/);
    expect(text).toMatch(/event: learner\ndata: .*"Ana"/);
    await reader.cancel();
  });

  it('resets the room: learners must join again', async () => {
    const room = await open();
    const learner = await new TestLearner('log-aaaaaaaaaaaaaaaa').init();
    await learner.join(room, 'Ana');
    await learner.report(room, [await learner.add({ kind: 'visit', lesson: '03-groups' })]);
    expect((await post(`${room.url}/reset`, {}, { cookie: await instructorCookie(room) })).status).toBe(200);
    expect(room.store.eventCount()).toBe(0);
    const again = await learner.report(room, [await learner.add({ kind: 'visit', lesson: '03-groups' })]);
    expect(again.body.error.code).toBe('ROOM_NOT_JOINED');
  });

  it('exports CSV with one row per learner and exercise, neutralising formulas', async () => {
    const room = await open();
    const learner = await new TestLearner('log-aaaaaaaaaaaaaaaa').init();
    await learner.join(room, '=HYPERLINK("x")');
    await learner.report(room, [
      await learner.add({ kind: 'started', ...ex }),
      await learner.add({ kind: 'check', ...ex, total: 2, failing: [{ id: 'caller', code: 'COMMAND_FAILED' }] }),
    ]);
    const csv = await (await fetch(`${room.url}/export.csv`, { headers: { cookie: await instructorCookie(room) } })).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain(',01-what-is-iam,who-am-i,working,');
  });
});

describe('room database', () => {
  it('keeps the room, its learners and their chains across a restart', async () => {
    const file = join(tempDir(), 'room.sqlite');
    const first = await open(file);
    const learner = await new TestLearner('log-aaaaaaaaaaaaaaaa').init();
    await learner.join(first, 'Ana');
    await learner.report(first, [await learner.add({ kind: 'started', ...ex })]);
    await first.stop();
    rooms = [];
    expect(statSync(file).size).toBeGreaterThan(0);
    const second = await open(file);
    expect([second.code, second.secret]).toEqual([first.code, first.secret]);
    // The same token still works, and the chain continues where it stopped.
    const answer = await learner.report(second, [await learner.add({ kind: 'hint', ...ex, hint: 1 })]);
    expect(answer.body.acked).toBe(2);
    expect(second.store.eventCount()).toBe(2);
  });
});

describe('room API: merging exported logs', () => {
  async function exported(name: string, logId: string): Promise<{ learner: TestLearner; file: unknown }> {
    const learner = await new TestLearner(logId).init();
    const base = learner.head;
    await learner.add({ kind: 'started', ...ex });
    await learner.add({ kind: 'check', ...ex, total: 1, failing: [] });
    await learner.add({ kind: 'completed', ...ex, commands: 1, solutionShown: false, instructorMode: false });
    return { learner, file: { format: 'iam-dojo-exercise-log', version: 1, name, logId, base, events: learner.log } };
  }

  it('merges a named, intact log as a learner from a file, with its completion proven', async () => {
    const room = await open();
    const cookie = await instructorCookie(room);
    const { file } = await exported('Offline Olu', 'log-cccccccccccccccc');
    const answer = await post(`${room.url}/merge`, { fileName: 'olu.json', log: file }, { cookie });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ learner: { name: 'Offline Olu' }, events: 3, completions: 1, unproven: 0 });
    const snapshot = room.store.snapshot()!;
    expect(snapshot.learners).toMatchObject([{ name: 'Offline Olu', source: 'file' }]);
    const again = await post(`${room.url}/merge`, { fileName: 'olu.json', log: file }, { cookie });
    expect([again.status, again.body.error.code]).toEqual([409, 'ROOM_FILE_DUPLICATE']);
  });

  it('refuses an edited log, a log that does not start at its genesis, and a file that is not a log', async () => {
    const room = await open();
    const cookie = await instructorCookie(room);
    const { file } = await exported('Eve', 'log-dddddddddddddddd');
    const f = file as { events: { body: EventBodyLike }[]; base: { hash: string } };
    type EventBodyLike = Record<string, unknown>;
    const edited = { ...f, events: f.events.map((e, i) => (i === 1 ? { ...e, body: { ...e.body, total: 2 } } : e)) };
    const a = await post(`${room.url}/merge`, { fileName: 'eve.json', log: edited }, { cookie });
    expect([a.status, a.body.error.code]).toEqual([422, 'ROOM_FILE_CHAIN']);
    const rebased = { ...f, base: { seq: 0, hash: 'f'.repeat(64) } };
    const b = await post(`${room.url}/merge`, { fileName: 'eve.json', log: rebased }, { cookie });
    expect([b.status, b.body.error.code]).toEqual([422, 'ROOM_FILE_CHAIN']);
    const c = await post(`${room.url}/merge`, { fileName: 'progress.json', log: { version: 1, exercises: {} } }, { cookie });
    expect([c.status, c.body.error.code]).toEqual([422, 'ROOM_FILE_INVALID']);
    expect(room.store.snapshot()!.learners).toEqual([]);
  });
});
