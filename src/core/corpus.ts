// The Corpus: the one owner of analysis state. Articles are added, changed and removed one at a
// time; per-article analysis is memoised per article, and cross-article results are recomputed
// lazily when something changed. Every feature asks the Corpus; none parses text itself.
import { parseArticle } from './article';
import { analyzeClaims, settleClaims } from './claims';
import { buildEvents, settleEvents } from './events';
import { mentionAt, peopleModel, personByName, resolvePeople, settlePeople } from './people';
import { resolveQuotes, settleQuotes } from './quotes';
import { resolveTimes, settleTimes } from './dates';
import { SearchIndex } from './search';
import { RelatedIndex, relatedPassages } from './align';
import { isSealed, unsealed } from './sealedMemo';
import type { AnalysisReport, Article, Claim, NewsEvent, Person, Quote, ScoredPassage, Span, TimeExpression } from './types';

interface Entry {
  article: Article;
  /** Per-article results of each feature, filled on first use. */
  memo: Map<string, unknown>;
}

/**
 * Brings one incremental feature's state up to date with the changed articles, stopping at
 * `deadline` (a performance.now() time); returns true when nothing is left to do. Each feature
 * keeps its state in `corpus.state()` and takes its work from `corpus.changesFor()`.
 */
export type Settler = (corpus: Corpus, deadline: number) => boolean;

/** The incremental features, in the order a user needs them: hovers first, then the tree, then diagnostics. */
export const SETTLERS: readonly Settler[] = [settlePeople, settleQuotes, settleTimes, settleEvents, settleClaims];
/** What a hover needs: while bulk indexing, only these are settled after every batch. */
export const HOVER_SETTLERS: readonly Settler[] = SETTLERS.slice(0, 3);

interface Derived {
  value: unknown;
  version: number;
}

export class Corpus {
  private entries = new Map<string, Entry>();
  private derived = new Map<string, Derived>();
  private sorted: { version: number; list: Article[] } | undefined;
  private pending = new Map<string, Set<string>>();
  private states = new Map<string, unknown>();
  /** Bumped on every change; lets callers tell whether a result is stale. */
  version = 0;
  readonly search = new SearchIndex(this);
  /** The sentence index behind related(); re-indexes only changed articles. */
  readonly relatedIndex = new RelatedIndex(this);

  /** Adds or replaces one article; only that article is re-analysed. */
  upsert(id: string, text: string): Article {
    const prev = this.entries.get(id);
    if (prev && prev.article.text === text) return prev.article;
    const article = parseArticle(id, text);
    this.entries.set(id, { article, memo: new Map() });
    this.changed(id);
    return article;
  }

  /**
   * Adds or replaces one article analysed elsewhere (the indexing worker, the cache), with its
   * per-article memo already filled, so no analysis runs on this thread.
   */
  ingest(article: Article, memo: Iterable<[string, unknown]> = []): Article {
    const prev = this.entries.get(article.id);
    if (prev && prev.article.text === article.text) return prev.article;
    this.entries.set(article.id, { article, memo: new Map(memo) });
    this.changed(article.id);
    return article;
  }

  /** The per-article results computed so far for `id` (the worker ships them to the main thread). */
  memoOf(id: string): [string, unknown][] {
    return [...(this.entries.get(id)?.memo ?? [])].map(([k, v]) => [k, unsealed(v)]);
  }

  /**
   * Removes and returns one per-article memo entry: a feature that absorbs an entry into its own
   * (more compact) state frees the original this way.
   */
  takeMemo<T>(id: string, key: string): T | undefined {
    const memo = this.entries.get(id)?.memo;
    const value = memo?.get(key);
    memo?.delete(key);
    return unsealed(value) as T | undefined;
  }

  remove(id: string): boolean {
    const had = this.entries.delete(id);
    if (had) this.changed(id);
    return had;
  }

  private changed(id: string) {
    this.version++;
    for (const ids of this.pending.values()) ids.add(id);
    this.patchSorted(id);
    this.derived.clear();
    this.search.invalidate(id);
    this.relatedIndex.invalidate(id);
  }

  /**
   * Keeps the sorted article list in step with one change (a copy: callers may hold the old list),
   * instead of sorting every id again after each edit.
   */
  private patchSorted(id: string) {
    if (!this.sorted) return;
    const list = this.sorted.list.slice();
    let lo = 0;
    let hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid].id < id) lo = mid + 1; else hi = mid; }
    const article = this.entries.get(id)?.article;
    const present = lo < list.length && list[lo].id === id;
    if (present && article) list[lo] = article;
    else if (present) list.splice(lo, 1);
    else if (article) list.splice(lo, 0, article);
    this.sorted = { version: this.version, list };
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): Article | undefined {
    return this.entries.get(id)?.article;
  }

  /** Every article, sorted by id; the list is shared until the next change, so do not mutate it. */
  articles(): Article[] {
    if (this.sorted?.version !== this.version) {
      const list = [...this.entries.values()].map((e) => e.article).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.sorted = { version: this.version, list };
    }
    return this.sorted.list;
  }

  /** Per-article memo: `compute` runs once per article version. */
  perArticle<T>(key: string, id: string, compute: (a: Article) => T): T {
    const e = this.entries.get(id);
    if (!e) throw new Error(`unknown article ${id}`);
    let value = e.memo.get(key);
    if (value === undefined && !e.memo.has(key)) e.memo.set(key, (value = compute(e.article)));
    else if (isSealed(value)) e.memo.set(key, (value = unsealed(value)));
    return value as T;
  }

  /**
   * The ids added, changed or removed since `consumer` last processed them (the first call lists
   * every article). The set is live: an incremental feature deletes each id once its own state
   * reflects that article, so it can stop part-way and resume (see `settle`).
   */
  changesFor(consumer: string): Set<string> {
    let ids = this.pending.get(consumer);
    if (!ids) {
      ids = new Set(this.entries.keys());
      this.pending.set(consumer, ids);
    }
    return ids;
  }

  /** Corpus-level state of an incremental feature, kept across changes (unlike `derive`). */
  state<T>(key: string, init: () => T): T {
    if (!this.states.has(key)) this.states.set(key, init());
    return this.states.get(key) as T;
  }

  /**
   * Advances every incremental feature until `deadline` (performance.now() time), so a caller on
   * the extension host can bring the corpus up to date in short slices. True when all is settled.
   * With `scope` 'hover', only what hovers need (people, quotes, times): bulk indexing settles the
   * rest less often, since events and claims catch up faster on many articles at once.
   */
  settle(deadline: number, scope: 'all' | 'hover' = 'all'): boolean {
    for (const step of scope === 'hover' ? HOVER_SETTLERS : SETTLERS) if (!step(this, deadline)) return false;
    return true;
  }

  /** Corpus-level memo, recomputed after any change. */
  derive<T>(key: string, compute: () => T): T {
    const d = this.derived.get(key);
    if (d && d.version === this.version) return d.value as T;
    const value = compute();
    this.derived.set(key, { value, version: this.version });
    return value;
  }

  // Every corpus-level feature keeps incremental state (see SETTLERS): cheap once settled, so an
  // answer is never served stale, not even while indexing.
  people(): Person[] {
    return resolvePeople(this);
  }

  quotes(): Quote[] {
    return resolveQuotes(this);
  }

  times(): TimeExpression[] {
    return resolveTimes(this);
  }

  events(): NewsEvent[] {
    return this.derive('events', () => buildEvents(this));
  }

  claims(): Claim[] {
    return this.derive('claims', () => analyzeClaims(this));
  }

  /** The passages of other articles that report the same fact as `span` of article `id`. */
  related(id: string, span: Span, limit = 10): ScoredPassage[] {
    return relatedPassages(this, id, span, limit);
  }

  /** The person mentioned at `offset` of article `id`, if any. */
  personAt(id: string, offset: number): Person | undefined {
    const model = peopleModel(this);
    return mentionAt(model.byArticle.get(id) ?? [], offset)?.person.current;
  }

  /** The person a name or alias ("Petro", "Gustavo Petro") refers to, the most mentioned first. */
  personNamed(name: string): Person | undefined {
    return personByName(this, name);
  }

  personById(id: string): Person | undefined {
    return peopleModel(this).byId.get(id)?.current;
  }

  report(): AnalysisReport {
    return {
      version: 1,
      articles: this.articles().map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, byline: a.byline, published: a.published, body: a.body })),
      people: this.people(),
      quotes: this.quotes(),
      events: this.events(),
      times: this.times(),
      claims: this.claims(),
    };
  }
}
