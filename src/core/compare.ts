// Side-by-side comparison data: a passage and the other outlets' related passages, one column per
// article, each cut into segments marked by how they differ from the rest. Figures and dates that
// the other side does not have are marked apart, since they are where outlets most often disagree.
import type { Corpus } from './corpus';
import { STOPWORDS, figureTerm, stem, tokenize } from './terms';
import type { ScoredPassage, Span } from './types';

export type SegmentKind = 'plain' | 'same' | 'differs' | 'figure-same' | 'figure-differs';

export interface Segment {
  text: string;
  kind: SegmentKind;
}

export interface ComparePassage {
  article: string;
  start: number;
  end: number;
  text: string;
  score: number | null;
  segments: Segment[];
}

export interface CompareColumn {
  article: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** True for the passage the comparison started from. */
  origin: boolean;
  passages: ComparePassage[];
}

export interface Comparison {
  columns: CompareColumn[];
}

interface Keys {
  words: Set<string>;
  figures: Set<string>;
}

function keysOf(text: string): Keys {
  const words = new Set<string>();
  const figures = new Set<string>();
  for (const t of tokenize(text)) {
    const f = figureTerm(t.norm);
    if (f) figures.add(f);
    else if (!STOPWORDS.has(t.norm)) words.add(stem(t.norm));
  }
  return { words, figures };
}

/** Cuts `text` into segments marked against the words and figures of `other`. */
export function markSegments(text: string, other: Keys): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  const push = (s: string, kind: SegmentKind) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += s;
    else out.push({ text: s, kind });
  };
  for (const t of tokenize(text)) {
    push(text.slice(at, t.start), 'plain');
    const f = figureTerm(t.norm);
    let kind: SegmentKind;
    if (f) kind = other.figures.has(f) ? 'figure-same' : 'figure-differs';
    else if (STOPWORDS.has(t.norm) || t.norm.length < 2) kind = 'plain';
    else kind = other.words.has(stem(t.norm)) ? 'same' : 'differs';
    push(t.text, kind);
    at = t.end;
  }
  push(text.slice(at), 'plain');
  return out;
}

/**
 * The comparison for `span` of article `id`: the origin column first, then one column per other
 * article holding related passages (at most `perArticle` each), best article first.
 */
export function comparePassages(corpus: Corpus, id: string, span: Span, options: { limit?: number; perArticle?: number } = {}): Comparison {
  const article = corpus.get(id);
  if (!article) return { columns: [] };
  let { start, end } = span;
  if (end <= start) {
    const s = article.sentences.find((x) => x.start <= start && start < x.end) ?? article.sentences.find((x) => x.start >= start);
    if (s) ({ start, end } = s);
  }
  const originText = article.text.slice(start, end);
  const related = corpus.related(id, { start, end }, options.limit ?? 10);
  const perArticle = options.perArticle ?? 2;
  const byArticle = new Map<string, ScoredPassage[]>();
  for (const r of related) {
    const list = byArticle.get(r.article) ?? [];
    if (list.length < perArticle) list.push(r);
    byArticle.set(r.article, list);
  }
  const othersText = related.map((r) => r.text).join(' ');
  const originKeys = keysOf(originText);
  const othersKeys = keysOf(othersText);
  const columns: CompareColumn[] = [
    {
      article: id, title: article.title, outlet: article.outlet, published: article.published, origin: true,
      passages: [{ article: id, start, end, text: originText, score: null, segments: markSegments(originText, othersKeys) }],
    },
  ];
  for (const [aid, passages] of byArticle) {
    const a = corpus.get(aid);
    if (!a) continue;
    columns.push({
      article: aid, title: a.title, outlet: a.outlet, published: a.published, origin: false,
      passages: passages.map((p) => ({ ...p, segments: markSegments(p.text, originKeys) })),
    });
  }
  return { columns };
}
