// What a hover needs (people, quotes, times) after edits and after ingesting a batch of new articles.
// Usage: npx tsx bench/hoverIngest.ts [size=5000] [batch=50] [edits=3]
// Builds a corpus of `size` generated articles, then times: one-article edits (people, quotes, times
// each), and ingesting `batch` new articles followed by personAt (the hover), then the rest settled.
import { performance } from 'node:perf_hooks';
import { Corpus } from '../src/core/corpus';
import { generateCorpus } from './generate';
import { mulberry32, pick, int } from './prng';

const size = Number(process.argv[2] ?? 5000);
const batch = Number(process.argv[3] ?? 50);
const edits = Number(process.argv[4] ?? 3);
const docs = generateCorpus(size + batch);
const corpus = new Corpus();
let t = performance.now();
for (const d of docs.slice(0, size)) corpus.upsert(d.id, d.text);
// Wall time, and beside it in brackets the process's CPU time (the machine is shared: waiting for a core is not work).
let cpu = process.cpuUsage();
const ms = () => {
  const x = performance.now() - t;
  const c = process.cpuUsage(cpu);
  t = performance.now();
  cpu = process.cpuUsage();
  return `${x.toFixed(0)} [${((c.user + c.system) / 1000).toFixed(0)}]`;
};
corpus.people();
const fp = ms();
corpus.quotes();
const fq = ms();
corpus.times();
console.log(`${size} articles: full people ${fp}, quotes ${fq}, times ${ms()} ms`);
const rng = mulberry32(5);
for (let k = 0; k < edits; k++) {
  const a = pick(rng, corpus.articles());
  const s = a.sentences[Math.min(a.sentences.length - 1, 3)];
  corpus.upsert(a.id, `${a.text.slice(0, s.end)} An editor added this sentence in revision ${k}, citing ${int(mulberry32(k), 10, 99)} new documents.${a.text.slice(s.end)}`);
  t = performance.now();
  cpu = process.cpuUsage();
  corpus.people();
  const p = ms();
  corpus.quotes();
  const q = ms();
  corpus.times();
  console.log(`edit ${k}: people ${p}, quotes ${q}, times ${ms()} ms`);
}
// The extension's indexing worker ships parsed articles with their per-article memo filled, so the
// per-article analysis is done here, off the clock, on a scratch corpus per article.
const incoming = docs.slice(size).map((d) => {
  const scratch = new Corpus();
  const a = scratch.upsert(d.id, d.text);
  scratch.people(); scratch.quotes(); scratch.times();
  return { a, memo: scratch.memoOf(d.id) };
});
const prof = (globalThis as { __profStart?: () => Promise<void>; __profStop?: (f: string) => Promise<void> });
void (async () => {
if (prof.__profStart) await prof.__profStart();
t = performance.now();
cpu = process.cpuUsage();
for (const { a, memo } of incoming) corpus.ingest(a, memo);
const ingest = ms();
const last = incoming[incoming.length - 1].a;
const person = corpus.personAt(last.id, corpus.people().find((p) => p.mentions.some((m) => m.article === last.id))?.mentions.find((m) => m.article === last.id)?.start ?? 0);
const hover = ms();
corpus.quotes();
const q = ms();
corpus.times();
const tm = ms();
console.log(`ingest ${batch}: ingest ${ingest}, then personAt ${hover} ms (${person ? 'a person' : 'no person'}), quotes ${q}, times ${tm} ms`);
if (prof.__profStop) await prof.__profStop(process.env.PROF_OUT ?? 'ingest.cpuprofile');
})();
