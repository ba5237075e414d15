// How long people() (and quotes()) take after a one-article edit, versus the first full build.
// Usage: npx tsx scripts/bench-people-edit.ts [sizes=1000,10000] [edits=20]
// Builds synthetic corpora with bench/generate.ts, times the first people() (full build), then
// repeatedly edits one random article (upsert) and times people() and people()+quotes().
import { performance } from 'node:perf_hooks';
import { generateCorpus } from '../bench/generate';
import { mulberry32 } from '../bench/prng';
import { Corpus } from '../src/core/corpus';

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const edits = Number(process.argv[3] ?? 20);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

for (const size of sizes) {
  const docs = generateCorpus(size);
  const c = new Corpus();
  let t = performance.now();
  for (const d of docs) c.upsert(d.id, d.text);
  const parse = performance.now() - t;
  t = performance.now();
  c.people();
  const full = performance.now() - t;
  t = performance.now();
  c.quotes();
  const fullQuotes = performance.now() - t;
  const rng = mulberry32(7);
  const people: number[] = [];
  const both: number[] = [];
  for (let i = 0; i < edits; i++) {
    const d = docs[Math.floor(rng() * docs.length)];
    // A typical edit: a sentence added at the end of the body, sometimes naming someone new.
    const extra = i % 3 === 0 ? `\n\nSenator Edda Quorvin${i} said on Monday that talks would continue.\n` : `\n\nOfficials said revision ${i} changed nothing.\n`;
    d.text = d.text.replace(/\n*$/, extra);
    t = performance.now();
    c.upsert(d.id, d.text);
    c.people();
    people.push(performance.now() - t);
    c.quotes();
    both.push(performance.now() - t);
  }
  console.log(
    `${size} articles: parse ${ms(parse)}, full people() ${ms(full)}, full quotes() ${ms(fullQuotes)}; ` +
      `edit+people() p50 ${ms(pct(people, 50))} p95 ${ms(pct(people, 95))}; ` +
      `edit+people()+quotes() p50 ${ms(pct(both, 50))} p95 ${ms(pct(both, 95))} (${edits} edits)`,
  );
}
