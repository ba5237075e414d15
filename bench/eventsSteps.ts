// How long one events settle step runs while a corpus indexes: the extension host settles in slices
// of 20 ms (settleSliced), so no single step may run long. Ingests `size` generated articles in
// batches, brings what hovers need up to date after each, then settles the events with a deadline
// that is already spent (one step per call) and times every call (wall and CPU time).
// Usage: npx tsx bench/eventsSteps.ts [size=3000] [batch=100]
import { performance } from 'node:perf_hooks';
import { Corpus } from '../src/core/corpus';
import { settleEvents } from '../src/core/events';
import { generateCorpus } from './generate';

const size = Number(process.argv[2] ?? 3000);
const batch = Number(process.argv[3] ?? 100);
const docs = generateCorpus(size);
const corpus = new Corpus();
const steps: number[] = [];
const cpuSteps: number[] = [];
let total = 0;
for (let i = 0; i < docs.length; i += batch) {
  for (const d of docs.slice(i, i + batch)) corpus.upsert(d.id, d.text);
  corpus.settle(Infinity, 'hover');
  for (let done = false; !done; ) {
    const t = performance.now();
    const c = process.cpuUsage();
    done = settleEvents(corpus, 0);
    const ms = performance.now() - t;
    const cu = process.cpuUsage(c);
    cpuSteps.push((cu.user + cu.system) / 1000);
    steps.push(ms);
    total += ms;
  }
}
const sorted = [...steps].sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1);
console.log(`${size} articles in batches of ${batch}: ${steps.length} events steps, ${(total / 1000).toFixed(1)} s in all; step ms p50 ${q(0.5)}, p99 ${q(0.99)}, p99.9 ${q(0.999)}, longest ${sorted[sorted.length - 1].toFixed(1)}; steps over 50 ms: ${steps.filter((s) => s > 50).length}`);
const cpuSorted = [...cpuSteps].sort((a, b) => a - b);
// CPU time is what the step costs; wall time adds waiting for a core on a shared machine, and GC pauses.
console.log(`step CPU ms p99 ${cpuSorted[Math.floor(0.99 * cpuSorted.length)].toFixed(1)}, longest ${cpuSorted[cpuSorted.length - 1].toFixed(1)}; steps over 50 ms CPU: ${cpuSteps.filter((s) => s > 50).length}`);
console.log(`${corpus.events().length} events`);
