// Events: what happened (or will happen) and when, extracted from sentences that pair a past or
// future event with a time expression, then merged across articles into one timeline. Merging is
// bucketed by date and predicate, so it stays near-linear in the number of mentions, and kept up to
// date incrementally (settleEvents), so an edit re-merges only what shares a name or a month with it.
import type { Corpus } from './corpus';
import { referenceDates, tenseAt, timesOf, type ReferenceDate } from './dates';
import { eventLabel } from './eventLabel';
import { eventDate, valueInterval as parseInterval, DAY_MS, fmtDay, isoWeek } from './timex';
import { contentWords, IRREGULAR, lemma } from './words';
import type { Article, NewsEvent, Passage, TimeExpression } from './types';
import { shared } from './sharedStrings';

/** One passage that reports an event, with what is needed to match it against others. */
export interface EventMention extends Passage {
  /** The TIMEX3 value that dates it. */
  value: string;
  inferred: boolean;
  /**
   * What the merge matches on, in one list (one array per passage instead of three): first `np`
   * predicate keys (event classes "MEET", "CALL", "SAY", or "v:" and a verb's lemma), then `nn`
   * lower-cased proper names (people, places, organisations), then the distinct stemmed content words.
   */
  keys: string[];
  np: number;
  nn: number;
  /** The time expression's span, for the label. */
  timexStart: number;
  timexEnd: number;
  /** For an undated sentence about an event dated elsewhere in the article: that mention. */
  antecedent?: EventMention;
}

// General classes of news events: words that report the same kind of happening.
const CLASSES: Record<string, string[]> = {
  MEET: ['meet', 'met', 'meeting', 'talk', 'talks', 'summit', 'encounter', 'visit', 'sit-down', 'audience', 'negotiation', 'negotiations', 'face-to-face', 'face‑to‑face'],
  CALL: ['call', 'phone', 'telephone', 'phoned', 'dial'],
  SAY: ['say', 'said', 'tell', 'told', 'state', 'stated', 'remark', 'remarks', 'comment', 'comments', 'add', 'added', 'note', 'noted', 'declare', 'declared', 'claim', 'claimed', 'announce', 'announced', 'announcement', 'statement', 'interview', 'speech', 'address'],
  ELECT: ['elect', 'elected', 'election', 'vote', 'voted', 'ballot', 'poll', 'polls', 're-elected', 'inaugurate', 'inaugurated', 'inauguration', 'sworn'],
  SANCTION: ['sanction', 'sanctions', 'sanctioned', 'embargo', 'tariff', 'tariffs'],
  ATTACK: ['attack', 'attacked', 'strike', 'strikes', 'struck', 'raid', 'raided', 'bomb', 'bombed', 'bombing', 'shelling', 'shelled', 'invade', 'invaded', 'invasion', 'offensive', 'assault'],
  AGREE: ['agree', 'agreed', 'agreement', 'deal', 'accord', 'pact', 'treaty', 'sign', 'signed', 'accept', 'accepted'],
  ARREST: ['arrest', 'arrested', 'detain', 'detained', 'capture', 'captured', 'extradite', 'extradited', 'extradition', 'deport', 'deported', 'deportation'],
  DIE: ['die', 'died', 'death', 'kill', 'killed', 'killing', 'dead'],
  RESIGN: ['resign', 'resigned', 'resignation', 'quit', 'step', 'stepped', 'fire', 'fired', 'dismiss', 'dismissed', 'oust', 'ousted', 'depose', 'deposed', 'deposing', 'topple', 'toppled'],
  BUY: ['buy', 'bought', 'acquire', 'acquired', 'acquisition', 'purchase', 'purchased', 'merger', 'merge', 'merged', 'takeover'],
  REPORT: ['report', 'reported', 'post', 'posted', 'earnings', 'results', 'loss', 'profit'],
  LAUNCH: ['launch', 'launched', 'unveil', 'unveiled', 'release', 'released', 'introduce', 'introduced', 'debut'],
  TRIAL: ['trial', 'hearing', 'court', 'sentence', 'sentenced', 'convict', 'convicted', 'charge', 'charged', 'indict', 'indicted', 'verdict', 'ruling', 'ruled'],
};
const CLASS_OF = new Map<string, string>();
for (const [c, ws] of Object.entries(CLASSES)) for (const w of ws) CLASS_OF.set(w, c);

/** Verbs too light to say what happened on their own. */
const LIGHT = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did', 'get', 'got', 'make', 'made', 'take', 'took', 'give', 'gave', 'come', 'came', 'go', 'went', 'hold', 'held', 'become', 'became', 'seem', 'seemed', 'set', 'due', 'expected', 'scheduled', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'going', 'use', 'used', 'begin', 'began', 'start', 'started', 'continue', 'continued', 'try', 'tried', 'want', 'wanted', 'need', 'needed', 'see', 'saw', 'seen', 'include', 'included', 'leave', 'left', 'keep', 'kept', 'put', 'lead', 'led', 'show', 'showed', 'shown', 'find', 'found', 'think', 'thought', 'know', 'knew', 'mean', 'meant', 'appear', 'appeared', 'remain', 'remained', 'plan', 'planned', 'describe', 'described']);

const PAST_FORM = /^[a-z]{3,}ed$/;
const REFERENCE_POINT = new Set(['before', 'after', 'following', 'ahead', 'since', 'until', 'amid', 'during']);
const TITLES = new Set(['president', 'vice', 'prime', 'minister', 'secretary', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor', 'king', 'queen', 'prince', 'princess', 'general', 'gen', 'chancellor', 'chief', 'ceo', 'chairman', 'director', 'ambassador', 'judge', 'justice', 'pope', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'foreign', 'defense', 'defence', 'state', 'former', 'us', 'u.s', 'u.s.', 'uk', 'eu', 'un', 'the', 'a', 'an', 'but', 'and', 'in', 'on', 'at', 'for', 'after', 'before', 'while', 'when', 'as', 'if', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these', 'those', 'there', 'his', 'her', 'their', 'its', 'despite', 'still', 'yet', 'since', 'with', 'without', 'from', 'to', 'by', 'of', 'last', 'next', 'today', 'yesterday', 'tomorrow']);
const MONTH_OR_DAY = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;

function predicatesOf(text: string): string[] {
  const out = new Set<string>();
  const words = text.toLowerCase().match(/[a-z][a-z‑-]*[a-z]|[a-z]/g) ?? [];
  words.forEach((w, i) => {
    const cls = CLASS_OF.get(w) ?? CLASS_OF.get(lemma(w));
    // "hours before their talks": an event named only as a point of reference is not this event.
    if (cls && words.slice(Math.max(0, i - 3), i).some((p) => REFERENCE_POINT.has(p))) return;
    if (cls) { out.add(cls); return; }
    if (LIGHT.has(w) || TITLES.has(w)) return;
    const prev = words[i - 1];
    const isVerb = PAST_FORM.test(w) || (IRREGULAR[w] !== undefined && !LIGHT.has(w)) || prev === 'will' || prev === 'to' || prev === 'would';
    if (isVerb) {
      const l = lemma(w);
      if (!LIGHT.has(l) && l.length > 2) out.add(shared(`v:${l}`));
    }
  });
  return [...out];
}

/** Capitalised words seen somewhere other than a sentence start: names, not merely first words. */
function midSentenceCaps(a: Article): Set<string> {
  const out = new Set<string>();
  for (const s of a.sentences) {
    // A forward match, not a look-behind over \s+: that would rescan long runs of spaces at every position.
    for (const m of s.text.matchAll(/(?<=[\p{L},;)])[ \t]{1,20}([\p{Lu}][\p{L}'’.‑-]*)/gu)) out.add(m[1].replace(/['’]s$/, '').replace(/\.$/, '').toLowerCase());
  }
  return out;
}

function namesOf(text: string, known: Set<string>): string[] {
  const out = new Set<string>();
  const re = /[\p{Lu}][\p{L}'’.‑-]*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const w = m[0].replace(/['’]s$/, '').replace(/\.$/, '');
    const lw = w.toLowerCase();
    if (w.length < 3 || TITLES.has(lw) || MONTH_OR_DAY.test(w)) continue;
    // The first word of a sentence is capitalised anyway: keep it only if the article capitalises it elsewhere.
    if ((m.index === 0 || /[.!?"“]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) && !known.has(lw)) continue;
    out.add(shared(lw));
  }
  return [...out];
}
/** A passage's predicates, names and stems (slices of its keys: for the paths that are not hot). */
export const predsOf = (m: EventMention): string[] => m.keys.slice(0, m.np);
export const namesOfMention = (m: EventMention): string[] => m.keys.slice(m.np, m.np + m.nn);

// Every passage keeps its names, predicates and stems: one shared string for each, instead of a fresh
// copy per passage (lower-casing and structured cloning make copies).
function internAll(list: string[]) {
  for (let i = 0; i < list.length; i++) list[i] = shared(list[i]);
}
/** The distinct strings of `list`, interned, in order. */
function distinct(list: string[]): string[] {
  const out = [...new Set(list)];
  internAll(out);
  return out;
}

/** For each offset of a sentence, whether it lies inside a direct quote (one linear pass). */
function quoteMask(s: string): Uint8Array {
  const mask = new Uint8Array(s.length + 1);
  let straight = false, curly = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') straight = !straight;
    else if (c === '“') curly++;
    else if (c === '”') curly = Math.max(0, curly - 1);
    mask[i + 1] = straight || curly > 0 ? 1 : 0;
  }
  mask[0] = 0;
  return mask;
}

/** Inside a direct quote: events there are the speaker's words, not the reporter's timeline. */
function insideQuote(s: string, at: number): boolean {
  const before = s.slice(0, at);
  const straight = (before.match(/"/g) ?? []).length;
  const open = (before.match(/“/g) ?? []).length, close = (before.match(/”/g) ?? []).length;
  return straight % 2 === 1 || open > close;
}

const EVENT_NOUN_SUBJECT = /^(?:(?:the|this|that|their|today['’]s|[A-Z][a-z]+day['’]s)\s+)(?:(?!of\b)[\p{L}‑-]+\s+){0,3}?(meeting|talks|summit|visit|encounter|call|vote|election|attack|strike|raid|trial|hearing|deal|agreement|conference|ceremony|operation)\b/iu;

/** The passages of one sentence that each report an event dated by one time expression. */
function sentenceMentions(a: Article, sStart: number, sEnd: number, times: TimeExpression[], known: Set<string>): EventMention[] {
  const s = a.text.slice(sStart, sEnd);
  const quoted = quoteMask(s);
  const dated = times.filter((t) => (t.type === 'DATE' || t.type === 'TIME') && eventDate(t.value) && !quoted[t.start - sStart]);
  if (!dated.length) return [];
  const out: EventMention[] = [];
  // Cut the sentence into one piece per time expression: a fronted one ("In October, ...") opens its piece,
  // a trailing one ("... on January 7") closes it.
  const cuts: number[] = [];
  dated.forEach((t, i) => {
    if (i === 0) return;
    const prev = dated[i - 1];
    const between = a.text.slice(prev.end, t.start);
    const fronted = /(?:^|[,;]\s*|\b(?:and|but|then|while)\s+)$/i.test(a.text.slice(Math.max(prev.end, t.start - 12), t.start).replace(/\b(?:in|on|at|by|since|during|from|early|late|until)\s*$/i, ''));
    if (fronted) {
      // Back up over the conjunction and preposition that introduce the fronted time.
      const lead = /(?:,?\s*(?:and|but|then|while)?\s*(?:in|on|at|by|since|during|from|until|early|late)?\s*)$/i.exec(between);
      cuts.push(t.start - (lead ? lead[0].length : 0));
    } else {
      // The previous piece ends at the first clause break after the previous expression, or right after it;
      // a fronted previous expression keeps everything up to this one.
      const prevFronted = i - 1 === 0 ? /^\W*(?:\w+\s+)?$/.test(a.text.slice(sStart, prev.start)) : false;
      const brk = /\s+--\s+|\s+—\s+|[,;:]\s+/.exec(between);
      cuts.push(prevFronted ? t.start : brk ? prev.end + brk.index : prev.end);
    }
  });
  const bounds = [sStart, ...cuts, sEnd];
  dated.forEach((t, i) => {
    let start = bounds[i], end = bounds[i + 1];
    // Keep the pieces on word boundaries and trimmed.
    while (start < end && /[\s,;]/.test(a.text[start])) start++;
    while (end > start && /\s/.test(a.text[end - 1])) end--;
    if (end - start < 3) return;
    const text = a.text.slice(start, end);
    const tense = tenseAt(s, t.start - sStart, t.end - sStart);
    const possessive = /['’]s$/.test(t.text) || /^['’]s\s+/.test(a.text.slice(t.end, t.end + 3));
    const preds = predicatesOf(text);
    if (!preds.length) return;
    // An event needs a past or future verb, or an event noun the time is attached to ("Tuesday's talks").
    if (tense !== 'past' && tense !== 'future' && !possessive && !/^(?:T|\d{4}-\d{2}-\d{2}T)/.test(t.value)) {
      if (!(tense === 'present' && preds.some((p) => !p.startsWith('v:')))) return;
    }
    const names = namesOf(text, known);
    // One literal with every field (no spread), so every passage has the same compact shape.
    out.push({
      article: a.id, start, end, text, value: t.value, inferred: t.inferred, keys: preds.concat(names, distinct(contentWords(text))), np: preds.length, nn: names.length,
      timexStart: t.start, timexEnd: t.end,
    });
  });
  return out;
}

/** Every event mention of one article, including undated sentences whose subject is an event already dated here. */
export function articleMentions(a: Article, times: TimeExpression[]): EventMention[] {
  const out: EventMention[] = [];
  const undated: { start: number; end: number; cls: string }[] = [];
  const known = midSentenceCaps(a);
  // Times and sentences are both in text order: walk them together.
  const sorted = [...times].sort((x, y) => x.start - y.start);
  let ti = 0;
  for (const s of a.sentences) {
    while (ti < sorted.length && sorted[ti].start < s.start) ti++;
    const inSentence: TimeExpression[] = [];
    for (let k = ti; k < sorted.length && sorted[k].start < s.end; k++) if (sorted[k].end <= s.end) inSentence.push(sorted[k]);
    const ms = sentenceMentions(a, s.start, s.end, inSentence, known);
    out.push(...ms);
    if (!ms.length && !inSentence.some((t) => eventDate(t.value))) {
      const m = EVENT_NOUN_SUBJECT.exec(s.text);
      const cls = m && CLASS_OF.get(m[1].toLowerCase());
      if (m && cls && !insideQuote(s.text, m.index)) undated.push({ start: s.start, end: s.end, cls });
    }
  }
  // "The meeting ... is moving forward": a definite event noun as subject refers to this article's dated event of that kind.
  const byClass = new Map<string, EventMention[]>();
  for (const m of out) {
    if (m.value.includes('T')) continue;
    for (const p of predsOf(m)) {
      if (p.startsWith('v:')) continue;
      const l = byClass.get(p) ?? [];
      l.push(m);
      byClass.set(p, l);
    }
  }
  for (const u of undated) {
    const same = byClass.get(u.cls);
    if (!same?.length) continue;
    // The nearest dated mention before this sentence, else the first after it (lists are in text order).
    let lo = 0, hi = same.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (same[mid].start < u.start) lo = mid + 1; else hi = mid; }
    const prev = lo > 0 ? same[lo - 1] : same[0];
    const text = a.text.slice(u.start, u.end);
    const preds = distinct([u.cls, ...predicatesOf(text)]), names = namesOf(text, known);
    out.push({
      article: prev.article, start: u.start, end: u.end, text, value: prev.value, inferred: prev.inferred, keys: preds.concat(names, distinct(contentWords(text))), np: preds.length, nn: names.length,
      timexStart: prev.timexStart, timexEnd: prev.timexEnd, antecedent: prev,
    });
  }
  return out.sort((x, y) => x.start - y.start);
}

export function mentionsOf(corpus: Corpus, id: string): EventMention[] {
  const ref: ReferenceDate = referenceDates(corpus).get(id) ?? { date: null, inferred: false };
  return corpus.perArticle(`events.mentions:${ref.date}:${ref.inferred}`, id, (a) => articleMentions(a, timesOf(corpus, id)));
}

// ---- merging -------------------------------------------------------------------------------------

// A corpus holds few distinct time values but tens of thousands of mentions: parse each value once.
const intervals = new Map<string, [number, number] | null>();
function valueInterval(value: string): [number, number] | null {
  let iv = intervals.get(value);
  if (iv === undefined) {
    if (intervals.size > 100_000) intervals.clear();
    intervals.set(value, (iv = parseInterval(value)));
  }
  return iv;
}

/**
 * The keys a merge compares a passage against: the union of the keys of an event's passages. A merge
 * holds them only while it adds to the event; stored events keep their passages alone (Sets cost far
 * more than the passages), and a later merge derives them again (keysOfCluster). An event is filed
 * under "n:name" and "p:pred" for exactly its names and predicates.
 */
interface Keys { preds: Set<string>; names: Set<string>; words: Set<string> }

interface Cluster {
  value: string;
  /** valueInterval(value), kept to avoid re-parsing. */
  iv: [number, number];
  mentions: EventMention[];
  /** Its keys while a merge adds to it; null once stored. */
  keys: Keys | null;
  /** The level it was founded at, as a registered named event (-1: a passage no unit holds); UNREGISTERED otherwise. */
  base: number;
  /**
   * While registered, it is filed in the seed index under every name any version of it carries: its own
   * passages' names and these, which only a version carries (null: none, as for most events).
   */
  extraNames: string[] | null;
}
const UNREGISTERED = -9;
const isBase = (c: Cluster) => c.base !== UNREGISTERED;

function keysFrom(mentions: EventMention[]): Keys {
  const k: Keys = { preds: new Set(), names: new Set(), words: new Set() };
  for (const m of mentions) addKeys(k, m);
  return k;
}
function addKeys(k: Keys, m: EventMention) {
  const ks = m.keys, np = m.np, nw = np + m.nn;
  for (let i = 0; i < np; i++) k.preds.add(ks[i]);
  for (let i = np; i < nw; i++) k.names.add(ks[i]);
  for (let i = nw; i < ks.length; i++) k.words.add(ks[i]);
}
/** The keys of an event: its own while merged, else derived once per merge (`memo`). */
function keysOfCluster(c: Cluster, memo: Map<Cluster, Keys>): Keys {
  if (c.keys) return c.keys;
  let k = memo.get(c);
  if (!k) memo.set(c, (k = keysFrom(c.mentions)));
  return k;
}
/** Drops the keys of events a merge is done with. */
function store(c: Cluster): Cluster {
  c.keys = null;
  return c;
}

/** Keys of the calendar units a value lies in, finest first: the buckets a cluster is filed under. */
function unitKeys(value: string): string[] {
  const iv = valueInterval(value);
  if (!iv) return [];
  const keys: string[] = [];
  const a = new Date(iv[0] * DAY_MS), b = new Date(iv[1] * DAY_MS);
  if (iv[0] === iv[1]) keys.push(`d:${fmtDay(a)}`);
  if (iv[1] - iv[0] <= 6 && isoWeek(a) === isoWeek(b)) keys.push(`w:${isoWeek(a)}`);
  if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth()) keys.push(`m:${fmtDay(a).slice(0, 7)}`);
  if (a.getUTCFullYear() === b.getUTCFullYear()) {
    const q = (d: Date) => Math.floor(d.getUTCMonth() / 3);
    if (q(a) === q(b)) keys.push(`q:${a.getUTCFullYear()}-${q(a)}`);
    keys.push(`y:${a.getUTCFullYear()}`);
  }
  return keys;
}

/** The one bucket a mention looks in: its own unit, under which every finer cluster inside it is filed. */
function lookupKey(value: string): string | null {
  const iv = valueInterval(value);
  if (!iv) return null;
  const keys = unitKeys(value);
  const w = iv[1] - iv[0];
  if (w === 0) return keys.find((k) => k.startsWith('d:')) ?? null;
  if (w <= 6) return keys.find((k) => k.startsWith('w:')) ?? keys.find((k) => k.startsWith('m:')) ?? null;
  if (w <= 31) return keys.find((k) => k.startsWith('m:')) ?? null;
  if (w <= 92) return keys.find((k) => k.startsWith('q:')) ?? null;
  return keys.find((k) => k.startsWith('y:')) ?? null;
}

/** How strongly a mention belongs to a cluster; null when it must not join. */
function affinity(m: EventMention, miv: [number, number], c: Cluster, k: Keys): number | null {
  const nested = (miv[0] <= c.iv[0] && c.iv[1] <= miv[1]) || (c.iv[0] <= miv[0] && miv[1] <= c.iv[1]);
  if (!nested) return null;
  let shared = 0, onlySay = true;
  const ks = m.keys, np = m.np, nw = np + m.nn;
  for (let i = 0; i < np; i++) { const p = ks[i]; if (k.preds.has(p)) { shared++; if (p !== 'SAY') onlySay = false; } }
  if (!shared) return null;
  let sharedNames = 0;
  for (let i = np; i < nw; i++) if (k.names.has(ks[i])) sharedNames++;
  // Different actors on the same date are different events.
  if (m.nn && k.names.size && !sharedNames) return null;
  let sharedWords = 0;
  for (let i = nw; i < ks.length; i++) if (k.words.has(ks[i])) sharedWords++;
  const dice = (2 * sharedWords) / (ks.length - nw + k.words.size || 1);
  // Statements match only when the same people speak on the same day.
  if (onlySay && (!sharedNames || miv[1] > miv[0] || c.iv[1] > c.iv[0])) return null;
  const score = shared + sharedNames + 3 * dice;
  // A year or a quarter holds many events of one kind: coarse dates need the same actors and wording.
  const coarse = Math.max(miv[1] - miv[0], c.iv[1] - c.iv[0]) > 31;
  if (coarse) return sharedNames > 0 && dice >= 0.2 && score >= 2.6 ? score : null;
  return score >= 1.4 ? score : null;
}

/** Adds a passage to an event a merge works on (its keys are set). */
function joinCluster(c: Cluster, m: EventMention, miv: [number, number]) {
  c.mentions.push(m);
  addKeys(c.keys!, m);
  if (miv[1] - miv[0] < c.iv[1] - c.iv[0]) { c.value = m.value; c.iv = miv; }
}

// ---- incremental merging ---------------------------------------------------------------------------
// Passages merge finest date first, each with the events filed under its own date unit and one of its names
// (see affinity), so the work per passage is bounded. The merge is cut into pieces an edit touches only
// locally, each recomputed only when its input changed (the unit merge, startMerge, and the month's, attachSteps):
// - Named passages merge level by level, finest first: those that look up a day, then a week, a month, a
//   quarter, a year (their lookupKey). A unit's passages may join each other or the finer events filed under
//   that unit ("seeds", copied when they gain passages, so each level's result stays as it was). A named
//   passage only joins an event sharing one of its names (see affinity), so a unit splits into parts linked
//   by names, and an edit redoes only the parts around the names it touched.
// - Unnamed passages with a fine date (day, week, month) then join the named events of their month, or each
//   other, in one pass per month: they say what happened but not who did it, so they join an event rather
//   than shape it. Unnamed passages with coarser dates join nothing (coarse matches need a shared name).
// - Sentences that refer back to an event go to their antecedent's event.
// - A passage an edit only moved (same text, date and keys) keeps its object: nothing it merged with is redone.
// Built events are kept with their entry and reused while their passages are the same; the list stays
// sorted, so an edit removes and inserts only the events it touched. The cut changes a few decisions
// against one global pass (name frequencies and candidate caps are per part), identically for a fresh
// corpus and an edited one.

/** Widest date (in days) of a passage unnamed passages may join: a month. */
const FINE_DAYS = 31;

// Values repeat across thousands of passages: derive each one's keys once.
const valueKeys = new Map<string, { units: string[]; unitYears: string[]; lookup: string | null; width: number; month: string | null; years: string[] }>();
function keysOfValue(value: string) {
  let k = valueKeys.get(value);
  if (!k) {
    if (valueKeys.size > 100_000) valueKeys.clear();
    const iv = valueInterval(value);
    const finite = !!iv && Number.isFinite(iv[0]) && Number.isFinite(iv[1]);
    const y0 = finite ? new Date(iv![0] * DAY_MS).getUTCFullYear() : 0, y1 = finite ? new Date(iv![1] * DAY_MS).getUTCFullYear() : 0;
    k = {
      units: unitKeys(value),
      // The years the units are named by ("w:2025-W01" holds days of 2024): where the seed index files them.
      unitYears: [...new Set(unitKeys(value).filter((u) => u[0] !== 'd').map((u) => u.slice(2, 6)))],
      lookup: lookupKey(value),
      width: iv ? iv[1] - iv[0] : Infinity,
      month: finite ? fmtDay(new Date(iv![0] * DAY_MS)).slice(0, 7) : null,
      // The year a passage merges in, or both years of a week across New Year; 'x' for spans no year holds.
      years: !finite ? ['x'] : y0 === y1 ? [String(y0)] : iv![1] - iv![0] <= 6 ? [String(y0), String(y1)] : ['x'],
    };
    valueKeys.set(value, k);
  }
  return k;
}

const widthOfMention = (m: EventMention) => keysOfValue(m.value).width;
/** The order passages are merged in; also the order of events that tie on date and size. */
function mentionOrder(x: EventMention, y: EventMention): number {
  const a = moved.get(x) ?? x, b = moved.get(y) ?? y;
  return Number(!!x.antecedent) - Number(!!y.antecedent) || widthOfMention(x) - widthOfMention(y) || (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start);
}

/** The order of mentionOrder as a key, read once per passage rather than once per comparison. */
interface OrderKey { a: number; w: number; article: string; start: number }
function orderKey(m: EventMention): OrderKey {
  const cur = moved.get(m) ?? m;
  return { a: m.antecedent ? 1 : 0, w: widthOfMention(m), article: cur.article, start: cur.start };
}
const keyOrder = (x: OrderKey, y: OrderKey) => x.a - y.a || x.w - y.w || (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start);
/** `items` in mentionOrder of `mentionOf(item)`. */
function sortByMention<T>(items: T[], mentionOf: (t: T) => EventMention): T[] {
  const keyed = items.map((t) => ({ t, k: orderKey(mentionOf(t)) }));
  keyed.sort((x, y) => keyOrder(x.k, y.k));
  return keyed.map((x) => x.t);
}
const self = (m: EventMention) => m;

/**
 * Passages kept across an edit that only moved them (see processArticle): the merge keeps the object it
 * knows, which sorts and reports at the offsets of the passage it now stands for.
 */
const moved = new WeakMap<EventMention, EventMention>();
/** What the merge reads of a passage: equal keys merge alike. */
const contentKey = (m: EventMention) => `${m.value}\u0000${m.inferred}\u0000${m.text}\u0000${m.np}\u0000${m.nn}\u0000${m.keys.join(' ')}\u0000${m.antecedent ? 1 : 0}`;

const isNamed = (m: EventMention) => !m.antecedent && m.nn > 0;
/** An unnamed passage that may join an event of its month; the others stand alone. */
function monthOfUnnamed(m: EventMention): string | null {
  const k = keysOfValue(m.value);
  return k.width <= FINE_DAYS && k.lookup ? k.month : null;
}
/** The month whose unnamed passages may join this event: fine events only. */
function monthOfSeed(c: Cluster): string | null {
  const k = keysOfValue(c.value);
  return k.width <= FINE_DAYS ? k.month : null;
}
const LEVELS = ['d', 'w', 'm', 'q', 'y'];
/** The level of a lookup unit ("d:2026-01-07" is 0, "y:2026" is 4): finer levels merge first. */
const levelOf = (unit: string) => LEVELS.indexOf(unit[0]);

function newCluster(m: EventMention): Cluster {
  const iv = valueInterval(m.value) ?? [0, Infinity];
  const c: Cluster = { value: m.value, iv, mentions: [], keys: { preds: new Set(), names: new Set(), words: new Set() }, base: UNREGISTERED, extraNames: null };
  joinCluster(c, m, iv);
  return c;
}

/** A working copy of an event, to add passages to without changing the event itself. */
const copyCluster = (c: Cluster, k: Keys): Cluster => ({
  value: c.value, iv: c.iv, mentions: [...c.mentions], keys: { preds: new Set(k.preds), names: new Set(k.names), words: new Set(k.words) }, base: UNREGISTERED, extraNames: null,
});

/** The keys of `m` an event with keys `k` is not filed under yet, and all of them when `m` narrows its date (it is filed anew). */
function keysToFile(k: Keys, c: Cluster, m: EventMention, miv: [number, number], withNames: boolean): string[] {
  const out: string[] = [];
  if (withNames) for (const n of namesOfMention(m)) if (!k.names.has(n)) out.push(`n:${n}`);
  for (const p of predsOf(m)) if (!k.preds.has(p)) out.push(withNames ? `p:${p}` : p);
  if (miv[1] - miv[0] < c.iv[1] - c.iv[0]) {
    if (withNames) for (const n of k.names) out.push(`n:${n}`);
    for (const p of k.preds) out.push(withNames ? `p:${p}` : p);
  }
  return out;
}

/**
 * The merge of named passages that all look up one unit (one level, e.g. one month): they may join
 * each other or `seeds`, the events of finer levels filed under that unit, which are copied on first
 * join. It may stop between passages and go on in a later step (startMerge, stepMerge, endMerge).
 */
interface MergeRun {
  sorted: EventMention[];
  at: number;
  nameFreq: Map<string, number>;
  bucket: Map<string, Cluster[]>;
  work: Map<Cluster, Cluster>;
  clusters: Cluster[];
  own: Set<Cluster>;
  memo: Map<Cluster, Keys>;
  maxCandidates: number;
}

function startMerge(seeds: Cluster[], mentions: EventMention[], memo: Map<Cluster, Keys>, maxCandidates: number): MergeRun {
  const nameFreq = new Map<string, number>();
  for (const m of mentions) for (const n of namesOfMention(m)) nameFreq.set(n, (nameFreq.get(n) ?? 0) + 1);
  const bucket = new Map<string, Cluster[]>();
  const file = (c: Cluster, keys: Iterable<string>) => {
    for (const k of keys) {
      let l = bucket.get(k);
      if (!l) bucket.set(k, (l = []));
      l.push(c);
    }
  };
  // Seeds go only under the keys some passage here probes.
  const probed = new Set<string>();
  for (const m of mentions) { for (const n of namesOfMention(m)) probed.add(`n:${n}`); for (const p of predsOf(m)) probed.add(`p:${p}`); }
  for (const s of seeds) {
    const k = keysOfCluster(s, memo);
    const keys: string[] = [];
    for (const n of k.names) if (probed.has(`n:${n}`)) keys.push(`n:${n}`);
    for (const p of k.preds) if (probed.has(`p:${p}`)) keys.push(`p:${p}`);
    file(s, keys);
  }
  return { sorted: sortByMention(mentions, self), at: 0, nameFreq, bucket, work: new Map(), clusters: [], own: new Set(), memo, maxCandidates };
}

/** Merges the run's next passages, up to `count` of them. */
function stepMerge(run: MergeRun, count: number) {
  const { sorted, nameFreq, bucket, work, clusters, own, memo, maxCandidates } = run;
  const file = (c: Cluster, keys: Iterable<string>) => {
    for (const k of keys) {
      let l = bucket.get(k);
      if (!l) bucket.set(k, (l = []));
      l.push(c);
    }
  };
  const end = Math.min(sorted.length, run.at + count);
  for (; run.at < end; run.at++) {
    const m = sorted[run.at];
    const miv = valueInterval(m.value) ?? [0, Infinity];
    let best: Cluster | null = null, bestScore = 0;
    const seen = new Set<Cluster>();
    const rare = namesOfMention(m).sort((x, y) => nameFreq.get(x)! - nameFreq.get(y)!).slice(0, 3);
    const probe: [string, number][] = [...rare.map((n): [string, number] => [`n:${n}`, maxCandidates]), ...predsOf(m).map((p): [string, number] => [`p:${p}`, m.nn ? 10 : maxCandidates])];
    for (const [k, cap] of probe) {
      const list = bucket.get(k);
      if (!list) continue;
      for (let i = list.length - 1, n = 0; i >= 0 && n < cap; i--, n++) {
        const c = list[i];
        if (seen.has(c)) continue;
        seen.add(c);
        const w = work.get(c) ?? c;
        const s = affinity(m, miv, w, keysOfCluster(w, memo));
        if (s !== null && s > bestScore) { best = c; bestScore = s; }
      }
    }
    let target: Cluster;
    if (!best) {
      best = target = { value: m.value, iv: miv, mentions: [], keys: { preds: new Set(), names: new Set(), words: new Set() }, base: UNREGISTERED, extraNames: null };
      clusters.push(target);
      own.add(target);
    } else if (own.has(best)) target = best;
    else {
      let w = work.get(best);
      if (!w) work.set(best, (w = copyCluster(best, keysOfCluster(best, memo))));
      target = w;
    }
    const fresh = keysToFile(target.keys!, target, m, miv, true);
    joinCluster(target, m, miv);
    file(best, fresh);
  }
}

function endMerge(run: MergeRun): { clusters: Cluster[]; joined: Map<Cluster, Cluster> } {
  for (const c of run.clusters) store(c);
  for (const w of run.work.values()) store(w);
  return { clusters: run.clusters, joined: run.work };
}

type Attached = { clusters: Cluster[]; joined: Map<Cluster, Cluster> };
/**
 * The unnamed passages of one month joining the named events of that month (`seeds`, left untouched: a
 * seed that gains passages is copied) or each other, in the order passages are merged in. A named
 * event enters at its first passage's turn and, like that passage would, takes over the unnamed event
 * it fits best ("a phone call on January 7" before "In January, Petro held a phone call").
 * Unnamed passages have no names: events here are filed under their predicates alone.
 * Cut into steps: it pauses after every `slice` passages and seeds that arrive.
 */
function* attachSteps(seeds: Cluster[], mentions: EventMention[], slice: number, maxCandidates: number): Generator<void, Attached, void> {
  const memo = new Map<Cluster, Keys>();
  const preds = new Set<string>();
  for (const m of mentions) for (const p of predsOf(m)) preds.add(p);
  const buckets = new Map<string, Map<string, Cluster[]>>();
  // Seeds are only ever found where an unnamed passage looks: file them only there.
  const looked = new Set<string>();
  for (const m of mentions) looked.add(keysOfValue(m.value).lookup ?? '');
  const file = (c: Cluster, value: string, keys: Iterable<string>, onlyLooked = false) => {
    for (const u of keysOfValue(value).units) {
      if (onlyLooked && !looked.has(u)) continue;
      let b = buckets.get(u);
      if (!b) buckets.set(u, (b = new Map()));
      for (const k of keys) {
        let l = b.get(k);
        if (!l) b.set(k, (l = []));
        l.push(c);
      }
    }
  };
  const work = new Map<Cluster, Cluster>();
  /** An unnamed event taken over by a named one. */
  const alias = new Map<Cluster, Cluster>();
  const own = new Set<Cluster>();
  const best = (m: EventMention, miv: [number, number], onlyOwn: boolean, cap: number): Cluster | null => {
    const bucket = buckets.get(keysOfValue(m.value).lookup ?? '');
    let found: Cluster | null = null, bestScore = 0;
    const seen = new Set<Cluster>();
    for (const p of predsOf(m)) {
      const list = bucket?.get(p);
      if (!list) continue;
      for (let i = list.length - 1, n = 0; i >= 0 && n < cap; i--, n++) {
        const c = alias.get(list[i]) ?? list[i];
        if (seen.has(c) || (onlyOwn && !own.has(c))) continue;
        seen.add(c);
        const w = work.get(c) ?? c;
        const s = affinity(m, miv, w, keysOfCluster(w, memo));
        if (s !== null && s > bestScore) { found = c; bestScore = s; }
      }
    }
    return found;
  };
  const sortedSeeds = sortByMention(seeds, (c) => c.mentions[0]);
  const sorted = sortByMention(mentions, self);
  let si = 0;
  const arrive = (s: Cluster) => {
    const f = s.mentions[0];
    const fiv = valueInterval(f.value) ?? [0, Infinity];
    const u = best(f, fiv, true, f.nn ? 10 : maxCandidates);
    let value = s.value;
    if (u) {
      const w = copyCluster(u, u.keys!);
      for (const m of s.mentions) joinCluster(w, m, valueInterval(m.value) ?? [0, Infinity]);
      work.set(s, w);
      alias.set(u, s);
      own.delete(u);
      value = w.value;
    }
    file(s, value, [...keysOfCluster(s, memo).preds].filter((p) => preds.has(p)), true);
  };
  let load = 0;
  for (const m of sorted) {
    if (load >= slice) { yield; load = 0; }
    load++;
    while (si < sortedSeeds.length && mentionOrder(sortedSeeds[si].mentions[0], m) < 0) {
      if (load >= slice) { yield; load = 0; }
      arrive(sortedSeeds[si++]);
      load++;
    }
    const miv = valueInterval(m.value) ?? [0, Infinity];
    const target0 = best(m, miv, false, maxCandidates);
    if (!target0) {
      const c = newCluster(m);
      own.add(c);
      file(c, c.value, predsOf(m));
      continue;
    }
    let target = work.get(target0);
    if (!target && !own.has(target0)) work.set(target0, (target = copyCluster(target0, keysOfCluster(target0, memo))));
    target ??= target0;
    const fresh = keysToFile(target.keys!, target, m, miv, false);
    joinCluster(target, m, miv);
    if (fresh.length) file(target0, target.value, fresh);
  }
  for (const c of own) store(c);
  for (const w of work.values()) store(w);
  return { clusters: [...own], joined: work };
}

/** One part of a unit's merge; `joined` maps the base of each seed that gained passages to its new version. */
interface UnitPart { mentions: EventMention[]; seeds: Cluster[]; clusters: Cluster[]; joined: Map<Cluster, Cluster> | null }
// A unit reads the names of many seeds it does not merge with: read them off the passages, without
// building the seed's keys.
/** Whether a passage of `c` carries name `n`. */
function carriesName(c: Cluster, n: string): boolean {
  for (const m of c.mentions) for (let i = m.np, e = m.np + m.nn; i < e; i++) if (m.keys[i] === n) return true;
  return false;
}
/** Each name of the passages of `c`, in order (repeated when several carry it). */
function forEachName(c: Cluster, f: (n: string) => void) {
  for (const m of c.mentions) for (let i = m.np, e = m.np + m.nn; i < e; i++) f(m.keys[i]);
}

/** The names that link a part: those of its passages (a seed links only names some passage here carries). */
function partNames(p: UnitPart): Set<string> {
  const out = new Set<string>();
  for (const m of p.mentions) for (const n of namesOfMention(m)) out.add(n);
  return out;
}
// Most parts have no seeds and add to none: they share these instead of holding empty ones.
const NO_SEEDS: Cluster[] = [];
const NO_JOINED: ReadonlyMap<Cluster, Cluster> = new Map();
const joinedOf = (p: UnitPart): ReadonlyMap<Cluster, Cluster> => p.joined ?? NO_JOINED;
interface MonthTask { clusters: Cluster[]; joined: Cluster[] }
/** A listed event, with the passages (at their current offsets) and date value it was built from. */
interface Entry extends OrderKey { cluster: Cluster; founder: EventMention; event: NewsEvent; members: EventMention[]; value: string }

interface EventsState {
  /** Each article's passages as last merged (compared by identity with mentionsOf). */
  mentions: Map<string, EventMention[]>;
  /** Articles without a publication date, with the reference date borrowed from others that their passages follow. */
  undated: Map<string, ReferenceDate>;
  checkedVersion: number;
  /** Named passages by "unit|name": the unit they look up, each of their names. */
  unitNameMentions: Map<string, Map<string, OneOrMany<EventMention>>>;
  /** Named events by the year of each unit they lie in, then by every name any version of them carries. */
  unitSeeds: Map<string, Map<string, OneOrMany<Cluster>>>;
  /** A named event as passages of a coarser level left it: a copy per level that added to it. */
  verAt: Map<Cluster, Cluster>[];
  /** Each unit's merge, one part per group of passages linked by names: the part of each "unit|name". */
  partOf: Map<string, Map<string, UnitPart>>;
  /** How many parts each unit has. */
  partCount: Map<string, number>;
  /** Units whose recompute a step left part-way (see recomputeUnit). */
  unitJobs: Map<string, UnitJob>;
  /** Months whose merge a step left part-way (see recomputeMonth). */
  monthJobs: Map<string, MonthJob>;
  unnamedByMonth: Map<string, Set<EventMention>>;
  seedsByMonth: Map<string, Set<Cluster>>;
  tasks: Map<string, MonthTask>;
  /** A named event with the unnamed passages that joined it (a copy). */
  joined: Map<Cluster, Cluster>;
  singles: Map<string, Cluster[]>;
  /** Back-references to each passage. */
  referrers: Map<EventMention, EventMention[]>;
  /** The canonical object of each current passage that an edit only moved. */
  canon: Map<EventMention, EventMention>;
  /** The listed event each canonical passage belongs to. */
  homeOf: Map<EventMention, Cluster>;
  /** Per level, the units to redo and the names in them that changed. */
  dirtyUnits: Map<string, Set<string>>[];
  dirtyMonths: Set<string>;
  retired: Set<Cluster>;
  /** Events to (re)build. */
  touched: Set<Cluster>;
  /** Touched events with their new entry, waiting to go into the list; where stage goes on. */
  staged: Map<Cluster, Entry>;
  staging: Iterator<Cluster> | null;
  /** The sort of the staged entries, while it runs (sortStaged). */
  sorting: { list: Entry[]; tmp: Entry[]; width: number; at: number } | null;
  /** A patch of the list with many changes, while it runs (see patch). */
  patching: { fresh: Entry[]; drop: Set<Cluster>; kept: Entry[]; filtered: number; out: Entry[]; next: number; from: number } | null;
  listed: Map<Cluster, Entry>;
  entries: Entry[];
  list: NewsEvent[] | null;
}

function newState(): EventsState {
  return {
    mentions: new Map(), undated: new Map(), checkedVersion: -1, unitNameMentions: new Map(), unitSeeds: new Map(),
    verAt: LEVELS.map(() => new Map()), partOf: new Map(), partCount: new Map(), unitJobs: new Map(), monthJobs: new Map(), unnamedByMonth: new Map(), seedsByMonth: new Map(), tasks: new Map(), joined: new Map(),
    singles: new Map(), referrers: new Map(), canon: new Map(), homeOf: new Map(), dirtyUnits: LEVELS.map(() => new Map()), dirtyMonths: new Set(), retired: new Set(), touched: new Set(), staged: new Map(), staging: null, sorting: null, patching: null,
    listed: new Map(), entries: [], list: null,
  };
}

function addTo<K, V>(map: Map<K, Set<V>>, k: K, v: V) {
  let s = map.get(k);
  if (!s) map.set(k, (s = new Set()));
  s.add(v);
}
// Two-level indexes hold short lists: lighter than a Set each, and never given the same item twice.
// Most lists hold one item: that item stands in for the list (items are objects, never arrays).
type OneOrMany<V extends object> = V | V[];
const itemsOf = <V extends object>(x: OneOrMany<V> | undefined): V[] | undefined => (x === undefined ? undefined : Array.isArray(x) ? x : [x]);
function addTo2<K, L, V extends object>(map: Map<K, Map<L, OneOrMany<V>>>, k: K, l: L, v: V) {
  let m = map.get(k);
  if (!m) map.set(k, (m = new Map()));
  const list = m.get(l);
  if (list === undefined) m.set(l, v);
  else if (Array.isArray(list)) list.push(v);
  else m.set(l, [list, v]);
}
function deleteFrom2<K, L, V extends object>(map: Map<K, Map<L, OneOrMany<V>>>, k: K, l: L, v: V) {
  const m = map.get(k);
  const list = m?.get(l);
  if (!m || list === undefined) return;
  if (Array.isArray(list)) {
    const i = list.indexOf(v);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 1) m.set(l, list[0]);
    else if (!list.length) m.delete(l);
  } else if (list === v) m.delete(l);
  if (!m.size) map.delete(k);
}
function deleteFrom<K, V>(map: Map<K, Set<V>>, k: K, v: V) {
  const s = map.get(k);
  if (s?.delete(v) && !s.size) map.delete(k);
}

function dirtyMonth(st: EventsState, month: string) {
  // A merge a step left part-way read the month as it was.
  st.monthJobs.delete(month);
  st.dirtyMonths.add(month);
}

function markDirty(st: EventsState, unit: string, name: string) {
  // Work a step left part-way read the unit as it was.
  st.unitJobs.delete(unit);
  const level = st.dirtyUnits[levelOf(unit)];
  let names = level.get(unit);
  if (!names) level.set(unit, (names = new Set()));
  names.add(name);
}

/** An event in the list, or on its way there: an edit that moves one of its passages must rebuild it. */
const shown = (st: EventsState, c: Cluster) => (st.listed.has(c) || st.staged.has(c)) && !st.retired.has(c);

function retire(st: EventsState, c: Cluster) {
  st.retired.add(c);
  st.touched.delete(c);
  if (st.staged.delete(c)) st.sorting = null;
}

/** A named event as the passages of levels up to `level` left it. */
function latest(st: EventsState, b: Cluster, level: number): Cluster {
  for (let j = Math.min(level, LEVELS.length - 1); j >= 0; j--) {
    const v = st.verAt[j].get(b);
    if (v) return v;
  }
  return b;
}

/** A named event changed at `level`: the coarser units it lies in, and its month's unnamed passages, must look again. */
function baseChanged(st: EventsState, b: Cluster, level: number) {
  const names = isBase(b) ? seedNamesOf(b) : null;
  if (names) {
    for (const u of keysOfValue(b.value).units) {
      if (levelOf(u) <= level) continue;
      const here = st.unitNameMentions.get(u);
      if (here) for (const n of names) if (here.has(n)) markDirty(st, u, n);
    }
  }
  const mo = monthOfSeed(b);
  if (mo) dirtyMonth(st, mo);
  if (!st.retired.has(b)) st.touched.add(b);
}

/** The names a registered event is filed under in the seed index. */
function seedNamesOf(b: Cluster): string[] {
  const out = new Set<string>();
  for (const m of b.mentions) for (const n of namesOfMention(m)) out.add(n);
  for (const n of b.extraNames ?? []) out.add(n);
  return [...out];
}

/** Files a named event under each unit it lies in, for each name a new version `v` of it adds. */
function indexSeed(st: EventsState, b: Cluster, v: Cluster) {
  const names = seedNamesOf(b);
  const fresh = [...keysOfCluster(v, new Map()).names].filter((n) => !names.includes(n));
  if (!fresh.length) return;
  (b.extraNames ??= []).push(...fresh);
  fileSeed(st, b, fresh);
}
function fileSeed(st: EventsState, b: Cluster, names: string[]) {
  for (const y of keysOfValue(b.value).unitYears) for (const n of names) addTo2(st.unitSeeds, y, n, b);
}

function registerBase(st: EventsState, b: Cluster, level: number) {
  b.base = level;
  fileSeed(st, b, seedNamesOf(b));
  const mo = monthOfSeed(b);
  if (mo) addTo(st.seedsByMonth, mo, b);
  baseChanged(st, b, level);
}

function unregisterBase(st: EventsState, b: Cluster) {
  const level = b.base;
  retire(st, b);
  baseChanged(st, b, level);
  for (const y of keysOfValue(b.value).unitYears) for (const n of seedNamesOf(b)) deleteFrom2(st.unitSeeds, y, n, b);
  b.base = UNREGISTERED;
  b.extraNames = null;
  const mo = monthOfSeed(b);
  if (mo) deleteFrom(st.seedsByMonth, mo, b);
  for (const v of st.verAt) v.delete(b);
}

/** Takes one article's old passages out and its current ones in, marking what they belong to as dirty. */
function processArticle(st: EventsState, corpus: Corpus, id: string) {
  const oldNow = st.mentions.get(id) ?? [];
  const a = corpus.get(id);
  const now = a ? mentionsOf(corpus, id) : [];
  if (a && !a.published) st.undated.set(id, referenceDates(corpus).get(id) ?? { date: null, inferred: false });
  else st.undated.delete(id);
  if (oldNow === now) return;
  // Passages analysed elsewhere (the indexing worker) arrive with their own copies of every string.
  for (const m of now) {
    internAll(m.keys);
  }
  // A passage whose text, date and merge keys are unchanged (an edit elsewhere only moved it) keeps its
  // canonical object, so nothing it was merged with is redone; only its event is rebuilt, at its new offsets.
  const oldCanon = oldNow.map((o) => st.canon.get(o) ?? o);
  const pool = new Map<string, EventMention[]>();
  oldNow.forEach((o, i) => { const k = contentKey(o); const q = pool.get(k); if (q) q.push(oldCanon[i]); else pool.set(k, [oldCanon[i]]); });
  const fresh = !pool.size;
  const nowCanon = fresh ? now : now.map((n) => pool.get(contentKey(n))?.shift() ?? n);
  const canonOfNew = fresh ? null : new Map(now.map((n, i) => [n, nowCanon[i]]));
  // A back-reference is the same only if it still refers to the same passage.
  if (canonOfNew) now.forEach((n, i) => { if (nowCanon[i] !== n && n.antecedent && canonOfNew.get(n.antecedent) !== nowCanon[i].antecedent) { nowCanon[i] = n; canonOfNew.set(n, n); } });
  const keep = new Set(nowCanon);
  // (A memoised passage may come back as the very object that is still canonical: kept too.)
  const was = new Set(oldCanon);
  for (const o of oldNow) st.canon.delete(o);
  for (const m of oldCanon) {
    st.referrers.delete(m);
    if (keep.has(m)) continue;
    const home = st.homeOf.get(m);
    if (home && shown(st, home)) st.touched.add(home);
    st.homeOf.delete(m);
    moved.delete(m);
    if (m.antecedent) continue;
    if (isNamed(m)) {
      const u = keysOfValue(m.value).lookup;
      if (u) for (const n of namesOfMention(m)) { deleteFrom2(st.unitNameMentions, u, n, m); markDirty(st, u, n); }
    } else {
      const mo = monthOfUnnamed(m);
      if (mo) { deleteFrom(st.unnamedByMonth, mo, m); dirtyMonth(st, mo); }
    }
  }
  const oldSingles = new Map<EventMention, Cluster>();
  for (const c of st.singles.get(id) ?? []) {
    if (keep.has(c.mentions[0])) { oldSingles.set(c.mentions[0], c); continue; }
    if (isBase(c)) unregisterBase(st, c);
    else retire(st, c);
  }
  st.singles.delete(id);
  const singles: Cluster[] = [];
  now.forEach((n, i) => {
    const m = nowCanon[i];
    if (m.antecedent) {
      const ante = canonOfNew ? canonOfNew.get(n.antecedent!)! : n.antecedent!;
      const l = st.referrers.get(ante);
      if (l) l.push(m);
      else st.referrers.set(ante, [m]);
      if (!was.has(m)) { const home = st.homeOf.get(ante); if (home && shown(st, home)) st.touched.add(home); }
    }
    if (was.has(m)) {
      // Kept: it now stands at n's offsets.
      if (m !== n) { st.canon.set(n, m); moved.set(m, n); } else moved.delete(m);
      const home = st.homeOf.get(m);
      if (home && shown(st, home)) st.touched.add(home);
      const single = oldSingles.get(m);
      if (single) singles.push(single);
      return;
    }
    if (m.antecedent) return;
    const u = keysOfValue(m.value).lookup;
    if (isNamed(m) && u) { for (const x of namesOfMention(m)) { addTo2(st.unitNameMentions, u, x, m); markDirty(st, u, x); } return; }
    const mo = isNamed(m) ? null : monthOfUnnamed(m);
    if (mo) { addTo(st.unnamedByMonth, mo, m); dirtyMonth(st, mo); return; }
    // A passage that looks up no unit (or an unnamed one with a coarse date) starts its own event; a
    // named one may still be joined by coarser passages.
    const c = store(newCluster(m));
    singles.push(c);
    if (isNamed(m)) registerBase(st, c, -1);
    else st.touched.add(c);
  });
  if (singles.length) st.singles.set(id, singles);
  if (a) st.mentions.set(id, now);
  else st.mentions.delete(id);
}

/**
 * Re-merges the named passages of one unit around the names an edit touched. The unit's passages fall
 * into parts linked by shared names (an event of a finer level links the names it carries); the parts
 * met from those names are redone, and a part whose passages and seeds are the same objects keeps its result.
 * Takes the names it has dealt with out of `dirty`; the unit is done when `dirty` is empty.
 */
/**
 * How many passages and seeds one call of recomputeUnit takes on around its touched names (at least one
 * name's worth): a unit merged for the first time (a year of a large corpus) is redone in several steps,
 * each short enough for a slice of the extension host's time. Parts are independent, so the cut does not
 * change the result.
 */
const UNIT_CHUNK = 150;
/**
 * Passages a part's merge takes between two looks at the clock. The names of a year can link thousands of
 * passages into one part (one group of linked names) that every touched name redoes: at 9k articles one such
 * merge ran over 100 ms, so it goes on across steps (UnitJob). Tests cut it finer.
 */
export const mergeSlicing = { passages: 256 };

/** The parts one recomputeUnit call redoes, merged one after another; `run` is the merge under way. */
interface UnitJob {
  dirty: Set<string>;
  region: Set<string>;
  oldParts: Set<UnitPart>;
  specs: { ms: EventMention[]; bases: Cluster[]; versions: Cluster[]; keep: UnitPart | null }[];
  parts: UnitPart[];
  run: MergeRun | null;
  keysMemo: Map<Cluster, Keys>;
}

/**
 * Re-merges the named passages of one unit around some of its touched names (see UNIT_CHUNK), until
 * `deadline` (at least one slice of a merge per call); false when it stopped part-way. A stopped call
 * keeps its work in `st.unitJobs` and the next call on the unit goes on with it; anything that changes
 * the unit's passages or seeds meanwhile marks the unit dirty (markDirty), which drops that work. Nothing
 * in the state changes until the last slice, so the result is the same as one uncut call's.
 */
function recomputeUnit(st: EventsState, unit: string, dirty: Set<string>, deadline = Infinity): boolean {
  let job = st.unitJobs.get(unit);
  if (!job || job.dirty !== dirty) job = planUnit(st, unit, dirty);
  st.unitJobs.delete(unit);
  const { specs, parts } = job;
  while (parts.length < specs.length) {
    const spec = specs[parts.length];
    if (spec.keep) { parts.push(spec.keep); continue; }
    job.run ??= startMerge(spec.versions, spec.ms, job.keysMemo, 25);
    stepMerge(job.run, mergeSlicing.passages);
    if (job.run.at < job.run.sorted.length) {
      if (performance.now() >= deadline) { st.unitJobs.set(unit, job); return false; }
      continue;
    }
    const { clusters, joined } = endMerge(job.run);
    job.run = null;
    const { ms, bases, versions } = spec;
    const baseOf = new Map(bases.map((b, i): [Cluster, Cluster] => [versions[i], b]));
    // A part that merged into one event shares that event's list of passages (the same passages, in order).
    parts.push({ mentions: clusters.length === 1 && sameList(clusters[0].mentions, ms) ? clusters[0].mentions : ms, seeds: versions.length ? versions : NO_SEEDS, clusters, joined: joined.size ? new Map([...joined].map(([v, w]) => [baseOf.get(v)!, w])) : null });
    if (parts.length < specs.length && performance.now() >= deadline) { st.unitJobs.set(unit, job); return false; }
  }
  applyUnit(st, unit, job);
  return true;
}

/** The parts around the touched names that recomputeUnit redoes, with what each merges. */
function planUnit(st: EventsState, unit: string, dirty: Set<string>): UnitJob {
  const level = levelOf(unit);
  const unitNames = st.unitNameMentions.get(unit);
  let partsHere = st.partOf.get(unit);
  // Nothing is finer than a day: day units have no seeds.
  const unitSeeds = level > 0 ? st.unitSeeds.get(unit.slice(2, 6)) : undefined;
  const mentionMemo = new Map<string, EventMention[] | undefined>();
  const mentionsAt = (n: string) => {
    if (mentionMemo.has(n)) return mentionMemo.get(n);
    const ms = itemsOf(unitNames?.get(n));
    mentionMemo.set(n, ms);
    return ms;
  };
  const keysMemo = new Map<Cluster, Keys>();
  const seedMemo = new Map<string, [Cluster, Cluster][]>();
  const seedsAt = (n: string): [Cluster, Cluster][] => {
    let out = seedMemo.get(n);
    if (out) return out;
    seedMemo.set(n, (out = []));
    for (const b of itemsOf(unitSeeds?.get(n)) ?? []) {
      if (b.base >= level || !keysOfValue(b.value).units.includes(unit)) continue;
      const v = latest(st, b, level - 1);
      if (carriesName(v, n)) out.push([b, v]);
    }
    return out;
  };
  // A few touched names at a time (see UNIT_CHUNK): the parts around them are redone, and the rest wait.
  const take: string[] = [];
  let load = 0;
  for (const n of dirty) {
    take.push(n);
    load += 1 + (mentionsAt(n)?.length ?? 0) + seedsAt(n).length;
    if (load >= UNIT_CHUNK) break;
  }
  // The region: every name linked to a touched one now, or in a part with one before.
  const region = new Set(take);
  // A unit merged for the first time has no old parts, and every name of its passages is new: no search needed.
  const queue = st.partCount.get(unit) ? [...take] : [];
  const oldParts = new Set<UnitPart>();
  const reach = (x: string) => { if (!region.has(x)) { region.add(x); queue.push(x); } };
  // Each passage and seed links its names once.
  const seenMentions = new Set<EventMention>();
  const seenSeeds = new Set<Cluster>();
  while (queue.length) {
    const n = queue.pop()!;
    const p = partsHere?.get(n);
    if (p && !oldParts.has(p)) { oldParts.add(p); partNames(p).forEach(reach); }
    for (const m of mentionsAt(n) ?? []) if (!seenMentions.has(m)) { seenMentions.add(m); namesOfMention(m).forEach(reach); }
    for (const [b, v] of seedsAt(n)) if (!seenSeeds.has(b)) { seenSeeds.add(b); forEachName(v, (x) => { if (mentionsAt(x)) reach(x); }); }
  }
  const oldByFirst = new Map<EventMention, UnitPart>();
  for (const p of oldParts) oldByFirst.set(p.mentions[0], p);
  const specs: UnitJob['specs'] = [];
  const done = new Set<string>();
  for (const start of region) {
    if (done.has(start) || !mentionsAt(start)) continue;
    const mentions = new Set<EventMention>();
    const seeds = new Map<Cluster, Cluster>();
    const q = [start];
    done.add(start);
    const link = (x: string) => { if (!done.has(x) && mentionsAt(x)) { done.add(x); q.push(x); } };
    while (q.length) {
      const n = q.pop()!;
      for (const m of mentionsAt(n)!) if (!mentions.has(m)) { mentions.add(m); namesOfMention(m).forEach(link); }
      for (const [b, v] of seedsAt(n)) if (!seeds.has(b)) { seeds.set(b, v); forEachName(v, link); }
    }
    const ms = sortByMention([...mentions], self);
    const bases = sortByMention([...seeds.keys()], (c) => c.mentions[0]);
    const versions = bases.map((b) => seeds.get(b)!);
    const prev = oldByFirst.get(ms[0]);
    specs.push({ ms, bases, versions, keep: prev && sameList(prev.mentions, ms) && sameList(prev.seeds, versions) ? prev : null });
  }
  return { dirty, region, oldParts, specs, parts: [], run: null, keysMemo };
}

/** Puts the parts a recomputeUnit call redid in place of the old ones, and registers the events that changed. */
function applyUnit(st: EventsState, unit: string, job: UnitJob) {
  const { dirty, region, oldParts, parts } = job;
  const level = levelOf(unit);
  let partsHere = st.partOf.get(unit);
  // An event with the same passages in the same order is the same event: keep the old object, so nothing
  // coarser has to look at it again.
  const oldClusters = new Map<EventMention, Cluster>();
  const oldJoined = new Map<Cluster, Cluster>();
  for (const p of oldParts) {
    for (const c of p.clusters) oldClusters.set(c.mentions[0], c);
    for (const [b, w] of joinedOf(p)) oldJoined.set(b, w);
  }
  const live = new Set<Cluster>();
  for (const p of parts) {
    if (oldParts.has(p)) { p.clusters.forEach((c) => live.add(c)); continue; }
    p.clusters = p.clusters.map((c) => { const o = oldClusters.get(c.mentions[0]); return o && o.value === c.value && sameList(o.mentions, c.mentions) ? o : c; });
    p.clusters.forEach((c) => live.add(c));
    for (const [b, w] of joinedOf(p)) { const o = oldJoined.get(b); if (o && o.value === w.value && sameList(o.mentions, w.mentions)) p.joined!.set(b, o); }
  }
  const newJoined = new Map<Cluster, Cluster>();
  for (const p of parts) for (const [b, w] of joinedOf(p)) newJoined.set(b, w);
  const kept = new Set(parts);
  for (const p of oldParts) {
    for (const n of partNames(p)) if (partsHere?.get(n) === p) partsHere.delete(n);
    if (kept.has(p)) continue;
    for (const c of p.clusters) if (!live.has(c)) unregisterBase(st, c);
    for (const [b, w] of joinedOf(p)) if (newJoined.get(b) !== w) { st.verAt[level].delete(b); if (isBase(b)) baseChanged(st, b, level); }
  }
  for (const p of parts) {
    if (!partsHere) st.partOf.set(unit, (partsHere = new Map()));
    for (const n of partNames(p)) partsHere.set(n, p);
    if (oldParts.has(p)) continue;
    for (const c of p.clusters) if (!isBase(c)) registerBase(st, c, level);
    for (const [b, w] of joinedOf(p)) if (oldJoined.get(b) !== w) { st.verAt[level].set(b, w); indexSeed(st, b, w); baseChanged(st, b, level); }
  }
  for (const n of region) dirty.delete(n);
  for (const p of parts) for (const n of partNames(p)) dirty.delete(n);
  const count = (st.partCount.get(unit) ?? 0) - oldParts.size + parts.length;
  if (count) st.partCount.set(unit, count);
  else st.partCount.delete(unit);
  if (partsHere && !partsHere.size) st.partOf.delete(unit);
}

/**
 * Unnamed passages and seeds a month's merge takes between two looks at the clock. A month of a 10k corpus
 * holds hundreds of unnamed passages and named events: one uncut merge ran 60-190 ms at 8.5k articles.
 */
export const monthSlicing = { passages: 64 };
/** A month's merge that a step left part-way (see recomputeMonth). */
interface MonthJob { bases: Cluster[]; versions: Cluster[]; run: Generator<void, Attached, void> }

/**
 * Merges a month's unnamed passages, until `deadline` (at least one slice per call); false when it stopped
 * part-way. The merge under way waits in `st.monthJobs`; anything that changes what it reads marks the
 * month dirty again (dirtyMonth), which drops it. The state changes only once the merge is whole.
 */
function recomputeMonth(st: EventsState, month: string, deadline = Infinity): boolean {
  const unnamed = st.unnamedByMonth.get(month);
  let clusters: Cluster[] = [];
  const joined = new Map<Cluster, Cluster>();
  let job = st.monthJobs.get(month);
  st.monthJobs.delete(month);
  if (unnamed?.size) {
    if (!job) {
      const bases = [...(st.seedsByMonth.get(month) ?? [])];
      const versions = bases.map((b) => latest(st, b, LEVELS.length - 1));
      job = { bases, versions, run: attachSteps(versions, [...unnamed], monthSlicing.passages, 25) };
    }
    let r = job.run.next();
    for (; !r.done; r = job.run.next()) if (performance.now() >= deadline) { st.monthJobs.set(month, job); return false; }
    const { bases, versions } = job;
    const baseOf = new Map(versions.map((v, i) => [v, bases[i]]));
    clusters = r.value.clusters;
    for (const [v, w] of r.value.joined) joined.set(baseOf.get(v)!, w);
  }
  const old = st.tasks.get(month);
  st.tasks.delete(month);
  // Events with the same passages keep their objects, so the list need not change for them.
  const oldClusters = new Map<EventMention, Cluster>();
  for (const c of old?.clusters ?? []) oldClusters.set(c.mentions[0], c);
  clusters = clusters.map((c) => { const o = oldClusters.get(c.mentions[0]); return o && o.value === c.value && sameList(o.mentions, c.mentions) ? o : c; });
  const live = new Set(clusters);
  for (const c of old?.clusters ?? []) if (!live.has(c)) retire(st, c);
  for (const c of clusters) if (!oldClusters.has(c.mentions[0]) || oldClusters.get(c.mentions[0]) !== c) st.touched.add(c);
  for (const s of old?.joined ?? []) {
    if (joined.has(s)) continue;
    st.joined.delete(s);
    if (isBase(s)) st.touched.add(s);
  }
  for (const [b, w] of joined) {
    const o = st.joined.get(b);
    if (o && o.value === w.value && sameList(o.mentions, w.mentions)) continue;
    st.joined.set(b, w);
    st.touched.add(b);
  }
  if (clusters.length || joined.size) st.tasks.set(month, { clusters, joined: [...joined.keys()] });
  return true;
}

function sameList<T>(a: T[], b: T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Events tie on date and size in the order one merge would have made them: by their first passage. */
function entryOrder(x: Entry, y: Entry): number {
  const a = x.event, b = y.event;
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;
  return b.sources.length - a.sources.length || keyOrder(x, y);
}

function buildEvent(corpus: Corpus, members: EventMention[], value: string): NewsEvent {
  const sources = [...members].sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start));
  const date = eventDate(value);
  const label = eventLabel(corpus, members);
  const inferred = members.every((m) => m.inferred);
  const first = sources[0];
  return {
    // Joined into one flat string (a template would keep the pieces).
    id: [date ?? 'undated', shortHash(`${first.article}:${first.start}`)].join('-'),
    date,
    label,
    sources: dedupe(sources).map(({ article, start, end, text }) => ({ article, start, end, text })),
    ...(inferred ? { inferred: true } : {}),
  };
}

/** The passages of a touched event as it now stands, at their current offsets, and its date value. */
function currentMembers(st: EventsState, c: Cluster): { work: Cluster; members: EventMention[]; current: EventMention[] } {
  const work = st.joined.get(c) ?? latest(st, c, LEVELS.length - 1);
  let members = work.mentions;
  const back: EventMention[] = [];
  for (const m of members) { const r = st.referrers.get(m); if (r) back.push(...r); }
  if (back.length) members = [...members, ...back.sort(mentionOrder)];
  // Reported at the offsets of the passages they now stand for (the same list when none moved).
  const current = members.some((m) => moved.has(m)) ? members.map((m) => moved.get(m) ?? m) : members;
  return { work, members, current };
}

/** The event of a touched cluster: the one its entry holds while its passages and date are the same. */
function eventOf(st: EventsState, corpus: Corpus, c: Cluster, work: Cluster, current: EventMention[]): NewsEvent {
  const was = st.staged.get(c) ?? st.listed.get(c);
  if (was && was.value === work.value && sameList(was.members, current)) return was.event;
  return buildEvent(corpus, current, work.value);
}

/**
 * Builds the entry of each touched event, until `deadline` (at least one per call); true when none is
 * left. Entries wait in `staged` until the list is patched (commit), so a call may stop between any two.
 */
function stage(st: EventsState, corpus: Corpus, deadline: number): boolean {
  // A Set's iterator is live (it goes on to events touched since, and skips those retired since): kept
  // across calls, it resumes where the last call stopped. A staged event leaves `touched`, so touching
  // it again stages it again.
  const it = (st.staging ??= st.touched.values());
  for (let r = it.next(); !r.done; r = it.next()) {
    const c = r.value;
    st.touched.delete(c);
    const { work, members, current } = currentMembers(st, c);
    for (const m of members) st.homeOf.set(m, c);
    const founder = work.mentions[0];
    const event = eventOf(st, corpus, c, work, current);
    const k = orderKey(founder);
    st.staged.set(c, { a: k.a, w: k.w, article: k.article, start: k.start, cluster: c, founder, event, members: current, value: work.value });
    st.sorting = null;
    if (performance.now() >= deadline) return false;
  }
  st.staging = null;
  return true;
}

/** Runs of this many entries are sorted at once; longer lists are merged run by run. */
const SORT_RUN = 1024;

/**
 * Sorts the staged entries, resumably: runs of SORT_RUN entries, then merges of two runs at a time, so
 * no call does more than one run's or one merge's work past `deadline`. True when sorted.
 */
function sortStaged(st: EventsState, deadline: number): boolean {
  let s = st.sorting;
  if (!s) {
    const list = [...st.staged.values()];
    s = st.sorting = { list, tmp: new Array<Entry>(list.length), width: 0, at: 0 };
  }
  const n = s.list.length;
  while (s.width === 0) {
    if (s.at >= n) { s.width = SORT_RUN; s.at = 0; break; }
    const end = Math.min(n, s.at + SORT_RUN);
    const run = s.list.slice(s.at, end).sort(entryOrder);
    for (let i = 0; i < run.length; i++) s.list[s.at + i] = run[i];
    s.at = end;
    if (performance.now() >= deadline && s.at < n) return false;
  }
  while (s.width < n) {
    const { list, tmp, width } = s;
    for (; s.at < n; s.at += 2 * width) {
      const mid = Math.min(n, s.at + width), end = Math.min(n, s.at + 2 * width);
      let i = s.at, j = mid, o = s.at;
      while (i < mid && j < end) tmp[o++] = entryOrder(list[j], list[i]) < 0 ? list[j++] : list[i++];
      while (i < mid) tmp[o++] = list[i++];
      while (j < end) tmp[o++] = list[j++];
      if (performance.now() >= deadline && s.at + 2 * width < n) { s.at += 2 * width; return false; }
    }
    s.list = tmp;
    s.tmp = list;
    s.width *= 2;
    s.at = 0;
  }
  return true;
}

/** Takes the retired events out of the sorted list and puts the staged ones in (many of them: see patch). */
function commit(st: EventsState, fresh: Entry[]) {
  const drop = new Set<Cluster>();
  const dropped: Entry[] = [];
  for (const c of st.retired) { const e = st.listed.get(c); if (e) { drop.add(c); dropped.push(e); st.listed.delete(c); } }
  for (const e of fresh) {
    const was = st.listed.get(e.cluster);
    if (was) { drop.add(e.cluster); dropped.push(was); }
    st.listed.set(e.cluster, e);
  }
  st.retired.clear();
  st.staged.clear();
  st.sorting = null;
  if (drop.size + fresh.length <= 256) {
    // A few changes: patch the list in place.
    const at = (e: Entry) => { let lo = 0, hi = st.entries.length; while (lo < hi) { const mid = (lo + hi) >> 1; if (entryOrder(st.entries[mid], e) < 0) lo = mid + 1; else hi = mid; } return lo; };
    for (const e of dropped) {
      let i = at(e);
      if (st.entries[i] !== e) i = st.entries.indexOf(e);
      if (i >= 0) st.entries.splice(i, 1);
    }
    for (const e of fresh) st.entries.splice(at(e), 0, e);
    st.list = null;
  } else {
    st.patching = { fresh, drop, kept: drop.size ? [] : st.entries, filtered: drop.size ? 0 : st.entries.length, out: [], next: 0, from: 0 };
  }
}

/** Entries a patch step copies between two looks at the clock. */
const PATCH_STEP = 4096;

/**
 * Patches the list with many changes, resumably: the kept entries filtered, then the fresh ones merged
 * in (binary searches, then one pass). Only patch steps change the list, and the next commit waits for
 * this one to end, so changes made between steps do not disturb it. True when the list is whole again.
 */
function patch(st: EventsState, deadline: number): boolean {
  const p = st.patching;
  if (!p) return true;
  const src = st.entries;
  while (p.filtered < src.length) {
    const end = Math.min(src.length, p.filtered + PATCH_STEP);
    for (let i = p.filtered; i < end; i++) if (!p.drop.has(src[i].cluster)) p.kept.push(src[i]);
    p.filtered = end;
    if (performance.now() >= deadline) return false;
  }
  const { fresh, kept, out } = p;
  let work = 0;
  while (p.next < fresh.length) {
    const e = fresh[p.next++];
    let lo = p.from, hi = kept.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (entryOrder(kept[mid], e) <= 0) lo = mid + 1; else hi = mid; }
    for (let i = p.from; i < lo; i++) out.push(kept[i]);
    out.push(e);
    work += lo - p.from + 1;
    p.from = lo;
    if (work >= PATCH_STEP) { work = 0; if (performance.now() >= deadline) return false; }
  }
  for (let i = p.from; i < kept.length; i++) out.push(kept[i]);
  st.entries = out;
  st.list = null;
  st.patching = null;
  return true;
}

const eventsState = (corpus: Corpus) => corpus.state('events', newState);

/**
 * Brings the events up to date with the changed articles until `deadline`; true when done. Stops only
 * between articles, units, months and built events, so the state stays consistent; the list is patched at the end.
 */
export function settleEvents(corpus: Corpus, deadline: number): boolean {
  const st = eventsState(corpus);
  const pending = corpus.changesFor('events');
  if (st.checkedVersion !== corpus.version) {
    // An undated article borrows its reference date from others: an edit elsewhere may move its dates.
    // Its passages are memoised per reference date (mentionsOf): the same date means the same passages.
    const refs = referenceDates(corpus);
    for (const [id, was] of st.undated) {
      const ref = refs.get(id);
      if (!pending.has(id) && (ref?.date !== was.date || ref?.inferred !== was.inferred)) pending.add(id);
    }
    st.checkedVersion = corpus.version;
  }
  // A patch of the list that a slice left unfinished ends first (the next commit needs the whole list).
  if (!patch(st, deadline)) return false;
  // At least one step per call, checked after it, so slices with a spent deadline still make progress.
  let did = false;
  const stop = () => did && performance.now() >= deadline;
  for (const id of pending) {
    if (stop()) return false;
    processArticle(st, corpus, id);
    pending.delete(id);
    did = true;
  }
  // Level by level, finest first: a unit reads the events of finer ones.
  for (const dirty of st.dirtyUnits) {
    while (dirty.size) {
      for (const [u, names] of dirty) {
        if (stop()) return false;
        if (!recomputeUnit(st, u, names, deadline)) return false;
        if (!names.size) dirty.delete(u);
        did = true;
      }
    }
  }
  for (const mo of st.dirtyMonths) {
    if (stop()) return false;
    if (!recomputeMonth(st, mo, deadline)) return false;
    st.dirtyMonths.delete(mo);
    did = true;
  }
  // Then the list: each touched event built (and its entry staged), the staged entries sorted, the list patched.
  if (st.touched.size && !stage(st, corpus, deadline)) return false;
  if (!st.staged.size && !st.retired.size) return true;
  if (st.staged.size && !sortStaged(st, deadline)) return false;
  commit(st, st.sorting?.list ?? []);
  return patch(st, deadline);
}

export function buildEvents(corpus: Corpus): NewsEvent[] {
  settleEvents(corpus, Infinity);
  const st = eventsState(corpus);
  return (st.list ??= st.entries.map((e) => e.event));
}

function dedupe(ps: EventMention[]): EventMention[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.article}:${p.start}:${p.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function shortHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** The events with a passage that contains `offset` of article `id`. */
export function eventsAt(corpus: Corpus, id: string, offset: number): NewsEvent[] {
  return corpus.events().filter((e) => e.sources.some((s) => s.article === id && s.start <= offset && offset < s.end));
}
