// The main-thread side of the indexing worker: sends jobs in batches, keeps a few batches in flight
// so the worker never waits, and hands each batch of results back in order. Used by the extension
// host and the benchmark; nothing here touches VS Code.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Corpus } from './corpus';
import type { FromWorker, IndexJob, IndexResult, ToWorker, WorkerInit } from './indexProtocol';
import type { Article } from './types';
import { loadNlpLibs } from './lazyLibs';

/**
 * Loads the NLP libraries on this thread as indexing starts. Settling the worker's results needs
 * them here too (people's lexicon checks, re-dating undated articles against the corpus), and their
 * one-time load (~130 ms) would otherwise land mid-indexing as one long stall. Called while the worker
 * starts up, it overlaps that, when nothing is indexed yet to hover. Returns the ms it took.
 */
export function preloadLibraries(): number {
  const t = performance.now();
  loadNlpLibs();
  return performance.now() - t;
}

/** Articles per message: small enough that receiving (deserialising) and ingesting one batch stays well under 50 ms. */
export const BATCH_SIZE = 10;
const IN_FLIGHT = 3;

export class IndexWorkerClient {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (msg: FromWorker) => void>();
  private seq = 0;
  private failed: Error | undefined;
  /** What the worker found in the cache when it started. */
  readonly ready: Promise<{ cache: string; cached: number; priority?: number }>;

  /** `options` lets tests run the TypeScript source (execArgv: ['--require', 'tsx/cjs']). */
  constructor(workerFile: string, init: WorkerInit, options: Omit<WorkerOptions, 'workerData'> = {}) {
    this.worker = new Worker(workerFile, { ...options, workerData: init });
    this.worker.unref(); // an idle worker must not keep a CLI or test process alive
    let resolveReady!: (v: { cache: string; cached: number; priority?: number }) => void;
    let rejectReady!: (e: Error) => void;
    this.ready = new Promise((res, rej) => ((resolveReady = res), (rejectReady = rej)));
    this.worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') resolveReady({ cache: msg.cache, cached: msg.cached, priority: msg.priority });
      else {
        const w = this.waiting.get(msg.seq);
        this.waiting.delete(msg.seq);
        w?.(msg);
      }
    });
    const fail = (e: Error) => {
      this.failed = e;
      rejectReady(e);
      for (const w of this.waiting.values()) w({ type: 'saved', seq: -1, wrote: false, error: e.message });
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the indexing worker exited (code ${code})`)));
  }

  private request(msg: ToWorker): Promise<FromWorker> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.set(msg.seq, (reply) => (reply.type !== 'ready' && reply.seq === -1 ? reject(new Error(reply.type === 'saved' ? reply.error : 'worker failed')) : resolve(reply)));
      this.worker.postMessage(msg);
    });
  }

  /**
   * Analyses `jobs` in the worker. `onResults` gets each batch in order and may be async (to
   * ingest in slices); the worker keeps working on the next batches meanwhile. `cancelled` is
   * polled between batches.
   */
  async run(jobs: IndexJob[], onResults: (results: IndexResult[]) => void | Promise<void>, cancelled: () => boolean = () => false, batchSize = BATCH_SIZE): Promise<void> {
    const batches: IndexJob[][] = [];
    for (let i = 0; i < jobs.length; i += batchSize) batches.push(jobs.slice(i, i + batchSize));
    const inFlight: Promise<FromWorker>[] = [];
    let next = 0;
    const send = () => inFlight.push(this.request({ type: 'batch', seq: ++this.seq, jobs: batches[next++] }));
    while (next < batches.length && inFlight.length < IN_FLIGHT) send();
    while (inFlight.length) {
      const reply = await inFlight.shift()!;
      if (cancelled()) {
        // Nobody waits for the batches still in flight; their failure (say, the worker being disposed) is no error.
        for (const p of inFlight) p.catch(() => {});
        return;
      }
      if (next < batches.length) send();
      if (reply.type === 'batch') {
        for (const r of reply.results) if (r.ok) shareSentenceText(r.article);
        await onResults(reply.results);
      }
    }
  }

  /** Asks the worker to write its cache (atomically). */
  async save(): Promise<{ wrote: boolean; error?: string }> {
    const reply = await this.request({ type: 'save', seq: ++this.seq });
    return reply.type === 'saved' ? { wrote: reply.wrote, error: reply.error } : { wrote: false };
  }

  dispose(): void {
    this.failed ??= new Error('disposed');
    void this.worker.terminate();
  }
}

/** Lets timers and I/O run: the end of a slice. */
const yieldToLoop = () => new Promise((r) => setImmediate(r));

/**
 * Runs `each` over `items`, yielding to the event loop whenever a slice has taken `sliceMs`. It
 * yields first too: a caller chaining slices (receive a batch, ingest it, settle) would otherwise
 * run one phase's last slice and the next one's first as a single stretch.
 */
export async function forEachSliced<T>(items: T[], each: (item: T) => void, sliceMs = 20): Promise<void> {
  await yieldToLoop();
  let start = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - start > sliceMs) {
      await yieldToLoop();
      start = performance.now();
    }
  }
}

/**
 * How long one slice of settling may hold the thread. The extension and the benchmark share it, so
 * the bench measures the cadence users get; with V8's marking work landing between slices during a
 * major GC, a slice has to leave room under the 50 ms budget.
 */
export const SETTLE_SLICE_MS = 20;
/**
 * The tree and diagnostics catch up this often while indexing. Measured at 10k: catching up after every
 * batch halved indexing speed, and every 1 s let hovers wait over 100 ms behind long steps.
 */
export const FULL_SETTLE_EVERY_MS = 300;

/**
 * What runs after each ingested batch while indexing: what hovers need, in slices, rather than in
 * whichever hover asks next; everything else every FULL_SETTLE_EVERY_MS. The returned function
 * resolves to true when it brought everything up to date (time to tell the views).
 */
export function settleCadence(corpus: Corpus, cancelled: () => boolean = () => false): () => Promise<boolean> {
  let lastFull = performance.now();
  return async () => {
    await settleSliced(corpus, SETTLE_SLICE_MS, cancelled, 'hover');
    if (performance.now() - lastFull <= FULL_SETTLE_EVERY_MS) return false;
    const done = await settleSliced(corpus, SETTLE_SLICE_MS, cancelled);
    lastFull = performance.now();
    return done;
  };
}

/**
 * Brings the corpus's incremental features up to date in slices of `sliceMs`, yielding before and
 * between them, so the thread stays responsive. Stops early (returning false) when `cancelled()` says so.
 */
export async function settleSliced(corpus: Corpus, sliceMs = SETTLE_SLICE_MS, cancelled: () => boolean = () => false, scope: 'all' | 'hover' = 'all'): Promise<boolean> {
  do {
    await yieldToLoop();
    if (cancelled()) return false;
  } while (!corpus.settle(performance.now() + sliceMs, scope));
  return true;
}

/**
 * Structured cloning gave every sentence its own copy of its text; slices of the article's text
 * share the article's memory instead (V8 keeps a slice as a view), about the article's size again.
 */
function shareSentenceText(a: Article): void {
  for (const s of a.sentences) s.text = a.text.slice(s.start, s.end);
}
