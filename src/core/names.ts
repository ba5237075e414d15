// Word-level helpers for finding personal names: a tokenizer with offsets, general word lists
// (titles, role nouns, speech verbs, organisation and place head words) and name normalisation.
// The lists are general English, never names taken from any sample.
import { nlp } from './lazyLibs';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased, accents stripped, dots removed: the form names are compared in. */
  key: string;
}

// A word: letters with inner apostrophes, hyphens and dots ("O'Neill", "Garcia-Peña", "H.R.", "U.S.").
const WORD = /[\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{M}\d]+(?:[.'’-][\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{M}\d]+)*\.?/gu;

const PLAIN = /^[A-Za-z0-9'-]*$/;

export function normName(s: string): string {
  // Most words are plain ASCII: skip Unicode normalisation for them (it dominates the cost).
  if (PLAIN.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’]/g, "'").replace(/\./g, '');
}

/** Tokens of text[from, to) with their offsets; a possessive "'s" is split off the word. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  const slice = text.slice(0, to);
  while ((m = WORD.exec(slice))) {
    let s = m[0];
    // A trailing dot belongs to the word only for initials and known abbreviations ("H.", "U.S.", "Mr.").
    if (s.endsWith('.') && !/^(?:\p{Lu}\.)+$|^(?:\p{L}\.){2,}$/u.test(s) && !ABBREVIATION.has(normName(s))) s = s.slice(0, -1);
    if (s.length > 2 && endsPossessive(s)) {
      const base = s.slice(0, -2);
      out.push(tok(m.index, base));
      out.push(tok(m.index + base.length, s.slice(-2)));
    } else out.push(tok(m.index, s));
    if (m[0].length !== s.length) WORD.lastIndex = m.index + s.length;
  }
  return out;
}

/** Ends in "'s" or "’s" (either case): what /['’]s$/i tests, without a regex per token. */
function endsPossessive(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  if (last !== 115 && last !== 83) return false;
  const q = s.charCodeAt(s.length - 2);
  return q === 39 || q === 0x2019;
}

function tok(start: number, text: string): Token {
  return { start, end: start + text.length, text, key: normName(text) };
}

const ABBREVIATION = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'rev', 'st', 'jr', 'sr', 'amb', 'pres']);

export function isCapitalized(t: Token): boolean {
  // ASCII first letters (nearly all) answered without the Unicode regex; same result.
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
}

export function isAllCaps(t: Token): boolean {
  return t.text.length > 1 && /\p{Lu}/u.test(t.text) && t.text === t.text.toUpperCase() && /\p{L}/u.test(t.text);
}

/** "H.", "H.R.", "JD": initials inside a name. */
export function isInitials(t: Token): boolean {
  // Both forms start with a capital: an ASCII first letter that is not one rules them out cheaply.
  const c = t.text.charCodeAt(0);
  if (c < 128 && !(c >= 65 && c <= 90)) return false;
  return /^(?:\p{Lu}\.)+$/u.test(t.text) || /^\p{Lu}{1,2}$/u.test(t.text);
}

export function isPossessive(t: Token | undefined): boolean {
  return !!t && /^['’]s$/i.test(t.text);
}

/** Lower-case particles inside names ("Ludwig van Beethoven", "Charles de Gaulle"). */
export const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'di', 'dos', 'das', 'du', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'y', 'ter', 'den']);

/** Capitalised words that come before a name as a title ("President", "Senator", "Mr"). */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor',
  'king', 'queen', 'prince', 'princess', 'pope', 'chancellor', 'premier', 'judge', 'justice', 'general', 'gen', 'colonel', 'col',
  'lt', 'lieutenant', 'sgt', 'sergeant', 'capt', 'captain', 'commander', 'admiral', 'major', 'ambassador', 'mr', 'mrs', 'ms', 'miss', 'dr',
  'sir', 'lord', 'lady', 'dame', 'professor', 'prof', 'rev', 'reverend', 'father', 'sheikh', 'emir', 'sultan', 'chief', 'ceo', 'cfo', 'coo',
  'chairman', 'chairwoman', 'chair', 'director', 'deputy', 'speaker', 'foreign', 'defense', 'defence', 'interior', 'finance', 'health',
  'trade', 'attorney', 'leader', 'coach', 'officer', 'detective', 'inspector', 'commissioner', 'councillor', 'councilman', 'councilwoman',
  'congressman', 'congresswoman', 'lawmaker', 'president-elect', 'agent', 'spokesman', 'spokeswoman', 'founder', 'co-founder',
  'executive', 'state', 'of', 'secretary-general', 'archbishop', 'bishop', 'cardinal', 'rabbi', 'imam', 'ayatollah', 'marshal', 'private',
  'corporal', 'senior', 'former', 'acting', 'interim', 'first', 'crown',
]);

/** Title words that are only modifiers: they never make a role on their own. */
const TITLE_MODIFIERS = new Set(['vice', 'prime', 'foreign', 'defense', 'defence', 'interior', 'finance', 'health', 'trade', 'deputy', 'of', 'state', 'senior', 'former', 'acting', 'interim', 'first', 'crown', 'chief', 'private']);

export function isTitleHead(key: string): boolean {
  return TITLES.has(key) && !TITLE_MODIFIERS.has(key);
}

/** Nouns that name what a person is: the head of a role or epithet ("a political expert", "the ambassador"). */
export const ROLE_NOUNS = new Set([
  ...[...TITLES].filter((t) => !TITLE_MODIFIERS.has(t)),
  'expert', 'analyst', 'official', 'spokesperson', 'head', 'boss', 'counterpart', 'aide', 'adviser', 'advisor', 'candidate', 'aspirant',
  'guerrilla', 'rebel', 'star', 'actor', 'actress', 'singer', 'writer', 'author', 'journalist', 'correspondent', 'reporter', 'editor',
  'economist', 'researcher', 'scientist', 'lawyer', 'diplomat', 'envoy', 'prosecutor', 'dictator', 'ruler', 'emperor', 'monarch',
  'activist', 'manager', 'owner', 'partner', 'inventor', 'engineer', 'designer', 'player', 'striker', 'champion', 'politician',
  'legislator', 'member', 'strongman', 'ally', 'critic', 'opponent', 'rival', 'successor', 'predecessor', 'wife', 'husband', 'son',
  'daughter', 'mother', 'brother', 'sister', 'widow', 'businessman', 'businesswoman', 'billionaire', 'entrepreneur', 'investor',
  'producer', 'director', 'artist', 'musician', 'student', 'teacher', 'doctor', 'nurse', 'soldier', 'pilot', 'banker', 'trader',
  'strategist', 'consultant', 'professor', 'lecturer', 'historian', 'commentator', 'host', 'anchor', 'president', 'presidents',
  'fellow', 'veteran', 'chairperson', 'representative', 'cofounder', 'co-founder', 'founder', 'ceo', 'cfo', 'vp',
]);

/** Verbs of speech and stance that introduce or follow a quote or reported speech. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'asked', 'asks', 'admitted', 'admits', 'wrote', 'writes', 'posted', 'tweeted',
  'stated', 'states', 'declared', 'announced', 'announces', 'explained', 'explains', 'noted', 'notes', 'argued', 'argues', 'insisted',
  'warned', 'warns', 'claimed', 'claims', 'called', 'calls', 'described', 'describes', 'urged', 'urges', 'replied', 'responded',
  'continued', 'remarked', 'recalled', 'acknowledged', 'confirmed', 'denied', 'suggested', 'stressed', 'emphasized', 'emphasised',
  'predicted', 'promised', 'vowed', 'joked', 'quipped', 'conceded', 'countered', 'agreed', 'complained', 'observed', 'commented',
  'reported', 'thought', 'believes', 'believed', 'mooted', 'threatened', 'accused', 'praised', 'criticized', 'criticised', 'echoed',
  'saying', 'telling', 'adding', 'calling', 'describing', 'writing', 'according',
]);

/** Words that make a capitalised span an organisation, place, document or thing. */
export const NON_PERSON_HEADS = new Set([
  'house', 'office', 'university', 'agreement', 'list', 'ministry', 'party', 'department', 'street', 'avenue', 'road', 'square',
  'church', 'bank', 'company', 'inc', 'corp', 'corporation', 'ltd', 'llc', 'plc', 'co', 'council', 'court', 'committee', 'congress', 'senate',
  'parliament', 'assembly', 'army', 'navy', 'force', 'forces', 'guard', 'news', 'times', 'post', 'journal', 'herald', 'tribune',
  'airlines', 'airways', 'air', 'airport', 'river', 'island', 'islands', 'mountain', 'mountains', 'lake', 'sea', 'ocean', 'bay', 'gulf',
  'city', 'county', 'province', 'state', 'states', 'republic', 'union', 'kingdom', 'empire', 'agency', 'association', 'foundation',
  'institute', 'college', 'school', 'academy', 'hospital', 'group', 'network', 'center', 'centre', 'market', 'markets', 'exchange',
  'fund', 'organization', 'organisation', 'program', 'programme', 'project', 'treaty', 'act', 'law', 'bill', 'wing', 'tower', 'palace',
  'hall', 'museum', 'club', 'league', 'cup', 'day', 'week', 'war', 'motors', 'motor', 'systems', 'industries', 'technologies',
  'holdings', 'partners', 'brothers', 'bros', 'media', 'press', 'radio', 'tv', 'television', 'channel', 'station', 'service', 'services',
  'board', 'commission', 'authority', 'administration', 'government', 'cabinet', 'police', 'station', 'stadium', 'park', 'bridge',
  'valley', 'desert', 'coast', 'region', 'district', 'plaza', 'games', 'olympics', 'festival', 'award', 'awards', 'prize', 'index',
  'average', 'reserve', 'capital', 'securities', 'trust', 'insurance', 'energy', 'oil', 'gas', 'electric', 'labs', 'software', 'store',
  'studios', 'records', 'pictures', 'entertainment', 'foods', 'group', 'summit', 'conference', 'forum', 'movement', 'front', 'alliance',
  'coalition', 'federation', 'confederation', 'declaration', 'accord', 'accords', 'convention', 'protocol', 'plan', 'strategy',
  'report', 'initiative', 'doctrine', 'presidency', 'embassy', 'consulate', 'prison', 'jail', 'base', 'port', 'canal', 'highway',
  'province', 'territory', 'colony', 'peninsula', 'continent', 'ag', 'sa', 'nv', 'gmbh', 'spa', 'factory', 'plant', 'works',
  'mill', 'mine', 'headquarters', 'campus', 'airport', 'terminal', 'station', 'computer', 'computers', 'corps',
]);

/** Words after which a capitalised span names a place ("in Havana", "from Caracas"). */
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'into', 'near', 'across', 'throughout', 'outside', 'inside', 'toward', 'towards', 'via', 'around']);

export const MONTHS_DAYS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Words that can never be a name even when capitalised (determiners, pronouns, conjunctions...). */
export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'its', 'my',
  'your', 'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before', 'as', 'in', 'on', 'at', 'for', 'of', 'to', 'with', 'by', 'from',
  'yet', 'still', 'so', 'also', 'then', 'there', 'here', 'who', 'what', 'which', 'where', 'why', 'how', 'not', 'no', 'yes', 'yeah', 'all',
  'some', 'many', 'most', 'both', 'each', 'every', 'any', 'one', 'two', 'three', 'under', 'over', 'despite', 'without', 'among', 'between',
  'during', 'since', 'until', 'about', 'against', 'last', 'next', 'today', 'tomorrow', 'yesterday', 'now', 'however', 'although', 'though',
  'because', 'meanwhile', 'according', 'credit', 'photo', 'image', 'read', 'more', 'follow', 'share', 'mr', 'mrs', 'ms', 'dr',
  'him', 'them', 'me', 'be', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may',
  'might', 'must', 'do', 'did', 'does', 'such', 'other', 'another', 'even', 'only', 'just', 'very', 'much', 'well', 'first', 'new',
]);

export const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
export const SUBJECT_PRONOUNS = new Set(['he', 'she']);

type Lexicon = Record<string, string | string[] | undefined>;
let lexicon: Lexicon | null = null;

/** compromise's word lexicon: word -> tag(s). Used only for parts of speech, never as a name list. */
function lex(): Lexicon {
  if (!lexicon) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const world = (nlp() as any).world?.();
    lexicon = (world?.model?.one?.lexicon ?? {}) as Lexicon;
  }
  return lexicon;
}

function tagsOf(key: string): string[] {
  const t = lex()[key];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place', 'Organization', 'Demonym', 'Possessive', 'Month', 'WeekDay']);

/** A given name by compromise's lexicon ("Daniel", "Rosa"). */
export function isGivenName(key: string): boolean {
  return tagsOf(key).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

/** The lexicon knows the word as an ordinary word (adjective, noun, verb...), not a name. */
export function isCommonWord(key: string): boolean {
  const tags = tagsOf(key);
  if (!tags.length) return FUNCTION_WORDS.has(key) || MONTHS_DAYS.has(key);
  return !tags.some((t) => NAME_TAGS.has(t)) && !tags.includes('ProperNoun');
}

/** The lexicon knows the word as a place, organisation or nationality. */
export function isPlaceOrOrgWord(key: string): boolean {
  return tagsOf(key).some((t) => PLACE_TAGS.has(t)) && !tagsOf(key).some((t) => NAME_TAGS.has(t));
}

/** "Colombian", "American", "US", "U.S.": a nationality or country abbreviation before a title. */
export function isNationality(t: Token): boolean {
  if (/^(?:\p{Lu}\.){2,}$/u.test(t.text) || /^\p{Lu}{2,3}$/u.test(t.text)) return true;
  if (tagsOf(t.key).includes('Demonym')) return true;
  return isCapitalized(t) && /(?:ian|ean|can|ese|ish|ic|i|ch)$/.test(t.key) && t.key.length > 4;
}

/** Edit distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

export function slug(name: string): string {
  return normName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'person';
}
