// Fuzzy search over passages (body sentences), ranked as fuse.js alone would rank every passage
// (records {text, title, outlet}, FUSE_OPTIONS) but without scanning them all: fuse.js is linear
// in the corpus. Candidates come from an inverted index of accent-folded words, matching each
// query word against the vocabulary by character trigrams (typos), edit distance and prefixes
// (partial names); the candidates are then scored with fuse.js's own formula (fuseScore.ts) in
// order of the best score they could reach, until none left can enter the results. The index is
// updated one article at a time, lazily, when the corpus says it changed.
import type { Corpus } from './corpus';
import { featuresOf } from './align';
import { FuseQuery, KEY_WEIGHTS, fuseNorm, fuseTokens, isBlank, normOf, recordScore } from './fuseScore';
import { PostingIndex } from './postings';
import { STOPWORDS, tokenize } from './terms';
import type { Article, ScoredPassage, Span } from './types';

export interface SearchHit {
  passage: ScoredPassage;
  /** The words of the passage that matched the query (absolute offsets in the article). */
  highlights: Span[];
}

export interface SearchOptions {
  /** How many passages the word index proposes at most (the rarest-word matches first). */
  candidates?: number;
  /** How many candidates are scored at most (best bound first). */
  maxScored?: number;
}

/** A vocabulary word that answers a query word, and how closely. */
interface WordMatch {
  word: string;
  similarity: number;
}

/** A title or outlet, lower-cased as Fuse compares it (null: blank, which Fuse does not index). */
interface Head {
  title: string | null;
  titleNorm: number;
  outlet: string | null;
  outletNorm: number;
}

const DEFAULT_CANDIDATES = 20000;
const MAX_SCORED = 4000;
/** Candidates tested for holding the query exactly, at most. */
const MAX_CHECKED = 30000;
/** Articles whose title or outlet matches the query contribute their first passages, the best this many. */
const MAX_HEAD_ARTICLES = 300;
/** Highlights are looked for in the first characters of a passage only (a wall of text is one "sentence"). */
const MAX_HIGHLIGHT_TEXT = 4000;
/** Trigram similarity (Dice) a vocabulary word needs to count as a misspelling of a query word. */
const MIN_SIMILARITY = 0.45;
/** A query word matching more passages than this is not used to collect candidates when a rarer one is there. */
const COMMON_WORD_PASSAGES = 20000;

function gramsOf(word: string): string[] {
  const p = ` ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  return [...out];
}

const lowered = (v: string | null | undefined) => (v == null || isBlank(v) ? null : v.toLowerCase());

export class SearchIndex {
  private readonly words = new PostingIndex();
  /** Trigram -> vocabulary words containing it. */
  private readonly grams = new Map<string, Set<string>>();
  private readonly vocabulary = new Set<string>();
  /** Passage id -> whitespace-separated tokens in its text (Fuse's field norm). */
  private readonly tokenCounts: number[] = [];
  private readonly heads = new Map<string, Head>();
  private readonly dirty = new Set<string>();

  constructor(private readonly corpus: Corpus) {}

  /** Called by the Corpus when one article changed or was removed; re-indexed on the next query. */
  invalidate(id: string): void {
    this.dirty.add(id);
  }

  private sync() {
    this.warm(Infinity);
  }

  /** Re-indexes changed articles for at most `budgetMs` (warming in slices); true when up to date. */
  warm(budgetMs: number): boolean {
    const until = Date.now() + budgetMs;
    for (const id of this.dirty) {
      this.dirty.delete(id);
      this.indexArticle(id);
      if (Date.now() >= until) break;
    }
    return this.dirty.size === 0;
  }

  private indexArticle(id: string) {
    this.words.remove(id);
    this.heads.delete(id);
    const article = this.corpus.get(id);
    if (!article) return;
    // The words related coverage already extracted (folded, no stop words): one pass serves both.
    this.words.add(id, featuresOf(this.corpus, id).sentences.map((s) => {
      for (const w of s.words) this.addVocabulary(w);
      return { terms: s.words, length: s.words.length };
    }));
    const ids = this.words.idsOf(id);
    article.sentences.forEach((s, i) => (this.tokenCounts[ids[i]] = fuseTokens(s.text)));
    const title = lowered(article.title);
    const outlet = lowered(article.outlet);
    this.heads.set(id, { title, titleNorm: title === null ? 1 : fuseNorm(article.title!), outlet, outletNorm: outlet === null ? 1 : fuseNorm(article.outlet!) });
  }

  private addVocabulary(word: string) {
    if (this.vocabulary.has(word)) return;
    this.vocabulary.add(word);
    for (const g of gramsOf(word)) {
      let set = this.grams.get(g);
      if (!set) this.grams.set(g, (set = new Set()));
      set.add(word);
    }
  }

  /** Vocabulary words that a (folded) query word may stand for: itself, completions, misspellings. */
  private matchWord(q: string): WordMatch[] {
    const out = new Map<string, number>();
    if (this.vocabulary.has(q)) out.set(q, 1);
    if (q.length >= 3) {
      const qg = gramsOf(q);
      const shared = new Map<string, number>();
      for (const g of qg) for (const w of this.grams.get(g) ?? []) shared.set(w, (shared.get(w) ?? 0) + 1);
      for (const [w, n] of shared) {
        if (w === q) continue;
        const sim = (2 * n) / (qg.length + gramsOf(w).length);
        // A word the query begins ("villa" -> "villavicencio") is a partial name.
        const prefix = w.startsWith(q) ? 0.55 + 0.4 * (q.length / w.length) : 0;
        // Swapped or dropped letters in short words defeat trigrams; an edit distance catches them.
        const maxEdits = q.length >= 8 ? 2 : q.length >= 4 ? 1 : 0;
        const typo = maxEdits && Math.abs(w.length - q.length) <= maxEdits && editDistance(q, w, maxEdits) <= maxEdits ? 0.7 : 0;
        const s = Math.max(sim >= MIN_SIMILARITY ? sim : 0, prefix, typo);
        if (s > 0) out.set(w, s);
      }
    }
    return [...out.entries()].map(([word, similarity]) => ({ word, similarity })).sort((a, b) => b.similarity - a.similarity).slice(0, 50);
  }

  search(query: string, limit = 20, options: SearchOptions = {}): ScoredPassage[] {
    return this.searchHits(query, limit, options).map((h) => h.passage);
  }

  /**
   * Search results with the matched words of each passage, for highlighting. Ranked exactly as
   * fuse.js alone over every passage would rank them (FUSE_OPTIONS, records {text, title, outlet},
   * ties in passage order: article id, then offset), but scoring only the passages that can
   * reach the top: candidates come from the word index, and are scored best-bound first.
   */
  searchHits(query: string, limit = 20, options: SearchOptions = {}): SearchHit[] {
    if (limit <= 0 || !query.trim()) return [];
    this.sync();
    const fq = new FuseQuery(query);
    const { matchedWords, candidates } = this.candidatesFor(query, options.candidates ?? DEFAULT_CANDIDATES);
    const heads = this.headFactors(fq);
    // Passages of articles whose title or outlet matches all match, at least by that field.
    for (const [id, h] of heads.matched.slice(0, MAX_HEAD_ARTICLES).entries()) {
      const ids = this.words.idsOf(h.id);
      for (let i = 0; i < Math.min(ids.length, id < 4 ? limit : 2); i++) candidates.add(ids[i]);
    }

    const top = this.rank(fq, candidates, heads.byArticle, limit, options.maxScored ?? MAX_SCORED);
    return top.map((r) => {
      const s = r.sentence;
      const tokens = tokenize(r.article.text, s.start, Math.min(s.end, s.start + MAX_HIGHLIGHT_TEXT));
      const highlights = tokens.filter((t) => matchedWords.has(t.norm)).map((t) => ({ start: t.start, end: t.end }));
      return { passage: { article: r.article.id, start: s.start, end: s.end, text: s.text, score: Math.round((1 - r.score) * 1000) / 1000 }, highlights };
    });
  }

  /** Passages holding a word that answers a query word (exactly, as a completion, or misspelt). */
  private candidatesFor(query: string, max: number): { matchedWords: Set<string>; candidates: Set<number> } {
    let qWords = tokenize(query).map((t) => t.norm).filter((w) => w.length >= 2);
    const content = qWords.filter((w) => !STOPWORDS.has(w));
    if (content.length) qWords = content;
    qWords = [...new Set(qWords)];
    const matches = qWords.map((q) => this.matchWord(q));
    const matchedWords = new Set(matches.flat().map((m) => m.word));
    const someRare = matches.some((ms) => ms.length > 0 && this.postingCount(ms) <= COMMON_WORD_PASSAGES);
    const candidateScore = new Map<number, number>();
    for (const ms of matches) {
      if (someRare && this.postingCount(ms) > COMMON_WORD_PASSAGES) continue;
      const best = new Map<number, number>();
      for (const m of ms) {
        const w = m.similarity * this.words.idf(m.word);
        this.words.forEachPassage(m.word, (pid) => {
          if ((best.get(pid) ?? 0) < w) best.set(pid, w);
        });
      }
      for (const [pid, w] of best) candidateScore.set(pid, (candidateScore.get(pid) ?? 0) + w);
    }
    if (candidateScore.size <= max) return { matchedWords, candidates: new Set(candidateScore.keys()) };
    const ranked = [...candidateScore.entries()].sort((a, b) => b[1] - a[1]).slice(0, max);
    return { matchedWords, candidates: new Set(ranked.map(([pid]) => pid)) };
  }

  /** Each article's title and outlet scores against the query; the articles where either matches, best first. */
  private headFactors(fq: FuseQuery) {
    const byArticle = new Map<string, HeadScore>();
    const matched: (HeadScore & { id: string })[] = [];
    const outletScores = new Map<string, number>();
    for (const [id, h] of this.heads) {
      const title = h.title === null ? -1 : fq.fieldScore(h.title);
      let outlet = -1;
      if (h.outlet !== null) {
        const known = outletScores.get(h.outlet);
        outlet = known ?? fq.fieldScore(h.outlet);
        if (known === undefined) outletScores.set(h.outlet, outlet);
      }
      const factor = FuseQuery.factor(title, KEY_WEIGHTS[1], h.titleNorm) * FuseQuery.factor(outlet, KEY_WEIGHTS[2], h.outletNorm);
      const score = { title, titleNorm: h.titleNorm, outlet, outletNorm: h.outletNorm, factor };
      byArticle.set(id, score);
      if (title >= 0 || outlet >= 0) matched.push({ ...score, id });
    }
    matched.sort((a, b) => a.factor - b.factor || (a.id < b.id ? -1 : 1));
    return { byArticle, matched };
  }

  /**
   * The `limit` best candidates by Fuse score. Fuse's score falls with the text's length and with
   * title or outlet matches, so each candidate has a bound: the score it would get if its text held
   * the query exactly. Candidates are checked in bound order, with a cheap exact-containment test
   * first; those without the query are then scored in the order of their bound with one edit,
   * with Fuse's full formula. Both stop when no bound left can enter the results.
   */
  private rank(fq: FuseQuery, candidates: Set<number>, heads: Map<string, HeadScore>, limit: number, maxScored: number): Ranked[] {
    const wText = KEY_WEIGHTS[0];
    const equalOrExact = (tokens: number) => (tokens === fq.tokens ? Number.EPSILON : 0.001);
    const queue: Candidate[] = [];
    for (const pid of candidates) {
      const ref = this.words.ref(pid);
      const head = ref && heads.get(ref.article);
      const tokens = this.tokenCounts[pid];
      if (head) queue.push({ pid, head, bound: Math.pow(equalOrExact(tokens), wText * normOf(tokens)) * head.factor });
    }
    queue.sort(byBound);
    const top: Ranked[] = [];
    const full = (bound: number) => top.length >= limit && bound * (1 - 1e-9) > top[top.length - 1].score;
    const score = (c: Candidate, text: string) => {
      const ref = this.words.ref(c.pid)!;
      const article = this.corpus.get(ref.article)!;
      const sentence = article.sentences[ref.index];
      const lowered = text ?? sentence.text.toLowerCase();
      const s = recordScore([
        { score: fq.fieldScore(lowered), norm: normOf(this.tokenCounts[c.pid]) },
        { score: c.head.title, norm: c.head.titleNorm },
        { score: c.head.outlet, norm: c.head.outletNorm },
      ]);
      if (s >= 0) insert(top, { score: s, article, sentence }, limit);
    };
    const fuzzy: Candidate[] = [];
    const fuzzyBase = fq.minFuzzyScore;
    let checked = 0;
    for (const c of queue) {
      if (full(c.bound) || checked++ >= MAX_CHECKED) break;
      const ref = this.words.ref(c.pid)!;
      const text = this.corpus.get(ref.article)!.sentences[ref.index].text.toLowerCase();
      if (text.includes(fq.pattern)) score(c, text);
      else {
        const tokens = this.tokenCounts[c.pid];
        fuzzy.push({ pid: c.pid, head: c.head, bound: Math.pow(fuzzyBase, wText * normOf(tokens)) * c.head.factor });
      }
    }
    fuzzy.sort(byBound);
    let scored = 0;
    for (const c of fuzzy) {
      if (full(c.bound) || scored++ >= maxScored) break;
      const ref = this.words.ref(c.pid)!;
      score(c, this.corpus.get(ref.article)!.sentences[ref.index].text.toLowerCase());
    }
    return top;
  }

  private postingCount(ms: WordMatch[]): number {
    return ms.reduce((n, m) => n + this.words.df(m.word), 0);
  }
}

interface HeadScore {
  /** Fuse's score of the title (-1: no match) and the title's field norm; the same for the outlet. */
  title: number;
  titleNorm: number;
  outlet: number;
  outletNorm: number;
  /** What the title and outlet contribute to a record's score (1: nothing). */
  factor: number;
}

interface Candidate {
  pid: number;
  head: HeadScore;
  /** No score the passage can get is lower. */
  bound: number;
}

const byBound = (a: Candidate, b: Candidate) => a.bound - b.bound || a.pid - b.pid;

/** Inserts `r` into the sorted `top`, keeping at most `limit`. */
function insert(top: Ranked[], r: Ranked, limit: number) {
  let at = top.length;
  while (at > 0 && before(r, top[at - 1])) at--;
  if (at < limit) {
    top.splice(at, 0, r);
    if (top.length > limit) top.pop();
  }
}

interface Ranked {
  score: number;
  article: Article;
  sentence: Article['sentences'][number];
}

const NO_MATCH = { score: -1, norm: 1 };

/** Fuse's order: score, then the passage's place in the collection (article id order, then offset). */
const before = (a: Ranked, b: Ranked) =>
  a.score !== b.score ? a.score < b.score : a.article.id !== b.article.id ? a.article.id < b.article.id : a.sentence.start < b.sentence.start;

/** Optimal string alignment distance (edits, with adjacent swaps), giving up past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}
