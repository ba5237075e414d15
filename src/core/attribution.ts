// Attribution: who a sentence says its claim comes from. Recognises "X said", "X told Y",
// "according to X", "X's office said", "photos released by X showed", inverted "…, said X", and
// passive weasel forms ("it is believed"). A source is *named* unless its head is a generic
// crowd ("analysts", "critics", "officials", "sources", "many"): that is a vague source.
import { maskQuotes, quoteRegions, tokenize, type Token } from './claimText';
import type { Article, Span, TextSpan } from './types';

export type VagueRule = 'weasel-subject' | 'anonymous' | 'quantifier' | 'passive';

export interface Attribution {
  /** The words naming the source ("analysts", "Petro", "the White House"); null for passives. */
  source: TextSpan | null;
  /** The attribution cue itself: "said", "according to", "released by", "it is believed". */
  cue: TextSpan;
  named: boolean;
  /** Set when the source is vague. */
  vagueRule?: VagueRule;
  /** The part of the sentence whose content the attribution vouches for. */
  covers: Span;
}

// Verbs of saying and of holding an opinion, in the forms news prose uses.
const SPEECH = new Set(
  ('say says said saying tell tells told add adds added state states stated announce announces announced explain explains explained ' +
    'note notes noted write writes wrote post posts posted tweet tweets tweeted argue argues argued claim claims claimed ' +
    'insist insists insisted warn warns warned confirm confirms confirmed deny denies denied acknowledge acknowledges acknowledged ' +
    'admit admits admitted suggest suggests suggested describe describes described called echoed asked urged accused accuses ' +
    'estimate estimates estimated reported predict predicts predicted contend contends contended maintain maintains maintained ' +
    'concede concedes conceded caution cautions cautioned hinted hint hints recalled remarked replied responded ' +
    'believe believes believed think thinks thought fear fears feared expect expects worry worries worried doubt doubts doubted ' +
    'blame blames blamed questioned reckon reckons agree agrees').split(' '),
);
// Opinion verbs too common in other senses to count unless the subject is a crowd ("observers see it as").
const CROWD_ONLY = new Set(['see', 'sees', 'saw', 'view', 'views', 'consider', 'considers', 'regard', 'regards', 'show', 'shows', 'showed', 'suggest', 'suggests']);
// Nouns naming things that can show or report (for "data show", "studies suggest").
const EVIDENCE = new Set(['data', 'figures', 'statistics', 'numbers', 'records', 'documents', 'images', 'photos', 'pictures', 'footage', 'video', 'videos', 'report', 'survey', 'poll', 'polls', 'study']);

// Heads of a vague source. Plural crowds, and singular ones that hide a name.
const CROWDS = new Set(
  ('critics analysts observers experts officials sources diplomats commentators insiders pundits scholars scientists economists ' +
    'researchers historians people reports studies authorities aides advisers advisors activists skeptics sceptics detractors ' +
    'opponents supporters watchers strategists specialists lawmakers legislators investors traders residents voices ' +
    'rumors rumours accounts media').split(' '),
);
const SINGULAR_CROWD = new Set(['critic', 'analyst', 'observer', 'expert', 'official', 'source', 'diplomat', 'commentator', 'insider', 'aide', 'adviser', 'advisor', 'person', 'report', 'study', 'strategist', 'specialist', 'lawmaker']);
const ALWAYS_ANONYMOUS = new Set(['source', 'sources', 'insider', 'insiders']);
const QUANTIFIERS = new Set(['many', 'some', 'others', 'most', 'few', 'several', 'everyone', 'everybody', 'somebody', 'someone', 'nobody']);
const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some', 'several', 'many', 'two', 'three', 'multiple', 'various', 'numerous']);
const PERSONAL = new Set(['he', 'she', 'i', 'we', 'they', 'it', 'you']);
const PRONOUNS = new Set(['he', 'she', 'i', 'we', 'they', 'it', 'you', 'both', 'neither', 'each']);

// Words that end a noun phrase when walking back from a verb.
const BOUNDARY = new Set(
  ('that which whom whose when where while if because though although whether as than since so but or nor and then after before ' +
    'until unless once yet however also to is are was were be been being not never no').split(' '),
);
const AUX = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'did', 'does', 'do', 'also', 'later', 'even', 'then', 'again', 'still', 'often', 'once', 'now', 'first', 'previously', 'repeatedly', 'reportedly', 'earlier', 'further', 'not', 'never']);
const NP_PREPOSITIONS = new Set(['of', 'at', 'for', 'from', 'in', 'on']);
// Openers of a fronted adverbial phrase, whose words are the reporter's, not the speaker's.
const FRONTED = new Set(['in', 'as', 'after', 'before', 'following', 'given', 'despite', 'during', 'with', 'amid', 'while', 'when', 'since', 'unlike', 'like', 'although', 'though', 'if', 'for', 'on', 'at', 'by', 'under', 'over', 'to', 'from']);
const DOCUMENT = /\b(?:photos?|pictures?|images?|videos?|footage|documents?|data|figures|statement|report|records|statistics|recordings?|transcripts?|letter|memo)\s+(?:\w+\s+){0,2}?(?:released|published|provided|issued|shared|obtained|posted|distributed|seen|reviewed|compiled)\s+by\s+/gi;
const PASSIVE = /\b(?:it|this)\s+(?:is|was|has been|had been)\s+(?:widely\s+|generally\s+|commonly\s+|often\s+)?(?:said|believed|thought|reported|claimed|understood|alleged|feared|rumou?red|suggested|argued|estimated|known)\b|\b(?:is|are|was|were)\s+(?:widely|generally|commonly)\s+(?:regarded|considered|seen|viewed|believed|thought|accepted|reported)\b|\bsome\s+(?:would\s+)?(?:say|argue|believe)\b|\b(?:people|persons?|sources?|officials?)\s+(?:familiar with|close to|with knowledge of|briefed on)\b/gi;

const PASSIVE_HINT = /\b(?:it|this|widely|generally|commonly|some|familiar|close to|knowledge|briefed)\b/i;

/** Every attribution in `sentence` (absolute offsets); quoted words are never taken as a source. */
export function findAttributions(text: string, sentence: Span, quotes: Span[], pre?: { masked: string; tokens: Token[] }): Attribution[] {
  const masked = pre?.masked ?? maskQuotes(text, sentence.start, sentence.end, quotes);
  const tokens = pre?.tokens ?? tokenize(masked, sentence.start);
  const out: Attribution[] = [];
  // Built on the first attribution that needs its coverage: most sentences have none.
  let built: Layout | undefined;
  const layout = (): Layout => {
    if (built) return built;
    const index = new Map<Token, number>();
    tokens.forEach((t, k) => index.set(t, k));
    // Words after each token, and the next dash or closing bracket, so coverage stays linear.
    const wordsAfter = new Array<number>(tokens.length + 1).fill(0);
    const nextCloser = new Array<number>(tokens.length + 1).fill(-1);
    for (let k = tokens.length - 1; k >= 0; k--) {
      wordsAfter[k] = wordsAfter[k + 1] + (tokens[k + 1]?.word ? 1 : 0);
      nextCloser[k] = tokens[k + 1] && (isDash(tokens[k + 1]) || tokens[k + 1].text === ')') ? k + 1 : nextCloser[k + 1];
    }
    return (built = { index, wordsAfter, nextCloser });
  };
  const whole: Span = { start: sentence.start, end: sentence.end };
  const slice = (s: number, e: number): TextSpan => ({ start: s, end: e, text: text.slice(s, e) });

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.word) continue;
    // "according to X"
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const np = nounPhraseAfter(tokens, i + 2);
      if (np.length) out.push(make(np, slice(t.start, tokens[i + 1].end), whole, text));
      continue;
    }
    if (!SPEECH.has(t.lower) && !CROWD_ONLY.has(t.lower)) continue;
    const prev = tokens[i - 1];
    if (prev && ['a', 'an', 'the', 'this', 'that', 'his', 'her', 'their', 'its'].includes(prev.lower)) continue; // a noun: "the report"
    let np = nounPhraseBefore(tokens, i);
    let inverted = false;
    if (!np.length) {
      np = invertedSource(tokens, i);
      inverted = true;
    }
    if (!np.length) continue;
    const head = np[np.length - 1].lower;
    const crowd = isCrowd(np);
    if (CROWD_ONLY.has(t.lower) && !crowd && !(EVIDENCE.has(head) && /^show/.test(t.lower))) continue;
    const covers = inverted ? whole : coverage(tokens, np, i, sentence, layout());
    out.push(make(np, slice(t.start, t.end), covers, text));
  }

  // "photos released by X showed …", "according to photos released by X"
  for (const m of / by /.test(masked) ? masked.matchAll(DOCUMENT) : []) {
    const at = sentence.start + m.index! + m[0].length;
    const k = firstAtOrAfter(tokens, at);
    if (k < 0) continue;
    const np = nounPhraseAfter(tokens, k);
    if (np.length) out.push(make(np, slice(sentence.start + m.index!, at - 1), whole, text));
  }
  for (const m of PASSIVE_HINT.test(masked) ? masked.matchAll(PASSIVE) : []) {
    const s = sentence.start + m.index!;
    out.push({ source: null, cue: slice(s, s + m[0].length), named: false, vagueRule: /familiar|close|knowledge|briefed/i.test(m[0]) ? 'anonymous' : 'passive', covers: whole });
  }
  return out;
}

function make(np: Token[], cue: TextSpan, covers: Span, text: string): Attribution {
  const source: TextSpan = { start: np[0].start, end: np[np.length - 1].end, text: text.slice(np[0].start, np[np.length - 1].end) };
  const rule = vagueRule(np);
  return { source, cue, named: !rule, vagueRule: rule ?? undefined, covers };
}

function isCrowd(np: Token[]): boolean {
  return vagueRule(np) !== null;
}

/** Why a source noun phrase is vague, or null when it names someone. */
export function vagueRule(np: Token[]): VagueRule | null {
  const words = np.filter((t) => t.word);
  if (!words.length) return null;
  const head = words[words.length - 1].lower;
  const first = words[0].lower;
  if (words.length === 1 && QUANTIFIERS.has(head)) return 'quantifier';
  if (PRONOUNS.has(head) || PRONOUNS.has(first)) return null;
  if (ALWAYS_ANONYMOUS.has(head)) return 'anonymous';
  if (CROWDS.has(head)) return 'weasel-subject';
  if (SINGULAR_CROWD.has(head) && INDEFINITE.has(first)) return 'anonymous';
  return null;
}

/** The subject noun phrase that ends right before tokens[verb], skipping auxiliaries and adverbs. */
function nounPhraseBefore(tokens: Token[], verb: number, appositive = true): Token[] {
  let j = verb - 1;
  while (j >= 0 && j > verb - 6 && tokens[j].word && (AUX.has(tokens[j].lower) || /^[a-z]+ly$/.test(tokens[j].text))) j--;
  if (appositive && tokens[j]?.text === ',') return appositiveSubject(tokens, j);
  // "some analysts who questioned": the relative pronoun points back at the subject.
  if (j >= 0 && (tokens[j].lower === 'who' || tokens[j].lower === 'that')) {
    if (tokens[j].lower === 'that' && !(tokens[j - 1]?.word && CROWDS.has(tokens[j - 1].lower))) return [];
    j--;
  }
  const np: Token[] = [];
  while (j >= 0 && np.length < 9) {
    const t = tokens[j];
    if (!t.word) {
      // Dotted abbreviations are words already; a hyphen inside a name stays.
      break;
    }
    if (t.lower === 'and' && np.length && j > 0 && (/^\p{Lu}/u.test(tokens[j - 1].text) || CROWDS.has(tokens[j - 1].lower))) {
      np.unshift(t);
      j--;
      continue;
    }
    if (NP_PREPOSITIONS.has(t.lower) && np.length && j > 0 && tokens[j - 1].word && /^\p{Lu}/u.test(np[0].text)) {
      np.unshift(t);
      j--;
      continue;
    }
    if (BOUNDARY.has(t.lower) || NP_PREPOSITIONS.has(t.lower)) break;
    if (SPEECH.has(t.lower) && !np.length) break;
    np.unshift(t);
    j--;
  }
  // A noun phrase starts with a determiner, a capital or a crowd word; a lone lower-case verb is not one.
  while (np.length && NP_PREPOSITIONS.has(np[0].lower)) np.shift();
  // A pronoun is a whole subject ("allegations he denies" -> "he"); one before other words means a verb follows it.
  const pron = np.findIndex((t) => PERSONAL.has(t.lower));
  if (pron >= 0) return pron === np.length - 1 ? [np[pron]] : [];
  if (np.length === 1 && !/^\p{Lu}/u.test(np[0].text) && !PRONOUNS.has(np[0].lower) && !QUANTIFIERS.has(np[0].lower) && !CROWDS.has(np[0].lower)) return [];
  return np;
}

/**
 * "Irish airline, Ryanair, announced": the name between the commas; "Petro, who arrived …, later
 * described": the subject before the aside. `comma` is the comma right before the verb.
 */
function appositiveSubject(tokens: Token[], comma: number): Token[] {
  let k = comma - 1;
  while (k >= 0 && k > comma - 30 && tokens[k].text !== ',' && !isDash(tokens[k])) k--;
  if (k < 0 || tokens[k].text !== ',') return [];
  const between = tokens.slice(k + 1, comma);
  const capitalised = between.length <= 5 && between.every((t) => t.word) && /^\p{Lu}/u.test(between[0]?.text ?? '') && !between.some((t) => BOUNDARY.has(t.lower));
  if (capitalised) return between;
  // "Jane Doe, the interior minister, said" / "John Roe, 39, said": a role or an age between
  // the name and the verb; the source is the name before it.
  if (isRoleOrAge(between)) {
    const named = nounPhraseBefore(tokens, k, false);
    if (named.length && named.length <= 9 && named.some((t) => /^\p{Lu}/u.test(t.text))) return named;
    return [];
  }
  if (!/^(?:who|which)$/.test(between[0]?.lower ?? '')) return [];
  const before = nounPhraseBefore(tokens, k, false);
  return before.length <= 4 && before.some((t) => /^\p{Lu}/u.test(t.text) || PERSONAL.has(t.lower)) ? before : [];
}

const ROLE_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'former', 'then']);
/** An apposition giving a role ("the interior minister", "a former aide to X") or an age ("39"). */
function isRoleOrAge(between: Token[]): boolean {
  if (!between.length || between.length > 8 || !between.every((t) => t.word)) return false;
  if (between.length === 1 && /^\d{1,3}$/.test(between[0].text)) return true;
  if (!ROLE_DETERMINERS.has(between[0].lower)) return false;
  return !between.some((t) => t.lower !== 'of' && t.lower !== 'to' && t.lower !== 'and' && (BOUNDARY.has(t.lower) || SPEECH.has(t.lower)));
}

/** "…, said Felipe Botero" / "…, said a senior official": the source after the verb. */
function invertedSource(tokens: Token[], verb: number): Token[] {
  const prev = tokens[verb - 1];
  if (prev && prev.word) return [];
  const np: Token[] = [];
  for (let j = verb + 1; j < tokens.length && np.length < 7; j++) {
    const t = tokens[j];
    if (!t.word) break;
    if (BOUNDARY.has(t.lower) || (NP_PREPOSITIONS.has(t.lower) && np.length)) break;
    np.push(t);
  }
  if (!np.length) return [];
  if (isCrowd(np) || np.some((t) => /^\p{Lu}/u.test(t.text))) return np;
  return [];
}

/** "according to X": the noun phrase that starts at tokens[k]. */
function nounPhraseAfter(tokens: Token[], k: number): Token[] {
  const np: Token[] = [];
  for (let j = k; j < tokens.length && np.length < 8; j++) {
    const t = tokens[j];
    if (!t.word || SPEECH.has(t.lower) || CROWD_ONLY.has(t.lower) || /^(?:revealed|depicted|appeared)$/.test(t.lower)) break;
    // After a name, a lower-case word other than a connector ends it ("the Interior Ministry showed").
    if (np.some((x) => /^\p{Lu}/u.test(x.text)) && /^\p{Ll}/u.test(t.text) && !/^(?:of|the|for|and|de|del|la|da|van|von)$/.test(t.lower)) break;
    if (np.length && (BOUNDARY.has(t.lower) && t.lower !== 'and')) break;
    if (t.lower === 'and' && !/^\p{Lu}/u.test(tokens[j + 1]?.text ?? '')) break;
    np.push(t);
  }
  return np;
}

/**
 * What a "SOURCE verb" attribution vouches for. Usually the whole sentence; but a fronted adverbial
 * before "…, he added that …" is the reporter's own framing, and an attribution inside a dash or
 * bracket aside ("— allegations he denies —") speaks only to what comes before it.
 */
function coverage(tokens: Token[], np: Token[], verb: number, sentence: Span, layout: Layout): Span {
  const srcIdx = layout.index.get(np[0]) ?? verb;
  const before = tokens[srcIdx - 1];
  const after = layout.wordsAfter[verb];
  const firstWord = tokens[0]?.word ? tokens[0] : tokens[1];
  // Aside: a dash/bracket opens before the source and closes after the verb.
  const opener = lastIndexWhere(tokens, srcIdx - 1, (t) => isDash(t) || t.text === '(');
  if (opener >= 0) {
    const closer = layout.nextCloser[verb];
    if (closer > verb) return { start: sentence.start, end: tokens[closer].end };
  }
  if (before && before.text === ',' && firstWord && FRONTED.has(firstWord.lower) && after >= 3) {
    return { start: np[0].start, end: sentence.end };
  }
  return { start: sentence.start, end: sentence.end };
}

interface Layout {
  index: Map<Token, number>;
  wordsAfter: number[];
  nextCloser: number[];
}

/** The index of the first token starting at or after `offset` (binary search), or -1. */
function firstAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}

function isDash(t: Token): boolean {
  return t.text === '—' || t.text === '–' || t.text === '--';
}

/** The index of the nearest token before `from` (over words only) that satisfies `ok`, or -1. */
function lastIndexWhere(tokens: Token[], from: number, ok: (t: Token) => boolean): number {
  for (let j = from; j >= 0 && j > from - 12; j--) {
    if (ok(tokens[j])) return j;
    if (!tokens[j].word) return -1;
  }
  return -1;
}

/** Attribution cues of a whole article, for highlighting ("said", "according to"). */
export function attributionCues(article: Article): TextSpan[] {
  const out: TextSpan[] = [];
  for (const p of article.paragraphs) {
    if (p.heading) continue;
    const quotes = quoteRegions(article.text, p.start, p.end);
    for (const s of article.sentences) {
      if (s.start < p.start || s.end > p.end) continue;
      for (const a of findAttributions(article.text, s, quotes)) out.push(a.cue);
    }
  }
  return out;
}
