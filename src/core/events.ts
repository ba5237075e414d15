// Events: what happened (or will happen) and when, extracted from sentences that pair a past or
// future event with a time expression, then merged across articles into one timeline. Merging is
// bucketed by date and predicate, so it stays near-linear in the number of mentions.
import type { Corpus } from './corpus';
import { referenceDates, tenseAt, timesOf, type ReferenceDate } from './dates';
import { eventLabel } from './eventLabel';
import { compatible, eventDate, valueInterval, width, DAY_MS, fmtDay, isoWeek } from './timex';
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
    for (const m of s.text.matchAll(/(?<=[\p{L},;)]\s+)[\p{Lu}][\p{L}'’.‑-]*/gu)) out.add(m[0].replace(/['’]s$/, '').replace(/\.$/, '').toLowerCase());
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
  const dated = times.filter((t) => t.start >= sStart && t.end <= sEnd && (t.type === 'DATE' || t.type === 'TIME') && eventDate(t.value) && !insideQuote(s, t.start - sStart));
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
  for (const s of a.sentences) {
    const ms = sentenceMentions(a, s.start, s.end, times, known);
    out.push(...ms);
    if (!ms.length && !times.some((t) => t.start >= s.start && t.end <= s.end && eventDate(t.value))) {
      const m = EVENT_NOUN_SUBJECT.exec(s.text);
      const cls = m && CLASS_OF.get(m[1].toLowerCase());
      if (m && cls && !insideQuote(s.text, m.index)) undated.push({ start: s.start, end: s.end, cls });
    }
  }
  // "The meeting ... is moving forward": a definite event noun as subject refers to this article's dated event of that kind.
  for (const u of undated) {
    const same = out.filter((m) => m.preds.includes(u.cls) && !m.value.includes('T'));
    if (!same.length) continue;
    const prev = [...same].reverse().find((m) => m.start < u.start) ?? same[0];
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

interface Cluster {
  id: number;
  value: string;
  mentions: EventMention[];
  preds: Set<string>;
  names: Set<string>;
  words: Map<string, number>;
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
function affinity(m: EventMention, c: Cluster): number | null {
  if (!compatible(m.value, c.value)) return null;
  const sharedPreds = m.preds.filter((p) => c.preds.has(p));
  if (!sharedPreds.length) return null;
  const sharedNames = m.names.filter((n) => c.names.has(n)).length;
  // Different actors on the same date are different events.
  if (m.names.length && c.names.size && !sharedNames) return null;
  let sharedWords = 0;
  for (const w of m.words) if (c.words.has(w)) sharedWords++;
  const dice = (2 * sharedWords) / (m.words.length + c.words.size || 1);
  const onlySay = sharedPreds.every((p) => p === 'SAY');
  // Statements match only when the same people speak on the same day.
  if (onlySay && (!sharedNames || width(m.value) > 1 || width(c.value) > 1)) return null;
  const score = sharedPreds.length + sharedNames + 3 * dice;
  return score >= 1.4 ? score : null;
}

function joinCluster(c: Cluster, m: EventMention) {
  c.mentions.push(m);
  for (const p of m.preds) c.preds.add(p);
  for (const n of m.names) c.names.add(n);
  for (const w of m.words) c.words.set(w, (c.words.get(w) ?? 0) + 1);
  if (width(m.value) < width(c.value)) c.value = m.value;
}

/** Merges mentions into events: finest dates first, each mention compared only with clusters in its date bucket sharing a predicate. */
export function mergeMentions(mentions: EventMention[], maxCandidates = 200): Cluster[] {
  // Sentences that only refer back to an event go last, straight into their antecedent's event.
  const sorted = [...mentions].sort((x, y) => Number(!!x.antecedent) - Number(!!y.antecedent) || width(x.value) - width(y.value) || (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start));
  const buckets = new Map<string, Map<string, Cluster[]>>();
  const clusters: Cluster[] = [];
  const home = new Map<EventMention, Cluster>();
  for (const m of sorted) {
    const key = lookupKey(m.value);
    let best: Cluster | null = (m.antecedent && home.get(m.antecedent)) || null, bestScore = 0;
    if (key && !best) {
      const bucket = buckets.get(key);
      const seen = new Set<number>();
      for (const p of m.preds) {
        const list = bucket?.get(p);
        if (!list) continue;
        for (let i = list.length - 1, n = 0; i >= 0 && n < maxCandidates; i--, n++) {
          const c = list[i];
          if (seen.has(c.id)) continue;
          seen.add(c.id);
          const s = affinity(m, c);
          if (s !== null && s > bestScore) { best = c; bestScore = s; }
        }
      }
    }
    if (!best) {
      best = { id: clusters.length, value: m.value, mentions: [], preds: new Set(), names: new Set(), words: new Map() };
      clusters.push(best);
    }
    const before = new Set(best.preds);
    joinCluster(best, m);
    home.set(m, best);
    // File the cluster under every unit it lies in, for each predicate it now has.
    for (const k of unitKeys(best.value)) {
      let b = buckets.get(k);
      if (!b) buckets.set(k, (b = new Map()));
      for (const p of best.preds) {
        if (before.has(p) && best.mentions.length > 1) continue;
        let l = b.get(p);
        if (!l) b.set(p, (l = []));
        l.push(best);
      }
    }
  }
  return clusters;
}

export function buildEvents(corpus: Corpus): NewsEvent[] {
  const mentions = corpus.articles().flatMap((a) => mentionsOf(corpus, a.id));
  const clusters = mergeMentions(mentions);
  const events: NewsEvent[] = clusters.map((c) => {
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
  });
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
