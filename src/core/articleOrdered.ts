// A corpus-wide list (quotes, times) is the per-article lists joined in article-id order. After a
// change only a few articles' lists differ, so the joined list is patched around them (one copy of
// the kept runs) instead of being gathered again from every article's list.
import type { Article } from './types';

export class ArticleOrderedList<T extends { article: string }> {
  private joined: T[] | null = null;
  private dirty = new Set<string>();

  /** Article `id`'s list changed, or the article went. */
  touch(id: string) {
    if (this.joined) this.dirty.add(id);
  }

  /** The joined list; a new array whenever anything changed, so callers may keep the old one. */
  list(articles: readonly Article[], listOf: (id: string) => readonly T[] | undefined): T[] {
    if (this.joined && !this.dirty.size) return this.joined;
    if (this.joined && this.dirty.size * 16 < articles.length) this.joined = patch(this.joined, [...this.dirty].sort(), listOf);
    else {
      const out: T[] = [];
      for (const a of articles) { const l = listOf(a.id); if (l) for (const x of l) out.push(x); }
      this.joined = out;
    }
    this.dirty.clear();
    return this.joined;
  }
}

function patch<T extends { article: string }>(prev: T[], ids: string[], listOf: (id: string) => readonly T[] | undefined): T[] {
  // The kept runs of the old list and the new per-article lists, in order; then one preallocated copy
  // (several times faster than slice + concat on lists of 100k items).
  const runs: [readonly T[], number, number][] = [];
  let pos = 0;
  let total = 0;
  for (const id of ids) {
    const lo = firstAtOrAfter(prev, id, pos);
    let hi = lo;
    while (hi < prev.length && prev[hi].article === id) hi++;
    runs.push([prev, pos, lo]);
    const l = listOf(id) ?? [];
    runs.push([l, 0, l.length]);
    total += lo - pos + l.length;
    pos = hi;
  }
  runs.push([prev, pos, prev.length]);
  total += prev.length - pos;
  const out = new Array<T>(total);
  let j = 0;
  for (const [src, from, to] of runs) for (let i = from; i < to; i++) out[j++] = src[i];
  return out;
}

/** The first index at or after `from` whose article id is not before `id`. */
function firstAtOrAfter<T extends { article: string }>(list: T[], id: string, from: number): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid].article < id) lo = mid + 1; else hi = mid; }
  return lo;
}
