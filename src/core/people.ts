// Person mentions, alias resolution across the corpus, and roles.
// Step 1 (per article, memoised): capitalised spans with evidence (personCandidates.ts).
// Step 2 (corpus, incremental): decide which name forms are people, cluster forms into persons (same
// surname, compatible given names), then find every occurrence of every accepted form in every body.
// Step 2 keeps its state between changes and redoes only what a change touches: the forms of the
// changed articles (and forms whose words changed between ordinary and capitalised use), the
// surnames and given names of those forms, the alias-table entries that changed, the articles that
// contain the first word of a changed entry, and the persons whose mentions changed.
import type { Corpus } from './corpus';
import type { Article, Passage, Person, Role } from './types';
import { findCandidates, adjacent, nameLike, type ArticleCandidates, type Evidence, type Found } from './personCandidates';
import {
  FUNCTION_WORDS, NON_PERSON_HEADS, TITLES, editDistance, isAllCaps, isCommonWord, isGivenName, isInitials, isNationality,
  isPlaceOrOrgWord, slug, tokenize, type Token,
} from './names';
import { ownCopy, shared } from './sharedStrings';
import { idsAdd, idsDelete, idsOf, type Ids } from './idLists';

interface Form {
  key: string;
  keys: string[];
  ev: Evidence;
  /**
   * How the form is written: the one text (written ev.count times), or, once there are several,
   * text, count pairs (a Map per form cost three times as much, and most forms have one text).
   */
  surfaces: string | (string | number)[];
  /** Bumped whenever an article's contribution changes ev or surfaces: keys the memos below. */
  rev: number;
  /** The last accept decision, valid for rev `acceptedRev` and these word-frequency facts (`acceptedSig`). */
  acceptedRev: number;
  acceptedSig: number;
  accepted: boolean;
  /** Whether this multi-word form is currently accepted as a name. */
  ok: boolean;
}

/**
 * One person candidate: a cluster of full name forms sharing a surname, or one accepted single-word
 * form. It lives as long as its forms (its `stable` key) do, so mentions can point at it.
 */
export interface PersonEntry {
  /** The person as last published; valid while the entry has mentions. */
  readonly current: Person;
}

interface Draft extends PersonEntry {
  current: Person;
  stable: string;
  forms: Form[];
  name: string;
  count: number;
  /** Alias-table entries (token sequences) this draft contributes, given-name aliases aside. */
  entries: string[];
  live: boolean;
  /** Ids of the articles with mentions of this draft, sorted. */
  arts: string[];
  parts: Map<string, Part>;
  /** Distinct mention texts -> number of articles using them. */
  surfaces: Map<string, number>;
  mentions: number;
  /** The key it is filed under in `order` (null when it is not listed). */
  placed: { mentions: number; name: string } | null;
  id: string | null;
  aliasKeys: string[];
}

/** What one article contributes to one person. */
interface Part { passages: Passage[]; roles: Role[] }

export interface MentionHit { start: number; end: number; person: PersonEntry }

export interface PeopleModel {
  people: Person[];
  /** Per article: mentions sorted by start, with their person. */
  byArticle: Map<string, MentionHit[]>;
  byId: Map<string, PersonEntry>;
}

/** A mention as matched: the people it may name (shared with the alias table), and the one chosen. */
interface Hit extends MentionHit { person: Draft; drafts: Draft[] }

interface Entry { key: string; keys: string[]; drafts: Set<Draft>; sorted: Draft[] | null }

interface ArticleState {
  article: Article;
  /** Mentions sorted by start, each with its chosen person (the array `byArticle` lists). */
  hits: Hit[];
  /** The persons mentioned, in first-mention order; each one's part for this article is in its `parts`. */
  persons: readonly Draft[];
  /** Drafts named by an ambiguous (several-candidate) match: their counts decide the choice. */
  ambiguous: readonly Draft[];
}

interface PeopleState {
  /** The article version whose evidence the counts below hold (its memo's evidence is dropped once counted). */
  contrib: Map<string, Article>;
  forms: Map<string, Form>;
  vocab: WordCounts;
  /** Word -> the forms of three or more words with it inside (first and last words have their own maps). */
  formsByMiddle: Map<string, Set<Form>>;
  fullBySurname: Map<string, Set<Form>>;
  fullByFirst: Map<string, Set<Form>>;
  /** Surname -> its cluster drafts (present only when non-empty). */
  clusters: Map<string, Draft[]>;
  formDraft: Map<Form, Draft>;
  singles: Map<string, Draft>;
  givenAlias: Map<string, Draft>;
  drafts: Map<string, Draft>;
  entries: Map<string, Entry>;
  /** First word -> entries, longest first. */
  table: Map<string, Entry[]>;
  arts: Map<string, ArticleState>;
  /** Capitalised key -> ids of the articles containing it, in the order they came (one id alone is not in a list). */
  byCap: Map<string, Ids>;
  ambiguousBy: Map<Draft, Set<string>>;
  /** Persons with mentions, in output order (most mentioned first, then by name). */
  order: Draft[];
  /** Slug root -> drafts whose ids derive from it: ids are unique within a family. */
  families: Map<string, Set<Draft>>;
  byId: Map<string, Draft>;
  aliasIndex: Map<string, Set<Draft>>;
  byArticle: Map<string, MentionHit[]>;
  /** Articles whose mentions (or their persons' ids) changed, for the quotes feature. */
  hitChanges: Set<string>;
  people: Person[] | null;
  model: PeopleModel | null;
}

const STATE = 'people';

function peopleState(corpus: Corpus): PeopleState {
  return corpus.state<PeopleState>(STATE, () => ({
    contrib: new Map(), forms: new Map(), vocab: new WordCounts(), formsByMiddle: new Map(), fullBySurname: new Map(), fullByFirst: new Map(),
    clusters: new Map(), formDraft: new Map(), singles: new Map(), givenAlias: new Map(), drafts: new Map(), entries: new Map(),
    table: new Map(), arts: new Map(), byCap: new Map(), ambiguousBy: new Map(), order: [], families: new Map(), byId: new Map(),
    aliasIndex: new Map(), byArticle: new Map(), hitChanges: new Set(), people: null, model: null,
  }));
}

export function articleCandidates(corpus: Corpus, id: string): ArticleCandidates {
  return corpus.perArticle('people.candidates', id, findCandidates);
}

export function peopleModel(corpus: Corpus): PeopleModel {
  settlePeople(corpus, Infinity);
  const st = peopleState(corpus);
  if (!st.model) st.model = { people: resolvePeople(corpus), byArticle: st.byArticle, byId: st.byId };
  return st.model;
}

export function resolvePeople(corpus: Corpus): Person[] {
  settlePeople(corpus, Infinity);
  const st = peopleState(corpus);
  if (!st.people) st.people = st.order.map((d) => d.current);
  return st.people;
}

/** Each article's mentions as they stand (settle first). */
export function mentionsByArticle(corpus: Corpus): Map<string, MentionHit[]> {
  return peopleState(corpus).byArticle;
}

/** The ids of articles whose mentions changed since the caller last took them (a live set: delete what you handled). */
export function mentionChanges(corpus: Corpus): Set<string> {
  return peopleState(corpus).hitChanges;
}

/** Brings the people state up to date with the changed articles, a batch at a time until `deadline`. */
export function settlePeople(corpus: Corpus, deadline: number): boolean {
  const pending = corpus.changesFor(STATE);
  if (!pending.size) return true;
  const st = peopleState(corpus);
  const u = new Update(corpus, st);
  for (const id of pending) {
    pending.delete(id);
    u.takeArticle(id);
    if (performance.now() > deadline) break;
  }
  u.finish();
  st.people = null;
  st.model = null;
  return pending.size === 0;
}

/** One batch of changes, carried through every stage. */
class Update {
  private batch: string[] = [];
  private dirtyKeys = new Set<string>();
  private wasCommon = new Map<string, boolean>();
  private dirtySurnames = new Set<string>();
  private dirtyGivens = new Set<string>();
  private dirtySingles = new Set<string>();
  private dirtyFirsts = new Set<string>();
  private dirtyDrafts = new Set<Draft>();
  private recounted = new Set<Draft>();

  constructor(private corpus: Corpus, private st: PeopleState) {}

  private common = (k: string) => this.st.vocab.common(k);

  takeArticle(id: string) {
    const { st } = this;
    this.batch.push(id);
    const cur = this.corpus.get(id);
    const old = st.contrib.get(id);
    if (old === cur) return;
    // The evidence counted for the old version was dropped: found again, it is the very same.
    const gone = old ? findCandidates(old).found! : undefined;
    let now: Found | undefined;
    if (cur) {
      const c = articleCandidates(this.corpus, id);
      now = c.found ?? findCandidates(cur).found!;
      c.found = null;
      st.contrib.set(id, cur);
    } else st.contrib.delete(id);
    this.countWords(0, gone?.vocab.lower, now?.vocab.lower);
    this.countWords(1, gone?.vocab.capital, now?.vocab.capital);
    if (gone) this.applyContribution(gone, -1);
    if (now) this.applyContribution(now, 1);
  }

  finish() {
    this.decideForms();
    for (const s of this.dirtySurnames) this.recluster(s);
    // Whether a word is some person's given name decides its single form too.
    for (const g of this.dirtyGivens) this.dirtySingles.add(g);
    for (const k of this.dirtySingles) this.decideSingle(k);
    for (const g of this.dirtyGivens) this.decideGiven(g);
    for (const first of this.dirtyFirsts) {
      const list = this.st.table.get(first);
      if (list) list.sort((a, b) => b.keys.length - a.keys.length);
    }
    this.rematch();
    this.publish();
  }

  // ---- name forms and word counts --------------------------------------------------------------

  /**
   * Counts one article's words (space-joined, with repeats) out of its old version and into its new
   * one. An edit changes few words: only the net change per word is applied.
   */
  private countWords(slot: 0 | 1, gone: string | undefined, now: string | undefined) {
    const { st } = this;
    const apply = (k: string, n: number) => {
      if (!n) return;
      if (!this.wasCommon.has(k)) this.wasCommon.set(k, this.common(k));
      st.vocab.add(k, slot, n);
    };
    if (gone && now) {
      const net = new Map<string, number>();
      for (const k of gone.split(' ')) net.set(k, (net.get(k) ?? 0) - 1);
      for (const k of now.split(' ')) net.set(k, (net.get(k) ?? 0) + 1);
      for (const [k, n] of net) apply(k, n);
    } else if (gone) for (const k of gone.split(' ')) apply(k, -1);
    else if (now) for (const k of now.split(' ')) apply(k, 1);
  }

  private applyContribution(c: Found, sign: 1 | -1) {
    const { st } = this;
    for (const cand of c.candidates) {
      const key = cand.keys.join(' ');
      let f = st.forms.get(key);
      if (!f) {
        if (sign < 0) continue;
        f = {
          key, keys: cand.keys, ev: { ...cand.ev }, surfaces: ownCopy(cand.text), rev: 0,
          acceptedRev: -1, acceptedSig: NaN, accepted: false, ok: false,
        };
        st.forms.set(key, f);
        this.indexForm(f, 1);
        this.dirtyKeys.add(key);
        continue;
      }
      f.rev++;
      this.dirtyKeys.add(key);
      for (const k of Object.keys(f.ev) as (keyof Evidence)[]) f.ev[k] += sign * cand.ev[k];
      tally(f, cand.text, sign);
      if (f.ev.count <= 0) {
        st.forms.delete(key);
        this.indexForm(f, -1);
        f.ok = false;
      }
    }
  }

  private indexForm(f: Form, sign: 1 | -1) {
    const { st } = this;
    for (let i = 1; i < f.keys.length - 1; i++) setAdd(st.formsByMiddle, f.keys[i], f, sign);
    if (f.keys.length >= 2) {
      setAdd(st.fullBySurname, f.keys[f.keys.length - 1], f, sign);
      setAdd(st.fullByFirst, f.keys[0], f, sign);
    }
  }

  /** Accept decisions for the forms the batch touched, or whose words changed between ordinary and capitalised use. */
  private decideForms() {
    const { st } = this;
    const touched = new Set<string>(this.dirtyKeys);
    for (const [w, before] of this.wasCommon) {
      if (this.common(w) === before) continue;
      // The forms using the word: itself, and the longer forms it begins, ends or sits inside.
      if (st.forms.has(w)) touched.add(w);
      for (const m of [st.fullByFirst, st.fullBySurname, st.formsByMiddle]) for (const f of m.get(w) ?? []) touched.add(f.key);
    }
    for (const key of touched) {
      const f = st.forms.get(key);
      const keys = f?.keys ?? key.split(' ');
      if (keys.length >= 2) {
        if (f) f.ok = remembered(f, commonMask(f.keys, this.common), () => acceptFull(f, this.common));
        this.dirtySurnames.add(keys[keys.length - 1]);
      } else {
        this.dirtySingles.add(key);
        this.dirtyGivens.add(key);
      }
    }
  }

  // ---- persons and the alias table -------------------------------------------------------------

  /** Clusters a surname's accepted full forms; given names must agree up to a small spelling difference. */
  private recluster(surname: string) {
    const { st } = this;
    const full = [...(st.fullBySurname.get(surname) ?? [])].filter((f) => f.ok)
      .sort((a, b) => b.keys.length - a.keys.length || b.ev.count - a.ev.count || cmp(a.key, b.key));
    const groups: Form[][] = [];
    for (const f of full) {
      const g = groups.find((cl) => cl.some((o) => sameGiven(o, f)));
      if (g) g.push(f);
      else groups.push([f]);
    }
    const old = st.clusters.get(surname) ?? [];
    for (const d of old) for (const f of d.forms) { this.dirtyGivens.add(f.keys[0]); if (st.formDraft.get(f) === d) st.formDraft.delete(f); }
    const next: Draft[] = [];
    for (const g of groups) {
      const stable = g.map((f) => f.key).sort().join('|');
      let d = st.drafts.get(stable);
      if (!d) {
        const entries = new Set<string>();
        for (const f of g) { entries.add(f.key); entries.add(surname); }
        d = this.createDraft(stable, [...entries]);
      }
      d.forms = g;
      this.refresh(d, canonical(g), g.reduce((n, f) => n + f.ev.count, 0));
      for (const f of g) { st.formDraft.set(f, d); this.dirtyGivens.add(f.keys[0]); }
      next.push(d);
    }
    const kept = new Set(next);
    for (const d of old) if (!kept.has(d)) this.dropDraft(d);
    if (next.length) st.clusters.set(surname, next);
    else st.clusters.delete(surname);
    // Whether the word is a known surname decides its single form and its use as a given name.
    this.dirtySingles.add(surname);
    this.dirtyGivens.add(surname);
  }

  /** A single-word form: a name with its own evidence, unless it is a surname or given name of a known person. */
  private decideSingle(k: string) {
    const { st } = this;
    const f = st.forms.get(k);
    let ok = false;
    if (f && f.keys.length === 1 && !st.clusters.has(k)) {
      const isGiven = isGivenKey(st, k);
      ok = remembered(f, (isGiven ? 2 : 0) + (this.common(k) ? 1 : 0), () => acceptSingle(f, isGiven, this.common));
    }
    const prev = st.singles.get(k);
    if (ok) {
      // The same key keeps its draft even when its form was recreated (an article re-contributed it).
      const d = prev ?? this.createDraft(k, [k]);
      d.forms = [f!];
      this.refresh(d, topSurface(f!), f!.ev.count);
      st.singles.set(k, d);
    } else if (prev) {
      this.dropDraft(prev);
      st.singles.delete(k);
    }
  }

  /** A given name alone ("Gustavo") names the person when only one person has it. */
  private decideGiven(given: string) {
    const { st } = this;
    const owners = new Set<Draft>();
    for (const f of st.fullByFirst.get(given) ?? []) if (f.ok) { const d = st.formDraft.get(f); if (d) owners.add(d); }
    const fg = st.forms.get(given);
    let target: Draft | undefined;
    // "President Xi" names "Xi Jinping": a titled first word counts too (family name first).
    if (owners.size === 1 && fg && fg.keys.length === 1 && (isGivenName(given) || fg.ev.title > 0) && !st.clusters.has(given) && !FUNCTION_WORDS.has(given)) {
      target = [...owners][0];
    }
    const prev = st.givenAlias.get(given);
    if (prev === target) return;
    if (prev) this.removeEntry(given, prev);
    if (target) { this.addEntry(given, target); st.givenAlias.set(given, target); } else st.givenAlias.delete(given);
  }

  private createDraft(stable: string, entries: string[]): Draft {
    const d: Draft = {
      stable, forms: [], name: '', count: 0, entries, live: true, arts: [], parts: new Map(), surfaces: new Map(), mentions: 0,
      placed: null, id: null, aliasKeys: [], current: undefined as unknown as Person,
    };
    this.st.drafts.set(stable, d);
    for (const e of entries) this.addEntry(e, d);
    this.dirtyDrafts.add(d);
    return d;
  }

  private dropDraft(d: Draft) {
    if (!d.live) return;
    d.live = false;
    if (this.st.drafts.get(d.stable) === d) this.st.drafts.delete(d.stable);
    for (const e of d.entries) this.removeEntry(e, d);
    this.dirtyDrafts.add(d);
  }

  private refresh(d: Draft, name: string, count: number) {
    if (d.name !== name) { d.name = name; this.dirtyDrafts.add(d); }
    if (d.count !== count) { d.count = count; this.recounted.add(d); }
  }

  private addEntry(key: string, d: Draft) {
    const { st } = this;
    let e = st.entries.get(key);
    if (!e) {
      const keys = key.split(' ');
      st.entries.set(key, (e = { key, keys, drafts: new Set(), sorted: null }));
      const list = st.table.get(keys[0]);
      if (list) list.push(e);
      else st.table.set(keys[0], [e]);
    }
    e.drafts.add(d);
    e.sorted = null;
    this.dirtyFirsts.add(e.keys[0]);
  }

  private removeEntry(key: string, d: Draft) {
    const { st } = this;
    const e = st.entries.get(key);
    if (!e || !e.drafts.delete(d)) return;
    e.sorted = null;
    this.dirtyFirsts.add(e.keys[0]);
    if (e.drafts.size) return;
    st.entries.delete(key);
    const list = st.table.get(e.keys[0])!;
    list.splice(list.indexOf(e), 1);
    if (!list.length) st.table.delete(e.keys[0]);
  }

  // ---- mentions ----------------------------------------------------------------------------------

  /**
   * Matches again the articles that changed or contain the first word of a changed entry, and
   * chooses again among the candidates of ambiguous matches whose candidates' counts changed.
   */
  private rematch() {
    const { st, corpus } = this;
    const rescan = new Set<string>();
    for (const id of this.batch) {
      if (corpus.get(id)) rescan.add(id);
      else this.dropArticle(id);
    }
    for (const k of this.dirtyFirsts) for (const id of idsOf(st.byCap.get(k))) rescan.add(id);
    for (const id of rescan) {
      const a = corpus.get(id);
      if (!a) continue; // removed, and not yet taken from the change set: a later batch drops it
      const old = st.arts.get(id);
      const hits = this.match(a);
      const same = old && old.article === a && sameRaw(old.hits, hits);
      this.place(a, same ? old.hits : hits, !!same);
    }
    const rechoose = new Set<string>();
    for (const d of this.recounted) for (const id of st.ambiguousBy.get(d) ?? []) if (!rescan.has(id)) rechoose.add(id);
    for (const id of rechoose) {
      const old = st.arts.get(id)!;
      // An article changed or removed since (still in the change set) is placed again when its turn comes.
      if (corpus.get(id) === old.article) this.place(old.article, old.hits, true);
    }
  }

  /** Every occurrence of an accepted form in the body, with the people it may name. */
  private match(a: Article): Hit[] {
    const { st } = this;
    // Tokens are not kept: they would cost far more memory than the matches.
    const { toks, caps } = bodyTokens(a);
    let raw: Hit[] = [];
    let skipUntil = -1;
    for (const i of caps) {
      if (i < skipUntil) continue;
      const t = toks[i];
      const entries = st.table.get(t.key);
      if (!entries) continue;
      for (const e of entries) {
        const n = e.keys.length;
        if (i + n > toks.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = toks[i + k].key === e.keys[k] && adjacent(a.text, toks[i + k - 1], toks[i + k]);
        if (!ok) continue;
        const end = toks[i + n - 1];
        if (!e.sorted) e.sorted = [...e.drafts].sort((x, y) => cmp(x.stable, y.stable));
        if (!excluded(a.text, toks, i, i + n)) raw.push({ start: t.start, end: end.end, person: e.sorted[0], drafts: e.sorted });
        skipUntil = i + n;
        break;
      }
    }
    raw = exact(raw);
    const old = st.arts.get(a.id);
    if (old?.article !== a) {
      // The keys are not kept per article: an edit finds the old version's again. Only the keys
      // that came or went are filed: taking an id out of a long list is a scan.
      const had = new Set(old ? capKeysOf(old.article) : []);
      const has = new Set(capKeys(toks, caps));
      for (const k of had) if (!has.has(k)) idsDelete(st.byCap, k, a.id);
      for (const k of has) if (!had.has(k)) idsAdd(st.byCap, k, a.id);
      if (!old) st.arts.set(a.id, emptyArticleState(a));
    }
    return raw;
  }

  /** Chooses each match's person and files the article's mentions under them, when anything changed. */
  private place(a: Article, hits: Hit[], sameAsBefore: boolean) {
    const { st } = this;
    const s = st.arts.get(a.id)!;
    const chosen = chooseAmong(a.text, hits);
    if (sameAsBefore && s.article === a && s.hits === hits && chosen.every((d, j) => d === hits[j].person)) return;
    this.unfile(a.id, s);
    s.article = a;
    s.hits = hits;
    const parts = new Map<Draft, Part>();
    chosen.forEach((d, j) => {
      hits[j].person = d;
      let part = parts.get(d);
      if (!part) parts.set(d, (part = { passages: [], roles: [] }));
      const r = hits[j];
      part.passages.push({ article: a.id, start: r.start, end: r.end, text: shared(a.text.slice(r.start, r.end)) });
    });
    const seen = new Set<string>();
    const roles = articleCandidates(this.corpus, a.id).roles;
    for (let i = 0; i < roles.length; i += 3) {
      const start = roles[i + 1];
      const end = roles[i + 2];
      const h = mentionAt(s.hits, roles[i]);
      if (!h || seen.has(`${start}:${end}`)) continue;
      seen.add(`${start}:${end}`);
      parts.get(h.person)!.roles.push({ text: a.text.slice(start, end), article: a.id, start, end });
    }
    const ambiguous = hits.some((r) => r.drafts.length > 1) ? [...new Set(hits.filter((r) => r.drafts.length > 1).flatMap((r) => r.drafts))] : NONE;
    s.ambiguous = ambiguous;
    for (const d of ambiguous) setAdd(st.ambiguousBy, d, a.id, 1);
    for (const [d, part] of parts) {
      part.passages = exact(part.passages);
      part.roles = exact(part.roles);
      d.parts.set(a.id, part);
      sortedInsert(d.arts, a.id);
      for (const t of distinctTexts(part)) d.surfaces.set(t, (d.surfaces.get(t) ?? 0) + 1);
      d.mentions += part.passages.length;
      this.dirtyDrafts.add(d);
    }
    s.persons = parts.size ? [...parts.keys()] : NONE;
    st.byArticle.set(a.id, s.hits);
    st.hitChanges.add(a.id);
  }

  /** Takes one article's mentions away from their persons. */
  private unfile(id: string, s: ArticleState) {
    const { st } = this;
    for (const d of s.persons) {
      const part = d.parts.get(id)!;
      d.parts.delete(id);
      sortedDelete(d.arts, id);
      for (const t of distinctTexts(part)) {
        const n = (d.surfaces.get(t) ?? 0) - 1;
        if (n > 0) d.surfaces.set(t, n);
        else d.surfaces.delete(t);
      }
      d.mentions -= part.passages.length;
      this.dirtyDrafts.add(d);
    }
    for (const d of s.ambiguous) setAdd(st.ambiguousBy, d, id, -1);
    s.persons = NONE;
    s.ambiguous = NONE;
  }

  private dropArticle(id: string) {
    const { st } = this;
    const s = st.arts.get(id);
    if (!s) return;
    this.unfile(id, s);
    for (const k of capKeysOf(s.article)) idsDelete(st.byCap, k, id);
    st.arts.delete(id);
    st.byArticle.delete(id);
    st.hitChanges.add(id);
  }

  // ---- persons -----------------------------------------------------------------------------------

  /** Rebuilds the persons whose mentions, roles or name changed, and files them in output order. */
  private publish() {
    const { st } = this;
    const families = new Set<string>();
    for (const d of this.dirtyDrafts) if (d.placed) { orderDelete(st.order, d); d.placed = null; }
    for (const d of this.dirtyDrafts) {
      if (d.id !== null) families.add(slugRoot(d.id));
      if (!d.live || d.mentions <= 0) {
        this.unlist(d);
        continue;
      }
      const mentions: Passage[] = [];
      const roles: Role[] = [];
      for (const id of d.arts) {
        const part = d.parts.get(id)!;
        for (const p of part.passages) mentions.push(p);
        for (const r of part.roles) roles.push(r);
      }
      const aliases = [...d.surfaces.keys()].filter((s) => s !== d.name).sort();
      d.current = { id: d.id ?? '', name: d.name, aliases: exact(aliases), roles: exact(roles), mentions: exact(mentions) };
      d.placed = { mentions: mentions.length, name: d.name };
      orderInsert(st.order, d);
      const root = slugRoot(slug(d.name));
      if (d.id !== null && slugRoot(d.id) !== root) setAdd(st.families, slugRoot(d.id), d, -1);
      families.add(root);
      setAdd(st.families, root, d, 1);
      this.indexAliases(d, [d.name, ...aliases]);
    }
    for (const root of families) this.assignIds(root);
  }

  private unlist(d: Draft) {
    const { st } = this;
    if (d.id !== null) {
      if (st.byId.get(d.id) === d) st.byId.delete(d.id);
      setAdd(st.families, slugRoot(d.id), d, -1);
      for (const id of d.arts) st.hitChanges.add(id);
    }
    d.id = null;
    d.placed = null;
    this.indexAliases(d, []);
  }

  /** Ids are slugs of names, numbered in output order when names collide: redone per family of slugs. */
  private assignIds(root: string) {
    const { st } = this;
    const members = [...(st.families.get(root) ?? [])].sort(orderCmp);
    const used = new Set<string>();
    for (const d of members) {
      const base = slug(d.name);
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      if (d.id === id && d.current.id === id) continue;
      if (d.id !== null && st.byId.get(d.id) === d) st.byId.delete(d.id);
      if (d.id !== id) for (const a of d.arts) st.hitChanges.add(a);
      d.id = id;
      d.current = { ...d.current, id };
      st.byId.set(id, d);
    }
  }

  private indexAliases(d: Draft, names: string[]) {
    const { st } = this;
    for (const k of d.aliasKeys) setAdd(st.aliasIndex, k, d, -1);
    d.aliasKeys = [...new Set(names.map(aliasKey))];
    for (const k of d.aliasKeys) setAdd(st.aliasIndex, k, d, 1);
  }
}

/**
 * Per word: how often it is written lower-case (slot 0) and capitalised inside a sentence (slot 1).
 * The counts sit in one flat Int32Array, two slots a word: a [lower, capital] array per word cost
 * three times the memory.
 */
class WordCounts {
  private slot = new Map<string, number>();
  private counts = new Int32Array(1024);
  private free: number[] = [];
  private next = 0;

  /** Mostly written lower-case: an ordinary word. */
  common(k: string): boolean {
    const i = this.slot.get(k);
    return i !== undefined && this.counts[i] > this.counts[i + 1];
  }

  add(k: string, which: 0 | 1, n: number) {
    let i = this.slot.get(k);
    if (i === undefined) {
      if (n < 0) return;
      i = this.free.pop() ?? this.grow();
      this.counts[i] = 0;
      this.counts[i + 1] = 0;
      this.slot.set(ownCopy(k), i);
    }
    this.counts[i + which] += n;
    if (this.counts[i] <= 0 && this.counts[i + 1] <= 0) {
      this.slot.delete(k);
      this.free.push(i);
    }
  }

  private grow(): number {
    if (this.next + 2 > this.counts.length) {
      const bigger = new Int32Array(this.counts.length * 2);
      bigger.set(this.counts);
      this.counts = bigger;
    }
    const i = this.next;
    this.next += 2;
    return i;
  }
}

function emptyArticleState(a: Article): ArticleState {
  return { article: a, hits: [], persons: NONE, ambiguous: NONE };
}

/** The body's tokens, and which of them look like names. */
function bodyTokens(a: Article): { toks: Token[]; caps: number[] } {
  const toks: Token[] = [];
  const caps: number[] = [];
  for (const p of a.paragraphs) {
    if (p.start < a.body.start || p.end > a.body.end) continue;
    for (const t of tokenize(a.text, p.start, p.end)) {
      if (nameLike(t)) caps.push(toks.length);
      toks.push(t);
    }
  }
  return { toks, caps };
}

/** The distinct keys of the name-like tokens, as shared strings (the same words come back in every article). */
function capKeys(toks: Token[], caps: number[]): string[] {
  return [...new Set(caps.map((i) => shared(toks[i].key)))];
}

function capKeysOf(a: Article): string[] {
  const { toks, caps } = bodyTokens(a);
  return capKeys(toks, caps);
}

function isGivenKey(st: PeopleState, k: string): boolean {
  for (const f of st.fullByFirst.get(k) ?? []) if (f.ok) return true;
  return false;
}

function sameRaw(a: Hit[], b: Hit[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.start !== y.start || x.end !== y.end || x.drafts.length !== y.drafts.length) return false;
    for (let j = 0; j < x.drafts.length; j++) if (x.drafts[j] !== y.drafts[j]) return false;
  }
  return true;
}

/** A bare surname shared by several people goes to the one named in full in this article, else the most mentioned. */
function chooseAmong(text: string, raw: Hit[]): Draft[] {
  const named = new Set<Draft>();
  for (const r of raw) if (r.drafts.length === 1 || isFull(text, r)) for (const d of r.drafts) named.add(d);
  return raw.map((r) => {
    if (r.drafts.length === 1) return r.drafts[0];
    const here = r.drafts.filter((x) => named.has(x));
    const pool = here.length ? here : r.drafts;
    return pool.reduce((best, x) => (x.count > best.count ? x : best), pool[0]);
  });
}

/**
 * A match of several words (a full name): its words are joined by spaces, and a single token never
 * holds one, so the text tells (a flag on every mention would cost memory).
 */
function isFull(text: string, h: Hit): boolean {
  for (let i = h.start; i < h.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) return true;
  }
  return false;
}

// ---- small sorted-collection helpers -------------------------------------------------------------

/**
 * An exact-size copy of a list that is kept: an array grown by push keeps room for 17 or more
 * items, most of it unused in the short lists a person or an article has.
 */
function exact<T>(list: T[]): T[] {
  return list.length ? list.slice() : list;
}

/** Nothing, shared: most articles have no ambiguous mention, and an empty array each costs memory. */
const NONE: readonly Draft[] = Object.freeze([]);

/** The distinct texts of one article's mentions of one person, in first-mention order. */
function distinctTexts(part: Part): string[] {
  const out: string[] = [];
  for (const p of part.passages) if (!out.includes(p.text)) out.push(p.text);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function setAdd<K, V>(m: Map<K, Set<V>>, k: K, v: V, sign: 1 | -1) {
  let s = m.get(k);
  if (sign > 0) {
    if (!s) m.set(k, (s = new Set()));
    s.add(v);
  } else if (s) {
    s.delete(v);
    if (!s.size) m.delete(k);
  }
}

function lowerBound(list: string[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < id) lo = mid + 1; else hi = mid; }
  return lo;
}

function sortedInsert(list: string[], id: string) {
  const i = lowerBound(list, id);
  if (list[i] !== id) list.splice(i, 0, id);
}

function sortedDelete(list: string[], id: string) {
  const i = lowerBound(list, id);
  if (list[i] === id) list.splice(i, 1);
}

/** Output order: most mentioned first, then by name (then by forms, so the order is total). */
function orderCmp(a: Draft, b: Draft): number {
  const x = a.placed!;
  const y = b.placed!;
  return y.mentions - x.mentions || x.name.localeCompare(y.name) || cmp(a.stable, b.stable);
}

function orderSearch(order: Draft[], d: Draft): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (orderCmp(order[mid], d) < 0) lo = mid + 1; else hi = mid; }
  return lo;
}

function orderInsert(order: Draft[], d: Draft) {
  order.splice(orderSearch(order, d), 0, d);
}

function orderDelete(order: Draft[], d: Draft) {
  const i = orderSearch(order, d);
  if (order[i] === d) order.splice(i, 1);
  else { const j = order.indexOf(d); if (j >= 0) order.splice(j, 1); }
}

/** "john-smith-2" and "john-smith" share the root "john-smith": only such ids can collide. */
function slugRoot(id: string): string {
  return id.replace(/(?:-\d+)+$/, '');
}

const aliasKeys = new Map<string, string>();
/** The normalised token sequence of a name, remembered: the same names come back on every build. */
function aliasKey(name: string): string {
  let k = aliasKeys.get(name);
  if (k === undefined) {
    if (aliasKeys.size > 200_000) aliasKeys.clear();
    aliasKeys.set(name, (k = tokenize(name, 0, name.length).map((t) => t.key).join(' ')));
  }
  return k;
}

/**
 * Counts one occurrence of `text` in or out of a form's surfaces, after its evidence (whose count
 * is the number of occurrences) has been counted: the counts always sum to ev.count.
 */
function tally(f: Form, text: string, sign: 1 | -1) {
  const t = f.surfaces;
  if (typeof t === 'string') {
    // The one text is written ev.count times; a second one makes pairs.
    if (t !== text && sign > 0) f.surfaces = [t, f.ev.count - 1, ownCopy(text), 1];
    return;
  }
  let i = 0;
  while (i < t.length && t[i] !== text) i += 2;
  if (i < t.length) {
    const n = (t[i + 1] as number) + sign;
    if (n > 0) t[i + 1] = n;
    else t.splice(i, 2);
  } else if (sign > 0) t.push(ownCopy(text), 1);
  if (t.length === 2) f.surfaces = t[0] as string;
}

/** Binary search for the mention covering `offset`. */
export function mentionAt<T extends { start: number; end: number }>(hits: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = hits.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid].end <= offset) lo = mid + 1;
    else if (hits[mid].start > offset) hi = mid - 1;
    else return hits[mid];
  }
  return undefined;
}

function strong(ev: Evidence): boolean {
  return ev.title + ev.appos > 0;
}

/** Things get "its", people "his"/"her". */
function thingLike(ev: Evidence): boolean {
  return ev.org > ev.human;
}

function acceptFull(f: Form, common: (k: string) => boolean): boolean {
  const { ev, keys } = f;
  if (keys.some((k) => FUNCTION_WORDS.has(k) || TITLES.has(k) && k !== keys[0])) return false;
  if (isPlaceOrOrgWord(keys.join(' ')) || isPlaceOrOrgWord(keys.join('-'))) return false;
  const given = isGivenName(keys[0]) || isInitials({ text: topSurface(f).split(' ')[0], start: 0, end: 0, key: keys[0] });
  if (strong(ev) && (given || !(thingLike(ev) && ev.org > ev.title + ev.appos))) return true;
  if (keys.some((k) => NON_PERSON_HEADS.has(k) || common(k))) return false;
  if (ev.the > 0) return false;
  // A given name first ("Mary Barra") is a name unless the span is mostly used as a place.
  if (given) return ev.place === 0 || ev.place < ev.count;
  if (thingLike(ev) || ev.place > 0) return false;
  if (ev.speech > 0) return true;
  // No cue either way: a name only if no word of it is an ordinary or place word.
  return keys.every((k) => !isCommonWord(k) && !isPlaceOrOrgWord(k) && !/\d/.test(k)) && ev.inner > 0;
}

function acceptSingle(f: Form, isGiven: boolean, common: (k: string) => boolean): boolean {
  const { ev } = f;
  const k = f.keys[0];
  if (FUNCTION_WORDS.has(k) || NON_PERSON_HEADS.has(k) || TITLES.has(k) || /\d/.test(k) || k.length < 2) return false;
  const surface = topSurface(f);
  if (isAllCaps({ text: surface, start: 0, end: 0, key: k })) return false;
  if (isNationality({ text: surface, start: 0, end: 0, key: k })) return false;
  if (isGiven) return false;
  if (ev.title > 0) return !isPlaceOrOrgWord(k) && !thingLike(ev);
  if (isPlaceOrOrgWord(k) || isCommonWord(k) || common(k)) return false;
  if (ev.place > 0 || ev.the > 0 || thingLike(ev)) return false;
  // A lone word next to "said" may be a company ("said Apple"): it also needs "he"/"she" nearby.
  return (ev.appos > 0 || (ev.speech > 0 && ev.human > 0)) && ev.inner > 0;
}

function givenPart(f: Form): string {
  return f.keys.slice(0, -1).join('');
}

function sameGiven(a: Form, b: Form): boolean {
  const x = givenPart(a);
  const y = givenPart(b);
  if (x === y) return true;
  const ax = a.keys.slice(0, -1);
  const bx = b.keys.slice(0, -1);
  // "Juan Diego Cano" and "Diego Cano"; "George W. Bush" and "George Bush".
  const [short, long] = ax.length <= bx.length ? [ax, bx] : [bx, ax];
  if (short.every((k) => long.includes(k)) && short.length) return true;
  const max = Math.min(x.length, y.length) >= 5 ? 2 : 1;
  return x[0] === y[0] && editDistance(x, y, max) <= max;
}

/**
 * Accept decisions are redone only for forms an edit touched (or whose words changed between common
 * and capitalised use): deciding every form of a large corpus again after each edit took most of the time.
 */
function remembered(f: Form, sig: number, decide: () => boolean): boolean {
  if (f.acceptedRev === f.rev && f.acceptedSig === sig) return f.accepted;
  const value = decide();
  f.acceptedRev = f.rev;
  f.acceptedSig = sig;
  f.accepted = value;
  return value;
}

/** Which words of a form are ordinary words, as bits (forms have a handful of words). */
function commonMask(keys: string[], common: (k: string) => boolean): number {
  if (keys.length > 30) return NaN; // never equal to itself: such a form is decided afresh every time
  let m = 0;
  for (let i = 0; i < keys.length; i++) if (common(keys[i])) m |= 1 << i;
  return m;
}

function topSurface(f: Form): string {
  const t = f.surfaces;
  if (typeof t === 'string') return t;
  // Most written, then longest, then first by code unit: what sorting the pairs by that order gives first.
  let best = 0;
  for (let i = 2; i < t.length; i += 2) {
    const x = t[i] as string;
    const n = t[i + 1] as number;
    const y = t[best] as string;
    const m = t[best + 1] as number;
    if (n > m || (n === m && (x.length > y.length || (x.length === y.length && cmp(x, y) < 0)))) best = i;
  }
  return t[best] as string;
}

/** The fullest form the corpus uses: most words, then most often written. */
function canonical(cl: Form[]): string {
  // Ties go by key, so the name does not depend on the order in which articles arrived.
  const best = [...cl].sort((a, b) => b.keys.length - a.keys.length || b.ev.count - a.ev.count || cmp(a.key, b.key))[0];
  return topSurface(best);
}

/** A match inside an organisation or place name, after "the", or inside a longer unknown name. */
function excluded(text: string, toks: Token[], from: number, to: number): boolean {
  const prev = toks[from - 1];
  if (prev?.key === 'the' && adjacent(text, prev, toks[from])) return true;
  let j = to;
  while (j < toks.length && j < to + 4 && adjacent(text, toks[j - 1], toks[j]) && nameLike(toks[j])) {
    if (NON_PERSON_HEADS.has(toks[j].key)) return true;
    if (to - from === 1 && j === to) return true; // "Trump" followed by another capitalised word: a different name
    j++;
  }
  if (to - from === 1 && prev && adjacent(text, prev, toks[from]) && nameLike(prev) && !TITLES.has(prev.key) && !isNationality(prev)) return true;
  if (isAllCaps(toks[from]) && !isInitials(toks[from])) return true;
  return false;
}

/** The person a written name refers to ("Petro", "Gustavo Petro", "Petro's"), the most mentioned first. */
export function personByName(corpus: Corpus, name: string): Person | undefined {
  settlePeople(corpus, Infinity);
  const key = tokenize(name, 0, name.length).filter((t) => !/^['’]s$/i.test(t.text)).map((t) => t.key).join(' ');
  let best: Draft | undefined;
  for (const d of peopleState(corpus).aliasIndex.get(key) ?? []) if (d.placed && (!best || orderCmp(d, best) < 0)) best = d;
  return best?.current;
}
