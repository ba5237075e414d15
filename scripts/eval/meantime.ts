// MEANTIME (CAT XML) -> evaluation documents: the article text rebuilt from the tokens with each token's
// character offsets, and the gold annotations the metrics need, as token-index sets.
// Format notes (MEANTIME_NWR.xsd and the files): tokens carry a sentence number (0 = headline, 1 = date line);
// markables (ENTITY_MENTION, EVENT_MENTION, TIMEX3, ...) list their tokens as <token_anchor t_id>;
// ENTITY/EVENT elements are instances (ENTITY has ent_type; cross-document ones have instance_id);
// REFERS_TO links mention sources to an instance target. Mentions carry no type of their own.
import fs from 'node:fs';
import path from 'node:path';
import { findDate } from '../../src/core/dateParse';
import { findAll, parseXml, type XmlElement } from './xml';

export interface CatToken {
  tId: string;
  sentence: number;
  text: string;
}

export interface CatMarkable {
  tag: string;
  mId: string;
  attrs: Record<string, string>;
  /** t_ids of the anchored tokens. */
  tokens: string[];
}

export interface CatDocument {
  docId: string;
  name: string;
  url: string | null;
  tokens: CatToken[];
  /** Anchored markables by m_id. */
  markables: Map<string, CatMarkable>;
  /** Instance elements (ENTITY, EVENT) by m_id. */
  instances: Map<string, CatMarkable>;
  /** mention m_id -> instance m_id, from REFERS_TO. */
  refersTo: Map<string, string>;
}

export function readCatXml(xml: string): CatDocument {
  const root = parseXml(xml);
  const docEl = findAll(root, 'Document')[0] ?? root;
  const tokens: CatToken[] = findAll(docEl, 'token').map((t) => ({
    tId: t.attrs.t_id ?? '',
    sentence: Number(t.attrs.sentence ?? 0) || 0,
    text: t.text.trim(),
  }));
  const markables = new Map<string, CatMarkable>();
  const instances = new Map<string, CatMarkable>();
  const markablesEl = findAll(docEl, 'Markables')[0];
  for (const el of markablesEl?.children ?? []) {
    const m: CatMarkable = { tag: el.name, mId: el.attrs.m_id ?? '', attrs: el.attrs, tokens: el.children.filter((c) => c.name === 'token_anchor').map((c) => c.attrs.t_id ?? '') };
    if (el.name === 'ENTITY' || el.name === 'EVENT') instances.set(m.mId, m);
    else markables.set(m.mId, m);
  }
  const refersTo = new Map<string, string>();
  for (const r of findAll(docEl, 'REFERS_TO')) {
    const target = childIds(r, 'target')[0];
    if (!target) continue;
    for (const s of childIds(r, 'source')) if (!refersTo.has(s)) refersTo.set(s, target);
  }
  return { docId: docEl.attrs.doc_id ?? '', name: docEl.attrs.doc_name ?? docEl.attrs.doc_id ?? '', url: docEl.attrs.url ?? null, tokens, markables, instances, refersTo };
}

function childIds(el: XmlElement, name: string): string[] {
  return el.children.filter((c) => c.name === name && c.attrs.m_id).map((c) => c.attrs.m_id);
}

// ---- Text rebuilding ----

export interface TokenSpan {
  tId: string;
  sentence: number;
  start: number;
  end: number;
}

export interface RebuiltText {
  text: string;
  /** In document order; offsets into `text` (front matter included). */
  tokens: TokenSpan[];
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|\.\.\.|'s|'S|n't|N'T|'re|'ve|'ll|'d|'m|''|”|’)$/;
const NO_SPACE_AFTER = /^(?:[([{$#£€`]|``|“|‘|[A-Z]{1,3}\$)$/;

/** How a token is written in the rebuilt text: PTB quotes become typographic ones. */
function surface(tok: string, quoteOpen: boolean, singleOpen: boolean): string {
  if (tok === '``') return '“';
  if (tok === "''") return '”';
  if (tok === '"') return quoteOpen ? '”' : '“';
  if (tok === '`') return '‘';
  if (tok === "'" && singleOpen) return '’';
  return tok;
}

export interface FrontMatter {
  published?: string | null;
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
}

/**
 * The article as a reader would see it: optional YAML front matter, the headline (sentence 0) and the
 * date line (sentence 1) on their own lines, then one paragraph per sentence, separated by blank lines.
 */
export function rebuildText(tokens: CatToken[], front?: FrontMatter): RebuiltText {
  let text = '';
  if (front) {
    const lines = Object.entries(front)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}: ${String(v).replace(/\s+/g, ' ')}`);
    if (lines.length) text = `---\n${lines.join('\n')}\n---\n`;
  }
  const out: TokenSpan[] = [];
  let prevSentence: number | null = null;
  let prevTok = '';
  let quoteOpen = false;
  let singleOpen = false;
  for (const t of tokens) {
    const tok = t.text;
    if (!tok) continue;
    if (prevSentence !== null && t.sentence !== prevSentence) {
      // Headline and date line are single lines of the header; body sentences are paragraphs.
      text += prevSentence <= 0 ? '\n' : '\n\n';
      quoteOpen = false;
      singleOpen = false;
    } else if (prevSentence !== null) {
      const closing = tok === "''" || tok === '”' || (tok === '"' && quoteOpen) || (tok === "'" && singleOpen);
      // A lone apostrophe after a plural is a possessive ("Airbus' order").
      const possessive = tok === "'" && !singleOpen && /s$/i.test(prevTok);
      const glue = NO_SPACE_BEFORE.test(tok) || closing || possessive || NO_SPACE_AFTER.test(prevTok) || (prevTok === '"' && quoteOpen);
      if (!glue) text += ' ';
    }
    const s = surface(tok, quoteOpen, singleOpen);
    if (tok === '``' || tok === '“' || (tok === '"' && !quoteOpen)) quoteOpen = true;
    else if (tok === "''" || tok === '”' || tok === '"') quoteOpen = false;
    if (tok === '`' || tok === '‘') singleOpen = true;
    else if ((tok === "'" && singleOpen) || tok === '’') singleOpen = false;
    out.push({ tId: t.tId, sentence: t.sentence, start: text.length, end: text.length + s.length });
    text += s;
    prevSentence = t.sentence;
    prevTok = tok;
  }
  return { text: `${text}\n`, tokens: out };
}

// ---- Gold annotations ----

export interface GoldMention {
  doc: string;
  mId: string;
  /** Indices into EvalDoc.tokens. */
  tokens: number[];
  /** Corpus-wide instance id when annotated across documents, else a document-local key. */
  instance: string;
  /** True when the instance is linked across documents (it has an instance_id). */
  crossDoc: boolean;
  syntacticType: string;
  /** The text from the first to the last token. */
  text: string;
}

export interface GoldTimex {
  doc: string;
  mId: string;
  tokens: number[];
  value: string;
}

/**
 * MEANTIME annotates every entity, event and time expression only in the headline and the first sentences
 * (sentences 0–5, the date line included); later sentences carry just the mentions added at cross-document
 * level. Detection is therefore judged only up to here, where a miss or a false alarm is really one.
 */
export const LAST_FULLY_ANNOTATED_SENTENCE = 5;

export interface EvalDoc {
  id: string;
  topic: string;
  text: string;
  tokens: TokenSpan[];
  /** The end offset of the fully annotated part (sentences 0–5). */
  fullyAnnotatedEnd: number;
  dct: string | null;
  title: string;
  persons: GoldMention[];
  events: GoldMention[];
  dates: GoldTimex[];
}

/** Turns one CAT document into an evaluation document: its text (with front matter) and its gold. */
export function toEvalDoc(cat: CatDocument, topic: string): EvalDoc {
  const id = cat.name || cat.docId;
  const dctEl = findCreationTime(cat);
  const dct = creationDate(cat, dctEl);
  const title = rebuildText(cat.tokens.filter((t) => t.sentence === 0)).text.trim();
  const rebuilt = rebuildText(cat.tokens, { published: dct, title, outlet: 'Wikinews', url: cat.url });
  const index = new Map(rebuilt.tokens.map((t, i) => [t.tId, i]));
  const tokenIdx = (m: CatMarkable) => m.tokens.map((t) => index.get(t)).filter((i): i is number => i !== undefined).sort((a, b) => a - b);

  const persons: GoldMention[] = [];
  const events: GoldMention[] = [];
  const dates: GoldTimex[] = [];
  for (const m of cat.markables.values()) {
    const tokens = tokenIdx(m);
    if (!tokens.length) continue;
    if (m.tag === 'ENTITY_MENTION' || m.tag === 'EVENT_MENTION') {
      const target = cat.refersTo.get(m.mId);
      const inst = target ? cat.instances.get(target) : undefined;
      if (!inst) continue;
      const crossDoc = Boolean(inst.attrs.instance_id);
      const mention: GoldMention = { doc: id, mId: m.mId, tokens, instance: inst.attrs.instance_id || `${id}#${inst.mId}`, crossDoc, syntacticType: m.attrs.syntactic_type ?? '', text: rebuilt.text.slice(rebuilt.tokens[tokens[0]].start, rebuilt.tokens[tokens[tokens.length - 1]].end) };
      if (m.tag === 'ENTITY_MENTION' && inst.tag === 'ENTITY' && inst.attrs.ent_type === 'PER') persons.push(mention);
      if (m.tag === 'EVENT_MENTION' && inst.tag === 'EVENT') events.push(mention);
    } else if (m.tag === 'TIMEX3' && m.attrs.type === 'DATE' && m !== dctEl && m.attrs.value) {
      dates.push({ doc: id, mId: m.mId, tokens, value: m.attrs.value });
    }
  }
  const byFirst = <T extends { tokens: number[] }>(a: T, b: T) => a.tokens[0] - b.tokens[0];
  const lastFull = rebuilt.tokens.filter((t) => t.sentence <= LAST_FULLY_ANNOTATED_SENTENCE).pop();
  const fullyAnnotatedEnd = lastFull ? lastFull.end : 0;
  return { id, topic, text: rebuilt.text, tokens: rebuilt.tokens, fullyAnnotatedEnd, dct, title, persons: persons.sort(byFirst), events: events.sort(byFirst), dates: dates.sort(byFirst) };
}

/**
 * The creation time: the TIMEX3 marked CREATION_TIME, or else (a few files forgot the mark) the DATE that
 * makes up the date line, sentence 1.
 */
function findCreationTime(cat: CatDocument): CatMarkable | undefined {
  const timexes = [...cat.markables.values()].filter((m) => m.tag === 'TIMEX3');
  const marked = timexes.find((m) => m.attrs.functionInDocument === 'CREATION_TIME');
  if (marked) return marked;
  const sentenceOf = new Map(cat.tokens.map((t) => [t.tId, t.sentence]));
  return timexes.find((m) => m.attrs.type === 'DATE' && m.tokens.length > 0 && m.tokens.every((t) => sentenceOf.get(t) === 1));
}

/** YYYY-MM-DD of the creation time; a malformed value ("03-02-2009") is read from the date line's own words. */
function creationDate(cat: CatDocument, dct: CatMarkable | undefined): string | null {
  const value = dct?.attrs.value ?? '';
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const dateLine = rebuildText(cat.tokens.filter((t) => t.sentence === 1)).text;
  return findDate(dateLine)?.date ?? null;
}

export interface Topic {
  name: string;
  docs: EvalDoc[];
}

/**
 * Reads a MEANTIME folder: either the corpus root (holding intra_cross-doc_annotation/), the annotation folder
 * (holding topic folders), or a single topic folder of .xml files. Each folder of .xml files is one topic.
 */
export function readMeantime(dir: string): Topic[] {
  const nested = path.join(dir, 'intra_cross-doc_annotation');
  const base = fs.existsSync(nested) ? nested : dir;
  const entries = fs.readdirSync(base, { withFileTypes: true });
  const xmlHere = entries.filter((e) => e.isFile() && e.name.endsWith('.xml'));
  const folders = xmlHere.length ? [base] : entries.filter((e) => e.isDirectory()).map((e) => path.join(base, e.name)).sort();
  const topics: Topic[] = [];
  for (const folder of folders) {
    const name = path.basename(folder).replace(/^corpus_/, '');
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.xml')).sort();
    const docs = files.map((f) => toEvalDoc(readCatXml(fs.readFileSync(path.join(folder, f), 'utf8')), name)).filter((d) => d.tokens.length > 0);
    if (docs.length) topics.push({ name, docs });
  }
  return topics;
}
