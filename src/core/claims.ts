// Claims worth a second look: unattributed, vague-source and hedged sentences (per article,
// memoised), and contested facts, where another outlet's report of the same fact disagrees on
// the date, a number or the stance. Contested detection asks corpus.related() only for candidate
// sentences (those holding a date, a number or a stance cue), so it stays near-linear.
import type { Corpus } from './corpus';
import { datesByArticle } from './claimDates';
import { isContentWord, stem, tokenize } from './claimText';
import { compareFacts, hasComparable, passageFacts, type DateMention, type Disagreement, type PassageFacts } from './contest';
import { analyzeArticleClaims, type ArticleClaims } from './sentenceClaims';
import type { Article, Claim, Location, Sentence } from './types';

export { analyzeArticleClaims } from './sentenceClaims';

/** Related passages scoring below this are not taken to report the same fact. */
const MIN_RELATED_SCORE = 0.2;
const RELATED_LIMIT = 5;
const QUOTE_SHARE = 0.6;

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
  const facts = new Map<string, PassageFacts>();
  const factsOf = (article: Article, s: Sentence, index: number): PassageFacts => {
    const key = `${article.id}\u0000${index}`;
    let f = facts.get(key);
    if (!f) {
      const list = dates.get(article.id) ?? [];
      const prev = article.sentences[index - 1];
      const previous = prev && prev.paragraph === s.paragraph ? prev : null;
      facts.set(key, (f = passageFacts(article.id, article.text, s, list, inheritedDate(article, index, list), { previous, published: article.published })));
    }
    return f;
  };
  // Conflicts per sentence, keyed "article\0sentenceIndex".
  const conflicts = new Map<string, Conflict[]>();
  const note = (article: Article, index: number, c: Conflict) => {
    const key = `${article.id}\u0000${index}`;
    const list = conflicts.get(key) ?? [];
    if (!list.some((x) => x.with.article === c.with.article && x.with.start === c.with.start)) list.push(c);
    conflicts.set(key, list);
  };

  for (const article of articles) {
    const info = articleClaims(corpus, article.id);
    for (const si of info.sentences) {
      if (si.quoted >= QUOTE_SHARE) continue;
      const fa = factsOf(article, si.sentence, si.index);
      if (!hasComparable(fa)) continue;
      let related: ReturnType<Corpus['related']>;
      try {
        related = corpus.related(article.id, si.sentence, RELATED_LIMIT);
      } catch {
        related = [];
      }
      for (const r of related) {
        if (r.article === article.id || r.score < MIN_RELATED_SCORE) continue;
        const other = corpus.get(r.article);
        if (!other || !sameStoryWindow(article, other)) continue;
        const index = other.sentences.findIndex((s) => s.start <= r.start && r.start < s.end);
        if (index < 0 || other.paragraphs[other.sentences[index].paragraph]?.heading) continue;
        const bInfo = articleClaims(corpus, other.id).sentences.find((x) => x.index === index);
        if (!bInfo || bInfo.quoted >= QUOTE_SHARE) continue;
        const fb = factsOf(other, other.sentences[index], index);
        const d = compareFacts(fa, fb, rarity);
        if (!d) continue;
        const sb = other.sentences[index];
        note(article, si.index, { with: { article: other.id, start: sb.start, end: sb.end }, what: d, outlet: other.outlet ?? other.id });
        const back = compareFacts(fb, fa, rarity) ?? { kind: d.kind, here: d.there, there: d.here };
        note(other, index, { with: { article: article.id, start: si.sentence.start, end: si.sentence.end }, what: back, outlet: article.outlet ?? article.id });
      }
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

/** Coverage of one story appears within weeks; articles published further apart report other events. */
const STORY_WINDOW_DAYS = 30;
function sameStoryWindow(a: Article, b: Article): boolean {
  if (!a.published || !b.published) return true;
  return Math.abs(Date.parse(a.published) - Date.parse(b.published)) <= STORY_WINDOW_DAYS * 86_400_000;
}

/** The last date of the one or two sentences before, in the same paragraph. */
function inheritedDate(article: Article, index: number, dates: DateMention[]): DateMention | null {
  const s = article.sentences[index];
  for (let k = index - 1; k >= Math.max(0, index - 2); k--) {
    const p = article.sentences[k];
    if (p.paragraph !== s.paragraph) return null;
    const inside = dates.filter((d) => d.start >= p.start && d.end <= p.end);
    if (inside.length) return inside[inside.length - 1];
  }
  return null;
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
      for (const s of a.sentences) {
        n++;
        const seen = new Set<string>();
        for (const t of tokenize(s.text)) if (t.word && isContentWord(t.lower)) seen.add(stem(t.lower));
        for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
      }
    }
    return { df, n };
  });
  const idf = (w: string) => Math.log(1 + table.n / (1 + (table.df.get(w) ?? 0)));
  const floor = 0.6 * Math.log(1 + table.n);
  return { idf, distinctive: (w) => idf(w) >= floor };
}
