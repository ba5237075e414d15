// An incremental inverted index: term id -> passages, with document frequencies. Articles are
// added and removed one at a time; removed passages become tombstones that are swept out of the
// posting lists once they outnumber the live ones, so an edit costs only that article's terms.
// Everything is held in typed arrays by integer id (the caller owns the term dictionary): at 10k
// articles the index holds millions of postings, and a JS array or Map costs 2-10 times as much.

/** A growable Int32Array. */
function grown(a: Int32Array, need: number, fill = 0): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2, 64));
  b.set(a);
  if (fill) b.fill(fill, a.length);
  return b;
}

export class PostingIndex {
  /** By term id: its passages in ascending id order (`used` of them filled; dead ones swept lazily). */
  private lists: (Int32Array | undefined)[] = [];
  private used: Int32Array = new Int32Array(0);
  private dfs: Int32Array = new Int32Array(0);
  /** By passage id: its article's slot (-1: removed) and its length. */
  private slotOfPid: Int32Array = new Int32Array(0);
  private lengths: Int32Array = new Int32Array(0);
  private nextPid = 0;
  /** By slot: the article id, its first passage id and passage count, and its distinct term ids. */
  private readonly articleAt: (string | undefined)[] = [];
  private readonly firsts: number[] = [];
  private readonly counts: number[] = [];
  private readonly termsAt: (Int32Array | undefined)[] = [];
  private readonly slots = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private live = 0;
  private dead = 0;
  private totalLength = 0;

  /** @param onEmpty called with a term id no live passage holds any more (the caller may reuse the id). */
  constructor(private readonly onEmpty?: (term: number) => void) {}

  /** Number of live passages. */
  get size(): number {
    return this.live;
  }

  get averageLength(): number {
    return this.live ? this.totalLength / this.live : 1;
  }

  has(article: string): boolean {
    return this.slots.has(article);
  }

  /** The article's slot (kept while it is indexed, then reused), or undefined. */
  slotOf(article: string): number | undefined {
    return this.slots.get(article);
  }

  /** The first passage id of an article (its passages have consecutive ids) and how many it has. */
  rangeOf(article: string): { first: number; count: number } {
    const slot = this.slots.get(article);
    return slot === undefined ? { first: 0, count: 0 } : { first: this.firsts[slot], count: this.counts[slot] };
  }

  /**
   * Indexes an article's passages: passage i holds the distinct term ids `terms[ends[i-1] .. ends[i])`
   * and has length `lengths[i]`; `distinct` lists every term id the article holds, once (kept, to
   * retract the article's document frequencies). Returns the article's slot.
   */
  add(article: string, terms: ArrayLike<number>, ends: ArrayLike<number>, lengths: ArrayLike<number>, distinct: Int32Array): number {
    if (this.slots.has(article)) this.remove(article);
    const n = ends.length;
    const first = this.nextPid;
    this.nextPid += n;
    this.slotOfPid = grown(this.slotOfPid, this.nextPid, -1);
    this.lengths = grown(this.lengths, this.nextPid);
    const slot = this.freeSlots.pop() ?? this.articleAt.length;
    this.articleAt[slot] = article;
    this.firsts[slot] = first;
    this.counts[slot] = n;
    this.termsAt[slot] = distinct;
    this.slots.set(article, slot);
    let maxTerm = -1;
    for (let i = 0; i < distinct.length; i++) if (distinct[i] > maxTerm) maxTerm = distinct[i];
    if (maxTerm >= this.dfs.length) {
      this.dfs = grown(this.dfs, maxTerm + 1);
      this.used = grown(this.used, maxTerm + 1);
    }
    const { lists, used, dfs } = this;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const pid = first + i;
      this.slotOfPid[pid] = slot;
      this.lengths[pid] = lengths[i];
      this.totalLength += lengths[i];
      for (const end = ends[i]; at < end; at++) {
        const t = terms[at];
        let list = lists[t];
        const u = used[t];
        if (!list || u === list.length) {
          const bigger = new Int32Array(list ? list.length * 2 : 2);
          if (list) bigger.set(list);
          lists[t] = list = bigger;
        }
        list[u] = pid;
        used[t] = u + 1;
        dfs[t]++;
      }
    }
    this.live += n;
    return slot;
  }

  remove(article: string): void {
    const slot = this.slots.get(article);
    if (slot === undefined) return;
    this.slots.delete(article);
    const first = this.firsts[slot];
    const n = this.counts[slot];
    const terms = this.termsAt[slot]!;
    const { lists, used, dfs } = this;
    // Document frequencies stay exact: the article's passages are one id range in each ascending list.
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      const list = lists[t];
      if (!list) continue;
      const u = used[t];
      const held = lowerBound(list, u, first + n) - lowerBound(list, u, first);
      const df = (dfs[t] -= held);
      if (df <= 0) {
        dfs[t] = 0;
        lists[t] = undefined;
        used[t] = 0;
        this.onEmpty?.(t);
      }
    }
    for (let pid = first; pid < first + n; pid++) {
      this.slotOfPid[pid] = -1;
      this.totalLength -= this.lengths[pid];
    }
    this.articleAt[slot] = undefined;
    this.termsAt[slot] = undefined;
    this.freeSlots.push(slot);
    this.live -= n;
    this.dead += n;
    if (this.dead > 1000 && this.dead > this.live) this.sweep();
  }

  /** True while passage `pid` is indexed. */
  isLive(pid: number): boolean {
    return pid < this.nextPid && this.slotOfPid[pid] >= 0;
  }

  /** The slot of a live passage's article (-1: removed). */
  passageSlot(pid: number): number {
    return pid < this.nextPid ? this.slotOfPid[pid] : -1;
  }

  /** Passage id -> its article's slot (-1: removed), for hot loops; replaced when it grows, so ask again after an add. */
  passageSlots(): Int32Array {
    return this.slotOfPid;
  }

  /** The article id of a live passage. */
  articleOf(pid: number): string | undefined {
    const slot = this.passageSlot(pid);
    return slot < 0 ? undefined : this.articleAt[slot];
  }

  /** A live passage's index within its article (e.g. its sentence index). */
  indexOf(pid: number): number {
    return pid - this.firsts[this.slotOfPid[pid]];
  }

  /** The id of passage `index` of the article in `slot`. */
  pidAt(slot: number, index: number): number {
    return this.firsts[slot] + index;
  }

  /** Calls `fn` for each live passage holding term `t`, in ascending id order (the hot path of queries). */
  forEachPassage(t: number, fn: (id: number) => void): void {
    if (t < 0) return;
    const list = this.lists[t];
    if (!list) return;
    const u = this.used[t];
    const slots = this.slotOfPid;
    if (!this.dead) for (let i = 0; i < u; i++) fn(list[i]);
    else for (let i = 0; i < u; i++) if (slots[list[i]] >= 0) fn(list[i]);
  }

  /** Live passages holding term `t`. */
  passagesWith(t: number): number[] {
    const out: number[] = [];
    this.forEachPassage(t, (pid) => out.push(pid));
    return out;
  }

  /** One past the largest passage id ever given (for id-indexed scratch arrays). */
  get idLimit(): number {
    return this.nextPid;
  }

  df(t: number): number {
    return t >= 0 && t < this.dfs.length ? this.dfs[t] : 0;
  }

  /** BM25's idf: rare terms weigh more; never negative. */
  idf(t: number): number {
    return idfOf(this.live, this.df(t));
  }

  length(pid: number): number {
    return pid < this.nextPid ? this.lengths[pid] : 0;
  }

  private sweep() {
    const { lists, used } = this;
    const slots = this.slotOfPid;
    for (let t = 0; t < lists.length; t++) {
      const list = lists[t];
      if (!list) continue;
      let k = 0;
      for (let i = 0; i < used[t]; i++) if (slots[list[i]] >= 0) list[k++] = list[i];
      used[t] = k;
      // A list that lost most of its room gives it back.
      if (k * 4 < list.length && list.length > 8) lists[t] = list.slice(0, Math.max(2, k * 2));
    }
    this.dead = 0;
  }
}

/** BM25's idf of a term held by `df` of `live` passages. */
export function idfOf(live: number, df: number): number {
  return Math.log(1 + (live - df + 0.5) / (df + 0.5));
}

/** The first index in list[0, n) whose value is >= x (the list ascends). */
function lowerBound(list: Int32Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Term strings -> small integer ids, counted by the articles holding them so that an id is reused
 * once no article does (edits would otherwise grow the dictionary forever).
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  /** By id: the term (undefined: free). */
  readonly names: (string | undefined)[] = [];
  private refs: Int32Array = new Int32Array(0);
  private readonly free: number[] = [];

  /** The term's id, or -1 when no article holds it. */
  id(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** The term's id, counting one more article that holds it. */
  acquire(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.free.pop() ?? this.names.length;
      const own = ownCopy(term);
      this.ids.set(own, id);
      this.names[id] = own;
      this.refs = grown(this.refs, id + 1);
    }
    this.refs[id]++;
    return id;
  }

  /** One article fewer holds term `id`. */
  release(id: number): void {
    if (--this.refs[id] > 0) return;
    this.ids.delete(this.names[id]!);
    this.names[id] = undefined;
    this.free.push(id);
  }
}

/**
 * A copy of `s` that does not keep a longer string alive: V8 slices (say, one word of a joined
 * list) point into their parent string, which a long-lived dictionary would then retain.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
