// Search speed and agreement with fuse.js alone, on a generated corpus.
// Usage: npx tsx bench/searchAgreement.ts [size=10000] [--queries 200] [--baseline 20] [--budget 240] [--seed 7] [--verbose]
// Prints our latency (p50/p95/p99 over --queries queries), fuse.js alone over every passage (the
// baseline of bench/child.ts: same options, same records) on at least --baseline queries (more while
// --budget seconds last), the speed-up, and how often our top hit is fuse's top hit (top-1
// agreement) and how often fuse's top hit is in our top 5. --verbose lists the disagreements.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { Corpus } from '../src/core/corpus';
import { generateCorpus } from './generate';
import { mulberry32 } from './prng';
import { searchQueries } from './searchQueries';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const size = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 10000);
const nQueries = flag('queries', 200);
const nBaseline = flag('baseline', 20);
const budgetMs = flag('budget', 240) * 1000;
const seed = flag('seed', 7);
const verbose = args.includes('--verbose');

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}
const ms = (x: number) => x.toFixed(1);

const t0 = performance.now();
const corpus = new Corpus();
for (const d of generateCorpus(size)) corpus.upsert(d.id, d.text);
const tLoad = performance.now();
corpus.search.search('talks on trade');
const tIndex = performance.now();
const arts = corpus.articles();
console.log(`${size} articles, ${arts.reduce((n, a) => n + a.sentences.length, 0)} passages; load ${ms((tLoad - t0) / 1000)} s, search index ${ms((tIndex - tLoad) / 1000)} s`);

const queries = searchQueries(mulberry32(seed), corpus, nQueries);
const key = (p: { article: string; start: number }) => `${p.article}@${p.start}`;
const ourTimes: number[] = [];
const ourCpu: number[] = [];
const ourTop5: string[][] = [];
for (const q of queries) {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = corpus.search.search(q, 20);
  ourTimes.push(performance.now() - t);
  const cpu = process.cpuUsage(c);
  ourCpu.push((cpu.user + cpu.system) / 1000);
  ourTop5.push(r.slice(0, 5).map(key));
}
const our = stats(ourTimes);
const cpu = stats(ourCpu);
console.log(`ours: ${our.n} queries, p50 ${ms(our.p50)} / p95 ${ms(our.p95)} / p99 ${ms(our.p99)} / max ${ms(our.max)} ms, mean ${ms(our.mean)} ms (wall clock)`);
// On a shared machine the wall clock includes waiting for a core; CPU time is the work done.
console.log(`ours, CPU time: p50 ${ms(cpu.p50)} / p95 ${ms(cpu.p95)} / p99 ${ms(cpu.p99)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);

// The baseline of bench/child.ts: fuse.js over every sentence of every article.
const passages = arts.flatMap((a) => a.sentences.map((s) => ({ article: a.id, start: s.start, text: s.text, title: a.title ?? '', outlet: a.outlet ?? '' })));
const fuse = new Fuse(passages, { keys: [{ name: 'text', weight: 3 }, { name: 'title', weight: 1 }, { name: 'outlet', weight: 0.5 }], includeScore: true, ignoreLocation: true, threshold: 0.35 });
const baseTimes: number[] = [];
let agree = 0;
let inTop5 = 0;
const budgetEnd = performance.now() + budgetMs;
let n = 0;
for (; n < queries.length && (n < nBaseline || performance.now() < budgetEnd); n++) {
  const t = performance.now();
  const r = fuse.search(queries[n], { limit: 20 });
  baseTimes.push(performance.now() - t);
  const top = r[0] ? key(r[0].item) : '';
  const ours = ourTop5[n];
  if (top === (ours[0] ?? '')) agree++;
  if (!top || ours.includes(top)) inTop5++;
  if (verbose && top !== (ours[0] ?? '')) {
    const mine = corpus.search.search(queries[n], 20);
    const rank = mine.findIndex((p) => key(p) === top);
    console.log(`\n✗ ${JSON.stringify(queries[n])}: fuse top ${top} score ${r[0]?.score?.toExponential(3)} ${JSON.stringify(r[0]?.item.text.slice(0, 100))}`);
    console.log(`  ours ${ours[0] ?? '(none)'} ${JSON.stringify(mine[0]?.text.slice(0, 100))}; fuse's top at our rank ${rank < 0 ? 'none' : rank + 1}; fuse #2 ${r[1] ? key(r[1].item) : ''} ${r[1]?.score?.toExponential(3)}`);
  }
}
if (!n) process.exit(0);
const base = stats(baseTimes);
const ourSame = stats(ourTimes.slice(0, n));
console.log(`fuse.js alone: ${n} queries, mean ${ms(base.mean)} ms (p50 ${ms(base.p50)})`);
console.log(`speed-up (fuse alone mean / our mean, same ${n} queries): ${(base.mean / ourSame.mean).toFixed(0)}x`);
console.log(`top-1 agreement: ${agree}/${n} (${((100 * agree) / n).toFixed(0)}%); fuse's top in our top 5: ${inTop5}/${n} (${((100 * inTop5) / n).toFixed(0)}%)`);
