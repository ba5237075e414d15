// The per-article half of the analysis, done away from the extension host's thread (the indexing
// worker) and stored in the cache: parse the article, then run every feature once on a corpus of
// that one article, which fills its per-article memo (`corpus.perArticle`). The memo entries that
// are plain data are shipped; the main thread's Corpus ingests them and never redoes that work.
import { createHash } from 'node:crypto';
import { featuresOf } from './align';
import { Corpus } from './corpus';
import { timesOf } from './dates';
import { labelMentions } from './eventLabel';
import { mentionsOf } from './events';
import { articleCandidates } from './people';
import { precomputeClaims } from './claims';
import type { Article } from './types';

/**
 * Bump when any analysis changes what it stores per article: cached results of another version
 * are discarded, never trusted.
 */
export const ANALYSIS_VERSION = 6;

/**
 * Memo keys starting with this are never precomputed: a per-article result that depends on the
 * other articles of the corpus (say, a date anchor inferred from them) must use such a key.
 */
export const CONTEXT_DEPENDENT_PREFIX = 'ctx:';

export interface AnalysedArticle {
  article: Article;
  memo: [string, unknown][];
}

/**
 * The per-article parts worth precomputing, asked directly: running the corpus-level features on a
 * one-article corpus would also build models (people clusters, search grams, the related index)
 * that are thrown away with it.
 */
const WARM_UP: ((c: Corpus, id: string) => unknown)[] = [
  (c, id) => articleCandidates(c, id),
  (c, id) => timesOf(c, id),
  (c, id) => labelMentions(c, mentionsOf(c, id)),
  // The article's own claims and its contest facts (stems and candidates; no pairs).
  (c, id) => precomputeClaims(c, id),
  (c, id) => featuresOf(c, id),
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
      warm(corpus, article.id);
    } catch {
      // A feature that fails here fails again, with its error shown, when the main thread asks.
    }
  }
  const memo = corpus.memoOf(article.id).filter(([key, value]) => !key.startsWith(CONTEXT_DEPENDENT_PREFIX) && isPlainData(value));
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
export function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || value === undefined) return true;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return true;
  if (t !== 'object') return false;
  // A bound on depth, not a set of visited objects, ends a cycle: memo values are shallow, and
  // one that is not is simply recomputed where it is needed.
  if (depth > MAX_DEPTH) return false;
  const o = value as object;
  // Typed arrays (packed numbers, say sentence features) clone and serialize as they are.
  if (ArrayBuffer.isView(o)) return true;
  const d = depth + 1;
  // Plain loops, not spreads: this walks every memo entry of every article the worker ships.
  if (Array.isArray(o)) {
    for (const v of o) if (!isPrimitive(v) && !isPlainData(v, d)) return false;
    return true;
  }
  if (o instanceof Map) {
    for (const [k, v] of o) if (!(isPrimitive(k) || isPlainData(k, d)) || !(isPrimitive(v) || isPlainData(v, d))) return false;
    return true;
  }
  if (o instanceof Set) {
    for (const v of o) if (!isPrimitive(v) && !isPlainData(v, d)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
    const v = (o as Record<string, unknown>)[k];
    if (!isPrimitive(v) && !isPlainData(v, d)) return false;
  }
  return true;
}

const MAX_DEPTH = 32;

function isPrimitive(v: unknown): boolean {
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || v === null || v === undefined;
}

/** The article without its text, for storage: the text is on disk already. */
export function compactArticle(article: Article): Omit<Article, 'text'> {
  const { text: _text, ...rest } = article;
  return { ...rest, sentences: article.sentences.map((s) => ({ start: s.start, end: s.end, text: '', paragraph: s.paragraph })) };
}

/** Puts the text back into a stored article. */
export function restoreArticle(stored: Omit<Article, 'text'>, text: string): Article {
  // Object literals, not spreads: spread copies of small objects take several times the heap.
  return { ...stored, text, sentences: stored.sentences.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end), paragraph: s.paragraph })) };
}
