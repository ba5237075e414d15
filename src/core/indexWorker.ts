// The indexing worker (bundled as dist/indexWorker.js): reads, decodes and analyses articles in
// batches on its own thread and posts the results back, so the extension host only ingests them.
// It owns the cache of analysed articles; nothing here touches VS Code.
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisCache } from './analysisCache';
import { analyseArticle, contentKey } from './articleAnalysis';
import { decodeArticleBytes } from './decode';
import type { FromWorker, IndexJob, IndexResult, ToWorker, WorkerInit } from './indexProtocol';
import { loadNlpLibs } from './lazyLibs';
import { sealMemo } from './sealedMemo';

const init = workerData as WorkerInit;

// Background work yields the CPU to the extension host, as clangd's background index does: without it,
// the worker and V8's GC threads left the host thread waiting for a core during a major GC (holds of
// 100-300 ms at 10k articles on two cores). On Linux, setpriority on "process 0" renices only the
// calling thread; elsewhere it would renice the whole host, so it is skipped.
function lowerPriority(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    os.setPriority(os.constants.priority.PRIORITY_LOW);
    return os.getPriority();
  } catch {
    return undefined; // not allowed here: index at normal priority
  }
}
const priority = lowerPriority();

const cache = init.cacheFile ? new AnalysisCache(init.cacheFile, init.build).load() : undefined;

function post(msg: FromWorker) {
  parentPort!.postMessage(msg);
}

function readJob(job: IndexJob): { ok: true; text: string; warning?: string } | { ok: false; reason: string; missing?: boolean } {
  if (job.text !== undefined) return { ok: true, text: job.text };
  let bytes = job.bytes;
  if (!bytes) {
    try {
      const size = fs.statSync(job.path!).size;
      if (size > init.maxBytes) {
        return { ok: false, reason: `too large (${Math.round(size / 1024)} KB; corroborate.articles.maxFileSizeKB is ${Math.round(init.maxBytes / 1024)})` };
      }
      bytes = fs.readFileSync(job.path!);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { ok: false, reason: 'deleted before it could be read', missing: true };
      return { ok: false, reason: `cannot be read (${code ?? String(e)})` };
    }
  }
  const d = decodeArticleBytes(bytes);
  return d.ok ? { ok: true, text: d.text, warning: d.warning } : { ok: false, reason: d.reason };
}

function indexOne(job: IndexJob): IndexResult {
  const read = readJob(job);
  if (!read.ok) return { id: job.id, ...read };
  try {
    const key = contentKey(job.id, read.text);
    const hit = cache?.get(key, read.text);
    // A hit skips the parse and the stored analyses; the few large entries not stored are recomputed.
    const analysed = analyseArticle(job.id, read.text, hit);
    if (!hit) cache?.set(key, analysed);
    return { id: job.id, ok: true, article: analysed.article, memo: sealMemo(analysed.memo), cached: !!hit, warning: read.warning };
  } catch (e) {
    return { id: job.id, ok: false, reason: `analysis failed (${(e as Error).message})` };
  }
}

parentPort!.on('message', (msg: ToWorker) => {
  if (msg.type === 'batch') {
    const t0 = performance.now();
    const results = msg.jobs.map(indexOne);
    post({ type: 'batch', seq: msg.seq, results, ms: performance.now() - t0 });
  } else if (msg.type === 'save') {
    try {
      post({ type: 'saved', seq: msg.seq, wrote: cache?.save() ?? false });
    } catch (e) {
      post({ type: 'saved', seq: msg.seq, wrote: false, error: (e as Error).message });
    }
  }
});

post({ type: 'ready', cache: cache?.status ?? 'none', cached: cache?.size ?? 0, priority });
// Analysis needs the NLP libraries: loaded now, while the main thread gathers the jobs (and loads its own copy).
loadNlpLibs();
