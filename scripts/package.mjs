#!/usr/bin/env node
/**
 * `npm run package`: zips the built site (dist/) with a short text on how to serve it, as
 * package/iam-dojo-site-YYYY-MM-DD.zip — the file an instructor copies to a workshop laptop.
 */
import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const dist = 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ has no built site: run `npm run build` first (npm run package does).');
  process.exit(1);
}

const howToServe = `IAM Dojo — the built site
========================

This folder is a static website. Serve it with any static web server and open it in a browser;
it needs no internet connection and sends nothing anywhere.

It does NOT work when index.html is opened directly from disk (file://): browsers refuse to
start the simulator's Web Worker and the site's module scripts from a file. Use one of these,
from inside this folder:

  python3 -m http.server 4321            then open http://localhost:4321/
  npx serve -l 4321 .                    (Node.js)
  npx http-server -p 4321 .              (Node.js)

To serve a whole room, bind to all interfaces (python3 -m http.server 4321 --bind 0.0.0.0) and
give learners http://<this laptop's address>:4321/ .

A live view of the room (who is done, working or stuck, and on what) needs the project's own
server instead of a plain static one: in the IAM Dojo project folder (with Node.js 22.12 or later
and \`npm install\` done) run

  npm start -- --host --room "Workshop name"

It serves this same site plus a small room API on the same address, keeps the room in room.sqlite
(a restart loses nothing), and prints the room code, the instructor secret, the learners' link
with a QR code, and the dashboard's address (/room/, opened with the secret). Learners join from
the bar at the top of any page; those who worked offline can download their exercise log from the
progress page for you to merge on the dashboard. Nothing leaves the room's network.

Instructor mode: open any page with ?instructor=on (or press "Instructor" in the header) to show
exercise solutions and check details, use presenter-size type, and get "Reset all progress on this
machine" for the next group. ?instructor=off turns it off.
`;

const files = { 'iam-dojo/HOW-TO-SERVE.txt': new TextEncoder().encode(howToServe) };
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else files[`iam-dojo/${relative(dist, full).split('\\').join('/')}`] = readFileSync(full);
  }
};
walk(dist);

const day = new Date().toISOString().slice(0, 10);
mkdirSync('package', { recursive: true });
const out = join('package', `iam-dojo-site-${day}.zip`);
writeFileSync(out, zipSync(files, { level: 6 }));
console.log(`Wrote ${out} (${Object.keys(files).length} files, ${(statSync(out).size / 1e6).toFixed(1)} MB).`);
console.log('Unzip it on the workshop laptop and follow iam-dojo/HOW-TO-SERVE.txt.');
