// A short, readable label for an event ("Gustavo Petro and Donald Trump hold talks"), built from the
// subject, verb and object of one of its passages with compromise's part-of-speech tags. Only one
// passage per event is parsed, so the cost grows with the number of events, not of sentences.
import { nlp } from './lazyLibs';
import type { Corpus } from './corpus';
import type { EventMention } from './events';
import { IRREGULAR, lemma } from './words';

interface Tok { text: string; tags: Set<string>; pre: string; post: string; inf?: string }

const SAY = /^(?:say|says|said|tell|tells|told|add|adds|added|note|notes|noted|state|states|stated)$/i;
const CARRIER = /^(?:set|due|expected|scheduled|going|poised|slated|plan|plans|planned|agree|agrees|agreed|decide|decides|decided|try|tries|tried|hope|hopes|hoped|want|wants|wanted|aim|aims|aimed|seek|seeks|sought)$/i;
const STOP_OBJECT = /^(?:that|which|who|whom|whose|where|when|while|though|although|because|but|despite|after|before|as|if|since|until|amid|without)$/i;

// compromise's lexicon gives each known word its parts of speech; suffix rules and two context rules
// cover the rest. Its full tagger costs milliseconds per sentence, too much for thousands of events.
// Read on first use: loading compromise expands its lexicon, which must not happen on activation.
type Lexicon = Record<string, string | string[]>;
let lexicon: Lexicon | undefined;
const compromiseLexicon = (): Lexicon => (lexicon ??= (nlp().model() as { one: { lexicon: Lexicon } }).one.lexicon);
const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Verb', 'PhrasalVerb', 'Imperative']);
const NOUN_TAGS = new Set(['Singular', 'Plural', 'Actor', 'Noun', 'Uncountable', 'Unit', 'Duration', 'Organization', 'Place', 'Person', 'SportsTeam', 'Currency']);
const NAME_TAGS = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person', 'Place', 'Country', 'City', 'Region', 'Organization', 'ProperNoun']);
const AUX = new Set(['have', 'has', 'had', 'do', 'does', 'did', 'having']);
const TITLE_WORDS = new Set(['president', 'vice', 'prime', 'minister', 'secretary', 'senator', 'sen.', 'rep.', 'governor', 'gov.', 'mayor', 'king', 'queen', 'prince', 'princess', 'general', 'gen.', 'chancellor', 'ambassador', 'judge', 'pope', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'foreign', 'defense', 'defence', 'state', 'finance', 'interior', 'chief', 'ceo', 'chairman', 'spokesman', 'spokeswoman', 'leader']);

function lexTags(w: string): string[] {
  const v = compromiseLexicon()[w];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The infinitive of a verb form, preferring forms compromise's lexicon knows. */
export function infinitive(w: string): string {
  const l = w.toLowerCase();
  const base = lemma(l);
  if (base !== l || !/ed$/.test(l)) return base === l && /s$/.test(l) && compromiseLexicon()[l.slice(0, -1)] ? l.slice(0, -1) : base;
  return l;
}

// Irregular past participles, which the suffix rules and lemma() cannot undo.
const PARTICIPLE_BASE: Record<string, string> = {
  broken: 'break', chosen: 'choose', spoken: 'speak', stolen: 'steal', fallen: 'fall', risen: 'rise', written: 'write', driven: 'drive',
  shown: 'show', grown: 'grow', thrown: 'throw', flown: 'fly', drawn: 'draw', beaten: 'beat', forgotten: 'forget', hidden: 'hide',
  frozen: 'freeze', shaken: 'shake', sworn: 'swear', torn: 'tear', worn: 'wear', taken: 'take', given: 'give', seen: 'see',
  known: 'know', done: 'do', gone: 'go', begun: 'begin', eaten: 'eat', ridden: 'ride', woken: 'wake',
};

function verbBase(w: string): string {
  const l = w.toLowerCase();
  if (PARTICIPLE_BASE[l]) return PARTICIPLE_BASE[l];
  if (l === 'being') return 'be';
  if (/ing$/.test(l) && l.length > 5) {
    for (const c of [l.slice(0, -3), `${l.slice(0, -3)}e`, l.replace(/(.)\1ing$/, '$1')]) if (lexTags(c).some((g) => VERB_TAGS.has(g) || NOUN_TAGS.has(g))) return c;
    return l.slice(0, -3);
  }
  if (/ed$/.test(l) && l.length > 4) {
    for (const c of [l.slice(0, -1), l.slice(0, -2), l.replace(/ied$/, 'y'), l.replace(/(.)\1ed$/, '$1')]) if (lexTags(c).length) return c;
    const stem = l.slice(0, -2);
    if (/(?:[bcgkvz]|[^aeiou][aeiou][td])$/.test(stem) && !/[aeiou]{2}[td]$/.test(stem)) return `${stem}e`;
    return lemma(l);
  }
  return lemma(l);
}

export function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(text))) {
    const raw = m[0];
    const lead = /^[("“‘'\[]+/.exec(raw)?.[0] ?? '';
    // "U.S." keeps its dots; other trailing punctuation is not part of the word.
    const abbrev = /^(?:\p{L}\.){2,}/u.exec(raw.slice(lead.length))?.[0];
    const trail = abbrev ? raw.slice(lead.length + abbrev.length) : /[)"”’'\],.;:!?]+$/.exec(raw.slice(lead.length))?.[0] ?? '';
    const word = raw.slice(lead.length, raw.length - trail.length);
    const pre = text.slice(last, m.index) + lead;
    last = m.index + raw.length;
    // Dashes and stray punctuation join the previous token's trailing text, where clause breaks are read.
    if (!/[\p{L}\p{N}]/u.test(word)) { if (out.length) out[out.length - 1].post += pre + raw; continue; }
    out.push({ text: word, tags: new Set(), pre, post: trail });
  }
  if (out.length) out[out.length - 1].post += text.slice(last);
  else return out;
  // The whitespace before the next token belongs to this one's post.
  for (let i = 0; i < out.length - 1; i++) {
    const ws = /^\s*/.exec(out[i + 1].pre)![0];
    out[i].post += ws;
    out[i + 1].pre = out[i + 1].pre.slice(ws.length);
  }
  out.forEach((t, i) => tag(t, i));
  out.forEach((t, i) => context(t, i, out));
  return out;
}

const PERFECT_PARTICIPLE = /ed$|^(?:been|met|held|said|told|made|taken|given|done|seen|known|become|begun|won|lost|sent|spent|led|broken|chosen|spoken|stolen|fallen|risen|written|driven|shown|grown|thrown|flown|drawn|beaten|forgotten|hidden|frozen|shaken|sworn|torn|worn|found|built|caught|fought|sold|bought|brought|paid|kept|left|struck|hit|fled|won|run|come|gone)$/i;

function tag(t: Tok, i: number) {
  const possessive = /['’]s$/.test(t.text);
  const w = t.text.replace(/['’]s$/, '').toLowerCase();
  const tags = t.tags;
  const lex = lexTags(w);
  for (const g of lex) {
    if (VERB_TAGS.has(g)) { tags.add('Verb'); tags.add(g); }
    else if (NOUN_TAGS.has(g)) { tags.add('Noun'); tags.add(g); }
    else if (g === 'Month' || g === 'WeekDay' || g === 'Date') tags.add('Date');
    else if (['Cardinal', 'Ordinal', 'TextValue', 'Value', 'Fraction', 'Multiple'].includes(g)) tags.add('Value');
    else tags.add(g);
    if (NAME_TAGS.has(g)) tags.add('ProperNoun');
  }
  if (w === 'to' || w === 'like') { tags.clear(); tags.add('Preposition'); }
  // A plural the lexicon knows in the singular ("diplomats").
  if (!lex.length && /[^s]s$/.test(w) && lexTags(w.slice(0, -1)).some((g) => NOUN_TAGS.has(g))) { tags.add('Noun'); tags.add('Plural'); }
  const cap = /^[\p{Lu}]/u.test(t.text);
  if (cap && (i > 0 || !tags.size) && !tags.has('Determiner') && !tags.has('Pronoun') && !tags.has('Preposition') && !tags.has('Conjunction')) {
    tags.delete('Verb'); tags.add('Noun'); tags.add('ProperNoun');
  }
  if (!tags.size) {
    if (/ed$/.test(w)) { tags.add('Verb'); tags.add('PastTense'); }
    else if (/ing$/.test(w)) { tags.add('Verb'); tags.add('Gerund'); }
    else if (/ly$/.test(w)) tags.add('Adverb');
    else if (/(?:al|ous|ive|ful|less|ic|able|ible|ary|ant|ent)$/.test(w)) tags.add('Adjective');
    else if (/^\d/.test(w)) tags.add('Value');
    else tags.add('Noun');
  }
  if (TITLE_WORDS.has(w) && cap) tags.add('Honorific');
  if (possessive) tags.add('Possessive');
}

/** Context rules, once every token has its lexical tags. */
function context(t: Tok, i: number, toks: Tok[]) {
  const w = t.text.replace(/['’]s$/, '').toLowerCase();
  const tags = t.tags;
  const cap = /^[\p{Lu}]/u.test(t.text);
  const prev = toks[i - 1];
  // "had been warned": forms of "be" link a passive participle, they are not the event's verb.
  if (/^(?:be|been|being)$/.test(w)) { tags.delete('Verb'); tags.delete('Participle'); tags.add('Copula'); }
  // "a dam", "the hydroelectric dam": a bare verb form right after a determiner or adjective is a noun.
  if (prev && (prev.tags.has('Determiner') || prev.tags.has('Adjective')) && !cap && tags.has('Infinitive') && !tags.has('PastTense') && !/^(?:to)$/i.test(prev.text)) {
    tags.delete('Verb'); tags.delete('Infinitive'); tags.add('Noun');
  }
  if (AUX.has(w) && toks[i + 1] && PERFECT_PARTICIPLE.test(toks[i + 1].text)) {
    tags.add('Auxiliary');
    // "had broken": the participle is the verb even where the lexicon calls it an adjective.
    const p = toks[i + 1];
    if (!p.tags.has('Verb') && p.text !== 'been') { p.tags.delete('Adjective'); p.tags.add('Verb'); p.tags.add('Participle'); }
  }
  // "to meet", "will call": a word that can be a verb is one here.
  if (prev && /^(?:to|will|would|shall|can|could|should|may|might|must)$/i.test(prev.text) && !cap && !tags.has('Determiner') && !tags.has('Pronoun') && (tags.has('Verb') || tags.has('Noun') || tags.has('Adjective'))) {
    tags.add('Verb'); tags.add('Infinitive'); tags.delete('Noun');
  }
  // "Diplomats joke darkly": a noun-or-verb right after a plural or named subject, before an adverb or object, is the verb.
  const next = toks[i + 1];
  if (!cap && tags.has('Noun') && !tags.has('Verb') && prev && !/[,;:]/.test(prev.post) && (prev.tags.has('Pronoun') || prev.tags.has('ProperNoun') || (/s$/.test(prev.text) && prev.tags.has('Noun'))) && !prev.tags.has('Possessive') && next && /^(?:Adverb|Determiner|Preposition)$/.test([...next.tags].find((g) => ['Adverb', 'Determiner', 'Preposition'].includes(g)) ?? '') && lexTags(w).includes('Singular')) {
    tags.delete('Noun'); tags.add('Verb'); tags.add('PresentTense');
  }
  // "an accused drug lord": a participle after a determiner describes the noun.
  if (prev && (prev.tags.has('Determiner') || prev.tags.has('Possessive')) && tags.has('Verb') && !tags.has('Infinitive') && !tags.has('Gerund')) { tags.delete('Verb'); tags.add('Adjective'); }
  // "a cordial meeting": a gerund after a determiner, adjective or noun is a noun.
  if (tags.has('Gerund') && prev && (prev.tags.has('Determiner') || prev.tags.has('Adjective') || prev.tags.has('Possessive') || prev.tags.has('Value') || (prev.tags.has('Noun') && !prev.tags.has('ProperNoun') && !prev.tags.has('Pronoun')))) {
    tags.delete('Verb'); tags.delete('Gerund'); tags.add('Noun');
  }
  // "the company failed to": an -ed word the lexicon calls an adjective is the verb after a bare noun subject.
  if (!cap && (/ed$/.test(w) || (IRREGULAR[w] && IRREGULAR[w] !== 'be' && IRREGULAR[w] !== 'have')) && tags.has('Adjective') && !tags.has('Verb') && prev && !/[,;:]/.test(prev.post) && (prev.tags.has('Noun') || prev.tags.has('Pronoun')) && !prev.tags.has('Determiner') && !prev.tags.has('Possessive') && (!next || next.tags.has('Preposition') || next.tags.has('Determiner') || next.tags.has('Date') || /[,;:.]/.test(t.post) || toks[i - 2]?.tags.has('Determiner'))) {
    tags.delete('Adjective'); tags.add('Verb'); tags.add('PastTense');
  }
  // "was closed by the police": an -ed adjective after "be" and before "by" is a passive verb.
  if (/ed$/.test(w) && tags.has('Adjective') && !tags.has('Verb') && prev?.tags.has('Copula') && next && /^by$/i.test(next.text)) {
    tags.delete('Adjective'); tags.add('Verb'); tags.add('PastTense');
  }
  // "a dam operated by X failed": a participle between a noun and "by" opens a reduced relative clause,
  // which describes the subject; the sentence's verb comes after it.
  if (tags.has('Verb') && /ed$|^(?:built|run|owned|held|made|led|known|taken|given|seen|written|sold|hit|struck|caught|found|kept|brought)$/i.test(w) && prev && (prev.tags.has('Noun') && !prev.tags.has('Pronoun')) && !/[,;:]/.test(prev.post) && next && /^by$/i.test(next.text)) {
    const rest = toks.slice(i + 2);
    const finiteLater = rest.some((u) => u.tags.has('Verb') && (u.tags.has('PastTense') || u.tags.has('PresentTense')) || (/ed$/i.test(u.text) && u.tags.has('Adjective')));
    if (finiteLater) {
      tags.delete('Verb'); tags.add('Reduced');
      next.tags.add('Reduced');
      for (let k = i + 2; k < toks.length && isNominalTags(toks[k].tags) && !toks[k].tags.has('Verb') && !/^[a-z].*ed$/.test(toks[k].text); k++) {
        toks[k].tags.add('Reduced');
        if (/[,;:]/.test(toks[k].post)) break;
      }
    }
  }
  t.inf = tags.has('Verb') ? verbBase(t.text) : undefined;
}

function isNominalTags(tags: Set<string>): boolean {
  return ['Noun', 'ProperNoun', 'Determiner', 'Adjective', 'Value', 'Acronym', 'Possessive'].some((g) => tags.has(g));
}

const isVerb = (t: Tok) => t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Modal') && !t.tags.has('Copula') && !t.tags.has('Adjective');
const isNominal = (t: Tok) => ['Noun', 'ProperNoun', 'Determiner', 'Adjective', 'Value', 'Acronym', 'Possessive', 'Pronoun'].some((g) => t.tags.has(g)) || /^(?:and|&)$/i.test(t.text);

/** Subject-verb-object of one passage, without its time expression; null when no verb is found. */
export function labelOf(text: string, anchor = -1): string | null {
  // A dateline ("WASHINGTON (Reuters) --") is not part of the sentence.
  // "OSTRAVEL, March 14 (AFP) -" carries a date between the place and the agency.
  const dl = /^\s*(?:[A-Z][A-Z .,'-]{2,}(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?(?:\([^)]*\))?|\([A-Z][\w .&-]*\))\s*(?:--|—|–|-)\s*/.exec(text);
  const toks = tokens(dl ? text.slice(dl[0].length) : text);
  if (!toks.length) return null;
  const v = pickVerb(toks, anchor - (dl ? dl[0].length : 0));
  if (v < 0) return null;
  // "said that they had a meeting": the reported event is what happened.
  if (SAY.test(toks[v].text)) {
    const thatAt = toks.findIndex((t, i) => i > v && /^that$/i.test(t.text));
    let inner = thatAt > 0 ? toks.findIndex((t, i) => i > thatAt + 1 && isVerb(t)) : -1;
    // "X said the company had been warned": a reported clause without "that" starts right after the verb.
    if (inner < 0 && !/[,;:]/.test(toks[v].post) && toks[v + 1] && isNominal(toks[v + 1]) && !toks[v + 1].tags.has('Preposition')) {
      const k = toks.findIndex((t, i) => i > v + 1 && isVerb(t));
      if (k > 0 && toks.slice(v + 1, k).every((t) => isNominal(t) || t.tags.has('Copula') || t.tags.has('Auxiliary') || t.tags.has('Modal') || t.tags.has('Adverb') || t.tags.has('Reduced'))) inner = k;
    }
    if (inner > 0) {
      const subj = subjectOf(toks, v).toks;
      const innerSubj = subjectOf(toks, inner).toks;
      const pronoun = innerSubj.length === 1 && innerSubj[0].tags.has('Pronoun');
      const obj = objectOf(toks, inner);
      const who = pronoun || !innerSubj.length ? subj : innerSubj;
      const aux = toks[inner - 1];
      if (aux?.tags.has('Copula') && (toks[inner].tags.has('PastTense') || toks[inner].tags.has('Participle'))) {
        return finish([...who, { ...aux, text: isPlural(who) ? 'are' : 'is' }, toks[inner], ...obj]);
      }
      return finish([...who, present(toks[inner], who), ...obj]);
    }
  }
  // "are set to meet", "agreed to accept": the second verb says what happens.
  let head = v;
  if (CARRIER.test(toks[v].text)) {
    const next = toks.findIndex((t, i) => i > v && i <= v + 3 && isVerb(t) && /^to$/i.test(toks[i - 1]?.text ?? ''));
    if (next > 0) head = next;
  }
  const subject = subjectOf(toks, v);
  const subj = subject.toks;
  // "sanctions -- which the administration issued": the object is what the relative clause hangs on.
  let obj = objectOf(toks, head);
  const rel = subject.from - 1;
  if (rel > 0 && /^(?:which|that)$/i.test(toks[rel].text) && /,|--|—/.test(toks[rel - 1].post) && (!obj.length || obj[0].tags.has('Preposition'))) {
    obj = nounRunEndingAt(toks, rel - 1);
  }
  // A label without its subject ("Warn about cracks") misleads: let the caller fall back to the clause.
  if (!subj.length && subject.from > 0) return null;
  // Passive: "was elected" stays passive ("is elected").
  // "was reportedly warned": look past adverbs for the "be" of a passive.
  let ai = v - 1;
  while (ai > 0 && toks[ai].tags.has('Adverb')) ai--;
  const aux = toks[ai];
  if (head === v && aux && aux.tags.has('Copula') && (toks[v].tags.has('PastTense') || toks[v].tags.has('Participle'))) {
    const plural = isPlural(subj);
    return finish([...subj, { ...aux, text: plural ? 'are' : 'is' }, toks[v], ...obj]);
  }
  return finish([...subj, present(toks[head], subj), ...obj]);
}

/** The verb nearest the removed time expression, preferring its own clause; the first verb without an anchor. */
function pickVerb(toks: Tok[], anchor: number): number {
  // "did", "does" stand in for another verb and say nothing themselves.
  const verbs = toks.map((t, i) => (isVerb(t) && !/^(?:do|does|did|done)$/i.test(t.text) ? i : -1)).filter((i) => i >= 0);
  if (!verbs.length) return -1;
  const finite = verbs.filter((i) => !toks[i].tags.has('Gerund'));
  if (anchor < 0) return finite[0] ?? verbs[0];
  // Character positions of each token and of each clause break.
  let pos = 0;
  const start: number[] = [], end: number[] = [], breaks: number[] = [];
  for (const t of toks) {
    start.push(pos + t.pre.length);
    end.push(pos + t.pre.length + t.text.length);
    if (/[,;:]|--|—/.test(t.post)) breaks.push(end[end.length - 1]);
    pos += t.pre.length + t.text.length + t.post.length;
  }
  const between = (x: number, y: number) => breaks.some((b) => b >= x && b < y);
  const before = finite.filter((i) => end[i] <= anchor && !between(end[i], anchor)).pop();
  if (before !== undefined) return before;
  const after = finite.find((i) => start[i] >= anchor && !between(anchor, start[i]));
  if (after !== undefined) return after;
  const dist = (i: number) => (end[i] <= anchor ? anchor - end[i] : start[i] - anchor);
  const pool = finite.length ? finite : verbs;
  return pool.reduce((best, i) => (dist(i) < dist(best) ? i : best), pool[0]);
}

function isPlural(subject: Tok[]): boolean {
  const last = subject[subject.length - 1];
  return !subject.length || subject.some((t) => /^(?:and|&)$/i.test(t.text)) || !!(last && (last.tags.has('Plural') || /^(?:they|we|you|i|two|both)$/i.test(last.text)));
}

function nounRunEndingAt(toks: Tok[], end: number): Tok[] {
  const out: Tok[] = [];
  for (let k = end; k >= 0 && out.length < 5; k--) {
    const u = toks[k];
    if (!isNominal(u) || u.tags.has('Preposition') || u.tags.has('Date') || u.tags.has('Pronoun') || (k !== end && /[,;:]|--|—/.test(u.post)) || /^(?:and|&)$/i.test(u.text)) break;
    out.unshift(u);
  }
  return out;
}

/** Headline style: the verb in the present tense, agreeing with its subject. */
function present(verb: Tok, subject: Tok[]): Tok {
  const inf = (verb.inf ?? verb.text).toLowerCase();
  const plural = isPlural(subject);
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

function subjectOf(toks: Tok[], v: number): { toks: Tok[]; from: number } {
  const out: Tok[] = [];
  let from = v;
  let dropTitles = false;
  for (let i = v - 1; i >= 0; i--) {
    const t = toks[i];
    // "A dam operated by X failed": the reduced relative clause is left out of the subject.
    if (t.tags.has('Reduced')) continue;
    if (out.length === 0 && (t.tags.has('Adverb') || t.tags.has('Auxiliary') || t.tags.has('Copula') || t.tags.has('Modal') || CARRIER_WORDS.test(t.text))) continue;
    if (t.tags.has('Auxiliary') || t.tags.has('Copula') || t.tags.has('Modal')) break;
    // "Trump, who has voiced ...": the subject is the noun before the relative clause.
    if (out.length === 0 && /^(?:who|which|that)$/i.test(t.text) && i > 0 && isNominal(toks[i - 1])) {
      const j = i - 1;
      const head: Tok[] = [];
      let k = j;
      for (; k >= 0 && head.length < 6; k--) {
        const u = toks[k];
        if (!isNominal(u) || u.tags.has('Date') || (k !== j && /[,;:]/.test(u.post))) break;
        if (u.tags.has('Honorific')) continue;
        head.unshift(u);
      }
      // "Petro, a former guerrilla who ...": the name beats the description.
      if (head[0]?.tags.has('Determiner') && k >= 0 && /,/.test(toks[k].post) && toks[k].tags.has('ProperNoun')) {
        const name = nounRunEndingAt(toks, k).filter((u) => !u.tags.has('Honorific'));
        if (name.length) return { toks: name, from: k - name.length + 1 };
      }
      return { toks: head, from: k + 1 };
    }
    // "The operator, Acme, was warned": the comma closing an apposition does not end the subject.
    const closesApposition = out.length === 0 && /^,\s*$/.test(t.post) && t.tags.has('ProperNoun') && i > 0 && /,/.test(toks.slice(0, i).map((u) => u.post).join(''));
    if (!isNominal(t) || t.tags.has('Date') || (/[,;:]|--|—/.test(t.post) && !closesApposition)) break;
    if (out.length && /^(?:that|which|who|whom)$/i.test(t.text)) break;
    // "crimes and he described": a pronoun after "and" starts a new clause.
    if (/^(?:and|&)$/i.test(t.text) && out[0]?.tags.has('Pronoun')) break;
    if (t.tags.has('Honorific')) { dropTitles = true; continue; }
    // "US President Donald Trump": the country and title before a name go.
    if (dropTitles && (t.tags.has('Acronym') || t.tags.has('Demonym') || /^(?:US|UK|EU|UN)$/.test(t.text.replace(/\./g, '')))) continue;
    dropTitles = false;
    out.unshift(t);
    from = i;
    if (out.length >= 8) break;
  }
  return { toks: out, from };
}

function objectOf(toks: Tok[], v: number): Tok[] {
  const out: Tok[] = [];
  for (let i = v + 1; i < toks.length && out.length < 7; i++) {
    const t = toks[i];
    const joinsNames = /^(?:and|&)$/i.test(t.text) && toks[i - 1]?.tags.has('ProperNoun') && toks[i + 1]?.tags.has('ProperNoun');
    if (STOP_OBJECT.test(t.text) || t.tags.has('Date') || (t.tags.has('Conjunction') && out.length > 1 && !joinsNames)) break;
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
  // Joined, not concatenated: `+` would keep the label as a pair of pieces (and the string the tail is
  // sliced from) in the label memo; join builds one flat string.
  return [s.charAt(0).toUpperCase(), s.slice(1)].join('');
}

/** The label of a merged event: the best-formed label among a few of its passages. */
export function eventLabel(corpus: Corpus, mentions: EventMention[]): string {
  const ranked = [...mentions].sort((a, b) => rank(b) - rank(a)).slice(0, 3);
  let best: string | null = null, bestScore = -Infinity;
  for (const m of ranked) {
    // Labels are memoised per article, so re-merging after one edit re-labels only that article's passages.
    const label = mentionLabel(corpus, m);
    if (!label) continue;
    const n = label.split(' ').length;
    const score = (/[A-Z]/.test(label.slice(1)) ? 2 : 0) + (n >= 3 && n <= 10 ? 2 : 0) - (/^(?:He|She|They|It|We|I)\b/.test(label) ? 2 : 0) - (SAY.test(label.split(' ')[1] ?? '') ? 1 : 0);
    if (score > bestScore) { best = label; bestScore = score; }
  }
  return best ?? fallback(mentions[0].text);
}

/** A passage's key in the label memo: one number (lighter than a string) while offsets fit in 17 bits each. */
function labelKey(m: EventMention): number | string {
  const B = 131_072;
  return m.end < B && m.timexStart < B ? (m.start * B + m.end) * B + m.timexStart : `${m.start}:${m.end}:${m.timexStart}`;
}

/** The label of one passage, memoised with its article. */
function mentionLabel(corpus: Corpus, m: EventMention): string | null {
  const memo = corpus.get(m.article) ? corpus.perArticle('events.labels', m.article, () => new Map<number | string, string | null>()) : new Map<number | string, string | null>();
  const key = labelKey(m);
  let label = memo.get(key);
  if (label === undefined) {
    const { text, anchor } = withoutTime(m);
    label = labelOf(text, anchor);
    memo.set(key, label);
  }
  return label;
}

/**
 * Labels every passage of one article ahead of the merge (the indexing worker does this): nearly
 * every passage ends up among the few an event is labelled from, and labelling them here spares
 * the worker a merge of the article's own passages just to find out which.
 */
export function labelMentions(corpus: Corpus, mentions: EventMention[]): void {
  for (const m of mentions) mentionLabel(corpus, m);
}

function rank(m: EventMention): number {
  // Short passages with named actors and a specific event word label best.
  const len = m.text.length;
  let events = 0;
  for (let i = 0; i < m.np; i++) if (!m.keys[i].startsWith('v:') && m.keys[i] !== 'SAY') events++;
  return m.nn * 2 + events * 3 - Math.max(0, len - 160) / 40;
}

/** The passage with its time expression (and the preposition before it) taken out. */
function withoutTime(m: EventMention): { text: string; anchor: number } {
  const a = m.timexStart - m.start, b = m.timexEnd - m.start;
  if (a < 0 || b > m.text.length) return { text: m.text, anchor: -1 };
  const timex = m.text.slice(a, b);
  // "on Tuesday's talks" keeps its preposition: only the day goes.
  const possessive = /['’]s$/.test(timex);
  const before = possessive ? m.text.slice(0, a) : m.text.slice(0, a).replace(/\b(?:on|in|at|during|by|since|from|until)\s*$/i, '');
  let after = m.text.slice(b);
  if (/^['’]s\b/.test(after)) after = after.slice(2);
  // Keep lengths so the anchor stays where the time was.
  const lead = before.replace(/^\s*,\s*/, '').replace(/^\s*(?:and|but|or|so|then|while)\b\s*,?\s*/i, '');
  const joined = `${lead.trimEnd()} ${after.replace(/^\s*,\s*/, lead.trim() ? ', ' : '').trimStart()}`.trim();
  return { text: joined, anchor: lead.trimEnd().length };
}

function fallback(text: string): string {
  // The first clause, when it is long enough to say something; else the first words.
  const clause = /^[^,;:]+/.exec(text.trim())?.[0] ?? text;
  const words = (clause.split(/\s+/).length >= 4 ? clause : text).replace(/\s+/g, ' ').trim().split(' ');
  return words.length > 10 ? [...words.slice(0, 10), '…'].join(' ').replace(/ …$/, '…') : words.join(' ');
}
