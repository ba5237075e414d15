// Fuzzy search over passages (body sentences). fuse.js scans linearly, so a query first collects
// candidates from an inverted index of accent-folded words, matching each query word against the
// vocabulary by character trigrams (typos) and prefixes (partial names); fuse.js then ranks only
// those candidates over the passage text, the article title and the outlet. The index is updated
// one article at a time, lazily, when the corpus says it changed.
import Fuse from 'fuse.js';
import type { Corpus } from './corpus';
import { PostingIndex } from './postings';
import { STOPWORDS, fold, tokenize, type Token } from './terms';
import type { Article, ScoredPassage, Span } from './types';

export interface SearchHit {
  passage: ScoredPassage;
  /** The words of the passage that matched the query (absolute offsets in the article). */
  highlights: Span[];
}

export interface SearchOptions {
  /** How many passages Fuse ranks at most (the rest are filtered out by the index). */
  candidates?: number;
}

/** A vocabulary word that answers a query word, and how closely. */
interface WordMatch {
  word: string;
  similarity: number;
}

const DEFAULT_CANDIDATES = 200;
/** Trigram similarity (Dice) a vocabulary word needs to count as a misspelling of a query word. */
const MIN_SIMILARITY = 0.45;
/** A query word matching more passages than this is not used to collect candidates (it only ranks). */
const COMMON_WORD_PASSAGES = 20000;

const indexWord = (t: Token) => t.norm.length >= 2 && !STOPWORDS.has(t.norm);

/** The indexed words of each sentence: folded, no stop words. Not kept: the index is what remains. */
function sentenceWords(article: Article): string[][] {
  return article.sentences.map((s) => tokenize(article.text, s.start, s.end).filter(indexWord).map((t) => t.norm));
}

function gramsOf(word: string): string[] {
  const p = ` ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  return [...out];
}

export class SearchIndex {
  private readonly words = new PostingIndex();
  /** Trigram -> vocabulary words containing it. */
  private readonly grams = new Map<string, Set<string>>();
  private readonly vocabulary = new Set<string>();
  /** Folded title and outlet words -> articles, so "reuters" or a headline word still finds passages. */
  private readonly headWords = new Map<string, Set<string>>();
  private readonly headOf = new Map<string, string[]>();
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
    for (const w of this.headOf.get(id) ?? []) this.headWords.get(w)?.delete(id);
    this.headOf.delete(id);
    const article = this.corpus.get(id);
    if (!article) return;
    this.words.add(id, sentenceWords(article).map((terms) => {
      for (const w of terms) this.addVocabulary(w);
      return { terms, length: terms.length };
    }));
    const head = tokenize(`${article.title ?? ''} ${article.outlet ?? ''}`).filter(indexWord).map((t) => t.norm);
    this.headOf.set(id, head);
    for (const w of head) {
      this.addVocabulary(w);
      let set = this.headWords.get(w);
      if (!set) this.headWords.set(w, (set = new Set()));
      set.add(id);
    }
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

  /** Search results with the matched words of each passage, for highlighting. */
  searchHits(query: string, limit = 20, options: SearchOptions = {}): SearchHit[] {
    if (limit <= 0) return [];
    this.sync();
    let qWords = tokenize(query).map((t) => t.norm).filter((w) => w.length >= 2);
    const content = qWords.filter((w) => !STOPWORDS.has(w));
    if (content.length) qWords = content;
    qWords = [...new Set(qWords)];
    if (!qWords.length) return [];

    // Candidates: passages holding a word that answers a query word, weighted by rarity and closeness.
    const matches = qWords.map((q) => this.matchWord(q));
    const matchedWords = new Set(matches.flat().map((m) => m.word));
    const someRare = matches.some((ms) => ms.length > 0 && this.postingCount(ms) <= COMMON_WORD_PASSAGES);
    const candidateScore = new Map<number, number>();
    for (const ms of matches) {
      if (someRare && this.postingCount(ms) > COMMON_WORD_PASSAGES) continue;
      const best = new Map<number, number>();
      for (const m of ms) {
        const w = m.similarity * this.words.idf(m.word);
        for (const pid of this.words.passagesWith(m.word)) if ((best.get(pid) ?? 0) < w) best.set(pid, w);
      }
      for (const [pid, w] of best) candidateScore.set(pid, (candidateScore.get(pid) ?? 0) + w);
    }
    // Title and outlet words lift the passages of their articles.
    const headArticles = new Set<string>();
    for (const ms of matches) for (const m of ms) for (const id of this.headWords.get(m.word) ?? []) headArticles.add(id);

    const ranked = [...candidateScore.entries()].sort((a, b) => b[1] - a[1]).slice(0, options.candidates ?? DEFAULT_CANDIDATES);
    if (ranked.length < limit) {
      // Articles found only by their title or outlet contribute their opening passages.
      for (const id of headArticles) {
        const a = this.corpus.get(id);
        if (a?.sentences.length && !ranked.some(([pid]) => this.words.ref(pid)?.article === id)) ranked.push(...this.openingPassages(id));
      }
    }
    const records = ranked
      .map(([pid, cs]) => {
        const ref = this.words.ref(pid);
        const article = ref ? this.corpus.get(ref.article) : undefined;
        const s = ref && article?.sentences[ref.index];
        if (!ref || !article || !s) return null;
        return { pid, cs, article, sentence: s, text: fold(s.text), title: fold(article.title ?? ''), outlet: fold(article.outlet ?? '') };
      })
      .filter((r): r is NonNullable<typeof r> => r !== null);
    if (!records.length) return [];

    const fuseScores = rankWithFuse(records, qWords);
    const maxCs = Math.max(...records.map((r) => r.cs), 1e-9);
    const results = records
      .map((r, i) => ({ r, score: fuseScores[i], cs: r.cs / maxCs }))
      .filter((x) => x.score < 1)
      // Fuse's closeness first; the index's rarity-weighted coverage breaks near-ties and rescues what Fuse missed.
      .map((x) => ({ ...x, final: (1 - x.score) * 0.8 + x.cs * 0.2 }))
      .sort((a, b) => b.final - a.final || (a.r.article.id < b.r.article.id ? -1 : 1) || a.r.sentence.start - b.r.sentence.start)
      .slice(0, limit);
    // Far weaker than the best answer is noise (a loose fuzzy match somewhere in a long sentence).
    const floor = (results[0]?.final ?? 0) * 0.3;

    return results
      .filter((x) => x.final >= floor).map(({ r, final }) => {
      const tokens = tokenize(r.article.text, r.sentence.start, r.sentence.end);
      const highlights = tokens.filter((t) => matchedWords.has(t.norm)).map((t) => ({ start: t.start, end: t.end }));
      const s = r.sentence;
      return { passage: { article: r.article.id, start: s.start, end: s.end, text: s.text, score: Math.round(final * 1000) / 1000 }, highlights };
    });
  }

  private postingCount(ms: WordMatch[]): number {
    return ms.reduce((n, m) => n + this.words.df(m.word), 0);
  }

  /** Index entries of an article's first passages (for title-only matches). */
  private openingPassages(id: string): [number, number][] {
    const out: [number, number][] = [];
    // Passage ids of an article are consecutive from its first; find them through its words.
    const a = this.corpus.get(id)!;
    const first = tokenize(a.text, a.sentences[0].start, a.sentences[0].end).find(indexWord);
    if (!first) return out;
    for (const pid of this.words.passagesWith(first.norm)) {
      const ref = this.words.ref(pid);
      if (ref?.article === id && ref.index < 2) out.push([pid, 0]);
    }
    return out;
  }
}

interface FuseRecord {
  text: string;
  title: string;
  outlet: string;
}

/**
 * Fuse scores (0 best, 1 no match) of each record: the mean of a phrase match (the words in order,
 * close together) and a word-by-word match (every word somewhere), so "deportation flight" prefers
 * "deportation flights" to a passage where both words stand apart.
 */
function rankWithFuse(records: FuseRecord[], words: string[]): number[] {
  const base = {
    keys: [{ name: 'text', weight: 0.8 }, { name: 'title', weight: 0.12 }, { name: 'outlet', weight: 0.08 }],
    includeScore: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.45,
  };
  const phrase = new Fuse(records, base).search(words.join(' '));
  // Extended search: space-separated words must all match (fuzzily); operators are stripped from words.
  const safe = words.map((w) => w.replace(/[!^=$'|"]/g, '')).filter(Boolean);
  const byWord = safe.length > 1 ? new Fuse(records, { ...base, useExtendedSearch: true }).search(safe.join(' ')) : phrase;
  const p = new Map(phrase.map((r) => [r.refIndex, r.score ?? 1]));
  const w = new Map(byWord.map((r) => [r.refIndex, r.score ?? 1]));
  return records.map((_, i) => ((p.get(i) ?? 1) + (w.get(i) ?? 1)) / 2);
}

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
