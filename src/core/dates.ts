// Temporal expressions resolved against each article's publication date. (Filled by the events issue.)
import type { Corpus } from './corpus';
import type { TimeExpression } from './types';

export function resolveTimes(_corpus: Corpus): TimeExpression[] {
  return [];
}
