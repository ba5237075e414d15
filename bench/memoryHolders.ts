// Which structure holds the heap: after a full analysis of N generated articles, drops each
// per-article memo (grouped by key prefix), each feature state and each index in turn, and prints
// the heap freed per article. An object shared by two holders is counted where it is dropped last
// (memos first, then states, then indexes, then the articles). Heap means the JS heap plus
// array buffers.
// With --gc, prints the full-GC time each holder costs instead (marking follows live objects, not
// bytes; a major GC while indexing is what holds the extension host longest).
// Usage: node --expose-gc [--single-threaded-gc] --require tsx/cjs bench/memoryHolders.ts [N] [--gc]
import { Corpus } from '../src/core/corpus';
import { generateCorpus } from './generate';
import { dropMemos, fullGcMs, heapDropper, heapMB } from './heapProbe';

const n = Number(process.argv[2] ?? 2000);
const byGc = process.argv.includes('--gc');
const docs = generateCorpus(n);
const before = heapMB();
const corpus = new Corpus();
docs.forEach((d) => corpus.upsert(d.id, d.text));
corpus.people(); corpus.quotes(); corpus.times(); corpus.search.search('talks on trade');
{ const a = corpus.articles()[0]; corpus.related(a.id, a.sentences[0]); }
corpus.events(); corpus.claims();
const held = heapMB() - before;
console.log(`heap held by the corpus: ${held.toFixed(0)} MB, ${((held * 1024) / n).toFixed(1)} KB/article`);
if (byGc) console.log(`full GC with the corpus: ${fullGcMs().toFixed(1)} ms`);
const drop = byGc ? heapDropper(n, 2, 'gc') : heapDropper(n, 0.5); // GC times are noisier: only shares over 2 us print
// Reaching into private fields is the point of this probe: it measures what each one holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const c = corpus as any;
drop('derived results', () => c.derived.clear());
dropMemos(c, drop);
for (const k of [...c.states.keys()]) drop(`state ${k}`, () => c.states.delete(k));
for (const k of Object.keys(c.search)) if (k !== 'corpus') drop(`search.${k}`, () => { c.search[k] = null; });
for (const k of Object.keys(c.relatedIndex)) if (k !== 'corpus') drop(`related.${k}`, () => { c.relatedIndex[k] = null; });
drop('articles', () => { c.sorted = undefined; c.entries.clear(); });
