// Person mentions, alias resolution across the corpus, and roles.
// Step 1 (per article, memoised): capitalised spans with evidence (personCandidates.ts).
// Step 2 (corpus): decide which name forms are people, cluster forms into persons (same surname,
// compatible given names), then find every occurrence of every accepted form in every body.
import type { Corpus } from './corpus';
import type { Article, Passage, Person, Role } from './types';
import { findCandidates, adjacent, nameLike, type ArticleCandidates, type Evidence } from './personCandidates';
import {
  FUNCTION_WORDS, NON_PERSON_HEADS, TITLES, editDistance, isAllCaps, isCommonWord, isGivenName, isInitials, isNationality,
  isPlaceOrOrgWord, slug, tokenize, type Token,
} from './names';

interface Form {
  key: string;
  keys: string[];
  ev: Evidence;
  surfaces: Map<string, number>;
  /** Bumped whenever an article's contribution changes ev or surfaces: keys the memos below. */
  rev: number;
  /** The last accept decision, valid for this rev and these word-frequency facts (`sig`). */
  accepted?: { rev: number; sig: number; value: boolean };
  top?: { rev: number; text: string };
}

export interface PeopleModel {
  people: Person[];
  /** Per article: mentions sorted by start, with the index of their person. */
  byArticle: Map<string, { start: number; end: number; person: number }[]>;
  /** Normalised alias -> person indexes, most mentioned first. */
  aliases: Map<string, number[]>;
  byId: Map<string, number>;
}

export function articleCandidates(corpus: Corpus, id: string): ArticleCandidates {
  return corpus.perArticle('people.candidates', id, findCandidates);
}

export function peopleModel(corpus: Corpus): PeopleModel {
  return corpus.derive('people.model', () => buildModel(corpus));
}

export function resolvePeople(corpus: Corpus): Person[] {
  return peopleModel(corpus).people;
}

function buildModel(corpus: Corpus): PeopleModel {
  const articles = corpus.articles();
  const { forms, vocab } = aggregate(corpus, articles);
  // A word written lower-case more often than capitalised is an ordinary word ("Computer", "Factory").
  const common = (k: string) => { const v = vocab.get(k); return !!v && v[0] > v[1]; };

  // Multi-word forms that are names.
  const full = [...forms.values()].filter((f) => f.keys.length >= 2 && remembered(f, commonMask(f.keys, common), () => acceptFull(f, common)));
  // Cluster by surname; given names must agree up to a small spelling difference.
  const clusters: Form[][] = [];
  const bySurname = new Map<string, Form[][]>();
  for (const f of full.sort((a, b) => b.keys.length - a.keys.length || b.ev.count - a.ev.count)) {
    const sur = f.keys[f.keys.length - 1];
    const groups = bySurname.get(sur) ?? [];
    const g = groups.find((cl) => cl.some((o) => sameGiven(o, f)));
    if (g) g.push(f);
    else { const cl = [f]; groups.push(cl); clusters.push(cl); }
    bySurname.set(sur, groups);
  }
  const givenOwners = new Map<string, Set<Form[]>>();
  for (const cl of clusters) for (const f of cl) {
    const s = givenOwners.get(f.keys[0]) ?? new Set();
    s.add(cl);
    givenOwners.set(f.keys[0], s);
  }
  // Single-word forms: a surname of a known person, or a name with its own evidence.
  const singles: Form[] = [];
  for (const f of forms.values()) {
    if (f.keys.length !== 1) continue;
    const k = f.keys[0];
    if (bySurname.has(k)) continue;
    const isGiven = givenOwners.has(k);
    if (remembered(f, (isGiven ? 2 : 0) + (common(k) ? 1 : 0), () => acceptSingle(f, isGiven, common))) singles.push(f);
  }

  // Persons: one per cluster and per unattached single form.
  interface Draft { forms: Form[]; name: string; count: number }
  const drafts: Draft[] = clusters.map((cl) => ({ forms: cl, name: canonical(cl), count: cl.reduce((n, f) => n + f.ev.count, 0) }));
  for (const f of singles) drafts.push({ forms: [f], name: topSurface(f), count: f.ev.count });

  // Alias table: token sequence -> candidate drafts.
  const table = new Map<string, { keys: string[]; drafts: number[] }[]>();
  const entryOf = new Map<string, { keys: string[]; drafts: number[] }>();
  const addAlias = (keys: string[], d: number) => {
    const full = keys.join(' ');
    let e = entryOf.get(full);
    if (!e) {
      entryOf.set(full, (e = { keys, drafts: [] }));
      const list = table.get(keys[0]) ?? [];
      list.push(e);
      table.set(keys[0], list);
    }
    if (!e.drafts.includes(d)) e.drafts.push(d);
  };
  drafts.forEach((d, i) => {
    for (const f of d.forms) {
      addAlias(f.keys, i);
      if (f.keys.length >= 2) addAlias([f.keys[f.keys.length - 1]], i);
    }
  });
  const draftOf = new Map(drafts.map((d, i) => [d.forms, i]));
  // A given name alone ("Gustavo") names the person when only one person has it.
  for (const [given, owners] of givenOwners) {
    // "President Xi" names "Xi Jinping": a titled first word counts too (family name first).
    if (owners.size !== 1 || !(isGivenName(given) || (forms.get(given)?.ev.title ?? 0) > 0) || bySurname.has(given) || table.get(given)?.some((e) => e.keys.length === 1) || FUNCTION_WORDS.has(given)) continue;
    const d = draftOf.get([...owners][0]) ?? -1;
    if (d >= 0 && forms.get(given)) addAlias([given], d);
  }

  // Longest forms first, so "Donald Trump" wins over "Trump".
  for (const list of table.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  // Mentions: every occurrence of an accepted form in every body.
  const mentionsOf: Passage[][] = drafts.map(() => []);
  const surfaces: Set<string>[] = drafts.map(() => new Set());
  const byArticle = new Map<string, { start: number; end: number; person: number }[]>();
  // Draft ids that survive re-ordering, and a signature of the whole alias table: while the table is
  // unchanged, an article's raw matches are reused and only edited articles are scanned again.
  const stable = drafts.map((d) => d.forms.map((f) => f.key).sort().join('|'));
  const indexOfStable = new Map(stable.map((k, i) => [k, i]));
  const rescan = articlesToRescan(corpus, articles, table, stable);
  const counts = drafts.map((d) => d.count);
  const st = matchState(corpus);
  const chosen = new Map<string, number[]>();
  for (const a of articles) {
    rawMentions(corpus, a, table, stable, rescan);
    const m = st.raw.get(a.id)!;
    const ds = chooseAmong(m.raw, indexOfStable, counts);
    chosen.set(a.id, ds);
    // The passages are kept with the matches: re-slicing every mention's text on every build was most of the time.
    if (!m.passages) {
      m.passages = m.raw.map((r) => ({ article: a.id, start: r.start, end: r.end, text: a.text.slice(r.start, r.end) }));
      // Matches with the same text and candidates go to the same person, so only the first adds its surface.
      const firsts = new Set<string>();
      m.newSurface = m.raw.map((r, j) => {
        const key = `${m.passages![j].text}\u0000${r.drafts.join('\u0000')}`;
        if (firsts.has(key)) return false;
        firsts.add(key);
        return true;
      });
    }
    const { passages, newSurface } = m;
    ds.forEach((d, j) => {
      mentionsOf[d].push(passages[j]);
      if (newSurface![j]) surfaces[d].add(passages[j].text);
    });
  }

  // Keep drafts with mentions; give them ids, aliases and roles.
  const keep = drafts.map((_, i) => mentionsOf[i].length > 0);
  const newIndex: number[] = [];
  const people: Person[] = [];
  const usedIds = new Set<string>();
  const order = drafts.map((_, i) => i).filter((i) => keep[i]).sort((x, y) => mentionsOf[y].length - mentionsOf[x].length || drafts[x].name.localeCompare(drafts[y].name));
  for (const i of order) {
    let id = slug(drafts[i].name);
    for (let n = 2; usedIds.has(id); n++) id = `${slug(drafts[i].name)}-${n}`;
    usedIds.add(id);
    newIndex[i] = people.length;
    const aliases = [...surfaces[i]].filter((s) => s !== drafts[i].name).sort();
    people.push({ id, name: drafts[i].name, aliases, roles: [], mentions: mentionsOf[i] });
  }
  // Every chosen draft has a mention, so every hit has a person. An article whose hits name the same
  // person indexes as at the last build keeps its hits array.
  for (const a of articles) {
    const m = st.raw.get(a.id)!;
    const persons = chosen.get(a.id)!.map((d) => newIndex[d]);
    if (!m.hits || m.hits.length !== persons.length || m.hits.some((h, j) => h.person !== persons[j])) {
      m.hits = m.raw.map((r, j) => ({ start: r.start, end: r.end, person: persons[j] }));
    }
    byArticle.set(a.id, m.hits);
  }
  for (const a of articles) {
    const hits = byArticle.get(a.id)!;
    const seen = new Set<string>();
    for (const r of articleCandidates(corpus, a.id).roles) {
      const h = mentionAt(hits, r.nameStart);
      if (!h || seen.has(`${r.start}:${r.end}`)) continue;
      seen.add(`${r.start}:${r.end}`);
      const role: Role = { text: r.text, article: a.id, start: r.start, end: r.end };
      people[h.person].roles.push(role);
    }
  }
  const aliases = new Map<string, number[]>();
  people.forEach((p, i) => {
    for (const n of [p.name, ...p.aliases]) {
      const k = aliasKey(n);
      const l = aliases.get(k) ?? [];
      if (!l.includes(i)) l.push(i);
      aliases.set(k, l);
    }
  });
  for (const l of aliases.values()) l.sort((x, y) => people[y].mentions.length - people[x].mentions.length);
  const byId = new Map(people.map((p, i) => [p.id, i]));
  return { people, byArticle, aliases, byId };
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
  if (f.accepted?.rev === f.rev && f.accepted.sig === sig) return f.accepted.value;
  const value = decide();
  f.accepted = { rev: f.rev, sig, value };
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
  if (f.top?.rev !== f.rev) f.top = { rev: f.rev, text: [...f.surfaces.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0] };
  return f.top.text;
}

/** The fullest form the corpus uses: most words, then most often written. */
function canonical(cl: Form[]): string {
  const best = [...cl].sort((a, b) => b.keys.length - a.keys.length || b.ev.count - a.ev.count)[0];
  return topSurface(best);
}

interface RawMention { start: number; end: number; drafts: string[]; full: boolean }

/**
 * The alias-table matches of every article, kept between builds. An article's matches depend only on
 * its own text and on the table entries under the first words of its capitalised tokens, so after an
 * edit only the edited articles and the articles containing a first word whose entries changed are
 * scanned again, instead of every article whenever any entry changed.
 */
interface MatchState {
  /** First word -> signature of its table entries (keys and stable draft ids) at the last build. */
  keySigs: Map<string, string>;
  /** Per article: the Article it was computed from, its distinct capitalised keys, and its matches. */
  raw: Map<string, {
    article: Article; caps: string[]; raw: RawMention[];
    /** One per raw match, made on first use. */
    passages?: Passage[];
    /** Whether each match is the first in the article with its text and candidates. */
    newSurface?: boolean[];
    /** The last build's hits, reused while they name the same person indexes. */
    hits?: { start: number; end: number; person: number }[];
  }>;
  /** Capitalised key -> ids of the articles containing it. */
  byCap: Map<string, Set<string>>;
}
const matchStates = new WeakMap<Corpus, MatchState>();

function matchState(corpus: Corpus): MatchState {
  let st = matchStates.get(corpus);
  if (!st) matchStates.set(corpus, (st = { keySigs: new Map(), raw: new Map(), byCap: new Map() }));
  return st;
}

/** Ids of the articles whose cached matches may be out of date; forgets removed articles. */
function articlesToRescan(
  corpus: Corpus,
  articles: Article[],
  table: Map<string, { keys: string[]; drafts: number[] }[]>,
  stable: string[],
): Set<string> {
  const st = matchState(corpus);
  const keySigs = new Map<string, string>();
  for (const [first, list] of table) {
    keySigs.set(first, list.map((e) => `${e.keys.join(' ')}=${e.drafts.map((d) => stable[d]).sort().join(',')}`).sort().join(';'));
  }
  const rescan = new Set<string>();
  const mark = (k: string) => { for (const id of st.byCap.get(k) ?? []) rescan.add(id); };
  for (const [k, v] of keySigs) if (st.keySigs.get(k) !== v) mark(k);
  for (const k of st.keySigs.keys()) if (!keySigs.has(k)) mark(k);
  st.keySigs = keySigs;
  const present = new Set<string>();
  for (const a of articles) {
    present.add(a.id);
    if (st.raw.get(a.id)?.article !== a) rescan.add(a.id);
  }
  for (const id of [...st.raw.keys()]) if (!present.has(id)) forgetMatches(st, id);
  return rescan;
}

function forgetMatches(st: MatchState, id: string) {
  const old = st.raw.get(id);
  if (!old) return;
  for (const k of old.caps) {
    const ids = st.byCap.get(k);
    ids?.delete(id);
    if (ids && !ids.size) st.byCap.delete(k);
  }
  st.raw.delete(id);
}

/** Every occurrence of an accepted form in the body, with the (stable ids of the) people it may name. */
function rawMentions(
  corpus: Corpus,
  a: Article,
  table: Map<string, { keys: string[]; drafts: number[] }[]>,
  stable: string[],
  rescan: Set<string>,
): RawMention[] {
  const st = matchState(corpus);
  // Tokens are not kept: they would cost far more memory than the matches.
  const cached = st.raw.get(a.id);
  if (cached && !rescan.has(a.id)) return cached.raw;
  const toks: Token[] = [];
  const caps: number[] = [];
  for (const p of a.paragraphs) {
    if (p.start < a.body.start || p.end > a.body.end) continue;
    for (const t of tokenize(a.text, p.start, p.end)) {
      if (nameLike(t)) caps.push(toks.length);
      toks.push(t);
    }
  }
  const raw: RawMention[] = [];
  let skipUntil = -1;
  for (const i of caps) {
    if (i < skipUntil) continue;
    const t = toks[i];
    const entries = table.get(t.key);
    if (!entries) continue;
    for (const e of entries) {
      const n = e.keys.length;
      if (i + n > toks.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = toks[i + k].key === e.keys[k] && adjacent(a.text, toks[i + k - 1], toks[i + k]);
      if (!ok) continue;
      const end = toks[i + n - 1];
      if (!excluded(a.text, toks, i, i + n)) raw.push({ start: t.start, end: end.end, drafts: e.drafts.map((d) => stable[d]).sort(), full: n > 1 });
      skipUntil = i + n;
      break;
    }
  }
  forgetMatches(st, a.id);
  const capKeys = [...new Set(caps.map((i) => toks[i].key))];
  for (const k of capKeys) {
    const ids = st.byCap.get(k);
    if (ids) ids.add(a.id);
    else st.byCap.set(k, new Set([a.id]));
  }
  st.raw.set(a.id, { article: a, caps: capKeys, raw });
  return raw;
}

/** A bare surname shared by several people goes to the one named in full in this article, else the most mentioned. */
function chooseAmong(raw: RawMention[], indexOfStable: Map<string, number>, counts: number[]): number[] {
  const idx = (k: string) => indexOfStable.get(k)!;
  const named = new Set<number>();
  for (const r of raw) if (r.full || r.drafts.length === 1) r.drafts.forEach((d) => named.add(idx(d)));
  return raw.map((r) => {
    let d = idx(r.drafts[0]);
    if (r.drafts.length > 1) {
      const ds = r.drafts.map(idx);
      const here = ds.filter((x) => named.has(x));
      const pool = here.length ? here : ds;
      d = pool.reduce((best, x) => (counts[x] > counts[best] ? x : best), pool[0]);
    }
    return d;
  });
}

interface Aggregate {
  /** The per-article result each article contributed, by identity: a new object means the article changed. */
  contrib: Map<string, ArticleCandidates>;
  forms: Map<string, Form>;
  vocab: Map<string, [number, number]>;
}
const aggregates = new WeakMap<Corpus, Aggregate>();

/** Name forms and word counts over the corpus, updated by subtracting and adding only changed articles. */
function aggregate(corpus: Corpus, articles: Article[]): Aggregate {
  let agg = aggregates.get(corpus);
  if (!agg) aggregates.set(corpus, (agg = { contrib: new Map(), forms: new Map(), vocab: new Map() }));
  const seen = new Set<string>();
  for (const a of articles) {
    seen.add(a.id);
    const cur = articleCandidates(corpus, a.id);
    const old = agg.contrib.get(a.id);
    if (old === cur) continue;
    if (old) applyContribution(agg, old, -1);
    applyContribution(agg, cur, 1);
    agg.contrib.set(a.id, cur);
  }
  for (const [id, old] of agg.contrib) {
    if (seen.has(id)) continue;
    applyContribution(agg, old, -1);
    agg.contrib.delete(id);
  }
  return agg;
}

function applyContribution(agg: Aggregate, c: ArticleCandidates, sign: 1 | -1) {
  const count = (words: string, slot: 0 | 1) => {
    if (!words) return;
    for (const k of words.split(' ')) {
      const v = agg.vocab.get(k) ?? [0, 0];
      v[slot] += sign;
      if (v[0] <= 0 && v[1] <= 0) agg.vocab.delete(k);
      else agg.vocab.set(k, v);
    }
  };
  count(c.vocab.lower, 0);
  count(c.vocab.capital, 1);
  for (const cand of c.candidates) {
    const key = cand.keys.join(' ');
    let f = agg.forms.get(key);
    if (!f) {
      if (sign < 0) continue;
      agg.forms.set(key, (f = { key, keys: cand.keys, ev: { ...cand.ev }, surfaces: new Map([[cand.text, 1]]), rev: 0 }));
      continue;
    }
    f.rev++;
    for (const k of Object.keys(f.ev) as (keyof Evidence)[]) f.ev[k] += sign * cand.ev[k];
    const n = (f.surfaces.get(cand.text) ?? 0) + sign;
    if (n > 0) f.surfaces.set(cand.text, n);
    else f.surfaces.delete(cand.text);
    if (f.ev.count <= 0 || !f.surfaces.size) agg.forms.delete(key);
  }
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
  const model = peopleModel(corpus);
  const key = tokenize(name, 0, name.length).filter((t) => !/^['’]s$/i.test(t.text)).map((t) => t.key).join(' ');
  const i = model.aliases.get(key)?.[0];
  return i === undefined ? undefined : model.people[i];
}
