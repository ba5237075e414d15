// Claims worth a second look: unattributed, vague-source and hedged sentences (per article,
// memoised), and contested facts, where another outlet's report of the same fact disagrees on
// the date, a number or the stance. Contested detection pairs only candidate sentences (holding a
// date, a number or a stance cue) through an inverted index of their distinctive words with
// bounded postings, kept up to date edit by edit (contestIndex.ts): an edit re-pairs only the
// sentences that share words with what changed.
import type { Corpus } from './corpus';
import { articleTimes, commonAnchor, datesFromTimes, fallbackDates, referenceOf } from './claimDates';
import { dateRange, hasComparable, passageFacts, sentenceFacts, type DateMention, type PassageFacts, type SentenceFacts } from './contest';
import {
  addArticle, candidateCount, closeBatch, contestedOf, hasArticle, indexProblems, isClosing, newContestIndex, removeArticle, setCandidates, settlePairs,
  type CandidateInput, type ContestIndex,
} from './contestIndex';
import { analyzeArticleClaims, MAX_SENTENCE_CHARS, type ArticleClaims } from './sentenceClaims';
import type { Article, Claim, TimeExpression } from './types';

export { analyzeArticleClaims } from './sentenceClaims';


export function articleClaims(corpus: Corpus, id: string): ArticleClaims {
  return corpus.perArticle('claims', id, analyzeArticleClaims);
}

/** Every claim, by article id, then position, then kind (contested first). */
export function analyzeClaims(corpus: Corpus): Claim[] {
  settleClaims(corpus, Infinity);
  const st = claimsState(corpus);
  const out: Claim[] = [];
  for (const a of corpus.articles()) {
    let list = st.merged.get(a.id);
    if (!list) st.merged.set(a.id, (list = articleOutput(corpus, st, a.id)));
    for (const c of list) out.push(c);
  }
  return out;
}

/** How big the contested index is and how much re-pairing it has done (for tests of locality). */
export function contestStats(corpus: Corpus): { candidates: number; repairs: number } {
  settleClaims(corpus, Infinity);
  const ix = claimsState(corpus).ix;
  return { candidates: candidateCount(ix), repairs: ix.repairs };
}

/** Where the settled contested index differs from a recomputation (for tests); empty when consistent. */
export function contestProblems(corpus: Corpus): string[] {
  settleClaims(corpus, Infinity);
  return indexProblems(claimsState(corpus).ix);
}

const KINDS: Claim['kind'][] = ['contested', 'unattributed', 'vague-source', 'hedged'];
const kindOrder = (c: Claim) => KINDS.indexOf(c.kind);

function articleOutput(corpus: Corpus, st: ClaimsState, id: string): Claim[] {
  const list = [...articleClaims(corpus, id).claims, ...(contestedOf(st.ix, id)?.values() ?? [])];
  return list.sort((x, y) => x.start - y.start || kindOrder(x) - kindOrder(y));
}

const STATE = 'claims:contest';

interface ClaimsState {
  ix: ContestIndex;
  /** Each article's time expressions as last seen, and how many the corpus has in all. */
  times: Map<string, readonly TimeExpression[]>;
  totalTimes: number;
  /** Articles without a publication date: their times follow other articles, so they are re-read after each change. */
  undated: Set<string>;
  /** The reference date each undated article's times were last read with. */
  refs: Map<string, { date: string | null; inferred: boolean } | undefined>;
  /** Dates come from corpus.times(), or from the fallback when it has none at all. */
  mode: 'times' | 'fallback' | null;
  anchor: string | null;
  /** The dates each article's candidates were built from. */
  datesKey: Map<string, string>;
  /** Articles whose candidates are to be (re)built once every change of the batch is in. */
  needCandidates: Set<string>;
  /** Whether the undated articles and the date source were re-read since the last change. */
  checked: boolean;
  /** A re-read in progress, resumable across settle slices: the undated ids, how far it got, and those whose times moved. */
  recheck: { ids: string[]; at: number; moved: string[]; restart: boolean } | null;
  /** Each article's claims, in output order. */
  merged: Map<string, Claim[]>;
}

function claimsState(corpus: Corpus): ClaimsState {
  return corpus.state<ClaimsState>(STATE, () => ({
    ix: newContestIndex(), times: new Map(), totalTimes: 0, undated: new Set(), refs: new Map(), mode: null, anchor: null,
    datesKey: new Map(), needCandidates: new Set(), checked: false, recheck: null, merged: new Map(),
  }));
}

function setTimes(st: ClaimsState, id: string, times: readonly TimeExpression[] | undefined) {
  st.totalTimes += (times?.length ?? 0) - (st.times.get(id)?.length ?? 0);
  if (times) st.times.set(id, times);
  else st.times.delete(id);
}

/**
 * Brings the contested index up to date with the changed articles, stopping at `deadline`
 * (performance.now() time); true when done. Each step leaves the state consistent, so it resumes
 * where it stopped.
 */
export function settleClaims(corpus: Corpus, deadline: number): boolean {
  const st = claimsState(corpus);
  const pending = corpus.changesFor(STATE);
  const late = deadline === Infinity ? () => false : () => performance.now() > deadline;
  // A close a slice left part-way ends before anything changes the index again.
  if (isClosing(st.ix) && !closeBatch(st.ix, late)) return false;
  // Each loop does one step before looking at the clock, so even a spent deadline makes progress.
  for (const id of pending) {
    const a = corpus.get(id);
    st.merged.delete(id);
    st.datesKey.delete(id);
    st.needCandidates.delete(id);
    st.undated.delete(id);
    st.refs.delete(id);
    st.checked = false;
    if (st.recheck) st.recheck.restart = true;
    // The old version leaves now; the new one is counted with its candidates, below, once the dates are known.
    removeArticle(st.ix, id);
    if (!a) {
      setTimes(st, id, undefined);
    } else {
      setTimes(st, id, articleTimes(corpus, id));
      if (!a.published) st.undated.add(id);
      st.needCandidates.add(id);
    }
    pending.delete(id);
    if (late()) return false;
  }
  if (!st.checked && !recheckDates(corpus, st, late)) return false;
  for (const id of st.needCandidates) {
    const a = corpus.get(id)!;
    const dates = st.mode === 'times' ? datesFromTimes(st.times.get(id) ?? []) : fallbackDates(a.text, a.body.start, a.body.end, a.published ?? st.anchor);
    const key = datesKeyOf(dates);
    if (!hasArticle(st.ix, id)) {
      // Facts the indexing worker computed are taken over (and freed from the memo); else computed here, once.
      const shipped = shippedFacts(corpus.takeMemo<ArticleFacts>(id, FACTS));
      const facts = shipped?.datesKey === key ? shipped : articleFacts(corpus, a, dates, key);
      addArticle(st.ix, a, (shipped ?? facts).stems);
      setCandidates(st.ix, id, facts.cands);
      st.datesKey.set(id, key);
    } else if (st.datesKey.get(id) !== key) {
      setCandidates(st.ix, id, articleFacts(corpus, a, dates, key).cands);
      st.datesKey.set(id, key);
    }
    st.needCandidates.delete(id);
    if (late()) return false;
  }
  if (!closeBatch(st.ix, late)) return false;
  const done = settlePairs(st.ix, deadline);
  for (const id of st.ix.changedArticles) st.merged.delete(id);
  st.ix.changedArticles.clear();
  return done;
}

/**
 * After a change: re-reads the undated articles' times (their reference date may have moved) and
 * decides the date source, then lists the articles whose dates may differ from their candidates'.
 * Resumable: a batch of dated articles can move thousands of reference dates, and re-reading each
 * article's times is too long for one slice. A change meanwhile starts the pass again, from the
 * articles whose reference is not the one last read (the others are skipped at once).
 */
function recheckDates(corpus: Corpus, st: ClaimsState, late: () => boolean): boolean {
  const r = (st.recheck ??= { ids: [...st.undated], at: 0, moved: [], restart: false });
  if (r.restart) Object.assign(r, { ids: [...st.undated], at: 0, restart: false });
  const refs = referenceOf(corpus);
  while (r.at < r.ids.length) {
    const id = r.ids[r.at++];
    if (!st.undated.has(id)) continue; // changed or removed since the pass began: re-read with its change
    const ref = refs?.get(id);
    const seen = st.refs.get(id);
    if (ref && seen && ref.date === seen.date && ref.inferred === seen.inferred) continue;
    st.refs.set(id, ref && { date: ref.date, inferred: ref.inferred });
    const t = articleTimes(corpus, id);
    if (t !== st.times.get(id)) {
      setTimes(st, id, t);
      r.moved.push(id);
    }
    if (late()) return false;
  }
  st.recheck = null;
  const moved = r.moved.filter((id) => corpus.get(id));
  const mode = st.totalTimes > 0 ? 'times' : 'fallback';
  const anchor = mode === 'fallback' ? commonAnchor(corpus.articles()) : null;
  if (mode !== st.mode) for (const a of corpus.articles()) st.needCandidates.add(a.id);
  else if (mode === 'fallback' && anchor !== st.anchor) for (const id of st.undated) st.needCandidates.add(id);
  else if (mode === 'times') for (const id of moved) st.needCandidates.add(id);
  st.mode = mode;
  st.anchor = anchor;
  st.checked = true;
  return true;
}

const FACTS = 'claims:facts';

/**
 * What the contested index needs of one article: each sentence's distinct content stems (for the
 * rarity counts) and the candidates, the sentences worth comparing with their compact facts. Plain
 * data, so the indexing worker can compute it (precomputeClaims) and ship it; the index takes it
 * over into its own compact form and the memo entry is freed.
 */
interface ArticleFacts {
  /** The dates the candidates were built from. */
  datesKey: string;
  stems: string[][];
  cands: CandidateInput[];
}

const datesKeyOf = (dates: DateMention[]) => dates.map((d) => `${d.start}:${d.end}:${d.value}`).join('|');

function shippedFacts(v: ArticleFacts | undefined): ArticleFacts | undefined {
  return v && typeof v.datesKey === 'string' && Array.isArray(v.stems) && Array.isArray(v.cands) ? v : undefined;
}

/**
 * For the indexing worker: the article's claims and its contest facts, as a one-article corpus
 * would resolve its dates (as settleClaims does for it: its own times, else the fallback).
 */
export function precomputeClaims(corpus: Corpus, id: string): void {
  const a = corpus.get(id);
  if (!a) return;
  articleClaims(corpus, id);
  const times = articleTimes(corpus, id);
  const dates = times.length ? datesFromTimes(times) : fallbackDates(a.text, a.body.start, a.body.end, a.published ?? commonAnchor([a]));
  corpus.perArticle(FACTS, id, () => articleFacts(corpus, a, dates, datesKeyOf(dates)));
}

const NO_FACTS: SentenceFacts = { words: [], names: new Set(), quantities: [], settled: null, unsettled: null, negated: new Set(), measures: [] };

/**
 * The facts of an article's sentences, computed once: every sentence's distinct stems, and the
 * candidates with what comparing them needs. They depend only on the article and its resolved
 * dates, so an edit re-derives one article's facts, not the whole corpus's.
 */
function articleFacts(corpus: Corpus, article: Article, dates: DateMention[], datesKey: string): ArticleFacts {
  const own = article.sentences.map((s) => (s.end - s.start > MAX_SENTENCE_CHARS ? NO_FACTS : sentenceFacts(article.text, s)));
  const stems = own.map((f) => distinctStems(f.words));
  const byS = bucketBySentence(article, dates);
  const cands: CandidateInput[] = [];
  for (const index of articleClaims(corpus, article.id).open) {
    const s = article.sentences[index];
    const inherited = inheritedDate(article, index, byS);
    // Most sentences hold nothing to compare: skip them before building their facts.
    if (!mayCompare(own[index], byS[index], inherited)) continue;
    const prev = article.sentences[index - 1];
    const previous = prev && prev.paragraph === s.paragraph ? prev : null;
    const facts = passageFacts(article.id, article.text, s, byS[index], inherited, { previous, published: article.published }, own[index], previous ? own[index - 1] : null);
    if (!hasComparable(facts) && !facts.inheritedDate) continue;
    cands.push(candidateInput(index, facts, stems[index]));
  }
  return { datesKey, stems, cands };
}

function distinctStems(words: { stem: string }[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const w of words) {
    if (seen.has(w.stem)) continue;
    seen.add(w.stem);
    out.push(w.stem);
  }
  return out;
}

/** What the contested index keeps of a passage: its stems and names as words, the rest as is. */
function candidateInput(index: number, f: PassageFacts, content: string[]): CandidateInput {
  const measures = [...new Set(f.measures.map((m) => `#${m.measure}`))];
  // Word positions matter only for a vote between two dates or more.
  const voting = f.dates.length > 1;
  return {
    index,
    stems: content.concat(measures),
    content: content.length,
    words: voting ? f.words.map((w) => w.stem) : [],
    starts: voting ? f.words.map((w) => w.start) : [],
    names: [...f.names],
    negated: [...f.negated],
    x: { dates: f.dates, inherited: f.inheritedDate, quantities: f.quantities, measures: f.measures, settled: f.settled, unsettled: f.unsettled },
  };
}

/** What hasComparable(facts) || facts.inheritedDate will say, from the parts the facts are made of. */
function mayCompare(own: SentenceFacts, dates: DateMention[], inherited: DateMention | null): boolean {
  return own.quantities.length > 0 || own.measures.length > 0 || !!own.settled || !!own.unsettled || own.negated.size > 0 ||
    dates.some((d) => dateRange(d.value)) || (!!inherited && !!dateRange(inherited.value));
}

/** The last date of the one or two sentences before, in the same paragraph. */
function inheritedDate(article: Article, index: number, bySentence: DateMention[][]): DateMention | null {
  const s = article.sentences[index];
  for (let k = index - 1; k >= Math.max(0, index - 2); k--) {
    if (article.sentences[k].paragraph !== s.paragraph) return null;
    const inside = bySentence[k];
    if (inside.length) return inside[inside.length - 1];
  }
  return null;
}

/** The dates inside each sentence, in one sweep over both sorted lists. */
function bucketBySentence(article: Article, dates: DateMention[]): DateMention[][] {
  const out: DateMention[][] = article.sentences.map(() => []);
  const sorted = dates.slice().sort((a, b) => a.start - b.start);
  let k = 0;
  for (const d of sorted) {
    while (k < article.sentences.length && article.sentences[k].end < d.end) k++;
    if (k >= article.sentences.length) break;
    if (article.sentences[k].start <= d.start) out[k].push(d);
  }
  return out;
}
