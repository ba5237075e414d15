// The evaluation harness (scripts/eval): the tolerant XML reader, MEANTIME text rebuilding, span matching and
// the scorers, on a hand-written two-article corpus (test/fixtures/meantime-mini) and fake predictions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readMeantime, rebuildText, type EvalDoc } from '../../scripts/eval/meantime';
import type { PredEvent, PredMention, PredTime } from '../../scripts/eval/metrics/common';
import { scoreCrossPeople } from '../../scripts/eval/metrics/crossPeople';
import { sameAtGoldPrecision, scoreDates } from '../../scripts/eval/metrics/dates';
import { scoreEvents } from '../../scripts/eval/metrics/events';
import { isNamed, scorePeople } from '../../scripts/eval/metrics/people';
import { relatedQueries, scoreRelated } from '../../scripts/eval/metrics/related';
import { rows, scoreAll } from '../../scripts/eval/report';
import { tokensOverlapping } from '../../scripts/eval/spans';
import { compareWith, markdownTable, type Row } from '../../scripts/eval/table';
import { findAll, parseXml } from '../../scripts/eval/xml';
import { Corpus } from '../../src/core/corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const MINI = path.join(ROOT, 'test', 'fixtures', 'meantime-mini');

describe('eval: tolerant XML reader', () => {
  it('reads attributes, entities, self-closing tags and text', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &amp; 2" y=\'q\'><b z="&quot;"/>t&lt;&#65;&#x42;<![CDATA[<raw>]]></a>');
    const [a] = root.children;
    assert.equal(a.name, 'a');
    assert.deepEqual(a.attrs, { x: '1 & 2', y: 'q' });
    assert.equal(a.children[0].attrs.z, '"');
    assert.equal(a.text, 't<AB<raw>');
  });

  it('survives stray close tags, unclosed elements and a lone "<"', () => {
    const root = parseXml('<r></nope><p>1 < 2<q>open</r>');
    assert.equal(findAll(root, 'p').length, 1);
    assert.equal(findAll(root, 'q')[0].text, 'open');
    assert.equal(findAll(root, 'p')[0].text, '1 < 2');
  });
});

describe('eval: MEANTIME reader and text rebuilding', () => {
  const topics = readMeantime(MINI);
  const [a, b] = topics[0]?.docs ?? [];

  it('reads each folder of XML files as one topic', () => {
    assert.deepEqual(topics.map((t) => [t.name, t.docs.map((d) => d.id)]), [['mini', ['1_Acme_hires_Jane_Doe', '2_Doe_starts_at_S&P']]]);
  });

  it('rebuilds the text with front matter, headline and date line, one paragraph per sentence', () => {
    assert.equal(
      a.text,
      '---\npublished: 2008-03-06\ntitle: Acme hires Jane Doe\noutlet: Wikinews\nurl: http://example.org/wiki/Acme_hires_Jane_Doe\n---\n' +
        'Acme hires Jane Doe\nMarch 06, 2008\n\nJane Doe said “it is great”.\n\nShe joined Acme yesterday.\n\nIt was sunny.\n\nNothing else happened.\n\nJane Doe left Acme.\n',
    );
    assert.equal(b.text, '---\npublished: 2008-03-07\ntitle: Doe starts at S&P\noutlet: Wikinews\n---\nDoe starts at S&P\nMarch 07, 2008\n\nDoe, 40, began work on Monday.\n');
  });

  it('records offsets that slice out each token', () => {
    const surface = (t: string) => (t === '``' ? '“' : t === "''" ? '”' : t);
    const raw = fs.readFileSync(path.join(MINI, 'corpus_mini', '1_Acme_hires_Jane_Doe.xml'), 'utf8');
    const words = [...raw.matchAll(/<token [^>]*>([^<]*)<\/token>/g)].map((m) => surface(m[1]));
    assert.deepEqual(a.tokens.map((t) => a.text.slice(t.start, t.end)), words);
    for (const d of [a, b]) for (let i = 1; i < d.tokens.length; i++) assert.ok(d.tokens[i - 1].end <= d.tokens[i].start);
  });

  it('keeps quotes attached and spaces words in a standalone rebuild', () => {
    const toks = ['He', 'said', '"', 'no', '"', ',', 'not', 'US$', '5', '(', 'or', '10', '%', ')', 'they', "'re", 'told', '.'].map((text, i) => ({ tId: String(i), sentence: 2, text }));
    assert.equal(rebuildText(toks).text, 'He said “no”, not US$5 (or 10%) they\'re told.\n');
    const single = ['Airbus', "'", 'plan', 'to', '`', 'cut', 'the', 'cord', "'", '.'].map((text, i) => ({ tId: String(i), sentence: 2, text }));
    assert.equal(rebuildText(single).text, 'Airbus\' plan to ‘cut the cord’.\n');
  });

  it('collects the gold: PER mentions via REFERS_TO, events, and dates without the creation time', () => {
    assert.deepEqual(a.persons.map((p) => [p.text, p.syntacticType, p.instance]), [['Jane Doe', 'NAM', 'PER1'], ['Jane Doe', 'NAM', 'PER1'], ['She', 'PRO', 'PER1'], ['Jane Doe', '', 'PER1']]);
    assert.deepEqual(b.persons.map((p) => [p.text, p.syntacticType]), [['Doe', ''], ['Doe', 'NAM']]);
    assert.deepEqual(a.events.map((e) => [e.text, e.crossDoc]), [['hires', true], ['said', false], ['joined', true]]);
    assert.equal(a.dct, '2008-03-06');
    assert.equal(b.dct, '2008-03-07', 'an unmarked creation time is the date line');
    assert.deepEqual(a.dates.map((d) => d.value), ['2008-03-05']);
    assert.deepEqual(b.dates.map((d) => d.value), ['2008-03-03'], 'the date line and token-less TIMEX3 are left out');
  });

  it('classes a mention as named by type, or by capitals when it has no type', () => {
    assert.deepEqual([...a.persons, ...b.persons].map(isNamed), [true, true, false, true, true, true]);
  });

  it('marks where the fully annotated part (sentences 0-5) ends', () => {
    assert.equal(a.text.slice(0, a.fullyAnnotatedEnd).split('\n').pop(), 'Nothing else happened.');
    assert.equal(b.fullyAnnotatedEnd, b.text.trimEnd().length);
  });

  it('gives the article model a text whose front matter it reads', () => {
    const corpus = new Corpus();
    const art = corpus.upsert(a.id, a.text);
    assert.equal(art.text, a.text);
    assert.equal(art.published, '2008-03-06');
    assert.equal(art.title, 'Acme hires Jane Doe');
  });
});

describe('eval: span matching', () => {
  const tokens = [{ start: 0, end: 4 }, { start: 5, end: 10 }, { start: 10, end: 11 }].map((t, i) => ({ ...t, tId: String(i), sentence: 0 }));
  it('finds the tokens a character range overlaps', () => {
    assert.deepEqual(tokensOverlapping(tokens, 0, 4), [0]);
    assert.deepEqual(tokensOverlapping(tokens, 3, 6), [0, 1]);
    assert.deepEqual(tokensOverlapping(tokens, 4, 5), [], 'the space between tokens touches none');
    assert.deepEqual(tokensOverlapping(tokens, 9, 20), [1, 2]);
    assert.deepEqual(tokensOverlapping(tokens, 6, 6), [], 'an empty range touches nothing');
  });
});

describe('eval: scorers on fake predictions', () => {
  const docs = readMeantime(MINI)[0].docs;
  const [a, b] = docs;
  /** The span of the n-th occurrence of `needle` in the body (after the front matter). */
  const at = (d: EvalDoc, needle: string, nth = 0) => {
    let i = d.text.indexOf('\n---\n') + 5;
    for (let k = 0; k <= nth; k++) i = d.text.indexOf(needle, k ? i + 1 : i);
    assert.ok(i >= 0, needle);
    return { doc: d.id, start: i, end: i + needle.length };
  };
  const people: PredMention[] = [
    { ...at(a, 'Jane Doe', 1), cluster: 'X' }, // right
    { ...at(a, 'Acme', 1), cluster: 'Z' }, // an organisation: wrong
    { ...at(b, 'Doe', 1), cluster: 'X' }, // right, and the same person as the first
    { ...at(a, 'Jane Doe', 0), cluster: 'Y' }, // right, but split off as another person
    { ...at(a, 'Jane Doe', 2), cluster: 'X' }, // beyond the fully annotated part: not judged as a detection
  ];

  it('scores person mentions: exactly 3/4 precision and 3/5 recall', () => {
    const s = scorePeople(docs, people);
    assert.deepEqual([s.gold, s.predicted, s.matchedPredicted, s.matchedGold], [5, 4, 3, 3]);
    assert.equal(s.precision, 3 / 4);
    assert.equal(s.recall, 3 / 5);
    const named = scorePeople(docs, people, isNamed);
    assert.deepEqual([named.gold, named.matchedGold], [4, 3]);
  });

  it('scores cross-article pairs: 2 of 2 right, 2 of 8 found', () => {
    const s = scoreCrossPeople(docs, people);
    // Gold: 4 mentions of Jane Doe in A × 2 in B. Ours: X holds two aligned mentions in A and one in B.
    assert.deepEqual([s.goldPairs, s.predictedPairs, s.correctPairs, s.aligned], [8, 2, 2, 4]);
    assert.equal(s.precision, 1);
    assert.equal(s.recall, 2 / 8);
  });

  it('scores date values at the gold precision, unmatched golds wrong', () => {
    const times: PredTime[] = [{ ...at(a, 'yesterday'), value: '2008-03-05' }, { ...at(b, 'Monday'), value: '2008-03' }];
    const s = scoreDates(docs, times);
    assert.deepEqual([s.gold, s.predicted, s.matched, s.correct, s.exact], [2, 2, 2, 1, 1]);
    assert.equal(s.accuracy, 1 / 2);
    assert.deepEqual([s.bodyGold, s.bodyCorrect], [2, 1], 'neither gold date is in a headline');
    assert.equal(scoreDates(docs, times.slice(0, 1)).accuracy, 1 / 2, 'a gold date nothing overlaps is wrong');
    assert.equal(scoreDates(docs, []).accuracy, 0);
  });

  it('compares values at the gold precision', () => {
    assert.ok(sameAtGoldPrecision('2008', '2008-03-06'));
    assert.ok(sameAtGoldPrecision('2008-03', '2008-03-06'));
    assert.ok(sameAtGoldPrecision('200', '2008'));
    assert.ok(sameAtGoldPrecision('PRESENT_REF', 'PRESENT_REF'));
    assert.ok(!sameAtGoldPrecision('2008-03-06', '2008-03'));
    assert.ok(!sameAtGoldPrecision('2008-03', '2008-04-01'));
    assert.ok(!sameAtGoldPrecision('2008', '20081'));
    assert.ok(!sameAtGoldPrecision('2008-Q1', '2008-01'));
  });

  it('scores events: the gold instance linked in both articles; one pure event of two judged', () => {
    const sentence = (d: EvalDoc, word: string) => {
      const w = at(d, word);
      const start = d.text.lastIndexOf('\n', w.start) + 1;
      return { doc: d.id, start, end: d.text.indexOf('\n', w.start) };
    };
    const events: PredEvent[] = [
      { id: 'E1', sources: [sentence(a, 'joined'), sentence(b, 'began')] }, // EV1 in both: pure
      { id: 'E2', sources: [sentence(a, 'said'), sentence(b, 'starts')] }, // "said" is another event: impure
      { id: 'E3', sources: [sentence(a, 'hires')] }, // one article: not a cross-article event
      { id: 'E4', sources: [sentence(a, 'said'), { doc: b.id, start: at(b, '40').start, end: at(b, '40').end }] }, // gold only on one side: not judged
    ];
    const s = scoreEvents(docs, events);
    assert.deepEqual([s.goldInstances, s.linkedAll, s.linkedTwo, s.multiArticle, s.judged, s.pure], [1, 1, 1, 3, 2, 1]);
    assert.equal(s.purity, 1 / 2);
    assert.equal(scoreEvents(docs, events.slice(2)).linkedAllShare, 0);
  });

  it('scores related coverage: one query per article of the shared event, ranked answers judged on the other article', () => {
    const qs = relatedQueries(docs);
    // EV1 (joined / began) is the one event in both articles: a query in each.
    assert.deepEqual(qs.map((q) => q.doc).sort(), [a.id, b.id].sort());
    const qa = qs.find((q) => q.doc === a.id)!;
    const qb = qs.find((q) => q.doc === b.id)!;
    const wrong = at(b, 'Doe', 1);
    const s = scoreRelated(docs, [
      { query: qa, answers: [wrong, at(b, 'began')] }, // right at rank 2
      { query: qb, answers: [at(a, 'sunny')] }, // never right
    ]);
    assert.deepEqual([s.queries, s.pairs, s.top5], [2, 2, 1]);
    assert.equal(s.mrr, (1 / 2 + 0) / 2);
    assert.equal(scoreRelated(docs, []).top5Share, null);
  });

  it('prints n/a, never a bare 0 or 100, when nothing was predicted', () => {
    const table = rows(scoreAll(docs, { people: [], times: [], events: [], related: [] }));
    const byMeasure = (family: string, measure: string) => table.find((r) => r.family.startsWith(family) && r.measure === measure)!;
    assert.equal(byMeasure('people (all', 'precision').value, null);
    assert.match(byMeasure('people (all', 'precision').note, /^n\/a/);
    assert.match(byMeasure('people (all', 'recall').note, /predicted nothing/);
    assert.match(byMeasure('events', 'pure').note, /^n\/a/);
    assert.ok(table.every((r) => r.value !== 1));
  });
});

describe('eval: table', () => {
  const row = (measure: string, value: number | null): Row => ({ family: 'f', measure, value, gold: 10, ours: 4, matched: 2, note: '' });
  it('shows the change against a saved run, n/a where either side is n/a', () => {
    const rowsNow = compareWith([row('a', 0.5), row('b', null), row('c', 0.25)], [row('a', 0.25), row('b', 0.5)]);
    assert.deepEqual(rowsNow.map((r) => r.delta), [0.25, null, undefined]);
    const md = markdownTable(rowsNow).split('\n');
    assert.equal(md[0], '| family | measure | value | Δ | gold | ours | matched | note |');
    assert.equal(md[2], '| f | a | 0.500 | +0.250 | 10 | 4 | 2 |  |');
    assert.equal(md[4], '| f | c | 0.250 | new | 10 | 4 | 2 |  |');
  });
});

describe('eval: command line', function () {
  this.timeout(60000);
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'eval', 'index.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it('refuses to run when the data folder is missing', () => {
    const r = run('--meantime', path.join(os.tmpdir(), 'no-such-meantime-folder'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /does not exist/);
  });

  it('refuses to run when the folder holds no documents', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meantime-empty-'));
    try {
      const r = run('--meantime', dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /no MEANTIME CAT XML documents/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses --gold without --corpus, and a gold file that does not exist', () => {
    const alone = run('--gold', 'x.json');
    assert.equal(alone.status, 1);
    assert.match(alone.stderr, /--gold and --corpus go together/);
    const missing = run('--gold', path.join(os.tmpdir(), 'no-such-gold.json'), '--corpus', 'seeds');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /(does not exist|no scorer found)/);
  });

  it('prints the table with its counts on the mini corpus', () => {
    const r = run('--meantime', MINI);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /MEANTIME: 2 documents in 1 topics/);
    assert.match(r.stdout, /gold: 6 PER mentions \(5 named; 5 in the fully annotated sentences 0-5\)/);
    for (const family of ['people (all PER mentions)', 'cross-article people', 'dates (TIMEX3 DATE', 'events across articles']) assert.ok(r.stdout.includes(family), family);
  });
});
