// Per-article analysis cost: runs analyseArticle (what the indexing worker does for each article)
// over N generated articles and prints ms per article; with PROF_OUT set (and the profiler wrapper
// imported, see scale notes) it writes a CPU profile. Usage: tsx bench/articleProfile.ts [N] [--mem]
import { analyseArticle } from '../src/core/articleAnalysis';
import { generateCorpus } from './generate';

const n = Number(process.argv[2] ?? 2000);
const docs = generateCorpus(n);
const g = globalThis as { __profStart?: () => Promise<void>; __profStop?: (f: string) => Promise<void> };

async function main() {
  // Warm up: loads the NLP libraries and compiles the hot paths, which a long indexing run amortises.
  for (const d of docs.slice(0, 20)) analyseArticle(d.id, d.text);
  if (process.env.PROF_OUT) await g.__profStart?.();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let entries = 0;
  for (const d of docs) entries += analyseArticle(d.id, d.text).memo.length;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (process.env.PROF_OUT) await g.__profStop?.(process.env.PROF_OUT);
  console.log(`${n} articles: ${ms.toFixed(0)} ms, ${(ms / n).toFixed(2)} ms/article, ${(n / (ms / 1000)).toFixed(0)} art/s, ${entries} memo entries; CPU ${(cpuMs / n).toFixed(2)} ms/article; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
}
void main();
