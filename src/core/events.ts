// Events: what happened (or will happen) and when, extracted from sentences that pair a past or
// future event with a time expression, then merged across articles into one timeline. Merging is
// bucketed by date and predicate, so it stays near-linear in the number of mentions.
import type { Corpus } from './corpus';
import { referenceDates, tenseAt, timesOf, type ReferenceDate } from './dates';
import { eventLabel } from './eventLabel';
import { eventDate, valueInterval as parseInterval, DAY_MS, fmtDay, isoWeek } from './timex';
import { contentWords, IRREGULAR, lemma } from './words';
import type { Article, NewsEvent, Passage, TimeExpression } from './types';

/** One passage that reports an event, with what is needed to match it against others. */
export interface EventMention extends Passage {
  /** The TIMEX3 value that dates it. */
  value: string;
  inferred: boolean;
  /** Predicate keys: event classes ("MEET", "CALL", "SAY") or stemmed verbs and event nouns. */
  preds: string[];
  /** Lower-cased proper names in the passage (people, places, organisations). */
  names: string[];
  /** Stemmed content words. */
  words: string[];
  /** The time expression's span, for the label and the hover. */
  timex: { start: number; end: number };
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
      if (!LIGHT.has(l) && l.length > 2) out.add(`v:${l}`);
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
    out.add(lw);
  }
  return [...out];
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
    out.push({
      article: a.id, start, end, text, value: t.value, inferred: t.inferred, preds, names: namesOf(text, known),
      words: [...new Set(contentWords(text))], timex: { start: t.start, end: t.end },
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
    for (const p of m.preds) {
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
    out.push({ ...prev, start: u.start, end: u.end, text, preds: [...new Set([u.cls, ...predicatesOf(text)])], names: namesOf(text, known), words: [...new Set(contentWords(text))], timex: prev.timex, antecedent: prev });
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

interface Cluster {
  id: number;
  value: string;
  /** valueInterval(value), kept to avoid re-parsing. */
  iv: [number, number];
  mentions: EventMention[];
  preds: Set<string>;
  names: Set<string>;
  words: Map<string, number>;
  /** Bucket keys ("n:name", "p:pred") this cluster is already filed under. */
  filed: Set<string>;
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
function affinity(m: EventMention, miv: [number, number], c: Cluster): number | null {
  const nested = (miv[0] <= c.iv[0] && c.iv[1] <= miv[1]) || (c.iv[0] <= miv[0] && miv[1] <= c.iv[1]);
  if (!nested) return null;
  let shared = 0, onlySay = true;
  for (const p of m.preds) if (c.preds.has(p)) { shared++; if (p !== 'SAY') onlySay = false; }
  if (!shared) return null;
  let sharedNames = 0;
  for (const n of m.names) if (c.names.has(n)) sharedNames++;
  // Different actors on the same date are different events.
  if (m.names.length && c.names.size && !sharedNames) return null;
  let sharedWords = 0;
  for (const w of m.words) if (c.words.has(w)) sharedWords++;
  const dice = (2 * sharedWords) / (m.words.length + c.words.size || 1);
  // Statements match only when the same people speak on the same day.
  if (onlySay && (!sharedNames || miv[1] > miv[0] || c.iv[1] > c.iv[0])) return null;
  const score = shared + sharedNames + 3 * dice;
  // A year or a quarter holds many events of one kind: coarse dates need the same actors and wording.
  const coarse = Math.max(miv[1] - miv[0], c.iv[1] - c.iv[0]) > 31;
  if (coarse) return sharedNames > 0 && dice >= 0.2 && score >= 2.6 ? score : null;
  return score >= 1.4 ? score : null;
}

function joinCluster(c: Cluster, m: EventMention, miv: [number, number]) {
  c.mentions.push(m);
  for (const p of m.preds) c.preds.add(p);
  for (const n of m.names) c.names.add(n);
  for (const w of m.words) c.words.set(w, (c.words.get(w) ?? 0) + 1);
  if (miv[1] - miv[0] < c.iv[1] - c.iv[0]) { c.value = m.value; c.iv = miv; }
}

/**
 * Merges mentions into events: finest dates first. Each mention is compared only with the clusters filed
 * in its own date unit under one of its names (or, when it names nobody, one of its predicates), so the
 * work per mention is bounded and the whole merge near-linear.
 */
export function mergeMentions(mentions: EventMention[], maxCandidates = 25): Cluster[] {
  const ivs = new Map<EventMention, [number, number]>();
  // How many passages name each name: the rarest names find a mention's event fastest.
  const nameFreq = new Map<string, number>();
  for (const m of mentions) {
    ivs.set(m, valueInterval(m.value) ?? [0, Infinity]);
    for (const n of m.names) nameFreq.set(n, (nameFreq.get(n) ?? 0) + 1);
  }
  const w = (m: EventMention) => { const iv = ivs.get(m)!; return iv[1] - iv[0]; };
  // Sentences that only refer back to an event go last, straight into their antecedent's event.
  const sorted = [...mentions].sort((x, y) => Number(!!x.antecedent) - Number(!!y.antecedent) || w(x) - w(y) || (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start));
  const buckets = new Map<string, Map<string, Cluster[]>>();
  const clusters: Cluster[] = [];
  const home = new Map<EventMention, Cluster>();
  const keysOf = (names: Iterable<string>, preds: Iterable<string>) => [...[...names].map((n) => `n:${n}`), ...[...preds].map((p) => `p:${p}`)];
  for (const m of sorted) {
    const miv = ivs.get(m)!;
    const key = lookupKey(m.value);
    let best: Cluster | null = (m.antecedent && home.get(m.antecedent)) || null, bestScore = 0;
    if (key && !best) {
      const bucket = buckets.get(key);
      const seen = new Set<number>();
      // Clusters sharing a name first, then (a few recent ones) sharing a predicate: some passages name nobody.
      const rare = [...m.names].sort((x, y) => nameFreq.get(x)! - nameFreq.get(y)!).slice(0, 3);
      const probe: [string, number][] = [...rare.map((n): [string, number] => [`n:${n}`, maxCandidates]), ...m.preds.map((p): [string, number] => [`p:${p}`, m.names.length ? 10 : maxCandidates])];
      for (const [k, cap] of probe) {
        const list = bucket?.get(k);
        if (!list) continue;
        for (let i = list.length - 1, n = 0; i >= 0 && n < cap; i--, n++) {
          const c = list[i];
          if (seen.has(c.id)) continue;
          seen.add(c.id);
          const s = affinity(m, miv, c);
          if (s !== null && s > bestScore) { best = c; bestScore = s; }
        }
      }
    }
    if (!best) {
      best = { id: clusters.length, value: m.value, iv: miv, mentions: [], preds: new Set(), names: new Set(), words: new Map(), filed: new Set() };
      clusters.push(best);
    }
    const valueBefore = best.value;
    joinCluster(best, m, miv);
    home.set(m, best);
    // File the cluster under every unit it lies in, for each name and predicate it now has.
    const fresh = keysOf(m.names, m.preds).filter((k) => !best!.filed.has(k));
    if (valueBefore !== best.value) fresh.push(...best.filed);
    for (const k of fresh) best.filed.add(k);
    if (!fresh.length) continue;
    for (const u of unitKeys(best.value)) {
      let b = buckets.get(u);
      if (!b) buckets.set(u, (b = new Map()));
      for (const k of fresh) {
        let l = b.get(k);
        if (!l) b.set(k, (l = []));
        l.push(best);
      }
    }
  }
  return clusters;
}

// ---- incremental merging ---------------------------------------------------------------------------
// A mention only ever joins a cluster whose interval nests with its own, looked up under a calendar unit
// of its own year (see lookupKey/unitKeys). So the merge splits into independent parts per year, linked
// only by ISO weeks that straddle New Year. Re-merging after one edit then redoes only the years whose
// mentions changed; the others reuse their clusters (mention objects are memoised per article).

interface MergedPart { mentions: EventMention[]; clusters: Cluster[] }
const mergeMemos = new WeakMap<Corpus, Map<string, MergedPart>>();

const builtMemos = new WeakMap<Corpus, WeakMap<Cluster, NewsEvent>>();
function builtEvents(corpus: Corpus): WeakMap<Cluster, NewsEvent> {
  let m = builtMemos.get(corpus);
  if (!m) builtMemos.set(corpus, (m = new WeakMap()));
  return m;
}

function mergeMemo(corpus: Corpus): Map<string, MergedPart> {
  let m = mergeMemos.get(corpus);
  if (!m) mergeMemos.set(corpus, (m = new Map()));
  return m;
}

/** The part each mention is merged in: its year (or its New Year-linked years), or 'x' for spans no unit holds. */
function partsOf(mentions: EventMention[]): Map<EventMention, string> {
  const years = new Map<EventMention, [number, number] | null>();
  const parent = new Map<number, number>();
  const find = (y: number): number => { let r = y; while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!; return r; };
  for (const m of mentions) {
    const iv = valueInterval(m.value);
    const span: [number, number] | null = iv && Number.isFinite(iv[1]) ? [new Date(iv[0] * DAY_MS).getUTCFullYear(), new Date(iv[1] * DAY_MS).getUTCFullYear()] : null;
    years.set(m, span);
    if (!span || !iv) continue;
    if (!parent.has(span[0])) parent.set(span[0], span[0]);
    // A week across New Year is a unit both years' days are filed under: their merges must run together.
    if (span[0] !== span[1] && iv[1] - iv[0] <= 6) {
      if (!parent.has(span[1])) parent.set(span[1], span[1]);
      parent.set(find(span[1]), find(span[0]));
    }
  }
  const out = new Map<EventMention, string>();
  const partOf = (m: EventMention): string => {
    const known = out.get(m);
    if (known !== undefined) return known;
    // A back-reference goes wherever its antecedent's event is.
    const antecedentPart = m.antecedent && years.has(m.antecedent) ? partOf(m.antecedent) : null;
    const iv = valueInterval(m.value);
    const span = years.get(m);
    const p = antecedentPart ?? (!span || !iv || (span[0] !== span[1] && iv[1] - iv[0] > 6) ? 'x' : String(find(span[0])));
    out.set(m, p);
    return p;
  };
  for (const m of mentions) partOf(m);
  return out;
}

/** mergeMentions, run per independent part and reusing the parts whose mentions did not change. */
export function mergeByYear(mentions: EventMention[], memo: Map<string, MergedPart>): Cluster[] {
  const part = partsOf(mentions);
  const groups = new Map<string, EventMention[]>();
  for (const m of mentions) {
    const k = part.get(m)!;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(m);
  }
  const clusters: Cluster[] = [];
  for (const [k, g] of groups) {
    const cached = memo.get(k);
    const same = cached && cached.mentions.length === g.length && cached.mentions.every((m, i) => m === g[i]);
    const merged = same ? cached!.clusters : mergeMentions(g);
    if (!same) memo.set(k, { mentions: g, clusters: merged });
    clusters.push(...merged);
  }
  for (const k of [...memo.keys()]) if (!groups.has(k)) memo.delete(k);
  // The order one global merge would have created them in: by their first mention.
  const width = (m: EventMention) => { const iv = valueInterval(m.value) ?? [0, Infinity]; return iv[1] - iv[0]; };
  const rank = new Map<Cluster, { a: number; w: number; m: EventMention }>(clusters.map((c) => [c, { a: Number(!!c.mentions[0].antecedent), w: width(c.mentions[0]), m: c.mentions[0] }]));
  return clusters.sort((x, y) => {
    const a = rank.get(x)!, b = rank.get(y)!;
    return a.a - b.a || a.w - b.w || (a.m.article < b.m.article ? -1 : a.m.article > b.m.article ? 1 : a.m.start - b.m.start);
  });
}

export function buildEvents(corpus: Corpus): NewsEvent[] {
  const mentions = corpus.articles().flatMap((a) => mentionsOf(corpus, a.id));
  const clusters = mergeByYear(mentions, mergeMemo(corpus));
  // A cluster reused from an unchanged year has the same mentions, hence the same event.
  const built = builtEvents(corpus);
  const events: NewsEvent[] = clusters.map((c) => {
    const done = built.get(c);
    if (done) return done;
    const sources = [...c.mentions].sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start));
    const date = eventDate(c.value);
    const label = eventLabel(corpus, c.mentions);
    const inferred = c.mentions.every((m) => m.inferred);
    const first = sources[0];
    return {
      id: `${date ?? 'undated'}-${shortHash(`${first.article}:${first.start}`)}`,
      date,
      label,
      sources: dedupe(sources).map(({ article, start, end, text }) => ({ article, start, end, text })),
      ...(inferred ? { inferred: true } : {}),
    };
  }).map((e, i) => { built.set(clusters[i], e); return e; });
  return events.sort((x, y) => (x.date === y.date ? y.sources.length - x.sources.length : x.date === null ? 1 : y.date === null ? -1 : x.date < y.date ? -1 : 1));
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
