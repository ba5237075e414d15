// The per-article half of the analysis, done away from the extension host's thread (the indexing
// worker) and stored in the cache: parse the article, then run every feature once on a corpus of
// that one article, which fills its per-article memo (`corpus.perArticle`). The memo entries that
// are plain data are shipped; the main thread's Corpus ingests them and never redoes that work.
import { createHash } from 'node:crypto';
import { Corpus } from './corpus';
import type { Article } from './types';

/**
 * Bump when any analysis changes what it stores per article: cached results of another version
 * are discarded, never trusted.
 */
export const ANALYSIS_VERSION = 1;

/**
 * Memo keys starting with this are never precomputed: a per-article result that depends on the
 * other articles of the corpus (say, a date anchor inferred from them) must use such a key.
 */
export const CONTEXT_DEPENDENT_PREFIX = 'ctx:';

export interface AnalysedArticle {
  article: Article;
  memo: [string, unknown][];
}

/** The corpus-level questions whose per-article parts are worth precomputing. */
const WARM_UP: ((c: Corpus) => unknown)[] = [
  (c) => c.people(),
  (c) => c.quotes(),
  (c) => c.times(),
  (c) => c.events(),
  (c) => c.claims(),
  (c) => c.search.search('warm up'),
  (c) => {
    const a = c.articles()[0];
    return a?.sentences[0] && c.related(a.id, a.sentences[0]);
  },
];

/**
 * Parses and analyses one article. With `known` (a cache hit), the parse and the memo entries it
 * holds are reused and only the missing entries are computed.
 */
export function analyseArticle(id: string, text: string, known?: AnalysedArticle): AnalysedArticle {
  const corpus = new Corpus();
  const article = known ? corpus.ingest(known.article, known.memo) : corpus.upsert(id, text);
  for (const warm of WARM_UP) {
    try {
      warm(corpus);
    } catch {
      // A feature that fails here fails again, with its error shown, when the main thread asks.
    }
  }
  const memo = corpus.memoOf(id).filter(([key, value]) => !key.startsWith(CONTEXT_DEPENDENT_PREFIX) && isPlainData(value));
  return { article, memo };
}

/** The cache key of one article version: its id, its text and the analysis version. */
export function contentKey(id: string, text: string): string {
  return createHash('sha1').update(`${ANALYSIS_VERSION}\0${id}\0`).update(text).digest('base64url');
}

/**
 * True for values that survive structured cloning unchanged: primitives, arrays, plain objects,
 * Maps and Sets of those. Class instances (say, an NLP library's document) would arrive without
 * their methods, so they are never shipped.
 */
export function isPlainData(value: unknown, seen = new Set<unknown>()): boolean {
  if (value === null || value === undefined) return true;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return true;
  if (t !== 'object') return false;
  if (seen.has(value)) return true;
  seen.add(value);
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, seen));
  if (value instanceof Map) return [...value].every(([k, v]) => isPlainData(k, seen) && isPlainData(v, seen));
  if (value instanceof Set) return [...value].every((v) => isPlainData(v, seen));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value as object).every((v) => isPlainData(v, seen));
}

/** The article without its text, for storage: the text is on disk already. */
export function compactArticle(article: Article): Omit<Article, 'text'> {
  const { text: _text, ...rest } = article;
  return { ...rest, sentences: article.sentences.map((s) => ({ ...s, text: '' })) };
}

/** Puts the text back into a stored article. */
export function restoreArticle(stored: Omit<Article, 'text'>, text: string): Article {
  return { ...stored, text, sentences: stored.sentences.map((s) => ({ ...s, text: text.slice(s.start, s.end) })) };
}
