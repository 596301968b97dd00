/**
 * Runs every bench/*.bench.ts and writes the results as JSON under bench/results/.
 * A bench file's default export is a list of Benchmark objects: `run(i)` does one operation
 * (i counts up, so a benchmark can make each operation's input fresh). The runner warms up, then
 * times batches and reports the median time per operation in microseconds. A benchmark with a
 * `floor`, or a ratio to another benchmark (`ratioTo`), is timed in alternating batches with it (so
 * both see the same machine load) and reports the ratio: the honest figure on a shared machine,
 * where absolute times drift.
 * Usage: npm run bench [-- name-filter]
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
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
  /** An earlier CPU median (µs/op) to compare with, and when/how it was measured. */
  baseline?: { cpuMicros: number; note: string };
  /** The least work the same operation needs (e.g. JSON.parse + a minimal match over the same inputs), timed in the same run. */
  floor?: { name: string; run: (i: number) => unknown; maxRatio: number };
  /**
   * Another benchmark of the same file this one should cost at most `max` times as much: both are
   * timed in alternating batches, like a floor, and the median ratio of paired batches counts.
   */
  ratioTo?: { name: string; max: number };
}

interface Result {
  file: string;
  name: string;
  /** Wall-clock median per operation. */
  medianMicros: number;
  p90Micros: number;
  /** CPU-time (user + system of this process) median per operation: robust when other work shares the cores. */
  cpuMedianMicros: number;
  operations: number;
  targetMicros?: number;
  meetsTarget?: boolean;
  /** The benchmark's recorded earlier CPU median, and this run's CPU median divided by it. */
  baselineCpuMicros?: number;
  baselineNote?: string;
  cpuRatioToBaseline?: number;
  /** The floor's CPU median, this benchmark's CPU median divided by it, and the ratio it should stay under. */
  floorName?: string;
  floorCpuMicros?: number;
  ratioToFloor?: number;
  maxRatioToFloor?: number;
  meetsFloorRatio?: boolean;
  /** The median ratio of paired batches to `ratioTo.name`, and whether it is within `ratioTo.max`. */
  ratioTo?: string;
  cpuRatio?: number;
  meetsRatio?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];

interface Measurement {
  median: number;
  p90: number;
  cpuMedian: number;
  operations: number;
  /** CPU time per operation of each timed batch, in order (batches of different runs alternate). */
  cpuBatches: number[];
}

/** Times `runs` in alternating batches after a shared warm-up; one measurement per run. */
function measure(runs: ((i: number) => unknown)[], batch = 1000, batches = 30): Measurement[] {
  const counters = runs.map(() => 0);
  // Warm up until the JIT has settled (optimizing compilers kick in after thousands of calls; a
  // short warm-up measured half-compiled code): at least 3 batches, then on until 20 000 operations
  // or 1.5 s, whichever comes first.
  runs.forEach((run, r) => {
    const warmUntil = performance.now() + 1500;
    for (let w = 0; w < 20_000 && (w < batch * 3 || performance.now() < warmUntil); w++) run(counters[r]!++);
  });
  const samples: number[][] = runs.map(() => []);
  const cpu: number[][] = runs.map(() => []);
  for (let k = 0; k < batches; k++) {
    runs.forEach((run, r) => {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      for (let j = 0; j < batch; j++) run(counters[r]!++);
      const used = process.cpuUsage(cpuStart);
      samples[r]!.push(((performance.now() - start) * 1000) / batch);
      cpu[r]!.push((used.user + used.system) / batch);
    });
  }
  const at = (list: number[], q: number): number =>
    [...list].sort((x, y) => x - y)[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;
  return runs.map((_, r) => ({
    median: at(samples[r]!, 0.5),
    p90: at(samples[r]!, 0.9),
    cpuMedian: at(cpu[r]!, 0.5),
    operations: batch * batches,
    cpuBatches: cpu[r]!,
  }));
}

/** The median over batch pairs of this run's CPU time per operation divided by the other's. */
function pairedRatio(m: Measurement, other: Measurement): number {
  const ratios = m.cpuBatches.map((c, k) => c / (other.cpuBatches[k] ?? Number.NaN)).sort((x, y) => x - y);
  return ratios[Math.floor(ratios.length / 2)] ?? Number.NaN;
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const results: Result[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark[] };
  for (const b of mod.default) {
    if (filter && !`${file} ${b.name}`.includes(filter)) continue;
    // A floor, or the benchmark a ratio is held against, is timed in batches alternating with this one.
    const reference = b.ratioTo ? mod.default.find((x) => x.name === b.ratioTo?.name) : undefined;
    if (b.ratioTo && !reference) throw new Error(`${file}: "${b.name}" is held against "${b.ratioTo.name}", which is not in the file`);
    if (b.floor && reference) throw new Error(`${file}: "${b.name}" has both a floor and a ratio`);
    const paired = b.floor?.run ?? reference?.run;
    const [m, other] = measure(paired ? [b.run, paired] : [b.run], b.batch, b.batches) as [Measurement, Measurement | undefined];
    const floor = b.floor ? other : undefined;
    const r: Result = {
      file,
      name: b.name,
      medianMicros: round(m.median),
      p90Micros: round(m.p90),
      cpuMedianMicros: round(m.cpuMedian),
      operations: m.operations,
    };
    if (b.targetMicros !== undefined) {
      r.targetMicros = b.targetMicros;
      // On a shared machine wall time includes waiting for a core; CPU time is the work itself.
      r.meetsTarget = Math.min(m.median, m.cpuMedian) <= b.targetMicros;
    }
    if (b.baseline) {
      r.baselineCpuMicros = b.baseline.cpuMicros;
      r.baselineNote = b.baseline.note;
      r.cpuRatioToBaseline = round(m.cpuMedian / b.baseline.cpuMicros);
    }
    if (b.floor && floor) {
      r.floorName = b.floor.name;
      r.floorCpuMicros = round(floor.cpuMedian);
      // The median of the ratios of batches timed back to back: a change in machine load between
      // batches then moves both sides of each ratio, where a ratio of the two medians would carry it.
      r.ratioToFloor = round(pairedRatio(m, floor));
      r.maxRatioToFloor = b.floor.maxRatio;
      r.meetsFloorRatio = r.ratioToFloor <= b.floor.maxRatio;
    }
    if (b.ratioTo && other) {
      r.ratioTo = b.ratioTo.name;
      r.cpuRatio = round(pairedRatio(m, other));
      r.meetsRatio = r.cpuRatio <= b.ratioTo.max;
    }
    results.push(r);
    const ratio =
      r.cpuRatio !== undefined
        ? `  (×${r.cpuRatio} of "${r.ratioTo}", target ≤ ${b.ratioTo?.max}: ${r.meetsRatio ? 'met' : 'MISSED'})`
        : '';
    const floorText =
      r.ratioToFloor !== undefined
        ? `  [×${r.ratioToFloor} of the floor (${r.floorName}: ${r.floorCpuMicros} µs CPU); target ≤ ×${r.maxRatioToFloor}: ${r.meetsFloorRatio ? 'met' : 'MISSED'}]`
        : '';
    const vs = r.cpuRatioToBaseline !== undefined ? ` [×${r.cpuRatioToBaseline} of baseline ${r.baselineCpuMicros} µs CPU]` : '';
    const target = r.targetMicros !== undefined ? `  (target ≤ ${r.targetMicros} µs: ${r.meetsTarget ? 'met' : 'MISSED'})` : '';
    console.log(
      `${file.padEnd(18)} ${b.name.padEnd(58)} ${r.medianMicros.toFixed(2).padStart(8)} µs/op wall median (p90 ${r.p90Micros.toFixed(2)}), ${r.cpuMedianMicros.toFixed(2)} µs/op CPU${target}${vs}${ratio}${floorText}`,
    );
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const out = {
  date: new Date().toISOString(),
  node: process.version,
  /** 1-minute load average when the run ended: wall times above ~1 per core are inflated. */
  loadAverage: loadavg()[0],
  cores: cpus().length,
  platform: `${process.platform}-${process.arch}`,
  results,
};
const dir = join(here, 'results');
mkdirSync(dir, { recursive: true });
const stamp = out.date.replace(/[:.]/g, '-');
writeFileSync(join(dir, `bench-${stamp}.json`), `${JSON.stringify(out, null, 2)}\n`);
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote bench/results/bench-${stamp}.json and bench/results/latest.json`);
