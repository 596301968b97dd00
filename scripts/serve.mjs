#!/usr/bin/env node
/**
 * Serves the built site in dist/ — `npm start` (localhost:4321) or `npm start -- --host` (every
 * interface, for a workshop room). A few lines of node:http so that workshops need nothing else;
 * the site cannot work from file:// (root-absolute asset paths, module workers).
 *
 * `--room ["Room name"]` adds the classroom: a same-origin JSON API under /api/room backed by
 * node:sqlite in room.sqlite (or `--room-db PATH`), and the instructor's dashboard at /room/
 * (scripts/room/). Without it the server is purely static, like the public build.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const host = args.includes('--host') ? '0.0.0.0' : '127.0.0.1';
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 4321));
const dirArg = args.indexOf('--dir');
const root = resolve(dirArg >= 0 ? String(args[dirArg + 1]) : 'dist');
const roomArg = args.indexOf('--room');
const roomDbArg = args.indexOf('--room-db');
const roomName = roomArg >= 0 && args[roomArg + 1] && !args[roomArg + 1].startsWith('--') ? args[roomArg + 1] : undefined;
const room = roomArg >= 0 ? await startRoom() : undefined;

/** Starts the classroom (scripts/room/); its database needs node:sqlite, Node.js 22.5 or later. */
async function startRoom() {
  try {
    const { startRoom: start } = await import('./room/server.mjs');
    return await start({ name: roomName, dbFile: roomDbArg >= 0 ? args[roomDbArg + 1] : undefined, host, port });
  } catch (error) {
    const missing = error instanceof Error && /node:sqlite/.test(error.message);
    console.error(
      missing
        ? `The room needs Node.js 22.5 or later (node:sqlite); this is ${process.version}. Start it with npm start so the bundled Node is used.`
        : `The room could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
// Pages look for a room only when this cookie says one is there, so a site without a room never
// sends a request that would fail. Cookies ignore ports, so the value names this server's port.
const roomCookie = room ? { 'set-cookie': `iam-dojo-room=${port}; Path=/; SameSite=Strict` } : {};

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

/** Resolves a URL path to a file inside root, or undefined (never escapes root). */
async function locate(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, clean);
  if (!file.startsWith(root)) return undefined;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    await stat(file);
    return file;
  } catch {
    return undefined;
  }
}

const server = createServer(async (req, res) => {
  try {
    if (room && (await room.api.handle(req, res))) return;
    const file = await locate(req.url ?? '/');
    if (!file) {
      const notFound = await locate('/404.html');
      res.writeHead(404, { 'content-type': types['.html'] });
      res.end(notFound ? await readFile(notFound) : 'Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...(extname(file) === '.html' ? roomCookie : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : await readFile(file));
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`Server error: ${error instanceof Error ? error.message : String(error)}`);
  }
});

server.listen(port, host, () => {
  const where = host === '0.0.0.0' ? `http://<this machine's address>:${port}/ (all interfaces)` : `http://localhost:${port}/`;
  console.log(`IAM Dojo is served from ${root} at ${where} — press Ctrl+C to stop.`);
});

// Close the room database cleanly on Ctrl+C or a stop signal (a kill -9 loses nothing either:
// every acknowledged report was committed before its answer was sent).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    room?.close();
    server.close();
    process.exit(0);
  });
}
