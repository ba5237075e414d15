// Related coverage: the sentences of OTHER articles that report the same fact as a passage.
// Ranking: BM25-style weights over sentence terms (stems, concept ids from a small general-English
// lexicon so paraphrases meet, names, figures and dates), character-trigram similarity for
// spelling and inflection, and the surrounding paragraph as context. Candidates come from an
// inverted index that is updated one article at a time; queries never scan every sentence.
import type { Corpus } from './corpus';
import { PostingIndex } from './postings';
import { dice, termBag, trigrams } from './terms';
import type { Article, ScoredPassage, Span } from './types';

/** What the index keeps of a sentence: compact arrays of shared term strings. */
interface SentenceFeatures {
  terms: string[];
  /** Content words (folded), for character-trigram similarity. */
  words: string[];
  /** Number of content words and phrases: the sentence length for BM25. */
  length: number;
  paragraph: number;
}

interface ArticleFeatures {
  sentences: SentenceFeatures[];
}

/** How much a match on each kind of term counts, relative to the same word (stem) matching. */
const KIND_WEIGHT: Record<string, number> = { 's': 1, 'c': 0.85, 'n': 1.1, '#': 1.2, '@': 1.1 };
const kindOf = (t: string) => (t[0] === '#' || t[0] === '@' ? t[0] : t.slice(0, t.indexOf(':')));

const K1 = 1.2;
const B = 0.4;
/** Candidates fully scored per query. */
const CANDIDATES = 300;
/** Postings visited per query to collect candidates; rarer terms go first, common ones only rescore. */
const POSTINGS_BUDGET = 25000;
/** Results below this score are noise, not coverage of the same fact. */
const MIN_SCORE = 0.12;
/** Distinct query words scored at most (a wall of text is not one fact). */
const MAX_QUERY_GROUPS = 200;

export function articleFeatures(article: Article): ArticleFeatures {
  const sentences = article.sentences.map((s) => {
    const bag = termBag(article.text, s.start, s.end);
    return { terms: [...bag.terms], words: bag.words, length: bag.groups.length, paragraph: s.paragraph };
  });
  return { sentences };
}

/**
 * The terms of one paragraph, for context: its sentences' terms in order. Derived when a query
 * needs it rather than stored with every article (a fifth of the features' memory).
 */
function paragraphTerms(f: ArticleFeatures, paragraph: number): Set<string> {
  const out = new Set<string>();
  for (const s of f.sentences) if (s.paragraph === paragraph) for (const t of s.terms) out.add(t);
  return out;
}

/** The per-article sentence features, shared by related coverage and the search index. */
export const featuresOf = (corpus: Corpus, id: string) => corpus.perArticle('align.features', id, articleFeatures);

/** The corpus's sentence index, kept in step with the corpus one article at a time. */
export class RelatedIndex {
  readonly index = new PostingIndex();
  private readonly dirty = new Set<string>();

  constructor(private readonly corpus: Corpus) {}

  invalidate(id: string): void {
    this.dirty.add(id);
  }

  /** Brings the index up to date; only articles that changed since the last call are re-indexed. */
  sync(): PostingIndex {
    this.warm(Infinity);
    return this.index;
  }

  /**
   * Re-indexes changed articles for at most `budgetMs`, so a host can warm the index in slices
   * without blocking. True when the index is up to date.
   */
  warm(budgetMs: number): boolean {
    const until = Date.now() + budgetMs;
    for (const id of this.dirty) {
      this.dirty.delete(id);
      this.index.remove(id);
      if (this.corpus.get(id)) {
        const f = featuresOf(this.corpus, id);
        this.index.add(id, f.sentences.map((s) => ({ terms: s.terms, length: s.length })));
      }
      if (Date.now() >= until) break;
    }
    return this.dirty.size === 0;
  }
}

interface Query {
  groups: string[][];
  words: string[];
  grams: Set<string>;
  paragraph: Set<string> | null;
  length: number;
}

function queryOf(corpus: Corpus, index: PostingIndex, article: Article, span: Span): Query {
  let start = Math.max(0, Math.min(span.start, article.text.length));
  let end = Math.max(start, Math.min(span.end, article.text.length));
  if (end === start) {
    // An empty span means "the sentence here".
    const s = article.sentences.find((x) => x.start <= start && start < x.end) ?? article.sentences.find((x) => x.start >= start);
    if (s) ({ start, end } = s);
  }
  const bag = termBag(article.text, start, end);
  // A "sentence" of thousands of words (a wall of text) is reduced to its rarest few hundred
  // distinct words, so scoring stays bounded. Normal sentences keep repeats (query term frequency).
  let groups = bag.groups;
  if (groups.length > MAX_QUERY_GROUPS) {
    const byKey = new Map<string, string[]>();
    for (const g of bag.groups) byKey.set(g.join('|'), g);
    groups = [...byKey.values()];
    const weight = (g: string[]) => g.reduce((m, t) => Math.max(m, index.idf(t)), 0);
    groups = groups.map((g) => [g, weight(g)] as const).sort((a, b) => b[1] - a[1]).slice(0, MAX_QUERY_GROUPS).map(([g]) => g);
  }
  const words = bag.words.length > MAX_QUERY_GROUPS * 4 ? bag.words.slice(0, MAX_QUERY_GROUPS * 4) : bag.words;
  const sentence = article.sentences.find((x) => x.start < end && start < x.end);
  const paragraph = sentence ? paragraphTerms(featuresOf(corpus, article.id), sentence.paragraph) : null;
  return { groups, words, grams: trigrams(words), paragraph, length: groups.length };
}

/** The best weight a query word earns in a sentence: its best matching term, by kind and rarity. */
function groupWeight(index: PostingIndex, group: string[], has: (t: string) => boolean): number {
  let best = 0;
  for (const t of group) {
    if (!has(t)) continue;
    const w = index.idf(t) * KIND_WEIGHT[kindOf(t)];
    if (w > best) best = w;
  }
  return best;
}

function bm25Norm(length: number, avg: number): number {
  return (K1 + 1) / (1 + K1 * (1 - B + (B * length) / avg));
}

/**
 * The passages in other articles that report the same fact as `span` of article `id`, best first,
 * Scores are in [0, 1].
 */
export function relatedPassages(corpus: Corpus, id: string, span: Span, limit: number): ScoredPassage[] {
  const article = corpus.get(id);
  if (!article || limit <= 0) return [];
  const index = corpus.relatedIndex.sync();
  const q = queryOf(corpus, index, article, span);
  if (!q.groups.length) return [];
  const avg = index.averageLength;

  // The most a sentence could earn: every query word matched by its best term.
  const selfWeights = q.groups.map((g) => g.reduce((m, t) => Math.max(m, index.idf(t) * KIND_WEIGHT[kindOf(t)]), 0));
  const self = selfWeights.reduce((a, b) => a + b, 0) * bm25Norm(q.length, avg);
  if (self <= 0) return [];

  // Candidates: accumulate from the rarest terms' postings first, within a budget; the common
  // terms left over still count when the candidates are scored in full.
  const scratch = scratchFor(index);
  const touched: number[] = [];
  const unique = [...new Set(q.groups.flat())].sort((a, b) => index.df(a) - index.df(b));
  let visited = 0;
  for (const t of unique) {
    const df = index.df(t);
    if (!df || (visited + df > POSTINGS_BUDGET && touched.length > 0)) continue;
    visited += df;
    const w = index.idf(t) * KIND_WEIGHT[kindOf(t)];
    index.forEachPassage(t, (pid) => {
      if (scratch[pid] === 0) touched.push(pid);
      scratch[pid] += w;
    });
  }
  const floor = touched.length > CANDIDATES ? nthLargest(touched.map((pid) => scratch[pid]), CANDIDATES) : 0;
  const candidates = touched
    .filter((pid) => scratch[pid] >= floor && index.ref(pid)?.article !== id)
    .sort((a, b) => scratch[b] - scratch[a])
    .slice(0, CANDIDATES);
  for (const pid of touched) scratch[pid] = 0;
  const paragraphSets = new Map<string, Set<string>>();

  const scored: ScoredPassage[] = [];
  for (const pid of candidates) {
    const ref = index.ref(pid)!;
    const other = corpus.get(ref.article);
    if (!other) continue;
    const f = featuresOf(corpus, ref.article).sentences[ref.index];
    const s = other.sentences[ref.index];
    if (!f || !s) continue;
    const terms = new Set(f.terms);
    let lex = 0;
    for (const g of q.groups) lex += groupWeight(index, g, (t) => terms.has(t));
    lex = Math.min(1, (lex * bm25Norm(f.length, avg)) / self);
    const shape = dice(q.grams, trigrams(f.words.length > MAX_QUERY_GROUPS * 4 ? f.words.slice(0, MAX_QUERY_GROUPS * 4) : f.words));
    const pkey = `${ref.article}\u0000${s.paragraph}`;
    let para = paragraphSets.get(pkey);
    if (!para) paragraphSets.set(pkey, (para = paragraphTerms(featuresOf(corpus, ref.article), s.paragraph)));
    const context = q.paragraph ? contextOverlap(index, q.paragraph, para) : 0;
    const score = Math.min(1, 0.7 * lex + 0.18 * shape + 0.12 * context);
    if (score < MIN_SCORE) continue;
    scored.push({ article: ref.article, start: s.start, end: s.end, text: s.text, score: round(score) });
  }
  scored.sort((a, b) => b.score - a.score || (a.article < b.article ? -1 : 1) || a.start - b.start);
  return scored.slice(0, limit);
}

/** A zeroed score array per index, reused by every query (zeroed again after use). */
const scratches = new WeakMap<PostingIndex, Float64Array>();
function scratchFor(index: PostingIndex): Float64Array {
  let a = scratches.get(index);
  if (!a || a.length < index.idLimit) {
    a = new Float64Array(Math.max(1024, index.idLimit * 2));
    scratches.set(index, a);
  }
  return a;
}

/** The k-th largest value (1-based) of `xs` by quickselect; `xs` is reordered. */
export function nthLargest(xs: number[], k: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] > pivot) i++;
      while (xs[j] < pivot) j--;
      if (i <= j) {
        [xs[i], xs[j]] = [xs[j], xs[i]];
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return xs[target];
}

/** How much of the query paragraph's weight the candidate's paragraph shares. */
function contextOverlap(index: PostingIndex, q: Set<string>, other: Set<string> | undefined): number {
  if (!other) return 0;
  let shared = 0;
  let total = 0;
  for (const t of q) {
    const w = index.idf(t) * KIND_WEIGHT[kindOf(t)];
    total += w;
    if (other.has(t)) shared += w;
  }
  return total ? shared / total : 0;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export interface ParagraphCoverage extends Span {
  /** The other articles reporting something in this paragraph. */
  articles: string[];
}

/** Score from which a related passage counts as the same fact being reported (for "Reported by N"). */
export const REPORTED_SCORE = 0.3;

/** For each paragraph of article `id` that other articles also report: which articles. Memoised until the corpus changes. */
export function paragraphCoverage(corpus: Corpus, id: string): ParagraphCoverage[] {
  return corpus.derive(`align.coverage:${id}`, () => {
    const article = corpus.get(id);
    if (!article) return [];
    const out: ParagraphCoverage[] = [];
    article.paragraphs.forEach((p, index) => {
      if (p.heading) return;
      const articles = new Set<string>();
      for (const s of article.sentences) {
        if (s.paragraph !== index) continue;
        for (const r of relatedPassages(corpus, id, s, 10)) if (r.score >= REPORTED_SCORE) articles.add(r.article);
      }
      if (articles.size) out.push({ start: p.start, end: p.end, articles: [...articles].sort() });
    });
    return out;
  });
}
