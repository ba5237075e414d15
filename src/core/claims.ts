// Claims worth a second look: unattributed, vague-source and hedged sentences (per article,
// memoised), and contested facts, where another outlet's report of the same fact disagrees on
// the date, a number or the stance. Contested detection pairs only candidate sentences (holding a
// date, a number or a stance cue) through an inverted index of their distinctive words with
// bounded postings, so it stays near-linear; corpus.related() at one call per candidate was too
// slow for a corpus-wide pass (about 7 ms a call at 500 articles).
import type { Corpus } from './corpus';
import { datesByArticle } from './claimDates';
import { compareFacts, hasComparable, passageFacts, sentenceFacts, type DateMention, type Disagreement, type PassageFacts, type SentenceFacts } from './contest';
import { analyzeArticleClaims, MAX_SENTENCE_CHARS, type ArticleClaims } from './sentenceClaims';
import type { Article, Claim, Location, Sentence } from './types';

export { analyzeArticleClaims } from './sentenceClaims';

const QUOTE_SHARE = 0.6;
/** Distinctive words two sentences must share to be compared (compareFacts then asks for more evidence). */
const MIN_SHARED = 2;
/** The best-matching sentences of other articles compared with each candidate. */
const MAX_PARTNERS = 8;
/** A distinctive word found in more candidate sentences than this is skipped when pairing. */
const MAX_POSTINGS = 40;

export function articleClaims(corpus: Corpus, id: string): ArticleClaims {
  return corpus.perArticle('claims', id, analyzeArticleClaims);
}

export function analyzeClaims(corpus: Corpus): Claim[] {
  const out: Claim[] = [];
  for (const a of corpus.articles()) out.push(...articleClaims(corpus, a.id).claims);
  out.push(...contestedClaims(corpus));
  return out.sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start || kindOrder(x) - kindOrder(y)));
}

const KINDS: Claim['kind'][] = ['contested', 'unattributed', 'vague-source', 'hedged'];
const kindOrder = (c: Claim) => KINDS.indexOf(c.kind);

interface Conflict {
  with: Location;
  what: Disagreement;
  outlet: string;
}

/** Contested claims across the corpus; each links to every passage that disagrees with it. */
export function contestedClaims(corpus: Corpus): Claim[] {
  const articles = corpus.articles();
  if (articles.length < 2) return [];
  const dates = datesByArticle(corpus);
  const rarity = stemRarity(corpus);
  // Conflicts per sentence, keyed "article\0sentenceIndex".
  const conflicts = new Map<string, Conflict[]>();
  const note = (article: Article, index: number, c: Conflict) => {
    const key = `${article.id}\u0000${index}`;
    const list = conflicts.get(key) ?? [];
    if (!list.some((x) => x.with.article === c.with.article && x.with.start === c.with.start)) list.push(c);
    conflicts.set(key, list);
  };

  // Candidates: body sentences, not quotes, holding (or carrying over) a date, a number or a stance cue.
  interface Candidate { article: Article; index: number; facts: PassageFacts; stems: string[] }
  const candidates: Candidate[] = [];
  const postings = new Map<string, Candidate[]>();
  for (const article of articles) {
    for (const own of articleCandidates(corpus, article, dates.get(article.id) ?? [])) {
      // Measured counts pair on what they count ("#deaths"), since short reports of one toll share few words.
      const stems = own.stems.filter((w) => w.startsWith('#') || rarity.distinctive(w));
      const c: Candidate = { article, index: own.index, facts: own.facts, stems };
      candidates.push(c);
      for (const w of stems) {
        const list = postings.get(w) ?? [];
        list.push(c);
        postings.set(w, list);
      }
    }
  }

  // Same-fact partners through shared distinctive words. A word in too many candidate sentences
  // says little about which fact they report and would make this quadratic, so it is skipped.
  for (const a of candidates) {
    if (!hasComparable(a.facts) && !a.facts.inheritedDate) continue;
    const shared = new Map<Candidate, number>();
    for (const w of a.stems) {
      const list = postings.get(w)!;
      if (list.length > MAX_POSTINGS) continue;
      for (const b of list) if (b.article !== a.article) shared.set(b, (shared.get(b) ?? 0) + 1);
    }
    const measures = new Set(a.facts.measures.map((m) => m.measure));
    const sameMeasure = (b: Candidate) => b.facts.measures.some((m) => measures.has(m.measure));
    const partners = [...shared].filter(([b, n]) => n >= MIN_SHARED || (n >= 1 && sameMeasure(b))).sort((x, y) => y[1] - x[1]).slice(0, MAX_PARTNERS);
    for (const [b] of partners) {
      if (!sameStoryWindow(a.article, b.article)) continue;
      const d = compareFacts(a.facts, b.facts, rarity);
      if (!d) continue;
      const sa = a.article.sentences[a.index];
      const sb = b.article.sentences[b.index];
      note(a.article, a.index, { with: { article: b.article.id, start: sb.start, end: sb.end }, what: d, outlet: b.article.outlet ?? b.article.id });
      const back = compareFacts(b.facts, a.facts, rarity) ?? { kind: d.kind, here: d.there, there: d.here };
      note(b.article, b.index, { with: { article: a.article.id, start: sa.start, end: sa.end }, what: back, outlet: a.article.outlet ?? a.article.id });
    }
  }

  const out: Claim[] = [];
  for (const [key, list] of conflicts) {
    const [id, idx] = key.split('\u0000');
    const article = corpus.get(id)!;
    const s = article.sentences[+idx];
    const kind = list[0].what.kind;
    const detail = list.map((c) => `${c.outlet} says ${c.what.there}`).join('; ');
    const what = kind === 'date' ? 'the date' : kind === 'number' ? 'the figure' : 'whether it is established';
    out.push({
      article: id, start: s.start, end: s.end, text: s.text, kind: 'contested', rule: `contested/${kind}`,
      reason: `Other coverage disagrees on ${what}: this article says ${list[0].what.here}; ${detail}.`,
      related: list.map((c) => c.with),
    });
  }
  return out;
}

interface OwnCandidate {
  index: number;
  facts: PassageFacts;
  /** Every content stem, then the measure keys ("#deaths"); rarity is applied per corpus version. */
  stems: string[];
}

/**
 * The sentences of one article worth comparing, with their facts. They depend only on the article
 * and its resolved dates, so they are memoised with the article and rebuilt only when it (or its
 * dates) change: an edit then re-derives one article's facts, not the whole corpus's.
 */
function articleCandidates(corpus: Corpus, article: Article, dates: DateMention[]): OwnCandidate[] {
  const datesKey = dates.map((d) => `${d.start}:${d.end}:${d.value}`).join('|');
  const memo = corpus.perArticle('claims:candidates', article.id, () => ({ datesKey: null as string | null, list: [] as OwnCandidate[] }));
  if (memo.datesKey === datesKey) return memo.list;
  const byS = bucketBySentence(article, dates);
  const own = staticFacts(corpus, article.id);
  const list: OwnCandidate[] = [];
  for (const si of articleClaims(corpus, article.id).sentences) {
    if (si.quoted >= QUOTE_SHARE) continue;
    const s = si.sentence;
    const prev = article.sentences[si.index - 1];
    const previous = prev && prev.paragraph === s.paragraph ? prev : null;
    const facts = passageFacts(article.id, article.text, s, byS[si.index], inheritedDate(article, si.index, byS), { previous, published: article.published }, own[si.index], previous ? own[si.index - 1] : null);
    if (!hasComparable(facts) && !facts.inheritedDate) continue;
    const stems = [...new Set(facts.words.map((w) => w.stem))].concat([...new Set(facts.measures.map((m) => `#${m.measure}`))]);
    list.push({ index: si.index, facts, stems });
  }
  memo.datesKey = datesKey;
  memo.list = list;
  return list;
}

/** Coverage of one story appears within weeks; articles published further apart report other events. */
const STORY_WINDOW_DAYS = 30;
function sameStoryWindow(a: Article, b: Article): boolean {
  if (!a.published || !b.published) return true;
  return Math.abs(Date.parse(a.published) - Date.parse(b.published)) <= STORY_WINDOW_DAYS * 86_400_000;
}

/** The last date of the one or two sentences before, in the same paragraph. */
function inheritedDate(article: Article, index: number, bySentence: DateMention[][]): DateMention | null {
  const s = article.sentences[index];
  for (let k = index - 1; k >= Math.max(0, index - 2); k--) {
    if (article.sentences[k].paragraph !== s.paragraph) return null;
    const inside = bySentence[k];
    if (inside.length) return inside[inside.length - 1];
  }
  return null;
}

/** The dates inside each sentence, in one sweep over both sorted lists. */
function bucketBySentence(article: Article, dates: DateMention[]): DateMention[][] {
  const out: DateMention[][] = article.sentences.map(() => []);
  const sorted = dates.slice().sort((a, b) => a.start - b.start);
  let k = 0;
  for (const d of sorted) {
    while (k < article.sentences.length && article.sentences[k].end < d.end) k++;
    if (k >= article.sentences.length) break;
    if (article.sentences[k].start <= d.start) out[k].push(d);
  }
  return out;
}

/** The corpus-independent facts of every sentence of an article, memoised with the article. */
function staticFacts(corpus: Corpus, id: string): SentenceFacts[] {
  const none: SentenceFacts = { words: [], names: new Set(), quantities: [], settled: null, unsettled: null, negated: new Set(), measures: [] };
  return corpus.perArticle('claims:sentence-facts', id, (a) => a.sentences.map((s) => (s.end - s.start > MAX_SENTENCE_CHARS ? none : sentenceFacts(a.text, s))));
}

/**
 * Inverse sentence frequency of each content stem across the corpus, and which stems are
 * distinctive: rare enough (idf at least 60% of the maximum) that sharing three of them shows
 * two passages report the same fact, where sharing the story's main names does not.
 */
function stemRarity(corpus: Corpus): { idf: (stem: string) => number; distinctive: (stem: string) => boolean } {
  const table = corpus.derive('claims:stem-df', () => {
    const df = new Map<string, number>();
    let n = 0;
    for (const a of corpus.articles()) {
      for (const f of staticFacts(corpus, a.id)) {
        n++;
        for (const w of new Set(f.words.map((x) => x.stem))) df.set(w, (df.get(w) ?? 0) + 1);
      }
    }
    return { df, n };
  });
  const idf = (w: string) => Math.log(1 + table.n / (1 + (table.df.get(w) ?? 0)));
  const floor = 0.6 * Math.log(1 + table.n);
  return { idf, distinctive: (w) => idf(w) >= floor };
}
