// Sentence boundaries with exact offsets. Abbreviations ("U.S.", "Feb.", "Mr", "a.m.") and initials
// ("H. R. McMaster") do not end a sentence.
import type { TextSpan } from './types';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'cpt', 'sgt',
  'maj', 'adm', 'cmdr', 'pres', 'rev', 'hon', 'fr', 'supt', 'det', 'insp', 'atty', 'amb',
  'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ', 'assn', 'est', 'approx', 'no', 'nos', 'vol', 'vs', 'etc', 'al', 'fig', 'cf',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun', 'ave', 'blvd', 'rd', 'ft', 'km', 'mi', 'oz', 'lb', 'lbs',
]);

// Words that, after "U.S." or "a.m.", show a new sentence has begun.
const SENTENCE_OPENERS = new Set(['the', 'he', 'she', 'it', 'they', 'we', 'i', 'but', 'and', 'in', 'a', 'an', 'this', 'that', 'there', 'his', 'her', 'their', 'its', 'on', 'at', 'after', 'before', 'for', 'as', 'when', 'while', 'if']);

/** Splits text[from, to) into sentences, trimmed of surrounding space. */
export function splitSentences(text: string, from: number, to: number): TextSpan[] {
  const out: TextSpan[] = [];
  let start = skipSpace(text, from, to);
  // Candidate ends: terminal punctuation, optional closing quotes/brackets, then space. The space is
  // checked by hand, not by a lookahead: on a long run of periods a lookahead makes the scan quadratic.
  const re = /[.!?…]+["'”’)\]]*/g;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const end = m.index + m[0].length;
    if (end >= to) break;
    if (!/\s/.test(text[end])) continue;
    if (m[0][0] === '.' && m[0].length === 1 && !isBoundaryAfterPeriod(text, m.index, end, to)) continue;
    const next = skipSpace(text, end, to);
    if (next >= to) break;
    // A new sentence starts with a capital, a digit or an opening quote.
    if (!/[\p{Lu}\d"“‘'(\[-]/u.test(text[next])) continue;
    pushSentence(out, text, start, end);
    start = next;
  }
  if (start < to) pushSentence(out, text, start, trimRight(text, start, to));
  return out;
}

function pushSentence(out: TextSpan[], text: string, start: number, end: number) {
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}

function trimRight(text: string, from: number, to: number): number {
  while (to > from && /\s/.test(text[to - 1])) to--;
  return to;
}

/** Decides whether the period at `dot` ends a sentence. */
function isBoundaryAfterPeriod(text: string, dot: number, end: number, to: number): boolean {
  // The token before the period, back to the previous space.
  let s = dot;
  while (s > 0 && !/\s/.test(text[s - 1]) && dot - s < 30) s--;
  const token = text.slice(s, dot).replace(/^["'“‘(\[]+/, '');
  const word = token.toLowerCase();
  if (/^\p{L}$/u.test(token)) {
    // A single capital letter is an initial ("H. R. McMaster", "E. Molitor").
    if (/\p{Lu}/u.test(token)) return false;
  }
  if (ABBREVIATIONS.has(word)) {
    // "No." and "St." end sentences only rarely; months before a number never do.
    return false;
  }
  if (/^(?:\p{L}\.)+\p{L}$/u.test(token)) {
    // Dotted abbreviations: "U.S", "a.m", "e.g". They end a sentence only before a clear opener.
    const next = skipSpace(text, end, to);
    const w = /^[\p{L}]+/u.exec(text.slice(next, next + 20))?.[0].toLowerCase() ?? '';
    return SENTENCE_OPENERS.has(w) && /\p{Lu}/u.test(text[next] ?? '');
  }
  return true;
}
