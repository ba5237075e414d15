// Temporal expressions in article bodies, resolved to TimeML TIMEX3 values against the article's
// publication date (or one inferred from other articles). News rules decide what a bare "on Friday"
// or "in October" means: the verb's tense gives the direction, and news reports default to the past.
import type { ParsedResult } from 'chrono-node';
import { chrono } from './lazyLibs';
import type { Corpus } from './corpus';
import { ArticleOrderedList } from './articleOrdered';
import { dateAt, isoDate, MONTHS } from './dateParse';
import { contentWords } from './words';
import { addDays, fmtDay, fmtMonth, isoWeek, parseDay } from './timex';
import type { Article, DateOrder, TimeExpression, TimexType } from './types';
import { ownCopy, shared } from './sharedStrings';
import { idsAdd, idsDelete, idsOf, packIds, type Ids } from './idLists';

export type Tense = 'past' | 'future' | 'present';

export interface Timex {
  start: number;
  end: number;
  value: string;
  type: TimexType;
}

interface Ctx {
  /** The reference date, or null when nothing is known. */
  ref: Date | null;
  order: DateOrder;
  /** The tense that governs the expression at [start, end) of the scanned text. */
  tense: (start: number, end: number) => Tense | null;
}

// Bare month names must be capitalised, so "may" and "march" as words are never dates.
const CAP_MONTH = '((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = '(Sun|Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?)day';
const ORD = '(?:st|nd|rd|th)?';
const NUM_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, several: NaN, few: NaN, 'a few': NaN, some: NaN };
const NUM = '(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|some)';
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const UNIT_CODE: Record<string, string> = { year: 'Y', month: 'M', week: 'W', day: 'D', hour: 'H', minute: 'M', decade: 'Y' };

const monthNum = (s: string) => MONTHS[s.toLowerCase().replace(/\.$/, '')];
const weekdayNum = (s: string) => WEEKDAYS.findIndex((w) => w.startsWith(s.toLowerCase().slice(0, 3)));

// ---- resolution helpers -------------------------------------------------------------------------

function monthOnly(ref: Date | null, month: number, tense: Tense | null): string {
  if (!ref) return `XXXX-${String(month).padStart(2, '0')}`;
  const y = ref.getUTCFullYear(), cur = ref.getUTCMonth() + 1;
  if (tense === 'future') return fmtMonth(month >= cur ? y : y + 1, month);
  if (tense === 'past') return fmtMonth(month <= cur ? y : y - 1, month);
  // No tense: the nearest such month.
  const back = (cur - month + 12) % 12, fwd = (month - cur + 12) % 12;
  return fmtMonth(back <= fwd ? (month <= cur ? y : y - 1) : month >= cur ? y : y + 1, month);
}

function monthDay(ref: Date | null, month: number, day: number, tense: Tense | null): string | null {
  if (!ref) return isoDate(2000, month, day) ? `XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
  const y = ref.getUTCFullYear();
  const cands = [y - 1, y, y + 1].map((yy) => isoDate(yy, month, day)).filter((d): d is string => !!d);
  const r = fmtDay(ref);
  if (!cands.length) return null;
  if (tense === 'past') return [...cands].reverse().find((d) => d <= r) ?? cands[0];
  if (tense === 'future') return cands.find((d) => d >= r) ?? cands[cands.length - 1];
  let best = cands[0], dist = Infinity;
  for (const c of cands) {
    const dd = Math.abs(parseDay(c)!.getTime() - ref.getTime());
    if (dd < dist) { dist = dd; best = c; }
  }
  return best;
}

function weekday(ref: Date | null, wd: number, tense: Tense | null, mod: string | undefined): string {
  if (!ref) return 'XXXX-XX-XX';
  const cur = ref.getUTCDay();
  const m = mod?.toLowerCase();
  let diff: number;
  if (m === 'last' || m === 'past') diff = -(((cur - wd + 7) % 7) || 7);
  else if (m === 'next' || m === 'coming') diff = ((wd - cur + 7) % 7) || 7;
  else if (m === 'this') {
    // Within the ISO week (Monday first).
    diff = ((wd + 6) % 7) - ((cur + 6) % 7);
  } else if (tense === 'future') diff = (wd - cur + 7) % 7;
  else diff = -((cur - wd + 7) % 7);
  return fmtDay(addDays(ref, diff));
}

function quarterOf(d: Date): number {
  return Math.floor(d.getUTCMonth() / 3) + 1;
}

/** "this/last/next year|month|week|quarter" and the like. */
function relativeUnit(ref: Date | null, unit: string, shift: number): string {
  if (!ref) return shift < 0 ? 'PAST_REF' : shift > 0 ? 'FUTURE_REF' : 'PRESENT_REF';
  const y = ref.getUTCFullYear(), m = ref.getUTCMonth() + 1;
  switch (unit) {
    case 'year': return String(y + shift);
    case 'month': return fmtMonth(y, m + shift);
    case 'week': return isoWeek(addDays(ref, 7 * shift));
    case 'quarter': {
      const t = y * 4 + quarterOf(ref) - 1 + shift;
      return `${Math.floor(t / 4)}-Q${(t % 4) + 1}`;
    }
    case 'day': return fmtDay(addDays(ref, shift));
    default: return 'PRESENT_REF';
  }
}

function ago(ref: Date | null, n: number, unit: string): string {
  if (!ref || Number.isNaN(n)) return 'PAST_REF';
  const u = unit.replace(/s$/, '');
  if (u === 'day') return fmtDay(addDays(ref, -n));
  if (u === 'week') return fmtDay(addDays(ref, -7 * n));
  if (u === 'month') return fmtMonth(ref.getUTCFullYear(), ref.getUTCMonth() + 1 - n);
  if (u === 'year') return String(ref.getUTCFullYear() - n);
  if (u === 'decade') return String(ref.getUTCFullYear() - 10 * n);
  if (u === 'hour' || u === 'minute') return fmtDay(ref);
  return 'PAST_REF';
}

function yearWord(ref: Date | null, w: string | undefined, y: string | undefined): string | null {
  if (y) return y;
  if (!ref) return null;
  const cur = ref.getUTCFullYear();
  switch ((w ?? 'this').toLowerCase()) {
    case 'last': case 'previous': case 'past': return String(cur - 1);
    case 'next': case 'coming': return String(cur + 1);
    default: return String(cur);
  }
}

// ---- the rules -----------------------------------------------------------------------------------

type Resolve = (m: RegExpExecArray, ctx: ScanCtx, at: number) => { value: string; type?: TimexType } | null;
/**
 * `need`: what every match of `re` contains, tested before the regex: a digit, or one of these
 * lower-case ASCII substrings of the lower-cased sentence. A superset test, so it only skips
 * regexes that cannot match (most rules, in most sentences).
 */
interface Rule { need: typeof DIGIT | string[]; re: RegExp; resolve: Resolve; mask: number[] }
const DIGIT = 'digit';
const MONTH_WORDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SEASON_WORDS = ['spring', 'summer', 'autumn', 'fall', 'winter'];

const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

const ruleList: Omit<Rule, 'mask'>[] = [
  // "the 7th of January", "7 January", "January 7th" (no year).
  { need: DIGIT, re: new RegExp(`\\b(?:the\\s+)?(\\d{1,2})${ORD}\\s+(?:of\\s+)?${CAP_MONTH}(?![\\w,]*\\s*\\d{4})`, 'g'), resolve: (m, c, at) => val(monthDay(c.ref, monthNum(m[2]), +m[1], c.tense(at, at + m[0].length))) },
  { need: DIGIT, re: new RegExp(`\\b${CAP_MONTH}\\s+(\\d{1,2})${ORD}\\b(?!\\s*,?\\s*\\d{4})(?![:.]\\d)`, 'g'), resolve: (m, c, at) => val(monthDay(c.ref, monthNum(m[1]), +m[2], c.tense(at, at + m[0].length))) },
  // "February 2025", "Feb. 2025", "early June 2009".
  { need: DIGIT, re: new RegExp(`\\b(?:(?:early|mid|late|the end of|the start of|the beginning of)[-\\s]+)?${CAP_MONTH},?\\s+(?:of\\s+)?((?:19|20)\\d{2})\\b`, 'g'), resolve: (m) => ({ value: fmtMonth(+m[2], monthNum(m[1])) }) },
  // "last October", "next March", "this June".
  { need: MONTH_WORDS, re: new RegExp(`\\b(last|next|this|past|coming)\\s+${CAP_MONTH}\\b`, 'g'), resolve: (m, c) => {
    const mo = monthNum(m[2]);
    if (!c.ref) return { value: `XXXX-${String(mo).padStart(2, '0')}` };
    const w = m[1].toLowerCase();
    const t: Tense | null = w === 'last' || w === 'past' ? 'past' : w === 'this' ? null : 'future';
    let v = monthOnly(c.ref, mo, t);
    // "last October" in October means a year ago.
    if (w === 'last' && mo === c.ref.getUTCMonth() + 1) v = fmtMonth(c.ref.getUTCFullYear() - 1, mo);
    if (w === 'next' && mo === c.ref.getUTCMonth() + 1) v = fmtMonth(c.ref.getUTCFullYear() + 1, mo);
    if (w === 'this') v = fmtMonth(c.ref.getUTCFullYear(), mo);
    return { value: v };
  } },
  // "in October", "early June", "by March", "October's" — a capitalised month without day or year.
  { need: MONTH_WORDS, re: new RegExp(`\\b(?:(early|mid|late|the end of|the start of|the beginning of|the middle of)[-\\s]+)?${CAP_MONTH}(?!\\s+\\d)(?![a-z])`, 'g'), resolve: (m, c, at) => {
    // "May" alone is too often the verb; accept it only after a preposition or modifier.
    if (/^may$/i.test(m[2]) && !m[1] && !/\b(?:in|of|since|until|by|from|to|during|early|late|mid|last|next|this)\s+$/i.test(c.before(at))) return null;
    if (/^(?:mar|march|jan|dec|oct|sept?|aug|nov|jun|jul|apr|feb)$/i.test(m[2]) && !/\b(?:in|of|since|until|by|from|to|during|before|after|early|late|mid|last|next|this|and|or|between)\s*[-,]?\s*$/i.test(c.before(at)) && !m[1]) {
      // Abbreviated or ambiguous forms alone need a preposition; full unambiguous names pass.
      if (m[2].length <= 4 || /^march$/i.test(m[2])) return null;
    }
    return { value: monthOnly(c.ref, monthNum(m[2]), c.tense(at, at + m[0].length)) };
  } },
  // Quarters and halves: "the first quarter of 2009", "the third quarter of this year", "third-quarter", "Q3 2009".
  { need: ['quarter'], re: /\b(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[-\s]quarter(?:\s+of\s+(?:(this|last|next|the previous|the same)\s+year|((?:19|20)\d{2})))?\b/gi, resolve: (m, c, at) => {
    if (/^last$/i.test(m[1]) && !m[2] && !m[3]) return { value: relativeUnit(c.ref, 'quarter', -1) };
    const q = ORDINALS[m[1].toLowerCase()];
    let y = yearWord(c.ref, m[2]?.replace(/^the /i, ''), m[3]);
    if (!y) return { value: `XXXX-Q${q}` };
    // A bare "third quarter" reported in the past that has not happened yet this year was last year's.
    if (!m[2] && !m[3] && c.ref && q > quarterOf(c.ref) && c.tense(at, at + m[0].length) !== 'future') y = String(+y - 1);
    return { value: `${y}-Q${q}` };
  } },
  { need: DIGIT, re: /\bQ([1-4])\s+((?:19|20)\d{2})\b/g, resolve: (m) => ({ value: `${m[2]}-Q${m[1]}` }) },
  { need: ['half'], re: /\b(?:the\s+)?(first|second)\s+half\s+of\s+(?:(this|last|next)\s+year|((?:19|20)\d{2}))\b/gi, resolve: (m, c) => {
    const y = yearWord(c.ref, m[2], m[3]);
    return { value: `${y ?? 'XXXX'}-H${/first/i.test(m[1]) ? 1 : 2}` };
  } },
  // Seasons: "this summer", "last winter", "spring 2009".
  { need: SEASON_WORDS, re: /\b(this|last|next|the coming|the past)\s+(spring|summer|autumn|fall|winter)\b/gi, resolve: (m, c) => {
    const w = m[1].toLowerCase().replace(/^the /, '');
    const y = yearWord(c.ref, w, undefined);
    return { value: `${y ?? 'XXXX'}-${SEASONS[m[2].toLowerCase()]}` };
  } },
  { need: DIGIT, re: /\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?((?:19|20)\d{2})\b/gi, resolve: (m) => ({ value: `${m[2]}-${SEASONS[m[1].toLowerCase()]}` }) },
  // Decades: "the 1980s", "the '80s", "70s".
  { need: DIGIT, re: /\b(?:the\s+)?((?:1[89]|20)\d)0s\b/g, resolve: (m) => ({ value: m[1] }) },
  { need: DIGIT, re: /(?:\bthe\s+)?['’]?\b([0-9])0s\b/g, resolve: (m, c) => {
    const cent = c.ref ? Math.floor(c.ref.getUTCFullYear() / 100) : 19;
    const dec = +m[1];
    const y = (c.ref && dec * 10 > c.ref.getUTCFullYear() % 100 ? cent - 1 : cent) * 10 + dec;
    return { value: String(y) };
  } },
  // "the end of last year", "earlier this month", "later this week", "the same month a year ago".
  { need: ['year', 'month', 'week', 'quarter'], re: /\b(?:(?:the\s+)?(?:end|start|beginning|middle|rest|remainder)\s+of\s+|(?:earlier|later)\s+|(?:the\s+)?same\s+\w+\s+)?(this|last|next|the previous|the past|the coming|the following|the same)\s+(year|month|week|quarter)(\s+a\s+year\s+(?:ago|earlier))?\b/gi, resolve: (m, c, at) => {
    const w = m[1].toLowerCase();
    // "the past year", "the coming weeks" read as durations when no anchor precedes them.
    if ((w === 'the past' || w === 'the coming') && !/\b(?:in|during|over|for)\s+$/i.test(c.before(at))) return null;
    if (w === 'the past' || w === 'the coming') return { value: `P1${UNIT_CODE[m[2].toLowerCase()]}`, type: 'DURATION' };
    if (w === 'the following' || w === 'the same') {
      if (!m[3] || !c.ref) return null;
      const u = m[2].toLowerCase();
      if (u === 'month') return { value: fmtMonth(c.ref.getUTCFullYear() - 1, c.ref.getUTCMonth() + 1) };
      if (u === 'quarter') return { value: `${c.ref.getUTCFullYear() - 1}-Q${quarterOf(c.ref)}` };
      return { value: relativeUnit(c.ref, 'year', -1) };
    }
    const shift = w === 'last' || w === 'the previous' ? -1 : w === 'next' ? 1 : 0;
    if (m[3]) {
      const u = m[2].toLowerCase();
      if (!c.ref) return { value: 'PAST_REF' };
      if (u === 'month') return { value: fmtMonth(c.ref.getUTCFullYear() - 1, c.ref.getUTCMonth() + 1) };
      return { value: relativeUnit(c.ref, 'year', -1) };
    }
    return { value: relativeUnit(c.ref, m[2].toLowerCase(), shift) };
  } },
  // "October of next year", "June of last year".
  { need: ['year'], re: new RegExp(`\\b${CAP_MONTH}\\s+(?:of\\s+)?(next|last|this|the previous|the following)\\s+year\\b`, 'g'), resolve: (m, c) => {
    const y = yearWord(c.ref, m[2].replace(/^the /, '').replace('following', 'next'), undefined);
    return { value: y ? fmtMonth(+y, monthNum(m[1])) : `XXXX-${String(monthNum(m[1])).padStart(2, '0')}` };
  } },
  // "'82": a two-digit year.
  { need: DIGIT, re: /(?<![\w'’])['’]([0-9]{2})\b(?!['’])/g, resolve: (m, c) => {
    const yy = +m[1];
    const cur = c.ref ? c.ref.getUTCFullYear() : 2000;
    const y = 1900 + yy + 100 * Math.floor((cur - 1900 - yy) / 100 + 0.999 - (yy + 1900 + 100 > cur ? 1 : 0));
    return { value: String(y > cur ? y - 100 : y) };
  } },
  // A bare season: "in spring", "Autumn".
  { need: SEASON_WORDS, re: /\b(?:(?:in|during|by|this|the)\s+)?(?:(early|late|mid)[-\s]+)?(spring|summer|autumn|fall|winter)\b(?!\s+(?:of\s+)?(?:19|20)\d{2})/gi, resolve: (m, c, at) => {
    if (!/^[A-Z]/.test(m[0]) && !/^(?:in|during|by|this|the)\s/i.test(m[0])) return null;
    if (/^fall$/i.test(m[2]) && !/^(?:in|during|by|this|the)\s/i.test(m[0])) return null;
    const y = c.ref ? c.ref.getUTCFullYear() : null;
    void at;
    return { value: `${y ?? 'XXXX'}-${SEASONS[m[2].toLowerCase()]}` };
  } },
  // "the weekend", "this weekend", "last weekend".
  { need: ['weekend'], re: /\b(this|last|next|the|over the|at the)\s+weekend\b/gi, resolve: (m, c) => {
    if (!c.ref) return { value: 'XXXX-WXX-WE' };
    const w = m[1].toLowerCase();
    const shift = w === 'last' ? -1 : w === 'next' ? 1 : 0;
    return { value: `${isoWeek(addDays(c.ref, 7 * shift))}-WE` };
  } },
  // "the past decade", "the last nine days": spans reaching back to now.
  { need: ['decade'], re: /\b(?:the\s+)?(?:past|last|previous)\s+decade\b/gi, resolve: (_m, c) => ({ value: c.ref ? String(Math.floor((c.ref.getUTCFullYear() - 10) / 10)) : 'PAST_REF' }) },
  { need: ['year', 'month', 'week', 'day', 'hour'], re: new RegExp(`\\b(?:the\\s+)?(?:past|last|previous|next|coming)\\s+${NUM}\\s+(years|months|weeks|days|hours)\\b`, 'gi'), resolve: (m) => {
    const n = NUM_WORDS[m[1].toLowerCase()] ?? +m[1];
    const u = m[2].toLowerCase().replace(/s$/, '');
    const count = Number.isNaN(n) ? 'X' : String(n);
    return { value: u === 'hour' ? `PT${count}H` : `P${count}${UNIT_CODE[u]}`, type: 'DURATION' };
  } },
  // "on the day", "for the day", "the same day", "the beginning of the year": the reference day or year.
  { need: ['day'], re: /\b(?:(?:on|for|in|during)\s+the\s+(?:same\s+)?day|the\s+(?:same\s+)?day(?!\s+(?:after|before|of|when|that|in|to))|late\s+in\s+the\s+day)\b/gi, resolve: (_m, c) => ({ value: c.ref ? fmtDay(c.ref) : 'PRESENT_REF' }) },
  { need: ['year'], re: /\bthe\s+(?:very\s+)?(?:beginning|start|end|rest|remainder|middle)\s+of\s+the\s+year\b/gi, resolve: (_m, c) => ({ value: c.ref ? String(c.ref.getUTCFullYear()) : 'PRESENT_REF' }) },
  // "today", "yesterday", "tomorrow", "tonight", "this morning".
  { need: ['today', 'yesterday', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening'], re: /\b(?:earlier\s+|later\s+)?(today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening))(?:['’]s)?\b/gi, resolve: (m, c) => {
    const w = m[1].toLowerCase();
    if (!c.ref) return { value: w === 'yesterday' ? 'PAST_REF' : w === 'tomorrow' ? 'FUTURE_REF' : 'PRESENT_REF' };
    const d = fmtDay(addDays(c.ref, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0));
    const part = /morning/.test(w) ? 'TMO' : /afternoon/.test(w) ? 'TAF' : /evening/.test(w) ? 'TEV' : w === 'tonight' ? 'TNI' : '';
    return { value: d + (part ? `T${part.slice(1)}` : ''), type: part ? 'TIME' : 'DATE' };
  } },
  // Weekdays: "on Tuesday", "last Friday", "Tuesday's talks", "Monday night".
  { need: ['day'], re: new RegExp(`\\b(?:(last|next|this|past|coming)\\s+)?${WEEKDAY}\\b(?:['’]s)?(\\s+(?:morning|afternoon|evening|night))?`, 'g'), resolve: (m, c, at) => {
    const v = weekday(c.ref, weekdayNum(m[2]), c.tense(at, at + m[0].length), m[1]);
    if (m[3]) return { value: `${v}T${({ morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' } as Record<string, string>)[m[3].trim().toLowerCase()]}`, type: 'TIME' };
    return { value: v };
  } },
  // "two weeks ago", "a few days ago", "three years earlier".
  { need: ['ago', 'earlier', 'before'], re: new RegExp(`\\b${NUM}\\s+(days?|weeks?|months?|years?|decades?|hours?|minutes?)\\s+(ago|earlier|before)\\b`, 'gi'), resolve: (m, c, at) => {
    const unit = m[2].toLowerCase().replace(/s$/, '');
    if (unit === 'hour' || unit === 'minute') return { value: c.ref ? fmtDay(c.ref) : 'PAST_REF' };
    // "three years before the war" is relative to another event, not to the article.
    if (m[3].toLowerCase() === 'before' && /^\s+(?:the|a|an|his|her|their|its)\b/i.test(c.after(at + m[0].length))) return null;
    return { value: ago(c.ref, NUM_WORDS[m[1].toLowerCase()] ?? +m[1], unit) };
  } },
  // "hours before", "hours earlier", "days later" with no number: the same reference day or vague.
  { need: ['hours', 'minutes'], re: /\b(?:just\s+|only\s+)?(hours|minutes)\s+(?:before|after|earlier|later)\b/gi, resolve: (_m, c) => ({ value: c.ref ? fmtDay(c.ref) : 'PRESENT_REF' }) },
  // Vague references.
  { need: ['currently', 'now', 'present', 'moment', 'this', 'these'], re: /\b(?:currently|now|nowadays|at present|at the moment|(?:at\s+)?this\s+(?:time|hour|moment)|these\s+days|the\s+present)\b/gi, resolve: (m, c, at) => {
    // "now" inside "right now" is fine; skip "now" used as a discourse marker at sentence start.
    if (/^now$/i.test(m[0]) && at === c.sentenceStart) return null;
    return { value: 'PRESENT_REF' };
  } },
  { need: ['current', 'ongoing'], re: /\b(?:current|ongoing)\b/gi, resolve: () => ({ value: 'PRESENT_REF' }) },
  { need: ['recent', 'past', 'formerly', 'previously', 'earlier'], re: /\b(?:recently|recent(?!\s+(?:days|weeks|months|years|times|history))|(?:in\s+)?recent\s+(?:days|weeks|months|years|times|history)|(?:in\s+)?the\s+past|formerly|previously|earlier)\b/gi, resolve: (m, c, at) => {
    if (/^earlier$/i.test(m[0]) && !/\b(?:said|announced|reported|told)\s+$/i.test(c.before(at))) return null;
    if (/^previously$/i.test(m[0])) return null;
    return { value: 'PAST_REF' };
  } },
  { need: ['soon', 'future', 'coming', 'next', 'term'], re: /\b(?:soon|(?:in\s+)?the\s+(?:near\s+|distant\s+)?future|(?:in\s+)?the\s+(?:coming|next\s+few)\s+(?:days|weeks|months|years)|the\s+(?:long|short|near)\s+term|short-term|long-term)\b/gi, resolve: () => ({ value: 'FUTURE_REF' }) },
  // Sets: "every year", "annually", "each week".
  { need: ['every', 'each', 'per', 'annually', 'monthly', 'weekly', 'daily', 'yearly'], re: /\b(?:every|each|per)\s+(year|month|week|day)\b|\b(annually|monthly|weekly|daily|yearly)\b/gi, resolve: (m) => {
    const u = (m[1] ?? m[2]).toLowerCase().replace(/ly$/, '').replace(/^dai$/, 'day').replace(/^annual$/, 'year');
    const code = UNIT_CODE[u] ?? 'Y';
    return { value: `P1${code}`, type: 'SET' };
  } },
  // Durations: "for two years", "three months", "a decade", "months-long".
  { need: ['year', 'month', 'week', 'day', 'hour', 'decade'], re: new RegExp(`\\b${NUM}[-\\s]+(years?|months?|weeks?|days?|hours?|decades?)(?![-\\s]+(?:old|ago|earlier|later|before))\\b`, 'gi'), resolve: (m, c, at) => {
    if (/^(?:some|a few|few|several)$/i.test(m[1]) && !/\bfor\s+$/i.test(c.before(at))) return null;
    const n = NUM_WORDS[m[1].toLowerCase()] ?? +m[1];
    const u = m[2].toLowerCase().replace(/s$/, '');
    const code = u === 'decade' ? 'Y' : UNIT_CODE[u];
    const count = Number.isNaN(n) ? 'X' : String(u === 'decade' ? 10 * n : n);
    return { value: u === 'hour' ? `PT${count}H` : `P${count}${code}`, type: 'DURATION' };
  } },
  // A bare year: "in 2022", "the 2022 election", "2008's". Not money, percentages or counts.
  { need: DIGIT, re: /(?<![$€£¥\d.,#-])\b((?:1[89]|20)\d{2})\b(?![.,]\d|\s*(?:%|percent|per cent)|-\d)/g, resolve: (m, c, at) => {
    const before = c.before(at);
    if (/\b(?:about|around|nearly|almost|some|over|than|to|of|and|roughly|approximately)\s+$/i.test(before) && /^\s+[a-z]+s\b/.test(c.after(at + m[0].length))) return null;
    if (/^\s+(?:people|troops|jobs|workers|employees|cars|vehicles|planes|aircraft|units|shares|points|miles|km|kilometres|kilometers|meters|metres|feet|tons|tonnes|barrels|dollars|euros)\b/i.test(c.after(at + m[0].length))) return null;
    return { value: m[1] };
  } },
];

// The rules' words as bits (32 to a number), so a sentence's words are looked up once each
// instead of every rule scanning the sentence for every one of its words.
const NEED_WORDS = [...new Set(ruleList.flatMap((r) => (r.need === DIGIT ? [] : r.need)))];
const MASK_LENGTH = Math.ceil(NEED_WORDS.length / 32);
const maskOf = (test: (w: string) => boolean): number[] => {
  const m = new Array<number>(MASK_LENGTH).fill(0);
  NEED_WORDS.forEach((w, i) => { if (test(w)) m[i >> 5] |= 1 << (i & 31); });
  return m;
};
const overlaps = (a: number[], b: number[]) => {
  for (let k = 0; k < MASK_LENGTH; k++) if (a[k] & b[k]) return true;
  return false;
};
const rules: Rule[] = ruleList.map((r) => ({ ...r, mask: maskOf((w) => r.need !== DIGIT && r.need.includes(w)) }));
const wordNeeds = new Map<string, number[]>();

/**
 * Which rule words occur in `s` (lower-cased). Every rule word is a run of a-z, so it occurs in
 * the sentence exactly when it occurs inside one of the sentence's maximal a-z runs: those are
 * looked up (cached per run) instead of searching the sentence for each word.
 */
function needsIn(s: string): number[] {
  const out = new Array<number>(MASK_LENGTH).fill(0);
  const runs = s.toLowerCase().match(/[a-z]+/g);
  if (!runs) return out;
  for (const run of runs) {
    let m = run.length < 13 ? wordNeeds.get(run) : undefined;
    if (!m) {
      m = maskOf((w) => run.includes(w));
      // Short runs only: a longer one may be a view into the sentence, which the cache must not keep.
      if (run.length < 13) {
        if (wordNeeds.size >= 100_000) wordNeeds.clear();
        wordNeeds.set(run, m);
      }
    }
    for (let k = 0; k < MASK_LENGTH; k++) out[k] |= m[k];
  }
  return out;
}

function val(v: string | null): { value: string } | null {
  return v ? { value: v } : null;
}

interface ScanCtx extends Ctx {
  before: (at: number) => string;
  after: (at: number) => string;
  sentenceStart: number;
}

// ---- tense ---------------------------------------------------------------------------------------

const FUTURE = /\b(?:will|won['’]t|shall|may|might|could|should|must|(?:wants?|hopes?|aims?|seeks?|intends?|expects?|is\s+to|are\s+to)\s+to|to\s+be\s+\w+|(?:has|have)\s+been\s+(?:scheduled|planned|set)|(?:is|are|am|was|were)\s+(?:going|due|set|scheduled|expected|slated|poised|planning|to)\s+to|(?:is|are|am)\s+to|plans?\s+to|planned\s+to|intends?\s+to|would|next|upcoming|coming)\b|['’]ll\b/gi;
const IRREGULAR_PAST = 'was|were|had|did|said|told|met|held|made|took|came|went|gave|got|saw|became|began|left|sent|spoke|knew|thought|found|brought|bought|led|lost|won|paid|put|set|fell|rose|struck|hit|ran|grew|kept|wrote|sold|fought|flew|drove|ate|broke|chose|drew|forgot|hid|hung|lay|meant|rode|rang|sang|sat|shot|shut|slid|stood|stole|swore|threw|understood|woke|wore|withdrew|overtook|undertook|sought|taught|caught|felt|heard|built|spent|lent|dealt|arose|awoke|bore|bent|bled|blew|bound|bred|clung|crept|dug|dove|drank|fed|fled|flung|forbade|forgave|froze|grew|knelt|leapt|lit|mistook|overcame|overthrew|rang|sank|shook|shone|shrank|slept|slew|spun|sprang|stung|strode|swept|swung|swam|tore|wept|withheld|upheld|ago|last|previously|earlier';
const PAST = new RegExp(`\\b(?:${IRREGULAR_PAST}|[a-z]{3,}ed)\\b`, 'gi');
const NOT_VERBS_ED = /^(?:need|speed|feed|seed|indeed|bed|red|hundred|united|based|related|armed|advanced|limited|alleged|so-called|interested|concerned|supposed|detailed|skilled|married|talented|renewed|increased|reduced|proposed|planned|expected|scheduled|continued|sustained|repeated|unprecedented|unexpected|unrelated|indebted|speed|breed|creed|greed|shed|wed|weed|embed|sacred|kindred|naked|wicked|wretched|rugged|crooked|beloved|aged|learned)$/i;

const REPORTING = '(?:said|says|say|told|tells|added|adds|announced|announces|stated|states|reported|reports|confirmed|confirms|claimed|claims|insisted|insists|explained|explains|noted|notes|according\\s+to)';
/** A trailing ", his office said." / ", officials say" frame at the end of the clause. */
const REPORTING_TAIL = new RegExp(`,\\s*(?:[\\w'’.-]+\\s+){0,5}?${REPORTING}\\b[^,]*?[.!?]?\\s*$`, 'i');
/** A leading "X said (that)" frame. */
const REPORTING_LEAD = new RegExp(`\\b${REPORTING}\\b(?:\\s+that\\b)?`, 'gi');

/** The tense nearest to [start, end) within its clause: future markers, past verbs, or neither. */
export function tenseAt(sentence: string, start: number, end: number): Tense | null {
  // Tense is local: a bounded window keeps a huge unpunctuated "sentence" linear.
  const W = 300;
  if (start > W || sentence.length - end > W) {
    const off = Math.max(0, start - W);
    return tenseAt(sentence.slice(off, Math.min(sentence.length, end + W)), start - off, end - off);
  }
  // The clause: cut at strong punctuation around the expression.
  const left = sentence.slice(0, start);
  const cutL = Math.max(left.lastIndexOf(';'), left.lastIndexOf(' -- '), left.lastIndexOf(' — '), left.lastIndexOf('"'), left.lastIndexOf('“'));
  const rightRaw = sentence.slice(end);
  const rc = rightRaw.search(/;| -- | — |["”]/);
  const clauseFrom = cutL < 0 ? 0 : cutL + 1;
  const clauseTo = rc < 0 ? sentence.length : end + rc;
  let from = clauseFrom, to = clauseTo;
  // A reporting frame ("..., his office said"; "Officials said the talks will ...") tells when it was
  // said, not when the reported event happens: the reported clause's own verb governs.
  const trailing = REPORTING_TAIL.exec(sentence.slice(end, to));
  if (trailing) to = end + trailing.index;
  const lead = sentence.slice(from, start);
  let lm: RegExpExecArray | null;
  let leadCut = -1;
  REPORTING_LEAD.lastIndex = 0;
  while ((lm = REPORTING_LEAD.exec(lead))) {
    // Keep "said on Monday that ...": the expression modifies the reporting verb itself.
    const between = lead.slice(lm.index + lm[0].length).trim().split(/\s+/).filter((w) => w && !/^(?:on|in|at|last|next|this|that|late|early|)$/i.test(w));
    if (between.length >= 2) leadCut = lm.index + lm[0].length;
  }
  if (leadCut >= 0) from += leadCut;
  const own = clauseTense(sentence, from, to, start, end);
  // "A dam burst on Thursday, officials said": with no tense of its own, the reporting verb's counts.
  if (own === null && (from !== clauseFrom || to !== clauseTo)) return clauseTense(sentence, clauseFrom, clauseTo, start, end);
  return own;
}

function clauseTense(sentence: string, from: number, to: number, start: number, end: number): Tense | null {
  // Participles after "be" ("may be signed", "to be held") carry no tense of their own.
  const clause = sentence.slice(from, to).replace(/\b(be|been|being)(\s+)(\w+)/gi, (_x, b: string, sp: string, w: string) => b + sp + ' '.repeat(w.length));
  const pos = start - from;
  const len = end - start;
  const nearest = (re: RegExp, filter?: (w: string) => boolean) => {
    let best = Infinity;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(clause))) {
      if (m.index >= pos && m.index < pos + len) continue; // inside the expression itself ("next", "last")
      if (filter && !filter(m[0])) continue;
      // Distance between the marker's nearest edge and the expression.
      const d = m.index + m[0].length <= pos ? pos - (m.index + m[0].length) : m.index - (pos + len);
      best = Math.min(best, d);
    }
    return best;
  };
  const f = nearest(FUTURE);
  const p = nearest(PAST, (w) => !NOT_VERBS_ED.test(w));
  if (f === Infinity && p === Infinity) return /\b(?:is|are|am)\b/i.test(clause) ? 'present' : null;
  return f <= p ? 'future' : 'past';
}

// ---- scanning ------------------------------------------------------------------------------------

const MONTH_START = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DATE_STARTS = new RegExp(`\\b(?=\\d|${MONTH_START}\\s|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s)`, 'gi');
const CHRONO_GATE = new RegExp(`${MONTH_START}\\s+\\d|\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_START}|\\d{1,2}[/.-]\\d{1,2}`, 'gi');
const ANY_TIME_WORD = /\d|\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*|today|tonight|yesterday|tomorrow|week|month|year|quarter|half|decade|day|days|hours?|minutes?|ago|now|nowadays|current|currently|recent|recently|ongoing|past|future|soon|spring|summer|autumn|fall|winter|morning|afternoon|evening|night|annually|monthly|weekly|daily|yearly|term|weekend|earlier|previously|formerly|moment|time|times|present|history|years|months|weeks|decades|quarters)\b|['’]\d|\d0s/gi;

/**
 * Finds the temporal expressions in `text[from, to)` (one sentence or a block) and resolves them
 * against `ref` (YYYY-MM-DD or null). Offsets are into `text`.
 */
export function tagTimes(text: string, from: number, to: number, ref: string | null, order: DateOrder = null): Timex[] {
  const s = text.slice(from, to);
  // Most sentences hold no temporal word at all: skip them before running thirty patterns.
  ANY_TIME_WORD.lastIndex = 0;
  if (!ANY_TIME_WORD.test(s)) return [];
  const refDate = ref ? parseDay(ref) : null;
  const found: Timex[] = [];
  const ctx: ScanCtx = {
    ref: refDate,
    order,
    tense: (a, b) => tenseAt(s, a, b),
    before: (at) => s.slice(Math.max(0, at - 40), at),
    after: (at) => s.slice(at, at + 40),
    sentenceStart: 0,
  };
  // Explicit full dates first: they are unambiguous and the longest. They start with a digit, a month or a weekday.
  const starts = DATE_STARTS;
  starts.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = starts.exec(s))) {
    const d = dateAt(s, m.index, order);
    if (d) {
      found.push({ start: d.start, end: d.end, value: d.date, type: 'DATE' });
      starts.lastIndex = d.end;
    } else {
      const w = /\w+/y;
      w.lastIndex = m.index;
      const word = w.exec(s);
      starts.lastIndex = m.index + Math.max(1, word ? word[0].length : 1);
    }
  }
  const digit = /\d/.test(s);
  const words = needsIn(s);
  for (const rule of rules) {
    if (rule.need === DIGIT ? !digit : !overlaps(words, rule.mask)) continue;
    rule.re.lastIndex = 0;
    while ((m = rule.re.exec(s))) {
      if (m[0].length === 0) { rule.re.lastIndex++; continue; }
      const r = rule.resolve(m, ctx, m.index);
      if (r) found.push({ start: m.index, end: m.index + m[0].length, value: r.value, type: r.type ?? 'DATE' });
    }
  }
  addChrono(s, refDate, found);
  // Longest first, then earliest; drop any overlap with a kept one.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Timex[] = [];
  const taken = new Uint8Array(s.length + 1);
  for (const t of found) {
    let free = true;
    for (let i = t.start; i < t.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, t.start, t.end);
    kept.push(t);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((t) => trimLead(s, t)).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
}

/** Drops a leading preposition-less article ("the") so spans read naturally; keeps offsets exact. */
function trimLead(s: string, t: Timex): Timex {
  const lead = /^(?:\s+)/.exec(s.slice(t.start, t.end));
  return lead ? { ...t, start: t.start + lead[0].length } : t;
}

/** chrono-node catches forms the rules above miss ("the 5th", "Sept 5th at noon"); only calendar-certain results are kept. */
function addChrono(s: string, ref: Date | null, found: Timex[]) {
  // chrono is slow on long input; real sentences are short.
  if (!ref || s.length > 1500) return;
  // Only where a number meets a month name or a numeric date that nothing above has read.
  const covered = new Uint8Array(s.length + 1);
  for (const f of found) covered.fill(1, f.start, f.end);
  let gap = false;
  CHRONO_GATE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = CHRONO_GATE.exec(s)); ) {
    if (!covered[m.index] || !covered[m.index + m[0].length - 1]) { gap = true; break; }
  }
  if (!gap) return;
  let results: ParsedResult[];
  try {
    results = chrono().strict.parse(s, { instant: ref, timezone: 0 }, { forwardDate: false });
  } catch {
    return;
  }
  for (const r of results) {
    const start = r.index, end = r.index + r.text.length;
    if (covered.subarray(start, end).some((x) => x === 1)) continue;
    const c = r.start;
    if (!c.isCertain('month') || !c.isCertain('day')) continue;
    const y = c.get('year'), mo = c.get('month'), d = c.get('day');
    if (y == null || mo == null || d == null) continue;
    const date = isoDate(y, mo, d);
    if (!date) continue;
    const hasTime = c.isCertain('hour');
    found.push({ start, end, value: hasTime ? `${date}T${String(c.get('hour')).padStart(2, '0')}:${String(c.get('minute') ?? 0).padStart(2, '0')}` : date, type: hasTime ? 'TIME' : 'DATE' });
  }
}

// ---- the corpus: reference dates and times -------------------------------------------------------

export interface ReferenceDate {
  date: string | null;
  inferred: boolean;
}

/**
 * Each article's reference date: its publication date, or for an undated article the date most often
 * published by the dated articles most similar to it (by rare shared content words). Linear through an
 * inverted index that ignores words too common to tell stories apart. Kept up to date per change (see
 * `settleTimes`); the map is live, so read it, do not keep it.
 */
export function referenceDates(corpus: Corpus): Map<string, ReferenceDate> {
  settleTimes(corpus, Infinity);
  return timeState(corpus).refs;
}

/** Only rare words tell stories apart, and a few dozen of them suffice: this bounds the work per article. */
const RARE_DF = 50;

interface TimeState {
  /**
   * Per indexed article: its publication date (null when undated) and its distinct content words
   * (the article's own memo array, shared: a Set per article was the state's largest part).
   */
  seen: Map<string, { date: string | null; words: readonly string[] }>;
  /** Content word -> how many dated articles use it. */
  df: Map<string, number>;
  /**
   * Rare content word (df <= RARE_DF) -> ids of the dated articles using it, sorted (the order a
   * fresh build meets them in). Common words need only their count: the lists of the common words
   * were most of the memory, and scoring never reads them. Most rare words are in one article
   * only: such a word maps to the id itself, not to a list of one.
   */
  postings: Map<string, Ids>;
  /** Rare content word -> the undated articles using it: those whose inference a change of that word can move. */
  undatedBy: Map<string, Ids>;
  undated: Set<string>;
  dated: number;
  refs: Map<string, ReferenceDate>;
  /** Undated articles whose reference must be inferred again. */
  stale: Set<string>;
  /** Undated articles whose overlaps stand but whose weights moved (the number of dated articles changed). */
  reweigh: Set<string>;
  /** Per undated article: what its last inference read, to weigh again without reading again. */
  overlaps: Map<string, Overlap>;
  /** idf by document frequency, for `idfFor` dated articles. */
  idf: Float64Array;
  idfFor: number;
  /** Per article: its times against its current reference. */
  times: Map<string, TimeExpression[]>;
  joined: ArticleOrderedList<TimeExpression>;
}

function timeState(corpus: Corpus): TimeState {
  return corpus.state<TimeState>('dates', () => ({
    seen: new Map(), df: new Map(), postings: new Map(), undatedBy: new Map(), undated: new Set(), dated: 0, refs: new Map(), stale: new Set(),
    reweigh: new Set(), overlaps: new Map(), idf: new Float64Array(RARE_DF + 1), idfFor: -1, times: new Map(), joined: new ArticleOrderedList(),
  }));
}

/**
 * Brings the reference dates up to date until `deadline`. A changed article moves the document
 * frequencies of its own words only, so only the undated articles sharing a rare word with it are
 * inferred again; a dated article added or removed changes every idf weight (log(1 + dated/df)), so
 * then every undated article is, in slices.
 */
export function settleTimes(corpus: Corpus, deadline: number): boolean {
  const st = timeState(corpus);
  takeTimeChanges(corpus, st, deadline);
  // At least one article per call, so slices always make progress.
  for (const set of [st.stale, st.reweigh]) {
    for (const id of set) {
      inferNow(corpus, st, id);
      if (performance.now() > deadline) return !st.stale.size && !st.reweigh.size && !corpus.changesFor('dates').size;
    }
  }
  return corpus.changesFor('dates').size === 0;
}

/** Infers one undated article's reference: again from its words when stale, else only weighing its overlaps again. */
function inferNow(corpus: Corpus, st: TimeState, id: string) {
  const full = st.stale.delete(id);
  st.reweigh.delete(id);
  const a = corpus.get(id);
  if (!a) return;
  const ov = full ? undefined : st.overlaps.get(id);
  setReference(st, id, decide(st, ov ?? readOverlaps(corpus, st, a)));
}

function takeTimeChanges(corpus: Corpus, st: TimeState, deadline: number) {
  const pending = corpus.changesFor('dates');
  if (!pending.size) return;
  const datedBefore = st.dated;
  for (const id of pending) {
    pending.delete(id);
    indexArticle(corpus, st, id);
    if (performance.now() > deadline) break;
  }
  // Every idf weight moved: the undated articles weigh their overlaps again (they need not read them again).
  if (st.dated !== datedBefore) for (const id of st.undated) if (!st.stale.has(id)) st.reweigh.add(id);
}

function indexArticle(corpus: Corpus, st: TimeState, id: string) {
  const old = st.seen.get(id);
  const a = corpus.get(id);
  const now = a ? { date: a.published || null, words: articleWords(corpus, a) } : undefined;
  // Sets only for an edit, which compares the two versions' words.
  const oldWords = old?.date && now?.date ? new Set(old.words) : undefined;
  const nowWords = old?.date && now?.date ? new Set(now.words) : undefined;
  st.times.delete(id);
  st.joined.touch(id);
  if (old?.date) {
    for (const w of old.words) if (!nowWords?.has(w)) countDated(st, w, id, -1);
    st.dated--;
  } else if (old) {
    for (const w of old.words) idsDelete(st.undatedBy, w, id);
    st.undated.delete(id);
  }
  if (now) st.seen.set(id, now);
  else { st.seen.delete(id); st.refs.delete(id); }
  if (!now || now.date) { st.stale.delete(id); st.reweigh.delete(id); st.overlaps.delete(id); }
  if (now?.date) {
    for (const w of now.words) {
      if (!oldWords?.has(w)) countDated(st, w, id, 1);
      // The same words under another date: the undated articles sharing a rare one may follow.
      else if (old!.date !== now.date) markUndated(st, w);
    }
    st.dated++;
    st.stale.delete(id);
    setReference(st, id, { date: now.date, inferred: false });
  } else if (now) {
    for (const w of now.words) {
      if ((st.df.get(w) ?? 0) > RARE_DF) continue;
      idsAdd(st.undatedBy, w, id);
    }
    st.undated.add(id);
    st.stale.add(id);
  }
}

/** Counts dated article `id` in or out of word `w`, keeping the lists of rare words. */
function countDated(st: TimeState, w: string, id: string, sign: 1 | -1) {
  const before = st.df.get(w) ?? 0;
  const after = before + sign;
  if (after > 0) st.df.set(w, after);
  else st.df.delete(w);
  if (before > RARE_DF && after > RARE_DF) return;
  if (after > RARE_DF) {
    // Now common: the undated articles using it lose a rare word; its lists go.
    markUndated(st, w);
    st.postings.delete(w);
    st.undatedBy.delete(w);
    return;
  }
  if (before > RARE_DF) {
    // Rare again: its lists are gathered from the articles (this happens only as a word's use falls).
    const dated: string[] = [];
    const undated: string[] = [];
    for (const [other, e] of st.seen) {
      if (other === id || !e.words.includes(w)) continue;
      if (e.date) dated.push(other);
      else undated.push(other);
    }
    if (dated.length) st.postings.set(w, packIds(dated.sort()));
    if (undated.length) st.undatedBy.set(w, packIds(undated));
  } else {
    const cur = st.postings.get(w);
    const list = typeof cur === 'string' ? [cur] : cur ?? [];
    const i = lowerBound(list, id);
    if (sign > 0) list.splice(i, 0, id);
    else if (list[i] === id) list.splice(i, 1);
    if (!list.length) st.postings.delete(w);
    else if (list.length === 1) st.postings.set(w, list[0]);
    else if (list !== cur) st.postings.set(w, list);
  }
  markUndated(st, w);
}

function markUndated(st: TimeState, w: string) {
  for (const u of idsOf(st.undatedBy.get(w))) st.stale.add(u);
}

/** Keeps the old object when nothing changed, so the article's times stay valid. */
function setReference(st: TimeState, id: string, ref: ReferenceDate) {
  const old = st.refs.get(id);
  if (old && old.date === ref.date && old.inferred === ref.inferred) return;
  st.refs.set(id, ref);
  st.times.delete(id);
  st.joined.touch(id);
}

/** One undated article's overlaps with the dated articles: candidates in first-seen order, and per shared rare word (candidate, df) in reading order. */
interface Overlap { cands: string[]; pairCand: Int32Array; pairDf: Int32Array }

/** Reads the rare words undated article `a` shares with dated articles. */
function readOverlaps(corpus: Corpus, st: TimeState, a: Article): Overlap {
  const rare: [string, number][] = [];
  for (const w of articleWords(corpus, a)) {
    const df = st.df.get(w) ?? 0;
    if (df > 0 && df <= RARE_DF) rare.push([w, df]);
  }
  rare.sort((x, y) => x[1] - y[1]);
  if (rare.length > 80) rare.length = 80;
  const index = new Map<string, number>();
  const cands: string[] = [];
  let n = 0;
  for (const [w] of rare) n += idsOf(st.postings.get(w)).length;
  const pairCand = new Int32Array(n);
  const pairDf = new Int32Array(n);
  let k = 0;
  for (const [w, df] of rare) {
    for (const j of idsOf(st.postings.get(w))) {
      let c = index.get(j);
      if (c === undefined) { index.set(j, (c = cands.length)); cands.push(j); }
      pairCand[k] = c;
      pairDf[k++] = df;
    }
  }
  const ov = { cands, pairCand, pairDf };
  st.overlaps.set(a.id, ov);
  return ov;
}

/** The date most often published by the dated articles most similar to an undated article, given its overlaps. */
function decide(st: TimeState, ov: Overlap): ReferenceDate {
  if (st.idfFor !== st.dated) {
    for (let df = 1; df <= RARE_DF; df++) st.idf[df] = Math.log(1 + st.dated / df);
    st.idfFor = st.dated;
  }
  // Summed in reading order, so the scores are the very numbers a fresh inference computes.
  const score = new Float64Array(ov.cands.length);
  for (let k = 0; k < ov.pairCand.length; k++) score[ov.pairCand[k]] += st.idf[ov.pairDf[k]];
  // The five best, ties in first-seen order (what a stable sort of every candidate would give).
  const top: [string, number][] = [];
  for (let c = 0; c < score.length; c++) {
    const sc = score[c];
    if (top.length === 5 && sc <= top[4][1]) continue;
    let p = top.length;
    while (p > 0 && top[p - 1][1] < sc) p--;
    top.splice(p, 0, [ov.cands[c], sc]);
    if (top.length > 5) top.pop();
  }
  if (!top.length || top[0][1] < 3) return { date: null, inferred: false };
  // Vote among the closest articles, weighted by similarity; ties go to the earliest date, when the story broke.
  const votes = new Map<string, number>();
  for (const [j, sc] of top) {
    const date = st.seen.get(j)!.date!;
    if (sc >= top[0][1] * 0.5) votes.set(date, (votes.get(date) ?? 0) + sc);
  }
  const best = [...votes.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  // Within a close race prefer the earliest date.
  const lead = best[0][1];
  const pick = best.filter(([, v]) => v >= lead * 0.6).map(([d]) => d).sort()[0];
  return { date: pick, inferred: true };
}

/** One article's reference, settling only what it needs: the index, and this article's inference. */
function referenceOf(corpus: Corpus, id: string): ReferenceDate {
  const st = timeState(corpus);
  takeTimeChanges(corpus, st, Infinity);
  const a = corpus.get(id);
  if (a && (st.stale.has(id) || st.reweigh.has(id))) inferNow(corpus, st, id);
  return st.refs.get(id) ?? { date: null, inferred: false };
}

function lowerBound(list: string[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < id) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The distinct content words of the body, in first-seen order: an array, a quarter of a Set's memory. */
function articleWords(corpus: Corpus, a: Article): string[] {
  return corpus.perArticle('dates.words', a.id, () => {
    const body = a.text.slice(a.body.start, a.body.end);
    // A long word may be a view into the lower-cased body, which it would keep alive: copied out.
    return [...new Set(contentWords(body))].map(ownCopy);
  });
}

/** The time expressions of one article against a given reference date. */
export function articleTimes(a: Article, ref: ReferenceDate): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const s of a.sentences) {
    for (const t of tagTimes(a.text, s.start, s.end, ref.date, a.dateOrder)) {
      const calendar = /^\d/.test(t.value) && !/^\d{4}$/.test(t.value) ? true : /^\d{4}$/.test(t.value);
      // Only expressions that rested on the reference date are "inferred"; explicit dates are not.
      const relative = !isExplicit(a.text.slice(t.start, t.end));
      out.push({
        article: a.id, start: t.start, end: t.end, text: shared(a.text.slice(t.start, t.end)), value: shared(t.value), type: t.type,
        inferred: ref.inferred && relative && calendar, anchor: ref.date,
      });
    }
  }
  // An exact-size copy: an array grown by push keeps room for 17 or more items, and this one is kept.
  return out.slice();
}

function isExplicit(text: string): boolean {
  return /\b(?:1[89]|20)\d{2}\b/.test(text) && !/\b(?:last|next|this|ago)\b/i.test(text);
}

export function timesOf(corpus: Corpus, id: string): TimeExpression[] {
  const ref = referenceOf(corpus, id);
  // The memo key carries the reference so an inferred date that moves invalidates it.
  return corpus.perArticle(`dates.times:${ref.date}:${ref.inferred}`, id, (a) => articleTimes(a, ref));
}

/** Every article's times, in article order: one plain pass over the per-article lists. */
export function resolveTimes(corpus: Corpus): TimeExpression[] {
  settleTimes(corpus, Infinity);
  const st = timeState(corpus);
  return st.joined.list(corpus.articles(), (id) => {
    let list = st.times.get(id);
    if (!list && corpus.get(id)) st.times.set(id, (list = timesOf(corpus, id)));
    return list;
  });
}

/** The time expression at `offset` in article `id`, if any. */
export function timeAt(corpus: Corpus, id: string, offset: number): TimeExpression | undefined {
  return timesOf(corpus, id).find((t) => t.start <= offset && offset < t.end);
}
