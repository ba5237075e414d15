// The shape of the Events timeline: events grouped by year and month (undated last) or by article,
// and filtered by person. Pure data, so the tree view only turns it into TreeItems.
import { describeValue } from './timex';
import type { Article, NewsEvent, Person, TimeExpression } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface TimelineGroup {
  /** Stable key: "2026", "2026-02", "undated", or "article:<id>". */
  key: string;
  label: string;
  groups: TimelineGroup[];
  events: NewsEvent[];
}

const byDate = (a: NewsEvent, b: NewsEvent) =>
  a.date === b.date ? b.sources.length - a.sources.length || (a.label < b.label ? -1 : 1) : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;

/** Years, then months; events known only to the year sit in the year before its months; undated last. */
export function groupByDate(events: NewsEvent[]): TimelineGroup[] {
  const years = new Map<string, TimelineGroup>();
  const undated: NewsEvent[] = [];
  for (const e of [...events].sort(byDate)) {
    if (!e.date) { undated.push(e); continue; }
    const y = e.date.slice(0, 4);
    let year = years.get(y);
    if (!year) years.set(y, (year = { key: y, label: y, groups: [], events: [] }));
    if (e.date.length === 4) { year.events.push(e); continue; }
    const mk = e.date.slice(0, 7);
    let month = year.groups.find((g) => g.key === mk);
    if (!month) year.groups.push((month = { key: mk, label: `${MONTHS[+mk.slice(5) - 1]} ${y}`, groups: [], events: [] }));
    month.events.push(e);
  }
  const out = [...years.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  if (undated.length) out.push({ key: 'undated', label: 'Undated', groups: [], events: undated });
  return out;
}

/** One group per article, in corpus order, holding the events it reports, by date. */
export function groupByArticle(events: NewsEvent[], articles: Article[]): TimelineGroup[] {
  const groups = new Map<string, TimelineGroup>();
  for (const a of articles) {
    const name = [a.outlet, a.title].filter(Boolean).join(': ') || a.id;
    groups.set(a.id, { key: `article:${a.id}`, label: name, groups: [], events: [] });
  }
  for (const e of [...events].sort(byDate)) {
    for (const id of new Set(e.sources.map((s) => s.article))) groups.get(id)?.events.push(e);
  }
  return [...groups.values()].filter((g) => g.events.length);
}

/** Events with a passage that mentions the person: a mention inside the passage, or one of the person's names in it. */
export function eventsWithPerson(events: NewsEvent[], person: Person): NewsEvent[] {
  const names = [person.name, ...person.aliases].filter((n) => n.length > 1).map((n) => new RegExp(`(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu'));
  return events.filter((e) =>
    e.sources.some((s) => person.mentions.some((m) => m.article === s.article && m.start >= s.start && m.end <= s.end) || names.some((re) => re.test(s.text))),
  );
}

/** How many different outlets (or articles, when the outlet is unknown) report an event. */
export function outletCount(e: NewsEvent, articleOf: (id: string) => Article | undefined): number {
  return new Set(e.sources.map((s) => articleOf(s.article)?.outlet ?? s.article)).size;
}

/**
 * A reader's sentence for a resolved time expression: "January 2026 (article published 2026-02-04)",
 * or with "(inferred …)" when the reference date came from other articles.
 */
export function describeTime(t: TimeExpression, published: string | null): string {
  const what = t.type === 'DURATION' ? `a duration of ${describeValue(t.value)}` : t.type === 'SET' ? `every ${describeValue(t.value).replace(/^1 /, '')}` : describeValue(t.value);
  const anchor = t.anchor ?? null;
  let against: string;
  if (anchor && t.inferred) against = `reference date ${anchor}, inferred from other articles on the same story`;
  else if (published) against = `article published ${published}`;
  else against = 'no publication date known';
  return `${what} (${against})`;
}
