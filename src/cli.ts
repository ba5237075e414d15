// `corroborate analyze|related|search`: the extension's analysis as JSON or a readable report.
// The JSON shapes are a contract (docs/cli-json.md).
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from './core/corpus';
import { DEFAULT_MAX_BYTES, articleId, listArticleFiles, readArticleFile } from './core/folder';
import type { AnalysisReport, Passage, ScoredPassage } from './core/types';

const USAGE = `usage:
  corroborate analyze <folder> [--json]
  corroborate related <file> --at <offset> [--limit N] [--json]
  corroborate search <query> <folder> [--limit N] [--json]`;

class UsageError extends Error {}
class InputError extends Error {}

interface Options {
  positional: string[];
  json: boolean;
  at?: number;
  limit?: number;
  maxBytes: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { positional: [], json: false, maxBytes: DEFAULT_MAX_BYTES };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (name: string) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new UsageError(`${name} takes a whole number`);
      return v;
    };
    if (a === '--json') o.json = true;
    else if (a === '--at') o.at = num('--at');
    else if (a === '--limit') o.limit = num('--limit');
    else if (a === '--max-size-kb') o.maxBytes = num('--max-size-kb') * 1024;
    else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else o.positional.push(a);
  }
  return o;
}

const warn = (msg: string) => process.stderr.write(`corroborate: warning: ${msg}\n`);

/** Loads every readable article under `folder`; bad files are skipped with a warning. */
export function loadFolder(folder: string, maxBytes: number): Corpus {
  let st: fs.Stats;
  try {
    st = fs.statSync(folder);
  } catch {
    throw new InputError(`${folder}: no such folder`);
  }
  if (!st.isDirectory()) throw new InputError(`${folder}: not a folder`);
  const corpus = new Corpus();
  for (const file of listArticleFiles(folder, warn)) {
    const r = readArticleFile(file, maxBytes);
    const id = articleId(folder, file);
    if (!r.ok) {
      warn(`${id}: skipped: ${r.reason}`);
      continue;
    }
    if (r.warning) warn(`${id}: ${r.warning}`);
    try {
      corpus.upsert(id, r.text);
    } catch (e) {
      warn(`${id}: skipped: analysis failed (${(e as Error).message})`);
    }
  }
  if (corpus.size === 0) throw new InputError(`${folder}: no article files (.txt, .md, .article, .news) found`);
  return corpus;
}

function clip(s: string, n = 100): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function printReport(r: AnalysisReport) {
  const out: string[] = [];
  out.push(`${r.articles.length} article(s)`);
  for (const a of r.articles) {
    out.push(`  ${a.id}  ${a.published ?? 'undated'}  ${a.outlet ?? '-'}  ${a.byline ? `by ${a.byline}  ` : ''}${a.title ? clip(a.title, 70) : ''}`);
  }
  out.push('', `${r.people.length} people`);
  for (const p of r.people) {
    const arts = new Set(p.mentions.map((m) => m.article)).size;
    out.push(`  ${p.name}  (${p.mentions.length} mentions in ${arts} article(s))${p.roles[0] ? `  ${p.roles[0].text}` : ''}`);
  }
  out.push('', `${r.events.length} events`);
  for (const e of r.events) out.push(`  ${e.date ?? 'undated'}  ${e.label}  [${new Set(e.sources.map((s) => s.article)).size} source(s)]`);
  out.push('', `${r.quotes.length} quotes`, `${r.claims.length} flagged claims`);
  for (const c of r.claims) out.push(`  ${c.article}:${c.start}  ${c.kind}: ${c.reason}  "${clip(c.text, 70)}"`);
  console.log(out.join('\n'));
}

function printPassages(title: string, results: (Passage | ScoredPassage)[]) {
  console.log(title);
  results.forEach((r, i) => console.log(`  ${i + 1}. ${r.article}:${r.start}${'score' in r ? `  (${r.score.toFixed(2)})` : ''}\n     ${clip(r.text, 120)}`));
  if (!results.length) console.log('  (nothing found)');
}

export function main(argv: string[]): number {
  try {
    const [cmd, ...rest] = argv;
    const o = parseArgs(rest);
    if (cmd === 'analyze') {
      if (o.positional.length !== 1) throw new UsageError('analyze takes one folder');
      const corpus = loadFolder(o.positional[0], o.maxBytes);
      const report = corpus.report();
      if (o.json) process.stdout.write(JSON.stringify(report) + '\n');
      else printReport(report);
      return 0;
    }
    if (cmd === 'related') {
      if (o.positional.length !== 1 || o.at === undefined) throw new UsageError('related takes one file and --at <offset>');
      const file = o.positional[0];
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new InputError(`${file}: no such file`);
      const folder = path.dirname(file);
      const corpus = loadFolder(folder, o.maxBytes);
      const id = articleId(folder, file);
      const article = corpus.get(id);
      if (!article) throw new InputError(`${file}: not an article that could be read`);
      const sentence = article.sentences.find((s) => s.start <= o.at! && o.at! < s.end) ?? article.sentences.find((s) => s.start >= o.at!);
      const span = sentence ?? { start: Math.min(o.at, article.text.length), end: Math.min(o.at, article.text.length) };
      const query = { article: id, start: span.start, end: span.end, text: article.text.slice(span.start, span.end) };
      const results = corpus.related(id, span, o.limit ?? 10);
      if (o.json) process.stdout.write(JSON.stringify({ query, results }) + '\n');
      else printPassages(`Related coverage for "${clip(query.text, 80)}"`, results);
      return 0;
    }
    if (cmd === 'search') {
      if (o.positional.length !== 2) throw new UsageError('search takes a query and a folder');
      const corpus = loadFolder(o.positional[1], o.maxBytes);
      const results = corpus.search.search(o.positional[0], o.limit ?? 20);
      if (o.json) process.stdout.write(JSON.stringify({ results }) + '\n');
      else printPassages(`Search results for "${o.positional[0]}"`, results);
      return 0;
    }
    throw new UsageError(cmd ? `unknown command ${cmd}` : '');
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`corroborate: ${e.message}\n`);
      process.stderr.write(USAGE + '\n');
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`corroborate: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`corroborate: internal error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
