import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../src/core/article';
import { decodeArticleBytes } from '../../src/core/decode';

const seeds = path.join(__dirname, '..', '..', 'seeds');
const seed = (prefix: string) => {
  const name = fs.readdirSync(seeds).find((f) => f.startsWith(prefix))!;
  const d = decodeArticleBytes(fs.readFileSync(path.join(seeds, name)));
  assert.ok(d.ok);
  return parseArticle(name, d.text);
};

/** Every span must slice the text it claims to. */
function assertConsistent(a: ReturnType<typeof parseArticle>) {
  assert.ok(a.body.start <= a.body.end && a.body.end <= a.text.length);
  for (const s of a.sentences) {
    assert.equal(a.text.slice(s.start, s.end), s.text);
    assert.ok(s.start >= a.body.start && s.end <= a.body.end, 'sentences lie in the body');
  }
  for (const p of a.paragraphs) assert.ok(p.start >= a.body.start && p.end <= a.body.end);
}

describe('article model on the seeds', () => {
  it('000: wire dateline gives outlet and date', () => {
    const a = seed('000');
    assert.equal(a.published, '2026-02-04');
    assert.equal(a.outlet, 'Reuters');
    assert.equal(a.title, null);
    assert.ok(a.text.slice(a.body.start).startsWith('WASHINGTON (Reuters)'));
    assertConsistent(a);
  });
  it('001 and 002 have no date', () => {
    assert.equal(seed('001').published, null);
    const b = seed('002');
    assert.equal(b.published, null);
    assert.equal(b.title, "Colombia's Petro meets Trump after months of tensions");
    assertConsistent(b);
  });
  it('003: US numeric date and a bare-name byline', () => {
    const a = seed('003');
    assert.equal(a.published, '2026-02-03');
    assert.equal(a.byline, 'Josep Freixes');
    assert.ok(!a.text.slice(a.body.start, a.body.end).includes('Written on'));
    assertConsistent(a);
  });
  it('004: byline, tail stamp date, body ends before the headline list', () => {
    const a = seed('004');
    assert.equal(a.published, '2026-02-03');
    assert.equal(a.byline, 'Saif Nasser');
    assert.ok(a.body.end <= a.text.indexOf('#Global News'));
    assert.ok(a.text.slice(a.body.start, a.body.end).trimEnd().endsWith('open conflict.'));
    assertConsistent(a);
  });
});

describe('article model on edge cases', () => {
  it('YAML front matter wins over heuristics', () => {
    const text = '---\ntitle: "Flood hits town"\noutlet: Daily Post\nauthor: Ann Lee\npublished: 2024-05-06\nurl: https://example.org/x\n---\nWritten on 01/01/2020\n\nThe river rose overnight. Residents fled.\n';
    const a = parseArticle('fm.md', text);
    assert.equal(a.title, 'Flood hits town');
    assert.equal(a.outlet, 'Daily Post');
    assert.equal(a.byline, 'Ann Lee');
    assert.equal(a.published, '2024-05-06');
    assert.equal(a.url, 'https://example.org/x');
    assert.ok(a.text.slice(a.body.start).startsWith('The river rose'));
    assertConsistent(a);
  });
  it('reads "Published: 7 July 2017" and "Feb. 3, 2026 6:22 p.m."', () => {
    assert.equal(parseArticle('a', 'Storm news\nPublished: 7 July 2017\n\nA storm hit.').published, '2017-07-07');
    assert.equal(parseArticle('b', 'Storm news\nFeb. 3, 2026 6:22 p.m.\n\nA storm hit.').published, '2026-02-03');
    assert.equal(parseArticle('c', 'Storm news\n2025-12-31T10:00:00Z\n\nA storm hit.').published, '2025-12-31');
  });
  it('a "By" line after the date line is the byline, without the "By"', () => {
    const a = parseArticle('by', 'Flood news today\nPublished: 12 May 2024\nBy Maria Lopes\n\nThe river rose.');
    assert.equal(a.byline, 'Maria Lopes');
    assert.equal(a.published, '2024-05-12');
  });
  it('a byline on the date line', () => {
    const a = parseArticle('by2', 'Flood news today\nPosted 03/16/2025 by Adaeze Nwosu\n\nThe river rose.');
    assert.equal(a.byline, 'Adaeze Nwosu');
    assert.equal(a.published, '2025-03-16');
    assert.ok(a.text.slice(a.body.start).startsWith('The river'));
  });
  it('day-first notation decides how to read a numeric date', () => {
    const a = parseArticle('eu', 'Storm news\nWritten on 02/03/2026\n\nOn 5 March 2026 a storm hit.');
    assert.equal(a.published, '2026-03-02');
  });
  it('no date is null, not a guess', () => {
    const a = parseArticle('n', 'A headline here\n\nSomething happened in a town. People watched.');
    assert.equal(a.published, null);
    assert.equal(a.outlet, null);
    assert.equal(a.byline, null);
  });
  it('CRLF line endings keep exact offsets', () => {
    const a = parseArticle('crlf', 'Headline words\r\n\r\nFirst paragraph here. Second sentence.\r\nNext paragraph.\r\n');
    assert.equal(a.title, 'Headline words');
    assert.equal(a.paragraphs.length, 2);
    assert.deepEqual(a.sentences.map((s) => s.text), ['First paragraph here.', 'Second sentence.', 'Next paragraph.']);
    assertConsistent(a);
  });
  it('CR-only line endings', () => {
    const a = parseArticle('cr', 'Headline words\r\rOne. Two.\rThree.');
    assert.deepEqual(a.sentences.map((s) => s.text), ['One.', 'Two.', 'Three.']);
  });
  it('a BOM is removed by decoding, and UTF-16 and Latin-1 decode', () => {
    const d = decodeArticleBytes(Buffer.from('\uFEFFHello world.', 'utf8'));
    assert.ok(d.ok && d.text === 'Hello world.');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Caf\u00e9 news.', 'utf16le')]);
    const u = decodeArticleBytes(le);
    assert.ok(u.ok && u.text === 'Caf\u00e9 news.');
    const l = decodeArticleBytes(Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    assert.ok(l.ok && l.text === 'Caf\u00e9' && l.warning);
    assert.equal(decodeArticleBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2])).ok, false);
  });
  it('an empty file and a headline-only file', () => {
    const e = parseArticle('e', '');
    assert.equal(e.sentences.length, 0);
    assert.equal(e.title, null);
    const h = parseArticle('h', 'Just A Headline Here\n');
    assert.equal(h.title, 'Just A Headline Here');
    assert.equal(h.sentences.length, 0);
    assert.equal(h.body.start, h.body.end);
  });
  it('boilerplate tails are outside the body', () => {
    const text = 'Big news today\n\nThe council voted to close the bridge. It reopens in May.\n\nShare this article\nOther headline one\nRead More\nSponsored\n';
    const a = parseArticle('t', text);
    assert.ok(a.text.slice(a.body.start, a.body.end).endsWith('It reopens in May.'));
    const tags = parseArticle('t2', 'News\n\nA thing happened here today.\n\n#Politics #World\nMore headlines\n');
    assert.ok(tags.text.slice(tags.body.start, tags.body.end).endsWith('here today.'));
  });
  it('abbreviations and initials do not end sentences', () => {
    const a = parseArticle('abbr', 'Headline here\n\nMr. Smith met U.S. officials on Feb. 3 at 9 a.m. local time. H. R. McMaster said Gen. Lee agreed. The U.S. The end.');
    assert.deepEqual(a.sentences.map((s) => s.text), [
      'Mr. Smith met U.S. officials on Feb. 3 at 9 a.m. local time.',
      'H. R. McMaster said Gen. Lee agreed.',
      'The U.S.',
      'The end.',
    ]);
  });
  it('a dateline gives the outlet', () => {
    assert.equal(parseArticle('d', 'LONDON, March 3 (AP) - The queen spoke.').outlet, 'AP');
  });
});
