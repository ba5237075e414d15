// An incremental inverted index: term -> passages, with document frequencies. Articles are added
// and removed one at a time; removed passages become tombstones that are swept out of the posting
// lists once they outnumber the live ones, so an edit costs only that article's terms.

export interface PassageRef {
  article: string;
  /** The passage's index within its article (e.g. a sentence index). */
  index: number;
}

interface ArticleEntry {
  ids: number[];
  /** Term -> how many of the article's passages hold it. */
  terms: Map<string, number>;
}

export class PostingIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly dfs = new Map<string, number>();
  private readonly refs: (PassageRef | null)[] = [];
  private readonly lengths: number[] = [];
  private readonly byArticle = new Map<string, ArticleEntry>();
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
    return this.byArticle.has(article);
  }

  /** The passage ids of an article, in passage order (empty when it is not indexed). */
  idsOf(article: string): readonly number[] {
    return this.byArticle.get(article)?.ids ?? [];
  }

  /** Indexes an article's passages, each given as its set of terms (and a length for BM25). */
  add(article: string, passages: { terms: Iterable<string>; length: number }[]): void {
    if (this.byArticle.has(article)) this.remove(article);
    const entry: ArticleEntry = { ids: [], terms: new Map() };
    passages.forEach((p, index) => {
      const id = this.refs.length;
      this.refs.push({ article, index });
      this.lengths.push(p.length);
      this.totalLength += p.length;
      entry.ids.push(id);
      for (const t of new Set(p.terms)) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push(id);
        this.dfs.set(t, (this.dfs.get(t) ?? 0) + 1);
        entry.terms.set(t, (entry.terms.get(t) ?? 0) + 1);
      }
    });
    this.live += passages.length;
    this.byArticle.set(article, entry);
  }

  remove(article: string): void {
    const entry = this.byArticle.get(article);
    if (!entry) return;
    this.byArticle.delete(article);
    for (const id of entry.ids) {
      this.refs[id] = null;
      this.totalLength -= this.lengths[id];
    }
    this.live -= entry.ids.length;
    this.dead += entry.ids.length;
    // Document frequencies stay exact; posting lists are swept lazily.
    for (const [t, n] of entry.terms) {
      const df = (this.dfs.get(t) ?? 0) - n;
      if (df > 0) this.dfs.set(t, df);
      else {
        this.dfs.delete(t);
        this.postings.delete(t);
      }
    }
    if (this.dead > 1000 && this.dead > this.live) this.sweep();
  }

  /** Live passages containing `term`. */
  passagesWith(term: string): number[] {
    const list = this.postings.get(term);
    if (!list) return [];
    return this.dead ? list.filter((id) => this.refs[id] !== null) : list;
  }

  /** Calls `fn` for each live passage containing `term` (no allocation: the hot path of queries). */
  forEachPassage(term: string, fn: (id: number) => void): void {
    const list = this.postings.get(term);
    if (!list) return;
    const refs = this.refs;
    for (let i = 0; i < list.length; i++) if (refs[list[i]] !== null) fn(list[i]);
  }

  /** One past the largest passage id ever given (for id-indexed scratch arrays). */
  get idLimit(): number {
    return this.refs.length;
  }

  df(term: string): number {
    return this.dfs.get(term) ?? 0;
  }

  /** BM25's idf: rare terms weigh more; never negative. */
  idf(term: string): number {
    const n = this.df(term);
    return Math.log(1 + (this.live - n + 0.5) / (n + 0.5));
  }

  ref(id: number): PassageRef | null {
    return this.refs[id] ?? null;
  }

  length(id: number): number {
    return this.lengths[id] ?? 0;
  }

  /** Every term in the index (for vocabulary look-ups). */
  terms(): IterableIterator<string> {
    return this.dfs.keys();
  }

  private sweep() {
    for (const [t, list] of this.postings) {
      const kept = list.filter((id) => this.refs[id]);
      if (kept.length) this.postings.set(t, kept);
      else this.postings.delete(t);
    }
    this.dead = 0;
  }
}
