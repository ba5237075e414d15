// Where the time of a one-article edit goes, per corpus-level feature, at a given size.
// Usage: npx tsx bench/editProfile.ts [size=2000] [edits=3]; to profile the edits only, add
// --import ./bench/profileHooks.ts and PROF_OUT=edit.cpuprofile (see that file).
import { performance } from 'node:perf_hooks';
import { Corpus } from '../src/core/corpus';
import { generateCorpus } from './generate';
import { mulberry32, pick, int } from './prng';

const size = Number(process.argv[2] ?? 2000);
const edits = Number(process.argv[3] ?? 3);
const corpus = new Corpus();
const t0 = performance.now();
for (const d of generateCorpus(size)) corpus.upsert(d.id, d.text);
const steps: [string, () => unknown][] = [
  ['people', () => corpus.people()],
  ['quotes', () => corpus.quotes()],
  ['times', () => corpus.times()],
  ['events', () => corpus.events()],
  ['claims', () => corpus.claims()],
];
for (const [name, fn] of steps) {
  const t = performance.now();
  fn();
  console.log(`full ${name}: ${(performance.now() - t).toFixed(0)} ms`);
}
console.log(`full total: ${((performance.now() - t0) / 1000).toFixed(1)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
const rng = mulberry32(5);
const prof = (globalThis as any).__profStart;
const main = async () => {
if (prof) await prof();
for (let k = 0; k < edits; k++) {
  const a = pick(rng, corpus.articles());
  const s = a.sentences[Math.min(a.sentences.length - 1, 3)];
  const text = `${a.text.slice(0, s.end)} An editor added this sentence in revision ${k}, citing ${int(mulberry32(k), 10, 99)} new documents.${a.text.slice(s.end)}`;
  const row: string[] = [];
  let t = performance.now();
  corpus.upsert(a.id, text);
  row.push(`upsert ${(performance.now() - t).toFixed(0)}`);
  for (const [name, fn] of steps) {
    t = performance.now();
    fn();
    row.push(`${name} ${(performance.now() - t).toFixed(0)}`);
  }
  console.log(`edit ${k}: ${row.join(', ')} ms`);
}
if (prof) await (globalThis as any).__profStop(process.env.PROF_OUT ?? 'edit.cpuprofile');
};
void main();
