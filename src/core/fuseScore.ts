// fuse.js's score of one record, computed without fuse.js, so the search can score many candidate
// passages cheaply and rank them exactly as `new Fuse(records, FUSE_OPTIONS).search(query)` would.
// Fuse (7.x, ignoreLocation) scores a field by its bitap search: the fewest edits (insertions,
// deletions, substitutions) that turn the lower-cased query into some substring of the lower-cased
// field, divided by the query length, floored at 0.001, no match above the threshold; 0 when the
// field equals the query. Patterns over 32 characters are searched in 32-character chunks and the
// chunk scores averaged. A record's score is the product over matched fields of
// score ^ (normalised key weight * field-length norm), the norm being 1/sqrt(whitespace tokens)
// rounded to 3 decimals. Here the edit distance comes from Myers' bit-parallel algorithm, which
// computes the same number as Fuse's bitap in one pass over the text instead of one per error level.
// test/unit/fuseScore.test.ts checks the equality against fuse.js itself.

/** The options of the fuse.js baseline (bench/child.ts) that the search reproduces. */
export const FUSE_KEYS = [
  { name: 'text', weight: 3 },
  { name: 'title', weight: 1 },
  { name: 'outlet', weight: 0.5 },
] as const;
export const FUSE_THRESHOLD = 0.35;
export const FUSE_OPTIONS = { keys: FUSE_KEYS.map((k) => ({ ...k })), includeScore: true, ignoreLocation: true, threshold: FUSE_THRESHOLD };

const MAX_BITS = 32;
const NON_ASCII = /[^\x00-\x7f]/;

/** Whitespace-separated tokens of a field value, as Fuse counts them for its field norm. */
export function fuseTokens(value: string): number {
  let tokens = 0;
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 9 && c <= 13) || c === 32 || c === 160)) {
      if (!inWord) {
        tokens++;
        inWord = true;
      }
    } else inWord = false;
  }
  return tokens;
}

const NORMS: number[] = [];
/** Fuse's field-length norm for a value of `tokens` tokens: 1/sqrt(tokens), 3 decimals. */
export function normOf(tokens: number): number {
  return (NORMS[tokens] ??= Math.round(1000 / Math.pow(Math.max(1, tokens), 0.5)) / 1000);
}

export const fuseNorm = (value: string) => normOf(fuseTokens(value));

/** Fuse skips blank field values: they neither match nor count. */
export const isBlank = (value: string) => !value.trim().length;

interface Chunk {
  pattern: string;
  /** Pattern bit masks of each character; ASCII ones also under their upper case (for raw text). */
  ascii: Int32Array;
  other: Map<number, number>;
  high: number;
  /** Most edits that still match: e / length <= threshold. */
  maxErrors: number;
}

function chunk(pattern: string, threshold: number): Chunk {
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c < 128) {
      ascii[c] |= 1 << i;
      if (c >= 97 && c <= 122) ascii[c - 32] |= 1 << i;
    } else other.set(c, (other.get(c) ?? 0) | (1 << i));
  }
  let maxErrors = 0;
  while (maxErrors + 1 < pattern.length && (maxErrors + 1) / pattern.length <= threshold) maxErrors++;
  return { pattern, ascii, other, high: 1 << (pattern.length - 1), maxErrors };
}

const LOWER = new Map<number, number>();
/**
 * The lower case of one UTF-16 unit when lower-casing the whole string would give exactly that
 * (one unit, whatever its neighbours); -1 otherwise (surrogates, "İ", the context-dependent "Σ").
 */
function lowerUnit(code: number): number {
  let l = LOWER.get(code);
  if (l === undefined) {
    const s = String.fromCharCode(code).toLowerCase();
    l = s.length === 1 && code !== 0x3a3 && !(code >= 0xd800 && code <= 0xdfff) ? s.charCodeAt(0) : -1;
    LOWER.set(code, l);
  }
  return l;
}

/**
 * Fewest edits turning `c.pattern` into a substring of `text` lower-cased (Myers 1999,
 * semi-global): one pass over the text, where Fuse's bitap makes one per error level. `raw`: the
 * text is not lower-cased yet (ASCII capitals and simple cases are folded on the fly); -1 when it
 * holds a character that needs the whole string lower-cased.
 */
function distance(c: Chunk, text: string, raw: boolean): number {
  const m = c.pattern.length;
  const { ascii, other, high } = c;
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    let code = text.charCodeAt(j);
    let eq: number;
    if (code < 128) eq = ascii[code];
    else {
      if (raw && (code = lowerUnit(code)) < 0) return -1;
      eq = code < 128 ? ascii[code] : other.get(code) ?? 0;
    }
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) {
      score--;
      if (score < best) {
        best = score;
        if (best === 0) return 0;
      }
    }
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return best;
}

/** Scores fields against one query the way Fuse's BitapSearch does (case-insensitive). */
export class FuseQuery {
  readonly pattern: string;
  /** Whitespace-separated tokens of the query: only a text with as many can equal it. */
  readonly tokens: number;
  private readonly chunks: Chunk[] = [];

  constructor(query: string, readonly threshold = FUSE_THRESHOLD) {
    this.pattern = query.toLowerCase();
    this.tokens = fuseTokens(query);
    this.literal = /^[\x20-\x7e]+$/.test(this.pattern) ? new RegExp(this.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : null;
    const p = this.pattern;
    if (p.length > MAX_BITS) {
      const rest = p.length % MAX_BITS;
      for (let i = 0; i < p.length - rest; i += MAX_BITS) this.chunks.push(chunk(p.substr(i, MAX_BITS), threshold));
      if (rest) this.chunks.push(chunk(p.substr(p.length - MAX_BITS), threshold));
    } else if (p.length) this.chunks.push(chunk(p, threshold));
  }

  /**
   * False only when `text`, lower-cased, certainly does not contain the query: a native
   * case-insensitive search when query and text are ASCII (other characters may lower-case into
   * the query's, so a text with any is always "maybe").
   */
  mayContain(text: string): boolean {
    if (!this.literal) return true;
    return this.literal.test(text) || NON_ASCII.test(text);
  }

  /** The query as a case-insensitive literal, when it is printable ASCII. */
  private readonly literal: RegExp | null;

  /**
   * The lowest score a field that does not contain the whole query can get: one edit. (Chunks of a
   * long query can each occur exactly without the query occurring.)
   */
  get minFuzzyScore(): number {
    return this.chunks.length === 1 ? Math.max(0.001, 1 / this.chunks[0].pattern.length) : 0.001;
  }

  /** Fuse's score of one field already lower-cased: 0 (equal) .. 1, or -1 for no match. */
  fieldScore(lowered: string): number {
    if (!this.chunks.length) return -1;
    if (lowered === this.pattern) return 0;
    return this.chunkScores(lowered, false);
  }

  /** fieldScore of a field as written (lower-cased on the fly, without a copy when it can). */
  rawFieldScore(text: string): number {
    if (!this.chunks.length) return -1;
    if (text.length === this.pattern.length && text.toLowerCase() === this.pattern) return 0;
    const s = this.chunkScores(text, true);
    return Number.isNaN(s) ? this.fieldScore(text.toLowerCase()) : s;
  }

  /** The mean of the chunks' scores; -1 when none matches; NaN when `raw` text must be lower-cased first. */
  private chunkScores(text: string, raw: boolean): number {
    let total = 0;
    let matched = false;
    for (const c of this.chunks) {
      const d = distance(c, text, raw);
      if (d < 0) return NaN;
      if (d <= c.maxErrors) {
        matched = true;
        total += Math.max(0.001, d / c.pattern.length);
      } else total += 1;
    }
    return matched ? total / this.chunks.length : -1;
  }

  /** The factor one matched field contributes to the record score (1 when it does not match). */
  static factor(score: number, weight: number, norm: number): number {
    return score < 0 ? 1 : Math.pow(score === 0 ? Number.EPSILON : score, weight * norm);
  }
}

/** The normalised key weights, computed as Fuse does (weight / total). */
export const KEY_WEIGHTS = (() => {
  const total = FUSE_KEYS.reduce((n, k) => n + k.weight, 0);
  return FUSE_KEYS.map((k) => k.weight / total);
})();

/**
 * A record's Fuse score from its field scores (in key order), or -1 when no field matched.
 * Multiplied in Fuse's order so equal records get bit-identical scores.
 */
export function recordScore(fields: { score: number; norm: number }[]): number {
  let total = 1;
  let any = false;
  fields.forEach((f, i) => {
    if (f.score < 0) return;
    any = true;
    total *= Math.pow(f.score === 0 ? Number.EPSILON : f.score, KEY_WEIGHTS[i] * f.norm);
  });
  return any ? total : -1;
}
