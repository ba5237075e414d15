import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { comparePassages, markSegments } from '../../src/core/compare';
import { paragraphCoverage } from '../../src/core/align';
import { compareHtml, escapeHtml } from '../../src/extension/compareHtml';
import { around, plainText } from '../../src/extension/features/plainText';

const A = `Ferry sinks

The ferry sank on Sunday with 40 passengers aboard, the coast guard said.
Rescuers pulled survivors from the cold water.
`;
const B = `Ferry disaster <script>alert(1)</script>

The ferry went down on Saturday carrying 45 passengers, the coast guard said <script>alert("x")</script>.
Local shops closed early.
`;

function corpus() {
  const c = new Corpus();
  c.upsert('a.txt', A);
  c.upsert('b.txt', B);
  return c;
}

describe('compare coverage', () => {
  it('puts the passage first and one column per other article', () => {
    const c = corpus();
    const at = A.indexOf('The ferry sank');
    const data = comparePassages(c, 'a.txt', { start: at, end: at });
    assert.deepEqual(data.columns.map((x) => [x.article, x.origin]), [['a.txt', true], ['b.txt', false]]);
    assert.match(data.columns[1].passages[0].text, /45 passengers/);
  });

  it('marks differing figures and dates apart from shared ones', () => {
    const c = corpus();
    const at = A.indexOf('The ferry sank');
    const data = comparePassages(c, 'a.txt', { start: at, end: at });
    const segs = data.columns[1].passages[0].segments;
    const kind = (text: string) => segs.find((s) => s.text === text)?.kind;
    assert.equal(kind('45'), 'figure-differs');
    assert.equal(kind('Saturday'), 'figure-differs');
    assert.equal(kind('ferry'), 'same');
    assert.equal(segs.map((s) => s.text).join(''), data.columns[1].passages[0].text);
    const origin = data.columns[0].passages[0].segments;
    assert.equal(origin.find((s) => s.text === '40')?.kind, 'figure-differs');
  });

  it('keeps every character of the text in the segments', () => {
    const text = 'Odd — spacing,  "quotes" and 3.5% of $30bn!';
    assert.equal(markSegments(text, { words: new Set(), figures: new Set() }).map((s) => s.text).join(''), text);
  });

  it('renders article text escaped, under a strict CSP with a nonce', () => {
    const c = corpus();
    const at = A.indexOf('The ferry sank');
    const html = compareHtml(comparePassages(c, 'a.txt', { start: at, end: at }), { cspSource: 'vscode-webview://abc', nonce: 'N0nce' });
    assert.ok(!html.includes('<script>alert'), 'article <script> must be escaped');
    assert.ok(html.includes('&#60;script&#62;alert'));
    assert.match(html, /Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-N0nce';/);
    assert.match(html, /style-src vscode-webview:\/\/abc 'nonce-N0nce'/);
    // Every script tag on the page carries the nonce.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(scripts.length >= 1 && scripts.every((s) => s.includes('nonce="N0nce"')));
    assert.ok(!/https?:\/\//.test(html), 'no remote resources');
  });

  it('escapes quotes in attributes', () => {
    assert.equal(escapeHtml(`"><img src=x onerror=alert(1)>`), '&#34;&#62;&#60;img src=x onerror=alert(1)&#62;');
  });
});

describe('paragraph coverage (CodeLens)', () => {
  it('counts the other articles that report a paragraph', () => {
    const c = corpus();
    const cov = paragraphCoverage(c, 'a.txt');
    const first = cov.find((p) => A.slice(p.start, p.end).includes('ferry sank'));
    assert.deepEqual(first?.articles, ['b.txt']);
  });
});

describe('quick pick text', () => {
  it('is one plain line that cannot render codicons', () => {
    const s = plainText('Evil $(alert) text\nsecond line', 100);
    assert.ok(!s.includes('$('));
    assert.ok(!s.includes('\n'));
  });

  it('clips around the match', () => {
    const s = 'x'.repeat(300) + 'MATCH' + 'y'.repeat(300);
    const w = around(s, 300, 100);
    assert.ok(w.includes('MATCH') && w.startsWith('…') && w.endsWith('…'));
  });
});
