// The benchmark's synthetic corpora: deterministic, clusters of 3-8 outlets, about 600 words each.
import assert from 'node:assert/strict';
import { generateCorpus } from '../../bench/generate';
import { mulberry32 } from '../../bench/prng';
import { Corpus } from '../../src/core/corpus';

describe('benchmark corpora', () => {
  it('mulberry32 is deterministic per seed and spreads over [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(xs, Array.from({ length: 1000 }, () => b()));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.ok(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5) < 0.05);
    assert.notEqual(mulberry32(2)(), mulberry32(1)());
  });

  it('the same seed gives the same corpus; clusters hold 3-8 outlets; articles run about 600 words', () => {
    const c = generateCorpus(200);
    assert.deepEqual(c, generateCorpus(200));
    assert.equal(c.length, 200);
    assert.equal(new Set(c.map((a) => a.id)).size, 200);
    const clusters = new Map<string, number>();
    for (const a of c) clusters.set(a.id.split('/')[0], (clusters.get(a.id.split('/')[0]) ?? 0) + 1);
    const sizes = [...clusters.values()].slice(0, -1); // the last cluster is cut to the corpus size
    assert.ok(sizes.every((n) => n >= 3 && n <= 8), `cluster sizes ${sizes}`);
    const words = c.map((a) => a.text.split(/\s+/).length);
    const mean = words.reduce((s, n) => s + n, 0) / words.length;
    assert.ok(mean > 550 && mean < 750, `mean ${mean} words`);
  });

  it('mixes dated and undated articles, quotes and boilerplate tails, and parses cleanly', () => {
    const c = generateCorpus(100);
    const corpus = new Corpus();
    for (const a of c) corpus.upsert(a.id, a.text);
    const arts = corpus.articles();
    const dated = arts.filter((a) => a.published).length;
    assert.ok(dated > 30 && dated < 90, `${dated} dated`);
    assert.ok(c.filter((a) => /Read More/.test(a.text)).length > 10);
    assert.ok(c.every((a) => /"[^"]+," /.test(a.text)));
    for (const a of arts) assert.ok(a.body.end <= a.text.length && a.sentences.length > 20);
  });
});
