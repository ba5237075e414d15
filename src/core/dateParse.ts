// Parsing of explicit calendar dates as news pages print them ("Feb. 3, 2026", "7 July 2017",
// "02/03/2026", "2026-02-04"). Relative expressions live in dates.ts.
import type { DateOrder } from './types';

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_RE = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';

export interface FoundDate {
  /** YYYY-MM-DD */
  date: string;
  start: number;
  end: number;
  /** The notation this date shows, when it shows one. */
  order: DateOrder;
}

const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/y;
const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/y;
const MDY = new RegExp(`\\b${WEEKDAY_RE}${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iy');
const DMY = new RegExp(`\\b${WEEKDAY_RE}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE},?\\s+(\\d{4})\\b`, 'iy');

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads an explicit date that begins exactly at `at` in `s`. */
export function dateAt(s: string, at: number, order: DateOrder = null): FoundDate | null {
  for (const re of [ISO, MDY, DMY, NUMERIC]) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m) continue;
    const end = at + m[0].length;
    if (re === ISO) {
      const date = isoDate(+m[1], +m[2], +m[3]);
      if (date) return { date, start: at, end, order: null };
    } else if (re === MDY) {
      const date = isoDate(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
      if (date) return { date, start: at, end, order: 'mdy' };
    } else if (re === DMY) {
      const date = isoDate(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
      if (date) return { date, start: at, end, order: 'dmy' };
    } else {
      const a = +m[1], b = +m[2], y = +m[3];
      // The notation decides; a day above 12 also decides; otherwise US order, the common one in English news.
      const dayFirst = a > 12 || (order === 'dmy' && b <= 12);
      const date = dayFirst ? isoDate(y, b, a) : isoDate(y, a, b);
      if (date) return { date, start: at, end, order: a > 12 ? 'dmy' : b > 12 ? 'mdy' : null };
    }
  }
  return null;
}

/** Finds the first explicit date anywhere in `s`. */
export function findDate(s: string, order: DateOrder = null): FoundDate | null {
  const starts = /\b(?=\d|[a-z])/gi;
  let m: RegExpExecArray | null;
  while ((m = starts.exec(s))) {
    const found = dateAt(s, m.index, order);
    if (found) return found;
    // Skip the rest of this word so the scan stays linear.
    const w = /\w+/y;
    w.lastIndex = m.index;
    const word = w.exec(s);
    starts.lastIndex = m.index + Math.max(1, word ? word[0].length : 1);
  }
  return null;
}
