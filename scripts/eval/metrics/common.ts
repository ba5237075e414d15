// Shared shapes of the scorers: predictions as plain data (so tests can feed fake ones) and counted results.
import type { EvalDoc } from '../meantime';
import { tokensOverlapping } from '../spans';

/** A predicted span in an evaluation document. */
export interface PredSpan {
  doc: string;
  start: number;
  end: number;
}

/** A person mention of ours; `cluster` names the person it was resolved to (unique across topics). */
export interface PredMention extends PredSpan {
  cluster: string;
}

export interface PredTime extends PredSpan {
  value: string;
}

export interface PredEvent {
  /** Unique across topics. */
  id: string;
  sources: PredSpan[];
}

/** Precision/recall with the counts behind them; a ratio is null when its denominator is zero. */
export interface PRF {
  gold: number;
  predicted: number;
  /** Gold items matched by some prediction. */
  matchedGold: number;
  /** Predictions matching some gold item. */
  matchedPredicted: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function prf(gold: number, predicted: number, matchedGold: number, matchedPredicted: number): PRF {
  const precision = predicted ? matchedPredicted / predicted : null;
  const recall = gold ? matchedGold / gold : null;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, matchedGold, matchedPredicted, precision, recall, f1 };
}

export function docsById(docs: EvalDoc[]): Map<string, EvalDoc> {
  return new Map(docs.map((d) => [d.id, d]));
}

/** The gold tokens a predicted span touches; empty when the document is unknown. */
export function predTokens(docs: Map<string, EvalDoc>, p: PredSpan): number[] {
  const d = docs.get(p.doc);
  return d ? tokensOverlapping(d.tokens, p.start, p.end) : [];
}

/** Pairs of items in different documents within each group: (N² − Σ n_doc²) / 2. */
export function crossDocPairs(groups: Map<string, Map<string, number>>): number {
  let pairs = 0;
  for (const perDoc of groups.values()) {
    let n = 0;
    let sq = 0;
    for (const c of perDoc.values()) { n += c; sq += c * c; }
    pairs += (n * n - sq) / 2;
  }
  return pairs;
}

export function countInto(groups: Map<string, Map<string, number>>, key: string, doc: string) {
  let perDoc = groups.get(key);
  if (!perDoc) groups.set(key, (perDoc = new Map()));
  perDoc.set(doc, (perDoc.get(doc) ?? 0) + 1);
}
