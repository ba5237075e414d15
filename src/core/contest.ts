// Do two passages that report the same fact disagree? Pure comparisons over "passage facts":
// the resolved dates attached to the shared words, the numbers with their units, and the stance
// (confirmed vs not confirmed, did vs did not). No corpus access here, so it is unit-testable
// with hand-written pairs.
import { isContentWord, stem, tokenize } from './claimText';
import type { Span } from './types';

export interface DateMention extends Span {
  text: string;
  /** TIMEX3 value: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn (a time part is ignored). */
  value: string;
}

export interface Quantity extends Span {
  text: string;
  value: number;
  unit: string;
  bound: 'eq' | 'approx' | 'gt' | 'lt';
}

export interface PassageFacts extends Span {
  article: string;
  text: string;
  /** Names in the passage and the sentence before it: capitalised words and model numbers ("A380"). */
  names: Set<string>;
  /** The article's publication date (YYYY-MM-DD), or null. */
  published: string | null;
  /** Content-word stems with their offsets. */
  words: { stem: string; start: number }[];
  dates: DateMention[];
  /** The date the narrative carries over from the sentence before, when this one has none. */
  inheritedDate: DateMention | null;
  quantities: Quantity[];
  /** A cue that presents the fact as settled ("accepted", "confirmed"), or null. */
  settled: string | null;
  /** A cue that presents it as unsettled ("not confirmed", "no evidence"), or null. */
  unsettled: string | null;
  /** Stems of words directly negated ("did not attend" -> "attend"). */
  negated: Set<string>;
  /** Counts of a measured quantity (see extractMeasures). */
  measures: Measure[];
}

export interface Disagreement {
  kind: 'date' | 'number' | 'stance';
  /** What this passage says, e.g. "in January (2026-01)". */
  here: string;
  /** What the other passage says. */
  there: string;
}

// ---- dates ---------------------------------------------------------------------------------

const DAY = 86_400_000;

/** The days a TIMEX3 value covers, as [first, last] day numbers; null when it is not a calendar date. */
export function dateRange(value: string): [number, number] | null {
  const v = value.split('T')[0];
  let m = /^(\d{4})$/.exec(v);
  if (m) return [Date.UTC(+m[1], 0, 1) / DAY, Date.UTC(+m[1], 11, 31) / DAY];
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return [Date.UTC(+m[1], +m[2] - 1, 1) / DAY, Date.UTC(+m[1], +m[2], 0) / DAY];
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const d = Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY;
    return [d, d];
  }
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) return [Date.UTC(+m[1], (+m[2] - 1) * 3, 1) / DAY, Date.UTC(+m[1], +m[2] * 3, 0) / DAY];
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) {
    // ISO week: the week with the year's first Thursday is week 1.
    const jan4 = Date.UTC(+m[1], 0, 4) / DAY;
    const monday = jan4 - ((new Date(jan4 * DAY).getUTCDay() + 6) % 7) + (+m[2] - 1) * 7;
    return [monday, monday + 6];
  }
  return null;
}

/** True when a date value lies within three days before, or one day after, the publication date. */
export function nearPublication(value: string, published: string): boolean {
  const r = dateRange(value);
  const p = dateRange(published);
  if (!r || !p) return false;
  return r[0] >= p[0] - 3 && r[1] <= p[0] + 1;
}

/** True when two date values cannot both be right about one event. */
export function datesDisagree(a: string, b: string): boolean {
  const x = dateRange(a);
  const y = dateRange(b);
  if (!x || !y) return false;
  return x[1] < y[0] || y[1] < x[0];
}

// ---- numbers --------------------------------------------------------------------------------

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100, dozen: 12, half: 0.5,
};
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6 };
// Nouns that count participants named elsewhere ("the two leaders"): not a figure to compare.
const REFERENTIAL = new Set(['leader', 'side', 'country', 'nation', 'president', 'man', 'woman', 'time', 'way', 'thing', 'of', 'and', 'or', 'to', 'in', 'the', 'a']);
const QUANTITY = new RegExp(
  String.raw`\b(?:(more than|over|at least|fewer than|less than|under|up to|nearly|almost|about|around|roughly|approximately|some|an estimated|just over|just under)\s+)?` +
    String.raw`((?:US|USD)?[$€£]\s?)?(\d[\d,]{0,15}(?:\.\d{1,6})?|${Object.keys(NUMBER_WORDS).join('|')})(?:\s*(thousand|million|billion|trillion|bn|mn))?` +
    String.raw`(?:\s*(%|percent|per cent)|[\s\u2010\u2011-]+([\p{L}]+))?`,
  'giu',
);

function singular(w: string): string {
  const l = w.toLowerCase();
  if (l === 'people') return 'person';
  if (l.endsWith('ies') && l.length > 4) return `${l.slice(0, -3)}y`;
  if (l.endsWith('s') && !l.endsWith('ss') && l.length > 3) return l.slice(0, -1);
  return l;
}

/** Numbers with their units: "30 minutes", "more than 100 people", "US$30 billion", "35%". */
export function extractQuantities(text: string, base = 0): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [all, boundWord, money, num, scale, percent, unitWord] = m;
    const raw = num.toLowerCase();
    let value = raw in NUMBER_WORDS ? NUMBER_WORDS[raw] : Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    if (scale) value *= SCALE[scale.toLowerCase()];
    let unit = money ? 'money' : percent ? 'percent' : unitWord ? singular(unitWord) : '';
    if (!unit || REFERENTIAL.has(unit)) continue;
    // Years, clock times and days of the month are dates, not quantities.
    if (!money && !percent && /^\d{4}$/.test(raw) && value >= 1800 && value <= 2100) continue;
    if (/^[ap]$/.test(unit) || /^(?:am|pm)$/.test(unit)) continue;
    if (unit === 'dollar' || unit === 'euro' || unit === 'pound' || unit === 'peso') unit = 'money';
    if (!money && !percent && value < 2 && !/^(?:hour|minute|second|day|week|month|year)$/.test(unit)) continue;
    const b = (boundWord ?? '').toLowerCase();
    const bound: Quantity['bound'] = /more than|over|at least|just over/.test(b) ? 'gt' : /fewer than|less than|under|up to|just under/.test(b) ? 'lt' : b ? 'approx' : 'eq';
    const start = base + m.index!;
    out.push({ start, end: start + all.length, text: all, value, unit, bound });
  }
  return out;
}

/** True when the two amounts can both be right. Approximations get 10% slack. */
export function quantitiesCompatible(a: Quantity, b: Quantity): boolean {
  const slack = a.bound === 'approx' || b.bound === 'approx' ? 0.1 : 0;
  const near = (x: number, y: number) => Math.abs(x - y) <= slack * Math.max(x, y) + 1e-9;
  const fits = (q: Quantity, v: number) =>
    q.bound === 'gt' ? v >= q.value * (1 - slack) : q.bound === 'lt' ? v <= q.value * (1 + slack) : near(q.value, v);
  if (a.bound === 'gt' && b.bound === 'gt') return true;
  if (a.bound === 'lt' && b.bound === 'lt') return true;
  if (a.bound === 'gt' && b.bound === 'lt') return a.value < b.value;
  if (a.bound === 'lt' && b.bound === 'gt') return b.value < a.value;
  if (a.bound === 'gt' || a.bound === 'lt') return fits(a, b.value);
  if (b.bound === 'gt' || b.bound === 'lt') return fits(b, a.value);
  return near(a.value, b.value);
}

// ---- stance ---------------------------------------------------------------------------------

const SETTLED = /\b(?:accepted|confirmed|verified|acknowledged|conceded|admitted|established|proved|proven)\b/gi;
const UNSETTLED = /\b(?:(?:not|never|n't)\s+(?:been\s+|yet\s+|independently\s+)*(?:confirmed|verified|established|proven|proved|accepted)|unconfirmed|unverified|unproven|unsubstantiated|no evidence|without evidence|could not (?:be )?(?:confirmed|verified)|disputed|remains unclear)\b/gi;
const NEGATOR = /^(?:not|never|\w+n['’]t)$/i;

function stanceOf(text: string): { settled: string | null; unsettled: string | null } {
  const unsettled = text.match(UNSETTLED)?.[0] ?? null;
  const settled = unsettled ? null : text.match(SETTLED)?.[0] ?? null;
  return { settled, unsettled };
}

// ---- facts ----------------------------------------------------------------------------------

export interface FactContext {
  /** The sentence before, whose names carry over ("Trump accused Petro … He even hinted …"). */
  previous?: Span | null;
  published?: string | null;
}

/** What a sentence says on its own, independent of the rest of the corpus (memoised per article). */
export interface SentenceFacts {
  words: { stem: string; start: number }[];
  names: Set<string>;
  quantities: Quantity[];
  settled: string | null;
  unsettled: string | null;
  negated: Set<string>;
  /** Counts of a measured quantity ("death toll rose to 143" -> deaths 143). */
  measures: Measure[];
}

// ---- measured quantities --------------------------------------------------------------------

/** A number tied to what it counts, even when no unit word follows it ("the toll rose to 57,"). */
export interface Measure extends Quantity {
  /** What is counted: "deaths", "injured", "displaced", "missing", "cost". */
  measure: string;
}

// Words naming a measured quantity news reports as a running count; several spellings of one count share a key.
const MEASURES: [string, RegExp][] = [
  ['deaths', /\b(?:death toll|toll|deaths|dead|died|killed|killing|fatalities)\b/gi],
  ['injured', /\b(?:injured|injuring|wounded|wounding|injuries)\b/gi],
  ['displaced', /\b(?:displaced|evacuated|homeless|(?:left|fled|lost) (?:their|his|her) homes?)\b/gi],
  ['missing', /\bmissing\b/gi],
  ['cost', /\b(?:cost|costs|costing|price|turnout)\b/gi],
];
const MEASURE_NUMBER = /\b(?:(more than|over|at least|fewer than|less than|under|up to|nearly|almost|about|around|roughly|approximately|an estimated|some)\s+)?((?:US|USD)?[$€£]\s?)?(\d[\d,]{0,15}(?:\.\d{1,6})?)\b(?:\s*(thousand|million|billion|trillion|bn|mn))?(?!\s*(?:%|percent|per cent|a\.?m\b|p\.?m\b|:))/gi;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTH}\s*$`);
const MONTH_AFTER = new RegExp(String.raw`^\s*(?:of\s+)?${MONTH}\b`);
/** How far (in characters) a count may sit from the word naming what it counts. */
const MEASURE_REACH = 40;

/** Counts tied to the nearest measure word in the sentence; years and times are not counts. */
export function extractMeasures(text: string, base = 0): Measure[] {
  // Counts are written in digits: most sentences have none, and the scan is not cheap.
  if (!/\d/.test(text)) return [];
  const numbers: Quantity[] = [];
  for (const m of text.matchAll(MEASURE_NUMBER)) {
    const [all, boundWord, , num, scale] = m;
    let value = Number(num.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    if (/^\d{4}$/.test(num) && value >= 1800 && value <= 2100 && !scale) continue;
    // Days of the month ("May 12", "12 May") are dates.
    if (MONTH_BEFORE.test(text.slice(Math.max(0, m.index! - 12), m.index!)) || MONTH_AFTER.test(text.slice(m.index! + all.length, m.index! + all.length + 12))) continue;
    if (scale) value *= SCALE[scale.toLowerCase()];
    const b = (boundWord ?? '').toLowerCase();
    const bound: Quantity['bound'] = /more than|over|at least/.test(b) ? 'gt' : /fewer than|less than|under|up to/.test(b) ? 'lt' : b ? 'approx' : 'eq';
    numbers.push({ start: base + m.index!, end: base + m.index! + all.length, text: all, value, unit: '', bound });
  }
  if (!numbers.length) return [];
  const out: Measure[] = [];
  for (const [measure, re] of MEASURES) {
    for (const m of text.matchAll(re)) {
      const s = base + m.index!;
      const e = s + m[0].length;
      let best: Quantity | null = null;
      let bestDist = MEASURE_REACH + 1;
      for (const q of numbers) {
        const dist = q.end <= s ? s - q.end : q.start >= e ? q.start - e : 0;
        if (dist < bestDist) [best, bestDist] = [q, dist];
      }
      if (best && !out.some((o) => o.measure === measure && o.start === best!.start)) out.push({ ...best, unit: measure, measure });
    }
  }
  return out;
}

/**
 * Two reports of the same running count on the same day that cannot both be right. Counts
 * reported on different days are updates ("rose to 57" a day after "at least 42"), not contradictions.
 */
export function measuresDisagree(a: PassageFacts, b: PassageFacts): Disagreement | null {
  if (!a.measures.length || !b.measures.length || !a.published || a.published !== b.published) return null;
  if (![...a.names].some((n) => b.names.has(n))) return null;
  for (const x of a.measures) {
    const ys = b.measures.filter((y) => y.measure === x.measure);
    if (ys.length && !ys.some((y) => quantitiesCompatible(x, y))) {
      return { kind: 'number', here: `\u201c${x.text.trim()}\u201d (${x.measure})`, there: `\u201c${ys[0].text.trim()}\u201d (${x.measure})` };
    }
  }
  return null;
}

/** Long stems match on their first letters, so derived forms meet ("structure" ~ "structural"). */
const clip = (w: string) => (w.length > STEM_PREFIX ? w.slice(0, STEM_PREFIX) : w);
const STEM_PREFIX = 7;

/**
 * The clipped stem of a content word, or null for other words. Memoised: a corpus repeats the same
 * words across thousands of sentences, and stemming each occurrence was a large share of the cost.
 */
const CONTENT_STEMS = new Map<string, string | null>();
const MAX_REMEMBERED = 200_000;
function contentStem(lower: string): string | null {
  let s = CONTENT_STEMS.get(lower);
  if (s === undefined) {
    s = isContentWord(lower) ? clip(stem(lower)) : null;
    if (CONTENT_STEMS.size < MAX_REMEMBERED) CONTENT_STEMS.set(lower, s);
  }
  return s;
}

export function sentenceFacts(text: string, span: Span): SentenceFacts {
  const slice = text.slice(span.start, span.end);
  const tokens = tokenize(slice, span.start);
  const negated = new Set<string>();
  const names = new Set<string>();
  const words: SentenceFacts['words'] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.word) continue;
    const content = contentStem(t.lower);
    if (content !== null) words.push({ stem: content, start: t.start });
    if ((content !== null && /^\p{Lu}/u.test(t.text)) || (/\d/.test(t.text) && /\p{L}/u.test(t.text))) names.add(content ?? clip(stem(t.lower)));
    if (!NEGATOR.test(t.lower)) continue;
    let j = i + 1;
    while (j < tokens.length && /^(?:been|be|yet|even|ever|also|independently|[a-z]+ly)$/.test(tokens[j].lower)) j++;
    if (tokens[j]?.word) negated.add(stem(tokens[j].lower));
  }
  const { settled, unsettled } = stanceOf(slice);
  return { words, names, quantities: extractQuantities(slice, span.start), settled, unsettled, negated, measures: extractMeasures(slice, span.start) };
}

/** Builds the facts of one passage; `dates` are the resolved dates inside it (absolute offsets). */
export function passageFacts(
  article: string, text: string, span: Span, dates: DateMention[], inheritedDate: DateMention | null, context: FactContext = {},
  own: SentenceFacts = sentenceFacts(text, span), previous: SentenceFacts | null = context.previous ? sentenceFacts(text, context.previous) : null,
): PassageFacts {
  const names = previous ? new Set([...own.names, ...previous.names]) : own.names;
  // Listed, not spread: copying by spread was most of the cost of building a candidate's facts.
  return {
    words: own.words,
    quantities: own.quantities,
    settled: own.settled,
    unsettled: own.unsettled,
    negated: own.negated,
    measures: own.measures,
    article,
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    names,
    published: context.published ?? null,
    dates: dates.filter((d) => d.start >= span.start && d.end <= span.end && dateRange(d.value)),
    inheritedDate: inheritedDate && dateRange(inheritedDate.value) ? inheritedDate : null,
  };
}

/** The content stems the two passages share. */
export function sharedStems(a: PassageFacts, b: PassageFacts): Set<string> {
  const inB = new Set(b.words.map((w) => w.stem));
  return new Set(a.words.map((w) => w.stem).filter((s) => inB.has(s)));
}

/**
 * The date that governs the shared fact: each shared word votes (by rarity) for its nearest date,
 * preferring the date before it on a tie, since news fronts its dates ("In January, he …").
 */
export function governingDate(p: PassageFacts, shared: Set<string>, idf: (stem: string) => number, weighed?: () => void): DateMention | null {
  if (!p.dates.length) return p.inheritedDate;
  if (p.dates.length === 1) return p.dates[0];
  const votes = new Map<DateMention, number>();
  for (const w of p.words) {
    if (!shared.has(w.stem)) continue;
    let best: DateMention | null = null;
    let bestDist = Infinity;
    for (const d of p.dates) {
      if (w.start >= d.start && w.start < d.end) continue;
      const dist = w.start >= d.end ? w.start - d.end : (d.start - w.start) * 1.5;
      if (dist < bestDist) {
        bestDist = dist;
        best = d;
      }
    }
    if (best) votes.set(best, (votes.get(best) ?? 0) + idf(w.stem));
  }
  // Only a vote between dates depends on the weights (the contested index re-compares such pairs when weights move).
  if (votes.size > 1) weighed?.();
  let winner: DateMention | null = null;
  let most = 0;
  for (const [d, v] of votes) if (v > most) [winner, most] = [d, v];
  return winner;
}

export interface CompareOptions {
  /** Minimum number of shared distinctive stems before two passages count as the same fact. */
  minShared?: number;
  /** Rarity of a stem across the corpus; rarer shared words weigh more when picking a date. */
  idf?: (stem: string) => number;
  /** Whether a stem is rare enough to show two passages report the same fact (names of the story's actors are not). */
  distinctive?: (stem: string) => boolean;
  /** Called when the outcome rested on a vote between dates, i.e. on the idf weights. */
  weighed?: () => void;
}

/** How passage `a` disagrees with passage `b` about the fact they share, or null. */
export function compareFacts(a: PassageFacts, b: PassageFacts, opts: CompareOptions = {}): Disagreement | null {
  const idf = opts.idf ?? (() => 1);
  const measured = measuresDisagree(a, b);
  if (measured) return measured;
  const shared = sharedStems(a, b);
  const distinctive = opts.distinctive ?? (() => true);
  const minShared = opts.minShared ?? 3;
  const rare = [...shared].filter(distinctive).length;
  // A short factual sentence ("X was warned about cracks in 2019") shares few words with another
  // outlet's version; one rare word fewer will do when a name and enough plain words are shared too.
  // The rare words must be about what happened ("warned", "cracks"), not more names: names alone say who, not which fact.
  const rareWords = [...shared].filter((w) => distinctive(w) && !a.names.has(w) && !b.names.has(w)).length;
  const shortFact = rareWords >= Math.max(2, minShared - 1) && shared.size >= minShared && [...a.names].some((n) => b.names.has(n));
  if (rare < minShared && !shortFact) return null;
  const weakMatch = rare < minShared;
  // Both passages name who or what they are about, and no name is shared: not the same fact.
  if (a.names.size && b.names.size && ![...a.names].some((n) => b.names.has(n))) return null;

  const da = governingDate(a, shared, idf, opts.weighed);
  const db = governingDate(b, shared, idf, opts.weighed);
  // Each article reporting its own day's news ("today", "on Thursday") on different days is two events.
  const ownDay = (p: PassageFacts, d: DateMention) => !!p.published && nearPublication(d.value, p.published);
  const twoDays = da && db && a.published && b.published && a.published !== b.published && ownDay(a, da) && ownDay(b, db);
  // On thinner evidence only two written-out years can contradict ("in 2021" vs "in 2019"): a
  // resolved "March" or "today" may have been resolved against the wrong year or day.
  const explicit = (d: DateMention) => /\b(?:1[89]|20)\d\d\b/.test(d.text);
  if (da && db && !twoDays && (!weakMatch || (explicit(da) && explicit(db))) && datesDisagree(da.value, db.value)) {
    return { kind: 'date', here: `\u201c${da.text}\u201d (${da.value})`, there: `\u201c${db.text}\u201d (${db.value})` };
  }
  if (weakMatch) return null;

  // A number is only comparable when both passages are about the same named thing.
  const sameSubject = [...a.names].some((n) => b.names.has(n));
  const units = new Set(sameSubject ? a.quantities.map((q) => q.unit) : []);
  for (const unit of units) {
    const qa = a.quantities.filter((q) => q.unit === unit);
    const qb = b.quantities.filter((q) => q.unit === unit);
    if (!qb.length) continue;
    if (!qa.some((x) => qb.some((y) => quantitiesCompatible(x, y)))) {
      return { kind: 'number', here: `\u201c${qa[0].text}\u201d`, there: `\u201c${qb[0].text}\u201d` };
    }
  }

  if ((a.settled && b.unsettled) || (a.unsettled && b.settled)) {
    return { kind: 'stance', here: `\u201c${a.settled ?? a.unsettled}\u201d`, there: `\u201c${b.settled ?? b.unsettled}\u201d` };
  }
  for (const s of shared) {
    const na = a.negated.has(s);
    const nb = b.negated.has(s);
    if (na !== nb && distinctive(s)) {
      const w = (p: PassageFacts) => (p.negated.has(s) ? `not \u201c${s}\u2026\u201d` : `\u201c${s}\u2026\u201d`);
      return { kind: 'stance', here: w(a), there: w(b) };
    }
  }
  return null;
}

/** Whether a passage holds anything worth comparing: a date, a number, or a stance cue. */
export function hasComparable(p: PassageFacts): boolean {
  return p.dates.length > 0 || p.quantities.length > 0 || p.measures.length > 0 || !!p.settled || !!p.unsettled || p.negated.size > 0;
}
