import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Corpus } from '../../src/core/corpus';
import { comparePassages } from '../../src/core/compare';

// Hostile or odd text must never break search, related coverage or the comparison: nothing throws,
// and every passage returned is an exact slice of its article's body.
const text = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(fc.constantFrom('Petro', 'Trump', 'said', '"', '“', '.', ' ', '\n', '\n\n', '\r\n', '$(x)', '<script>', '42', 'ﬁ', 'é', '\u202e', '😀', '\u0000', 'U.S.', '-', 'January'), { maxLength: 120 }).map((a) => a.join('')),
);

function check(c: Corpus, r: { article: string; start: number; end: number; text: string }) {
  const a = c.get(r.article)!;
  assert.equal(a.text.slice(r.start, r.end), r.text);
  assert.ok(r.start >= a.body.start && r.end <= a.body.end && r.start <= r.end);
}

describe('search and related on arbitrary text', () => {
  it('never throw and return exact slices', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), text, fc.nat(), (docs, query, at) => {
        const c = new Corpus();
        docs.forEach((d, i) => c.upsert(`d${i}.txt`, d));
        for (const r of c.search.search(query, 10)) check(c, r);
        const a = c.get('d0.txt')!;
        const off = a.text.length ? at % a.text.length : 0;
        for (const r of c.related('d0.txt', { start: off, end: off }, 10)) {
          check(c, r);
          assert.notEqual(r.article, 'd0.txt');
          assert.ok(r.score >= 0 && r.score <= 1);
        }
        comparePassages(c, 'd0.txt', { start: off, end: Math.min(a.text.length, off + 30) });
        c.upsert('d0.txt', docs[docs.length - 1]);
        c.search.search(query, 5);
      }),
      { numRuns: 150 },
    );
  });
});
