// The search benchmark's query generator, shared by bench/child.ts and bench/searchAgreement.ts so
// both measure the same kind of queries: names (some with two letters swapped) and 2-3 word
// phrases taken from sentences.
import type { Corpus } from '../src/core/corpus';
import { type Rng, int, pick } from './prng';

export function searchQueries(rng: Rng, corpus: Corpus, n: number): string[] {
  const arts = corpus.articles();
  const typo = (s: string) => {
    const i = int(rng, 1, Math.max(1, s.length - 2));
    return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  };
  return Array.from({ length: n }, (_, i) => {
    const a = pick(rng, arts);
    const s = pick(rng, a.sentences);
    const words = s.text.replace(/[^\p{L}\d\s]/gu, ' ').split(/\s+/).filter((w) => w.length > 2);
    const names = words.filter((w) => /^\p{Lu}/u.test(w) && w.length > 4);
    if (i % 3 === 0 && names.length) return i % 2 ? typo(pick(rng, names)) : pick(rng, names);
    const k = int(rng, 0, Math.max(0, words.length - 3));
    return words.slice(k, k + int(rng, 2, 3)).join(' ');
  });
}
