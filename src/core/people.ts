// Person mentions, alias resolution across the corpus, and roles. (Filled by the people issue.)
import type { Corpus } from './corpus';
import type { Person } from './types';

export function resolvePeople(_corpus: Corpus): Person[] {
  return [];
}
