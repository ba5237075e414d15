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
//
// Memory: stems are interned into integer ids (one dictionary per index), each article keeps its
// sentences' distinct stem ids in one Int32Array, each candidate its compact facts (ids) in one
// Int32Array, and a pair only two flags; the wording of a disagreement is worked out again when a
// contested claim is built (it is a function of the current corpus, like everything here).
import { datesDisagree, nearPublication, quantitiesCompatible, type DateMention, type Disagreement, type Measure, type Quantity } from './contest';
import type { Article, Claim, Location } from './types';

/** Distinctive words two sentences must share to be compared (compareFacts then asks for more evidence). */
const MIN_SHARED = 2;
/** The best-matching sentences of other articles compared with each candidate. */
const MAX_PARTNERS = 8;
/** A distinctive word found in more candidate sentences than this is skipped when pairing. */
const MAX_POSTINGS = 40;
/** The distinctiveness threshold stays far below this (about 130 at 200,000 sentences). */
const BY_DF_CAP = 2048;
/** Shared distinctive stems compareFacts asks for (its default minShared). */
const COMPARE_MIN_SHARED = 3;

/** A candidate's facts that are not words: few, and most candidates hold one or two. */
export interface CandidateExtra {
  /** Calendar dates inside the sentence, and the one carried over from before when it has none. */
  dates: DateMention[];
  inherited: DateMention | null;
  quantities: Quantity[];
  measures: Measure[];
  settled: string | null;
  unsettled: string | null;
}

/** A sentence worth comparing, as the article provides it (plain data: the worker ships it; see claims.ts). */
export interface CandidateInput {
  index: number;
  /** Distinct content stems in order of first use, then the distinct measure keys ("#deaths"). */
  stems: string[];
  /** How many of `stems` are content stems. */
  content: number;
  /** Each content word's stem and offset, in order; kept only when the sentence has two dates or more (they vote). */
  words: string[];
  starts: number[];
  /** Names in the sentence and the one before (distinct), and the stems of directly negated words. */
  names: string[];
  negated: string[];
  x: CandidateExtra;
}

// A candidate in its Int32Array, from `o`: a header of counts, then the lists of stem ids (stems,
// words, word offsets, names, negated), then the extras: dates as (start, end, value id) with the
// inherited one last ((-1, -1, -1) when none), quantities and measures as (start, end, unit id,
// bound, value as two halves of a float64), and the settled and unsettled cue ids (-1 when none).
// A date's or quantity's text is the article's text between its offsets.
const H_STEMS = 0;
const H_CONTENT = 1;
const H_WORDS = 2;
const H_NAMES = 3;
const H_NEG = 4;
const H_DATES = 5;
const H_QUANT = 6;
const H_MEAS = 7;
const HEADER = 8;
const BOUNDS: Quantity['bound'][] = ['eq', 'approx', 'gt', 'lt'];
const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);

interface Cand {
  rec: Rec;
  index: number;
  data: Int32Array;
  o: number;
  alive: boolean;
  /** The top partners in rank order (null while none), and for each its packed pair info (see pack). */
  partners: Cand[] | null;
  pinfo: number[] | null;
  /** Candidates that have this one among their partners (null while none). */
  incoming: Cand[] | null;
}

/** Pair info: shared pairing stems n, the first of them in this candidate's order, whether either comparison weighed dates, whether they disagree. */
const pack = (n: number, first: number, weighed: boolean, conflict: boolean) => Math.min(n, 0x7ff) | (Math.min(first, 0x1fff) << 11) | (weighed ? 1 << 24 : 0) | (conflict ? 1 << 25 : 0);
const pairN = (p: number) => p & 0x7ff;
const pairFirst = (p: number) => (p >> 11) & 0x1fff;
const pairWeighed = (p: number) => (p & (1 << 24)) !== 0;
const pairConflict = (p: number) => (p & (1 << 25)) !== 0;

interface Rec {
  article: Article;
  /** Each sentence's distinct content stem ids, one sentence after the other (the sentence counts need only these). */
  stems: Int32Array;
  cands: Cand[];
  /** Contested claims by sentence index (null while none). */
  contested: Map<number, Claim> | null;
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
  before: Map<number, StemBefore> | null;
}

export interface ContestIndex {
  recs: Map<string, Rec>;
  /** Stem (or measure key, or name) -> id, and back. */
  ids: Map<string, number>;
  words: string[];
  /** Sentence count and per-stem sentence frequency (by id) over the whole corpus. */
  n: number;
  df: Int32Array;
  /**
   * Stems by sentence frequency, for frequencies up to BY_DF_CAP: when the distinctiveness
   * threshold moves with n, the stems whose class flips are found here without a pass over all stems.
   */
  byDf: Map<number, Set<number>>;
  /** Stem id -> candidates holding it, in no particular order. */
  postings: (Posting | undefined)[];
  /** Open batch of structural changes whose effects on pairing are not yet worked out. */
  batch: Batch | null;
  /** A closed batch whose effects a step left part-way (see closeBatch). */
  closing: Generator<void, void, void> | null;
  /**
   * Candidates added by closed batches, not yet checked for entering settled candidates' top
   * partners (from rankAt on): done in settlePairs, in slices, before any re-pairing.
   */
  ranking: Cand[];
  rankAt: number;
  /** Candidates to re-pair, and candidates whose conflict list to rebuild. */
  dirty: Set<Cand>;
  touched: Set<Cand>;
  /** Articles whose contested claims changed since the caller last looked. */
  changedArticles: Set<string>;
  /** How many times a candidate was re-paired, in all. */
  repairs: number;
}

export function newContestIndex(): ContestIndex {
  return {
    recs: new Map(), ids: new Map(), words: [], n: 0, df: new Int32Array(1024), byDf: new Map(), postings: [], batch: null, closing: null,
    ranking: [], rankAt: 0, dirty: new Set(), touched: new Set(), changedArticles: new Set(), repairs: 0,
  };
}

/** The id of a stem, added to the dictionary when new (the dictionary only grows: ids stay valid). */
function idOf(ix: ContestIndex, w: string): number {
  let id = ix.ids.get(w);
  if (id === undefined) {
    id = ix.words.length;
    ix.ids.set(w, id);
    ix.words.push(w);
    // Kept as long as the dictionary, so the array stays dense.
    ix.postings.push(undefined);
    if (id >= ix.df.length) {
      const grown = new Int32Array(ix.df.length * 2);
      grown.set(ix.df);
      ix.df = grown;
    }
  }
  return id;
}

const isMeasure = (ix: ContestIndex, w: number) => ix.words[w].charCodeAt(0) === 35; // "#deaths"

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

interface Rarity {
  idf: (w: number) => number;
  distinctive: (w: number) => boolean;
}

function rarityOf(ix: ContestIndex): Rarity {
  const n = coarse(ix.n);
  const max = maxDistinctiveDf(ix.n);
  const df = ix.df;
  return {
    idf: (w) => Math.log(1 + n / (1 + coarse(df[w]))),
    distinctive: (w) => df[w] <= max,
  };
}

// ---- structural changes --------------------------------------------------------------------------

function batchOf(ix: ContestIndex): Batch {
  return (ix.batch ??= { n0: ix.n, added: [], before: ix.n ? new Map() : null });
}

/** Remembers a stem's state as the settled pairs saw it, before the batch changes it. */
function touch(ix: ContestIndex, w: number, members: boolean) {
  const before = batchOf(ix).before;
  if (!before) return;
  let b = before.get(w);
  if (!b) before.set(w, (b = { df: ix.df[w], size: sizeOf(ix.postings[w]), members: false }));
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
 * A stem's candidates: an exact-size list while short (most stems). A long one (a common word's)
 * leaves a removed candidate in place, no longer alive, until the removed outnumber the live, so
 * that taking one out does not scan tens of thousands, at 8 bytes an entry where a Set takes ~30.
 */
interface LongPosting {
  all: Cand[];
  live: number;
}
type Posting = Cand[] | LongPosting;
const LONG_POSTING = 64;
/** Lists up to this length grow by exact copies (a push would reserve 17 slots or more). */
const EXACT = 8;
const sizeOf = (p: Posting | undefined) => (p === undefined ? 0 : Array.isArray(p) ? p.length : p.live);
/** A posting's entries; a long one's include removed candidates (not alive), which callers skip. */
const entriesOf = (p: Posting | undefined): readonly Cand[] => (p === undefined ? [] : Array.isArray(p) ? p : p.all);

/** The list with x added: an exact copy while short. */
function appended<T>(list: T[] | null, x: T): T[] {
  if (!list) return [x];
  if (list.length < EXACT) return list.concat([x]);
  list.push(x);
  return list;
}

function post(ix: ContestIndex, w: number, c: Cand) {
  const p = ix.postings[w];
  if (!p) ix.postings[w] = [c];
  else if (!Array.isArray(p)) { p.all.push(c); p.live++; }
  else if (p.length >= LONG_POSTING) ix.postings[w] = { all: p.concat([c]), live: p.length + 1 };
  else ix.postings[w] = appended(p, c);
}

/** Takes a candidate out (it is no longer alive). */
function unpost(ix: ContestIndex, w: number, c: Cand) {
  const p = ix.postings[w]!;
  if (Array.isArray(p)) {
    unlist(p, c);
    if (!p.length) ix.postings[w] = undefined;
    return;
  }
  p.live--;
  if (p.live <= LONG_POSTING / 2) ix.postings[w] = p.live ? p.all.filter((x) => x.alive) : undefined;
  else if (p.all.length > 2 * p.live) p.all = p.all.filter((x) => x.alive);
}

function countSentences(ix: ContestIndex, rec: Rec, sign: 1 | -1) {
  batchOf(ix);
  ix.n += sign * rec.article.sentences.length;
  for (const w of rec.stems) {
    touch(ix, w, false);
    ix.df[w] += sign;
  }
}

function dropCandidates(ix: ContestIndex, rec: Rec) {
  for (const c of rec.cands) {
    c.alive = false;
    for (let i = 0, n = c.data[c.o + H_STEMS]; i < n; i++) {
      const w = c.data[c.o + HEADER + i];
      touch(ix, w, true);
      unpost(ix, w, c);
    }
    for (const q of c.incoming ?? []) ix.dirty.add(q);
    for (const b of c.partners ?? []) {
      if (b.incoming) unlist(b.incoming, c);
      ix.touched.add(b);
    }
  }
  rec.cands = [];
  if (rec.contested) ix.changedArticles.add(rec.article.id);
  rec.contested = null;
}

/** Whether the index holds (a version of) this article. */
export function hasArticle(ix: ContestIndex, id: string): boolean {
  return ix.recs.has(id);
}

/** Takes an article out of the index (before it is replaced or removed). */
export function removeArticle(ix: ContestIndex, id: string) {
  const rec = ix.recs.get(id);
  if (!rec) return;
  dropCandidates(ix, rec);
  countSentences(ix, rec, -1);
  ix.recs.delete(id);
  ix.changedArticles.add(id);
}

/**
 * Counts an article's sentences from each one's distinct content stems (one list per sentence of
 * the article); its candidates follow with setCandidates.
 */
export function addArticle(ix: ContestIndex, article: Article, sentenceStems: readonly (readonly string[])[]) {
  removeArticle(ix, article.id);
  let total = 0;
  for (const s of sentenceStems) total += s.length;
  const stems = new Int32Array(total);
  let k = 0;
  for (const s of sentenceStems) for (const w of s) stems[k++] = idOf(ix, w);
  const rec: Rec = { article, stems, cands: [], contested: null };
  ix.recs.set(article.id, rec);
  countSentences(ix, rec, 1);
  ix.changedArticles.add(article.id);
}

function sizeOfInput(own: CandidateInput): number {
  const x = own.x;
  return HEADER + own.stems.length + 2 * own.words.length + own.names.length + own.negated.length + 3 * (x.dates.length + 1) + 6 * (x.quantities.length + x.measures.length) + 2;
}

/** Writes one candidate from `o`; returns where the next one starts. */
function writeCandidate(ix: ContestIndex, data: Int32Array, o: number, own: CandidateInput): number {
  const x = own.x;
  data[o + H_STEMS] = own.stems.length;
  data[o + H_CONTENT] = own.content;
  data[o + H_WORDS] = own.words.length;
  data[o + H_NAMES] = own.names.length;
  data[o + H_NEG] = own.negated.length;
  data[o + H_DATES] = x.dates.length;
  data[o + H_QUANT] = x.quantities.length;
  data[o + H_MEAS] = x.measures.length;
  let k = o + HEADER;
  for (const w of own.stems) data[k++] = idOf(ix, w);
  for (const w of own.words) data[k++] = idOf(ix, w);
  for (const v of own.starts) data[k++] = v;
  for (const w of own.names) data[k++] = idOf(ix, w);
  for (const w of own.negated) data[k++] = idOf(ix, w);
  const date = (d: DateMention | null) => {
    data[k++] = d ? d.start : -1;
    data[k++] = d ? d.end : -1;
    data[k++] = d ? idOf(ix, d.value) : -1;
  };
  for (const d of x.dates) date(d);
  date(x.inherited);
  const quantity = (q: Quantity, unit: string) => {
    data[k++] = q.start;
    data[k++] = q.end;
    data[k++] = idOf(ix, unit);
    data[k++] = BOUNDS.indexOf(q.bound);
    F64[0] = q.value;
    data[k++] = I32[0];
    data[k++] = I32[1];
  };
  for (const q of x.quantities) quantity(q, q.unit);
  for (const m of x.measures) quantity(m, m.measure);
  data[k++] = x.settled === null ? -1 : idOf(ix, x.settled);
  data[k++] = x.unsettled === null ? -1 : idOf(ix, x.unsettled);
  return k;
}

/** Replaces an article's candidates (its dates changed, or it was just added). */
export function setCandidates(ix: ContestIndex, id: string, list: readonly CandidateInput[]) {
  const rec = ix.recs.get(id)!;
  dropCandidates(ix, rec);
  let size = 0;
  for (const own of list) size += sizeOfInput(own);
  const data = new Int32Array(size);
  const cands: Cand[] = new Array(list.length);
  let o = 0;
  for (const [i, own] of list.entries()) {
    const c: Cand = { rec, index: own.index, data, o, alive: true, partners: null, pinfo: null, incoming: null };
    o = writeCandidate(ix, data, o, own);
    cands[i] = c;
    batchOf(ix).added.push(c);
    for (let i = 0; i < own.stems.length; i++) {
      const w = data[stemsAt(c) + i];
      touch(ix, w, true);
      post(ix, w, c);
    }
    ix.dirty.add(c);
  }
  rec.cands = cands;
}

// ---- a candidate's lists -------------------------------------------------------------------------

const stemsAt = (c: Cand) => c.o + HEADER;
const wordsAt = (c: Cand) => stemsAt(c) + c.data[c.o + H_STEMS];
const startsAt = (c: Cand) => wordsAt(c) + c.data[c.o + H_WORDS];
const namesAt = (c: Cand) => startsAt(c) + c.data[c.o + H_WORDS];
const negatedAt = (c: Cand) => namesAt(c) + c.data[c.o + H_NAMES];
const datesAt = (c: Cand) => negatedAt(c) + c.data[c.o + H_NEG];
const quantitiesAt = (c: Cand) => datesAt(c) + 3 * (c.data[c.o + H_DATES] + 1);
const measuresAt = (c: Cand) => quantitiesAt(c) + 6 * c.data[c.o + H_QUANT];
const stanceAt = (c: Cand) => measuresAt(c) + 6 * c.data[c.o + H_MEAS];

/** A date of a candidate, by the position of its triple (see datesAt), as DateMention. */
function dateAt(ix: ContestIndex, c: Cand, at: number): DateMention {
  const start = c.data[at];
  const end = c.data[at + 1];
  return { start, end, text: c.rec.article.text.slice(start, end), value: ix.words[c.data[at + 2]] };
}

/** A candidate's quantities (or measures), rebuilt as objects: only comparisons that get this far ask. */
function quantitiesOf(ix: ContestIndex, c: Cand, measures: boolean): Measure[] {
  const out: Measure[] = [];
  const at = measures ? measuresAt(c) : quantitiesAt(c);
  const n = c.data[c.o + (measures ? H_MEAS : H_QUANT)];
  for (let i = 0; i < n; i++) {
    const k = at + 6 * i;
    const start = c.data[k];
    const end = c.data[k + 1];
    I32[0] = c.data[k + 4];
    I32[1] = c.data[k + 5];
    const unit = ix.words[c.data[k + 2]];
    out.push({ start, end, text: c.rec.article.text.slice(start, end), value: F64[0], unit, bound: BOUNDS[c.data[k + 3]], measure: measures ? unit : '' });
  }
  return out;
}

const cueOf = (ix: ContestIndex, c: Cand, which: 0 | 1): string | null => {
  const id = c.data[stanceAt(c) + which];
  return id < 0 ? null : ix.words[id];
};

function holds(data: Int32Array, from: number, n: number, w: number): boolean {
  for (let i = from, end = from + n; i < end; i++) if (data[i] === w) return true;
  return false;
}

const hasName = (c: Cand, w: number) => holds(c.data, namesAt(c), c.data[c.o + H_NAMES], w);
const isNegated = (c: Cand, w: number) => holds(c.data, negatedAt(c), c.data[c.o + H_NEG], w);

function namesMeet(a: Cand, b: Cand): boolean {
  const from = namesAt(a);
  for (let i = from, end = from + a.data[a.o + H_NAMES]; i < end; i++) if (hasName(b, a.data[i])) return true;
  return false;
}

/**
 * Closes a batch of structural changes: works out which settled candidates can pair or compare
 * differently now, and marks them dirty. Pairing uses a stem when it is distinctive (or a measure
 * key) and in at most MAX_POSTINGS candidates; comparisons use the rarity class of shared stems
 * and, to weigh a vote between two dates, their (rounded) idf. So a settled candidate changes when
 * - a stem it holds changes rarity class or starts/stops being used for pairing: re-pair all holders;
 * - a removed candidate was among its partners (dirtied when it was removed);
 * - an added candidate would enter its top partners (checked per added candidate in settlePairs, see rankAdded);
 * - the weight of a shared stem moved and one of its comparisons rested on a vote between dates.
 * Resumable: with `late`, it stops between steps (false) and the next call goes on; the caller changes
 * nothing in the index meanwhile (isClosing), so the result is the uncut close's.
 */
export function closeBatch(ix: ContestIndex, late: () => boolean = () => false): boolean {
  if (!ix.closing) {
    const batch = ix.batch;
    if (!batch) return true;
    ix.batch = null;
    ix.closing = closeSteps(ix, batch);
  }
  // At least one step per call, so a spent deadline still makes progress.
  for (let r = ix.closing.next(); !r.done; r = ix.closing.next()) if (late()) return false;
  ix.closing = null;
  return true;
}

/** Whether a closeBatch is part-way: nothing may change the index until it ends. */
export const isClosing = (ix: ContestIndex): boolean => ix.closing !== null;

/**
 * Stems (or articles) a closing step takes between two looks at the clock: a full settle's batch at 10k
 * articles touches thousands of stems, and an uncut close ran up to 42 ms. Tests cut it finer.
 */
export const closeSlicing = { stems: 256 };

function* closeSteps(ix: ContestIndex, batch: Batch): Generator<void, void, void> {
  let k = 0;
  const tick = () => ++k % closeSlicing.stems === 0;
  // From an empty index every candidate is new, hence dirty already.
  if (!batch.before) {
    ix.byDf.clear();
    for (let w = 0; w < ix.words.length; w++) {
      if (ix.df[w]) moveDf(ix, w, 0, ix.df[w]);
      if (tick()) yield;
    }
    return;
  }
  for (const [w, b] of batch.before) {
    const df = ix.df[w];
    if (df !== b.df) moveDf(ix, w, b.df, df);
    if (tick()) yield;
  }
  const max0 = maxDistinctiveDf(batch.n0);
  const max1 = maxDistinctiveDf(ix.n);
  const all = (w: number) => { for (const c of entriesOf(ix.postings[w])) if (c.alive) ix.dirty.add(c); };
  // A pair is in the outgoing list of one of its two candidates, which both hold the shared word.
  const weighs = (c: Cand) => !!c.pinfo && c.pinfo.some(pairWeighed);
  if (!Number.isFinite(max0) || !Number.isFinite(max1)) {
    for (const rec of ix.recs.values()) {
      for (const c of rec.cands) ix.dirty.add(c);
      if (tick()) yield;
    }
    return;
  }
  // Every weight moved (rare: the sentence count must cross a coarse step).
  if (coarse(batch.n0) !== coarse(ix.n)) {
    for (const rec of ix.recs.values()) {
      for (const c of rec.cands) if (weighs(c)) ix.dirty.add(c);
      if (tick()) yield;
    }
  }
  for (const [w, b] of batch.before) {
    if (tick()) yield;
    const df = ix.df[w];
    const size = sizeOf(ix.postings[w]);
    const measure = isMeasure(ix, w);
    const dist0 = measure || b.df <= max0;
    const dist1 = measure || df <= max1;
    if (dist0 !== dist1) { all(w); continue; }
    const used0 = dist0 && b.size <= MAX_POSTINGS;
    const used1 = dist1 && size <= MAX_POSTINGS;
    if (used0 !== used1) { all(w); continue; }
    if (!measure && coarse(b.df) !== coarse(df)) for (const c of entriesOf(ix.postings[w])) if (c.alive && weighs(c)) ix.dirty.add(c);
  }
  // Stems whose count did not change but whose rarity class did, as the threshold moved with n
  // (rare: about once per few thousand sentences added at 10,000 articles).
  if (max0 !== max1) {
    const lo = Math.min(max0, max1);
    const hi = Math.max(max0, max1);
    for (let d = lo + 1; d <= hi; d++) {
      for (const w of ix.byDf.get(d) ?? []) {
        if (!batch.before.has(w)) all(w);
        if (tick()) yield;
      }
    }
  }
  // Which settled candidates the added ones would enter the top partners of: checked in settlePairs, resumably.
  for (const x of batch.added) ix.ranking.push(x);
}

function moveDf(ix: ContestIndex, w: number, from: number, to: number) {
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
function dirtyWhereRanked(ix: ContestIndex, x: Cand, distinctive: (w: number) => boolean) {
  const mine = new Set<number>();
  for (const [y, n] of sharedCounts(ix, x, distinctive, mine)) {
    if (ix.dirty.has(y) || !qualifies(x, y, n)) continue;
    if (!y.partners || y.partners.length < MAX_PARTNERS) { ix.dirty.add(y); continue; }
    const lastB = y.partners[y.partners.length - 1];
    const last = y.pinfo![y.pinfo!.length - 1];
    let first = -1;
    for (let i = 0, from = stemsAt(y), m = y.data[y.o + H_STEMS]; i < m; i++) if (mine.has(y.data[from + i])) { first = i; break; }
    const ln = pairN(last);
    const lf = pairFirst(last);
    if (n > ln || (n === ln && (first < lf || (first === lf && before(x, lastB) < 0)))) ix.dirty.add(y);
  }
}

/** Candidates of other articles sharing pairing stems with a, with how many; `used` collects a's pairing stems. */
function sharedCounts(ix: ContestIndex, a: Cand, distinctive: (w: number) => boolean, used?: Set<number>): Map<Cand, number> {
  const shared = new Map<Cand, number>();
  for (let i = 0, from = stemsAt(a), m = a.data[a.o + H_STEMS]; i < m; i++) {
    const w = a.data[from + i];
    if (!distinctive(w) && !isMeasure(ix, w)) continue;
    const list = ix.postings[w];
    if (sizeOf(list) > MAX_POSTINGS) continue;
    used?.add(w);
    for (const b of entriesOf(list)) if (b.alive && b.rec.article !== a.rec.article) shared.set(b, (shared.get(b) ?? 0) + 1);
  }
  return shared;
}

/** Enough shared words to compare: two, or one with a count of the same measure (the measure keys end the stems). */
function qualifies(a: Cand, b: Cand, n: number): boolean {
  if (n >= MIN_SHARED) return true;
  if (n < 1) return false;
  const aFrom = stemsAt(a);
  const bFrom = stemsAt(b);
  const bContent = b.data[b.o + H_CONTENT];
  for (let i = a.data[a.o + H_CONTENT], m = a.data[a.o + H_STEMS]; i < m; i++) {
    if (holds(b.data, bFrom + bContent, b.data[b.o + H_STEMS] - bContent, a.data[aFrom + i])) return true;
  }
  return false;
}

// ---- comparing two candidates --------------------------------------------------------------------

/**
 * How candidate a disagrees with candidate b about the fact they share, or null: compareFacts
 * (contest.ts) over the compact facts, step for step, with the index's rarity.
 */
function compareCands(ix: ContestIndex, a: Cand, b: Cand, r: Rarity, weighed?: () => void): Disagreement | null {
  const aPub = a.rec.article.published ?? null;
  const bPub = b.rec.article.published ?? null;
  const meet = namesMeet(a, b);
  // measuresDisagree
  if (a.data[a.o + H_MEAS] && b.data[b.o + H_MEAS] && aPub && aPub === bPub && meet) {
    const bm = quantitiesOf(ix, b, true);
    for (const x of quantitiesOf(ix, a, true)) {
      const ys = bm.filter((y) => y.measure === x.measure);
      if (ys.length && !ys.some((y) => quantitiesCompatible(x, y))) {
        return { kind: 'number', here: `\u201c${x.text.trim()}\u201d (${x.measure})`, there: `\u201c${ys[0].text.trim()}\u201d (${x.measure})` };
      }
    }
  }
  // The content stems both hold, in a's order of first use.
  const shared: number[] = [];
  const bFrom = stemsAt(b);
  const bContent = b.data[b.o + H_CONTENT];
  for (let i = 0, from = stemsAt(a), m = a.data[a.o + H_CONTENT]; i < m; i++) {
    const w = a.data[from + i];
    if (holds(b.data, bFrom, bContent, w)) shared.push(w);
  }
  let rare = 0;
  let rareWords = 0;
  for (const w of shared) {
    if (!r.distinctive(w)) continue;
    rare++;
    if (!hasName(a, w) && !hasName(b, w)) rareWords++;
  }
  const min = COMPARE_MIN_SHARED;
  const shortFact = rareWords >= Math.max(2, min - 1) && shared.length >= min && meet;
  if (rare < min && !shortFact) return null;
  const weakMatch = rare < min;
  if (a.data[a.o + H_NAMES] && b.data[b.o + H_NAMES] && !meet) return null;

  const ga = governingDate(a, shared, r.idf, weighed);
  const gb = governingDate(b, shared, r.idf, weighed);
  if (ga >= 0 && gb >= 0) {
    const da = dateAt(ix, a, ga);
    const db = dateAt(ix, b, gb);
    const ownDay = (pub: string | null, d: DateMention) => !!pub && nearPublication(d.value, pub);
    const twoDays = aPub && bPub && aPub !== bPub && ownDay(aPub, da) && ownDay(bPub, db);
    const explicit = (d: DateMention) => /\b(?:1[89]|20)\d\d\b/.test(d.text);
    if (!twoDays && (!weakMatch || (explicit(da) && explicit(db))) && datesDisagree(da.value, db.value)) {
      return { kind: 'date', here: `\u201c${da.text}\u201d (${da.value})`, there: `\u201c${db.text}\u201d (${db.value})` };
    }
  }
  if (weakMatch) return null;

  if (meet && a.data[a.o + H_QUANT] && b.data[b.o + H_QUANT]) {
    const aq = quantitiesOf(ix, a, false);
    const bq = quantitiesOf(ix, b, false);
    for (const unit of new Set(aq.map((q) => q.unit))) {
      const qa = aq.filter((q) => q.unit === unit);
      const qb = bq.filter((q) => q.unit === unit);
      if (!qb.length) continue;
      if (!qa.some((x) => qb.some((y) => quantitiesCompatible(x, y)))) {
        return { kind: 'number', here: `\u201c${qa[0].text}\u201d`, there: `\u201c${qb[0].text}\u201d` };
      }
    }
  }

  const aSettled = cueOf(ix, a, 0);
  const aUnsettled = cueOf(ix, a, 1);
  const bSettled = cueOf(ix, b, 0);
  const bUnsettled = cueOf(ix, b, 1);
  if ((aSettled && bUnsettled) || (aUnsettled && bSettled)) {
    return { kind: 'stance', here: `\u201c${aSettled ?? aUnsettled}\u201d`, there: `\u201c${bSettled ?? bUnsettled}\u201d` };
  }
  for (const s of shared) {
    const na = isNegated(a, s);
    const nb = isNegated(b, s);
    if (na !== nb && r.distinctive(s)) {
      const word = ix.words[s];
      const w = (neg: boolean) => (neg ? `not \u201c${word}\u2026\u201d` : `\u201c${word}\u2026\u201d`);
      return { kind: 'stance', here: w(na), there: w(nb) };
    }
  }
  return null;
}

/**
 * governingDate (contest.ts) over a candidate's kept words: each shared word votes, by rarity, for
 * its nearest date. The position of the winning date's triple (see datesAt), or -1 for none.
 */
function governingDate(p: Cand, shared: number[], idf: (w: number) => number, weighed?: () => void): number {
  const nDates = p.data[p.o + H_DATES];
  const at = datesAt(p);
  if (!nDates) return p.data[at] < 0 ? -1 : at;
  if (nDates === 1) return at;
  // Votes per date, and the dates in order of their first vote (a tie goes to the first).
  const votes: number[] = new Array(nDates).fill(0);
  const order: number[] = [];
  const words = wordsAt(p);
  const starts = startsAt(p);
  for (let i = 0, m = p.data[p.o + H_WORDS]; i < m; i++) {
    const w = p.data[words + i];
    if (!shared.includes(w)) continue;
    const start = p.data[starts + i];
    let best = -1;
    let bestDist = Infinity;
    for (let k = 0; k < nDates; k++) {
      const ds = p.data[at + 3 * k];
      const de = p.data[at + 3 * k + 1];
      if (start >= ds && start < de) continue;
      const dist = start >= de ? start - de : (ds - start) * 1.5;
      if (dist < bestDist) {
        bestDist = dist;
        best = k;
      }
    }
    if (best < 0) continue;
    if (!order.includes(best)) order.push(best);
    votes[best] += idf(w);
  }
  if (order.length > 1) weighed?.();
  let winner = -1;
  let most = 0;
  for (const k of order) if (votes[k] > most) [winner, most] = [at + 3 * k, votes[k]];
  return winner;
}

// ---- pairing -------------------------------------------------------------------------------------

/** Global order of the original corpus-wide pass: by article id, then sentence. */
function before(a: Cand, b: Cand): number {
  const x = a.rec.article.id;
  const y = b.rec.article.id;
  return x < y ? -1 : x > y ? 1 : a.index - b.index;
}

/** Coverage of one story appears within weeks; articles published further apart report other events. */
const STORY_WINDOW_DAYS = 30;
function sameStoryWindow(a: Article, b: Article): boolean {
  if (!a.published || !b.published) return true;
  return Math.abs(Date.parse(a.published) - Date.parse(b.published)) <= STORY_WINDOW_DAYS * 86_400_000;
}

interface Found {
  b: Cand;
  n: number;
  first: number;
}

/**
 * Same-fact partners through shared distinctive words, best first. A word in too many candidate
 * sentences says little about which fact they report and would make this quadratic, so it is
 * skipped. Ties keep the order of first discovery: by the candidate's word order, then corpus order.
 */
function findPartners(ix: ContestIndex, a: Cand, distinctive: (w: number) => boolean): Found[] {
  const shared = new Map<Cand, Found>();
  for (let i = 0, from = stemsAt(a), m = a.data[a.o + H_STEMS]; i < m; i++) {
    const w = a.data[from + i];
    if (!distinctive(w) && !isMeasure(ix, w)) continue;
    const list = ix.postings[w];
    if (sizeOf(list) > MAX_POSTINGS) continue;
    for (const b of entriesOf(list)) {
      if (!b.alive || b.rec.article === a.rec.article) continue;
      const s = shared.get(b);
      if (s) s.n++;
      else shared.set(b, { b, n: 1, first: i });
    }
  }
  const out: Found[] = [];
  for (const s of shared.values()) if (qualifies(a, s.b, s.n)) out.push(s);
  return out.sort((x, y) => y.n - x.n || x.first - y.first || before(x.b, y.b)).slice(0, MAX_PARTNERS);
}

/** The outcome of comparing a with b both ways: whether they disagree, and whether a vote between dates decided it. */
function comparePair(ix: ContestIndex, a: Cand, b: Cand, r: Rarity): { conflict: boolean; weighed: boolean } {
  let weighed = false;
  const onWeighed = () => { weighed = true; };
  const d = sameStoryWindow(a.rec.article, b.rec.article) ? compareCands(ix, a, b, r, onWeighed) : null;
  // The way back is compared for its weights only; its wording is worked out when a claim is built.
  if (d) compareCands(ix, b, a, r, onWeighed);
  return { conflict: !!d, weighed };
}

function repair(ix: ContestIndex, a: Cand, r: Rarity) {
  ix.repairs++;
  for (const b of a.partners ?? []) {
    if (b.incoming) unlist(b.incoming, a);
    if (b.alive) ix.touched.add(b);
  }
  const found = findPartners(ix, a, r.distinctive);
  // Exact-size lists (map), as most candidates have one or two partners.
  a.partners = found.length ? found.map((f) => f.b) : null;
  a.pinfo = found.length ? found.map(({ b, n, first }) => {
    b.incoming = appended(b.incoming, a);
    ix.touched.add(b);
    const { conflict, weighed } = comparePair(ix, a, b, r);
    return pack(n, first, weighed, conflict);
  }) : null;
  ix.touched.add(a);
}

interface Conflict {
  with: Location;
  what: Disagreement;
  outlet: string;
  by: Cand;
  rank: number;
}

const swap = (d: Disagreement): Disagreement => ({ kind: d.kind, here: d.there, there: d.here });

/** The contested claim of one candidate: every passage that disagrees, in order of discovery. */
function rebuild(ix: ContestIndex, s: Cand, r: Rarity) {
  const rec = s.rec;
  const found = new Map<Cand, Conflict>();
  const note = (other: Cand, what: Disagreement, by: Cand, rank: number) => {
    const prev = found.get(other);
    if (prev && (prev.by === by ? prev.rank <= rank : before(prev.by, by) < 0)) return;
    const oa = other.rec.article;
    const t = oa.sentences[other.index];
    found.set(other, { with: { article: oa.id, start: t.start, end: t.end }, what, outlet: oa.outlet ?? oa.id, by, rank });
  };
  s.partners?.forEach((b, rank) => {
    if (!pairConflict(s.pinfo![rank]) || !b.alive) return;
    const d = compareCands(ix, s, b, r);
    if (d) note(b, d, s, rank);
  });
  for (const q of s.incoming ?? []) {
    if (!q.alive || !q.partners) continue;
    const rank = q.partners.indexOf(s);
    if (rank < 0 || !pairConflict(q.pinfo![rank])) continue;
    const back = compareCands(ix, s, q, r) ?? swapped(compareCands(ix, q, s, r));
    if (back) note(q, back, q, rank);
  }
  const had = !!rec.contested?.has(s.index);
  if (!found.size) {
    if (had) {
      rec.contested!.delete(s.index);
      if (!rec.contested!.size) rec.contested = null;
      ix.changedArticles.add(rec.article.id);
    }
    return;
  }
  const list = [...found.values()].sort((x, y) => (x.by === y.by ? x.rank - y.rank : before(x.by, y.by)));
  const sentence = rec.article.sentences[s.index];
  const kind = list[0].what.kind;
  const detail = list.map((c) => `${c.outlet} says ${c.what.there}`).join('; ');
  const what = kind === 'date' ? 'the date' : kind === 'number' ? 'the figure' : 'whether it is established';
  (rec.contested ??= new Map()).set(s.index, {
    article: rec.article.id, start: sentence.start, end: sentence.end, text: sentence.text, kind: 'contested', rule: `contested/${kind}`,
    reason: `Other coverage disagrees on ${what}: this article says ${list[0].what.here}; ${detail}.`,
    related: list.map((c) => c.with),
  });
  ix.changedArticles.add(rec.article.id);
}

const swapped = (d: Disagreement | null) => (d ? swap(d) : null);

/**
 * Marks dirty the settled candidates that the added candidates would enter the top partners of,
 * until `late`; false when it stopped early. Done before any re-pairing, so every settled
 * candidate's partners are still those the check compares with. A check left over from an
 * earlier batch uses the current rarity: a stem whose use for pairing changed since then had all
 * its holders marked dirty when that batch closed, so the shared counts it compares are the same.
 */
function rankAdded(ix: ContestIndex, late: () => boolean): boolean {
  if (ix.rankAt >= ix.ranking.length) return true;
  const max = maxDistinctiveDf(ix.n);
  const distinctive = (w: number) => ix.df[w] <= max;
  while (ix.rankAt < ix.ranking.length) {
    if (late()) return false;
    const x = ix.ranking[ix.rankAt++];
    if (x.alive) dirtyWhereRanked(ix, x, distinctive);
  }
  ix.ranking = [];
  ix.rankAt = 0;
  return true;
}

/**
 * Re-pairs the dirty candidates, then rebuilds the touched conflict lists; false if the deadline
 * came first. The clock is read every few steps: one step is a fraction of a millisecond.
 */
export function settlePairs(ix: ContestIndex, deadline: number): boolean {
  const timed = deadline !== Infinity;
  let k = 0;
  if (!rankAdded(ix, () => timed && (++k & 7) === 0 && performance.now() > deadline)) return false;
  const rarity = rarityOf(ix);
  for (const c of ix.dirty) {
    if (timed && (++k & 3) === 0 && performance.now() > deadline) return false;
    ix.dirty.delete(c);
    if (c.alive) repair(ix, c, rarity);
  }
  for (const c of ix.touched) {
    if (timed && (++k & 15) === 0 && performance.now() > deadline) return false;
    ix.touched.delete(c);
    if (c.alive) rebuild(ix, c, rarity);
  }
  return true;
}

/** The contested claims of one article, by sentence index. */
export function contestedOf(ix: ContestIndex, id: string): Map<number, Claim> | null | undefined {
  return ix.recs.get(id)?.contested;
}

/** How many candidates the index holds. */
export function candidateCount(ix: ContestIndex): number {
  let n = 0;
  for (const rec of ix.recs.values()) n += rec.cands.length;
  return n;
}

/**
 * Differences between the index and a recomputation from its articles (for tests): sentence
 * counts, postings, and every candidate's partners and comparisons. Empty when consistent.
 */
export function indexProblems(ix: ContestIndex): string[] {
  const problems: string[] = [];
  const df = new Map<number, number>();
  let n = 0;
  const postings = new Map<number, number>();
  for (const rec of ix.recs.values()) {
    n += rec.article.sentences.length;
    for (const w of rec.stems) df.set(w, (df.get(w) ?? 0) + 1);
    for (const c of rec.cands) for (let i = 0; i < c.data[c.o + H_STEMS]; i++) { const w = c.data[stemsAt(c) + i]; postings.set(w, (postings.get(w) ?? 0) + 1); }
  }
  const name = (w: number) => ix.words[w];
  if (n !== ix.n) problems.push(`n ${ix.n} != ${n}`);
  for (const [w, v] of df) if (ix.df[w] !== v) problems.push(`df ${name(w)} ${ix.df[w]} != ${v}`);
  for (let w = 0; w < ix.words.length; w++) if (ix.df[w] && !df.has(w)) problems.push(`df ${name(w)} ${ix.df[w]} != 0`);
  for (const [w, v] of df) if (v <= BY_DF_CAP && !ix.byDf.get(v)?.has(w)) problems.push(`byDf ${name(w)}`);
  if ([...ix.byDf.values()].reduce((k, set) => k + set.size, 0) !== [...df.values()].filter((v) => v <= BY_DF_CAP).length) problems.push('byDf size');
  for (const [w, v] of postings) if (sizeOf(ix.postings[w]) !== v || entriesOf(ix.postings[w]).filter((c) => c.alive).length !== v) problems.push(`postings ${name(w)}`);
  if (postings.size !== ix.postings.filter((p) => sizeOf(p) > 0).length) problems.push('postings size');
  const rarity = rarityOf(ix);
  for (const rec of ix.recs.values()) {
    for (const a of rec.cands) {
      const want = findPartners(ix, a, rarity.distinctive);
      const got = a.partners ?? [];
      const info = a.pinfo ?? [];
      const where = `${rec.article.id}#${a.index}`;
      if ((a.partners !== null && !a.partners.length) || got.length !== info.length) problems.push(`${where}: empty lists`);
      if (want.length !== got.length || want.some((p, i) => p.b !== got[i] || p.n !== pairN(info[i]) || p.first !== pairFirst(info[i]))) {
        problems.push(`${where}: partners`);
        continue;
      }
      got.forEach((b, i) => {
        const { conflict, weighed } = comparePair(ix, a, b, rarity);
        if (conflict !== pairConflict(info[i]) || weighed !== pairWeighed(info[i])) problems.push(`${where}: comparison`);
        if (!b.incoming?.includes(a)) problems.push(`${where}: incoming`);
      });
    }
  }
  return problems;
}
