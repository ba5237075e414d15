// Direct quotes and their speakers. (Filled by the people issue.)
import type { Corpus } from './corpus';
import type { Quote } from './types';

export function resolveQuotes(_corpus: Corpus): Quote[] {
  return [];
}
