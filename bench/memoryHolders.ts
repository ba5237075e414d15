// Which structure holds the heap: after a full analysis of N generated articles, drops each
// per-article memo (grouped by key prefix), each feature state and each index in turn, and prints
// the heap freed per article. An object shared by two holders is counted where it is dropped last
// (memos first, then states, then indexes, then the articles). Heap means the JS heap plus
// array buffers.
// Usage: node --expose-gc --require tsx/cjs bench/memoryHolders.ts [N]
import { Corpus } from '../src/core/corpus';
import { generateCorpus } from './generate';
import { dropMemos, heapDropper, heapMB } from './heapProbe';

const n = Number(process.argv[2] ?? 2000);
const docs = generateCorpus(n);
const before = heapMB();
const corpus = new Corpus();
docs.forEach((d) => corpus.upsert(d.id, d.text));
corpus.people(); corpus.quotes(); corpus.times(); corpus.search.search('talks on trade');
{ const a = corpus.articles()[0]; corpus.related(a.id, a.sentences[0]); }
corpus.events(); corpus.claims();
const held = heapMB() - before;
console.log(`heap held by the corpus: ${held.toFixed(0)} MB, ${((held * 1024) / n).toFixed(1)} KB/article`);
const drop = heapDropper(n, 0.5);
// Reaching into private fields is the point of this probe: it measures what each one holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const c = corpus as any;
drop('derived results', () => c.derived.clear());
dropMemos(c, drop);
for (const k of [...c.states.keys()]) drop(`state ${k}`, () => c.states.delete(k));
for (const k of Object.keys(c.search)) if (k !== 'corpus') drop(`search.${k}`, () => { c.search[k] = null; });
for (const k of Object.keys(c.relatedIndex)) if (k !== 'corpus') drop(`related.${k}`, () => { c.relatedIndex[k] = null; });
drop('articles', () => { c.sorted = undefined; c.entries.clear(); });
