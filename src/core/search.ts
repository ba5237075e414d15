// Fuzzy search over passages (body sentences), ranked as fuse.js alone would rank every passage
// (records {text, title, outlet}, FUSE_OPTIONS) but without scanning them all: fuse.js is linear
// in the corpus. Candidates come from an inverted index of accent-folded words, matching each
// query word against the vocabulary by character trigrams (typos), edit distance and prefixes
// (partial names); the candidates are then scored with fuse.js's own formula (fuseScore.ts) in
// order of the best score they could reach, until none left can enter the results. The index is
// updated one article at a time, lazily, when the corpus says it changed. What can still differ
// from fuse.js alone: a loose fuzzy match inside words unrelated to the query's words (the index
// does not propose it), and queries whose bounds prune so little that MAX_SCORED stops scoring.
import type { Corpus } from './corpus';
import { type ArticleFeatures, featuresOf, vocabOf, wordSpan } from './align';
import { FuseQuery, KEY_WEIGHTS, fuseNorm, fuseTokens, isBlank, normOf, recordScore } from './fuseScore';
import { PostingIndex } from './postings';
import { ownCopy } from './sharedStrings';
import { STOPWORDS, tokenize } from './terms';
import type { Article, ScoredPassage, Span } from './types';

export interface SearchHit {
  passage: ScoredPassage;
  /** The words of the passage that matched the query (absolute offsets in the article). */
  highlights: Span[];
}

export interface SearchOptions {
  /** How many fuzzy candidates the word index proposes at most (the best word matches first; default all). */
  candidates?: number;
  /** How many candidates each ranking phase scores at most (best bound first). */
  maxScored?: number;
}

/** A vocabulary word that answers a query word, and how closely. */
interface WordMatch {
  word: string;
  /** Its vocabulary id (the index's term id). */
  id: number;
  similarity: number;
}

/** An article's title and outlet, lower-cased as Fuse compares them (null: blank, which Fuse does not index). */
interface Head {
  id: string;
  article: Article;
  /** What the article was indexed with (its words are retracted on removal). */
  features: ArticleFeatures;
  title: string | null;
  titleNorm: number;
  outlet: string | null;
  outletId: number;
  outletNorm: number;
  /** The lowest factor the title and outlet can give a record short of equalling the query. */
  floor: number;
}

/** Candidates a ranking phase scores at most: caps the time of loose fuzzy queries, where bounds prune little. */
const MAX_SCORED = 3000;
/** Candidates a ranking phase checks for holding the query as written at most (a cheaper test than scoring). */
const MAX_CHECKED = 10000;
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

/** The weight of a candidate that no word match weighed (title or outlet openings, exact-phrase holders). */
const MARKED = 1e-30;

/** Passages per article the tie-order key leaves room for. */
const ORDER_SPAN = 1 << 20;

/** Characters that end a word in the query and in the text alike (the tokenizer never joins across them). */
const CLOSED = /^[\s"“”()[\]{}!?;:«»<>|\/*—–-]$/u;

const lowered = (v: string | null | undefined) => (v == null || isBlank(v) ? null : v.toLowerCase());

export class SearchIndex {
  private readonly words = new PostingIndex();
  /** Trigram -> vocabulary words containing it. */
  private readonly grams = new Map<string, number[]>();
  /** Vocabulary word -> its id; by id, the word and how many distinct trigrams it has (for Dice similarity). */
  private readonly vocabulary = new Map<string, number>();
  private readonly wordList: string[] = [];
  private readonly gramCounts: number[] = [];
  /** Per-query scratch by word id: trigrams shared with the query word. */
  private shared = new Int32Array(0);
  /** Passage id -> whitespace-separated tokens in its text (Fuse's field norm). */
  private tokenCounts = new Int32Array(0);
  /** Whitespace-separated token count -> the passages that long (to visit every passage shortest first). */
  private readonly byTokens = new Map<number, PassageBucket>();
  /** Per-article scratch by word id: the sentence that last held it (to give each sentence its words once). */
  private seen = new Int32Array(0);
  private seenCounter = 0;
  /** Each indexed article's title and outlet, by its slot in the word index. */
  private readonly heads: (Head | undefined)[] = [];
  /** Lower-cased titles and outlets -> the slots that have them (a query equal to one scores highest). */
  private readonly headValues = new Map<string, Set<number>>();
  /** The articles (slots) by their lowest possible title-and-outlet factor (see Head.floor). */
  private readonly floors = new Map<number, Set<number>>();
  private readonly dirty = new Set<string>();
  /** Outlet names -> small ids, so a query scores each outlet once. */
  private readonly outletIds = new Map<string, number>();
  /** Per-query scratch by slot: title and outlet scores and their factor, valid when the slot's stamp is the query's. */
  private titleScores = new Float64Array(0);
  private headFactorsBySlot = new Float64Array(0);
  private headStamps = new Int32Array(0);
  private outletScores = new Float64Array(0);
  private outletStamps = new Int32Array(0);
  private stamp = 0;
  /** Per-query scratch by passage id: its record score (-1: no match), valid when its stamp is the query's. */
  private scores = new Float64Array(0);
  private scoreStamps = new Int32Array(0);
  /** Per-query scratch by passage id: how many of the query's word groups it holds (see exactGroups). */
  private groupHits = new Int32Array(0);
  private groupLast = new Int32Array(0);
  private groupStamps = new Int32Array(0);
  private groupCounter = 0;
  /** Per-rank scratch by passage id: visited in this ranking. */
  private visited = new Int32Array(0);
  private rankCounter = 0;
  private ranks: { ranks: Int32Array; slotAt: Int32Array } | undefined;
  /** Slot -> its article's first passage id (an article's passages have consecutive ids). */
  private readonly firstPid: number[] = [];
  private ranksValid = false;
  /** Per-query scratch by passage id: candidate weight (0: not a candidate), best weight per query word. */
  private weights = new Float32Array(0);
  private bestOfWord = new Float32Array(0);

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
    this.ranksValid = false;
    const old = this.words.slotOf(id);
    if (old !== undefined) {
      const { first, count } = this.words.rangeOf(id);
      const indexed = this.heads[old]!.features;
      this.words.remove(id, vocabOf(indexed).slice(indexed.termCount).map((w) => this.vocabulary.get(w)!));
      for (let pid = first; pid < first + count; pid++) this.byTokens.get(this.tokenCounts[pid])?.retract(this.words);
      this.removeHead(old);
    }
    const article = this.corpus.get(id);
    if (!article) return;
    // The words related coverage already extracted (folded, no stop words): one pass serves both.
    const f = featuresOf(this.corpus, id);
    const vocab = vocabOf(f);
    const wordIds = new Int32Array(vocab.length - f.termCount);
    for (let i = f.termCount; i < vocab.length; i++) wordIds[i - f.termCount] = this.addVocabulary(vocab[i]);
    if (this.seen.length < this.wordList.length) this.seen = new Int32Array(this.wordList.length * 2);
    const n = f.sentences;
    const terms: number[] = [];
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const [from, to] = wordSpan(f, i);
      const run = ++this.seenCounter;
      for (let k = from; k < to; k++) {
        const w = wordIds[f.data[k] - f.termCount];
        if (this.seen[w] !== run) {
          this.seen[w] = run;
          terms.push(w);
        }
      }
      ends[i] = terms.length;
    }
    const slot = this.words.add(id, terms, ends, null);
    this.addHead(id, article, f, slot);
    const first = this.words.pidAt(slot, 0);
    this.firstPid[slot] = n ? first : -1;
    if (this.tokenCounts.length < first + n) {
      const grown = new Int32Array(Math.max(1024, (first + n) * 2));
      grown.set(this.tokenCounts);
      this.tokenCounts = grown;
    }
    article.sentences.forEach((s, i) => {
      const tokens = fuseTokens(s.text);
      this.tokenCounts[first + i] = tokens;
      let bucket = this.byTokens.get(tokens);
      if (!bucket) this.byTokens.set(tokens, (bucket = new PassageBucket()));
      bucket.add(first + i);
    });
  }

  private addHead(id: string, article: Article, features: ArticleFeatures, slot: number) {
    const title = lowered(article.title);
    const outlet = lowered(article.outlet);
    const titleNorm = title === null ? 1 : fuseNorm(article.title!);
    const outletNorm = outlet === null ? 1 : fuseNorm(article.outlet!);
    const floor = FuseQuery.factor(title === null ? -1 : 0.001, KEY_WEIGHTS[1], titleNorm) * FuseQuery.factor(outlet === null ? -1 : 0.001, KEY_WEIGHTS[2], outletNorm);
    let outletId = -1;
    if (outlet !== null) {
      outletId = this.outletIds.get(outlet) ?? this.outletIds.size;
      this.outletIds.set(outlet, outletId);
    }
    this.heads[slot] = { id, article, features, title, titleNorm, outlet, outletId, outletNorm, floor };
    let same = this.floors.get(floor);
    if (!same) this.floors.set(floor, (same = new Set()));
    same.add(slot);
    for (const v of [title, outlet]) if (v !== null) {
      let set = this.headValues.get(v);
      if (!set) this.headValues.set(v, (set = new Set()));
      set.add(slot);
    }
  }

  private removeHead(slot: number) {
    const h = this.heads[slot]!;
    this.heads[slot] = undefined;
    const same = this.floors.get(h.floor);
    same?.delete(slot);
    if (same && !same.size) this.floors.delete(h.floor);
    for (const v of [h.title, h.outlet]) if (v !== null) {
      const set = this.headValues.get(v);
      set?.delete(slot);
      if (set && !set.size) this.headValues.delete(v);
    }
  }

  /** The word's id, added to the vocabulary if new. */
  private addVocabulary(word: string): number {
    const known = this.vocabulary.get(word);
    if (known !== undefined) return known;
    const id = this.wordList.length;
    word = ownCopy(word);
    const grams = gramsOf(word);
    this.vocabulary.set(word, id);
    this.wordList.push(word);
    this.gramCounts.push(grams.length);
    for (const g of grams) {
      const list = this.grams.get(g);
      if (list) list.push(id);
      else this.grams.set(g, [id]);
    }
    return id;
  }

  /** Vocabulary words that a (folded) query word may stand for: itself, completions, misspellings. */
  private matchWord(q: string): WordMatch[] {
    const out = new Map<string, number>();
    if (this.vocabulary.has(q)) out.set(q, 1);
    if (q.length >= 3) {
      const qg = gramsOf(q);
      if (this.shared.length < this.wordList.length) this.shared = new Int32Array(this.wordList.length * 2);
      const shared = this.shared;
      const touched: number[] = [];
      for (const g of qg) {
        for (const id of this.grams.get(g) ?? []) if (shared[id]++ === 0) touched.push(id);
      }
      for (const id of touched) {
        const n = shared[id];
        shared[id] = 0;
        const w = this.wordList[id];
        if (w === q) continue;
        const sim = (2 * n) / (qg.length + this.gramCounts[id]);
        // A word the query begins ("villa" -> "villavicencio") is a partial name.
        const prefix = w.startsWith(q) ? 0.55 + 0.4 * (q.length / w.length) : 0;
        // Swapped or dropped letters in short words defeat trigrams; an edit distance catches them.
        const maxEdits = q.length >= 8 ? 2 : q.length >= 4 ? 1 : 0;
        const typo = maxEdits && Math.abs(w.length - q.length) <= maxEdits && editDistance(q, w, maxEdits) <= maxEdits ? 0.7 : 0;
        const s = Math.max(sim >= MIN_SIMILARITY ? sim : 0, prefix, typo);
        if (s > 0) out.set(w, s);
      }
    }
    return [...out.entries()]
      .map(([word, similarity]) => ({ word, similarity, id: this.vocabulary.get(word)! }))
      .sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : 1))
      .slice(0, 50);
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
    this.beginQuery();
    const candidates: number[] = [];
    try {
      const maxScored = options.maxScored ?? MAX_SCORED;
      // First the passages that may hold the query as written, and those of articles whose title
      // or outlet equals it: when the query occurs, the best results are usually among them.
      const groups = this.exactGroups(query);
      const matchedWords = new Set(groups.flat());
      for (const pid of this.markExact(groups)) this.addCandidate(candidates, pid);
      for (const slot of this.headValues.get(fq.pattern) ?? []) this.addOpening(candidates, slot, limit);
      let everyPassage = false;
      let top = this.rank(fq, candidates, groups.length, everyPassage, limit, maxScored, []);
      // Then, unless no passage one edit away can enter the results, the passages holding words
      // that answer the query's words (completions, misspellings).
      if (!groups.length || !this.full(top, limit, this.lowestFuzzyBound(fq))) {
        const ranked = candidates.length;
        const found = this.candidatesFor(query, options.candidates ?? Infinity, candidates);
        for (const w of found.matchedWords) matchedWords.add(w);
        everyPassage = !found.indexed;
        // The ranked candidates' best are exact: only the new ones need ranking against them.
        top = this.rank(fq, candidates.slice(ranked), groups.length, everyPassage, limit, maxScored, top);
      }
      // A passage is a result when only its article's title or outlet matches: when such a record
      // could still enter the results, every title and outlet is scored and the best articles'
      // first passages join the candidates.
      if (!this.full(top, limit, this.lowestFloor())) {
        // Only articles whose floor is under the last result's score can place a passage by their title or outlet alone.
        const worst = top.length < limit ? Infinity : top[limit - 1].score * (1 + 1e-9);
        const matched: number[] = [];
        for (const [floor, slots] of this.floors) {
          if (floor <= worst) for (const slot of slots) if (this.headFactor(slot, fq) < 1) matched.push(slot);
        }
        const f = this.headFactorsBySlot;
        matched.sort((a, b) => f[a] - f[b] || (this.heads[a]!.id < this.heads[b]!.id ? -1 : 1));
        const ranked = candidates.length;
        matched.slice(0, MAX_HEAD_ARTICLES).forEach((slot, i) => this.addOpening(candidates, slot, i < 4 ? limit : 2));
        if (candidates.length > ranked) top = this.rank(fq, candidates.slice(ranked), groups.length, everyPassage, limit, maxScored, top);
      }
      return top.map((r) => {
        const s = r.sentence;
        const tokens = tokenize(r.article.text, s.start, Math.min(s.end, s.start + MAX_HIGHLIGHT_TEXT));
        const highlights = tokens.filter((t) => matchedWords.has(t.norm)).map((t) => ({ start: t.start, end: t.end }));
        return { passage: { article: r.article.id, start: s.start, end: s.end, text: s.text, score: Math.round((1 - r.score) * 1000) / 1000 }, highlights };
      });
    } finally {
      for (const pid of candidates) this.weights[pid] = 0;
    }
  }

  /** True when `limit` results are there and none scoring `bound` or more could enter them. */
  private full(top: Ranked[], limit: number, bound: number): boolean {
    return top.length >= limit && bound * (1 - 1e-9) > top[limit - 1].score;
  }

  /** The lowest score a passage that does not hold the query exactly can get (the shortest passage, one edit, the best title). */
  private lowestFuzzyBound(fq: FuseQuery): number {
    let shortest = Infinity;
    for (const [tokens, bucket] of this.byTokens) if (bucket.live && tokens < shortest) shortest = tokens;
    if (shortest === Infinity) return Infinity;
    return Math.pow(fq.minFuzzyScore, KEY_WEIGHTS[0] * normOf(shortest)) * Math.min(1, this.lowestFloor());
  }

  private addCandidate(candidates: number[], pid: number) {
    if (this.weights[pid] > 0) return;
    this.weights[pid] = MARKED;
    candidates.push(pid);
  }

  /** Each slot's article's place in id order (the collection's order) and back, recomputed after changes. */
  private articleRanks(): { ranks: Int32Array; slotAt: Int32Array } {
    if (!this.ranks || this.ranks.ranks.length < this.heads.length) this.ranksValid = false;
    if (!this.ranksValid) {
      const ranks = new Int32Array(Math.max(64, this.heads.length * 2));
      const slotAt = new Int32Array(ranks.length);
      let r = 0;
      for (const a of this.corpus.articles()) {
        const slot = this.words.slotOf(a.id);
        if (slot === undefined) continue;
        ranks[slot] = r;
        slotAt[r++] = slot;
      }
      this.ranks = { ranks, slotAt };
      this.ranksValid = true;
    }
    return this.ranks!;
  }

  /** Fresh per-query scratch, sized to the index. */
  private beginQuery() {
    this.stamp++;
    if (this.headStamps.length < this.heads.length) {
      const n = Math.max(64, this.heads.length * 2);
      this.headStamps = new Int32Array(n);
      this.titleScores = new Float64Array(n);
      this.headFactorsBySlot = new Float64Array(n);
    }
    if (this.outletStamps.length < this.outletIds.size) {
      this.outletStamps = new Int32Array(Math.max(64, this.outletIds.size * 2));
      this.outletScores = new Float64Array(this.outletStamps.length);
    }
    const n = this.words.idLimit;
    if (this.weights.length < n) {
      // Scratch grows by a quarter: these arrays are as long as the index has passages.
      this.weights = new Float32Array(Math.max(1024, Math.ceil(n * 1.25)));
      this.bestOfWord = new Float32Array(this.weights.length);
      this.scores = new Float64Array(this.weights.length);
      this.scoreStamps = new Int32Array(this.weights.length);
      this.groupHits = new Int32Array(this.weights.length);
      this.groupLast = new Int32Array(this.weights.length);
      this.groupStamps = new Int32Array(this.weights.length);
      this.visited = new Int32Array(this.weights.length);
    }
  }

  /** Adds an article's first passages to the candidates (they match by the title or outlet alone). */
  private addOpening(candidates: number[], slot: number, n: number) {
    const { first, count } = this.words.rangeOf(this.heads[slot]!.id);
    for (let i = 0; i < Math.min(n, count); i++) this.addCandidate(candidates, first + i);
  }

  /** The lowest factor any article's title and outlet can give short of equalling the query. */
  private lowestFloor(): number {
    let min = Infinity;
    for (const f of this.floors.keys()) if (f < min) min = f;
    return min;
  }

  /**
   * Passages holding a word that answers a query word (exactly, as a completion, or misspelt),
   * added to `candidates` with `weights` raised by their rarity-weighted closeness; the `max` best.
   */
  private candidatesFor(query: string, max: number, candidates: number[]): { matchedWords: Set<string>; indexed: boolean } {
    let qWords = tokenize(query).map((t) => t.norm).filter((w) => w.length >= 2);
    const content = qWords.filter((w) => !STOPWORDS.has(w));
    if (content.length) qWords = content;
    qWords = [...new Set(qWords)];
    const matches = qWords.map((q) => this.matchWord(q));
    // Only stop words (never indexed) or nothing long enough: the index cannot find what Fuse would.
    const indexed = qWords.some((q) => !STOPWORDS.has(q));
    const matchedWords = new Set(matches.flat().map((m) => m.word));
    const counts = matches.map((ms) => this.postingCount(ms));
    const someRare = matches.some((ms, i) => ms.length > 0 && counts[i] <= COMMON_WORD_PASSAGES);
    const { weights, bestOfWord } = this;
    const before = candidates.length;
    matches.forEach((ms, i) => {
      if (someRare && counts[i] > COMMON_WORD_PASSAGES) return;
      // A passage counts the best of the words that answer one query word.
      const reached: number[] = [];
      for (const m of ms) {
        const w = m.similarity * this.words.idf(m.id);
        this.words.forEachPassage(m.id, (pid) => {
          if (bestOfWord[pid] === 0) reached.push(pid);
          if (bestOfWord[pid] < w) bestOfWord[pid] = w;
        });
      }
      for (const pid of reached) {
        if (weights[pid] === 0) candidates.push(pid);
        weights[pid] += bestOfWord[pid];
        bestOfWord[pid] = 0;
      }
    });
    if (candidates.length - before > max) {
      const added = candidates.splice(before).sort((a, b) => weights[b] - weights[a] || a - b);
      for (const pid of added.slice(max)) weights[pid] = 0;
      candidates.push(...added.slice(0, max));
    }
    return { matchedWords, indexed };
  }

  /**
   * The word groups a passage must hold (one word of each) for its text to contain the query
   * exactly: a content word that stands whole in the query (whitespace or plain punctuation on both
   * sides) must be one of its words; one at the query's start may end a longer word, one at its end
   * may begin one. Stop words are not indexed and give no condition, nor do words too short to
   * look up by trigrams.
   */
  private exactGroups(query: string): string[][] {
    const groups: string[][] = [];
    for (const t of tokenize(query)) {
      const w = t.norm;
      if (w.length < 2 || STOPWORDS.has(w)) continue;
      const openStart = !CLOSED.test(query[t.start - 1] ?? '');
      const openEnd = !CLOSED.test(query[t.end] ?? '');
      if (!openStart && !openEnd) groups.push(this.vocabulary.has(w) ? [w] : []);
      else {
        const around = this.wordsAround(w, openStart, openEnd);
        if (around) groups.push(around);
      }
    }
    return groups;
  }

  /** Vocabulary words that end with `w` (openStart), begin with it (openEnd) or contain it (both); null: cannot tell. */
  private wordsAround(w: string, openStart: boolean, openEnd: boolean): string[] | null {
    // The trigrams every such word has: those of w, less the word-boundary ones on an open side.
    const need = gramsOf(w).filter((g) => !(openStart && g[0] === ' ') && !(openEnd && g[2] === ' '));
    if (!need.length) return null;
    let smallest: number[] | undefined;
    for (const g of need) {
      const list = this.grams.get(g);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    const out: string[] = [];
    for (const id of smallest!) {
      const v = this.wordList[id];
      if (openStart && openEnd ? v.includes(w) : openStart ? v.endsWith(w) : v.startsWith(w)) out.push(v);
    }
    return out;
  }

  /** Counts, per passage, the exact groups it holds; returns the passages holding all (they may contain the query). */
  private markExact(groups: string[][]): number[] {
    const { groupHits, groupLast, groupStamps } = this;
    const all: number[] = [];
    groups.forEach((group, i) => {
      const g = ++this.groupCounter;
      const last = i === groups.length - 1;
      for (const word of group) {
        this.words.forEachPassage(this.vocabulary.get(word) ?? -1, (pid) => {
          if (groupStamps[pid] !== this.stamp) {
            groupStamps[pid] = this.stamp;
            groupHits[pid] = 0;
            groupLast[pid] = 0;
          }
          if (groupLast[pid] !== g) {
            groupLast[pid] = g;
            if (++groupHits[pid] === groups.length && last) all.push(pid);
          }
        });
      }
    });
    return all;
  }

  /** What an article's title and outlet contribute to its records' scores (1: nothing), once per query. */
  private headFactor(slot: number, fq: FuseQuery): number {
    if (this.headStamps[slot] === this.stamp) return this.headFactorsBySlot[slot];
    const h = this.heads[slot]!;
    const title = h.title === null ? -1 : fq.fieldScore(h.title);
    const factor = FuseQuery.factor(title, KEY_WEIGHTS[1], h.titleNorm) * FuseQuery.factor(this.outletScore(h, fq), KEY_WEIGHTS[2], h.outletNorm);
    this.titleScores[slot] = title;
    this.headFactorsBySlot[slot] = factor;
    this.headStamps[slot] = this.stamp;
    return factor;
  }

  private outletScore(h: Head, fq: FuseQuery): number {
    if (h.outlet === null) return -1;
    if (this.outletStamps[h.outletId] !== this.stamp) {
      this.outletScores[h.outletId] = fq.fieldScore(h.outlet);
      this.outletStamps[h.outletId] = this.stamp;
    }
    return this.outletScores[h.outletId];
  }

  /**
   * The `limit` best candidates by Fuse score. Fuse's score falls with the text's length and with
   * title or outlet matches, so each candidate has a bound: the score it would get if its text held
   * the query exactly. Candidates are scored in bound order until no bound left can enter the
   * results (or `maxScored` were scored). Most articles' titles and outlets do not match: their
   * candidates are bucketed by length, so that ordering them needs no sort. `seed`: the best of the
   * candidates ranked before (exact), which the new ones must beat.
   */
  private rank(fq: FuseQuery, candidates: number[], groups: number, everyPassage: boolean, limit: number, maxScored: number, seed: Ranked[]): Ranked[] {
    const wText = KEY_WEIGHTS[0];
    const bounds = new Map<number, number>();
    const boundOf = (tokens: number) => {
      let b = bounds.get(tokens);
      if (b === undefined) bounds.set(tokens, (b = Math.pow(tokens === fq.tokens ? Number.EPSILON : 0.001, wText * normOf(tokens))));
      return b;
    };
    // A passage without the words the query's exact occurrence needs is at least one edit away.
    const fuzzyBase = fq.minFuzzyScore;
    const fuzzyBounds = new Map<number, number>();
    const fuzzyBoundOf = (tokens: number) => {
      let b = fuzzyBounds.get(tokens);
      if (b === undefined) fuzzyBounds.set(tokens, (b = Math.pow(fuzzyBase, wText * normOf(tokens))));
      return b;
    };
    // Bucket keys: 2 * tokens, plus 1 when the passage cannot hold the query exactly.
    const keyBound = (key: number) => (key & 1 ? fuzzyBoundOf(key >> 1) : boundOf(key >> 1));
    const byLength = new Map<number, number[]>();
    const boosted: Candidate[] = [];
    const slotOf = this.words.passageSlots();
    for (const pid of candidates) {
      const tokens = this.tokenCounts[pid];
      const factor = this.headFactor(slotOf[pid], fq);
      const fuzzy = groups > 0 && (this.groupStamps[pid] !== this.stamp || this.groupHits[pid] < groups);
      if (factor === 1) {
        const key = 2 * tokens + (fuzzy ? 1 : 0);
        const list = byLength.get(key);
        if (list) list.push(pid);
        else byLength.set(key, [pid]);
      } else boosted.push({ pid, bound: (fuzzy ? fuzzyBoundOf(tokens) : boundOf(tokens)) * factor });
    }
    const lengths = [...byLength.keys()].sort((a, b) => keyBound(a) - keyBound(b));
    // Fuse's tie order: the collection's order, article id then offset.
    const { ranks: rank, slotAt } = this.articleRanks();
    const { firstPid } = this;
    const inOrder = (a: number, b: number) => rank[slotOf[a]] - rank[slotOf[b]] || a - b;
    /** Sorts pids in tie order, natively: each as one number, article rank then index in the article. */
    const sortInOrder = (pids: number[]) => {
      const keys = new Float64Array(pids.length);
      for (let i = 0; i < pids.length; i++) {
        const slot = slotOf[pids[i]];
        keys[i] = rank[slot] * ORDER_SPAN + (pids[i] - firstPid[slot]);
      }
      keys.sort();
      for (let i = 0; i < pids.length; i++) {
        const r = Math.floor(keys[i] / ORDER_SPAN);
        pids[i] = firstPid[slotAt[r]] + (keys[i] - r * ORDER_SPAN);
      }
    };
    boosted.sort((a, b) => a.bound - b.bound || inOrder(a.pid, b.pid));

    const top: Ranked[] = [...seed];
    let scored = 0;
    const run = ++this.rankCounter;
    for (const r of seed) this.visited[r.pid] = run;
    // Candidates come in bound order, and equal bounds in tie order: once the results are full, one
    // whose bound is above the last result's score, or equal to it but later in order, cannot enter.
    const visit = (pid: number, bound: number, ordered = true) => {
      if (top.length >= limit) {
        const last = top[top.length - 1];
        if (bound * (1 - 1e-9) > last.score) return false;
        if (ordered && bound === last.score && inOrder(pid, last.pid) > 0) return false;
      }
      if (this.visited[pid] === run) return true;
      this.visited[pid] = run;
      const slot = slotOf[pid];
      if (slot < 0) return true;
      const head = this.heads[slot]!;
      const article = head.article;
      const sentence = article.sentences[pid - firstPid[slot]];
      let score: number;
      if (this.scoreStamps[pid] === this.stamp) score = this.scores[pid];
      else {
        if (scored++ >= maxScored) return false;
        score = recordScore([
          { score: fq.rawFieldScore(sentence.text), norm: normOf(this.tokenCounts[pid]) },
          { score: this.titleScores[slot], norm: head.titleNorm },
          { score: this.outletScore(head, fq), norm: head.outletNorm },
        ]);
        this.scores[pid] = score;
        this.scoreStamps[pid] = this.stamp;
      }
      if (score >= 0) insert(top, { score, pid, article, sentence }, limit);
      return true;
    };
    // One edit bounds strictly higher than an exact occurrence: deferred passages land in later buckets.
    const deferrable = fuzzyBase > 0.001;
    let checked = 0;
    // Merge the length buckets (in bound order) with the boosted candidates (sorted by bound).
    let li = 0;
    let k = 0;
    let bi = 0;
    let sorted = -1;
    // With `everyPassage`, all passages join, shortest first (their title or outlet may lower them by
    // at most the lowest floor).
    const floor = everyPassage ? Math.min(1, this.lowestFloor()) : 1;
    const streamKeys = everyPassage ? [...this.byTokens.keys()].sort((a, b) => boundOf(a) - boundOf(b)) : [];
    let si = 0;
    let stream: number[] = [];
    let sk = 0;
    for (;;) {
      while (sk >= stream.length && si < streamKeys.length) {
        stream = this.byTokens.get(streamKeys[si++])!.livePids(this.words);
        sk = 0;
      }
      const sb = sk < stream.length ? boundOf(streamKeys[si - 1]) * floor : Infinity;
      const bucket = li < lengths.length ? byLength.get(lengths[li])! : undefined;
      // Within a length, in tie order.
      if (bucket && sorted !== li) {
        sortInOrder(bucket);
        sorted = li;
      }
      const lb = bucket ? keyBound(lengths[li]) : Infinity;
      const bb = bi < boosted.length ? boosted[bi].bound : Infinity;
      if (lb === Infinity && bb === Infinity && sb === Infinity) break;
      if (sb < lb && sb <= bb) {
        const pid = stream[sk++];
        this.headFactor(slotOf[pid], fq);
        if (!visit(pid, sb, false)) break;
      } else if (bb < lb) {
        if (!visit(boosted[bi].pid, bb)) break;
        bi++;
      } else {
        const pid = bucket![k];
        const key = lengths[li];
        // A passage that turns out not to hold the query as written moves to its length's one-edit bucket.
        if (deferrable && !(key & 1) && checked++ < MAX_CHECKED && this.scoreStamps[pid] !== this.stamp && !fq.mayContain(this.passageText(pid))) {
          let list = byLength.get(key | 1);
          if (!list) {
            byLength.set(key | 1, (list = []));
            let at = li + 1;
            while (at < lengths.length && keyBound(lengths[at]) <= keyBound(key | 1)) at++;
            lengths.splice(at, 0, key | 1);
          }
          list.push(pid);
        } else if (!visit(pid, lb)) break;
        if (++k >= bucket!.length) {
          li++;
          k = 0;
        }
      }
    }
    return top;
  }

  private passageText(pid: number): string {
    const slot = this.words.passageSlot(pid);
    return this.heads[slot]!.article.sentences[pid - this.firstPid[slot]].text;
  }

  private postingCount(ms: WordMatch[]): number {
    return ms.reduce((n, m) => n + this.words.df(m.id), 0);
  }
}

/** The passages of one length, in id order (insertion order: ids only grow); removed ones are skipped, then swept. */
class PassageBucket {
  private pids = new Int32Array(4);
  private n = 0;
  /** How many of the passages are still indexed. */
  live = 0;

  add(pid: number) {
    if (this.n === this.pids.length) {
      const grown = new Int32Array(this.n * 2);
      grown.set(this.pids);
      this.pids = grown;
    }
    this.pids[this.n++] = pid;
    this.live++;
  }

  /** One of the passages left the index (already removed from `words`). */
  retract(words: PostingIndex) {
    this.live--;
    if (this.n - this.live > Math.max(16, this.live)) {
      const kept = this.livePids(words);
      this.pids = Int32Array.from(kept.length ? kept : [0]);
      this.n = kept.length;
      this.live = kept.length;
    }
  }

  livePids(words: PostingIndex): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) if (words.isLive(this.pids[i])) out.push(this.pids[i]);
    return out;
  }
}

interface Candidate {
  pid: number;
  /** No score the passage can get is lower. */
  bound: number;
}

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
  pid: number;
  article: Article;
  sentence: Article['sentences'][number];
}


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
