// `npm run eval -- --meantime <dir>` scores the analysis on MEANTIME (public, CC BY 4.0);
// `npm run eval -- --gold <file> --corpus <dir>` scores the CLI against a gold file. Not part of `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { scoreWithGold } from './gold';
import { LAST_FULLY_ANNOTATED_SENTENCE, readMeantime } from './meantime';
import { isNamed } from './metrics/people';
import { predict } from './predict';
import { rows, scoreAll } from './report';
import { compareWith, formatValue, markdownTable, textTable, type Row } from './table';

const USAGE = `usage:
  npm run eval -- --meantime <dir> [--markdown] [--per-topic] [--verbose] [--save <results.json>] [--baseline <results.json>]
  npm run eval -- --gold <file> --corpus <dir> [--verbose]`;

const repoRoot = path.resolve(__dirname, '..', '..');

function fail(msg: string): never {
  console.error(`eval: ${msg}`);
  process.exit(1);
}

interface MeantimeOptions {
  markdown: boolean;
  verbose: boolean;
  /** Also print the main figures of each topic. */
  perTopic: boolean;
  /** Write the rows as JSON here, to compare a later run against. */
  save?: string;
  /** Show each figure's change against the rows saved by an earlier run. */
  baseline?: string;
}

function readBaseline(file: string): Row[] {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { rows?: Row[] };
    if (!Array.isArray(data.rows)) throw new Error('no "rows" array');
    return data.rows;
  } catch (e) {
    fail(`cannot read the baseline ${file}: ${(e as Error).message}`);
  }
}

function runMeantime(dir: string, o: MeantimeOptions) {
  const baseline = o.baseline ? readBaseline(o.baseline) : null;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) fail(`MEANTIME folder ${dir} does not exist; pass the folder holding intra_cross-doc_annotation/ (e.g. ../shared/eval/meantime)`);
  const topics = readMeantime(dir);
  const docs = topics.flatMap((t) => t.docs);
  if (!docs.length) fail(`${dir} holds no MEANTIME CAT XML documents with tokens; nothing to evaluate`);
  const gold = { persons: 0, named: 0, events: 0, dates: 0, dct: 0, scoped: 0 };
  for (const d of docs) {
    gold.persons += d.persons.length;
    gold.scoped += d.persons.filter((p) => d.tokens[p.tokens[0]].start < d.fullyAnnotatedEnd).length;
    gold.named += d.persons.filter(isNamed).length;
    gold.events += d.events.length;
    gold.dates += d.dates.length;
    if (d.dct) gold.dct++;
  }
  console.log(`MEANTIME: ${docs.length} documents in ${topics.length} topics (${topics.map((t) => `${t.name} ${t.docs.length}`).join(', ')}), ${docs.reduce((n, d) => n + d.tokens.length, 0)} tokens`);
  console.log(`gold: ${gold.persons} PER mentions (${gold.named} named; ${gold.scoped} in the fully annotated sentences 0-${LAST_FULLY_ANNOTATED_SENTENCE}), ${gold.events} event mentions linked to instances, ${gold.dates} DATE TIMEX3 besides the creation time; ${gold.dct}/${docs.length} documents have a creation time`);
  if (!gold.persons && !gold.events && !gold.dates) fail('the documents parsed, but hold no gold annotations; is this the intra_cross-doc_annotation folder?');

  const preds = predict(topics);
  console.log(`ours: ${preds.people.length} person mentions, ${preds.times.length} time expressions, ${preds.events.length} events (${preds.events.filter((e) => new Set(e.sources.map((s) => s.doc)).size >= 2).length} multi-article); analysis took ${preds.seconds.toFixed(1)} s`);
  console.log(`article model: publication date read as the creation time in ${preds.datedRight}/${gold.dct} documents`);
  if (preds.textMismatch.length) fail(`the corpus changed the text of ${preds.textMismatch.length} documents (e.g. ${preds.textMismatch[0]}); offsets would not line up`);

  const scores = scoreAll(docs, preds);
  const table = rows(scores);
  const shown = baseline ? compareWith(table, baseline) : table;
  console.log('');
  console.log(o.markdown ? markdownTable(shown) : textTable(shown));
  if (o.save) {
    fs.writeFileSync(o.save, `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), data: path.resolve(dir), documents: docs.length, rows: table }, null, 2)}\n`);
    console.log(`\nsaved to ${o.save}`);
  }
  if (o.perTopic) {
    console.log('\nper topic (F1 of people, F1 of named people, pair F1 of named people, date accuracy, events linked in all articles, events pure, related top 5):');
    const f = (v: number | null) => formatValue(v).padStart(6);
    for (const t of topics) {
      const ids = new Set(t.docs.map((d) => d.id));
      const mine = <T extends { doc: string }>(xs: T[]) => xs.filter((x) => ids.has(x.doc));
      const s = scoreAll(t.docs, { people: mine(preds.people), times: mine(preds.times), events: preds.events.filter((e) => e.sources.some((x) => ids.has(x.doc))), related: preds.related.filter((r) => ids.has(r.query.doc)) });
      console.log(`  ${t.name.padEnd(10)}${f(s.people.f1)}${f(s.peopleNamed.f1)}${f(s.crossPeopleNamed.f1)}${f(s.dates.accuracy)}${f(s.events.linkedAllShare)}${f(s.events.purity)}${f(s.related.top5Share)}`);
    }
  }
  if (o.verbose) {
    console.log('\ndate errors (gold value, text, ours):');
    for (const e of scores.dates.errors) console.log(`  ${e.gold.doc}  ${e.gold.value}  "${e.text}"  ${e.predicted ?? '(none)'}`);
  }
}

function main(argv: string[]) {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (!v || v.startsWith('--')) fail(`${name} needs a value\n${USAGE}`);
    return v;
  };
  const meantime = opt('--meantime');
  const goldFile = opt('--gold');
  const corpusDir = opt('--corpus');
  if (meantime) return runMeantime(meantime, { markdown: argv.includes('--markdown'), verbose: argv.includes('--verbose'), perTopic: argv.includes('--per-topic'), save: opt('--save'), baseline: opt('--baseline') });
  if (goldFile || corpusDir) {
    if (!goldFile || !corpusDir) fail(`--gold and --corpus go together\n${USAGE}`);
    process.exit(scoreWithGold(repoRoot, goldFile, corpusDir, argv.includes('--verbose') ? ['--verbose'] : []));
  }
  fail(`nothing to do\n${USAGE}`);
}

main(process.argv.slice(2));
