// What the extension host allocates that lives long enough to reach the old generation while a corpus
// indexes: V8's sampling heap profiler, counting objects a major GC collects as well as live ones, over
// the extension's cadence (worker batches, settleCadence). Old-generation garbage is what makes the large
// major GC come sooner, and its marking is what still holds the host. "(V8 API)" is the deserialising of
// the worker's messages. Prints the 30 largest allocation sites (function and two callers).
// Usage: node esbuild.mjs --production && npx tsx bench/garbageProbe.ts [N=4000]
import path from 'node:path';
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { Corpus } from '../src/core/corpus';
import { IndexWorkerClient, forEachSliced, preloadLibraries, settleCadence, settleSliced } from '../src/core/indexClient';
import type { IndexJob } from '../src/core/indexProtocol';
import { ensureCorpusOnDisk } from './generate';
const n = Number(process.argv[2] ?? 4000);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inspector replies are untyped
const post = (s: Session, m: string, p?: object) => new Promise<any>((res, rej) => s.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
async function main() {
  const dir = ensureCorpusOnDisk(10000);
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.article')).sort().slice(0, n);
  const jobs: IndexJob[] = files.map((f) => ({ id: f, path: path.join(dir, f) }));
  const corpus = new Corpus();
  const client = new IndexWorkerClient(path.join(__dirname, '..', 'dist', 'indexWorker.js'), { maxBytes: 2 << 20 });
  preloadLibraries();
  await client.ready;
  const s = new Session(); s.connect();
  await post(s, 'HeapProfiler.startSampling', { samplingInterval: 64 * 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false });
  const catchUp = settleCadence(corpus);
  await client.run(jobs, async (results) => { await forEachSliced(results, (r) => { if (r.ok) corpus.ingest(r.article, r.memo); }); await catchUp(); });
  await settleSliced(corpus);
  const { profile } = await post(s, 'HeapProfiler.stopSampling');
  client.dispose();
  const by = new Map<string, number>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the profile's node tree
  const walk = (node: any, stack: string[]) => {
    const f = node.callFrame; const name = `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    const st = [...stack, name];
    if (node.selfSize) { const key = st.slice(-3).join(' < '); by.set(key, (by.get(key) ?? 0) + node.selfSize); }
    for (const c of node.children) walk(c, st);
  };
  walk(profile.head, []);
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  console.log(`sampled live+major-GC garbage: ${(total / 2 ** 20).toFixed(0)} MB over ${n} articles`);
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / 2 ** 20).toFixed(1).padStart(7)} MB  ${k.split(' < ').reverse().join(' < ')}`);
}
void main();
