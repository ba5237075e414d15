// Which field of one feature state holds the heap: after a full analysis of N generated articles,
// drops each field of the named states in turn and prints the heap freed per article.
// Usage: node --expose-gc --require tsx/cjs bench/stateFields.ts [N] [state,state...]
import { Corpus } from '../src/core/corpus';
import { generateCorpus } from './generate';

const n = Number(process.argv[2] ?? 1000);
const names = (process.argv[3] ?? 'people,dates,quotes').split(',');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
// Typed arrays keep their contents outside the JS heap, so those buffers count too.
const heap = () => { gc(); gc(); const m = process.memoryUsage(); return (m.heapUsed + m.arrayBuffers) / 2 ** 20; };
const docs = generateCorpus(n);
const corpus = new Corpus();
docs.forEach((d) => corpus.upsert(d.id, d.text));
corpus.people(); corpus.quotes(); corpus.times();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const c = corpus as any;
c.derived.clear();
let last = heap();
const drop = (name: string, fn: () => void) => {
  fn();
  const h = heap();
  const kb = ((last - h) * 1024) / n;
  if (Math.abs(kb) >= 0.1) console.log(`${name.padEnd(32)} ${kb.toFixed(1).padStart(6)} KB/article`);
  last = h;
};
const groups = new Map<string, string[]>();
for (const e of c.entries.values()) for (const k of e.memo.keys()) { const g = k.split(':')[0]; groups.set(g, [...new Set([...(groups.get(g) ?? []), k])]); }
for (const [g, ks] of groups) drop(`memo ${g}`, () => { for (const e of c.entries.values()) for (const k of ks) e.memo.delete(k); });
for (const s of names) {
  const st = c.states.get(s);
  if (!st) continue;
  for (const k of Object.keys(st)) drop(`${s}.${k}`, () => { st[k] = null; });
  drop(`${s} (rest)`, () => c.states.delete(s));
}
