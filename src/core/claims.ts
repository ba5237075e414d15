// Attribution, vague sources, hedges and cross-source disagreement. (Filled by the claims issue.)
import type { Corpus } from './corpus';
import type { Claim } from './types';

export function analyzeClaims(_corpus: Corpus): Claim[] {
  return [];
}
