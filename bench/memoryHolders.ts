// Which structure holds the heap: after a full analysis of N generated articles, drops each
// per-article memo (grouped by key prefix), each feature state and each index in turn, and prints
// the heap freed per article. An object shared by two holders is counted where it is dropped last
// (memos first, then states, then indexes, then the articles). Heap means the JS heap plus
// array buffers.
// Usage: node --expose-gc --require tsx/cjs bench/memoryHolders.ts [N]
import { Corpus } from '../src/core/corpus';
import { generateCorpus } from './generate';

const n = Number(process.argv[2] ?? 2000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
// Typed arrays keep their contents outside the JS heap, so those buffers count too.
const heap = () => { gc(); gc(); const m = process.memoryUsage(); return (m.heapUsed + m.arrayBuffers) / 2 ** 20; };
const docs = generateCorpus(n);
const before = heap();
const corpus = new Corpus();
docs.forEach((d) => corpus.upsert(d.id, d.text));
corpus.people(); corpus.quotes(); corpus.times(); corpus.search.search('talks on trade');
{ const a = corpus.articles()[0]; corpus.related(a.id, a.sentences[0]); }
corpus.events(); corpus.claims();
let last = heap();
console.log(`heap held by the corpus: ${(last - before).toFixed(0)} MB, ${(((last - before) * 1024) / n).toFixed(1)} KB/article`);
const drop = (name: string, fn: () => void) => {
  fn();
  const h = heap();
  const kb = ((last - h) * 1024) / n;
  if (Math.abs(kb) >= 0.5) console.log(`${name.padEnd(28)} ${kb.toFixed(1).padStart(6)} KB/article`);
  last = h;
};
// Reaching into private fields is the point of this probe: it measures what each one holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const c = corpus as any;
drop('derived results', () => c.derived.clear());
const groups = new Map<string, string[]>();
for (const e of c.entries.values()) for (const k of e.memo.keys()) { const g = k.split(':')[0]; groups.set(g, [...new Set([...(groups.get(g) ?? []), k])]); }
for (const [g, ks] of groups) drop(`memo ${g}`, () => { for (const e of c.entries.values()) for (const k of ks) e.memo.delete(k); });
for (const k of [...c.states.keys()]) drop(`state ${k}`, () => c.states.delete(k));
for (const k of Object.keys(c.search)) if (k !== 'corpus') drop(`search.${k}`, () => { c.search[k] = null; });
for (const k of Object.keys(c.relatedIndex)) if (k !== 'corpus') drop(`related.${k}`, () => { c.relatedIndex[k] = null; });
drop('articles', () => { c.sorted = undefined; c.entries.clear(); });
