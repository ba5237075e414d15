// `npm run bench`: analysis time, memory, latencies, the fuse.js baseline, activation and bundle
// size, against the targets of the scale issue. Each measurement runs in its own process.
// Options: --sizes 100,1000,10000 (the largest also gives the latency figures), --no-indexing,
// --timeout-s N (per measurement process; default 900: a phase still running then is reported as
// not finished, with everything measured before it), --timeouts 300,300,900 (per size),
// --indexing-budget-s N (hovers are measured during the first N s of indexing; default 180),
// --only activation (just the cold start and the bundle size: seconds instead of minutes).
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SETTLE_SLICE_MS } from '../src/core/indexClient';

const ROOT = path.join(__dirname, '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('--sizes') ?? '100,1000,10000').split(',').map(Number);
const largest = Math.max(...sizes);
const timeoutMs = Number(arg('--timeout-s') ?? 900) * 1000;
/** Per-size timeouts (s), in the order of --sizes; default --timeout-s for each. */
const timeouts = (arg('--timeouts') ?? '').split(',').filter(Boolean).map((x) => Number(x) * 1000);

function child(mode: string, size?: number, extra: string[] = [], timeoutMs = timeoutsFor(size), out = path.join(os.tmpdir(), `corroborate-bench-${process.pid}-${mode}-${size ?? 0}.json`)): Record<string, any> {
  fs.rmSync(out, { force: true });
  const args = ['--require', 'tsx/cjs', path.join(__dirname, 'child.ts'), mode, out, String(size ?? 0), ...extra];
  process.stderr.write(`bench: ${mode}${size ? ` ${size}` : ''}...\n`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: timeoutMs, killSignal: 'SIGKILL', env: { ...process.env, BENCH_INDEXING_BUDGET_MS: String(Number(arg('--indexing-budget-s') ?? 180) * 1000) } });
  const timedOut = r.signal === 'SIGKILL' && Date.now() - t0 >= timeoutMs - 1000;
  if (!fs.existsSync(out)) throw new Error(`bench ${mode} ${size ?? ''} wrote nothing${timedOut ? ` in ${timeoutMs / 1000} s` : ` (exit ${r.status ?? r.signal})`}`);
  const data = JSON.parse(fs.readFileSync(out, 'utf8'));
  if (r.status !== 0 && !timedOut) data.error = `exit ${r.status ?? r.signal}`;
  fs.rmSync(out, { force: true });
  if (timedOut) data.stoppedAfterS = timeoutMs / 1000;
  return data;
}

function timeoutsFor(size?: number): number {
  const i = size === undefined ? -1 : sizes.indexOf(size);
  return timeouts[i] ?? timeoutMs;
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('run `npm run build` first');
const results: Record<string, any> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), sizes: {} };
/** One cold start of the extension in plain node (the measuring script is bundled first). */
function activation(): Record<string, any> {
  const script = path.join(os.tmpdir(), `corroborate-bench-activation-${process.pid}.js`);
  const out = `${script}.json`;
  esbuild.buildSync({ entryPoints: [path.join(__dirname, 'activation.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, external: ['vscode'], logLevel: 'warning' });
  process.stderr.write('bench: activation...\n');
  const r = spawnSync(process.execPath, [script, out, ROOT], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 60_000 });
  if (r.status !== 0) throw new Error(`bench activation failed (exit ${r.status ?? r.signal})`);
  const data = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  fs.rmSync(script, { force: true });
  return data;
}

// Activation is short and this machine is shared: take the median of five cold starts.
const acts = Array.from({ length: 5 }, () => activation()).sort((a, b) => a.loadMs + a.activateMs - (b.loadMs + b.activateMs));
results.activation = { ...acts[2], runsMs: acts.map((a) => a.loadMs + a.activateMs), cpuRunsMs: acts.map((a) => a.cpuMs) };
const activationOnly = arg('--only') === 'activation';
const saveResults = () => fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
for (const n of activationOnly ? [] : sizes) {
  results.sizes[n] = child('analyse', n, n === largest ? ['--latency'] : []);
  const L = results.sizes[n].latency;
  if (L) {
    // fuse.js alone, on the queries the analysis process saved; in its own process so its index
    // of every passage does not count in the analysis's memory.
    const out = path.join(os.tmpdir(), `corroborate-bench-${process.pid}-analyse-${n}.json`);
    const base = child('fuse', n, [], Math.max(timeoutMs, 600_000), out);
    L.fuseBaseline = base;
    L.searchSpeedup = base.mean / L.searchOnBaselineQueries.mean;
    L.top1Agreement = base.top1Agreement;
    L.fuseTopInOurTop5 = base.fuseTopInOurTop5;
    fs.rmSync(`${out}.queries.json`, { force: true });
  }
  saveResults(); // what is measured so far survives a later failure
}
if (!activationOnly && !process.argv.includes('--no-indexing')) results.indexing = child('indexing', largest, [], Math.max(timeoutMs, 300_000));
results.loadAverageAfter = os.loadavg();
if (!activationOnly) saveResults(); // a partial run must not overwrite the full results

// The table.
const f = (x: number | undefined, d = 1) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
const pct = (s: any, d = 2) => (s ? `${f(s.p50, d)} / ${f(s.p95, d)} / ${f(s.p99, d)} ms` : 'not measured');
const rows: string[][] = [['figure', 'measured', 'target', 'ok']];
const row = (name: string, value: string, target: string, ok: boolean | undefined) => rows.push([name, value, target, ok === undefined ? '' : ok ? 'yes' : 'NO']);
const PHASES = ['people', 'quotes', 'times', 'search', 'related', 'events', 'claims'];
for (const n of activationOnly ? [] : sizes) {
  const s = results.sizes[n];
  const unfinished = s.finished ? '' : ` (stopped after ${s.stoppedAfterS} s: ${PHASES.filter((p) => !(p in s.phases)).join(', ')} not finished)`;
  const big = n === largest && n >= 10000;
  row(`full analysis, ${n} articles`, s.finished ? `${f(s.totalMs / 1000, 2)} s, ${f(s.articlesPerSec, 0)} art/s (CPU ${f(s.cpuMs / 1000, 2)} s)` : `> ${f(s.totalMs / 1000, 0)} s${unfinished}`, big ? '< 60 s, >= 150/s' : '', big ? s.finished && s.totalMs < 60000 && s.articlesPerSec >= 150 : undefined);
  row(`  phases, ms`, `upsert ${f(s.upsertMs, 0)}, ` + PHASES.filter((p) => p in s.phases).map((p) => `${p} ${f(s.phases[p], 0)}`).join(', '), '', undefined);
  const rss = s.peakRssAnalysisMB ?? s.peakRssMB;
  row(`peak RSS, ${n} articles`, `${f(rss, 0)} MB${s.peakRssAnalysisMB ? '' : ' (so far)'}${s.peakRssAnalysisMB && s.peakRssMB > s.peakRssAnalysisMB ? ` (${f(s.peakRssMB, 0)} MB after the latency and re-analysis runs)` : ''}`, big ? '< 1536 MB' : '', big ? rss < 1536 : undefined);
}
const L = results.sizes[largest];
const at = `at ${largest}`;
if (L) {
const R = L.reanalysis;
row(`re-analysis after one edit ${at}: hover / tree / diagnostics / total (median)`, R ? `${f(R.hover.p50)} / ${f(R.tree.p50)} / ${f(R.diagnostics.p50)} / ${f(R.total.p50)} ms` : 'not measured (analysis did not finish)', '< 100 ms', R ? R.total.p50 < 100 : false);
const Q = L.latency;
if (Q) {
  row(`hover p50/p95/p99 ${at}, idle`, `${pct(Q.hover)} (${Q.hoverHits}/500 on a person)`, 'p99 < 10 ms', Q.hover.p99 < 10);
  row(`reference p50/p95/p99 ${at}`, pct(Q.reference), '', undefined);
  row(`related p50/p95/p99 ${at}`, `${pct(Q.related)} (${Q.relatedFound}/200 found any)`, 'p95 < 100 ms', Q.related.p95 < 100);
  row(`search p50/p95/p99 ${at}`, `${pct(Q.search)} (${Q.searchEmpty}/100 empty)`, 'p95 < 50 ms', Q.search.p95 < 50);
  row(`fuse.js alone p50/p95 ${at} (${Q.fuseBaseline.queries} queries, ${Q.fuseBaseline.passages} passages)`, `${f(Q.fuseBaseline.p50, 0)} / ${f(Q.fuseBaseline.p95, 0)} ms`, '', undefined);
  row('search speed-up over fuse.js alone (mean, same queries)', `${f(Q.searchSpeedup, 1)}x`, '>= 10x', Q.searchSpeedup >= 10);
  row('same top result as fuse.js alone (top-1 / in our top 5)', `${f(Q.top1Agreement * 100, 0)}% / ${f(Q.fuseTopInOurTop5 * 100, 0)}%`, 'same top results', Q.top1Agreement >= 0.9);
} else row(`latencies ${at}`, 'not measured (analysis did not reach them)', '', false);
}
if (results.indexing) {
  const I = results.indexing;
  row(`indexing ${I.size} in the worker`, `${I.indexed} indexed in ${f(I.indexMs / 1000, 1)} s, ${f(I.articlesPerSec, 0)} art/s${I.stoppedAfterBudget ? ' (measurement stopped there)' : ''}`, '', undefined);
  row('hover p50/p95/p99 while indexing', `${pct(I.hoverWhileIndexing, 1)} (n=${I.hoverWhileIndexing.n}, max ${f(I.hoverWhileIndexing.max, 0)})`, 'p99 < 100 ms', I.hoverWhileIndexing.p99 < 100);
  row('event-loop delay while indexing p99 / max', `${f(I.eventLoopDelayMs.p99, 1)} / ${f(I.eventLoopDelayMs.max, 1)} ms`, 'never > 50 ms', I.eventLoopDelayMs.max <= 50);
  row('ingest of one batch p99 / max', `${f(I.ingestBatchMs.p99, 1)} / ${f(I.ingestBatchMs.max, 1)} ms`, '', undefined);
  if (I.settleSliceMs) row(`settle slice (asked for ${SETTLE_SLICE_MS} ms) p95 / p99 / max`, `${f(I.settleSliceMs.p95, 1)} / ${f(I.settleSliceMs.p99, 1)} / ${f(I.settleSliceMs.max, 1)} ms (n=${I.settleSliceMs.n})`, '', undefined);
  if (I.libsLoadMs !== undefined) row('NLP libraries loaded on the main thread, once, as indexing starts', `${f(I.libsLoadMs, 0)} ms (before the first batch; not in the delay above)`, '', undefined);
  row('peak RSS while indexing (main + worker)', `${f(I.peakRssMB, 0)} MB`, '', undefined);
}
const A = results.activation;
row('activation (require + activate()), median of 5', `${f(A.loadMs + A.activateMs, 1)} ms (load ${f(A.loadMs, 1)}, activate ${f(A.activateMs, 1)}; fastest ${f(A.runsMs[0], 1)}; CPU ${f(A.cpuMs, 1)})`, '< 50 ms', A.loadMs + A.activateMs < 50);
// The target counts the NLP libraries too: the extension loads them on its first analysis.
row('bundle dist/extension.js (worker; nlpLibs.js)', `${f(A.bundleBytes / 1024, 0)} KB (${f(A.workerBytes / 1024, 0)} KB; ${f((A.nlpLibsBytes ?? 0) / 1024, 0)} KB)`, '< 2048 KB with nlpLibs', A.bundleBytes + (A.nlpLibsBytes ?? 0) < 2 * 1024 * 1024);

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(rows[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows.slice(1)) console.log(line(r));
console.log(`\n${activationOnly ? 'bench/results.json not written (--only activation)' : 'wrote bench/results.json'} (${results.date}, node ${results.node}, ${results.cpus} cpus, load average ${results.loadAverage.map((x: number) => x.toFixed(1)).join(' ')} before, ${results.loadAverageAfter.map((x: number) => x.toFixed(1)).join(' ')} after)`);
