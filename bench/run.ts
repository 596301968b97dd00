/**
 * Runs every bench/*.bench.ts and writes the results as JSON under bench/results/.
 * A bench file's default export is a list of Benchmark objects: `run(i)` does one operation
 * (i counts up, so a benchmark can make each operation's input fresh). The runner warms up, then
 * times batches and reports the median time per operation in microseconds.
 * Usage: npm run bench [-- name-filter]
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One benchmark. */
export interface Benchmark {
  name: string;
  /** One operation. */
  run: (i: number) => unknown;
  /** Operations per timed batch (default 1000). */
  batch?: number;
  /** Timed batches (default 30). */
  batches?: number;
  /** An optional target: median µs per operation should not exceed it. */
  targetMicros?: number;
}

interface Result {
  file: string;
  name: string;
  medianMicros: number;
  p90Micros: number;
  operations: number;
  targetMicros?: number;
  meetsTarget?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];

function measure(b: Benchmark): { median: number; p90: number; operations: number } {
  const batch = b.batch ?? 1000;
  const batches = b.batches ?? 30;
  let i = 0;
  for (let w = 0; w < Math.min(batch * 3, 5000); w++) b.run(i++);
  const samples: number[] = [];
  for (let k = 0; k < batches; k++) {
    const start = performance.now();
    for (let j = 0; j < batch; j++) b.run(i++);
    samples.push(((performance.now() - start) * 1000) / batch);
  }
  samples.sort((x, y) => x - y);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { median: at(0.5), p90: at(0.9), operations: batch * batches };
}

const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
const results: Result[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark[] };
  for (const b of mod.default) {
    if (filter && !`${file} ${b.name}`.includes(filter)) continue;
    const m = measure(b);
    const r: Result = { file, name: b.name, medianMicros: round(m.median), p90Micros: round(m.p90), operations: m.operations };
    if (b.targetMicros !== undefined) {
      r.targetMicros = b.targetMicros;
      r.meetsTarget = m.median <= b.targetMicros;
    }
    results.push(r);
    const target = r.targetMicros !== undefined ? `  (target ≤ ${r.targetMicros} µs: ${r.meetsTarget ? 'met' : 'MISSED'})` : '';
    console.log(`${file.padEnd(22)} ${b.name.padEnd(58)} ${r.medianMicros.toFixed(2).padStart(9)} µs/op median, p90 ${r.p90Micros.toFixed(2)}${target}`);
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const out = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  results,
};
const dir = join(here, 'results');
mkdirSync(dir, { recursive: true });
const stamp = out.date.replace(/[:.]/g, '-');
writeFileSync(join(dir, `bench-${stamp}.json`), `${JSON.stringify(out, null, 2)}\n`);
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote bench/results/bench-${stamp}.json and bench/results/latest.json`);
