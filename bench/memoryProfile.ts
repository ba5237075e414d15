// What the corpus holds per article: heap after each corpus-level feature, over N generated articles.
// Usage: node --expose-gc --require tsx/cjs bench/memoryProfile.ts [N]
import { Corpus } from '../src/core/corpus';
import { generateCorpus } from './generate';
import { heapMB as heap } from './heapProbe';

const n = Number(process.argv[2] ?? 2000);
const docs = generateCorpus(n);
const base = heap();
const corpus = new Corpus();
let last = base;
const step = (name: string, fn: () => unknown) => {
  fn();
  const h = heap();
  console.log(`${name.padEnd(10)} +${(h - last).toFixed(1).padStart(7)} MB  (${(((h - last) * 1024) / n).toFixed(1)} KB/article)  heap ${h.toFixed(0)} MB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  last = h;
};
step('upsert', () => docs.forEach((d) => corpus.upsert(d.id, d.text)));
step('people', () => corpus.people());
step('quotes', () => corpus.quotes());
step('times', () => corpus.times());
step('search', () => corpus.search.search('talks on trade'));
step('related', () => { const a = corpus.articles()[0]; return corpus.related(a.id, a.sentences[0]); });
step('events', () => corpus.events());
step('claims', () => corpus.claims());
console.log(`total +${(last - base).toFixed(0)} MB over ${n} articles; text ${(docs.reduce((s, d) => s + d.text.length, 0) / 2 ** 20).toFixed(1)} MB`);
