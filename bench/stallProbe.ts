// Where the long stretches come from while a corpus indexes: the worker analyses N generated articles
// and the main thread ingests and settles them with the extension's cadence (indexClient), but each
// feature's settler is timed on its own, and garbage-collection pauses are recorded beside them.
// Prints, per settler, the step count and the longest steps, and how much of each long step was GC.
// Usage: node esbuild.mjs --production && npx tsx bench/stallProbe.ts [N=10000]
// (Under tsx the NLP libraries load several times slower than from the bundle the extension runs.)
import path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { Corpus, HOVER_SETTLERS, SETTLERS } from '../src/core/corpus';
import { IndexWorkerClient, forEachSliced, preloadLibraries, settleCadence, settleSliced } from '../src/core/indexClient';
import type { IndexJob } from '../src/core/indexProtocol';
import { ensureCorpusOnDisk } from './generate';
import fs from 'node:fs';

const n = Number(process.argv[2] ?? 10000);
const LONG_MS = 50;
const gcs: { start: number; end: number; kind: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration, kind: 0 });
}).observe({ entryTypes: ['gc'] });
const gcWithin = (a: number, b: number) => gcs.reduce((s, g) => s + Math.max(0, Math.min(b, g.end) - Math.max(a, g.start)), 0);

const steps = new Map<string, number[]>();
/** What ran when (settler steps, ingest), to explain each stretch the event loop was held. */
const work: { what: string; start: number; end: number }[] = [];
const gaps: { start: number; end: number }[] = [];
const long: { who: string; ms: number; gc: number; size: number }[] = [];
async function main() {
  const dir = ensureCorpusOnDisk(n);
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.article')).sort();
  const jobs: IndexJob[] = files.map((f) => ({ id: f, path: path.join(dir, f) }));
  const corpus = new Corpus();
  // Corpus.settle's own settlers, order and early stop, with each settler timed ("settlePeople" is "people").
  corpus.settle = (deadline, scope = 'all') => {
    for (const step of scope === 'hover' ? HOVER_SETTLERS : SETTLERS) {
      const who = step.name.replace(/^settle/, '').toLowerCase();
      const t = performance.now();
      const done = step(corpus, deadline);
      const ms = performance.now() - t;
      work.push({ what: who, start: t, end: t + ms });
      steps.set(who, [...(steps.get(who) ?? []), ms]);
      if (ms > LONG_MS) long.push({ who, ms, gc: 0, size: corpus.size });
      if (ms > LONG_MS) (long[long.length - 1] as { t?: number }).t = t;
      if (!done) return false;
    }
    return true;
  };
  const client = new IndexWorkerClient(path.join(__dirname, '..', 'dist', 'indexWorker.js'), { maxBytes: 2 << 20 });
  console.log(`NLP libraries loaded in ${preloadLibraries().toFixed(0)} ms, as indexing starts`);
  await client.ready;
  const catchUp = settleCadence(corpus);
  const t0 = performance.now();
  let tick = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - tick > LONG_MS) gaps.push({ start: tick, end: now });
    tick = now;
  }, 5);
  await client.run(jobs, async (results) => {
    const t = performance.now();
    await forEachSliced(results, (r) => { if (r.ok) corpus.ingest(r.article, r.memo); });
    work.push({ what: 'ingest', start: t, end: performance.now() });
    await catchUp(); // the extension's cadence
  }, () => false);
  await settleSliced(corpus);
  client.dispose();
  clearInterval(timer);
  for (const l of long as ({ t: number } & (typeof long)[number])[]) l.gc = gcWithin(l.t, l.t + l.ms);
  console.log(`indexed ${corpus.size} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const [who, xs] of steps) {
    const s = [...xs].sort((a, b) => a - b);
    console.log(`${who.padEnd(7)} steps ${String(s.length).padStart(6)}  p99 ${s[Math.floor(s.length * 0.99)].toFixed(1)}  max ${s[s.length - 1].toFixed(1)} ms  over ${LONG_MS} ms: ${s.filter((x) => x > LONG_MS).length}`);
  }
  const gcLong = gcs.filter((g) => g.end - g.start > LONG_MS);
  console.log(`GC pauses over ${LONG_MS} ms: ${gcLong.length}, longest ${Math.max(0, ...gcs.map((g) => g.end - g.start)).toFixed(1)} ms`);
  const overlap = (a: number, b: number, xs: { start: number; end: number }[]) => xs.reduce((s, x) => s + Math.max(0, Math.min(b, x.end) - Math.max(a, x.start)), 0);
  console.log(`event loop held over ${LONG_MS} ms: ${gaps.length} times; the longest, and what ran in them:`);
  for (const g of gaps.sort((a, b) => (b.end - b.start) - (a.end - a.start)).slice(0, 10)) {
    const by = new Map<string, number>();
    for (const w of work) { const o = overlap(g.start, g.end, [w]); if (o > 0) by.set(w.what, (by.get(w.what) ?? 0) + o); }
    const gc = gcWithin(g.start, g.end);
    const known = [...by.values()].reduce((a, b) => a + b, 0);
    console.log(`  ${(g.end - g.start).toFixed(0).padStart(5)} ms at ${((g.start - t0) / 1000).toFixed(1)} s: ${[...by].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ') || '-'}; GC ${gc.toFixed(0)}; other ${Math.max(0, g.end - g.start - known).toFixed(0)}`);
  }
  console.log('longest steps (settler, ms, of which GC, articles then):');
  for (const l of long.sort((a, b) => b.ms - a.ms).slice(0, 15)) console.log(`  ${l.who.padEnd(7)} ${l.ms.toFixed(1).padStart(7)}  gc ${l.gc.toFixed(1).padStart(6)}  at ${l.size}`);
}
void main();
