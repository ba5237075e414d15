// The cache of analysed articles, one file under the extension's storage folder. Entries are keyed
// by content (see contentKey), so a re-opened workspace re-analyses only the files that changed.
// The file carries the analysis version; a file of another version, or one that does not decode,
// is discarded, never trusted. Writes are atomic (temp file + rename).
import fs from 'node:fs';
import v8 from 'node:v8';
import { ANALYSIS_VERSION, type AnalysedArticle, compactArticle, restoreArticle } from './articleAnalysis';
import { type AtomicWriteOptions, removeStaleTemps, writeFileAtomic } from './atomicWrite';
import type { Article } from './types';

const FORMAT = 'corroborate-analysis-cache';
/**
 * Memo entries larger than this (serialised) are not stored: index features such as per-sentence
 * trigram sets would make the file ten times larger than the articles, and they are quicker to
 * recompute than to read back. The worker recomputes them on a cache hit.
 */
const MAX_ENTRY_BYTES = 8 * 1024;

interface StoredEntry {
  article: Omit<Article, 'text'>;
  memo: [string, unknown][];
}

interface CacheFile {
  format: typeof FORMAT;
  version: string;
  entries: Map<string, StoredEntry>;
}

export type CacheLoadStatus = 'loaded' | 'missing' | 'corrupt' | 'old-version';

export class AnalysisCache {
  private entries = new Map<string, StoredEntry>();
  /** Keys read or written this session; only these are saved, so deleted articles drop out. */
  private used = new Set<string>();
  private dirty = false;
  status: CacheLoadStatus = 'missing';

  /**
   * @param file where the cache lives
   * @param build  anything else that must match, e.g. the extension's version: a new build may analyse differently
   */
  constructor(readonly file: string, readonly build = '') {}

  private get version(): string {
    return `${ANALYSIS_VERSION}/${this.build}`;
  }

  /** Reads the cache file; never throws. */
  load(): this {
    removeStaleTemps(this.file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file);
    } catch {
      this.status = 'missing';
      return this;
    }
    try {
      const data = v8.deserialize(bytes) as Partial<CacheFile>;
      if (data?.format !== FORMAT || !(data.entries instanceof Map)) throw new Error('not a cache file');
      if (data.version !== this.version) {
        this.status = 'old-version';
        this.dirty = true; // replace it on the next save
        return this;
      }
      this.entries = data.entries;
      this.status = 'loaded';
    } catch {
      this.status = 'corrupt';
      this.entries = new Map();
      this.dirty = true;
    }
    return this;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, text: string): AnalysedArticle | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.used.add(key);
    try {
      return { article: restoreArticle(e.article, text), memo: e.memo };
    } catch {
      this.entries.delete(key); // a malformed entry: analyse again
      return undefined;
    }
  }

  set(key: string, analysed: AnalysedArticle): void {
    const memo = analysed.memo.filter(([, v]) => fitsIn(v, MAX_ENTRY_BYTES));
    this.entries.set(key, { article: compactArticle(analysed.article), memo });
    this.used.add(key);
    this.dirty = true;
  }

  /** Writes the entries used this session, atomically. Returns false when nothing needed writing. */
  save(writeOptions: AtomicWriteOptions = {}): boolean {
    const unused = [...this.entries.keys()].filter((k) => !this.used.has(k));
    if (!this.dirty && unused.length === 0) return false;
    for (const k of unused) this.entries.delete(k);
    const data: CacheFile = { format: FORMAT, version: this.version, entries: this.entries };
    writeFileAtomic(this.file, v8.serialize(data), writeOptions);
    this.dirty = false;
    return true;
  }
}

/**
 * Whether `value` serialises to about `budget` bytes or fewer, estimated by a walk that stops as
 * soon as the budget is spent: serialising every entry just to measure it cost the worker half a
 * millisecond per article, mostly on the large entries that are then dropped anyway.
 */
export function fitsIn(value: unknown, budget: number): boolean {
  let left = budget;
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') left -= v.length + 3;
    else if (typeof v === 'number') left -= Number.isInteger(v) ? 5 : 9;
    else if (v === null || typeof v !== 'object') left -= 1;
    else if (depth > 32) return false;
    else if (ArrayBuffer.isView(v)) left -= v.byteLength + 5; // packed memos: size it at once, not per element
    else if (Array.isArray(v)) {
      left -= 5;
      for (const x of v) if (!walk(x, depth + 1)) return false;
    } else if (v instanceof Map) {
      left -= 5;
      for (const [k, x] of v) if (!walk(k, depth + 1) || !walk(x, depth + 1)) return false;
    } else if (v instanceof Set) {
      left -= 5;
      for (const x of v) if (!walk(x, depth + 1)) return false;
    } else {
      left -= 3;
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        left -= k.length + 3;
        if (!walk((v as Record<string, unknown>)[k], depth + 1)) return false;
      }
    }
    return left >= 0;
  };
  return walk(value, 0);
}
