// The resolved dates inside each article, for comparing claims across outlets. They come from
// corpus.times() (the events feature). Only when that yields nothing at all (the feature absent
// or disabled) does a small fallback resolve the plainest forms: years, month names, "last year".
import type { Corpus } from './corpus';
import type { DateMention } from './contest';
import { referenceDates, timesOf, type ReferenceDate } from './dates';
import type { Article, TimeExpression } from './types';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = /\b(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{1,2})(?!\d))?(?:,?\s+(\d{4}))?\b/g;
const RELATIVE_RE = /\b(last|this|next|past)\s+(year|month)\b/gi;
const YEAR_RE = /\b(?:in|since|by|until|from|during|of)\s+((?:18|19|20)\d{2})\b/g;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The time expressions of one article as corpus.times() lists them (empty when the times feature
 * is absent or fails). An undated article's list can change when other articles do, since its
 * reference date is inferred from similar dated coverage.
 */
export function articleTimes(corpus: Corpus, id: string): readonly TimeExpression[] {
  try {
    return timesOf(corpus, id);
  } catch {
    return [];
  }
}

/**
 * The date each article's times were resolved against; an article's times change only with its
 * text or this reference, so comparing references finds the undated articles whose times moved
 * without asking for every article's times. Null when the times feature is absent or fails.
 */
export function referenceOf(corpus: Corpus): Map<string, ReferenceDate> | null {
  try {
    return referenceDates(corpus);
  } catch {
    return null;
  }
}

/** The calendar dates among an article's time expressions. */
export function datesFromTimes(times: readonly TimeExpression[]): DateMention[] {
  const out: DateMention[] = [];
  for (const t of times) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (!/^\d{4}/.test(t.value)) continue;
    out.push({ start: t.start, end: t.end, text: t.text, value: t.value.split('T')[0] });
  }
  return out;
}

/** The most common publication date of the corpus: the reference for an undated article. */
export function commonAnchor(articles: Article[]): string | null {
  const count = new Map<string, number>();
  for (const a of articles) if (a.published) count.set(a.published, (count.get(a.published) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [d, c] of count) if (c > n || (c === n && best !== null && d > best)) [best, n] = [d, c];
  return best;
}

/** Years, month names and "last year"/"this month", resolved against `anchor` (YYYY-MM-DD). */
export function fallbackDates(text: string, from: number, to: number, anchor: string | null): DateMention[] {
  const body = text.slice(from, to);
  const out: DateMention[] = [];
  const ay = anchor ? +anchor.slice(0, 4) : null;
  const am = anchor ? +anchor.slice(5, 7) : null;
  for (const m of body.matchAll(MONTH_RE)) {
    const month = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    if (m[1] === 'May' && !m[2] && !m[3]) continue; // the modal verb, most likely
    let year = m[3] ? +m[3] : null;
    if (year === null && ay !== null && am !== null) year = month <= am ? ay : ay - 1; // news looks back
    if (year === null) continue;
    const value = m[2] ? `${year}-${pad(month)}-${pad(+m[2])}` : `${year}-${pad(month)}`;
    out.push({ start: from + m.index!, end: from + m.index! + m[0].length, text: m[0], value });
  }
  for (const m of body.matchAll(RELATIVE_RE)) {
    if (ay === null || am === null) continue;
    const which = m[1].toLowerCase();
    const shift = which === 'last' || which === 'past' ? -1 : which === 'next' ? 1 : 0;
    const value = m[2].toLowerCase() === 'year' ? `${ay + shift}` : monthValue(ay, am + shift);
    out.push({ start: from + m.index!, end: from + m.index! + m[0].length, text: m[0], value });
  }
  for (const m of body.matchAll(YEAR_RE)) {
    const s = from + m.index! + m[0].length - m[1].length;
    if (out.some((d) => d.start <= s && s < d.end)) continue;
    out.push({ start: s, end: s + 4, text: m[1], value: m[1] });
  }
  return out.sort((a, b) => a.start - b.start);
}

function monthValue(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12 + 12) % 12 + 1;
  return `${y}-${pad(m)}`;
}
