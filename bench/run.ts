// `npm run bench`: analysis time, memory, latencies, the fuse.js baseline, activation and bundle
// size, against the targets of the scale issue. Each measurement runs in its own process.
// Options: --sizes 100,1000,10000 (the largest also gives the latency figures), --no-indexing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('--sizes') ?? '100,1000,10000').split(',').map(Number);
const largest = Math.max(...sizes);

function child(mode: string, size?: number, extra: string[] = []): Record<string, any> {
  const out = path.join(os.tmpdir(), `corroborate-bench-${process.pid}-${mode}-${size ?? 0}.json`);
  const args = ['--require', 'tsx/cjs', path.join(__dirname, 'child.ts'), mode, out, String(size ?? 0), ...extra];
  process.stderr.write(`bench: ${mode}${size ? ` ${size}` : ''}...\n`);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench ${mode} ${size ?? ''} failed (exit ${r.status ?? r.signal})`);
  const data = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return data;
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('run `npm run build` first');
const results: Record<string, any> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, sizes: {} };
results.activation = child('activation');
for (const n of sizes) results.sizes[n] = child('analyse', n, n === largest ? ['--latency'] : []);
if (!process.argv.includes('--no-indexing')) results.indexing = child('indexing', largest);
fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');

// The table.
const f = (x: number | undefined, d = 1) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
const rows: string[][] = [['figure', 'measured', 'target', 'ok']];
const row = (name: string, value: string, target: string, ok: boolean | undefined) => rows.push([name, value, target, ok === undefined ? '' : ok ? 'yes' : 'NO']);
for (const n of sizes) {
  const s = results.sizes[n];
  row(`full analysis, ${n} articles`, `${f(s.totalMs / 1000, 2)} s, ${f(s.articlesPerSec, 0)} art/s`, n === 10000 ? '< 60 s, >= 150/s' : '', n === 10000 ? s.totalMs < 60000 && s.articlesPerSec >= 150 : undefined);
  row(`  phases (ms): upsert ${f(s.upsertMs, 0)}`, Object.entries(s.phases as Record<string, number>).map(([k, v]) => `${k} ${f(v, 0)}`).join(', '), '', undefined);
  row(`peak RSS, ${n} articles`, `${f(s.peakRssMB, 0)} MB`, n === 10000 ? '< 1536 MB' : '', n === 10000 ? s.peakRssMB < 1536 : undefined);
}
const L = results.sizes[largest];
const at = `at ${largest}`;
if (L.hover) {
  row(`re-analysis after one edit ${at} (median / max)`, `${f(L.reanalysisMs.p50)} / ${f(L.reanalysisMs.max)} ms`, '< 100 ms', L.reanalysisMs.p50 < 100);
  row(`hover p50/p95/p99 ${at}, idle`, `${f(L.hover.p50, 2)} / ${f(L.hover.p95, 2)} / ${f(L.hover.p99, 2)} ms (${L.hoverHits}/500 on a person)`, 'p99 < 10 ms', L.hover.p99 < 10);
  row(`reference p50/p95/p99 ${at}`, `${f(L.reference.p50, 2)} / ${f(L.reference.p95, 2)} / ${f(L.reference.p99, 2)} ms`, '', undefined);
  row(`related p50/p95/p99 ${at}`, `${f(L.related.p50, 2)} / ${f(L.related.p95, 2)} / ${f(L.related.p99, 2)} ms (${L.relatedFound}/200 found any)`, 'p95 < 100 ms', L.related.p95 < 100);
  row(`search p50/p95/p99 ${at}`, `${f(L.search.p50, 2)} / ${f(L.search.p95, 2)} / ${f(L.search.p99, 2)} ms (${L.searchEmpty}/100 empty)`, 'p95 < 50 ms', L.search.p95 < 50);
  row(`fuse.js alone p50/p95 ${at} (${L.fuseBaseline.queries} queries, ${L.fuseBaseline.passages} passages)`, `${f(L.fuseBaseline.p50, 0)} / ${f(L.fuseBaseline.p95, 0)} ms`, '', undefined);
  row('search speed-up over fuse.js alone (mean)', `${f(L.searchSpeedup, 1)}x`, '>= 10x', L.searchSpeedup >= 10);
  row('same top result as fuse.js alone (top-1 / in our top 5)', `${f(L.top1Agreement * 100, 0)}% / ${f(L.fuseTopInOurTop5 * 100, 0)}%`, 'same top results', L.top1Agreement >= 0.9);
}
if (results.indexing) {
  const I = results.indexing;
  row(`indexing ${I.size} in the worker`, `${f(I.indexMs / 1000, 2)} s, ${f(I.articlesPerSec, 0)} art/s; then corpus-level ${f(I.corpusLevelAfterIndexMs / 1000, 2)} s`, '', undefined);
  row('hover p50/p95/p99 while indexing', `${f(I.hoverWhileIndexing.p50, 1)} / ${f(I.hoverWhileIndexing.p95, 1)} / ${f(I.hoverWhileIndexing.p99, 1)} ms (n=${I.hoverWhileIndexing.n}, max ${f(I.hoverWhileIndexing.max, 0)})`, 'p99 < 100 ms', I.hoverWhileIndexing.p99 < 100);
  row('event-loop delay while indexing p99 / max', `${f(I.eventLoopDelayMs.p99, 1)} / ${f(I.eventLoopDelayMs.max, 1)} ms`, 'never > 50 ms', I.eventLoopDelayMs.max <= 50);
  row('peak RSS while indexing (main + worker)', `${f(I.peakRssMB, 0)} MB`, '', undefined);
}
const A = results.activation;
row('activation (require + activate())', `${f(A.loadMs + A.activateMs, 1)} ms (load ${f(A.loadMs, 1)}, activate ${f(A.activateMs, 1)})`, '< 50 ms', A.loadMs + A.activateMs < 50);
row('bundle dist/extension.js (worker)', `${f(A.bundleBytes / 1024, 0)} KB (${f(A.workerBytes / 1024, 0)} KB)`, '< 2048 KB', A.bundleBytes < 2 * 1024 * 1024);

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(rows[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows.slice(1)) console.log(line(r));
console.log(`\nwrote bench/results.json (${results.date}, node ${results.node}, ${results.cpus} cpus)`);
