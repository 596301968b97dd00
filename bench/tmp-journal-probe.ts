import { appendOp, checkOp, compactJournal, needsCompaction, replayScenario, runOptions } from '../src/sim/scenario/index.ts';
import type { WorldJournal } from '../src/worker/protocol.ts';
const journal0: WorldJournal = { version: 2, start: { seed: 'probe', now: '2026-12-01T00:00:00.000Z' }, ops: [] };
let journal = structuredClone(journal0);
const world = await replayScenario(journal);
async function run(line: string) {
  const op = checkOp({ kind: 'run', line });
  if (op.kind !== 'run') throw new Error('x');
  const out = await world.run(op.line, runOptions(op));
  appendOp(journal, op);
  if (needsCompaction(journal)) journal = compactJournal(journal, world);
  return out;
}
async function time(label: string) {
  const t: number[] = [];
  for (let i = 0; i < 60; i++) { const t0 = performance.now(); await run('aws sts get-caller-identity --query Account --output text'); const t1 = performance.now(); const c = structuredClone(journal); const s = JSON.stringify(c); t.push(t1 - t0); if (i === 59) console.log(label, 'journal chars', s.length, 'snapshot', journal.snapshot?.length ?? 0, 'ops', journal.ops.length); }
  t.sort((a, b) => a - b);
  console.log(label, 'run p50', t[30]!.toFixed(2), 'p95', t[57]!.toFixed(2));
  const t0 = performance.now(); for (let i = 0; i < 20; i++) JSON.stringify(structuredClone(journal)); console.log(label, 'clone+stringify ms', ((performance.now() - t0) / 20).toFixed(2));
}
const lines = ['aws iam create-user --user-name u{i}', 'aws iam tag-user --user-name u{i} --tags Key=team,Value=t{i}', 'aws iam list-users --max-items 5', 'aws sts get-caller-identity'];
for (let i = 0; i < 200; i++) await run('aws sts get-caller-identity');
await time('fresh');
for (let i = 0; i < 2000; i++) await run(lines[i % 4]!.replaceAll('{i}', String(Math.floor(i / 4))));
await time('after');
