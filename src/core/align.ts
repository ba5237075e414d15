// Related coverage: the sentences of OTHER articles that report the same fact as a passage.
// Ranking: BM25-style weights over sentence terms (stems, concept ids from a small general-English
// lexicon so paraphrases meet, names, figures and dates), character-trigram similarity for
// spelling and inflection, and the surrounding paragraph as context. Candidates come from an
// inverted index that is updated one article at a time; queries never scan every sentence.
import type { Corpus } from './corpus';
import { PostingIndex, TermDictionary } from './postings';
import { dice, termBag, trigrams } from './terms';
import type { Article, ScoredPassage, Span } from './types';

/**
 * What related coverage and search keep of an article's sentences, packed: a few objects per
 * article instead of several arrays per sentence, cheap to hold, to clone from the indexing worker
 * and to cache. Read it with the functions below.
 */
export interface ArticleFeatures {
  sentences: number;
  /** The article's distinct terms, then its distinct folded content words, joined by "\n" (neither holds one). */
  vocab: string;
  /** How many of the vocab entries are terms. */
  termCount: number;
  /**
   * For n sentences: at [i] the end of sentence i's terms, at [n + i] the end of its words (both
   * counted from the start of their section), at [2n + i] its length for BM25 (content words and
   * phrases); from 3n every sentence's distinct terms (vocab indexes, in the order the sentence
   * gives them), then every sentence's words (vocab indexes, in text order, repeats kept).
   */
  data: Uint16Array | Uint32Array;
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
  const n = article.sentences.length;
  const termIds = new Map<string, number>();
  const wordIds = new Map<string, number>();
  const terms: number[] = [];
  const words: number[] = [];
  const head = new Array<number>(3 * n);
  article.sentences.forEach((s, i) => {
    const bag = termBag(article.text, s.start, s.end);
    for (const t of bag.terms) {
      let id = termIds.get(t);
      if (id === undefined) termIds.set(t, (id = termIds.size));
      terms.push(id);
    }
    for (const w of bag.words) {
      let id = wordIds.get(w);
      if (id === undefined) wordIds.set(w, (id = wordIds.size));
      words.push(id);
    }
    head[i] = terms.length;
    head[n + i] = words.length;
    head[2 * n + i] = bag.groups.length;
  });
  const termCount = termIds.size;
  let max = termCount + wordIds.size;
  for (const x of head) if (x > max) max = x;
  const data = max < 0x10000 ? new Uint16Array(3 * n + terms.length + words.length) : new Uint32Array(3 * n + terms.length + words.length);
  data.set(head);
  data.set(terms, 3 * n);
  const wordsAt = 3 * n + terms.length;
  for (let k = 0; k < words.length; k++) data[wordsAt + k] = termCount + words[k];
  return { sentences: n, vocab: [...termIds.keys(), ...wordIds.keys()].join('\n'), termCount, data };
}

/** The vocab entries (terms, then words) of packed features. */
export const vocabOf = (f: ArticleFeatures): string[] => (f.vocab ? f.vocab.split('\n') : []);

/** Where sentence i's terms are in `f.data`: [start, end). */
export function termSpan(f: ArticleFeatures, i: number): [number, number] {
  const base = 3 * f.sentences;
  return [base + (i ? f.data[i - 1] : 0), base + f.data[i]];
}

/** Where sentence i's words are in `f.data`: [start, end). */
export function wordSpan(f: ArticleFeatures, i: number): [number, number] {
  const n = f.sentences;
  const base = 3 * n + (n ? f.data[n - 1] : 0);
  return [base + (i ? f.data[n + i - 1] : 0), base + f.data[n + i]];
}

/** Sentence i's length for BM25. */
export const sentenceLength = (f: ArticleFeatures, i: number) => f.data[2 * f.sentences + i];

/** The per-article sentence features, shared by related coverage and the search index. */
export const featuresOf = (corpus: Corpus, id: string) => corpus.perArticle('align.features', id, articleFeatures);

/**
 * The corpus's sentence index, kept in step with the corpus one article at a time: postings of
 * term ids, and for each indexed article its features and the ids of its vocab entries.
 */
export class RelatedIndex {
  readonly index = new PostingIndex();
  /** Terms and words of the indexed articles -> ids (words only for trigram similarity). */
  readonly terms = new TermDictionary();
  private readonly featuresAt: (ArticleFeatures | undefined)[] = [];
  private readonly idsAt: (Int32Array | undefined)[] = [];
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
      this.unindex(id);
      if (this.corpus.get(id)) this.indexArticle(id);
      if (Date.now() >= until) break;
    }
    return this.dirty.size === 0;
  }

  private unindex(id: string) {
    const slot = this.index.slotOf(id);
    if (slot === undefined) return;
    const ids = this.idsAt[slot]!;
    this.index.remove(id, ids.subarray(0, this.featuresAt[slot]!.termCount));
    for (const t of ids) this.terms.release(t);
    this.featuresAt[slot] = undefined;
    this.idsAt[slot] = undefined;
  }

  private indexArticle(id: string) {
    const f = featuresOf(this.corpus, id);
    const vocab = vocabOf(f);
    const ids = new Int32Array(vocab.length);
    for (let i = 0; i < vocab.length; i++) ids[i] = this.terms.acquire(vocab[i]);
    const n = f.sentences;
    const base = 3 * n;
    const terms = new Int32Array(n ? f.data[n - 1] : 0);
    for (let k = 0; k < terms.length; k++) terms[k] = ids[f.data[base + k]];
    const slot = this.index.add(id, terms, f.data.subarray(0, n), f.data.subarray(2 * n, 3 * n));
    this.featuresAt[slot] = f;
    this.idsAt[slot] = ids;
  }

  /** The features an indexed article was indexed with, and the ids of their vocab entries. */
  indexed(slot: number): { f: ArticleFeatures; ids: Int32Array } | undefined {
    const f = this.featuresAt[slot];
    return f && { f, ids: this.idsAt[slot]! };
  }

  /** A term's idf in the index (a term no passage holds gets the highest). */
  idf(term: string): number {
    return this.index.idf(this.terms.id(term));
  }

  df(term: string): number {
    return this.index.df(this.terms.id(term));
  }
}

/** A query term: its id in the index (-1: none holds it) and what a match on it weighs. */
interface QueryTerm {
  id: number;
  weight: number;
}

interface Query {
  groups: string[][];
  words: string[];
  grams: Set<string>;
  /** The distinct terms of the query's paragraph, in order. */
  paragraph: string[] | null;
  length: number;
}

/** The distinct terms of the sentences of one paragraph of an article, in order. */
function paragraphTerms(article: Article, f: ArticleFeatures, paragraph: number): string[] {
  const vocab = vocabOf(f);
  const out = new Set<string>();
  article.sentences.forEach((s, i) => {
    if (s.paragraph !== paragraph || i >= f.sentences) return;
    const [from, to] = termSpan(f, i);
    for (let k = from; k < to; k++) out.add(vocab[f.data[k]]);
  });
  return [...out];
}

function queryOf(corpus: Corpus, related: RelatedIndex, article: Article, span: Span): Query {
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
    const weight = (g: string[]) => g.reduce((m, t) => Math.max(m, related.idf(t)), 0);
    groups = groups.map((g) => [g, weight(g)] as const).sort((a, b) => b[1] - a[1]).slice(0, MAX_QUERY_GROUPS).map(([g]) => g);
  }
  const words = bag.words.length > MAX_QUERY_GROUPS * 4 ? bag.words.slice(0, MAX_QUERY_GROUPS * 4) : bag.words;
  const sentence = article.sentences.find((x) => x.start < end && start < x.end);
  const paragraph = sentence ? paragraphTerms(article, featuresOf(corpus, article.id), sentence.paragraph) : null;
  return { groups, words, grams: trigrams(words), paragraph, length: groups.length };
}

function bm25Norm(length: number, avg: number): number {
  return (K1 + 1) / (1 + K1 * (1 - B + (B * length) / avg));
}

/** Per-query scratch by term id: the candidate whose sentence (stamp) and paragraph (paragraphStamp) hold it. */
let stamps = new Int32Array(0);
let paragraphStamps = new Int32Array(0);
let stampCounter = 0;

/**
 * The passages in other articles that report the same fact as `span` of article `id`, best first,
 * Scores are in [0, 1].
 */
export function relatedPassages(corpus: Corpus, id: string, span: Span, limit: number): ScoredPassage[] {
  const article = corpus.get(id);
  if (!article || limit <= 0) return [];
  const related = corpus.relatedIndex;
  const index = related.sync();
  const q = queryOf(corpus, related, article, span);
  if (!q.groups.length) return [];
  const avg = index.averageLength;
  const dictionary = related.terms;
  const weightOf = (t: string) => related.idf(t) * KIND_WEIGHT[kindOf(t)];

  // The most a sentence could earn: every query word matched by its best term.
  const selfWeights = q.groups.map((g) => g.reduce((m, t) => Math.max(m, weightOf(t)), 0));
  const self = selfWeights.reduce((a, b) => a + b, 0) * bm25Norm(q.length, avg);
  if (self <= 0) return [];

  // Candidates: accumulate from the rarest terms' postings first, within a budget; the common
  // terms left over still count when the candidates are scored in full.
  const scratch = scratchFor(index);
  const touched: number[] = [];
  const unique = [...new Set(q.groups.flat())].map((t) => ({ t, id: dictionary.id(t) }));
  const dfs = new Map(unique.map((u) => [u.t, index.df(u.id)]));
  unique.sort((a, b) => dfs.get(a.t)! - dfs.get(b.t)!);
  let visited = 0;
  for (const { t, id: tid } of unique) {
    const df = dfs.get(t)!;
    if (!df || (visited + df > POSTINGS_BUDGET && touched.length > 0)) continue;
    visited += df;
    const w = weightOf(t);
    index.forEachPassage(tid, (pid) => {
      if (scratch[pid] === 0) touched.push(pid);
      scratch[pid] += w;
    });
  }
  const own = index.slotOf(id) ?? -1;
  const floor = touched.length > CANDIDATES ? nthLargest(touched.map((pid) => scratch[pid]), CANDIDATES) : 0;
  const candidates = touched
    .filter((pid) => scratch[pid] >= floor && index.passageSlot(pid) !== own)
    .sort((a, b) => scratch[b] - scratch[a])
    .slice(0, CANDIDATES);
  for (const pid of touched) scratch[pid] = 0;

  // Query terms as ids with their weights, to test a candidate's terms by stamping ids.
  const groups: QueryTerm[][] = q.groups.map((g) => g.map((t) => ({ id: dictionary.id(t), weight: weightOf(t) })));
  const paragraph: QueryTerm[] | null = q.paragraph && q.paragraph.map((t) => ({ id: dictionary.id(t), weight: weightOf(t) }));
  if (stamps.length < dictionary.names.length || stampCounter > 0x3fffffff) {
    stampCounter = 0;
    stamps = new Int32Array(dictionary.names.length * 2);
    paragraphStamps = new Int32Array(stamps.length);
  }

  const scored: ScoredPassage[] = [];
  for (const pid of candidates) {
    const slot = index.passageSlot(pid);
    const at = related.indexed(slot);
    const aid = index.articleOf(pid)!;
    const other = corpus.get(aid);
    const i = index.indexOf(pid);
    const s = other?.sentences[i];
    if (!at || !s || i >= at.f.sentences) continue;
    const { f, ids } = at;
    const data = f.data;
    const run = ++stampCounter;
    const [from, to] = termSpan(f, i);
    for (let k = from; k < to; k++) stamps[ids[data[k]]] = run;
    let lex = 0;
    for (const g of groups) {
      let best = 0;
      for (const t of g) if (t.id >= 0 && stamps[t.id] === run && t.weight > best) best = t.weight;
      lex += best;
    }
    lex = Math.min(1, (lex * bm25Norm(sentenceLength(f, i), avg)) / self);
    const [wFrom, wTo] = wordSpan(f, i);
    const words: string[] = [];
    for (let k = wFrom; k < wTo && words.length < MAX_QUERY_GROUPS * 4; k++) words.push(dictionary.names[ids[data[k]]]!);
    const shape = dice(q.grams, trigrams(words));
    const context = paragraph ? contextOverlap(paragraph, other!, f, ids, s.paragraph, run) : 0;
    const score = Math.min(1, 0.7 * lex + 0.18 * shape + 0.12 * context);
    if (score < MIN_SCORE) continue;
    scored.push({ article: aid, start: s.start, end: s.end, text: s.text, score: round(score) });
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

/** How much of the query paragraph's weight the candidate's paragraph (`paragraph` of `other`) shares. */
function contextOverlap(q: QueryTerm[], other: Article, f: ArticleFeatures, ids: Int32Array, paragraph: number, run: number): number {
  const data = f.data;
  other.sentences.forEach((s, i) => {
    if (s.paragraph !== paragraph || i >= f.sentences) return;
    const [from, to] = termSpan(f, i);
    for (let k = from; k < to; k++) paragraphStamps[ids[data[k]]] = run;
  });
  let shared = 0;
  let total = 0;
  for (const t of q) {
    total += t.weight;
    if (t.id >= 0 && paragraphStamps[t.id] === run) shared += t.weight;
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
