// Messages between the extension host (or the benchmark) and the indexing worker.
import type { Article } from './types';

export interface IndexJob {
  id: string;
  /** A file to read in the worker (local files)... */
  path?: string;
  /** ...or its bytes (virtual file systems)... */
  bytes?: Uint8Array;
  /** ...or its text (a document open in the editor). */
  text?: string;
}

export type IndexResult =
  /** `memo`: the article's memo entries; a few ship as bytes (sealedMemo.ts), which the Corpus reads as it reads the rest. */
  | { id: string; ok: true; article: Article; memo: [string, unknown][]; cached: boolean; warning?: string }
  | { id: string; ok: false; reason: string; missing?: boolean };

export interface WorkerInit {
  /** The cache file, or undefined for none. */
  cacheFile?: string;
  /** Anything that must match for cached results to be used (the extension's build). */
  build?: string;
  maxBytes: number;
}

export type ToWorker =
  | { type: 'batch'; seq: number; jobs: IndexJob[] }
  | { type: 'save'; seq: number };

export type FromWorker =
  /** `priority`: the worker thread's nice value once lowered (undefined where it is left as is). */
  | { type: 'ready'; cache: string; cached: number; priority?: number }
  | { type: 'batch'; seq: number; results: IndexResult[]; ms: number }
  | { type: 'saved'; seq: number; wrote: boolean; error?: string };
