// Cues that make a sentence a claim worth checking: figures, trends, superlatives, causal and
// evaluative assertions, and hedges. General English word lists only. Each function reads a
// sentence whose quoted words are already blanked (the speaker's words are not the reporter's).
import { tokenize, type Token } from './claimText';
import type { TextSpan } from './types';

export type AssertionRule = 'figure' | 'trend' | 'superlative' | 'causal' | 'evaluative';
export type HedgeRule = 'unproven' | 'alleged' | 'disputed' | 'denied' | 'reportedly';

export interface Cue extends TextSpan {
  rule: string;
}

const TIME_UNITS = new Set(['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'a.m', 'p.m', 'am', 'pm', 'a.m.', 'p.m.', 'o\'clock', 'gmt', 'utc', 'et', 'pt']);

/** Every match of the global `re` in `text` as a cue (an exec loop: cheaper than a generator over matchAll). */
function matches(re: RegExp, text: string, base: number, rule: string): Cue[] {
  const out: Cue[] = [];
  re.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = re.exec(text)); ) {
    if (!m[0].length) { re.lastIndex++; continue; }
    out.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], rule });
  }
  return out;
}

const MONEY = /(?:\b(?:US|USD|C|A|NZ|HK|R)?[$€£¥₹]\s?\d[\d,.]{0,18}(?:\s?(?:million|billion|trillion|bn|mn|m|k)\b)?)|\b\d[\d,.]{0,18}\s?(?:million|billion|trillion)?\s?(?:dollars|euros|pounds|pesos|yen|yuan|rupees|reais|rubles|roubles)\b|\b(?:millions|billions|trillions|hundreds of millions|tens of millions|hundreds of thousands|tens of thousands) of\s+\w+/gi;
const PERCENT = /\b\d+(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b|percentage points?\b)/gi;
const LARGE = /\b\d[\d,.]{0,18}\s(?:million|billion|trillion)\b|\b(?:a|one|several|two|three|hundreds of|thousands of)\s(?:million|billion|trillion)\b|\bthousands of\s+\w+/gi;
const NUM = String.raw`(?:\d{1,3}(?:,\d{3}){1,6}|\d{1,15}(?:\.\d{1,6})?)`;
const BOUNDED = new RegExp(String.raw`\b(?:more|fewer|less) than\s+(?:${NUM}|a (?:hundred|thousand|million|billion)|(?:a )?(?:dozen|hundred|thousand|million|billion))\s+([\p{L}.]+)|\b(?:at least|as many as|up to|nearly|almost|over|about|around|roughly|an estimated|approximately|some)\s+(${NUM})\s+([\p{L}.]+)`, 'giu');
// A count of at least 100 things: "228 people", "840 confirmed orders". Model numbers ("KC-45",
// "787-8", "Boeing 787 Dreamliner") are not counts: no letter, hyphen or capitalised noun around them.
const BARE = new RegExp(String.raw`(?<![\p{L}\d.,$€£#\u2010\u2011-])(\d{1,3}(?:,\d{3}){1,6}|\d{3,15})(?![\d.,]{0,20}[\p{L}\d\u2010\u2011-])\s+(?:(\p{Ll}+)\s+)?(\p{Ll}+)`, 'gu');
const COUNT_NOUNS = new Set(['people', 'aircraft', 'staff', 'personnel', 'police', 'troops', 'cattle', 'children', 'livestock', 'military', 'crew', 'media', 'press']);

/** Figures that state a quantity: money, percentages, counts. Dates, times and durations are not figures. */
export function figureCues(masked: string, base: number): Cue[] {
  if (!/\d|illion|thousand|hundred|dozen/i.test(masked)) return [];
  const out: Cue[] = [...matches(MONEY, masked, base, 'figure'), ...matches(PERCENT, masked, base, 'figure'), ...matches(LARGE, masked, base, 'figure')];
  for (const m of masked.matchAll(BOUNDED)) {
    const unit = (m[1] ?? m[3] ?? '').toLowerCase().replace(/\.$/, '');
    if (TIME_UNITS.has(unit)) continue;
    if (m[2] && /^\d{4}$/.test(m[2]) && +m[2] >= 1800 && +m[2] <= 2100) continue; // "around 2020": a year
    const text = m[0].replace(/\.$/, '');
    out.push({ start: base + m.index!, end: base + m.index! + text.length, text, rule: 'figure' });
  }
  for (const m of masked.matchAll(BARE)) {
    const digits = m[1].replace(/,/g, '');
    const noun = m[3];
    if (/^\d{4}$/.test(digits) && +digits >= 1800 && +digits <= 2100) continue; // a year
    if (+digits < 100 || TIME_UNITS.has(noun)) continue;
    if (!COUNT_NOUNS.has(noun) && !(/s$/.test(noun) && !/ss$/.test(noun))) continue;
    const end = m.index! + m[0].length;
    out.push({ start: base + m.index!, end: base + end, text: m[0], rule: 'figure' });
  }
  return dedupe(out);
}

const QUANTITY_NOUNS = new Set(
  ('production output exports export imports import prices price rates rate numbers number cases deaths killings homicides murders ' +
    'inflation unemployment crime violence cultivation seizures spending debt deficit growth revenue revenues profits profit sales ' +
    'population emissions levels level arrests attacks flows flow trade investment investments costs cost wages income poverty ' +
    'consumption demand supply shipments trafficking acreage hectares yields').split(' '),
);
const TREND_VERBS = new Set(
  ('surged soared rose risen rising climbed climbing jumped plunged plummeted declined declining dropped fallen falling fell doubled ' +
    'tripled halved skyrocketed spiked increased increasing decreased decreasing grew grown growing shrank shrunk shrinking surging soaring ' +
    'exploded ballooned tumbled slumped').split(' '),
);

/** "coca production has surged": a change in a measured quantity. */
export function trendCues(masked: string, base: number, tokens?: Token[]): Cue[] {
  if (!TREND_HINT.test(masked)) return [];
  tokens ??= tokenize(masked, base);
  const out: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!TREND_VERBS.has(tokens[i].lower)) continue;
    // Needs a quantity noun as subject a few words before, with no clause break in between.
    for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
      if (!tokens[j].word) break;
      if (QUANTITY_NOUNS.has(tokens[j].lower)) {
        const prevAux = tokens[i - 1]?.lower;
        // A participle used as an adjective ("rising tension") has no subject before it.
        if (j === i - 1 && !/ed$/.test(tokens[i].lower) && prevAux !== 'been') break;
        out.push({ start: tokens[j].start, end: tokens[i].end, text: masked.slice(tokens[j].start - base, tokens[i].end - base), rule: 'trend' });
        break;
      }
    }
  }
  return out;
}

const SUPERLATIVES = new Set(
  ('largest biggest top leading highest lowest greatest smallest richest poorest deadliest worst best fastest strongest weakest ' +
    'oldest youngest longest closest staunchest most least busiest safest most-wanted no.1').split(' '),
);
const SCOPE_OWNERS = new Set(['world', 'country', 'nation', 'region', 'continent', 'history', 'planet', 'state', 'city', 'industry', 'sector']);
const SCOPE_AFTER = /^\s*(?:[\p{L}-]+\s+){0,4}?(?:in the world|in history|ever|on record|of all time|worldwide|globally|in (?:latin america|europe|asia|africa|the region|the country|the americas|the hemisphere))\b/iu;

/** "the world's largest producer", "the deadliest on record": superlatives with a scope. */
export function superlativeCues(masked: string, base: number, tokens?: Token[]): Cue[] {
  if (!SUPERLATIVE_HINT.test(masked)) return [];
  tokens ??= tokenize(masked, base);
  const out: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!SUPERLATIVES.has(t.lower)) continue;
    const owner = tokens[i - 1];
    const two = tokens.slice(Math.max(0, i - 3), i).map((x) => x.lower).join(' ');
    if (/\bone of\b/.test(two) || /\bone of the\b/.test(tokens.slice(Math.max(0, i - 4), i).map((x) => x.lower).join(' '))) continue;
    const possessive = owner && /['’]s$/.test(owner.text) && (SCOPE_OWNERS.has(owner.lower) || /^\p{Lu}/u.test(owner.text));
    const scoped = SCOPE_AFTER.test(masked.slice(t.end - base, t.end - base + 120));
    if (possessive || scoped) {
      const s = possessive ? owner.start : t.start;
      const next = tokens[i + 1]?.word ? tokens[i + 1] : t;
      out.push({ start: s, end: next.end, text: masked.slice(s - base, next.end - base), rule: 'superlative' });
    }
  }
  return out;
}

const CAUSAL = /\b(?:because of|due to|as a result of|caused by|blamed (?:for|on)|led to|leads to|lead to|leading to|resulted in|results in|result in|triggered|fuell?ed|sparked|driven by)\b/gi;
/** Substrings every CAUSAL match contains (lower-case ASCII, so a superset test). */
const CAUSAL_WORDS = ['because of', 'due to', 'result', 'caused by', 'blamed', 'led to', 'lead', 'triggered', 'fuel', 'sparked', 'driven by'];
const DUE_TO_CAUSE = /^\s+(?:the|a|an|his|her|its|their|this|that|these|those|what|high|low|poor|bad|lack|[\p{L}-]+(?:ing|ion|ions|ity|ment|ments|ness|ies|es|s))\b/iu;

/** "These differences have led to repeated clashes": a cause asserted in the main clause. */
export function causalCues(masked: string, base: number): Cue[] {
  const out: Cue[] = [];
  const lower = masked.toLowerCase();
  if (!CAUSAL_WORDS.some((w) => lower.includes(w))) return out;
  for (const c of matches(CAUSAL, masked, base, 'causal')) {
    const before = masked.slice(Math.max(0, c.start - base - 80), c.start - base);
    // Background in a relative clause ("the decision that triggered …") is not the sentence's claim.
    if (/\b(?:that|which|who|whose)\s+(?:\S+\s+){0,2}$/i.test(before)) continue;
    // "was due to fly" is a schedule; "due to the delays" / "due to worsening relations" is a cause.
    if (/^due to$/i.test(c.text) && !DUE_TO_CAUSE.test(masked.slice(c.end - base, c.end - base + 60))) continue;
    out.push(c);
  }
  return out;
}

const EVALUATIVE = /\b(?:is|are|was|were|be|been|remains?|marks?|represents?)\s+(?:(?:already|clearly|undoubtedly|certainly|nothing short of)\s+)?(?:(?:a|an|the)\s+)?(?:[\p{L}-]+\s+)?(?:victory|success|failure|triumph|disaster|fiasco|mistake|blunder|defeat|humiliation|catastrophe|breakthrough|debacle|setback|scandal|disgrace|masterstroke|betrayal)\b/giu;

/** "the meeting itself is already a victory": a judgement in the reporter's voice. */
export function evaluativeCues(masked: string, base: number): Cue[] {
  if (!EVALUATIVE_HINT.test(masked)) return [];
  return matches(EVALUATIVE, masked, base, 'evaluative');
}

const HEDGES: [HedgeRule, RegExp][] = [
  ['unproven', /\b(?:unproven|unverified|unconfirmed|unsubstantiated|without (?:providing |offering |giving |citing |presenting )?(?:any )?evidence|(?:provided|offered|gave|presented|cited|produced) no evidence|no evidence|could not (?:be )?(?:independently )?(?:verified|confirmed|verify|confirm)|(?:has|have|had) not (?:been )?(?:independently )?(?:verified|confirmed))\b/gi],
  ['alleged', /\b(?:alleged(?:ly)?|allegations?|purported(?:ly)?|supposedly)\b/gi],
  ['disputed', /\b(?:a matter of (?:dispute|debate|contention)|(?:hotly |widely )?disputed|in dispute)\b/gi],
  ['denied', /\b(?:denied|denies|denying|denial)\b/gi],
  ['reportedly', /\b(?:reportedly|apparently|seemingly|ostensibly|(?:is|are|was|were) (?:said|believed|thought|rumou?red) to)\b/gi],
];

/** Hedges that mark a claim as unproven, alleged, disputed, denied or second-hand. */
export function hedgeCues(masked: string, base: number): Cue[] {
  const out: Cue[] = [];
  const lower = masked.toLowerCase();
  for (const [rule, re] of HEDGES) {
    // Most sentences hold none of a rule's words: a substring test skips its regex.
    if (!HEDGE_WORDS[rule].some((w) => lower.includes(w))) continue;
    out.push(...matches(re, masked, base, rule));
  }
  return out;
}

/** Substrings every match of each hedge rule contains (lower-case ASCII, so a superset test). */
const HEDGE_WORDS: Record<HedgeRule, string[]> = {
  unproven: ['unproven', 'unverified', 'unconfirmed', 'unsubstantiated', 'evidence', 'verif', 'confirm'],
  alleged: ['alleg', 'purport', 'supposedly'],
  disputed: ['a matter of', 'disputed', 'in dispute'],
  denied: ['deni'],
  reportedly: ['reportedly', 'apparently', 'seemingly', 'ostensibly', 'said to', 'believed to', 'thought to', 'rumo'],
};

export function assertionCues(masked: string, base: number, tokens?: Token[]): Cue[] {
  return [...figureCues(masked, base), ...trendCues(masked, base, tokens), ...superlativeCues(masked, base, tokens), ...causalCues(masked, base), ...evaluativeCues(masked, base)];
}

// Cheap tests that rule a sentence out before the finer, slower matching.
const TREND_HINT = /(?:surg|soar|rose|risen|rising|climb|jump|plung|plummet|declin|drop|fall|fell|doubl|tripl|halv|skyrocket|spik|increas|decreas|grew|grow|shr[iau]nk|explod|balloon|tumbl|slump)/i;
const SUPERLATIVE_HINT = /(?:est|most|least|top|leading|worst|best|no\.1)\b/i;
const EVALUATIVE_HINT = /victor|success|failure|triumph|disaster|fiasco|mistake|blunder|defeat|humiliat|catastroph|breakthrough|debacle|setback|scandal|disgrace|masterstroke|betrayal/i;

/** Drops cues that lie inside an earlier, longer one (one sweep, so linear after the sort). */
function dedupe(cues: Cue[]): Cue[] {
  cues.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Cue[] = [];
  let reach = -1;
  for (const c of cues) {
    if (c.end <= reach) continue;
    out.push(c);
    reach = Math.max(reach, c.end);
  }
  return out;
}
