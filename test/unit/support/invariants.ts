// The invariants every Corpus answer must keep, whatever the text: offsets inside the article,
// start <= end, and every `text` equal to its slice. Shared by the property tests and the
// worst-case child process.
import type { Corpus } from '../../../src/core/corpus';
import type { Span } from '../../../src/core/types';

interface Located {
  article?: string;
  start: number;
  end: number;
  text?: string;
}

/** Checks one located item against the corpus; returns a problem description or null. */
function problemOf(corpus: Corpus, where: string, item: Located, articleId?: string): string | null {
  const id = item.article ?? articleId;
  if (id === undefined) return `${where}: no article id`;
  const article = corpus.get(id);
  if (!article) return `${where}: unknown article ${JSON.stringify(id)}`;
  const { start, end } = item;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `${where}: non-integer offsets ${start}..${end}`;
  if (start < 0 || end > article.text.length || start > end) return `${where}: span ${start}..${end} outside 0..${article.text.length} or reversed`;
  if (item.text !== undefined && item.text !== article.text.slice(start, end)) {
    return `${where}: text ${JSON.stringify(item.text.slice(0, 60))} != slice ${JSON.stringify(article.text.slice(start, Math.min(end, start + 60)))}`;
  }
  return null;
}

export class Problems {
  readonly list: string[] = [];
  check(corpus: Corpus, where: string, item: Located, articleId?: string) {
    const p = problemOf(corpus, where, item, articleId);
    if (p && this.list.length < 20) this.list.push(p);
  }
  score(where: string, score: unknown) {
    if (typeof score !== 'number' || !(score >= 0 && score <= 1)) this.list.push(`${where}: score ${String(score)} not in [0, 1]`);
  }
  assertNone() {
    if (this.list.length) throw new Error(`offset invariants broken:\n  ${this.list.join('\n  ')}`);
  }
}

/** Checks the article model of every article of the corpus. */
export function checkArticles(corpus: Corpus, problems: Problems) {
  for (const a of corpus.articles()) {
    const spans: [string, Span][] = [['body', a.body]];
    if (a.titleSpan) spans.push(['titleSpan', a.titleSpan]);
    a.paragraphs.forEach((p, i) => spans.push([`paragraphs[${i}]`, p]));
    for (const [name, s] of spans) problems.check(corpus, `${a.id} ${name}`, s, a.id);
    a.sentences.forEach((s, i) => {
      problems.check(corpus, `${a.id} sentences[${i}]`, s, a.id);
      if (!a.paragraphs[s.paragraph]) problems.list.push(`${a.id} sentences[${i}]: paragraph ${s.paragraph} does not exist`);
    });
  }
}

/** Every family of the full report: people (mentions, roles), quotes, times, events, claims (+ related). */
export function checkReport(corpus: Corpus, problems: Problems) {
  const r = corpus.report();
  if (r.articles.length !== corpus.size) problems.list.push(`report lists ${r.articles.length} articles, corpus has ${corpus.size}`);
  for (const p of r.people) {
    p.mentions.forEach((m, i) => problems.check(corpus, `person ${p.id} mentions[${i}]`, m));
    p.roles.forEach((m, i) => problems.check(corpus, `person ${p.id} roles[${i}]`, m));
  }
  const ids = new Set(r.people.map((p) => p.id));
  r.quotes.forEach((q, i) => {
    problems.check(corpus, `quotes[${i}]`, q);
    if (q.speaker !== null && !ids.has(q.speaker)) problems.list.push(`quotes[${i}]: speaker ${q.speaker} is not a person id`);
  });
  r.times.forEach((t, i) => problems.check(corpus, `times[${i}]`, t));
  r.events.forEach((e, i) => e.sources.forEach((s, j) => problems.check(corpus, `events[${i}].sources[${j}]`, s)));
  r.claims.forEach((c, i) => {
    problems.check(corpus, `claims[${i}]`, c);
    c.related.forEach((l, j) => problems.check(corpus, `claims[${i}].related[${j}]`, l));
  });
  // The report must be valid JSON for the CLI: no cycles, no undefined where null is promised.
  JSON.stringify(r);
}

/** Related coverage for every sentence (capped), and for a few raw spans. */
export function checkRelated(corpus: Corpus, problems: Problems, maxPerArticle = 8) {
  for (const a of corpus.articles()) {
    const spans: Span[] = a.sentences.slice(0, maxPerArticle).map((s) => ({ start: s.start, end: s.end }));
    spans.push({ start: 0, end: a.text.length }, { start: 0, end: 0 }, { start: a.text.length, end: a.text.length });
    for (const span of spans) {
      for (const [i, r] of corpus.related(a.id, span, 5).entries()) {
        problems.check(corpus, `related(${a.id}, ${span.start}..${span.end})[${i}]`, r);
        problems.score(`related(${a.id})[${i}]`, r.score);
        if (r.article === a.id) problems.list.push(`related(${a.id}): returned a passage of the same article`);
      }
    }
  }
}

export function checkSearch(corpus: Corpus, problems: Problems, queries: string[]) {
  for (const q of queries) {
    const results = corpus.search.search(q, 10);
    if (results.length > 10) problems.list.push(`search(${JSON.stringify(q)}): ${results.length} results over the limit 10`);
    results.forEach((r, i) => problems.check(corpus, `search(${JSON.stringify(q.slice(0, 30))})[${i}]`, r));
  }
}

/** personAt at every mention boundary and at out-of-range offsets. */
export function checkPersonAt(corpus: Corpus, problems: Problems) {
  for (const a of corpus.articles()) {
    for (const off of [-1, 0, a.text.length, a.text.length + 5, Math.floor(a.text.length / 2)]) {
      const p = corpus.personAt(a.id, off);
      if (p && !p.mentions.some((m) => m.article === a.id && m.start <= off && off < m.end)) problems.list.push(`personAt(${a.id}, ${off}) returned a person not mentioned there`);
    }
  }
  for (const p of corpus.people().slice(0, 20)) {
    const m = p.mentions[0];
    if (!m) continue;
    const found = corpus.personAt(m.article, m.start);
    if (!found) problems.list.push(`personAt(${m.article}, ${m.start}) found nobody at a mention of ${p.id}`);
  }
  if (corpus.personAt('no such article', 0) !== undefined) problems.list.push('personAt on an unknown article returned a person');
  // Lookups by id and by name agree with the list.
  for (const p of corpus.people().slice(0, 30)) {
    if (corpus.personById(p.id)?.id !== p.id) problems.list.push(`personById(${p.id}) does not return it`);
    if (!corpus.personNamed(p.name)) problems.list.push(`personNamed(${JSON.stringify(p.name)}) finds nobody`);
  }
  for (const name of ['', ' ', 'no such person at all', '\u0000', 'said']) corpus.personNamed(name);
  if (corpus.personById('no-such-id') !== undefined) problems.list.push('personById on an unknown id returned a person');
}

/** Every corpus-level query, and every invariant over its answers. */
export function checkEverything(corpus: Corpus, searchQueries: string[] = [], relatedPerArticle = 8): void {
  const problems = new Problems();
  checkArticles(corpus, problems);
  checkReport(corpus, problems);
  checkRelated(corpus, problems, relatedPerArticle);
  checkPersonAt(corpus, problems);
  const words = corpus.articles().flatMap((a) => a.sentences.slice(0, 2).map((s) => s.text.split(/\s+/).slice(0, 3).join(' ')));
  checkSearch(corpus, problems, [...searchQueries, ...words.slice(0, 4)]);
  problems.assertNone();
}
