// Dates: for each gold TIMEX3 of type DATE (the creation time excluded), is the value of the time expression of
// ours that overlaps it most right, at the gold's precision? A gold date nothing of ours overlaps counts as wrong.
import type { EvalDoc, GoldTimex } from '../meantime';
import { sharedTokens } from '../spans';
import { docsById, predTokens, type PredTime } from './common';

export interface DateScore {
  gold: number;
  /** Our time expressions in the fully annotated part of the documents (where gold ones are annotated). */
  predicted: number;
  /** Gold dates overlapped by one of ours. */
  matched: number;
  /** Right at the gold's precision ("2008" is right for gold 2008; "2008-03-06" is right for gold 2008-03). */
  correct: number;
  /** Exactly the gold value. */
  exact: number;
  accuracy: number | null;
  exactAccuracy: number | null;
  /** The same, leaving out the gold dates in the headline (sentence 0), which the article model keeps out of the body. */
  bodyGold: number;
  bodyCorrect: number;
  bodyAccuracy: number | null;
  errors: { gold: GoldTimex; text: string; predicted: string | null }[];
}

const CALENDAR = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const DECADE = /^\d{3}$/;

/** True when `pred` says what `gold` says, to the gold's precision. */
export function sameAtGoldPrecision(gold: string, pred: string): boolean {
  if (gold === pred) return true;
  if (CALENDAR.test(gold)) return pred.startsWith(gold) && pred[gold.length] === '-';
  if (DECADE.test(gold)) return pred.startsWith(gold) && /\d/.test(pred[gold.length] ?? '');
  return gold.toUpperCase() === pred.toUpperCase();
}

export function scoreDates(docs: EvalDoc[], preds: PredTime[]): DateScore {
  const byId = docsById(docs);
  const predsByDoc = new Map<string, { p: PredTime; tokens: number[] }[]>();
  for (const p of preds) {
    const list = predsByDoc.get(p.doc) ?? [];
    list.push({ p, tokens: predTokens(byId, p) });
    predsByDoc.set(p.doc, list);
  }
  let gold = 0;
  let matched = 0;
  let correct = 0;
  let exact = 0;
  let bodyGold = 0;
  let bodyCorrect = 0;
  const errors: DateScore['errors'] = [];
  for (const d of docs) {
    for (const g of d.dates) {
      gold++;
      let best: PredTime | null = null;
      let bestShared = 0;
      for (const c of predsByDoc.get(d.id) ?? []) {
        const shared = sharedTokens(c.tokens, g.tokens);
        if (shared > bestShared) { best = c.p; bestShared = shared; }
      }
      if (best) matched++;
      const ok = best !== null && sameAtGoldPrecision(g.value, best.value);
      if (ok) correct++;
      const inHeadline = d.tokens[g.tokens[0]].sentence === 0;
      if (!inHeadline) { bodyGold++; if (ok) bodyCorrect++; }
      if (best && best.value === g.value) exact++;
      if (!ok) errors.push({ gold: g, text: d.text.slice(d.tokens[g.tokens[0]].start, d.tokens[g.tokens[g.tokens.length - 1]].end), predicted: best?.value ?? null });
    }
  }
  // Time expressions are annotated only in the fully annotated part; count ours there.
  const predicted = preds.filter((p) => { const d = byId.get(p.doc); return d !== undefined && p.start < d.fullyAnnotatedEnd; }).length;
  return { gold, predicted, matched, correct, exact, accuracy: gold ? correct / gold : null, exactAccuracy: gold ? exact / gold : null, bodyGold, bodyCorrect, bodyAccuracy: bodyGold ? bodyCorrect / bodyGold : null, errors };
}
