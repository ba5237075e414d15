// Per-article step of people detection: capitalised spans in the body, split into a title prefix
// and a name, with the evidence around each (titles, speech verbs, apposition, "the X", "in X"),
// plus the roles and epithets written next to them. Corpus-wide decisions are made in people.ts.
import type { Article } from './types';
import {
  FUNCTION_WORDS, MONTHS_DAYS, NAME_PARTICLES, NON_PERSON_HEADS, PLACE_PREPOSITIONS, ROLE_NOUNS, SPEECH_VERBS, TITLES,
  isAllCaps, isCapitalized, isGivenName, isInitials, isNationality, isPossessive, isTitleHead, tokenize, type Token,
} from './names';
import { shared } from './sharedStrings';

export interface Evidence {
  title: number;
  speech: number;
  appos: number;
  possessive: number;
  the: number;
  place: number;
  /** Followed in its sentence by "its"/"their" rather than "his"/"her"; or after "company", "firm". */
  org: number;
  /** Followed in its sentence by "his"/"her"/"he"/"she". */
  human: number;
  /** Occurrences that are not the first word of a sentence. */
  inner: number;
  count: number;
}

export interface Candidate {
  start: number;
  end: number;
  text: string;
  /** Normalised keys of the name's tokens (titles excluded). */
  keys: string[];
  ev: Evidence;
}

/** What an article says about names: the evidence the corpus-level state counts. */
export interface Found {
  candidates: Candidate[];
  /** Words written lower-case, and words capitalised inside a sentence, space-joined with repeats
   *  (one string each: a Map per article would cost ten times the memory). Common words are mostly lower-case. */
  vocab: { lower: string; capital: string };
}

export interface ArticleCandidates {
  /**
   * Roles and epithets as (name start, role start, role end) triples, flat: the mentions of an
   * article are placed again whenever the alias table changes, and they read these each time.
   */
  roles: number[];
  /**
   * The evidence, until the people state has counted it: the state then sets it to null (most of
   * the memo's memory), and an edit or a removal finds it again from the old article to take it back.
   */
  found: Found | null;
}

const EMPTY = (): Evidence => ({ title: 0, speech: 0, appos: 0, possessive: 0, the: 0, place: 0, org: 0, human: 0, inner: 0, count: 1 });
const ORG_NOUNS = new Set(['company', 'firm', 'group', 'automaker', 'carmaker', 'maker', 'manufacturer', 'retailer', 'airline', 'bank',
  'giant', 'subsidiary', 'unit', 'brand', 'startup', 'conglomerate', 'lender', 'insurer', 'operator', 'developer', 'supplier',
  'corporation', 'agency', 'network', 'channel', 'station', 'newspaper', 'magazine', 'outlet', 'broadcaster', 'party', 'team', 'club',
  'product', 'software', 'system', 'device', 'service', 'app', 'website', 'site', 'program', 'version', 'model', 'aircraft', 'plane', 'jet']);
const TITLE_NOT_EVIDENCE = new Set(['of', 'first', 'former', 'state', 'senior', 'acting', 'interim', 'crown']);

/** Only spaces between two tokens (no comma, quote, dash or line break). */
export function adjacent(text: string, a: Token, b: Token): boolean {
  return b.start - a.end <= 2 && /^[ \t\u00a0]*$/.test(text.slice(a.end, b.start)) && b.start > a.end;
}

export function nameLike(t: Token): boolean {
  // An ASCII first character answers the Unicode tests: only A-Z starts a capitalised word or initials.
  const c = t.text.charCodeAt(0);
  if (c < 128 && !(c >= 65 && c <= 90)) return false;
  if (FUNCTION_WORDS.has(t.key) || MONTHS_DAYS.has(t.key)) return false;
  if (c < 128) return true;
  return (isCapitalized(t) && /\p{L}/u.test(t.text) && !/^\d/.test(t.text)) || isInitials(t);
}

/** Starts with a lower-case letter (ASCII answered without the Unicode regex; same result). */
function startsLower(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return /^\p{Ll}/u.test(s);
}

export function findCandidates(article: Article): ArticleCandidates {
  const candidates: Candidate[] = [];
  const roles: number[] = [];
  const lower: string[] = [];
  const capital: string[] = [];
  const { text } = article;
  for (const s of article.sentences) {
    if (s.start < article.body.start || s.end > article.body.end) continue;
    if (article.paragraphs[s.paragraph]?.heading) continue;
    const toks = tokenize(text, s.start, s.end);
    scanSentence(text, toks, candidates, roles);
    for (let i = 0; i < toks.length; i++) {
      if (startsLower(toks[i].text)) lower.push(toks[i].key);
      else if (i > 0) capital.push(toks[i].key);
    }
  }
  // roles.slice(): an exact-size copy (an array grown by push keeps room for 17 or more items), as it is kept.
  return { roles: roles.slice(), found: { candidates, vocab: { lower: lower.join(' '), capital: capital.join(' ') } } };
}

function scanSentence(text: string, toks: Token[], out: Candidate[], roles: number[]) {
  let i = 0;
  while (i < toks.length) {
    if (!nameLike(toks[i]) || NAME_PARTICLES.has(toks[i].text)) { i++; continue; }
    // A run of capitalised tokens joined by spaces, allowing lower-case particles inside.
    let j = i + 1;
    while (j < toks.length && adjacent(text, toks[j - 1], toks[j])) {
      if (nameLike(toks[j])) { j++; continue; }
      if (NAME_PARTICLES.has(toks[j].text) && j + 1 < toks.length && nameLike(toks[j + 1]) && adjacent(text, toks[j], toks[j + 1])) { j += 2; continue; }
      break;
    }
    handleRun(text, toks, i, j, out, roles);
    i = j;
  }
}

function handleRun(text: string, toks: Token[], from: number, to: number, out: Candidate[], roles: number[]) {
  // A long run of capitalised words is a heading or a shouted line, not a name (and would make the prefix scan quadratic).
  if (to - from > 10) return;
  const run = toks.slice(from, to);
  // Title prefix: "US President", "Foreign Minister", "Republican Senator", "Mr".
  let k = 0;
  while (k < run.length - 1) {
    const t = run[k];
    if ((TITLES.has(t.key) || ROLE_NOUNS.has(t.key)) && t.key !== 'of') { k++; continue; }
    if ((isNationality(t) || (isCapitalized(t) && !isGivenName(t.key))) && run.slice(k + 1, run.length - 1).some((x) => TITLES.has(x.key))) { k++; continue; }
    break;
  }
  const name = run.slice(k);
  if (!name.length || name.length > 4) return;
  if (name.some((t) => isAllCaps(t) && !isInitials(t))) return;
  // "FaceTime", "AppleInsider", "DaimlerChrysler": brand-style inner capitals (but "McDonald", "DeSantis", "LaSorda" are names).
  if (name.some((t) => /^\p{Lu}\p{Ll}{3,}\p{Lu}/u.test(t.text) && !/^(?:Mac|Van|Von|Del|Des|Della)\p{Lu}/u.test(t.text))) return;
  if (isInitials(name[name.length - 1])) return;
  if (name.length === 1 && (TITLES.has(name[0].key) || isNationality(name[0]) && !k)) return;
  const prefix = run.slice(0, k);
  const ev = EMPTY();
  const first = name[0];
  const last = name[name.length - 1];
  const prev = toks[from - 1];
  const prev2 = toks[from - 2];
  const next = toks[to];
  if (next && adjacent(text, toks[to - 1], next) && SPEECH_VERBS.has(next.key)) ev.speech++;
  if (prev && SPEECH_VERBS.has(prev.key) && prev.key !== 'according' && adjacent(text, prev, toks[from])) ev.speech++;
  if (prev?.key === 'to' && prev2?.key === 'according') ev.speech++;
  if (isPossessive(next)) ev.possessive++;
  if (!prefix.length && prev?.key === 'the') ev.the++;
  if (!prefix.length && prev && PLACE_PREPOSITIONS.has(prev.key)) ev.place++;
  if (from > 0) ev.inner++;
  if (prev && !isCapitalized(prev) && ORG_NOUNS.has(prev.key) && adjacent(text, prev, toks[from])) ev.org++;
  if (next && !isCapitalized(next) && ORG_NOUNS.has(next.key) && adjacent(text, toks[to - 1], next)) ev.org++;
  // The next possessive or pronoun in the sentence tells a person ("his") from a thing ("its").
  for (let q = to; q < toks.length && q < to + 12; q++) {
    const w = toks[q].key;
    if (w === 'its' || w === 'it') { ev.org++; break; }
    if (w === 'his' || w === 'her' || w === 'he' || w === 'she') { ev.human++; break; }
    if (nameLike(toks[q]) && q > to) break;
  }
  const after = appositionAfter(text, toks, to);
  const before = prefix.length ? null : appositionBefore(text, toks, from);
  if (after || before) ev.appos++;
  const titleRole = prefix.length ? prefixRole(text, toks, from, from + k) : lowerRoleBefore(text, toks, from);
  if (titleRole) ev.title++;
  // "White House", "Clinton List": an organisation or thing, unless a title or apposition says person ("Jim Press, the chairman").
  if (name.some((t) => NON_PERSON_HEADS.has(t.key)) && !((titleRole || after || before) && isGivenName(first.key))) return;
  const c: Candidate = { start: first.start, end: last.end, text: text.slice(first.start, last.end), keys: name.map((t) => shared(t.key)) /* the same names recur across thousands of articles */, ev };
  out.push(c);
  for (const r of [titleRole, before, after]) if (r) roles.push(c.start, r.start, r.end);
}

/** The title prefix as a role, extended over "Secretary of" and "former". */
function prefixRole(text: string, toks: Token[], from: number, nameIdx: number): { start: number; end: number } | null {
  let j = from;
  while (j >= 2 && toks[j - 1].key === 'of' && TITLES.has(toks[j - 2].key) && isCapitalized(toks[j - 2])) {
    j -= 2;
    while (j > 0 && adjacent(text, toks[j - 1], toks[j]) && (TITLES.has(toks[j - 1].key) || isNationality(toks[j - 1])) && isCapitalized(toks[j - 1])) j--;
  }
  if (j > 0 && /^(former|then|acting|late|ex)$/.test(toks[j - 1].key) && adjacent(text, toks[j - 1], toks[j])) j--;
  const roleToks = toks.slice(j, nameIdx);
  if (!roleToks.some((t) => TITLES.has(t.key) && !TITLE_NOT_EVIDENCE.has(t.key))) return null;
  return { start: toks[j].start, end: toks[nameIdx - 1].end };
}

/** "Venezuelan leader Nicolas Maduro", "former reality TV star Trump". */
function lowerRoleBefore(text: string, toks: Token[], from: number): { start: number; end: number } | null {
  const prev = toks[from - 1];
  if (!prev || isCapitalized(prev) || !ROLE_NOUNS.has(prev.key) || !adjacent(text, prev, toks[from])) return null;
  let j = from - 1;
  while (j > 0 && adjacent(text, toks[j - 1], toks[j]) && (isCapitalized(toks[j - 1]) && !FUNCTION_WORDS.has(toks[j - 1].key) || /^(former|then|acting|late|ex)$/.test(toks[j - 1].key)) && from - j < 4) j--;
  return { start: toks[j].start, end: prev.end };
}

const CLAUSE_END = /[,.;:!?()—–"“”]|\s[-–—]{1,2}\s|\s(?:who|which|whose|that|is|was|has|had|said|says|and|but)\s/;

/** "Felipe Botero, a political expert at the University of the Andes." / "Petro, a former guerrilla who ..." */
function appositionAfter(text: string, toks: Token[], to: number): { start: number; end: number } | null {
  const last = toks[to - 1];
  const m = /^,\s*/.exec(text.slice(last.end, last.end + 3));
  if (!m || isPossessive(toks[to])) return null;
  const start = last.end + m[0].length;
  const rest = text.slice(start, start + 160);
  if (!/^(?:a|an|the|his|her|its|their|former|then|now|also|\p{Lu}[\p{L}.]*(?:['’]s)?)\s/u.test(rest)) return null;
  const stop = CLAUSE_END.exec(rest);
  const phrase = stop ? rest.slice(0, stop.index) : rest;
  const words = tokenize(phrase, 0, phrase.length);
  if (!words.length || words.length > 14 || !words.some((w) => ROLE_NOUNS.has(w.key))) return null;
  // "..., the ambassador in Washington, Daniel Garcia-Peña": the phrase belongs to the next name.
  const after = rest.slice(phrase.length);
  if (/^,\s*(?:\p{Lu}[\p{L}.'’-]*\s+)+\p{Lu}/u.test(after) || /^,\s*\p{Lu}[\p{L}'’-]+\s*[,.]/u.test(after)) return null;
  // "Nordvolt's chief executive" may open with an owner's name; any other capitalised start is a list of names.
  if (isCapitalized(words[0]) && !isNationality(words[0]) && !TITLES.has(words[0].key)) {
    // After an owner's name only an office counts: companies have rivals and partners too.
    if (!isPossessive(words[1]) || !words.some((w) => isTitleHead(w.key))) return null;
  }
  if (hasName(words)) return null;
  const trimmed = phrase.replace(/\s+$/, '');
  return { start, end: start + trimmed.length };
}

const BEFORE_STOP = new Set(['with', 'by', 'between', 'for', 'whose', 'including', 'met', 'meet', 'meets', 'and', 'as', 'like', 'said', 'told']);

/** "his U.S. counterpart, Donald Trump" / "the ambassador in Washington, Daniel Garcia-Peña". */
function appositionBefore(text: string, toks: Token[], from: number): { start: number; end: number } | null {
  const first = toks[from];
  const gap = text.slice(Math.max(0, first.start - 3), first.start);
  if (!/,\s*$/.test(gap) || from === 0) return null;
  let j = from - 1;
  const commaAt = text.lastIndexOf(',', first.start);
  if (toks[j].end > commaAt) return null;
  // Walk back to the previous clause boundary.
  while (j > 0 && !/[,;:()"“”]|\s[-–—]{1,2}\s/.test(text.slice(toks[j - 1].end, toks[j].start)) && from - j < 18) j--;
  let seg = toks.slice(j, from);
  const stopAt = findLastIndex(seg, (t) => BEFORE_STOP.has(t.key) && t.key !== 'and');
  if (stopAt >= 0) seg = seg.slice(stopAt + 1);
  const andAt = findLastIndex(seg, (t) => t.key === 'and');
  if (andAt >= 0) {
    const head = seg.slice(0, andAt);
    if (hasName(head)) seg = seg.slice(andAt + 1);
  }
  if (!seg.length || seg.length > 14) return null;
  // The role noun heads the phrase, optionally followed by a prepositional phrase ("the ambassador in Washington").
  const head = findLastIndex(seg, (t) => ROLE_NOUNS.has(t.key));
  if (head < 0 || (head < seg.length - 1 && !/^(in|to|at|of|for|from|on)$/.test(seg[head + 1].key))) return null;
  // Clause openers are not part of the phrase ("In Washington, Trump ...").
  if (PLACE_PREPOSITIONS.has(seg[0].key) || /^(on|after|before|during|since|under|while|when|if|but|yet|without|with|despite|although|though|because)$/.test(seg[0].key)) return null;
  // A name inside the phrase is another person, unless it is the owner ("Vladimir Putin's spokesman").
  if (hasName(seg) && !seg.some((t) => isPossessive(t))) return null;
  if (seg.some((t) => SPEECH_VERBS.has(t.key))) return null;
  return { start: seg[0].start, end: seg[seg.length - 1].end };
}

/** Two adjacent name-like words that are not titles: a personal name inside a phrase. */
function hasName(ws: Token[]): boolean {
  return ws.some((t, i) => i + 1 < ws.length && nameLike(t) && nameLike(ws[i + 1]) && !TITLES.has(t.key) && !TITLES.has(ws[i + 1].key) && !isNationality(t) && !isNationality(ws[i + 1]));
}

function findLastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return i;
  return -1;
}
