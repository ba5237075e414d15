// Small text helpers shared by attribution and claim analysis: direct-quote regions, masking,
// and a tokenizer that keeps offsets. Pure functions over strings; no corpus state.
import type { Span } from './types';

export interface Token extends Span {
  text: string;
  /** Lower-case form, possessive removed ("Trump's" -> "trump"). */
  lower: string;
  /** True for words, false for punctuation. */
  word: boolean;
}

// Dotted abbreviations ("U.S."), words with inner apostrophes/hyphens, or one punctuation mark.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’\u2010\u2011.,-][\p{L}\p{N}]+)*|-{2,}|[^\s\p{L}\p{N}]/gu;

/** Tokens of `text` with offsets relative to `base`. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    const t = m[0];
    const c = t.charCodeAt(0);
    // ASCII (nearly every token) answered without the Unicode regex; the same test otherwise.
    const word = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : /[\p{L}\p{N}]/u.test(t[0]);
    const lc = t.toLowerCase();
    const last = lc.charCodeAt(lc.length - 1);
    out.push({ start: base + m.index, end: base + m.index + t.length, text: t, word, lower: last === 115 ? lc.replace(/['’]s$/, '') : lc });
  }
  return out;
}

const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);

/**
 * Interiors of direct quotes in text[from, to): straight double quotes pair up in order, curly
 * ones open and close. An unclosed quote runs to `to` (the paragraph end), where quotes never cross.
 */
export function quoteRegions(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    // Every quote mark is '"' or above U+00AA: skip the rest by code, not by string compare.
    const code = text.charCodeAt(i);
    if (code !== 34 && code < 0xab) continue;
    const c = text[i];
    if (c === '"') {
      if (open < 0) open = i + 1;
      else {
        out.push({ start: open, end: i });
        open = -1;
      }
    } else if (OPEN.has(c)) {
      if (open < 0) open = i + 1;
    } else if (CLOSE.has(c)) {
      if (open >= 0) out.push({ start: open, end: i });
      open = -1;
    }
  }
  if (open >= 0 && open < to) out.push({ start: open, end: to });
  return out;
}

/** The text of [start, end) with quoted interiors blanked to spaces, so offsets stay the same. */
export function maskQuotes(text: string, start: number, end: number, quotes: Span[]): string {
  let out = '';
  let at = start;
  for (const q of quotes) {
    const a = Math.max(q.start, at);
    const b = Math.min(q.end, end);
    if (b <= a) continue;
    out += text.slice(at, a) + ' '.repeat(b - a);
    at = b;
  }
  return out + text.slice(at, end);
}

/** Share of the non-space characters of [start, end) that lie inside quotes. */
export function quotedShare(text: string, start: number, end: number, quotes: Span[]): number {
  // Most sentences hold no quote: their share is 0 whatever the count of their characters.
  if (!quotes.some((q) => q.start < end && start < q.end)) return 0;
  const nonSpace = (a: number, b: number) => text.slice(a, b).replace(/\s+/g, '').length;
  const total = nonSpace(start, end);
  if (!total) return 0;
  let quoted = 0;
  for (const q of quotes) {
    const a = Math.max(q.start, start);
    const b = Math.min(q.end, end);
    if (b > a) quoted += nonSpace(a, b);
  }
  return quoted / total;
}

/** Clips spans to [start, end). */
export function spansWithin(spans: Span[], start: number, end: number): Span[] {
  return spans.filter((s) => s.start < end && start < s.end).map((s) => ({ start: Math.max(s.start, start), end: Math.min(s.end, end) }));
}

const STOP = new Set(
  ('a an the and or but nor of to in on at by for with from as into onto over under about after before than then that this these those ' +
    'is are was were be been being has have had do does did will would could should may might must can shall not no ' +
    'he she it they we i you him her them us me his hers its their our my your who whom whose which what when where why how ' +
    'also even just only very more most much many some any all both each other such so too there here while if because though ' +
    'said says say told according added one two three said last next first new year years month months week day days').split(' '),
);

/** A crude stem: enough to match "seizure"/"seizures", "accused"/"accuses", "rising"/"rise". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/[\u2010\u2011-]/g, '');
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && /(ing|ed)$/.test(w)) w = w.replace(/(ing|ed)$/, '');
  else if (w.length > 4 && w.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** True for words that carry content (not stop words, not numbers-only punctuation). */
export function isContentWord(lower: string): boolean {
  return lower.length > 2 && !STOP.has(lower) && /\p{L}/u.test(lower);
}
