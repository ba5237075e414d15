// Passage similarity across articles: related coverage. (Filled by the search issue.)
import type { Corpus } from './corpus';
import type { ScoredPassage, Span } from './types';

export function relatedPassages(_corpus: Corpus, _id: string, _span: Span, _limit: number): ScoredPassage[] {
  return [];
}
