// Related coverage. Gold: cross-document event instances with mentions in two or more articles of a topic.
// Each such instance gives one query per article: the sentence of its first mention there. A query is
// answered by `corpus.related()` (ranked passages of the other articles); an answer is right for another
// article when it overlaps a gold mention of the same instance there.
// - top 5: the share of (query, other article) pairs with a right answer among the first five;
// - MRR: the mean reciprocal rank of the first right answer for that article (0 when none of ten is right).
import type { EvalDoc, GoldMention } from '../meantime';
import { docsById, predTokens, type PredSpan } from './common';

export interface RelatedQuery {
  doc: string;
  /** Topic-qualified gold instance. */
  instance: string;
  /** Offset of the instance's first mention in `doc`: the query is the sentence holding it. */
  offset: number;
}

export interface PredRelated {
  query: RelatedQuery;
  /** Our ranked answers, best first. */
  answers: PredSpan[];
}

export interface RelatedScore {
  queries: number;
  pairs: number;
  top5: number;
  top5Share: number | null;
  mrr: number | null;
}

const instanceKey = (d: EvalDoc, g: GoldMention) => `${d.topic}\u0000${g.instance}`;

/** The queries the gold calls for: one per (cross-document instance, article holding it). */
export function relatedQueries(docs: EvalDoc[]): RelatedQuery[] {
  const holders = new Map<string, Map<string, number>>();
  for (const d of docs) for (const g of d.events) {
    if (!g.crossDoc) continue;
    const k = instanceKey(d, g);
    const perDoc = holders.get(k) ?? new Map<string, number>();
    const at = d.tokens[g.tokens[0]].start;
    perDoc.set(d.id, Math.min(perDoc.get(d.id) ?? Infinity, at));
    holders.set(k, perDoc);
  }
  const out: RelatedQuery[] = [];
  for (const [instance, perDoc] of holders) if (perDoc.size >= 2) for (const [doc, offset] of perDoc) out.push({ doc, instance, offset });
  return out;
}

export function scoreRelated(docs: EvalDoc[], preds: PredRelated[]): RelatedScore {
  const byId = docsById(docs);
  // Gold tokens of each instance, per article.
  const goldTokens = new Map<string, Map<string, Set<number>>>();
  for (const d of docs) for (const g of d.events) {
    if (!g.crossDoc) continue;
    const k = instanceKey(d, g);
    const perDoc = goldTokens.get(k) ?? new Map<string, Set<number>>();
    const set = perDoc.get(d.id) ?? new Set<number>();
    for (const t of g.tokens) set.add(t);
    perDoc.set(d.id, set);
    goldTokens.set(k, perDoc);
  }
  let pairs = 0, top5 = 0, rr = 0;
  for (const p of preds) {
    const perDoc = goldTokens.get(p.query.instance);
    if (!perDoc) continue;
    for (const [other, tokens] of perDoc) {
      if (other === p.query.doc) continue;
      pairs++;
      const rank = p.answers.findIndex((a) => a.doc === other && predTokens(byId, a).some((t) => tokens.has(t)));
      if (rank >= 0 && rank < 5) top5++;
      if (rank >= 0) rr += 1 / (rank + 1);
    }
  }
  return { queries: preds.length, pairs, top5, top5Share: pairs ? top5 / pairs : null, mrr: pairs ? rr / pairs : null };
}
