/**
 * Load test of the classroom server (`npm run bench`, or `npm run bench:room`): N simulated
 * learners (default 200) report to one room server on loopback for a bounded time, at a
 * configurable per-learner rate, while one dashboard follows the server-sent events. Midway the
 * server is killed (SIGKILL) and restarted on the same database; learners resend what was not
 * acknowledged. At the end every learner's whole log must be in the database, link for link.
 *
 * Environment (all bounded): ROOM_BENCH_LEARNERS (1–300, default 200), ROOM_BENCH_SECONDS (5–600,
 * default 60; a workshop-like run is 600), ROOM_BENCH_INTERVAL_MS (mean time between one learner's
 * batches, 500–60000, default 4000), ROOM_BENCH_KILL=0 to skip the kill. Writes
 * bench/results/room-load.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { genesisHash, nextLink } from '../src/room/chain.ts';
import type { ChainedEvent, EventBody } from '../src/room/protocol.ts';

const bounded = (name: string, min: number, max: number, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
};
const LEARNERS = bounded('ROOM_BENCH_LEARNERS', 1, 300, 200);
const SECONDS = bounded('ROOM_BENCH_SECONDS', 5, 600, 60);
const INTERVAL_MS = bounded('ROOM_BENCH_INTERVAL_MS', 500, 60_000, 4000);
const KILL = process.env['ROOM_BENCH_KILL'] !== '0';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dir = mkdtempSync(join(tmpdir(), 'iam-dojo-room-bench-'));
const dbFile = join(dir, 'room.sqlite');
mkdirSync(join(dir, 'site'));
const port = await freePort(4340, 4349);
const base = `http://127.0.0.1:${port}`;
const api = `${base}/api/room`;

let server: ChildProcess | undefined;
let room = { code: '', secret: '' };
async function startServer(): Promise<void> {
  server = spawn(
    process.execPath,
    [join(root, 'scripts/serve.mjs'), '--port', String(port), '--dir', join(dir, 'site'), '--room', 'Load test', '--room-db', dbFile],
    { env: { ...process.env, ROOM_PRINT_JSON: '1' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  room = await new Promise((resolve, reject) => {
    let out = '';
    server!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /ROOM_JSON (.*)/.exec(out)?.[1];
      if (line && /IAM Dojo is served/.test(out)) resolve(JSON.parse(line));
    });
    server!.once('exit', (code) => reject(new Error(`room server exited (${code})`)));
  });
}
async function stopServer(signal: NodeJS.Signals): Promise<void> {
  const running = server;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  await new Promise((resolve) => {
    running.once('exit', resolve);
    running.kill(signal);
  });
}

const latencies: number[] = [];
/** Latencies outside the outage and the 10 s after the restart (when every learner resends at once). */
const steadyLatencies: number[] = [];
const inRecovery = (at: number): boolean =>
  killedAt !== undefined && at - startedAt >= killedAt && (restartedAt === undefined || at - startedAt < restartedAt + 10_000);
const dashboardDelays: number[] = [];
const sentAt = new Map<string, number>();
const rss: number[] = [];
let requests = 0;
let failedRequests = 0;
let refused = 0;

/** One simulated learner: a real hash chain, batches of 1–3 events, resends until acknowledged. */
class Learner {
  head = { seq: 0, hash: '' };
  log: ChainedEvent[] = [];
  acked = 0;
  token = '';
  id = '';
  failures = 0;
  exercise = 0;
  readonly n: number;
  constructor(n: number) {
    this.n = n;
  }

  async join(): Promise<void> {
    this.head = { seq: 0, hash: await genesisHash(`bench-learner-${String(this.n).padStart(6, '0')}`) };
    for (;;) {
      const response = await fetch(`${api}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: room.code, name: `Learner ${this.n % 50}`, from: this.head }),
      }).catch(() => undefined);
      if (response?.ok) {
        const body = (await response.json()) as { token: string; learner: { id: string } };
        this.token = body.token;
        this.id = body.learner.id;
        return;
      }
      await sleep(500);
    }
  }

  /** What a learner's browser would send after a few seconds of work. */
  async work(): Promise<void> {
    const ex = { lesson: `${String(1 + (this.exercise % 12)).padStart(2, '0')}-lesson`, exercise: `exercise-${this.exercise % 4}` };
    const bodies: EventBody[] = [];
    if (this.log.length === 0 || Math.random() < 0.1) bodies.push({ kind: 'visit', lesson: ex.lesson }, { kind: 'started', ...ex });
    bodies.push({
      kind: 'command',
      ...ex,
      operation: 'iam put-user-policy',
      exitCode: Math.random() < 0.3 ? 254 : 0,
      ...(Math.random() < 0.3 ? { errorCode: 'MalformedPolicyDocument' } : {}),
    });
    const pass = Math.random() < 0.15;
    bodies.push({ kind: 'check', ...ex, total: 3, failing: pass ? [] : [{ id: 'reads-report', code: 'COMMAND_FAILED' }] });
    if (pass) {
      bodies.push({ kind: 'completed', ...ex, commands: 5, solutionShown: false, instructorMode: false });
      this.exercise++;
    }
    for (const body of bodies) {
      const link = await nextLink(this.head, body);
      this.log.push(link);
      this.head = link;
    }
  }

  /** Sends everything not yet acknowledged (in batches of 50). */
  async flush(): Promise<void> {
    while (this.acked < this.head.seq) {
      const batch = this.log.filter((e) => e.seq > this.acked).slice(0, 50);
      const started = performance.now();
      // The dashboard delay counts from the attempt that got through, not from before an outage.
      for (const e of batch) sentAt.set(`${this.id}:${e.seq}`, started);
      requests++;
      try {
        const response = await fetch(`${api}/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
          body: JSON.stringify({ events: batch }),
        });
        const body = (await response.json()) as { acked?: number };
        if (!response.ok || typeof body.acked !== 'number') {
          refused++;
          throw new Error(`status ${response.status}`);
        }
        latencies.push(performance.now() - started);
        if (!inRecovery(started)) steadyLatencies.push(performance.now() - started);
        this.acked = Math.max(this.acked, body.acked);
        this.failures = 0;
      } catch {
        failedRequests++;
        this.failures++;
        await sleep(Math.min(8000, 250 * 2 ** this.failures) * (0.75 + Math.random() * 0.5));
      }
    }
  }
}

await startServer();
const learners = Array.from({ length: LEARNERS }, (_, i) => new Learner(i));
await Promise.all(learners.map((l) => l.join()));
const byId = new Map(learners.map((l) => [l.id, l]));

// The dashboard: one instructor following the stream; reconnects after the kill like EventSource.
const cookie = await instructorCookie();
let followStream = true;
let snapshots = 0;
const dashboard = (async () => {
  while (followStream) {
    try {
      const response = await fetch(`${api}/stream`, { headers: { cookie } });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      while (followStream) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const kind = /^event: (.*)$/m.exec(frame)?.[1];
          if (kind === 'snapshot') snapshots++;
          if (kind !== 'events') continue;
          const now = performance.now();
          for (const e of JSON.parse(/^data: (.*)$/m.exec(frame)![1]!) as { learner: string; seq: number }[]) {
            const at = sentAt.get(`${e.learner}:${e.seq}`);
            if (at !== undefined && byId.has(e.learner)) dashboardDelays.push(now - at);
          }
        }
      }
      await reader.cancel().catch(() => undefined);
    } catch {
      await sleep(1000);
    }
  }
})();

const memory = setInterval(() => {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server!.pid}/status`, 'utf8'))?.[1];
    if (kb) rss.push(Number(kb) * 1024);
  } catch {
    // between kill and restart
  }
}, 1000);

const startedAt = performance.now();
const endAt = startedAt + SECONDS * 1000;
let killedAt: number | undefined;
let restartedAt: number | undefined;
const killer = KILL
  ? (async () => {
      await sleep(SECONDS * 400);
      killedAt = performance.now() - startedAt;
      await stopServer('SIGKILL');
      await sleep(2000);
      await startServer();
      restartedAt = performance.now() - startedAt;
    })()
  : Promise.resolve();

await Promise.all(
  learners.map(async (l) => {
    await sleep(Math.random() * INTERVAL_MS);
    while (performance.now() < endAt) {
      await l.work();
      await l.flush();
      await sleep(-Math.log(1 - Math.random()) * INTERVAL_MS);
    }
  }),
);
await killer;
// Drain: everything every learner logged must be acknowledged.
await Promise.all(learners.map((l) => l.flush()));
await sleep(1000);
followStream = false;
clearInterval(memory);
await stopServer('SIGTERM');
await dashboard.catch(() => undefined);

// Nothing lost: every link of every learner is in the database with the hash the learner made.
const db = new DatabaseSync(dbFile, { readOnly: true });
const hashOf = db.prepare('SELECT hash FROM event WHERE learner = ? AND seq = ?');
let generated = 0;
let missing = 0;
for (const l of learners) {
  for (const e of l.log) {
    generated++;
    const row = hashOf.get(l.id, e.seq) as { hash?: string } | undefined;
    if (row?.hash !== e.hash) missing++;
  }
}
const stored = Number((db.prepare('SELECT count(*) AS n FROM event').get() as { n: number }).n);
db.close();
const dbBytes = ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (existsSync(dbFile + suffix) ? statSync(dbFile + suffix).size : 0), 0);

const result = {
  name: 'room-load',
  measuredAt: new Date().toISOString(),
  learners: LEARNERS,
  seconds: SECONDS,
  meanIntervalMs: INTERVAL_MS,
  serverKilledAtMs: killedAt,
  serverRestartedAtMs: restartedAt,
  requests,
  failedRequests,
  refusedRequests: refused,
  reportLatencyMs: percentiles(latencies),
  steadyReportLatencyMs: percentiles(steadyLatencies),
  dashboardDelayMs: percentiles(dashboardDelays),
  dashboardSnapshots: snapshots,
  serverRssBytes: { max: Math.max(...rss), last: rss[rss.length - 1] },
  databaseBytes: dbBytes,
  eventsGenerated: generated,
  eventsStored: stored,
  eventsMissing: missing,
  nothingLost: missing === 0 && stored === generated,
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'room-load.json'), `${JSON.stringify(result, null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result, null, 2));
if (!result.nothingLost) {
  console.error(`room-load: ${missing} of ${generated} reports are not in the database`);
  process.exit(1);
}

function percentiles(values: number[]): {
  count: number;
  p50: number | undefined;
  p95: number | undefined;
  p99: number | undefined;
  max: number | undefined;
} {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number | undefined =>
    sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10 : undefined;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

async function instructorCookie(): Promise<string> {
  const response = await fetch(`${api}/instructor/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret: room.secret }),
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function freePort(from: number, to: number): Promise<number> {
  for (let p = from; p <= to; p++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(p, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return p;
  }
  throw new Error(`no free port in ${from}–${to}`);
}
