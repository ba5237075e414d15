// Calendar arithmetic on TimeML TIMEX3 values, shared by the date tagger and the event merger.
// All dates are plain UTC calendar days; no time zones are involved.

export const DAY_MS = 86_400_000;

export function parseDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return Number.isNaN(d.getTime()) ? null : d;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function fmtDay(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function fmtMonth(y: number, m: number): string {
  // m may run outside 1..12; normalise it through the year.
  const t = y * 12 + (m - 1);
  return `${pad(Math.floor(t / 12), 4)}-${pad((((t % 12) + 12) % 12) + 1)}`;
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

/** ISO 8601 week of a day, as TIMEX3 "YYYY-Www". */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

/** The Monday that starts ISO week `w` of year `y`. */
function weekStart(y: number, w: number): Date {
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const dow = jan4.getUTCDay() || 7;
  return addDays(jan4, 1 - dow + (w - 1) * 7);
}

/** The closed interval of days [first, last] a calendar value covers, as epoch days; null for PAST_REF and the like. */
export function valueInterval(value: string): [number, number] | null {
  let m: RegExpExecArray | null;
  const day = (d: Date) => Math.round(d.getTime() / DAY_MS);
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) {
    const d = Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS;
    return [d, d];
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const s = day(weekStart(+m[1], +m[2]));
    return [s, s + 6];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    return [Date.UTC(+m[1], +m[2] - 1, 1) / DAY_MS, Date.UTC(+m[1], +m[2], 0) / DAY_MS];
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const q = +m[2];
    return [Date.UTC(+m[1], (q - 1) * 3, 1) / DAY_MS, Date.UTC(+m[1], q * 3, 0) / DAY_MS];
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const h = +m[2];
    return [Date.UTC(+m[1], (h - 1) * 6, 1) / DAY_MS, Date.UTC(+m[1], h * 6, 0) / DAY_MS];
  }
  if ((m = /^(\d{4})(?:-(?:SP|SU|FA|WI))?$/.exec(value))) {
    return [Date.UTC(+m[1], 0, 1) / DAY_MS, Date.UTC(+m[1], 11, 31) / DAY_MS];
  }
  return null;
}

/**
 * The date an event can show for a TIMEX3 value: "YYYY", "YYYY-MM" or "YYYY-MM-DD" at the value's own precision.
 * A week or quarter is shown as its month when it lies in one month, otherwise as its year.
 */
export function eventDate(value: string): string | null {
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
  const iv = valueInterval(value);
  if (!iv) return null;
  const a = new Date(iv[0] * DAY_MS), b = new Date(iv[1] * DAY_MS);
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return null;
  if (a.getUTCMonth() === b.getUTCMonth()) return fmtMonth(a.getUTCFullYear(), a.getUTCMonth() + 1);
  return String(a.getUTCFullYear());
}

/** Two values are compatible when one interval lies inside the other (a day inside its month, a week, its year). */
export function compatible(a: string, b: string): boolean {
  const x = valueInterval(a), y = valueInterval(b);
  if (!x || !y) return false;
  return (x[0] <= y[0] && y[1] <= x[1]) || (y[0] <= x[0] && x[1] <= y[1]);
}

/** Width in days; smaller is more precise. */
export function width(value: string): number {
  const iv = valueInterval(value);
  return iv ? iv[1] - iv[0] + 1 : Infinity;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A reader's phrase for a TIMEX3 value: "January 2026", "3 February 2026", "2022", "week 6 of 2026". */
export function describeValue(value: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(.+))?$/.exec(value))) return `${+m[3]} ${MONTH_NAMES[+m[2] - 1]} ${m[1]}${m[4] ? ` ${m[4]}` : ''}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${MONTH_NAMES[+m[2] - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const iv = valueInterval(value)!;
    return `the week of ${fmtDay(new Date(iv[0] * DAY_MS))} to ${fmtDay(new Date(iv[1] * DAY_MS))}`;
  }
  if ((m = /^(\d{4})-Q(\d)$/.exec(value))) return `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-H(\d)$/.exec(value))) return `H${m[2]} ${m[1]}`;
  const seasons: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${seasons[m[2]]} ${m[1]}`;
  if (/^\d{3}$/.test(value)) return `the ${value}0s`;
  if (value === 'PAST_REF') return 'some time in the past';
  if (value === 'PRESENT_REF') return 'the present';
  if (value === 'FUTURE_REF') return 'some time in the future';
  if ((m = /^P(T?)(\d+|X)([YMWDH])$/.exec(value))) {
    const units: Record<string, string> = { Y: 'year', M: m[1] ? 'minute' : 'month', W: 'week', D: 'day', H: 'hour' };
    return m[2] === 'X' ? `a span of ${units[m[3]]}s` : `${m[2]} ${units[m[3]]}${m[2] === '1' ? '' : 's'}`;
  }
  return value;
}
