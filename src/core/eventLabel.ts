// A short, readable label for an event ("Gustavo Petro and Donald Trump hold talks"), built from the
// subject, verb and object of one of its passages with compromise's part-of-speech tags. Only one
// passage per event is parsed, so the cost grows with the number of events, not of sentences.
import nlp from 'compromise';
import type { Corpus } from './corpus';
import type { EventMention } from './events';
import { lemma } from './words';

interface Tok { text: string; tags: Set<string>; pre: string; post: string; inf?: string }

const SAY = /^(?:say|says|said|tell|tells|told|add|adds|added|note|notes|noted|state|states|stated)$/i;
const CARRIER = /^(?:set|due|expected|scheduled|going|poised|slated|plan|plans|planned|agree|agrees|agreed|decide|decides|decided|try|tries|tried|hope|hopes|hoped|want|wants|wanted|aim|aims|aimed|seek|seeks|sought)$/i;
const STOP_OBJECT = /^(?:that|which|who|whom|whose|where|when|while|though|although|because|but|despite|after|before|as|if|since|until|amid|without)$/i;

function tokens(text: string): Tok[] {
  const doc = nlp(text);
  const out: Tok[] = [];
  const infinitives = new Map<string, string>();
  for (const v of doc.verbs().json() as { text: string; verb?: { infinitive?: string } }[]) if (v.verb?.infinitive) infinitives.set(v.text.toLowerCase().split(/\s+/).pop()!, v.verb.infinitive);
  for (const s of doc.json() as { terms: { text: string; tags: string[]; pre: string; post: string }[] }[]) {
    for (const t of s.terms) {
      const prev = out[out.length - 1];
      // "face-to-face" is one word to a reader.
      if (prev && /[-‑]$/.test(prev.post) && !/\s/.test(prev.post)) {
        prev.text = `${prev.text}${prev.post.trim()}${t.text}`;
        prev.post = t.post;
        prev.tags = new Set([...t.tags].filter((g) => g !== 'Verb').concat(['Noun', 'Adjective']));
        continue;
      }
      const inf = infinitives.get(t.text.toLowerCase());
      out.push({ text: t.text, tags: new Set(t.tags), pre: t.pre, post: t.post, inf: inf && inf.toLowerCase() !== t.text.toLowerCase() ? inf : lemma(t.text) });
    }
  }
  return out;
}

const isVerb = (t: Tok) => t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Modal') && !t.tags.has('Copula') && !t.tags.has('Adjective');
const isNominal = (t: Tok) => ['Noun', 'ProperNoun', 'Determiner', 'Adjective', 'Value', 'Acronym', 'Possessive', 'Pronoun'].some((g) => t.tags.has(g)) || /^(?:and|&)$/i.test(t.text);

/** Subject-verb-object of one passage, without its time expression; null when no verb is found. */
export function labelOf(text: string): string | null {
  // A dateline ("WASHINGTON (Reuters) --") is not part of the sentence.
  const toks = tokens(text.replace(/^\s*[A-Z][A-Z .,'-]{2,}(?:\([^)]*\))?\s*(?:--|—|–|-)\s*/, ''));
  if (!toks.length) return null;
  let v = toks.findIndex(isVerb);
  if (v < 0) return null;
  // "said that they had a meeting": the reported event is what happened.
  if (SAY.test(toks[v].text)) {
    const thatAt = toks.findIndex((t, i) => i > v && /^that$/i.test(t.text));
    const inner = thatAt > 0 ? toks.findIndex((t, i) => i > thatAt + 1 && isVerb(t)) : -1;
    if (inner > 0) {
      const subj = subjectOf(toks, v);
      const innerSubj = subjectOf(toks, inner);
      const pronoun = innerSubj.length === 1 && innerSubj[0].tags.has('Pronoun');
      const obj = objectOf(toks, inner);
      const who = pronoun || !innerSubj.length ? subj : innerSubj;
      return finish([...who, present(toks[inner], who), ...obj]);
    }
  }
  // "are set to meet", "agreed to accept": the second verb says what happens.
  let head = v;
  if (CARRIER.test(toks[v].text)) {
    const next = toks.findIndex((t, i) => i > v && i <= v + 3 && isVerb(t) && /^to$/i.test(toks[i - 1]?.text ?? ''));
    if (next > 0) head = next;
  }
  const subj = subjectOf(toks, v);
  return finish([...subj, present(toks[head], subj), ...objectOf(toks, head)]);
}

/** Headline style: the verb in the present tense, agreeing with its subject. */
function present(verb: Tok, subject: Tok[]): Tok {
  const inf = (verb.inf ?? verb.text).toLowerCase();
  const last = subject[subject.length - 1];
  const plural = !subject.length || subject.some((t) => /^(?:and|&)$/i.test(t.text)) || (last && (last.tags.has('Plural') || /^(?:they|we|you|i|two|both)$/i.test(last.text)));
  let form = inf;
  if (!plural) {
    if (inf === 'be') form = 'is';
    else if (inf === 'have') form = 'has';
    else if (/(?:s|sh|ch|x|z|o)$/.test(inf)) form = `${inf}es`;
    else if (/[^aeiou]y$/.test(inf)) form = `${inf.slice(0, -1)}ies`;
    else form = `${inf}s`;
  }
  return { ...verb, text: form };
}

const CARRIER_WORDS = /^(?:to|set|due|expected|scheduled|going|about|poised|slated|likely|ready|planning|hoping|trying)$/i;

function subjectOf(toks: Tok[], v: number): Tok[] {
  const out: Tok[] = [];
  let dropTitles = false;
  for (let i = v - 1; i >= 0; i--) {
    const t = toks[i];
    if (out.length === 0 && (t.tags.has('Adverb') || t.tags.has('Auxiliary') || t.tags.has('Copula') || t.tags.has('Modal') || CARRIER_WORDS.test(t.text))) continue;
    if (t.tags.has('Auxiliary') || t.tags.has('Copula') || t.tags.has('Modal')) break;
    // "Trump, who has voiced ...": the subject is the noun before the relative clause.
    if (out.length === 0 && /^(?:who|which|that)$/i.test(t.text) && i > 0 && /,/.test(toks[i - 1].post)) {
      const j = i - 1;
      const head: Tok[] = [];
      for (let k = j; k >= 0 && head.length < 6; k--) {
        const u = toks[k];
        if (!isNominal(u) || u.tags.has('Date') || (k !== j && /[,;:]/.test(u.post))) break;
        if (u.tags.has('Honorific')) continue;
        head.unshift(u);
      }
      return head;
    }
    if (!isNominal(t) || t.tags.has('Date') || /[,;:]|--|—/.test(t.post)) break;
    if (t.tags.has('Honorific')) { dropTitles = true; continue; }
    // "US President Donald Trump": the country and title before a name go.
    if (dropTitles && (t.tags.has('Acronym') || t.tags.has('Demonym') || /^(?:U\.S\.|US|UK|EU)$/.test(t.text))) continue;
    dropTitles = false;
    out.unshift(t);
    if (out.length >= 8) break;
  }
  return out;
}

function objectOf(toks: Tok[], v: number): Tok[] {
  const out: Tok[] = [];
  for (let i = v + 1; i < toks.length && out.length < 7; i++) {
    const t = toks[i];
    if (STOP_OBJECT.test(t.text) || t.tags.has('Date') || t.tags.has('Conjunction') && out.length > 1) break;
    if (t.tags.has('Preposition') && out.length >= 3) break;
    const afterDeterminer = toks[i - 1]?.tags.has('Determiner') || toks[i - 1]?.tags.has('Adjective');
    if (t.tags.has('Verb') && out.length > 0 && !afterDeterminer && !t.tags.has('Infinitive') && !/^to$/i.test(toks[i - 1]?.text ?? '')) break;
    out.push(t);
    if (/[,;:.!?]/.test(t.post)) break;
  }
  // Never end on a dangling function word.
  while (out.length && /^(?:to|on|in|at|of|for|with|by|the|a|an|and|or|from)$/i.test(out[out.length - 1].text)) out.pop();
  return out;
}

function finish(ts: Tok[]): string | null {
  const words = ts.map((t) => t.text.replace(/^["“”'‘’(]+|["“”'‘’),]+$/g, '')).filter(Boolean);
  if (words.length < 2) return null;
  const s = words.join(' ').replace(/\s+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The label of a merged event: the best-formed label among a few of its passages. */
export function eventLabel(_corpus: Corpus, mentions: EventMention[]): string {
  const ranked = [...mentions].sort((a, b) => rank(b) - rank(a)).slice(0, 3);
  let best: string | null = null, bestScore = -Infinity;
  for (const m of ranked) {
    const text = withoutTime(m);
    const label = labelOf(text);
    if (!label) continue;
    const n = label.split(' ').length;
    const score = (/[A-Z]/.test(label.slice(1)) ? 2 : 0) + (n >= 3 && n <= 10 ? 2 : 0) - (/^(?:He|She|They|It|We|I)\b/.test(label) ? 2 : 0) - (SAY.test(label.split(' ')[1] ?? '') ? 1 : 0);
    if (score > bestScore) { best = label; bestScore = score; }
  }
  return best ?? fallback(mentions[0].text);
}

function rank(m: EventMention): number {
  // Short passages with named actors and a specific event word label best.
  const len = m.text.length;
  return m.names.length * 2 + m.preds.filter((p) => !p.startsWith('v:') && p !== 'SAY').length * 3 - Math.max(0, len - 160) / 40;
}

/** The passage with its time expression (and the preposition before it) taken out. */
function withoutTime(m: EventMention): string {
  const a = m.timex.start - m.start, b = m.timex.end - m.start;
  if (a < 0 || b > m.text.length) return m.text;
  const timex = m.text.slice(a, b);
  // "on Tuesday's talks" keeps its preposition: only the day goes.
  const possessive = /['’]s$/.test(timex);
  const before = possessive ? m.text.slice(0, a) : m.text.slice(0, a).replace(/\b(?:on|in|at|during|by|since|from|until)\s*$/i, '');
  let after = m.text.slice(b);
  if (/^['’]s\b/.test(after)) after = after.slice(2);
  return `${before} ${after}`.replace(/\s+,/g, ',').replace(/^\s*,\s*/, '').replace(/\s+/g, ' ').trim();
}

function fallback(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > 10 ? `${words.slice(0, 10).join(' ')}…` : words.join(' ');
}
