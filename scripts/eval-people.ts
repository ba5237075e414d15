// Person-mention precision and recall on MEANTIME (CAT XML), one topic folder = one corpus.
// Usage: npx tsx scripts/eval-people.ts [../shared/eval/meantime] [topic ...]
// Gold: ENTITY_MENTIONs that REFERS_TO an ENTITY of ent_type PER. A predicted mention is right when
// its tokens overlap a gold PER mention's tokens. Recall is reported against the named (NAM) PER
// mentions, which is what a name finder can find, and also against all PER mentions (NOM, PRO too).
// MEANTIME annotates entities exhaustively only in the first sentences of each article (sentences 0-5:
// headline, date line, first four body sentences); later sentences carry only a few cross-document
// targets. So both sides are scored on sentences 1-5; the headline (sentence 0) is left out because
// the analysis reads only the article body. Pass --all-sentences to score every sentence anyway.
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../src/core/corpus';

interface Tok { id: string; sentence: number; text: string; start: number; end: number }
interface GoldMention { tokens: string[]; type: string }
interface Doc { id: string; text: string; toks: Tok[]; gold: GoldMention[] }

const attr = (s: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(s)?.[1] ?? '';
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function readDoc(file: string): Doc {
  const xml = fs.readFileSync(file, 'utf8');
  const raw = [...xml.matchAll(/<token ([^>]*)>([^<]*)<\/token>/g)].map((m) => ({ id: attr(m[1], 't_id'), sentence: Number(attr(m[1], 'sentence')), text: unescape(m[2]) }));
  // Rebuild readable text: headline, date line, then the body as one paragraph.
  let text = '';
  const toks: Tok[] = [];
  let prev: { sentence: number; text: string } | null = null;
  let openQuote = false;
  for (const t of raw) {
    let word = t.text;
    if (word === '``') word = '“';
    if (word === "''") word = '”';
    if (word === '"') { word = openQuote ? '”' : '“'; }
    if (word === '“') openQuote = true;
    if (word === '”') openQuote = false;
    let sep = ' ';
    if (!prev) sep = '';
    else if (t.sentence !== prev.sentence && t.sentence <= 2) sep = '\n\n';
    else if (/^([,.;:!?%)\]}”]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i.test(word) || /^[(\[{“$]$/.test(prev.text) || prev.text === '“') sep = '';
    else if (/^\p{Lu}['’]$/u.test(prev.text)) sep = ''; // "O' Leary" was "O'Leary"
    text += sep;
    toks.push({ id: t.id, sentence: t.sentence, text: word, start: text.length, end: text.length + word.length });
    text += word;
    prev = { sentence: t.sentence, text: word };
  }
  const mentions = new Map<string, { tokens: string[]; type: string }>();
  for (const m of xml.matchAll(/<ENTITY_MENTION ([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    mentions.set(attr(m[1], 'm_id'), { tokens: [...m[2].matchAll(/t_id="(\d+)"/g)].map((x) => x[1]), type: attr(m[1], 'syntactic_type') });
  }
  const perEntities = new Set([...xml.matchAll(/<ENTITY ([^>]*)\/?>/g)].filter((m) => attr(m[1], 'ent_type') === 'PER').map((m) => attr(m[1], 'm_id')));
  const gold: GoldMention[] = [];
  for (const r of xml.matchAll(/<REFERS_TO [^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(r[1])?.[1];
    if (!target || !perEntities.has(target)) continue;
    for (const s of r[1].matchAll(/<source m_id="(\d+)"/g)) {
      const m = mentions.get(s[1]);
      if (m) gold.push(m);
    }
  }
  return { id: path.basename(file).replace(/\.xml$/, '.txt'), text, toks, gold };
}

function evalTopic(dir: string) {
  const docs = fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).map((f) => readDoc(path.join(dir, f)));
  const corpus = new Corpus();
  for (const d of docs) corpus.upsert(d.id, d.text);
  const byArticle = new Map<string, { start: number; end: number }[]>();
  for (const p of corpus.people()) for (const m of p.mentions) {
    const l = byArticle.get(m.article) ?? [];
    l.push(m);
    byArticle.set(m.article, l);
  }
  let predicted = 0, predictedRight = 0, goldNam = 0, goldNamFound = 0, goldAll = 0, goldAllFound = 0;
  const misses: string[] = [];
  const falses: string[] = [];
  for (const d of docs) {
    const sentenceOf = new Map(d.toks.map((t) => [t.id, t.sentence]));
    const tokById = new Map(d.toks.map((t) => [t.id, t]));
    const inWindow = (id: string) => { const s = sentenceOf.get(id) ?? 0; return s > 0 && (allSentences || s <= LAST_ANNOTATED); };
    const gold = d.gold.filter((g) => g.tokens.every(inWindow));
    const preds = (byArticle.get(d.id) ?? [])
      .map((m) => new Set(d.toks.filter((t) => t.start < m.end && m.start < t.end).map((t) => t.id)))
      .filter((p) => [...p].some(inWindow));
    const overlaps = (g: GoldMention, p: Set<string>) => g.tokens.some((id) => p.has(id));
    for (const p of preds) {
      predicted++;
      if (gold.some((g) => overlaps(g, p))) predictedRight++;
      else falses.push([...p].map((id) => tokById.get(id)?.text).join(' '));
    }
    for (const g of gold) {
      const found = preds.some((p) => overlaps(g, p));
      goldAll++;
      if (found) goldAllFound++;
      if (g.type === 'NAM') {
        goldNam++;
        if (found) goldNamFound++;
        else misses.push(g.tokens.map((id) => tokById.get(id)?.text).join(' '));
      }
    }
  }
  if (!docs.length || !goldAll) throw new Error(`no MEANTIME documents or no PER gold in ${dir}`);
  return { topic: path.basename(dir), docs: docs.length, predicted, predictedRight, goldNam, goldNamFound, goldAll, goldAllFound, misses, falses };
}

const LAST_ANNOTATED = 5;
const allSentences = process.argv.includes('--all-sentences');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const root = args[0] ?? path.join(__dirname, '..', '..', 'shared', 'eval', 'meantime');
const base = path.join(root, 'intra_cross-doc_annotation');
if (!fs.existsSync(base)) {
  console.error(`MEANTIME not found at ${base}; pass the folder that holds intra_cross-doc_annotation/`);
  process.exit(1);
}
const topics = args.slice(1).length ? args.slice(1) : fs.readdirSync(base).filter((f) => f.startsWith('corpus_'));
const f = (n: number, d: number) => (d ? (n / d).toFixed(3) : 'n/a');
let sums = [0, 0, 0, 0, 0, 0];
console.log('topic            docs  predicted  P       R(NAM)  gold NAM  R(all PER)  gold PER');
for (const t of topics) {
  const r = evalTopic(path.join(base, t));
  console.log(`${r.topic.padEnd(16)} ${String(r.docs).padStart(4)}  ${String(r.predicted).padStart(9)}  ${f(r.predictedRight, r.predicted)}   ${f(r.goldNamFound, r.goldNam)}   ${String(r.goldNam).padStart(8)}  ${f(r.goldAllFound, r.goldAll).padStart(10)}  ${String(r.goldAll).padStart(8)}`);
  sums = sums.map((v, i) => v + [r.predicted, r.predictedRight, r.goldNam, r.goldNamFound, r.goldAll, r.goldAllFound][i]);
  if (process.env.VERBOSE) {
    console.log('  missed NAM:', r.misses.join(' | '));
    console.log('  false:', r.falses.join(' | '));
  }
}
console.log(`${'all'.padEnd(16)}       ${String(sums[0]).padStart(9)}  ${f(sums[1], sums[0])}   ${f(sums[3], sums[2])}   ${String(sums[2]).padStart(8)}  ${f(sums[5], sums[4]).padStart(10)}  ${String(sums[4]).padStart(8)}`);
console.log(`scored sentences: ${allSentences ? 'all but the headline' : `1-${LAST_ANNOTATED} (the fully annotated ones; headline excluded)`}`);
