// Words for matching: accent folding, tokens with offsets, stop words, a light stemmer, a small
// general-English concept lexicon (so paraphrases share a term), numbers and capitalised names.
// Shared by search (surface words) and related coverage (stems, concepts, names, numbers).
import { shared } from './sharedStrings';

/** Lower-case, accents removed, curly quotes straightened: "Peña" -> "pena". Keeps the length of ASCII text. */
export function fold(s: string): string {
  // Most words are plain ASCII: skip Unicode normalisation for them.
  if (/^[\x20-\x7e]*$/.test(s)) return s.toLowerCase().replace(/`/g, "'");
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’`]/g, "'");
}

export interface Token {
  /** The word as written. */
  text: string;
  /** Folded, lower-case, without a possessive "'s". */
  norm: string;
  start: number;
  end: number;
}

// Letters/digits, with inner apostrophes ("didn't") and decimal/thousand separators ("1,000", "3.5").
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\d+(?:[.,]\d+)*/gu;

/** Words of text[from, to) with their offsets. Hyphenated words are separate tokens ("Garcia-Peña"). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out = rawTokens(text, from, to) as Token[];
  for (const t of out) t.norm = fold(t.text).replace(/'s$/, '');
  return out;
}

type RawToken = Omit<Token, 'norm'>;

function rawTokens(text: string, from: number, to: number): RawToken[] {
  const out: RawToken[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(slice))) out.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

export const STOPWORDS = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each either few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ' +
    'ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves s t don didn doesn isn wasn weren won wouldn shouldn couldn hasn haven hadn aren ll re ve ' +
    'said says say told tell according added adding reported reports one whose may might must shall also even still yet ' +
    'however although though despite among amid within without upon onto via per like unlike mr mrs ms dr ' +
    'this week today yesterday tomorrow year years time times new')
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * A light suffix stripper (in the spirit of Porter's stemmer, but conservative): enough to join
 * "mediate"/"mediator"/"mediation", "seizure"/"seizures"/"seized", "producer"/"production".
 */
const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    cached = stemUncached(word);
    // Bounded: a runaway vocabulary (hostile input) must not grow the cache forever.
    if (stemCache.size > 200000) stemCache.clear();
    stemCache.set(word, cached);
  }
  return cached;
}

function stemUncached(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) w = w.slice(0, -1);
  const rules: [RegExp, string][] = [
    [/ational$/, 'ate'], [/ization$/, 'ize'], [/isation$/, 'ize'], [/fulness$/, 'ful'], [/iveness$/, 'ive'],
    [/ency$/, 'ent'], [/ancy$/, 'ant'], [/ically$/, 'ic'], [/ously$/, 'ous'], [/ingly$/, ''], [/edly$/, ''], [/ly$/, ''],
    [/ments?$/, ''], [/ness$/, ''], [/ations?$/, ''], [/itions?$/, ''], [/tions?$/, 't'], [/sions?$/, 's'],
    [/ators?$/, ''], [/ers?$/, ''], [/ors?$/, ''], [/ures?$/, ''], [/ing$/, ''], [/ied$/, 'y'], [/ed$/, ''],
    [/ates?$/, ''], [/ive$/, ''], [/ity$/, ''], [/al$/, ''], [/e$/, ''],
  ];
  for (const [re, rep] of rules) {
    if (!re.test(w)) continue;
    const cand = w.replace(re, rep);
    if (cand.length >= 4 || (cand.length >= 3 && /[aeiou]/.test(cand))) { w = cand; break; }
  }
  // Doubled final consonant from inflection: "stopped" -> "stopp" -> "stop".
  if (/([^aeiouslz])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

/**
 * General-English concept groups: words a reporter uses interchangeably for one idea. A word in a
 * group also yields the group's concept term, so "arrived" ~ "entered", "spat" ~ "disagreement".
 * Entries are stemmed when the table is built; multi-word entries are matched as phrases.
 */
const CONCEPTS: Record<string, string[]> = {
  arrive: ['arrive', 'arrival', 'enter', 'entered', 'entry', 'come', 'came', 'reach', 'reached', 'land', 'landed', 'show up', 'turned up'],
  leave: ['leave', 'left', 'depart', 'departure', 'exit', 'walk away', 'walked out'],
  door: ['door', 'doorway', 'entrance', 'gate', 'side door', 'back door', 'side entrance'],
  quiet: ['quiet', 'quietly', 'discreet', 'discreetly', 'low-profile', 'low profile', 'low key', 'low-key', 'private', 'privately', 'behind closed doors', 'secret', 'secretly', 'unannounced'],
  ceremony: ['fanfare', 'ceremony', 'ceremonial', 'pomp', 'reception', 'welcome', 'honor guard', 'honour guard', 'red carpet', 'flags', 'protocol', 'official welcome'],
  press: ['media', 'press', 'reporters', 'journalists', 'cameras', 'correspondents', 'newsmen'],
  meet: ['meet', 'meeting', 'met', 'talks', 'encounter', 'summit', 'visit', 'sit-down', 'face-to-face', 'audience'],
  talk: ['conversation', 'discussion', 'discuss', 'dialogue', 'dialog', 'chat', 'exchange'],
  phone: ['phone', 'telephone', 'call', 'phoned', 'rang', 'phone call'],
  warm: ['warm', 'warmly', 'cordial', 'cordially', 'friendly', 'positive', 'positively', 'constructive', 'amicable', 'upbeat', 'cordiality', 'productive', 'pleasant'],
  tense: ['tension', 'tensions', 'tense', 'strained', 'frosty', 'hostile', 'hostility', 'friction', 'acrimony'],
  dispute: ['spat', 'dispute', 'disagreement', 'row', 'feud', 'quarrel', 'clash', 'rift', 'conflict', 'standoff', 'falling-out', 'falling out', 'tiff', 'squabble'],
  mediate: ['mediate', 'mediator', 'mediation', 'broker', 'intercede', 'intermediary', 'arbitrate', 'go-between', 'facilitate'],
  help: ['help', 'assist', 'assistance', 'aid', 'support', 'cooperate', 'cooperation', 'collaborate'],
  capture: ['capture', 'arrest', 'catch', 'detain', 'apprehend', 'seize', 'nab', 'extradite', 'extradition', 'hunt down', 'bring to justice'],
  give: ['give', 'gave', 'hand', 'handed', 'provide', 'provided', 'deliver', 'delivered', 'present', 'presented', 'submit', 'submitted', 'share', 'shared', 'pass', 'passed on', 'supply'],
  ask: ['ask', 'asked', 'request', 'requested', 'urge', 'urged', 'call on', 'called on', 'appeal', 'plead', 'press for', 'seek', 'sought'],
  list: ['names', 'list', 'identities', 'dossier', 'roster'],
  criminal: ['trafficker', 'traffickers', 'smuggler', 'smugglers', 'dealer', 'dealers', 'cartel', 'cartels', 'kingpin', 'drug lord', 'gang', 'gangs', 'narco', 'narcos', 'criminals'],
  drug: ['drug', 'drugs', 'narcotic', 'narcotics', 'cocaine', 'coca', 'heroin', 'fentanyl', 'opioid', 'marijuana'],
  photo: ['photo', 'photograph', 'picture', 'image', 'snapshot', 'pictures', 'images', 'footage'],
  note: ['note', 'letter', 'message', 'handwritten', 'card', 'inscription', 'written'],
  leader: ['leader', 'president', 'head of state', 'premier', 'prime minister', 'chancellor', 'monarch', 'king', 'ruler'],
  official: ['official', 'officials', 'authorities', 'government', 'administration', 'ministry', 'minister', 'aides', 'aide'],
  military: ['military', 'army', 'troops', 'armed forces', 'soldiers', 'navy', 'forces'],
  attack: ['strike', 'strikes', 'attack', 'raid', 'bombing', 'airstrike', 'air strike', 'assault', 'offensive', 'bombardment', 'shelling'],
  boat: ['boat', 'boats', 'vessel', 'vessels', 'ship', 'ships', 'speedboat'],
  country: ['country', 'nation', 'state', 'republic', 'countries', 'nations'],
  big: ['big', 'biggest', 'large', 'largest', 'top', 'major', 'greatest', 'main', 'chief', 'primary', 'principal', 'foremost', 'huge', 'massive'],
  small: ['small', 'smallest', 'minor', 'tiny', 'little'],
  produce: ['producer', 'production', 'produce', 'grower', 'grow', 'cultivation', 'cultivate', 'output', 'manufacture', 'maker'],
  data: ['data', 'figures', 'statistics', 'stats', 'numbers', 'results', 'evidence', 'record'],
  seizure: ['seizure', 'seizures', 'seized', 'confiscation', 'confiscated', 'interdiction', 'interception', 'intercepted', 'haul', 'bust'],
  sanction: ['sanction', 'sanctions', 'sanctioned', 'penalty', 'penalties', 'blacklist', 'blacklisted', 'embargo', 'restrictions'],
  criticize: ['criticize', 'criticise', 'criticized', 'criticised', 'critical', 'condemn', 'condemned', 'denounce', 'denounced', 'slam', 'slammed', 'attack', 'blast', 'lambast', 'rebuke', 'insult', 'insults', 'barbs'],
  praise: ['praise', 'praised', 'compliment', 'complimented', 'hail', 'hailed', 'laud', 'lauded', 'commend', 'flattery', 'flatter'],
  increase: ['rise', 'rising', 'risen', 'rose', 'climb', 'climbed', 'surge', 'surged', 'increase', 'increased', 'grow', 'grew', 'growth', 'soar', 'soared', 'jump', 'jumped', 'spike', 'up'],
  decrease: ['fall', 'fell', 'fallen', 'decline', 'declined', 'drop', 'dropped', 'decrease', 'decreased', 'plunge', 'plunged', 'shrink', 'shrank', 'cut', 'reduce', 'reduced', 'slump'],
  kill: ['kill', 'killed', 'death', 'deaths', 'dead', 'die', 'died', 'fatalities', 'lives', 'slain', 'toll'],
  accuse: ['accuse', 'accused', 'allege', 'alleged', 'allegation', 'allegations', 'charge', 'charged', 'blame', 'blamed', 'claim', 'claimed'],
  deny: ['deny', 'denied', 'denies', 'denial', 'reject', 'rejected', 'refute', 'refuted', 'dismiss', 'dismissed', 'rebuff'],
  threaten: ['threaten', 'threatened', 'threat', 'threats', 'warn', 'warned', 'warning', 'menace', 'ultimatum'],
  agree: ['agree', 'agreed', 'agreement', 'accept', 'accepted', 'consent', 'deal', 'accord', 'pact', 'treaty', 'settle', 'settlement', 'approve', 'approved'],
  refuse: ['refuse', 'refused', 'decline', 'declined', 'reject', 'veto', 'block', 'blocked', 'oppose'],
  hour: ['hour', 'hours', 'hour-long', 'two-hour'],
  minute: ['minute', 'minutes'],
  day: ['day', 'days', 'daily'],
  month: ['month', 'months', 'monthly'],
  year_: ['annual', 'annually', 'yearly', 'per year', 'a year'],
  money: ['dollar', 'dollars', 'usd', 'euro', 'euros', 'money', 'funds', 'funding', 'cash', 'budget', 'aid package'],
  trade: ['trade', 'commerce', 'exports', 'imports', 'tariff', 'tariffs', 'trading'],
  migrant: ['migrant', 'migrants', 'immigrant', 'immigrants', 'refugee', 'refugees', 'deportee', 'deportees', 'asylum seekers'],
  deport: ['deport', 'deported', 'deportation', 'deportations', 'expel', 'expelled', 'expulsion', 'repatriate', 'repatriation', 'removal'],
  flight: ['flight', 'flights', 'plane', 'planes', 'aircraft', 'jet', 'airlift'],
  elect: ['elect', 'elected', 'election', 'vote', 'voted', 'ballot', 'poll', 'polls', 'won the presidency'],
  rebel: ['rebel', 'rebels', 'guerrilla', 'guerrillas', 'insurgent', 'insurgents', 'militant', 'militants', 'paramilitary', 'paramilitaries'],
  terror: ['terrorist', 'terrorists', 'terrorism', 'narcoterrorists', 'narcoterrorism', 'extremist', 'extremists'],
  ally: ['ally', 'allies', 'allied', 'partner', 'partners', 'partnership', 'friend', 'supporter', 'backer'],
  relation: ['relationship', 'relations', 'ties', 'bond', 'rapport', 'rapprochement'],
  security: ['security', 'safety', 'defense', 'defence'],
  illegal: ['illegal', 'illegally', 'illicit', 'unlawful', 'criminal', 'crime', 'crimes'],
  invite: ['invite', 'invited', 'invitation', 'host', 'hosted'],
  change: ['change', 'changed', 'shift', 'shifted', 'soften', 'softened', 'turn', 'turned', 'thaw', 'evolve'],
  begin: ['begin', 'began', 'begun', 'start', 'started', 'launch', 'launched', 'open', 'opened', 'kick off', 'commence'],
  end: ['end', 'ended', 'finish', 'finished', 'conclude', 'concluded', 'close', 'closed', 'wrap up'],
  speech: ['speech', 'remarks', 'comments', 'statement', 'address', 'monologue', 'monologues', 'interview'],
  designer: ['design', 'designer', 'decor', 'decoration', 'renovation', 'renovations', 'refurbishment', 'makeover'],
  beautiful: ['beautiful', 'spectacular', 'stunning', 'gorgeous', 'magnificent', 'lovely', 'impressive'],
  honor: ['honor', 'honour', 'privilege', 'pleasure'],
  love: ['love', 'adore', 'admire', 'fond'],
  shake: ['shake', 'shook', 'shaking', 'handshake', 'shook hands', 'embrace', 'hug'],
  smile: ['smile', 'smiling', 'smiled', 'smiles', 'grin', 'grinning', 'laugh', 'laughing'],
  allow: ['allow', 'allowed', 'permit', 'permitted', 'access', 'let in', 'admitted', 'admit'],
  long: ['roughly', 'nearly', 'about', 'around', 'approximately', 'almost', 'some'],
  many: ['many', 'several', 'numerous', 'multiple', 'various'],
  former: ['former', 'ex', 'previous', 'onetime', 'one-time', 'erstwhile'],
  surprise: ['surprise', 'surprising', 'surprised', 'unexpected', 'unexpectedly', 'astonishing', 'shock'],
  difference: ['difference', 'differences', 'different', 'contradiction', 'contradictions', 'divergence', 'gap', 'opposite'],
  cooperation: ['cooperation', 'collaboration', 'coordination', 'partnership', 'joint'],
  progress: ['progress', 'improvement', 'improve', 'improved', 'advance', 'gains', 'success'],
  effort: ['effort', 'efforts', 'campaign', 'push', 'drive', 'initiative', 'program', 'programme', 'programs', 'policy'],
  delay: ['delay', 'delayed', 'delays', 'late', 'postpone', 'postponed', 'behind schedule', 'pushed back', 'setback', 'overdue'],
  resign: ['resign', 'resigned', 'resignation', 'step down', 'stepped down', 'quit', 'quits', 'leave office', 'ousted', 'retire', 'retired', 'retirement'],
  appoint: ['appoint', 'appointed', 'appointment', 'nominate', 'nominated', 'choose', 'chosen', 'successor', 'succeed', 'replace'],
  announce: ['announce', 'announced', 'announcement', 'unveil', 'unveiled', 'introduce', 'introduced', 'reveal', 'revealed', 'launch', 'launched', 'present', 'presented', 'disclose'],
  buy: ['buy', 'bought', 'purchase', 'purchased', 'acquire', 'acquired', 'acquisition', 'order', 'ordered', 'orders', 'takeover'],
  sell: ['sell', 'sold', 'sale', 'sales', 'selling', 'deliveries', 'delivery'],
  profit: ['profit', 'profits', 'earnings', 'income', 'revenue', 'revenues', 'gain'],
  loss: ['loss', 'losses', 'deficit', 'shortfall', 'slip', 'slipped', 'slump'],
  bankrupt: ['bankrupt', 'bankruptcy', 'insolvency', 'insolvent', 'chapter 11', 'receivership', 'collapse'],
  layoff: ['layoff', 'layoffs', 'lay off', 'job cuts', 'cut jobs', 'redundancies', 'fired', 'dismissal', 'sacked'],
  plan: ['plan', 'plans', 'proposal', 'proposed', 'scheme', 'blueprint', 'strategy', 'roadmap'],
  investigate: ['investigate', 'investigation', 'probe', 'probing', 'inquiry', 'enquiry', 'inspect', 'inspection', 'review', 'examine', 'audit'],
  accident: ['accident', 'crash', 'crashed', 'collision', 'incident', 'mishap', 'disaster', 'wreck'],
  injure: ['injure', 'injured', 'injuries', 'wounded', 'hurt', 'casualties'],
  passenger: ['passenger', 'passengers', 'travellers', 'travelers', 'people', 'riders', 'seats'],
  aircraft: ['aircraft', 'airplane', 'aeroplane', 'plane', 'jet', 'jetliner', 'airliner', 'superjumbo'],
  company: ['company', 'firm', 'corporation', 'group', 'carmaker', 'automaker', 'manufacturer', 'maker', 'business'],
  court: ['court', 'judge', 'tribunal', 'lawsuit', 'sued', 'sue', 'trial', 'ruling', 'verdict'],
  protest: ['protest', 'protests', 'demonstration', 'demonstrators', 'rally', 'march', 'protesters', 'unrest'],
  vote_: ['law', 'bill', 'legislation', 'measure', 'act'],
  absent: ['without', 'no', 'none', 'lack', 'lacking', 'absent', 'absence', 'never', 'nor'],
  eradicate: ['eradication', 'eradicate', 'destruction', 'destroy', 'destroyed', 'uproot', 'spraying', 'fumigation'],
};

interface ConceptTables {
  /** Word (folded, stemmed) -> concept ids. */
  ofStem: Map<string, string[]>;
  /** Phrase (folded words joined by space) -> concept ids. */
  phrases: Map<string, string[]>;
  maxPhrase: number;
  phraseStarts: Set<string>;
}

let conceptTables: ConceptTables | undefined;

/** Stemming every concept word takes tens of ms: built on the first analysis, not at load (activation). */
function concepts(): ConceptTables {
  if (conceptTables) return conceptTables;
  const ofStem = new Map<string, string[]>();
  const phrases = new Map<string, string[]>();
  for (const [id, words] of Object.entries(CONCEPTS)) {
    for (const w of words) {
      const parts = fold(w).split(/[\s-]+/).filter(Boolean);
      const key = parts.map(stem).join(' ');
      const map = parts.length > 1 ? phrases : ofStem;
      const list = map.get(key) ?? [];
      if (!list.includes(id)) list.push(id);
      map.set(key, list);
    }
  }
  const maxPhrase = Math.max(...[...phrases.keys()].map((k) => k.split(' ').length));
  const phraseStarts = new Set([...phrases.keys()].map((k) => k.split(' ')[0]));
  return (conceptTables = { ofStem, phrases, maxPhrase, phraseStarts });
}

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11 };
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, dozen: 12,
};

/** Words that are figures or date names, precomputed: this runs on every word of every sentence. */
const WORD_FIGURES = new Map<string, string>();
for (const [w, n] of Object.entries(NUMBER_WORDS)) if (w !== 'one') WORD_FIGURES.set(w, `#${n}`);
// "may" and "march" are too often verbs to count as months without a number beside them.
MONTHS.forEach((m, i) => m !== 'may' && m !== 'march' && WORD_FIGURES.set(m, `@m${i + 1}`));
for (const [m, i] of Object.entries(MONTH_ABBR)) WORD_FIGURES.set(m, `@m${i + 1}`);
WEEKDAYS.forEach((d, i) => WORD_FIGURES.set(d, `@d${i + 1}`));

/** "7", "seven" -> "#7"; "1,000" -> "#1000"; months and weekdays get "@" terms. Null when not a figure or date word. */
export function figureTerm(norm: string): string | null {
  const c = norm.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const n = Number(norm.replace(/,/g, ''));
    return Number.isFinite(n) ? `#${n}` : null;
  }
  return WORD_FIGURES.get(norm) ?? null;
}

export interface TermBag {
  /** Content terms: stems ("s:"), concepts ("c:"), figures ("#", "@"), names ("n:"). Each at most once. */
  terms: Set<string>;
  /** Per content word of the text: the terms it contributes (so a word scores once, by its best term). */
  groups: string[][];
  /** Folded content words and figures, in order: for character n-gram similarity and the search index. */
  words: string[];
}

/** Everything matching needs to know about one word form, computed once per distinct form. */
interface WordInfo {
  norm: string;
  stem: string;
  figure: string | null;
  stop: boolean;
  /** Capitalised, not a stop word or figure: a name when not sentence-initial. */
  capital: boolean;
  /** Interned terms: the stem's, the name's, and the concepts' (of the stem, or of the word for stop words). */
  stemTerm: string;
  nameTerm: string;
  concepts: string[];
}

const wordCache = new Map<string, WordInfo>();

function wordInfo(raw: string): WordInfo {
  let info = wordCache.get(raw);
  if (info) return info;
  const norm = fold(raw).replace(/'s$/, '');
  const st = stem(norm);
  const figure = figureTerm(norm);
  const stop = STOPWORDS.has(norm) || norm.length < 2;
  info = {
    norm,
    stem: st,
    figure,
    stop,
    capital: /^\p{Lu}/u.test(raw) && !stop && !figure,
    stemTerm: shared(`s:${st}`),
    nameTerm: shared(`n:${norm}`),
    concepts: (concepts().ofStem.get(stop ? norm : st) ?? []).map((c) => shared(`c:${c}`)),
  };
  if (wordCache.size > 300000) wordCache.clear();
  wordCache.set(raw, info);
  return info;
}

/** Longer runs of capitalised words are headlines or shouting, not one name. */
const MAX_NAME_WORDS = 6;

/** A capitalised word that does not open the sentence (or follow a colon or quote) is taken as a name. */
function isName(info: WordInfo, tok: RawToken, prev: RawToken | undefined, text: string): boolean {
  if (!info.capital || !prev) return false;
  for (let i = tok.start - 1; i >= prev.end; i--) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    return !'.!?:"“'.includes(c);
  }
  return true;
}

/**
 * The matching terms of text[from, to): stems of content words, concept ids of words and
 * phrases, figures and dates, and capitalised names.
 */
export function termBag(text: string, from = 0, to = text.length): TermBag {
  const toks = rawTokens(text, from, to);
  const infos = toks.map((t) => wordInfo(t.text));
  const terms = new Set<string>();
  const groups: string[][] = [];
  const words: string[] = [];
  const used = new Set<number>();
  const { phrases, maxPhrase, phraseStarts } = concepts();
  // Phrases first ("side door", "head of state"), longest first.
  for (let i = 0; i < toks.length; i++) {
    if (!phraseStarts.has(infos[i].stem)) continue;
    for (let n = Math.min(maxPhrase, toks.length - i); n >= 2; n--) {
      const ids = phrases.get(infos.slice(i, i + n).map((x) => x.stem).join(' '));
      if (!ids) continue;
      const g = ids.map((c) => shared(`c:${c}`));
      for (let k = i; k < i + n; k++) {
        used.add(k);
        if (!infos[k].stop) {
          g.push(infos[k].stemTerm);
          words.push(infos[k].norm);
        }
      }
      groups.push(g);
      break;
    }
  }
  let nameRun: string[] | null = null;
  let nameRunWords = 0;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    const info = infos[i];
    const name = !used.has(i) && isName(info, tok, toks[i - 1], text);
    // A run of capitalised words ("White House", "Gustavo Petro") is one group: it names one thing.
    const continues = name && nameRun && nameRunWords < MAX_NAME_WORDS && /^[\s-]*$/.test(text.slice(toks[i - 1].end, tok.start));
    nameRunWords = continues ? nameRunWords + 1 : 1;
    if (!continues) nameRun = null;
    if (info.figure) {
      groups.push([shared(info.figure)]);
      words.push(info.norm);
      continue;
    }
    if (used.has(i)) continue;
    if (info.stop) {
      // Function words that carry polarity ("without", "no") still meet their concept.
      if (info.concepts.length) groups.push([...info.concepts]);
      continue;
    }
    const g: string[] = nameRun ?? [];
    g.push(info.stemTerm, ...info.concepts);
    if (name) g.push(info.nameTerm);
    if (!nameRun) groups.push(g);
    nameRun = name ? g : null;
    words.push(info.norm);
  }
  for (const g of groups) for (const t of g) terms.add(t);
  return { terms, groups, words };
}

/** Character trigrams of a word list (each word padded), for typo- and inflection-tolerant similarity. */
export function trigrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const p = ` ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  }
  return out;
}

/** Dice coefficient of two sets. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}
