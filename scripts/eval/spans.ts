// Matching by overlapping token spans: a predicted character range is turned into the gold tokens it touches.
import type { TokenSpan } from './meantime';

/** Indices of the tokens that overlap [start, end) (half-open; an empty range touches nothing). */
export function tokensOverlapping(tokens: TokenSpan[], start: number, end: number): number[] {
  if (end <= start) return [];
  // First token whose end is past `start` (tokens are in text order and do not overlap).
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < tokens.length && tokens[i].start < end; i++) out.push(i);
  return out;
}

/** How many token indices two sorted lists share. */
export function sharedTokens(a: number[], b: number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { n++; i++; j++; }
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Per-token index of the items covering each token, for quick overlap lookups within one document. */
export class TokenIndex<T extends { tokens: number[] }> {
  private byToken = new Map<number, T[]>();
  constructor(items: T[]) {
    for (const it of items) for (const t of it.tokens) {
      const list = this.byToken.get(t);
      if (list) list.push(it);
      else this.byToken.set(t, [it]);
    }
  }
  /** The items sharing at least one of `tokens`, without duplicates, in first-seen order. */
  overlapping(tokens: number[]): T[] {
    const seen = new Set<T>();
    for (const t of tokens) for (const it of this.byToken.get(t) ?? []) seen.add(it);
    return [...seen];
  }
}
