import assert from 'node:assert/strict';
import fc from 'fast-check';
import Fuse from 'fuse.js';
import { FUSE_OPTIONS, FuseQuery, fuseNorm, isBlank, recordScore } from '../../src/core/fuseScore';
import { seedCorpus } from './helpers/seeds';

interface Rec { text: string; title: string; outlet: string }

/** Our score of every record, in Fuse's result shape: index -> score (no entry: no match). */
function ours(records: Rec[], query: string, raw = false): Map<number, number> {
  const q = new FuseQuery(query);
  const out = new Map<number, number>();
  records.forEach((r, i) => {
    const fields = [r.text, r.title, r.outlet].map((v) => (isBlank(v) ? { score: -1, norm: 1 } : { score: raw ? q.rawFieldScore(v) : q.fieldScore(v.toLowerCase()), norm: fuseNorm(v) }));
    const s = recordScore(fields);
    if (s >= 0) out.set(i, s);
  });
  return out;
}

function fuse(records: Rec[], query: string): Map<number, number> {
  return new Map(new Fuse(records, FUSE_OPTIONS).search(query).map((r) => [r.refIndex, r.score!]));
}

const word = fc.constantFrom('villa', 'Villavicencio', 'peña', 'Garcia-Peña', 'talks', 'on', 'trade', 'council', 'the', 'İstanbul', 'ß', 'a', 'x', '42', 'deportation', 'flights', '\u00a0', '\t', 'ﬁ', 'é', 'e\u0301', '😀', 'ΣΑΣ', 'Σ', '𐐀', 'KELVIN\u212a', 'İi');
const phrase = fc.array(word, { minLength: 0, maxLength: 14 }).map((ws) => ws.join(' '));
const mutate = (s: string, k: number, i: number) => {
  if (!s.length) return s;
  const at = i % s.length;
  return k % 3 === 0 ? s.slice(0, at) + s.slice(at + 1) : k % 3 === 1 ? s.slice(0, at) + 'q' + s.slice(at) : s.slice(0, at) + s[at + 1 < s.length ? at + 1 : at] + s[at] + s.slice(at + 2);
};

describe('fuse score replica', () => {
  it('scores every record exactly as fuse.js does (random records and queries)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ text: phrase, title: phrase, outlet: phrase }), { minLength: 1, maxLength: 6 }), phrase, fc.nat(), fc.nat(), fc.nat(), (records, q0, k, i, from) => {
        // Queries: a random phrase, or a piece of a record's text with one edit.
        const src = records[from % records.length].text;
        const piece = src.slice(from % (src.length + 1), (from % (src.length + 1)) + 5 + (k % 40));
        for (const query of [q0, mutate(piece, k, i), piece, 'x'.repeat(40) + piece]) {
          if (!query.trim()) continue;
          const expected = fuse(records, query);
          assert.deepEqual(ours(records, query), expected, JSON.stringify(query));
          assert.deepEqual(ours(records, query, true), expected, `raw ${JSON.stringify(query)}`);
          // The quick containment test never rules out a text that holds the query.
          const fq = new FuseQuery(query);
          for (const r of records) if (r.text.toLowerCase().includes(fq.pattern)) assert.ok(fq.mayContain(r.text), JSON.stringify([r.text, query]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('scores the seed passages exactly as fuse.js does', () => {
    const c = seedCorpus();
    const records = c.articles().flatMap((a) => a.sentences.map((s) => ({ text: s.text, title: a.title ?? '', outlet: a.outlet ?? '' })));
    for (const q of ['Villavicensio', 'deportation flight', 'Garcia Pena', 'Petro', 'handwriten note', 'White House', 'the', 'said the president on Sunday in a statement to reporters']) {
      assert.deepEqual(ours(records, q), fuse(records, q), q);
      assert.deepEqual(ours(records, q, true), fuse(records, q), `raw ${q}`);
    }
  });
});
