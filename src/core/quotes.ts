// Direct quotes and their speakers. Quotes are found per paragraph (they may span sentences) in one
// linear pass over the characters, so unbalanced marks or 100k quotation marks cannot make it hang.
// Speakers: '"…," X said' / 'said X' / 'X said: "…"' / the subject of a sentence that uses scare quotes;
// a pronoun goes to the nearest preceding person in subject position.
import type { Corpus } from './corpus';
import type { Article, Quote, Span } from './types';
import type { Settler } from './corpus';
import { ArticleOrderedList } from './articleOrdered';
import { mentionChanges, mentionsByArticle, settlePeople, type MentionHit, type PersonEntry } from './people';
import { SPEECH_VERBS, SUBJECT_PRONOUNS, tokenize } from './names';
import { shared } from './sharedStrings';

export interface QuoteSpan extends Span {
  paragraph: number;
  /** Offsets of the quotation marks themselves. */
  open: number;
  close: number;
}

const OPENERS_BEFORE = /[\s([{—–\-/:;,]/;

/** Every balanced quotation in the body's paragraphs; headings and titles are skipped. */
export function findQuoteSpans(article: Article): QuoteSpan[] {
  const { text } = article;
  const out: QuoteSpan[] = [];
  article.paragraphs.forEach((p, pi) => {
    if (p.heading || p.start < article.body.start || p.end > article.body.end) return;
    let open = -1;
    // British-style ‘…’ quotes, tracked only outside double quotes (inside, they are nested quotes).
    let single = -1;
    for (let i = p.start; i < p.end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x201c) { open = i; single = -1; } // “ (a second opener means the first was never closed)
      else if (ch === 0x201d) {
        if (open >= 0) push(out, text, open, i, pi);
        open = -1;
      } else if (ch === 0x22) {
        const before = i === p.start ? ' ' : text[i - 1];
        const after = text[i + 1] ?? ' ';
        const opens = open < 0 && (i === p.start || OPENERS_BEFORE.test(before)) && !/\s/.test(after);
        if (opens) { open = i; single = -1; }
        else if (open >= 0) { push(out, text, open, i, pi); open = -1; }
      } else if (open < 0 && ch === 0x2018) {
        if (i === p.start || OPENERS_BEFORE.test(text[i - 1])) single = i;
      } else if (open < 0 && single >= 0 && ch === 0x2019) {
        // ’ closes only when not inside a word ("don’t" is an apostrophe).
        if (!/[\p{L}\d]/u.test(text[i + 1] ?? ' ') && !/\s/.test(text[i - 1])) { push(out, text, single, i, pi); single = -1; }
      }
    }
    // A quote running on into the next paragraph is left open, and that paragraph opens with a quotation mark.
    const next = article.paragraphs[pi + 1];
    if (open >= 0 && next && /^["“]/.test(text.slice(next.start, next.start + 1))) push(out, text, open, p.end, pi);
  });
  // An exact-size copy: an array grown by push keeps room for 17 or more items, and this one is memoised.
  return out.slice();
}

function push(out: QuoteSpan[], text: string, open: number, close: number, paragraph: number) {
  let start = open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end - start < 2) return;
  const inner = text.slice(start, end);
  // A title in quotes ("The Art of the Deal") is not speech.
  const words = inner.split(/\s+/);
  if (words.length >= 2 && words.length <= 6 && words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|the|a|an|and|in|on|for|to)$/.test(w)) && !/[.,!?]$/.test(inner)) return;
  out.push({ start, end, open, close, paragraph });
}

/** How far back (in characters) attribution looks within a sentence. */
const WINDOW = 400;

type Hit = MentionHit;

interface Subject {
  person: PersonEntry | null;
  text: string;
  pronoun: boolean;
  start: number;
}

/** Every quote of the corpus, in article order: one plain pass over the per-article lists. */
export function resolveQuotes(corpus: Corpus): Quote[] {
  settleQuotes(corpus, Infinity);
  const st = quoteState(corpus);
  return st.joined.list(corpus.articles(), (id) => st.byArticle.get(id));
}

interface QuoteState {
  byArticle: Map<string, Quote[]>;
  joined: ArticleOrderedList<Quote>;
  /** Speaker id -> the articles quoting them, and their quotes in corpus order (made on first ask). */
  speakerArticles: Map<string, Set<string>>;
  bySpeaker: Map<string, Quote[]>;
}

function quoteState(corpus: Corpus): QuoteState {
  return corpus.state<QuoteState>('quotes', () => ({ byArticle: new Map(), joined: new ArticleOrderedList(), speakerArticles: new Map(), bySpeaker: new Map() }));
}

/** One speaker's quotes, in corpus order; only the speakers of changed articles are gathered again. */
export function quotesBy(corpus: Corpus, speaker: string): Quote[] {
  settleQuotes(corpus, Infinity);
  const st = quoteState(corpus);
  let list = st.bySpeaker.get(speaker);
  if (!list) {
    list = [];
    for (const id of [...(st.speakerArticles.get(speaker) ?? [])].sort()) {
      for (const q of st.byArticle.get(id) ?? []) if (q.speaker === speaker) list.push(q);
    }
    st.bySpeaker.set(speaker, list);
  }
  return list;
}

function setQuotes(st: QuoteState, id: string, quotes: Quote[] | undefined) {
  const speakers = new Set<string>();
  for (const q of st.byArticle.get(id) ?? []) if (q.speaker) speakers.add(q.speaker);
  for (const s of speakers) {
    const ids = st.speakerArticles.get(s)!;
    ids.delete(id);
    if (!ids.size) st.speakerArticles.delete(s);
  }
  if (quotes) st.byArticle.set(id, quotes);
  else st.byArticle.delete(id);
  for (const q of quotes ?? []) {
    if (!q.speaker) continue;
    speakers.add(q.speaker);
    let ids = st.speakerArticles.get(q.speaker);
    if (!ids) st.speakerArticles.set(q.speaker, (ids = new Set()));
    ids.add(id);
  }
  for (const s of speakers) st.bySpeaker.delete(s);
  st.joined.touch(id);
}

/**
 * Brings the per-article quotes up to date, until `deadline`. An article's quotes depend only on its
 * text and on which person (by id) each of its mentions names, so only the changed articles and
 * those whose mentions changed (as the people feature reports) are redone.
 */
export const settleQuotes: Settler = (corpus, deadline) => {
  if (!settlePeople(corpus, deadline)) return false;
  const st = quoteState(corpus);
  const todo = mentionChanges(corpus);
  const changed = corpus.changesFor('quotes');
  for (const id of changed) { todo.add(id); changed.delete(id); }
  if (!todo.size) return true;
  const hits = mentionsByArticle(corpus);
  for (const id of todo) {
    todo.delete(id);
    const a = corpus.get(id);
    setQuotes(st, id, a ? articleQuotes(a, hits.get(id) ?? []) : undefined);
    if (performance.now() > deadline) break;
  }
  return todo.size === 0;
};

function articleQuotes(a: Article, hits: Hit[]): Quote[] {
  const out: Quote[] = [];
  // The spans are not memoised: one linear pass over the text (some 16 µs an article) costs less
  // than keeping every article's spans (0.7 KB an article), and they are read again only when the
  // article's mentions change.
  const spans = findQuoteSpans(a);
  let prev: { paragraph: number; close: number; subject: Subject | null; runsOn: boolean } | null = null;
  const outsideHits = hits.filter((h) => !insideQuote(spans, h.start));
  for (const q of spans) {
    // A quote split around "Trump admitted," keeps its speaker.
    const sameSentence: boolean = !!prev && prev.paragraph === q.paragraph && !!prev.subject && sentenceIndexAt(a, prev.close) === sentenceIndexAt(a, q.open);
    let who: Subject | null = sameSentence ? prev!.subject : attribute(a, outsideHits, q, spans);
    // A quote resumed after "he said" keeps its speaker: '"…," Trump said. "…"'.
    // Only a quote that opens its sentence continues the previous one; "Noboa's aide said '…'" does not.
    if (!who && prev && prev.subject && opensSentence(a, q) && (prev.paragraph === q.paragraph || (prev.runsOn && prev.paragraph === q.paragraph - 1))) who = prev.subject;
    const resolved = who?.pronoun ? resolvePronoun(a, outsideHits, who.start, spans) : who;
    out.push({
      article: a.id, start: q.start, end: q.end, text: a.text.slice(q.start, q.end),
      speaker: resolved?.person ? resolved.person.current.id : null,
      speakerText: who ? shared(who.text) : null, // "he", "Petro": they recur in every article
    });
    prev = { paragraph: q.paragraph, close: q.close, subject: who, runsOn: q.close >= a.paragraphs[q.paragraph].end };
  }
  // An exact-size copy: an array grown by push keeps room for 17 or more items, and this one is kept.
  return out.slice();
}

function opensSentence(a: Article, q: QuoteSpan): boolean {
  const si = sentenceIndexAt(a, q.open);
  const from = si >= 0 ? a.sentences[si].start : a.paragraphs[q.paragraph].start;
  return /^[\s\p{P}]*$/u.test(a.text.slice(Math.max(from, q.open - WINDOW), q.open));
}

function insideQuote(spans: QuoteSpan[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].close < offset) lo = mid + 1;
    else if (spans[mid].open > offset) hi = mid - 1;
    else return true;
  }
  return false;
}

function sentenceIndexAt(a: Article, offset: number): number {
  let lo = 0;
  let hi = a.sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a.sentences[mid].start <= offset) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

function hitsIn(hits: Hit[], from: number, to: number): Hit[] {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (hits[mid].start < from) lo = mid + 1; else hi = mid; }
  const out: Hit[] = [];
  for (let i = lo; i < hits.length && hits[i].start < to; i++) out.push(hits[i]);
  return out;
}

/** People and he/she in text[from, to), in order. */
function referents(a: Article, hits: Hit[], from: number, to: number, spans: QuoteSpan[]): Subject[] {
  // "Noboa's aide said": a possessive names the owner, not the speaker.
  const out: Subject[] = hitsIn(hits, from, to)
    .filter((h) => !/^['’]s\b/.test(a.text.slice(h.end, h.end + 3)))
    .map((h) => ({ person: h.person, text: a.text.slice(h.start, h.end), pronoun: false, start: h.start }));
  for (const t of tokenize(a.text, from, to)) {
    if (SUBJECT_PRONOUNS.has(t.key) && !insideQuote(spans, t.start)) out.push({ person: null, text: t.text, pronoun: true, start: t.start });
  }
  return out.sort((x, y) => x.start - y.start);
}

function attribute(a: Article, hits: Hit[], q: QuoteSpan, spans: QuoteSpan[]): Subject | null {
  const text = a.text;
  const si = sentenceIndexAt(a, q.close);
  const sentEnd = si >= 0 ? a.sentences[si].end : q.close + 1;
  // After the quote: '," Trump said' / '," said Felipe Botero' / '," he added'.
  const afterFrom = q.close + 1;
  let afterTo = Math.min(sentEnd, afterFrom + 120, a.body.end);
  const nextQuote = text.slice(afterFrom, afterTo).search(/[“"‘]/);
  if (nextQuote >= 0) afterTo = afterFrom + nextQuote;
  const after = text.slice(afterFrom, afterTo);
  const lead = /^[\s,]*(?:[-–—]{1,2}\s*)?/.exec(after)![0].length;
  const verbFirst = /^(\p{L}+)\s+/u.exec(after.slice(lead));
  if (verbFirst && SPEECH_VERBS.has(verbFirst[1].toLowerCase())) {
    const from = afterFrom + lead + verbFirst[0].length;
    const r = referents(a, hits, from, Math.min(afterTo, from + 40), spans)[0];
    if (r && r.start - from <= 2) return r;
  }
  const r = referents(a, hits, afterFrom + lead, afterTo, spans)[0];
  // Only titles may stand between the quote and the name ('," Mr Ferreira-Holm said').
  if (r && /^\s*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(text.slice(afterFrom + lead, r.start))) {
    const tail = text.slice(r.start, afterTo);
    const words = tokenize(tail, 0, tail.length).slice(0, 6).map((t) => t.key);
    if (words.some((w) => SPEECH_VERBS.has(w))) return r;
  }
  // Before the quote in its own sentence: 'Petro said: "…"', 'Trump warned Petro to "…"'.
  const oi = sentenceIndexAt(a, q.open);
  // Bounded look-back keeps attribution linear even in a pathological one-sentence text.
  const sStart = Math.max(oi >= 0 ? Math.max(a.sentences[oi].start, a.paragraphs[q.paragraph].start) : a.paragraphs[q.paragraph].start, q.open - WINDOW);
  const before = text.slice(sStart, q.open);
  const toks = tokenize(text, sStart, q.open);
  for (let i = toks.length - 1; i >= 0; i--) {
    // "According to Kovacic, '…'": the source follows the cue.
    if (toks[i].key === 'according' && toks[i + 1]?.key === 'to') {
      const r = referents(a, hits, toks[i + 1].end, Math.min(q.open, toks[i + 1].end + 60), spans)[0];
      if (r) return r;
    }
    if (!SPEECH_VERBS.has(toks[i].key) || toks[i].key === 'according' || insideQuote(spans, toks[i].start)) continue;
    // "... warned Petro to '…' and said '…'": a coordinated verb shares the earlier verb's subject.
    if (i > 0 && /^(and|but|then)$/.test(toks[i - 1].key)) continue;
    const refs = referents(a, hits, sStart, toks[i].start, spans);
    if (refs.length) return refs[refs.length - 1];
  }
  // Scare quotes: the sentence's subject is the one using the words.
  const refs = referents(a, hits, sStart, q.open, spans);
  if (refs.length && before.length < 400) {
    const s = subjectOf(refs);
    const prefix = text.slice(sStart, s.start).replace(/^[^,]{0,60},\s*/, '');
    if (/^\s*(?:[\p{Lu}][\p{L}.'’-]*\s+){0,4}$/u.test(prefix)) return s;
  }
  return null;
}

/** The referent in subject position: the first one ("In October, Trump called Petro ..." -> Trump). */
function subjectOf(refs: Subject[]): Subject {
  return refs[0];
}

/** He/she -> the nearest preceding person in subject position, looking back a few sentences. */
function resolvePronoun(a: Article, hits: Hit[], at: number, spans: QuoteSpan[]): Subject | null {
  const si = sentenceIndexAt(a, at);
  if (si < 0) return null;
  // Within its own sentence, an earlier named subject wins.
  const own = referents(a, hits, Math.max(a.sentences[si].start, at - WINDOW), at, spans);
  if (own.length && !own[0].pronoun) return own[0];
  for (let k = si - 1; k >= 0 && k >= si - 5; k--) {
    const s = a.sentences[k];
    if (s.start < a.body.start) break;
    const refs = referents(a, hits, Math.max(s.start, s.end - WINDOW), s.end, spans);
    const named = refs.find((r) => !r.pronoun);
    if (!named) continue;
    if (refs[0].pronoun && refs[0].start < named.start) continue;
    return named;
  }
  return null;
}
