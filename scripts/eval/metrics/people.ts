// Person mentions: precision, recall and F1 against gold PER mentions, matched by overlapping tokens.
import type { EvalDoc, GoldMention } from '../meantime';
import { TokenIndex } from '../spans';
import { docsById, prf, predTokens, type PRF, type PredMention } from './common';

/**
 * Gold mentions kept by `keep` (e.g. names only); a prediction counts as right when it overlaps one of them.
 * Only the fully annotated part of each document is judged: mentions of either side beyond it are left out.
 */
export function scorePeople(docs: EvalDoc[], allPreds: PredMention[], keep: (g: GoldMention) => boolean = () => true): PRF {
  const byId = docsById(docs);
  const inScope = (d: EvalDoc, g: GoldMention) => keep(g) && d.tokens[g.tokens[0]].start < d.fullyAnnotatedEnd;
  const index = new Map(docs.map((d) => [d.id, new TokenIndex(d.persons.filter((g) => inScope(d, g)))]));
  const gold = docs.reduce((n, d) => n + d.persons.filter((g) => inScope(d, g)).length, 0);
  const preds = allPreds.filter((p) => { const d = byId.get(p.doc); return d !== undefined && p.start < d.fullyAnnotatedEnd; });
  const hit = new Set<GoldMention>();
  let matchedPredicted = 0;
  for (const p of preds) {
    const found = index.get(p.doc)?.overlapping(predTokens(byId, p)) ?? [];
    if (found.length) matchedPredicted++;
    for (const g of found) hit.add(g);
  }
  return prf(gold, preds.length, hit.size, matchedPredicted);
}

const PRONOUNS = new Set(['i', 'he', 'she', 'we', 'they', 'you', 'him', 'her', 'his', 'hers', 'them', 'their', 'us', 'our', 'me', 'my', 'who', 'whom', 'whose']);

/**
 * A mention by name: typed NAM (or PRE.NAM), or, for the mentions added at cross-document level which carry
 * no syntactic type, one whose words are all capitalised and not a pronoun ("Steve Jobs", "Obama").
 */
export function isNamed(g: GoldMention): boolean {
  if (g.syntacticType === 'NAM' || g.syntacticType === 'PRE.NAM') return true;
  if (g.syntacticType) return false;
  const words = g.text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w) && !PRONOUNS.has(w.toLowerCase().replace(/[^a-z]/g, '')));
}
