// TempEval-3-style check of date normalisation on MEANTIME (CAT XML): for every gold TIMEX3 of type
// DATE (the document creation time excluded), is our value right at the gold precision, resolved
// against the document's CREATION_TIME? Usage: npx tsx scripts/eval-dates.ts [dir] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { tagTimes } from '../src/core/dates';

interface Tok { id: string; sentence: number; text: string }
interface GoldTimex { value: string; type: string; tokens: string[]; dct: boolean }

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function readDoc(xml: string) {
  const tokens: Tok[] = [];
  for (const m of xml.matchAll(/<token\b[^>]*\bsentence="(\d+)"[^>]*\bt_id="(\d+)"[^>]*>([^<]*)<\/token>/g)) tokens.push({ sentence: +m[1], id: m[2], text: unescape(m[3]) });
  const timexes: GoldTimex[] = [];
  for (const m of xml.matchAll(/<TIMEX3\b([^>]*?)(\/>|>([\s\S]*?)<\/TIMEX3>)/g)) {
    const attr = (k: string) => new RegExp(`\\b${k}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    const toks = [...(m[3] ?? '').matchAll(/t_id="(\d+)"/g)].map((x) => x[1]);
    timexes.push({ value: attr('value'), type: attr('type'), tokens: toks, dct: attr('functionInDocument') === 'CREATION_TIME' });
  }
  return { tokens, timexes };
}

/** "2008-03-01" or "03-02-2009" (day first) to YYYY-MM-DD. */
function normDct(v: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(v);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  return null;
}

/** Right at the gold precision: a finer value of ours is cut to the gold's length. */
export function sameAtPrecision(ours: string, gold: string): boolean {
  if (ours === gold) return true;
  if (/^\d{4}(-\d{2}){0,2}$/.test(gold) && ours.startsWith(`${gold}-`)) return true;
  if (/^\d{4}-\d{2}-\d{2}$/.test(gold) && ours.startsWith(`${gold}T`)) return true;
  return false;
}

export interface DateScores { docs: number; gold: number; found: number; right: number; calendarGold: number; calendarRight: number; noTokens: number; misses: string[] }

/** Scores every CAT XML file under `dir`; `args` may hold --context for the miss list. */
export function evaluateDates(dir: string, args: string[] = []): DateScores {
  const verbose = true;
  const files: string[] = [];
  const walk = (d: string) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (e.name.endsWith('.xml')) files.push(p); } };
  walk(dir);
  let gold = 0, found = 0, right = 0, calendarGold = 0, calendarRight = 0, noTokens = 0, docs = 0;
  const misses: string[] = [];
  for (const f of files) {
    const { tokens, timexes } = readDoc(fs.readFileSync(f, 'utf8'));
    const dctT = timexes.find((t) => t.dct);
    const dct = dctT ? normDct(dctT.value) : null;
    if (!dct) continue;
    docs++;
    // Rebuild each sentence's text from its tokens, remembering each token's offsets.
    const bySentence = new Map<number, Tok[]>();
    for (const t of tokens) { let l = bySentence.get(t.sentence); if (!l) bySentence.set(t.sentence, (l = [])); l.push(t); }
    let text = '';
    const at = new Map<string, [number, number]>();
    const sentences: [number, number][] = [];
    for (const [, toks] of [...bySentence.entries()].sort((a, b) => a[0] - b[0])) {
      const s0 = text.length;
      toks.forEach((t, i) => {
        const glue = i === 0 || /^[,.;:!?%)\]]|^n['’]t$|^['’]s?$/.test(t.text) || /^[([$“]$/.test(toks[i - 1].text) ? '' : ' ';
        text += glue;
        at.set(t.id, [text.length, text.length + t.text.length]);
        text += t.text;
      });
      sentences.push([s0, text.length]);
      text += '\n\n';
    }
    const ours = sentences.flatMap(([a, b]) => tagTimes(text, a, b, dct, null));
    for (const g of timexes) {
      if (g.dct || g.type !== 'DATE') continue;
      if (!g.tokens.length) { noTokens++; continue; }
      gold++;
      const spans = g.tokens.map((id) => at.get(id)!).filter(Boolean);
      const start = Math.min(...spans.map((s) => s[0])), end = Math.max(...spans.map((s) => s[1]));
      const hit = ours.find((o) => o.start < end && start < o.end);
      const calendar = /^\d/.test(g.value);
      if (calendar) calendarGold++;
      if (hit) found++;
      const ok = !!hit && sameAtPrecision(hit.value, g.value);
      if (ok) { right++; if (calendar) calendarRight++; }
      else if (verbose) { const sn = sentences.find(([a, b]) => a <= start && start < b)!; misses.push(`${path.basename(f).slice(0, 40)} dct=${dct} '${text.slice(start, end)}' gold=${g.value} ours=${hit ? `${hit.value} '${text.slice(hit.start, hit.end)}'` : 'none'}${args.includes('--context') ? `\n    ${text.slice(sn[0], sn[1])}` : ''}`); }
    }
  }
  return { docs, gold, found, right, calendarGold, calendarRight, noTokens, misses };
}

function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '../../shared/eval/meantime/intra_cross-doc_annotation');
  if (!fs.existsSync(dir)) { console.error(`no MEANTIME data at ${dir}`); process.exit(1); }
  const { docs, gold, found, right, calendarGold, calendarRight, noTokens, misses } = evaluateDates(dir, args);
  if (args.includes('--verbose')) for (const l of misses) console.log(l);
  if (!gold) { console.error(`no gold DATE TIMEX3 under ${dir}; refusing to report`); process.exit(1); }
  const r = (n: number, d: number) => (d ? (n / d).toFixed(3) : 'n/a');
  console.log(`MEANTIME dates: ${docs} documents, ${gold} gold DATE TIMEX3 with tokens (${noTokens} token-less ones skipped)`);
  console.log(`  found (span overlap): ${found}/${gold} = ${r(found, gold)}`);
  console.log(`  value accuracy (all gold DATE): ${right}/${gold} = ${r(right, gold)}`);
  console.log(`  value accuracy (found ones): ${right}/${found} = ${r(right, found)}`);
  console.log(`  value accuracy (calendar values only): ${calendarRight}/${calendarGold} = ${r(calendarRight, calendarGold)}`);
}

if (require.main === module) main();
