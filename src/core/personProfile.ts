// What the hover card says about one person: roles by outlet, coverage per article, quotes and the
// people most often mentioned alongside. Built from the memoised people and quote indexes.
import type { Corpus } from './corpus';
import type { Article, Person, Quote } from './types';
import { mentionAt, peopleModel, type PersonEntry } from './people';
import { quotesBy } from './quotes';

export interface PersonProfile {
  person: Person;
  /** Each distinct role with the outlets that used it, most used first. */
  roles: { text: string; outlets: string[] }[];
  /** Articles mentioning the person, with how often; most mentions first. */
  articles: { id: string; outlet: string; count: number }[];
  quotes: { quote: Quote; outlet: string }[];
  /** People mentioned in the same articles, by how many articles they share. */
  coMentioned: { person: Person; articles: number }[];
  totalQuotes: number;
}

/** How a card names an article: its outlet, else its title, else its id. */
export function outletOf(a: Article | undefined, id: string): string {
  return a?.outlet ?? a?.title ?? id;
}

/** The person mention covering `offset`, with its exact span. */
export function mentionAtOffset(corpus: Corpus, id: string, offset: number): { person: Person; start: number; end: number } | undefined {
  const model = peopleModel(corpus);
  const hit = mentionAt(model.byArticle.get(id) ?? [], offset);
  return hit ? { person: hit.person.current, start: hit.start, end: hit.end } : undefined;
}

/** Memoised per person until the corpus changes: repeated hovers on a much-mentioned name stay cheap. */
export function personProfile(corpus: Corpus, personId: string, maxQuotes = 3, maxCoMentioned = 5): PersonProfile | undefined {
  return corpus.derive(`people.profile:${personId}:${maxQuotes}:${maxCoMentioned}`, () => buildProfile(corpus, personId, maxQuotes, maxCoMentioned));
}

function buildProfile(corpus: Corpus, personId: string, maxQuotes: number, maxCoMentioned: number): PersonProfile | undefined {
  const model = peopleModel(corpus);
  const entry = model.byId.get(personId);
  if (!entry) return undefined;
  const person = entry.current;
  const outlet = (id: string) => outletOf(corpus.get(id), id);

  const roles = new Map<string, { text: string; outlets: string[]; n: number }>();
  for (const r of person.roles) {
    const key = r.text.toLowerCase().replace(/\s+/g, ' ');
    const e = roles.get(key) ?? { text: r.text.replace(/\s+/g, ' '), outlets: [], n: 0 };
    e.n++;
    if (!e.outlets.includes(outlet(r.article))) e.outlets.push(outlet(r.article));
    roles.set(key, e);
  }

  const counts = new Map<string, number>();
  for (const m of person.mentions) counts.set(m.article, (counts.get(m.article) ?? 0) + 1);
  const articles = [...counts].map(([id, count]) => ({ id, outlet: outlet(id), count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));

  const co = new Map<PersonEntry, number>();
  for (const id of counts.keys()) {
    const seen = new Set<PersonEntry>();
    for (const h of model.byArticle.get(id) ?? []) if (h.person !== entry) seen.add(h.person);
    for (const p of seen) co.set(p, (co.get(p) ?? 0) + 1);
  }
  const coMentioned = [...co].sort((a, b) => b[1] - a[1] || b[0].current.mentions.length - a[0].current.mentions.length)
    .slice(0, maxCoMentioned).map(([p, n]) => ({ person: p.current, articles: n }));

  const all = quotesBy(corpus, person.id);
  // Prefer longer quotes from different articles: they say more than scare quotes.
  const ranked = [...all].sort((a, b) => b.text.length - a.text.length);
  const picked: Quote[] = [];
  for (const q of ranked) if (picked.length < maxQuotes && !picked.some((p) => p.article === q.article)) picked.push(q);
  for (const q of ranked) if (picked.length < maxQuotes && !picked.includes(q)) picked.push(q);

  return {
    person,
    roles: [...roles.values()].sort((a, b) => b.n - a.n).map(({ text, outlets }) => ({ text, outlets })),
    articles,
    quotes: picked.map((quote) => ({ quote, outlet: outlet(quote.article) })),
    coMentioned,
    totalQuotes: all.length,
  };
}
