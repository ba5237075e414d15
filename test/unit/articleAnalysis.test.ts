// The indexing worker precomputes each article's per-article memo by asking the per-article
// functions directly. These tests make sure that stays complete and exact: every entry that the
// corpus-level features would fill for a one-article corpus is precomputed, with the same value.
import assert from 'node:assert/strict';
import { CONTEXT_DEPENDENT_PREFIX, analyseArticle } from '../../src/core/articleAnalysis';
import { Corpus } from '../../src/core/corpus';
import { seedCorpus } from './helpers/seeds';

/** The memo a one-article corpus holds after every corpus-level question has been asked. */
function memoAfterEveryFeature(id: string, text: string): Map<string, unknown> {
  const c = new Corpus();
  c.upsert(id, text);
  c.people();
  c.quotes();
  c.times();
  c.events();
  c.claims();
  c.search.search('warm up');
  const a = c.articles()[0];
  if (a?.sentences[0]) c.related(a.id, a.sentences[0]);
  return new Map(c.memoOf(id).filter(([k]) => !k.startsWith(CONTEXT_DEPENDENT_PREFIX)));
}

describe('per-article analysis (the indexing worker)', () => {
  const seeds = seedCorpus().articles();

  it('precomputes every memo entry the corpus-level features fill, with the same values', () => {
    assert.ok(seeds.length >= 3);
    for (const a of seeds) {
      const expected = memoAfterEveryFeature(a.id, a.text);
      const got = new Map(analyseArticle(a.id, a.text).memo);
      for (const [key, value] of expected) {
        assert.ok(got.has(key), `${a.id}: the worker does not precompute '${key}'`);
        if (key === 'events.labels') {
          // Labels are memoised for every passage, not only those a merge picked: a superset.
          for (const [k, v] of value as Map<string, unknown>) assert.deepEqual((got.get(key) as Map<string, unknown>).get(k), v, `${a.id}: label ${k}`);
        } else if (key === 'people.candidates') {
          // The people state drops the evidence it has counted (found: null); the worker ships it whole.
          const shipped = got.get(key) as { roles: number[]; found: unknown };
          assert.deepEqual({ ...shipped, found: null }, value, `${a.id}: '${key}' differs`);
          assert.ok(shipped.found, `${a.id}: the worker ships the people evidence`);
        } else {
          assert.deepEqual(got.get(key), value, `${a.id}: '${key}' differs`);
        }
      }
    }
  });

  it('gives a corpus fed from the worker the same answers as one that analysed the texts itself', () => {
    const fresh = new Corpus();
    const fed = new Corpus();
    for (const a of seeds) {
      fresh.upsert(a.id, a.text);
      const r = analyseArticle(a.id, a.text);
      fed.ingest(r.article, r.memo);
    }
    assert.deepEqual(fed.report(), fresh.report());
    const a = fresh.articles()[0];
    assert.deepEqual(fed.related(a.id, a.sentences[1]), fresh.related(a.id, a.sentences[1]));
    assert.deepEqual(fed.search.search('talks'), fresh.search.search('talks'));
  });
});
