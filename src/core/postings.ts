// An incremental inverted index: term id -> passages, with document frequencies. Articles are
// added and removed one at a time; removed passages become tombstones that are swept out of the
// posting lists once they outnumber the live ones, so an edit costs only that article's terms.
// Everything is held in typed arrays by integer id (the caller owns the term dictionary): at 10k
// articles the index holds millions of postings, and a JS array or Map costs 2-10 times as much.
import { ownCopy } from './sharedStrings';

/** A growable Int32Array. */
function grown(a: Int32Array, need: number, fill = 0): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2, 64));
  b.set(a);
  if (fill) b.fill(fill, a.length);
  return b;
}

/** Lists up to this many size classes (capacities 2, 4, ... 64) share pooled arrays; longer ones own one. */
const SMALL_CLASSES = 6;
const NONE = -1;
const OWN = SMALL_CLASSES;

/**
 * Posting lists by term id. Most terms are rare (names, figures), and a typed array costs some 200
 * bytes before its first entry: small lists live in slots of a few pooled arrays, one per size
 * class, and move up a class when full; only long lists own an array.
 */
class PostingLists {
  /** By term id: its size class (NONE: no list), its slot in that class's pool, its entry count. */
  private cls: Int32Array = new Int32Array(0);
  private slot: Int32Array = new Int32Array(0);
  used: Int32Array = new Int32Array(0);
  private readonly own: (Int32Array | undefined)[] = [];
  private readonly pools: Int32Array[] = Array.from({ length: SMALL_CLASSES }, () => new Int32Array(0));
  private readonly tops = new Array<number>(SMALL_CLASSES).fill(0);
  private readonly free: number[][] = Array.from({ length: SMALL_CLASSES }, () => []);

  /** Makes room for term ids below `n`. */
  reserve(n: number) {
    if (n <= this.cls.length) return;
    this.cls = grown(this.cls, n, NONE);
    this.slot = grown(this.slot, n);
    this.used = grown(this.used, n);
  }

  has(t: number): boolean {
    return t >= 0 && t < this.cls.length && this.cls[t] !== NONE;
  }

  /** The array holding term t's list (valid until the next append), and where the list starts in it. */
  array(t: number): Int32Array {
    const c = this.cls[t];
    return c === OWN ? this.own[t]! : this.pools[c];
  }

  offset(t: number): number {
    const c = this.cls[t];
    return c === OWN ? 0 : this.slot[t] * (2 << c);
  }

  append(t: number, pid: number) {
    const c = this.cls[t];
    const u = this.used[t];
    if (c === NONE) this.place(t, 0, null, 0, 0);
    else if (c === OWN) {
      const own = this.own[t]!;
      if (u === own.length) {
        const bigger = new Int32Array(u * 2);
        bigger.set(own);
        this.own[t] = bigger;
      }
    } else if (u === 2 << c) {
      const off = this.slot[t] * u;
      this.place(t, c + 1, this.pools[c], off, u);
      this.free[c].push(off / u);
    }
    this.array(t)[this.offset(t) + u] = pid;
    this.used[t] = u + 1;
  }

  /** Puts term t's list in class c, copying `n` entries from `from` at `off`. */
  private place(t: number, c: number, from: Int32Array | null, off: number, n: number) {
    this.cls[t] = c;
    if (c === OWN) {
      const own = new Int32Array(2 << SMALL_CLASSES);
      if (from) own.set(from.subarray(off, off + n));
      this.own[t] = own;
      return;
    }
    const cap = 2 << c;
    let s = this.free[c].pop();
    if (s === undefined) {
      s = this.tops[c]++;
      if ((s + 1) * cap > this.pools[c].length) {
        const bigger = new Int32Array(Math.max(1024, this.pools[c].length * 2));
        bigger.set(this.pools[c]);
        this.pools[c] = bigger;
      }
    }
    this.slot[t] = s;
    if (from) this.pools[c].set(from.subarray(off, off + n), s * cap);
  }

  /** Drops term t's list. */
  drop(t: number) {
    const c = this.cls[t];
    if (c === OWN) this.own[t] = undefined;
    else if (c !== NONE) this.free[c].push(this.slot[t]);
    this.cls[t] = NONE;
    this.used[t] = 0;
  }

  /** Keeps only the entries `keep` accepts, in order. */
  filter(keep: (pid: number) => boolean) {
    for (let t = 0; t < this.cls.length; t++) {
      if (this.cls[t] === NONE) continue;
      const a = this.array(t);
      const off = this.offset(t);
      let k = 0;
      for (let i = 0; i < this.used[t]; i++) if (keep(a[off + i])) a[off + k++] = a[off + i];
      this.used[t] = k;
      // An own list that lost most of its entries gives the room back.
      if (this.cls[t] === OWN && k * 4 < a.length && a.length > (2 << SMALL_CLASSES)) this.own[t] = a.slice(0, Math.max(2 << SMALL_CLASSES, k * 2));
    }
  }
}

export class PostingIndex {
  /** By term id: its passages in ascending id order (dead ones swept lazily). */
  private readonly lists = new PostingLists();
  private dfs: Int32Array = new Int32Array(0);
  /** By passage id: its article's slot (-1: removed) and its length. */
  private slotOfPid: Int32Array = new Int32Array(0);
  private lengths: Int32Array = new Int32Array(0);
  private nextPid = 0;
  /** By slot: the article id, its first passage id and passage count. */
  private readonly articleAt: (string | undefined)[] = [];
  private readonly firsts: number[] = [];
  private readonly counts: number[] = [];
  private readonly slots = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private live = 0;
  private dead = 0;
  private totalLength = 0;

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
   * and has length `lengths[i]` (for averageLength; null: not needed). Returns the article's slot.
   * The article must not be indexed already.
   */
  add(article: string, terms: ArrayLike<number>, ends: ArrayLike<number>, lengths: ArrayLike<number> | null): number {
    if (this.slots.has(article)) throw new Error(`${article} is indexed already`);
    const n = ends.length;
    const first = this.nextPid;
    this.nextPid += n;
    this.slotOfPid = grown(this.slotOfPid, this.nextPid, -1);
    if (lengths) this.lengths = grown(this.lengths, this.nextPid);
    const slot = this.freeSlots.pop() ?? this.articleAt.length;
    this.articleAt[slot] = article;
    this.firsts[slot] = first;
    this.counts[slot] = n;
    this.slots.set(article, slot);
    let maxTerm = -1;
    for (let i = 0; i < terms.length; i++) if (terms[i] > maxTerm) maxTerm = terms[i];
    if (maxTerm >= this.dfs.length) this.dfs = grown(this.dfs, maxTerm + 1);
    this.lists.reserve(maxTerm + 1);
    const { lists, dfs } = this;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const pid = first + i;
      this.slotOfPid[pid] = slot;
      if (lengths) {
        this.lengths[pid] = lengths[i];
        this.totalLength += lengths[i];
      }
      for (const end = ends[i]; at < end; at++) {
        const t = terms[at];
        lists.append(t, pid);
        dfs[t]++;
      }
    }
    this.live += n;
    return slot;
  }

  /**
   * Removes an article; `terms` must list every term id its passages hold (once each), so that
   * the document frequencies are retracted without the index keeping a copy of every article's terms.
   */
  remove(article: string, terms: ArrayLike<number>): void {
    const slot = this.slots.get(article);
    if (slot === undefined) return;
    this.slots.delete(article);
    const first = this.firsts[slot];
    const n = this.counts[slot];
    const { lists, dfs } = this;
    // Document frequencies stay exact: the article's passages are one id range in each ascending list.
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      if (!lists.has(t)) continue;
      const a = lists.array(t);
      const off = lists.offset(t);
      const end = off + lists.used[t];
      const held = lowerBound(a, off, end, first + n) - lowerBound(a, off, end, first);
      const df = (dfs[t] -= held);
      if (df <= 0) {
        dfs[t] = 0;
        lists.drop(t);
      }
    }
    for (let pid = first; pid < first + n; pid++) {
      this.slotOfPid[pid] = -1;
      if (pid < this.lengths.length) this.totalLength -= this.lengths[pid];
    }
    this.articleAt[slot] = undefined;
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
    const lists = this.lists;
    if (!lists.has(t)) return;
    const a = lists.array(t);
    const off = lists.offset(t);
    const end = off + lists.used[t];
    const slots = this.slotOfPid;
    if (!this.dead) for (let i = off; i < end; i++) fn(a[i]);
    else for (let i = off; i < end; i++) if (slots[a[i]] >= 0) fn(a[i]);
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
    return pid < this.lengths.length ? this.lengths[pid] : 0;
  }

  private sweep() {
    const slots = this.slotOfPid;
    this.lists.filter((pid) => slots[pid] >= 0);
    this.dead = 0;
  }
}

/** BM25's idf of a term held by `df` of `live` passages. */
export function idfOf(live: number, df: number): number {
  return Math.log(1 + (live - df + 0.5) / (df + 0.5));
}

/** The first index in list[from, to) whose value is >= x (that part ascends). */
function lowerBound(list: Int32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
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

