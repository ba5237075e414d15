// Event extraction and cross-article merging into a timeline. (Filled by the events issue.)
import type { Corpus } from './corpus';
import type { NewsEvent } from './types';

export function buildEvents(_corpus: Corpus): NewsEvent[] {
  return [];
}
