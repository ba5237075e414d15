// Incremental corpus-level features must give what a fresh analysis of the same texts gives,
// whatever the history of edits, removals and part-way settling that led there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Corpus } from '../../src/core/corpus';
import { decodeArticleBytes } from '../../src/core/decode';
import { generateCorpus } from '../../bench/generate';
import { int, mulberry32, pick } from '../../bench/prng';
import { corpusOf, randomChange } from './helpers/history';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function texts(): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of [path.join(__dirname, '..', '..', 'seeds'), path.join(FIXTURES, 'unseen'), path.join(FIXTURES, 'unseen-floods')]) {
    for (const f of fs.readdirSync(dir)) {
      const d = decodeArticleBytes(fs.readFileSync(path.join(dir, f)));
      if (d.ok) out.set(`${path.basename(dir)}/${f}`, d.text);
    }
  }
  for (const d of generateCorpus(24)) out.set(`gen/${d.id}`, d.text);
  return out;
}

/** Everything the corpus-level features answer, as plain data. */
function snapshot(c: Corpus) {
  const strip = (x: unknown) => JSON.parse(JSON.stringify(x));
  return { people: strip(c.people()), quotes: strip(c.quotes()), times: strip(c.times()), events: strip(c.events()), claims: strip(c.claims()) };
}

/** A plausible edit: a sentence added, one removed, or a figure changed. */
function edit(text: string, k: number): string {
  const rng = mulberry32(k);
  const cut = text.indexOf('. ', int(rng, 0, Math.max(0, text.length - 1)));
  const at = cut < 0 ? text.length : cut + 2;
  switch (k % 3) {
    case 0: return `${text.slice(0, at)}Officials said ${int(rng, 2, 900)} people attended the meeting on Tuesday. ${text.slice(at)}`;
    case 1: { const end = text.indexOf('. ', at); return end < 0 ? text : text.slice(0, at) + text.slice(end + 2); }
    default: return text.replace(/\d+/, String(int(rng, 1, 99)));
  }
}

describe('incremental corpus-level features', function () {
  this.timeout(120_000);

  for (const seed of [1, 2, 3]) {
    it(`match a fresh analysis after random edits, removals and part-way settling (seed ${seed})`, () => {
      const all = texts();
      const rng = mulberry32(seed);
      const current = new Map<string, string>();
      const c = new Corpus();
      const ids = [...all.keys()];
      for (const id of ids) if (rng() < 0.7) { c.upsert(id, all.get(id)!); current.set(id, all.get(id)!); }
      snapshot(c);
      for (let step = 0; step < 12; step++) {
        const id = pick(rng, ids);
        randomChange(rng, c, current, all, id, (t) => edit(t, seed * 100 + step));
        // Sometimes read everything, sometimes settle a little, sometimes only a hover's worth.
        if (step % 3 === 0) snapshot(c);
        else if (step % 3 === 1) c.settle(performance.now() + 1);
        else c.people();
      }
      assert.deepEqual(snapshot(c), snapshot(corpusOf(current)));
    });
  }

  it('settle() finishes, also in slices whose deadline has already passed, and then nothing is left to do', () => {
    for (const slice of [5, 0]) {
      const c = corpusOf(texts());
      let rounds = 0;
      // Bounded, so a settler that makes no progress fails here instead of hanging the suite.
      while (!c.settle(performance.now() + slice) && rounds < 1_000_000) rounds++;
      assert.ok(rounds < 1_000_000, `settled in slices of ${slice} ms`);
      assert.equal(c.settle(performance.now()), true);
    }
  });
  it("settle(…, 'hover') finishes people, quotes and times and leaves events and claims for a later settle", () => {
    const c = corpusOf(texts());
    assert.equal(c.settle(performance.now() + 60_000, 'hover'), true);
    assert.equal(c.settle(performance.now(), 'hover'), true, 'nothing left for hovers');
    assert.equal(c.settle(performance.now()), false, 'events and claims still to do');
    while (!c.settle(performance.now() + 50)) { /* next slice */ }
    assert.deepEqual(snapshot(c), snapshot(corpusOf(texts())));
  });
});
