// Shared pieces of the incremental-feature tests: a fresh corpus of some texts, and one random step
// of an editing history (remove an article, restore its original text, or edit it).
import { Corpus } from '../../../src/core/corpus';
import type { Rng } from '../../../bench/prng';

/** A fresh corpus of `texts` (id -> text): what an incremental corpus must equal. */
export function corpusOf(texts: Map<string, string>): Corpus {
  const c = new Corpus();
  for (const [id, t] of texts) c.upsert(id, t);
  return c;
}

/**
 * One random change to `c` and to `current` (its texts, kept in step): with probability `remove`
 * the article goes, below `restore` it gets its original text from `all` back, else it is edited.
 */
export function randomChange(rng: Rng, c: Corpus, current: Map<string, string>, all: Map<string, string>, id: string, edit: (text: string) => string, p = { remove: 0.2, restore: 0.4 }) {
  const r = rng();
  if (r < p.remove && current.has(id)) {
    c.remove(id);
    current.delete(id);
  } else if (r < p.restore) {
    c.upsert(id, all.get(id)!);
    current.set(id, all.get(id)!);
  } else if (current.has(id)) {
    const t = edit(current.get(id)!);
    c.upsert(id, t);
    current.set(id, t);
  }
}
