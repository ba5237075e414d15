// Property-based robustness of the core through the public Corpus API: whatever the text, nothing
// throws, every offset lies inside its article with start <= end, and every `text` is its slice.
// Runs are bounded (numRuns and a time budget) so the suite stays well under a minute.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Corpus } from '../../src/core/corpus';
import { decodeArticleBytes } from '../../src/core/decode';
import { anyText, hostileText, mutate, mutation } from './support/arbitraries';
import { checkEverything, checkSearch, checkRelated, Problems } from './support/invariants';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seeds: [string, string][] = fs
  .readdirSync(seedsDir)
  .sort()
  .map((name) => {
    const d = decodeArticleBytes(fs.readFileSync(path.join(seedsDir, name)));
    if (!d.ok) throw new Error(`seed ${name}: ${d.reason}`);
    return [name, d.text];
  });

/** Bounded runs: a slow analysis shortens the run instead of stalling the suite (hangs are caught by worstCase.test.ts). */
const budget = <Ts>(numRuns: number): fc.Parameters<Ts> => ({ numRuns, interruptAfterTimeLimit: 12_000, endOnFailure: true });

/** fc.assert, plus the number of runs done within the budget when CORROBORATE_VERBOSE is set. */
function check<Ts extends unknown[]>(prop: fc.IProperty<Ts>, params: fc.Parameters<Ts>) {
  const out = fc.check(prop, params);
  if (process.env.CORROBORATE_VERBOSE) console.log(`      ${out.numRuns} runs${out.interrupted ? ' (time budget reached)' : ''}`);
  if (out.failed) throw new Error(fc.defaultReportMessage(out) ?? 'property failed');
}

function seedsCorpus(): Corpus {
  const c = new Corpus();
  for (const [id, text] of seeds) c.upsert(id, text);
  return c;
}

describe('robustness: property-based tests of the core', function () {
  this.timeout(60_000);

  it('the seeds themselves keep every invariant', () => {
    checkEverything(seedsCorpus(), ['Petro', 'Trump White House', 'Villavicensio', 'deportation flight']);
  });

  it('a corpus of arbitrary strings answers every query without throwing', () => {
    check(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 3 }), (texts) => {
        const c = new Corpus();
        texts.forEach((t, i) => c.upsert(`a${i}.txt`, t));
        checkEverything(c, texts.map((t) => t.slice(0, 40)), 4);
      }),
      budget(80),
    );
  });

  it('mutated seeds, next to the untouched seeds, keep every invariant', () => {
    const c = seedsCorpus();
    check(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, ms) => {
        const text = mutate(seeds[i][1], ms);
        c.upsert('mutant.txt', text);
        try {
          checkEverything(c, [text.slice(0, 30)], 2);
        } finally {
          c.remove('mutant.txt');
        }
      }),
      { ...budget(50), interruptAfterTimeLimit: 20_000 },
    );
  });

  it('search takes any query string', () => {
    const c = seedsCorpus();
    check(
      fc.property(fc.oneof(anyText, fc.constantFrom('', ' ', '.*', '(', '[', '\\', '$^', '|||', '"'.repeat(1000), 'a'.repeat(10_000))), (q) => {
        const p = new Problems();
        checkSearch(c, p, [q]);
        p.assertNone();
      }),
      budget(100),
    );
  });

  it('related takes any span inside an article', () => {
    const c = seedsCorpus();
    const ids = seeds.map(([id]) => id);
    check(
      fc.property(fc.constantFrom(...ids), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 50 }), (id, x, y, limit) => {
        const n = c.get(id)!.text.length;
        const [start, end] = [Math.floor(Math.min(x, y) * n), Math.floor(Math.max(x, y) * n)];
        const results = c.related(id, { start, end }, limit);
        assert.ok(results.length <= limit, `related returned ${results.length} > limit ${limit}`);
        const p = new Problems();
        results.forEach((r, i) => {
          p.check(c, `related[${i}]`, r);
          p.score(`related[${i}]`, r.score);
        });
        p.assertNone();
      }),
      budget(100),
    );
  });

  it('personAt takes any offset, in range or not', () => {
    const c = seedsCorpus();
    const ids = seeds.map(([id]) => id);
    check(
      fc.property(fc.constantFrom(...ids, 'missing.txt'), fc.integer({ min: -10, max: 20_000 }), (id, off) => {
        const p = c.personAt(id, off);
        if (p) assert.ok(p.mentions.some((m) => m.article === id && m.start <= off && off < m.end));
      }),
      budget(100),
    );
  });

  it('an incrementally updated corpus answers like a fresh one built from the same articles', () => {
    type Op = { id: number; text: string | null };
    const op = fc.record({ id: fc.integer({ min: 0, max: 3 }), text: fc.option(hostileText, { nil: null, freq: 4 }) });
    check(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops: Op[]) => {
        const inc = new Corpus();
        for (const [id, text] of seeds.slice(0, 2)) inc.upsert(id, text);
        const final = new Map<string, string>(seeds.slice(0, 2));
        for (const o of ops) {
          const id = o.id < 2 ? seeds[o.id][0] : `extra${o.id}.txt`;
          if (o.text === null) {
            inc.remove(id);
            final.delete(id);
          } else {
            inc.upsert(id, o.text);
            final.set(id, o.text);
          }
          inc.report(); // fill the memos between changes so stale ones would show
        }
        const fresh = new Corpus();
        for (const [id, text] of [...final].sort()) fresh.upsert(id, text);
        assert.deepEqual(inc.report(), fresh.report());
        for (const q of ['said', 'President', 'the']) assert.deepEqual(inc.search.search(q, 5), fresh.search.search(q, 5), `search ${q}`);
      }),
      budget(25),
    );
  });

  it('related results of every sentence of a corpus of mutants keep the invariants', () => {
    check(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { maxLength: 3 })), { minLength: 2, maxLength: 3 }), (picks) => {
        const c = new Corpus();
        picks.forEach(([i, ms], k) => c.upsert(`m${k}.txt`, mutate(seeds[i][1], ms)));
        const p = new Problems();
        checkRelated(c, p, 10);
        p.assertNone();
      }),
      budget(20),
    );
  });
});
