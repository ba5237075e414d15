// One file's text -> Article: metadata, the body range (page boilerplate excluded),
// paragraphs and sentences with exact offsets. Unknown metadata is null, never guessed.
import { dateAt, findDate } from './dateParse';
import { splitSentences } from './sentences';
import type { Article, DateOrder, Paragraph, Sentence, Span } from './types';

interface Line extends Span {
  text: string;
}

/** Lines with their offsets; the line break is outside each span. */
export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  re.lastIndex = from;
  let start = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    lines.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start <= to) lines.push({ start, end: to, text: text.slice(start, to) });
  return lines;
}

interface FrontMatter {
  end: number;
  fields: Record<string, string>;
}

function readFrontMatter(text: string): FrontMatter | null {
  const open = /^---[ \t]*(\r\n|\r|\n)/.exec(text);
  if (!open) return null;
  const close = /(\r\n|\r|\n)(---|\.\.\.)[ \t]*(\r\n|\r|\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  if (!m) return null;
  const fields: Record<string, string> = {};
  for (const line of text.slice(open[0].length, m.index).split(/\r\n|\r|\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv) fields[kv[1].toLowerCase()] = kv[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return { end: m.index + m[0].length, fields };
}

// Markers of a date line in a page header: "date 2026-02-04", "Written on 02/03/2026", "Published: 7 July 2017".
const DATE_MARKER = /^\s*(?:(?:date|dated|published|posted|updated|written|last updated|first published)(?:\s+(?:on|at))?\s*:?\s*|on\s+)?/i;
// Matched against the trimmed line: with surrounding space in the pattern a long run of spaces made it quadratic.
const BYLINE = /^(?:by|posted by|post by|written by|words by|author|reporting by)\s*:?\s*(.+)$/i;
const NAME_LINE = /^\s*(?:[A-Z][\p{L}'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\p{L}'’-]+|[A-Z]\.|de|da|van|von|del|la|le|bin)){1,4}\s*$/u;
const DATELINE = /^\s*([A-Z][A-Z.'’ -]{1,40}?)(?:,\s*[A-Za-z.]+(?:\s+\d{1,2})?)?\s*\(([^)\n]{2,40})\)\s*(?:--|—|–|-)\s*/;
// What may follow a date on a date-only line: a time, a zone, a view count. Tested on text with
// whitespace collapsed to single spaces: its run of adjacent optional `\s*` was exponential on long spaces.
const TIME_TAIL = /^(?:,|at)? ?(?:\d{1,2}(?::\d{2})? ?(?:[ap]\.?m\.?)?(?: ?[A-Z]{2,4})?)? ?(?:\| ?)?(?:\d+)?$/i;
const isTimeTail = (s: string) => TIME_TAIL.test(s.replace(/\s+/g, ' ').trim());

/** Lines that mark the start of page furniture after the article. */
const TAIL_MARKER = /^\s*(?:read more|sponsored|trending(?: news| now)?|related(?: articles| stories| news| posts)?:?|more from .{0,40}|recommended(?: for you)?|you may also like|advertisement|share(?: this)?(?: article| story)?:?|follow us.{0,40}|(?:#[\p{L}\d_][\p{L}\d_\s]{0,40})+)\s*$/iu;

function isDateOnlyLine(text: string, order: DateOrder): string | null {
  const start = DATE_MARKER.exec(text)?.[0].length ?? 0;
  const found = dateAt(text, start, order);
  if (!found) return null;
  return isTimeTail(text.slice(found.end)) ? found.date : null;
}

function endsLikeSentence(s: string): boolean {
  return /[.!?]["'”’)\]]*\s*$/.test(s);
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Where the page furniture after the article begins, or the end of the text. */
function findBodyEnd(text: string, lines: Line[], firstBody: number, order: DateOrder): { end: number; tailStart: number | null } {
  for (let i = firstBody + 1; i < lines.length; i++) {
    if (!TAIL_MARKER.test(lines[i].text) || !lines[i].text.trim()) continue;
    let j = i;
    // A teaser list ("headline / date / summary / Read More") begins before its first marker.
    if (/^\s*read more\s*$/i.test(lines[i].text)) {
      let k = i - 1;
      let back = 0;
      while (k > firstBody && back < 3 && lines[k].text.trim() && !endsLikeSentence(lines[k].text)) { k--; back++; }
      j = k + 1;
    }
    // A stamp line just before the tail ("Feb. 3, 2026 6:22 p.m. 143") belongs to the tail.
    let k = j - 1;
    while (k > firstBody && (!lines[k].text.trim() || isDateOnlyLine(lines[k].text, order))) k--;
    j = k + 1;
    return { end: trimEnd(text, lines[k].end), tailStart: lines[j]?.start ?? null };
  }
  return { end: trimEnd(text, text.length), tailStart: null };
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

function cleanName(s: string): string | null {
  const v = s.replace(/\s+/g, ' ').replace(/^[\s:|,-]+|[\s:|,-]+$/g, '');
  return v ? v : null;
}

export function parseArticle(id: string, text: string): Article {
  const fm = readFrontMatter(text);
  const f = fm?.fields ?? {};
  let title: string | null = f.title ? f.title : null;
  let titleSpan: Span | null = null;
  let outlet: string | null = f.outlet || f.source || f.publisher || null;
  let byline: string | null = f.author || f.byline || null;
  let published: string | null = null;
  let dateOrder: DateOrder = null;
  const url: string | null = f.url || null;
  if (f.published || f.date) {
    const d = findDate(f.published || f.date);
    if (d) { published = d.date; dateOrder = d.order; }
  }
  const fromFront = published !== null;

  // The notation the page itself uses for dates tells how to read "02/03/2026".
  const sample = text.slice(0, 20000);
  if (!dateOrder) {
    const named = findDate(sample.replace(/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b/g, (s) => ' '.repeat(s.length)));
    if (named?.order) dateOrder = named.order;
  }

  const lines = splitLines(text, fm?.end ?? 0);
  let bodyStart: number | null = null;
  let firstBody = lines.length;
  let headerLines = 0;
  for (let i = 0; i < lines.length && headerLines < 10; i++) {
    const line = lines[i];
    const t = line.text.trim();
    if (!t) continue;
    headerLines++;
    const markerLen = DATE_MARKER.exec(line.text)?.[0].length ?? 0;
    const d = dateAt(line.text, markerLen, dateOrder) ?? (markerLen > 0 ? null : null);
    if (d && (markerLen > 0 || /^\s*$/.test(line.text.slice(0, d.start)))) {
      if (!fromFront && !published) { published = d.date; dateOrder = dateOrder ?? d.order; }
      const rest = line.text.slice(d.end);
      // "Posted 03/16/2025 by Adaeze Nwosu": the byline shares the date line.
      const sameLineBy = rest.length < 120 ? /^\s*[,|·-]?\s*by\s+(\S.*)$/i.exec(rest) : null;
      if (sameLineBy && NAME_LINE.test(sameLineBy[1].trim())) {
        byline = byline ?? cleanName(sameLineBy[1]);
        continue;
      }
      if (isTimeTail(rest)) {
        // A bare name right after a date line is the byline ("Written on 02/03/2026\nJosep Freixes").
        const next = lines.slice(i + 1).find((l) => l.text.trim());
        const nextName = next && (BYLINE.exec(next.text)?.[1] ?? next.text);
        if (!byline && next && nextName && NAME_LINE.test(nextName) && wordCount(nextName) <= 5) {
          byline = cleanName(nextName);
          i = lines.indexOf(next);
          headerLines++;
        }
        continue;
      }
      // "date 2026-02-04 WASHINGTON (Reuters) -- ...": the body starts after the date.
      const skip = /^\s*/.exec(rest)?.[0].length ?? 0;
      bodyStart = line.start + d.end + skip;
      firstBody = i;
      break;
    }
    const by = BYLINE.exec(t);
    if (by && wordCount(by[1]) <= 8 && !endsLikeSentence(by[1])) {
      // cleanName trims the space before the cut; a leading \s* in the pattern was quadratic on long spaces.
      byline = byline ?? cleanName(by[1].replace(/[|,]\s*(?:\d|[A-Z][a-z]{2}\.? \d).*$/, ''));
      continue;
    }
    if (!endsLikeSentence(t) && t.length <= 200 && wordCount(t) >= 2 && !DATELINE.test(line.text)) {
      if (!titleSpan && (!title || fm)) {
        if (!title) title = t;
        titleSpan = { start: line.start + line.text.indexOf(t), end: line.start + line.text.indexOf(t) + t.length };
        continue;
      }
      if (title && t === title) continue; // the page repeats its headline
    }
    bodyStart = line.start + (line.text.length - line.text.trimStart().length);
    firstBody = i;
    break;
  }
  if (bodyStart === null) {
    // A headline-only or empty file: no body.
    const end = text.length;
    return { id, text, title, titleSpan, outlet, byline, published, url, dateOrder, body: { start: end, end }, paragraphs: [], sentences: [] };
  }

  const dl = DATELINE.exec(text.slice(bodyStart, bodyStart + 200));
  if (dl && !outlet) outlet = dl[2].trim();

  const { end: bodyEnd, tailStart } = findBodyEnd(text, lines, firstBody, dateOrder);
  if (!published && tailStart !== null) {
    const stamp = splitLines(text, tailStart).slice(0, 3).map((l) => isDateOnlyLine(l.text, dateOrder)).find(Boolean);
    if (stamp) published = stamp;
  }

  const body = { start: bodyStart, end: Math.max(bodyStart, bodyEnd) };
  const paragraphs = splitParagraphs(text, body);
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, index) => {
    if (p.heading) {
      sentences.push({ start: p.start, end: p.end, text: text.slice(p.start, p.end), paragraph: index });
      return;
    }
    // An object literal, not a spread: spread copies came out several times larger in the heap.
    for (const s of splitSentences(text, p.start, p.end)) sentences.push({ start: s.start, end: s.end, text: s.text, paragraph: index });
  });
  // Exact-size copies: an array grown by push keeps up to half again its length unused, and every article keeps these two.
  return { id, text, title, titleSpan, outlet, byline, published, url, dateOrder, body, paragraphs: paragraphs.slice(), sentences: sentences.slice() };
}

/** Paragraphs are separated by blank lines or by line breaks after closing punctuation; hard-wrapped lines are joined. */
export function splitParagraphs(text: string, body: Span): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Span | null = null;
  const flush = () => {
    if (!cur) return;
    const t = text.slice(cur.start, cur.end);
    const heading = !endsLikeSentence(t) && t.length < 120 && !/[:,;]\s*$/.test(t);
    out.push({ start: cur.start, end: cur.end, heading });
    cur = null;
  };
  for (const line of splitLines(text, body.start, body.end)) {
    const lead = line.text.length - line.text.trimStart().length;
    const t = line.text.trim();
    if (!t) { flush(); continue; }
    const start = line.start + lead;
    const end = start + t.length;
    if (cur) {
      const prev = text.slice(cur.start, cur.end);
      // A line that continues a sentence (no closing punctuation, next starts lower-case) is a hard wrap.
      if (!endsLikeSentence(prev) && /^[\p{Ll}\d(“"'‘]/u.test(t) && prev.length > 40) { cur.end = end; continue; }
      flush();
    }
    cur = { start, end };
  }
  flush();
  return out;
}
