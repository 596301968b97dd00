// @vitest-environment happy-dom
/**
 * The learner's room client against a real room API on loopback: signals become links of the
 * exercise log, links are reported in batches and acknowledged, a server that is gone means
 * "waiting" with a retry (the log keeps everything), and a reset room asks the learner to join again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { instructorCookie, post, startTestRoom, tempDir, type TestRoom } from './helpers.ts';
import { RoomClient } from '../../../src/room/room-client.svelte.ts';
import { emitExerciseSignal } from '../../../src/room/exercise-events.ts';
import { readLog } from '../../../src/room/exercise-log.ts';

let room: TestRoom | undefined;
let client: RoomClient | undefined;
const ex = { world: 'lesson-01', lesson: '01-what-is-iam', exercise: 'who-am-i' };

beforeEach(async () => {
  localStorage.clear();
  room = await startTestRoom(join(tempDir(), 'room.sqlite'));
  const origin = new URL(room.url).origin;
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${origin}/lessons/01-what-is-iam/`);
  document.cookie = `iam-dojo-room=${new URL(origin).port}; path=/`;
});
afterEach(async () => {
  client?.stop();
  await room?.stop().catch(() => undefined);
  room = undefined;
});

async function until(predicate: () => boolean | Promise<boolean>, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('room client', () => {
  it('reports exercise signals as one chained batch, with the commands counted into the completion', async () => {
    client = new RoomClient();
    await client.start();
    expect(client.info?.code).toBe(room!.code);
    expect(await client.join(room!.code, 'Ana')).toBeNull();
    emitExerciseSignal({ kind: 'started', ...ex });
    emitExerciseSignal({ kind: 'command', world: ex.world, operation: 'sts get-caller-identity', exitCode: 0 });
    emitExerciseSignal({ kind: 'check', ...ex, total: 1, failing: [] });
    emitExerciseSignal({ kind: 'completed', ...ex, solutionShown: false });
    await until(async () => room!.store.eventCount() >= 4 && client!.pending === 0);
    // The visit came before joining: the room gets what happens from the join on.
    const events = room!.store.snapshot()!.events.map((e) => e.body.kind);
    expect(events).toEqual(['started', 'command', 'check', 'completed']);
    const done = room!.store.snapshot()!.events.at(-1)!;
    expect(done).toMatchObject({ verified: true, body: { commands: 1, solutionShown: false, instructorMode: false } });
    expect(client.membership?.acked).toBe((await readLog()).events.at(-1)!.seq);
  });

  it('keeps reports while the server is gone and says it will retry; a reset room asks to join again', async () => {
    client = new RoomClient();
    await client.start();
    await client.join(room!.code, 'Ana');
    await until(() => client!.pending === 0);
    const cookie = await instructorCookie(room!);
    expect((await post(`${room!.url}/reset`, {}, { cookie })).status).toBe(200);
    emitExerciseSignal({ kind: 'started', ...ex });
    await until(async () => (await readLog()).events.some((e) => e.body.kind === 'started'));
    await client.flush();
    expect(client.membership).toBeNull();
    expect(client.notice).toMatch(/The room was reset/);

    await client.join(room!.code, 'Ana');
    await room!.stop();
    emitExerciseSignal({ kind: 'hint', ...ex, hint: 1 });
    await until(async () => (await readLog()).events.some((e) => e.body.kind === 'hint'));
    await client.flush();
    expect(client.retryAt).not.toBeNull();
    expect(client.pending).toBeGreaterThan(0);
    expect((await readLog()).events.at(-1)!.body).toEqual({ kind: 'hint', lesson: ex.lesson, exercise: ex.exercise, hint: 1 });
  });
});
