// Re-analysis after one edit: how long referenceDates + events() take once the corpus is warm,
// for an edit to a dated and to an undated article. Usage: npx tsx scripts/bench-reedit.ts [size]
import { Corpus } from '../src/core/corpus';
import { generateCorpus } from '../bench/generate';

const size = Number(process.argv[2] ?? 2000);
const arts = generateCorpus(size);
const c = new Corpus();
for (const a of arts) c.upsert(a.id, a.text);
const ms = (f: () => unknown) => { const t = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t) / 1e6; };
console.log(`articles=${size} dated=${c.articles().filter((a) => a.published).length}`);
console.log(`cold events(): ${ms(() => c.events()).toFixed(0)} ms (${c.events().length} events)`);
const dated = arts.find((a) => c.get(a.id)?.published)!;
const undated = arts.find((a) => !c.get(a.id)?.published);
for (const [name, a] of [['dated', dated], ['undated', undated]] as const) {
  if (!a) continue;
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    c.upsert(a.id, `${a.text}\nThe council met on Tuesday to discuss it (edit ${i}).\n`);
    runs.push(ms(() => c.events()));
  }
  runs.sort((x, y) => x - y);
  console.log(`edit ${name} article -> events(): median ${runs[2].toFixed(0)} ms (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)})`);
}
