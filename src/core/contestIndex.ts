// The contested-claims index, kept up to date edit by edit. A one-article edit re-pairs only the
// candidate sentences whose partner lists or comparisons can change: the edited article's own,
// the ones sharing a stem whose postings, rarity class or weight changed, and the ones that had a
// removed sentence as partner. Everything else keeps its pairs, so an edit costs what it touches
// instead of a pass over every candidate of the corpus.
//
// The result equals a from-scratch computation (contestIndex.test.ts, incremental.test.ts):
// every decision below is a function of the current corpus only, never of the edit history. The
// one thing defined for locality rather than taken over from the corpus-wide pass is the idf weight
// that picks a passage's governing date among several: it uses counts rounded to four binary digits
// (see coarse), so an edit moves the weights of few words instead of every word's.
import { compareFacts, type CompareOptions, type Disagreement, type PassageFacts, type SentenceFacts } from './contest';
import type { Article, Claim, Location } from './types';

/** Distinctive words two sentences must share to be compared (compareFacts then asks for more evidence). */
const MIN_SHARED = 2;
/** The best-matching sentences of other articles compared with each candidate. */
const MAX_PARTNERS = 8;
/** A distinctive word found in more candidate sentences than this is skipped when pairing. */
const MAX_POSTINGS = 40;
/** The distinctiveness threshold stays far below this (about 130 at 200,000 sentences). */
const BY_DF_CAP = 2048;

/** A sentence worth comparing, as the article provides it (see articleCandidates in claims.ts). */
export interface CandidateInput {
  index: number;
  facts: PassageFacts;
  /** Every content stem, then the measure keys ("#deaths"). */
  stems: string[];
}

interface Pair {
  b: Cand;
  /** Shared pairing stems, and the first of them in this candidate's word order: b's rank. */
  n: number;
  first: number;
  /** How this candidate disagrees with b, or null (no conflict, or outside the story window). */
  d: Disagreement | null;
  /** How b disagrees with this candidate, when d is set. */
  back: Disagreement | null;
  /** Whether either comparison rested on a vote between dates, weighted by idf. */
  weighed: boolean;
}

interface Cand {
  article: Article;
  index: number;
  facts: PassageFacts;
  stems: string[];
  alive: boolean;
  /** The top partners in rank order, with the outcome of each comparison. */
  partners: Pair[];
  /** Candidates that have this one among their partners (null while none). */
  incoming: Cand[] | null;
}

interface Rec {
  article: Article;
  sentenceFacts: SentenceFacts[];
  cands: Cand[];
  /** Contested claims by sentence index. */
  contested: Map<number, Claim>;
}

interface StemBefore {
  df: number;
  size: number;
  members: boolean;
}

interface Batch {
  n0: number;
  /** Candidates added by the batch. */
  added: Cand[];
  /** Stems as the settled pairs saw them; not kept when the batch starts from an empty index. */
  before: Map<string, StemBefore> | null;
}

export interface ContestIndex {
  recs: Map<string, Rec>;
  /** Sentence count and per-stem sentence frequency over the whole corpus. */
  n: number;
  df: Map<string, number>;
  /**
   * Stems by sentence frequency, for frequencies up to BY_DF_CAP: when the distinctiveness
   * threshold moves with n, the stems whose class flips are found here without a pass over all stems.
   */
  byDf: Map<number, Set<string>>;
  /** Stem (or measure key) -> candidates holding it, in no particular order. */
  postings: Map<string, Posting>;
  /** Open batch of structural changes whose effects on pairing are not yet worked out. */
  batch: Batch | null;
  /** Candidates to re-pair, and candidates whose conflict list to rebuild. */
  dirty: Set<Cand>;
  touched: Set<Cand>;
  /** Articles whose contested claims changed since the caller last looked. */
  changedArticles: Set<string>;
  /** How many times a candidate was re-paired, in all. */
  repairs: number;
}

export function newContestIndex(): ContestIndex {
  return { recs: new Map(), n: 0, df: new Map(), byDf: new Map(), postings: new Map(), batch: null, dirty: new Set(), touched: new Set(), changedArticles: new Set(), repairs: 0 };
}

// ---- rarity --------------------------------------------------------------------------------------

/**
 * The largest sentence frequency at which a stem is still distinctive among n sentences: idf at
 * least 60% of the maximum, i.e. log(1 + n/(1+df)) >= 0.6 log(1 + n), evaluated exactly as
 * written (the test is monotone in df, so one threshold decides every stem).
 */
export function maxDistinctiveDf(n: number): number {
  if (n <= 0) return Infinity;
  const floor = 0.6 * Math.log(1 + n);
  const ok = (df: number) => Math.log(1 + n / (1 + df)) >= floor;
  let k = Math.max(0, Math.floor(n / (Math.pow(1 + n, 0.6) - 1) - 1));
  while (k > 0 && !ok(k)) k--;
  while (ok(k + 1)) k++;
  return k;
}

/**
 * A count rounded down to its top four binary digits (exact below 16). The idf weights that pick
 * a passage's governing date use rounded counts, so they move only when a count crosses a coarse
 * step rather than on every edit anywhere in the corpus; rare words, whose weight matters most,
 * keep their exact counts.
 */
export function coarse(x: number): number {
  if (x < 16) return x;
  const s = 31 - Math.clz32(x) - 3;
  return (x >>> s) << s;
}

export function rarityOf(ix: ContestIndex): Required<Pick<CompareOptions, 'idf' | 'distinctive'>> {
  const n = coarse(ix.n);
  const max = maxDistinctiveDf(ix.n);
  return {
    idf: (w) => Math.log(1 + n / (1 + coarse(ix.df.get(w) ?? 0))),
    distinctive: (w) => (ix.df.get(w) ?? 0) <= max,
  };
}

// ---- structural changes --------------------------------------------------------------------------

function batchOf(ix: ContestIndex): Batch {
  return (ix.batch ??= { n0: ix.n, added: [], before: ix.n ? new Map() : null });
}

/** Remembers a stem's state as the settled pairs saw it, before the batch changes it. */
function touch(ix: ContestIndex, w: string, members: boolean) {
  const before = batchOf(ix).before;
  if (!before) return;
  let b = before.get(w);
  if (!b) before.set(w, (b = { df: ix.df.get(w) ?? 0, size: sizeOf(ix.postings.get(w)), members: false }));
  if (members) b.members = true;
}

/** Removes one item from an unordered list. */
function unlist<T>(list: T[], x: T) {
  const i = list.indexOf(x);
  if (i < 0) return;
  list[i] = list[list.length - 1];
  list.pop();
}

/**
 * A stem's candidates: a compact list while short (most stems), a Set once long, so that taking
 * one candidate out of a common word's postings does not scan tens of thousands.
 */
type Posting = Cand[] | Set<Cand>;
const LONG_POSTING = 64;
const sizeOf = (p: Posting | undefined) => (p === undefined ? 0 : Array.isArray(p) ? p.length : p.size);

function post(ix: ContestIndex, w: string, c: Cand) {
  const p = ix.postings.get(w);
  if (!p) ix.postings.set(w, [c]);
  else if (!Array.isArray(p)) p.add(c);
  else if (p.push(c) > LONG_POSTING) ix.postings.set(w, new Set(p));
}

function unpost(ix: ContestIndex, w: string, c: Cand) {
  const p = ix.postings.get(w)!;
  if (Array.isArray(p)) unlist(p, c);
  else p.delete(c);
  if (!sizeOf(p)) ix.postings.delete(w);
}

function countSentences(ix: ContestIndex, facts: SentenceFacts[], sign: 1 | -1) {
  batchOf(ix);
  ix.n += sign * facts.length;
  for (const f of facts) {
    for (const w of new Set(f.words.map((x) => x.stem))) {
      touch(ix, w, false);
      const v = (ix.df.get(w) ?? 0) + sign;
      if (v) ix.df.set(w, v);
      else ix.df.delete(w);
    }
  }
}

function dropCandidates(ix: ContestIndex, rec: Rec) {
  for (const c of rec.cands) {
    c.alive = false;
    for (const w of c.stems) {
      touch(ix, w, true);
      unpost(ix, w, c);
    }
    for (const q of c.incoming ?? []) ix.dirty.add(q);
    for (const p of c.partners) {
      if (p.b.incoming) unlist(p.b.incoming, c);
      ix.touched.add(p.b);
    }
  }
  rec.cands = [];
  if (rec.contested.size) ix.changedArticles.add(rec.article.id);
  rec.contested.clear();
}

/** Takes an article out of the index (before it is replaced or removed). */
export function removeArticle(ix: ContestIndex, id: string) {
  const rec = ix.recs.get(id);
  if (!rec) return;
  dropCandidates(ix, rec);
  countSentences(ix, rec.sentenceFacts, -1);
  ix.recs.delete(id);
  ix.changedArticles.add(id);
}

/** Counts an article's sentences; its candidates follow with setCandidates once its dates are known. */
export function addArticle(ix: ContestIndex, article: Article, sentenceFacts: SentenceFacts[]) {
  removeArticle(ix, article.id);
  ix.recs.set(article.id, { article, sentenceFacts, cands: [], contested: new Map() });
  countSentences(ix, sentenceFacts, 1);
  ix.changedArticles.add(article.id);
}

/** Replaces an article's candidates (its dates changed, or it was just added). */
export function setCandidates(ix: ContestIndex, id: string, list: CandidateInput[]) {
  const rec = ix.recs.get(id)!;
  dropCandidates(ix, rec);
  for (const own of list) {
    const c: Cand = { article: rec.article, index: own.index, facts: own.facts, stems: own.stems, alive: true, partners: [], incoming: null };
    rec.cands.push(c);
    batchOf(ix).added.push(c);
    for (const w of c.stems) {
      touch(ix, w, true);
      post(ix, w, c);
    }
    ix.dirty.add(c);
  }
}

/**
 * Closes a batch of structural changes: works out which settled candidates can pair or compare
 * differently now, and marks them dirty. Pairing uses a stem when it is distinctive (or a measure
 * key) and in at most MAX_POSTINGS candidates; comparisons use the rarity class of shared stems
 * and, to weigh a vote between two dates, their (rounded) idf. So a settled candidate changes when
 * - a stem it holds changes rarity class or starts/stops being used for pairing: re-pair all holders;
 * - a removed candidate was among its partners (dirtied when it was removed);
 * - an added candidate would enter its top partners (checked per added candidate below);
 * - the weight of a shared stem moved and one of its comparisons rested on a vote between dates.
 */
export function closeBatch(ix: ContestIndex) {
  const batch = ix.batch;
  if (!batch) return;
  ix.batch = null;
  // From an empty index every candidate is new, hence dirty already.
  if (!batch.before) {
    ix.byDf.clear();
    for (const [w, df] of ix.df) moveDf(ix, w, 0, df);
    return;
  }
  for (const [w, b] of batch.before) {
    const df = ix.df.get(w) ?? 0;
    if (df !== b.df) moveDf(ix, w, b.df, df);
  }
  const max0 = maxDistinctiveDf(batch.n0);
  const max1 = maxDistinctiveDf(ix.n);
  const all = (w: string) => { for (const c of ix.postings.get(w) ?? []) ix.dirty.add(c); };
  // A pair is in the outgoing list of one of its two candidates, which both hold the shared word.
  const weighs = (c: Cand) => c.partners.some((p) => p.weighed);
  if (!Number.isFinite(max0) || !Number.isFinite(max1)) {
    for (const rec of ix.recs.values()) for (const c of rec.cands) ix.dirty.add(c);
    return;
  }
  // Every weight moved (rare: the sentence count must cross a coarse step).
  if (coarse(batch.n0) !== coarse(ix.n)) for (const rec of ix.recs.values()) for (const c of rec.cands) if (weighs(c)) ix.dirty.add(c);
  for (const [w, b] of batch.before) {
    const df = ix.df.get(w) ?? 0;
    const size = sizeOf(ix.postings.get(w));
    const measure = w.startsWith('#');
    const dist0 = measure || b.df <= max0;
    const dist1 = measure || df <= max1;
    if (dist0 !== dist1) { all(w); continue; }
    const used0 = dist0 && b.size <= MAX_POSTINGS;
    const used1 = dist1 && size <= MAX_POSTINGS;
    if (used0 !== used1) { all(w); continue; }
    if (!measure && coarse(b.df) !== coarse(df)) for (const c of ix.postings.get(w) ?? []) if (weighs(c)) ix.dirty.add(c);
  }
  // Stems whose count did not change but whose rarity class did, as the threshold moved with n
  // (rare: about once per few thousand sentences added at 10,000 articles).
  if (max0 !== max1) {
    const lo = Math.min(max0, max1);
    const hi = Math.max(max0, max1);
    for (let k = lo + 1; k <= hi; k++) for (const w of ix.byDf.get(k) ?? []) if (!batch.before.has(w)) all(w);
  }
  const distinctive = (w: string) => (ix.df.get(w) ?? 0) <= max1;
  for (const x of batch.added) if (x.alive) dirtyWhereRanked(ix, x, distinctive);
}

function moveDf(ix: ContestIndex, w: string, from: number, to: number) {
  if (from && from <= BY_DF_CAP) {
    const set = ix.byDf.get(from)!;
    set.delete(w);
    if (!set.size) ix.byDf.delete(from);
  }
  if (to && to <= BY_DF_CAP) {
    const set = ix.byDf.get(to);
    if (set) set.add(w);
    else ix.byDf.set(to, new Set([w]));
  }
}

/**
 * Marks dirty the settled candidates whose top partners a new candidate x would enter. Shared
 * pairing stems are counted from x's side: the count is symmetric, as whether a stem is used for
 * pairing does not depend on who asks.
 */
function dirtyWhereRanked(ix: ContestIndex, x: Cand, distinctive: (w: string) => boolean) {
  const mine = new Set<string>();
  for (const [y, n] of sharedCounts(ix, x, distinctive, mine)) {
    if (ix.dirty.has(y) || !qualifies(x, y, n)) continue;
    if (y.partners.length < MAX_PARTNERS) { ix.dirty.add(y); continue; }
    const last = y.partners[y.partners.length - 1];
    const first = y.stems.findIndex((w) => mine.has(w));
    if (n > last.n || (n === last.n && (first < last.first || (first === last.first && before(x, last.b) < 0)))) ix.dirty.add(y);
  }
}

/** Candidates of other articles sharing pairing stems with a, with how many; `used` collects a's pairing stems. */
function sharedCounts(ix: ContestIndex, a: Cand, distinctive: (w: string) => boolean, used?: Set<string>): Map<Cand, number> {
  const shared = new Map<Cand, number>();
  for (const w of a.stems) {
    if (!w.startsWith('#') && !distinctive(w)) continue;
    const list = ix.postings.get(w)!;
    if (sizeOf(list) > MAX_POSTINGS) continue;
    used?.add(w);
    for (const b of list) if (b.article !== a.article) shared.set(b, (shared.get(b) ?? 0) + 1);
  }
  return shared;
}

/** Enough shared words to compare: two, or one with a count of the same measure. */
function qualifies(a: Cand, b: Cand, n: number): boolean {
  return n >= MIN_SHARED || (n >= 1 && b.facts.measures.some((m) => a.facts.measures.some((x) => x.measure === m.measure)));
}

// ---- pairing -------------------------------------------------------------------------------------

/** Global order of the original corpus-wide pass: by article id, then sentence. */
function before(a: Cand, b: Cand): number {
  return a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : a.index - b.index;
}

/** Coverage of one story appears within weeks; articles published further apart report other events. */
const STORY_WINDOW_DAYS = 30;
function sameStoryWindow(a: Article, b: Article): boolean {
  if (!a.published || !b.published) return true;
  return Math.abs(Date.parse(a.published) - Date.parse(b.published)) <= STORY_WINDOW_DAYS * 86_400_000;
}

/**
 * Same-fact partners through shared distinctive words, best first. A word in too many candidate
 * sentences says little about which fact they report and would make this quadratic, so it is
 * skipped. Ties keep the order of first discovery: by the candidate's word order, then corpus order.
 */
function findPartners(ix: ContestIndex, a: Cand, distinctive: (w: string) => boolean): { b: Cand; n: number; first: number }[] {
  const shared = new Map<Cand, { n: number; first: number }>();
  a.stems.forEach((w, i) => {
    if (!w.startsWith('#') && !distinctive(w)) return;
    const list = ix.postings.get(w)!;
    if (sizeOf(list) > MAX_POSTINGS) return;
    for (const b of list) {
      if (b.article === a.article) continue;
      const s = shared.get(b);
      if (s) s.n++;
      else shared.set(b, { n: 1, first: i });
    }
  });
  const out: { b: Cand; n: number; first: number }[] = [];
  for (const [b, s] of shared) if (qualifies(a, b, s.n)) out.push({ b, n: s.n, first: s.first });
  return out.sort((x, y) => y.n - x.n || x.first - y.first || before(x.b, y.b)).slice(0, MAX_PARTNERS);
}

function repair(ix: ContestIndex, a: Cand, rarity: CompareOptions & { distinctive: (w: string) => boolean }) {
  ix.repairs++;
  for (const p of a.partners) {
    if (p.b.incoming) unlist(p.b.incoming, a);
    if (p.b.alive) ix.touched.add(p.b);
  }
  let weighed = false;
  const opts: CompareOptions = { ...rarity, weighed: () => { weighed = true; } };
  a.partners = findPartners(ix, a, rarity.distinctive).map(({ b, n, first }) => {
    (b.incoming ??= []).push(a);
    ix.touched.add(b);
    weighed = false;
    const d = sameStoryWindow(a.article, b.article) ? compareFacts(a.facts, b.facts, opts) : null;
    const back = d ? compareFacts(b.facts, a.facts, opts) ?? { kind: d.kind, here: d.there, there: d.here } : null;
    return { b, n, first, d, back, weighed };
  });
  ix.touched.add(a);
}

interface Conflict {
  with: Location;
  what: Disagreement;
  outlet: string;
  by: Cand;
  rank: number;
}

/** The contested claim of one candidate: every passage that disagrees, in order of discovery. */
function rebuild(ix: ContestIndex, s: Cand) {
  const rec = ix.recs.get(s.article.id)!;
  const found = new Map<Cand, Conflict>();
  const note = (other: Cand, what: Disagreement, by: Cand, rank: number) => {
    const prev = found.get(other);
    if (prev && (prev.by === by ? prev.rank <= rank : before(prev.by, by) < 0)) return;
    const t = other.article.sentences[other.index];
    found.set(other, { with: { article: other.article.id, start: t.start, end: t.end }, what, outlet: other.article.outlet ?? other.article.id, by, rank });
  };
  s.partners.forEach((p, rank) => { if (p.d && p.b.alive) note(p.b, p.d, s, rank); });
  for (const q of s.incoming ?? []) {
    if (!q.alive) continue;
    const rank = q.partners.findIndex((p) => p.b === s);
    const p = q.partners[rank];
    if (p?.back) note(q, p.back, q, rank);
  }
  const had = rec.contested.has(s.index);
  if (!found.size) {
    if (had) { rec.contested.delete(s.index); ix.changedArticles.add(rec.article.id); }
    return;
  }
  const list = [...found.values()].sort((x, y) => (x.by === y.by ? x.rank - y.rank : before(x.by, y.by)));
  const sentence = s.article.sentences[s.index];
  const kind = list[0].what.kind;
  const detail = list.map((c) => `${c.outlet} says ${c.what.there}`).join('; ');
  const what = kind === 'date' ? 'the date' : kind === 'number' ? 'the figure' : 'whether it is established';
  rec.contested.set(s.index, {
    article: rec.article.id, start: sentence.start, end: sentence.end, text: sentence.text, kind: 'contested', rule: `contested/${kind}`,
    reason: `Other coverage disagrees on ${what}: this article says ${list[0].what.here}; ${detail}.`,
    related: list.map((c) => c.with),
  });
  ix.changedArticles.add(rec.article.id);
}

/** Re-pairs the dirty candidates, then rebuilds the touched conflict lists; false if the deadline came first. */
export function settlePairs(ix: ContestIndex, deadline: number): boolean {
  const rarity = rarityOf(ix);
  const timed = deadline !== Infinity;
  let k = 0;
  for (const c of ix.dirty) {
    if (timed && (++k & 15) === 0 && performance.now() > deadline) return false;
    ix.dirty.delete(c);
    if (c.alive) repair(ix, c, rarity);
  }
  for (const c of ix.touched) {
    if (timed && (++k & 63) === 0 && performance.now() > deadline) return false;
    ix.touched.delete(c);
    if (c.alive) rebuild(ix, c);
  }
  return true;
}

/** The contested claims of one article, by sentence index. */
export function contestedOf(ix: ContestIndex, id: string): Map<number, Claim> | undefined {
  return ix.recs.get(id)?.contested;
}

/**
 * Differences between the index and a recomputation from its articles (for tests): sentence
 * counts, postings, and every candidate's partners and comparisons. Empty when consistent.
 */
export function indexProblems(ix: ContestIndex): string[] {
  const problems: string[] = [];
  const df = new Map<string, number>();
  let n = 0;
  const postings = new Map<string, number>();
  for (const rec of ix.recs.values()) {
    n += rec.sentenceFacts.length;
    for (const f of rec.sentenceFacts) for (const w of new Set(f.words.map((x) => x.stem))) df.set(w, (df.get(w) ?? 0) + 1);
    for (const c of rec.cands) for (const w of c.stems) postings.set(w, (postings.get(w) ?? 0) + 1);
  }
  if (n !== ix.n) problems.push(`n ${ix.n} != ${n}`);
  for (const [w, v] of df) if (ix.df.get(w) !== v) problems.push(`df ${w} ${ix.df.get(w)} != ${v}`);
  if (df.size !== ix.df.size) problems.push(`df size ${ix.df.size} != ${df.size}`);
  for (const [w, v] of df) if (v <= BY_DF_CAP && !ix.byDf.get(v)?.has(w)) problems.push(`byDf ${w}`);
  if ([...ix.byDf.values()].reduce((k, set) => k + set.size, 0) !== [...df.values()].filter((v) => v <= BY_DF_CAP).length) problems.push('byDf size');
  for (const [w, v] of postings) if (sizeOf(ix.postings.get(w)) !== v) problems.push(`postings ${w}`);
  if (postings.size !== ix.postings.size) problems.push('postings size');
  const rarity = rarityOf(ix);
  for (const rec of ix.recs.values()) {
    for (const a of rec.cands) {
      const want = findPartners(ix, a, rarity.distinctive);
      const got = a.partners;
      const where = `${a.article.id}#${a.index}`;
      if (want.length !== got.length || want.some((p, i) => p.b !== got[i].b || p.n !== got[i].n || p.first !== got[i].first)) {
        problems.push(`${where}: partners`);
        continue;
      }
      got.forEach((p) => {
        let weighed = false;
        const opts: CompareOptions = { ...rarity, weighed: () => { weighed = true; } };
        const d = sameStoryWindow(a.article, p.b.article) ? compareFacts(a.facts, p.b.facts, opts) : null;
        const back = d ? compareFacts(p.b.facts, a.facts, opts) ?? { kind: d.kind, here: d.there, there: d.here } : null;
        if (JSON.stringify([d, back, weighed]) !== JSON.stringify([p.d, p.back, p.weighed])) problems.push(`${where}: comparison`);
        if (!p.b.incoming?.includes(a)) problems.push(`${where}: incoming`);
      });
    }
  }
  return problems;
}
