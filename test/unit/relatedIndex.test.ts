import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { generateCorpus } from '../../bench/generate';
import { mulberry32 } from '../../bench/prng';
import { parseArticle } from '../../src/core/article';
import { articleFeatures, sentenceLength, termSpan, vocabOf, wordSpan } from '../../src/core/align';
import { isPlainData } from '../../src/core/articleAnalysis';
import { PostingIndex, TermDictionary } from '../../src/core/postings';
import { termBag } from '../../src/core/terms';
import { corpusOf, randomChange } from './helpers/history';

describe('packed sentence features', () => {
  const docs = generateCorpus(6, 11);

  it('give each sentence the terms, words and length of its term bag', () => {
    for (const d of docs) {
      const a = parseArticle(d.id, d.text);
      const f = articleFeatures(a);
      const vocab = vocabOf(f);
      assert.equal(f.sentences, a.sentences.length);
      a.sentences.forEach((s, i) => {
        const bag = termBag(a.text, s.start, s.end);
        const [tf, tt] = termSpan(f, i);
        const [wf, wt] = wordSpan(f, i);
        assert.deepEqual([...f.data.subarray(tf, tt)].map((k) => vocab[k]), [...bag.terms]);
        assert.deepEqual([...f.data.subarray(wf, wt)].map((k) => vocab[k]), bag.words);
        assert.ok([...f.data.subarray(tf, tt)].every((k) => k < f.termCount));
        assert.ok([...f.data.subarray(wf, wt)].every((k) => k >= f.termCount));
        assert.equal(sentenceLength(f, i), bag.groups.length);
      });
    }
  });

  it('are plain data that survive serialization (worker and cache)', () => {
    const f = articleFeatures(parseArticle(docs[0].id, docs[0].text));
    assert.equal(isPlainData(f), true);
    assert.deepEqual(v8.deserialize(v8.serialize(f)), f);
  });

  it('hold an article without sentences', () => {
    const f = articleFeatures(parseArticle('e.txt', ''));
    assert.equal(f.sentences, 0);
    assert.deepEqual(vocabOf(f), []);
  });
});

describe('posting index', () => {
  /** A naive model: article -> passages as term-id lists. */
  function check(index: PostingIndex, model: Map<string, number[][]>, terms: number) {
    let live = 0;
    for (const ps of model.values()) live += ps.length;
    assert.equal(index.size, live);
    const total = [...model.values()].flat().reduce((n, p) => n + p.length, 0);
    assert.ok(Math.abs(index.averageLength - (live ? total / live : 1)) < 1e-9);
    for (let t = 0; t < terms; t++) {
      const expected: string[] = [];
      for (const [article, ps] of model) ps.forEach((p, i) => p.includes(t) && expected.push(`${article}#${i}`));
      const got = index.passagesWith(t).map((pid) => `${index.articleOf(pid)}#${index.indexOf(pid)}`);
      assert.deepEqual(got.sort(), expected.sort(), `term ${t}`);
      assert.equal(index.df(t), expected.length);
    }
  }

  it('keeps postings and document frequencies exact through adds, removals and sweeps', () => {
    const rng = mulberry32(5);
    const index = new PostingIndex();
    const model = new Map<string, number[][]>();
    const TERMS = 30;
    for (let step = 0; step < 400; step++) {
      const article = `a${Math.floor(rng() * 12)}`;
      if (rng() < 0.3) {
        index.remove(article, [...new Set(model.get(article)?.flat() ?? [])]);
        model.delete(article);
      } else {
        index.remove(article, [...new Set(model.get(article)?.flat() ?? [])]);
        const ps = Array.from({ length: 1 + Math.floor(rng() * 8) }, () => [...new Set(Array.from({ length: Math.floor(rng() * 6) }, () => Math.floor(rng() * TERMS)))]);
        const flat = ps.flat();
        const ends = ps.map((_, i) => ps.slice(0, i + 1).flat().length);
        index.add(article, flat, ends, ps.map((p) => p.length));
        model.set(article, ps);
        assert.deepEqual(index.rangeOf(article).count, ps.length);
      }
      if (step % 20 === 0) check(index, model, TERMS);
    }
    check(index, model, TERMS);
  });

  it('frees term ids no article holds, and reuses them', () => {
    const d = new TermDictionary();
    const a = d.acquire('s:peace');
    assert.equal(d.acquire('s:peace'), a);
    const b = d.acquire('n:a-rather-long-name-string');
    d.release(a);
    assert.equal(d.id('s:peace'), a);
    d.release(a);
    assert.equal(d.id('s:peace'), -1);
    assert.equal(d.acquire('c:talk'), a);
    assert.equal(d.names[b], 'n:a-rather-long-name-string');
  });
});

describe('related coverage after edits', () => {
  it('answers as a fresh index of the same texts does', () => {
    const docs = generateCorpus(10, 9);
    const all = new Map(docs.map((d) => [d.id, d.text]));
    const current = new Map(all);
    const c = corpusOf(current);
    const rng = mulberry32(3);
    const ids = [...all.keys()];
    // Many rounds, so removed passages outnumber live ones and the posting lists are swept.
    for (let round = 0; round < 40; round++) {
      for (let k = 0; k < 3; k++) {
        const id = ids[Math.floor(rng() * ids.length)];
        randomChange(rng, c, current, all, id, (t) => t.replace(/\b(the|a)\b/, 'one').replace(/\.\s/, '. Talks on trade resumed. '));
      }
      c.related(c.articles()[0].id, c.articles()[0].sentences[0], 5);
    }
    const fresh = corpusOf(current);
    for (const a of fresh.articles()) {
      for (const s of a.sentences.filter((_, i) => i % 4 === 0)) {
        assert.deepEqual(c.related(a.id, s, 10), fresh.related(a.id, s, 10), `${a.id}@${s.start}`);
      }
    }
  });
});
