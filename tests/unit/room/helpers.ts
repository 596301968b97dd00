/**
 * A room API on a random loopback port over a temporary SQLite file, and a learner that builds a
 * real hash chain — shared by the room server tests.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoomStore } from '../../../scripts/room/store.mjs';
import { createRoomApi } from '../../../scripts/room/api.mjs';
import { genesisHash, nextLink } from '../../../src/room/chain.ts';
import type { ChainedEvent, EventBody } from '../../../src/room/protocol.ts';

/** A temporary folder for a test's database. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'iam-dojo-room-'));
}

/** A running room API. */
export interface TestRoom {
  url: string;
  store: RoomStore;
  code: string;
  secret: string;
  stop(): Promise<void>;
}

/** Starts the room API (no static files) on 127.0.0.1, port chosen by the OS. */
export async function startTestRoom(file: string, name = 'Test room'): Promise<TestRoom> {
  const store = new RoomStore(file);
  const room = store.open(name);
  const api = createRoomApi(store);
  const server: Server = createServer((req, res) => {
    void api.handle(req, res).then((handled: boolean) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/api/room`,
    store,
    code: room.code,
    secret: room.secret,
    async stop() {
      api.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      store.close();
    },
  };
}

/** POSTs JSON; answers status and parsed body. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** A learner's browser: its log and its token once joined. */
export class TestLearner {
  head = { seq: 0, hash: '' };
  log: ChainedEvent[] = [];
  token = '';
  id = '';
  readonly logId: string;
  constructor(logId: string) {
    this.logId = logId;
  }

  async init(): Promise<this> {
    this.head = { seq: 0, hash: await genesisHash(this.logId) };
    return this;
  }

  async join(room: TestRoom, name: string): Promise<{ status: number; body: any }> {
    const answer = await post(`${room.url}/join`, { code: room.code, name, from: this.head });
    if (answer.status === 200) {
      this.token = answer.body.token;
      this.id = answer.body.learner.id;
    }
    return answer;
  }

  async add(body: EventBody): Promise<ChainedEvent> {
    const link = await nextLink(this.head, body);
    this.log.push(link);
    this.head = link;
    return link;
  }

  report(room: TestRoom, events: ChainedEvent[]): Promise<{ status: number; body: any }> {
    return post(`${room.url}/reports`, { events }, { authorization: `Bearer ${this.token}` });
  }
}

/** Logs the instructor in; answers the dashboard cookie. */
export async function instructorCookie(room: TestRoom): Promise<string> {
  const answer = await post(`${room.url}/instructor/login`, { secret: room.secret });
  return (answer.headers.get('set-cookie') ?? '').split(';')[0]!;
}
