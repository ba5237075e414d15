import assert from 'node:assert/strict';
import path from 'node:path';
import { loadFolder } from '../../src/cli';
import { Corpus } from '../../src/core/corpus';

const seeds = () => loadFolder(path.join(__dirname, '../../seeds'), 1 << 24);

describe('search', () => {
  it('finds a misspelt name ("Villavicensio") in 003 first', () => {
    const res = seeds().search.search('Villavicensio', 10);
    assert.ok(res[0].article.startsWith('003'));
    assert.match(res[0].text, /Villavicencio/);
  });

  it('finds "deportation flight" in 002 first', () => {
    const res = seeds().search.search('deportation flight', 10);
    assert.ok(res[0].article.startsWith('002'));
    assert.match(res[0].text, /deportation flights/);
  });

  it('finds a partial, unaccented, hyphen-less name ("Garcia Pena")', () => {
    const res = seeds().search.search('Garcia Pena', 10);
    assert.match(res[0].text, /Garcia-Peña/);
  });

  it('completes a prefix ("Villa") and tolerates a dropped letter ("handwriten")', () => {
    const c = seeds();
    assert.match(c.search.search('Villa', 5)[0].text, /Villavicencio/);
    assert.match(c.search.search('handwriten note', 5)[0].text, /handwritten/);
  });

  it('returns exact offsets, scores best first, passages only from article bodies', () => {
    const c = seeds();
    for (const q of ['Petro', 'Trump sanctions', 'coca producer', 'White House']) {
      const res = c.search.search(q, 20);
      assert.ok(res.length > 0, q);
      for (let i = 0; i < res.length; i++) {
        const r = res[i];
        const a = c.get(r.article)!;
        assert.equal(a.text.slice(r.start, r.end), r.text);
        assert.ok(r.start >= a.body.start && r.end <= a.body.end);
        assert.ok(r.score >= 0 && r.score <= 1);
        if (i) assert.ok(res[i - 1].score >= r.score);
      }
    }
  });

  it('highlights the matched words', () => {
    const c = seeds();
    const [hit] = c.search.searchHits('Villavicensio', 1);
    const a = c.get(hit.passage.article)!;
    assert.deepEqual(hit.highlights.map((h) => a.text.slice(h.start, h.end)), ['Villavicencio']);
  });

  it('finds nothing for gibberish and for an empty query', () => {
    const c = seeds();
    assert.deepEqual(c.search.search('qzxjvw', 10), []);
    assert.deepEqual(c.search.search('  ', 10), []);
  });

  it('re-indexes an article when it changes, and forgets removed ones', () => {
    const c = new Corpus();
    c.upsert('a.txt', 'Budget vote\n\nThe council approved the harbour budget on Tuesday.\n');
    c.upsert('b.txt', 'Storm\n\nA storm closed the airport.\n');
    assert.equal(c.search.search('harbour budget', 5)[0].article, 'a.txt');
    c.upsert('a.txt', 'Budget vote\n\nThe council rejected the plan.\n');
    assert.deepEqual(c.search.search('harbour', 5), []);
    c.remove('b.txt');
    assert.deepEqual(c.search.search('airport', 5), []);
    c.upsert('b.txt', 'Storm\n\nA storm closed the airport again.\n');
    assert.equal(c.search.search('airprot', 5)[0].article, 'b.txt');
  });

  it('finds a rare name among 2,000 articles with only 50 candidates ranked by Fuse', () => {
    const c = new Corpus();
    const words = ['council', 'harbour', 'budget', 'storm', 'airport', 'minister', 'election', 'vote', 'bridge', 'river', 'police', 'court'];
    for (let i = 0; i < 2000; i++) {
      const pick = (k: number) => words[(i * 7 + k * 3) % words.length];
      c.upsert(`a${i}.txt`, `Story ${i}\n\nThe ${pick(0)} and the ${pick(1)} met over the ${pick(2)} number ${i}.\nOfficials discussed the ${pick(3)} again.\n`);
    }
    c.upsert('needle.txt', 'Needle\n\nThe ambassador Ximena Quintero-Ruiz arrived late.\n');
    const res = c.search.search('Quintero Ruis', 5, { candidates: 50 });
    assert.equal(res[0].article, 'needle.txt');
    assert.equal(res.length, 1);
    // A common word still answers, from the candidates the index picked.
    assert.equal(c.search.search('harbour', 10, { candidates: 50 }).length, 10);
  });
});
