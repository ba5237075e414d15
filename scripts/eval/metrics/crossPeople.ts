// Cross-article people: pairwise precision/recall of "these two mentions, in different articles, are the same
// person". Predictions are aligned one-to-one with gold PER mentions by token overlap; a pair of ours is judged
// only when both its mentions align. Pairs never cross topics (each topic is analysed as its own corpus).
import type { EvalDoc, GoldMention } from '../meantime';
import { sharedTokens, TokenIndex } from '../spans';
import { countInto, crossDocPairs, docsById, predTokens, type PredMention } from './common';

export interface PairScore {
  goldPairs: number;
  predictedPairs: number;
  correctPairs: number;
  /** Predicted mentions aligned with a gold mention (the ones whose pairs are judged). */
  aligned: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Greedy one-to-one alignment, largest token overlap first. */
export function alignMentions(docs: EvalDoc[], preds: PredMention[], keep: (g: GoldMention) => boolean = () => true): Map<PredMention, GoldMention> {
  const byId = docsById(docs);
  const index = new Map(docs.map((d) => [d.id, new TokenIndex(d.persons.filter(keep))]));
  const candidates: { p: PredMention; g: GoldMention; shared: number; order: number }[] = [];
  preds.forEach((p, order) => {
    const toks = predTokens(byId, p);
    for (const g of index.get(p.doc)?.overlapping(toks) ?? []) candidates.push({ p, g, shared: sharedTokens(toks, g.tokens), order });
  });
  candidates.sort((a, b) => b.shared - a.shared || a.order - b.order);
  const out = new Map<PredMention, GoldMention>();
  const used = new Set<GoldMention>();
  for (const c of candidates) {
    if (out.has(c.p) || used.has(c.g)) continue;
    out.set(c.p, c.g);
    used.add(c.g);
  }
  return out;
}

export function scoreCrossPeople(docs: EvalDoc[], preds: PredMention[], keep: (g: GoldMention) => boolean = () => true): PairScore {
  const topicOf = new Map(docs.map((d) => [d.id, d.topic]));
  const goldGroups = new Map<string, Map<string, number>>();
  for (const d of docs) for (const g of d.persons.filter(keep)) countInto(goldGroups, `${d.topic}\u0000${g.instance}`, d.id);
  const alignment = alignMentions(docs, preds, keep);
  const predGroups = new Map<string, Map<string, number>>();
  const bothGroups = new Map<string, Map<string, number>>();
  for (const [p, g] of alignment) {
    countInto(predGroups, p.cluster, p.doc);
    countInto(bothGroups, `${p.cluster}\u0000${topicOf.get(p.doc)}\u0000${g.instance}`, p.doc);
  }
  const goldPairs = crossDocPairs(goldGroups);
  const predictedPairs = crossDocPairs(predGroups);
  const correctPairs = crossDocPairs(bothGroups);
  const precision = predictedPairs ? correctPairs / predictedPairs : null;
  const recall = goldPairs ? correctPairs / goldPairs : null;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { goldPairs, predictedPairs, correctPairs, aligned: alignment.size, precision, recall, f1 };
}
