// @ts-check
/**
 * `npm start -- --host --room "Name"`: opens the room database beside the server (room.sqlite, or
 * `--room-db PATH`), opens or reopens the room, and prints how to join and how to open the
 * dashboard (with a QR code of the join link for the projector).
 */
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import QRCode from 'qrcode';
import { RoomStore } from './store.mjs';
import { createRoomApi } from './api.mjs';

/**
 * Starts the room part of the server.
 * @param {{ name?: string, dbFile?: string, host: string, port: number, quiet?: boolean }} options
 */
export async function startRoom(options) {
  const file = resolve(options.dbFile ?? 'room.sqlite');
  const store = new RoomStore(file);
  const room = store.open(options.name);
  const hosts = options.host === '0.0.0.0' ? lanAddresses() : [];
  const base = `http://${hosts[0] ?? 'localhost'}:${options.port}`;
  const join = `${base}/?room=${room.code}`;
  const api = createRoomApi(store, { joinUrl: join });
  const lines = [
    '',
    `Room "${room.name}" is ${room.reopened ? 'reopened' : 'open'} (saved in ${file}).`,
    `  Room code:          ${room.code}`,
    `  Learners join at:   ${join}${hosts.length > 1 ? `   (other addresses: ${hosts.slice(1).join(', ')})` : ''}`,
    `  Instructor secret:  ${room.secret}   (keep it off the projector)`,
    `  Dashboard:          ${base}/room/   (asks for the secret)`,
  ];
  if (options.host !== '0.0.0.0') lines.push('  Only this machine can reach it: add --host to let the room in.');
  if (!options.quiet) {
    console.log(lines.join('\n'));
    console.log(await QRCode.toString(join, { type: 'terminal', small: true }));
  }
  // A machine-readable line for tests and the load test.
  if (process.env['ROOM_PRINT_JSON'])
    console.log(`ROOM_JSON ${JSON.stringify({ code: room.code, secret: room.secret, name: room.name, file })}`);
  return {
    api,
    store,
    close() {
      api.close();
      store.close();
    },
  };
}

/** The machine's IPv4 LAN addresses (what learners type). */
function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => /** @type {{ address: string }} */ (a).address);
}
