// One benchmark measurement, run in its own process by bench/run.ts so that peak RSS and load
// times are clean. Usage: tsx bench/child.ts <mode> <out.json> [size]
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { parseArticle } from '../src/core/article';
import { Corpus } from '../src/core/corpus';
import { timeAt } from '../src/core/dates';
import { mentionAtOffset, personProfile } from '../src/core/personProfile';
import { IndexWorkerClient, SETTLE_SLICE_MS, forEachSliced, preloadLibraries, settleCadence, settleSliced } from '../src/core/indexClient';
import type { IndexJob } from '../src/core/indexProtocol';
import type { Article, Person } from '../src/core/types';
import { ensureCorpusOnDisk, generateCorpus } from './generate';
import { type Rng, int, mulberry32, pick } from './prng';
import { searchQueries } from './searchQueries';

const ROOT = path.join(__dirname, '..');
const [mode, outFile, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg ?? 0);

const rssMB = () => process.resourceUsage().maxRSS / 1024;

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN);
  return { n: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

/** What the hover provider asks: the person card (roles, quotes, mentions), else the time at the cursor. */
function hoverAt(corpus: Corpus, id: string, offset: number) {
  const found = mentionAtOffset(corpus, id, offset);
  if (found) {
    const p = personProfile(corpus, found.person.id, 3);
    return p && { person: found.person.name, quotes: p.quotes.length };
  }
  const t = timeAt(corpus, id, offset);
  return t ? { time: t.value } : undefined;
}

/** Go-to-references on a name: every mention of that person, as locations. */
function referencesAt(corpus: Corpus, id: string, offset: number) {
  const person = corpus.personAt(id, offset);
  return person ? person.mentions.map((m) => ({ article: m.article, start: m.start, end: m.end })) : [];
}

/**
 * Corpus-level results in the order the extension needs them: hovers (people, quotes, times),
 * search and related, then the tree (events), then diagnostics (claims).
 */
const PHASES: [string, (c: Corpus) => unknown[]][] = [
  ['people', (c) => c.people()],
  ['quotes', (c) => c.quotes()],
  ['times', (c) => c.times()],
  ['search', (c) => c.search.search('talks on trade')],
  ['related', (c) => {
    const a = c.articles()[0];
    return a?.sentences[0] ? c.related(a.id, a.sentences[0]) : [];
  }],
  ['events', (c) => c.events()],
  ['claims', (c) => c.claims()],
];

/** Positions worth hovering: on person mentions when there are any, else on sentence starts. */
function hoverPositions(rng: Rng, corpus: Corpus, n: number): { id: string; offset: number }[] {
  const mentions = corpus.people().flatMap((p: Person) => p.mentions);
  const arts = corpus.articles();
  return Array.from({ length: n }, (_, i) => {
    if (mentions.length && i % 4 !== 3) {
      const m = pick(rng, mentions);
      return { id: m.article, offset: int(rng, m.start, Math.max(m.start, m.end - 1)) };
    }
    const a = pick(rng, arts);
    const s = a.sentences.length ? pick(rng, a.sentences) : { start: 0, end: 0 };
    return { id: a.id, offset: int(rng, s.start, s.end) };
  });
}

function modifyOne(a: Article, k: number): string {
  const s = a.sentences[Math.min(a.sentences.length - 1, 3)];
  return `${a.text.slice(0, s.end)} An editor added this sentence in revision ${k}, citing ${int(mulberry32(k), 10, 99)} new documents.${a.text.slice(s.end)}`;
}

/**
 * Full analysis of a generated corpus. The result file is rewritten after every phase, so that when
 * bench/run.ts stops a phase that runs too long, what finished is still reported. Time, CPU and
 * peak RSS of the analysis are taken when the last phase ends; with --latency, the latencies and
 * the re-analysis after one edit are measured after that (fuse.js alone runs in its own process).
 */
async function analyse() {
  const docs = generateCorpus(size);
  const corpus = new Corpus();
  const result: Record<string, any> = { size, words: docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0), phases: {}, counts: {}, finished: false };
  const cpu0 = process.cpuUsage();
  let analysed = false;
  const save = () => {
    if (!analysed) {
      const cpu = process.cpuUsage(cpu0);
      result.cpuMs = (cpu.user + cpu.system) / 1000;
    }
    result.peakRssMB = rssMB();
    const done = ['upsert', ...Object.keys(result.phases)];
    result.totalMs = (result.upsertMs ?? 0) + Object.values(result.phases as Record<string, number>).reduce((a, b) => a + b, 0);
    result.articlesPerSec = size / (result.totalMs / 1000);
    result.done = done;
    fs.writeFileSync(outFile, JSON.stringify(result));
  };
  [, result.upsertMs] = time(() => docs.forEach((d) => corpus.upsert(d.id, d.text)));
  save();
  const wantLatency = process.argv.includes('--latency');
  for (const [name, fn] of PHASES) {
    const [r, ms] = time(() => fn(corpus));
    result.phases[name] = ms;
    result.counts[name] = r.length;
    save();
  }
  // The analysis's own peak: what the extension host (plus its worker) holds for this corpus.
  result.peakRssAnalysisMB = rssMB();
  save();
  analysed = true;
  if (wantLatency) {
    result.latency = latency(corpus);
    save();
    result.reanalysis = reanalysis(corpus);
    save();
  }
  result.finished = true;
  save();
}

/**
 * After a one-article edit at this size: upsert the changed text, then recompute what a hover
 * needs (people, quotes, times), what the tree needs (events) and what diagnostics need (claims).
 */
function reanalysis(corpus: Corpus) {
  const rng = mulberry32(5);
  const out: Record<string, number[]> = { hover: [], tree: [], diagnostics: [], total: [] };
  for (let k = 0; k < 3; k++) {
    const a = pick(rng, corpus.articles());
    const text = modifyOne(a, k);
    const [, upsert] = time(() => corpus.upsert(a.id, text));
    const [, hover] = time(() => (corpus.people(), corpus.quotes(), corpus.times(), corpus.personAt(a.id, a.sentences[0]?.start ?? 0)));
    const [, tree] = time(() => corpus.events());
    const [, diagnostics] = time(() => corpus.claims());
    out.hover.push(upsert + hover);
    out.tree.push(tree);
    out.diagnostics.push(diagnostics);
    out.total.push(upsert + hover + tree + diagnostics);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, stats(v)]));
}

function latency(corpus: Corpus) {
  const rng = mulberry32(7);
  const positions = hoverPositions(rng, corpus, 500);
  corpus.people(); // the same corpus state for every hover: warm
  const hover = positions.map((p) => time(() => hoverAt(corpus, p.id, p.offset))[1]);
  const hits = positions.filter((p) => corpus.personAt(p.id, p.offset)).length;
  const reference = positions.map((p) => time(() => referencesAt(corpus, p.id, p.offset))[1]);
  const arts = corpus.articles();
  const related: number[] = [];
  let relatedFound = 0;
  for (let i = 0; i < 200; i++) {
    const a = pick(rng, arts);
    const s = pick(rng, a.sentences);
    const [r, ms] = time(() => corpus.related(a.id, { start: s.start, end: s.end }, 10));
    related.push(ms);
    if (r.length) relatedFound++;
  }
  const queries = searchQueries(rng, corpus, 100);
  corpus.search.search(queries[0]);
  const search: number[] = [];
  const ours: string[] = [];
  for (const q of queries) {
    const [r, ms] = time(() => corpus.search.search(q, 20));
    search.push(ms);
    ours.push(r[0] ? `${r[0].article}@${r[0].start}` : '');
  }
  // Baseline: fuse.js alone over every passage, the same queries, in its own process (bench/run.ts
  // starts it) so that its index of every passage does not count in this process's memory.
  const nBase = Math.min(queries.length, 12);
  fs.writeFileSync(`${outFile}.queries.json`, JSON.stringify({ queries: queries.slice(0, nBase), ours: ours.slice(0, nBase), ourTop5: queries.slice(0, nBase).map((q) => corpus.search.search(q, 5).map((p) => `${p.article}@${p.start}`)) }));
  return {
    hover: stats(hover),
    hoverHits: hits,
    reference: stats(reference),
    related: stats(related),
    relatedFound,
    search: stats(search),
    searchEmpty: ours.filter((x) => !x).length,
    /** Our latencies on the queries the fuse.js baseline also runs, for the speed-up. */
    searchOnBaselineQueries: stats(search.slice(0, nBase)),
  };
}

/**
 * fuse.js alone over every passage of the same generated corpus, on the queries the analysis
 * process saved, compared with its answers. Fuse takes seconds a query at 10k: at most 12 queries,
 * and no new one after 40 s.
 */
function fuseBaseline() {
  const { queries, ours, ourTop5 } = JSON.parse(fs.readFileSync(`${outFile}.queries.json`, 'utf8')) as { queries: string[]; ours: string[]; ourTop5: string[][] };
  const arts = generateCorpus(size).map((d) => parseArticle(d.id, d.text)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const passages = arts.flatMap((a) => a.sentences.map((s) => ({ article: a.id, start: s.start, text: s.text, title: a.title ?? '', outlet: a.outlet ?? '' })));
  const [fuse, buildMs] = time(() => new Fuse(passages, { keys: [{ name: 'text', weight: 3 }, { name: 'title', weight: 1 }, { name: 'outlet', weight: 0.5 }], includeScore: true, ignoreLocation: true, threshold: 0.35 }));
  const baseline: number[] = [];
  let agree = 0;
  let agreeTop5 = 0;
  const budgetEnd = performance.now() + 40_000;
  for (let i = 0; i < queries.length && (i < 3 || performance.now() < budgetEnd); i++) {
    const [r, ms] = time(() => fuse.search(queries[i], { limit: 20 }));
    baseline.push(ms);
    const top = r[0] ? `${r[0].item.article}@${r[0].item.start}` : '';
    if (top === ours[i]) agree++;
    if (top && ourTop5[i].includes(top)) agreeTop5++;
  }
  const n = baseline.length;
  fs.writeFileSync(outFile, JSON.stringify({ ...stats(baseline), buildMs, passages: passages.length, queries: n, top1Agreement: agree / n, fuseTopInOurTop5: agreeTop5 / n, peakRssMB: rssMB() }));
}

/** Hover latency while a corpus is indexed by the worker, as the extension does it. */
async function duringIndexing() {
  const dir = ensureCorpusOnDisk(size);
  const files: string[] = [];
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.article') && files.push(path.join(d, e.name))));
  walk(dir);
  files.sort();
  const jobs: IndexJob[] = files.map((f) => ({ id: path.relative(dir, f), path: f }));
  const corpus = new Corpus();
  const client = new IndexWorkerClient(path.join(ROOT, 'dist', 'indexWorker.js'), { maxBytes: 2 << 20 });
  const libsLoadMs = preloadLibraries(); // as CorpusService does, while the worker starts
  await client.ready;
  const rng = mulberry32(11);
  const hovers: number[] = [];
  const ingestSlices: number[] = [];
  let running = true;
  const HOVER_EVERY_MS = 20;
  let due = performance.now() + HOVER_EVERY_MS;
  // Latency as a user sees it: from when the hover was due (the timer) to the answer, so time
  // spent waiting behind a busy event loop counts.
  const ingested: Article[] = [];
  const tick = () => {
    if (!running) return;
    const arts = ingested;
    if (arts.length) {
      const a = pick(rng, arts);
      const s = a.sentences.length ? pick(rng, a.sentences) : { start: 0, end: 0 };
      hoverAt(corpus, a.id, int(rng, s.start, s.end));
      hovers.push(performance.now() - due);
    }
    due = performance.now() + HOVER_EVERY_MS;
    setTimeout(tick, HOVER_EVERY_MS);
  };
  setTimeout(tick, HOVER_EVERY_MS);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const t0 = performance.now();
  let skipped = 0;
  // On a slow analysis, hovers are measured during the first INDEXING_BUDGET_MS of indexing only.
  const budget = Number(process.env.BENCH_INDEXING_BUDGET_MS ?? 180_000);
  let stopped = false;
  const catchUp = settleCadence(corpus);
  // The longest single settle slice (asked for SETTLE_SLICE_MS): what a slice really holds the thread for.
  const slices: number[] = [];
  const settle = corpus.settle.bind(corpus);
  corpus.settle = (deadline, scope) => {
    const t = performance.now();
    const done = settle(deadline, scope);
    slices.push(performance.now() - t);
    return done;
  };
  await client.run(jobs, async (results) => {
    let t = performance.now();
    await forEachSliced(results, (r) => {
      if (r.ok) ingested.push(corpus.ingest(r.article, r.memo));
      else skipped++;
    });
    ingestSlices.push(performance.now() - t);
    await catchUp(); // as CorpusService does
    t = performance.now();
  }, () => (stopped = performance.now() - t0 > budget));
  await settleSliced(corpus, SETTLE_SLICE_MS); // the tree and diagnostics catch up before indexing counts as done
  const indexMs = performance.now() - t0;
  running = false;
  loop.disable();
  client.dispose();
  fs.writeFileSync(outFile, JSON.stringify({
    size,
    indexed: corpus.size,
    stoppedAfterBudget: stopped,
    indexMs,
    articlesPerSec: corpus.size / (indexMs / 1000),
    skipped,
    hoverWhileIndexing: stats(hovers),
    eventLoopDelayMs: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    ingestBatchMs: stats(ingestSlices),
    settleSliceMs: stats(slices),
    libsLoadMs,
    peakRssMB: rssMB(),
  }));
}

if (mode === 'analyse') void analyse();
else if (mode === 'fuse') fuseBaseline();
else if (mode === 'indexing') void duringIndexing();
else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
