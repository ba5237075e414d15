// Which field of one feature state holds the heap: after a full analysis of N generated articles,
// drops each field of the named states in turn and prints the heap freed per article.
// Usage: node --expose-gc --require tsx/cjs bench/stateFields.ts [N] [state,state...]
import { Corpus } from '../src/core/corpus';
import { generateCorpus } from './generate';
import { dropMemos, heapDropper } from './heapProbe';

const n = Number(process.argv[2] ?? 1000);
const names = (process.argv[3] ?? 'people,dates,quotes').split(',');
const docs = generateCorpus(n);
const corpus = new Corpus();
docs.forEach((d) => corpus.upsert(d.id, d.text));
corpus.people(); corpus.quotes(); corpus.times();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const c = corpus as any;
c.derived.clear();
const drop = heapDropper(n, 0.1);
dropMemos(c, drop);
for (const s of names) {
  const st = c.states.get(s);
  if (!st) continue;
  for (const k of Object.keys(st)) drop(`${s}.${k}`, () => { st[k] = null; });
  drop(`${s} (rest)`, () => c.states.delete(s));
}
