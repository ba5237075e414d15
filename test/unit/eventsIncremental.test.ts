// The Events tree updates incrementally: whatever the history of edits, removals and part-way settling,
// corpus.events() must equal a fresh analysis of the same texts, and undoing a change must give back
// the very same list.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { generateCorpus } from '../../bench/generate';
import { int, mulberry32, pick } from '../../bench/prng';
import { mergeSlicing, monthSlicing, settleEvents } from '../../src/core/events';
import { corpusOf, randomChange } from './helpers/history';
import type { Corpus } from '../../src/core/corpus';

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

/** Generated articles, plus a few with their header cut off: undated, they borrow a reference date from the others. */
function texts(n: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of generateCorpus(n)) out.set(d.id, d.text);
  const probe = corpusOf(out);
  let k = 0;
  for (const a of probe.articles()) {
    if (k++ % 7) continue;
    const body = a.text.slice(a.body.start, a.body.end);
    out.set(`${a.id}.undated`, body);
  }
  return out;
}

function edit(text: string, seed: number): string {
  const rng = mulberry32(seed);
  const at = text.indexOf('. ', int(rng, 0, Math.max(0, text.length - 1)));
  const cut = at < 0 ? text.length : at + 2;
  switch (seed % 4) {
    case 0: return `${text.slice(0, cut)}President Olmar Quistev met Dorra Velk on Tuesday in Brask. ${text.slice(cut)}`;
    case 1: { const end = text.indexOf('. ', cut); return end < 0 ? text : text.slice(0, cut) + text.slice(end + 2); }
    case 2: return `${text.slice(0, cut)}The talks were held last month. ${text.slice(cut)}`;
    default: return text.replace(/\d+/, String(int(rng, 1, 99)));
  }
}

/**
 * Settles events one step at a time (a spent deadline), as the extension host does in slices; after
 * each step `between` may change the corpus (true when it did). Returns the number of steps.
 */
function settleStepwise(c: Corpus, between: (step: number) => boolean, maxSteps = Infinity): number {
  let steps = 0;
  while (steps < maxSteps) {
    c.settle(Infinity, 'hover');
    const done = settleEvents(c, 0);
    steps++;
    if (!between(steps) && done) break;
  }
  return steps;
}

/** Runs `fn` with merges cut every few passages, as the large parts and months of a 10k corpus are cut. */
function withFineCuts(fn: () => void) {
  const was = [mergeSlicing.passages, monthSlicing.passages];
  mergeSlicing.passages = 3;
  monthSlicing.passages = 2;
  try {
    fn();
  } finally {
    [mergeSlicing.passages, monthSlicing.passages] = was;
  }
}

describe('incremental events', function () {
  this.timeout(300_000);
  const all = texts(40);

  it('has undated articles in the test corpus, so reference dates move with edits', () => {
    const c = corpusOf(all);
    assert.ok(c.articles().some((a) => !a.published));
    assert.ok(c.events().length > 50);
  });

  it('gives back the identical list after an edit is undone, and after a removal is undone', () => {
    const c = corpusOf(all);
    const before = c.events();
    const ids = [...all.keys()];
    for (const [k, id] of [ids[3], ids[17], ids[ids.length - 1]].entries()) {
      c.upsert(id, edit(all.get(id)!, k));
      const changed = c.events();
      assert.notDeepEqual(plain(changed), plain(before));
      c.upsert(id, all.get(id)!);
      assert.deepEqual(plain(c.events()), plain(before));
      c.remove(id);
      assert.ok(!c.events().some((e) => e.sources.some((s) => s.article === id)));
      c.upsert(id, all.get(id)!);
      assert.deepEqual(plain(c.events()), plain(before));
    }
  });

  for (const seed of [11, 12]) {
    it(`matches a fresh analysis after random edits, removals, additions and sliced settling (seed ${seed})`, () => {
      const rng = mulberry32(seed);
      const ids = [...all.keys()];
      const current = new Map<string, string>();
      for (const id of ids) if (rng() < 0.8) current.set(id, all.get(id)!);
      const c = corpusOf(current);
      c.events();
      for (let step = 0; step < 16; step++) {
        const id = pick(rng, ids);
        randomChange(rng, c, current, all, id, (t) => edit(t, seed * 100 + step));
        if (step % 4 === 0) assert.deepEqual(plain(c.events()), plain(corpusOf(current).events()));
        else if (step % 4 === 1) c.settle(performance.now() + 1);
      }
      assert.deepEqual(plain(c.events()), plain(corpusOf(current).events()));
    });
  }

  it('matches a fresh analysis after repeated edits of the same few articles (passages that only moved keep their merge)', () => {
    const ids = [...all.keys()].filter((_, i) => i % 9 === 0);
    const current = new Map(all);
    const c = corpusOf(current);
    c.events();
    for (let step = 0; step < 20; step++) {
      const id = ids[step % ids.length];
      const t = edit(current.get(id)!, 700 + step);
      c.upsert(id, t);
      current.set(id, t);
      if (step % 5 === 4) assert.deepEqual(plain(c.events()), plain(corpusOf(current).events()));
    }
    assert.deepEqual(plain(c.events()), plain(corpusOf(current).events()));
  });

  it('settles thousands of events one step at a time, with edits arriving between steps, to a fresh analysis', () => {
    // Enough events that entries are sorted run by run and the list is patched over several steps, so
    // edits land in the middle of building, sorting and patching.
    const many = texts(150);
    const ids = [...many.keys()];
    const rng = mulberry32(21);
    const current = new Map(many);
    const c = corpusOf(current);
    let edits = 0;
    settleStepwise(c, (steps) => {
      if (edits >= 16 || steps % 211 !== 0) return false;
      randomChange(rng, c, current, many, pick(rng, ids), (t) => edit(t, 900 + edits));
      edits++;
      return true;
    });
    assert.equal(edits, 16);
    assert.ok(c.events().length > 1500, `${c.events().length} events`);
    assert.deepEqual(plain(c.events()), plain(corpusOf(current).events()));
  });

  it('stops a unit\'s or a month\'s merge part-way and goes on, or starts it again when an edit touches it, to a fresh analysis', () => {
    withFineCuts(() => {
      const many = texts(120);
      const ids = [...many.keys()];
      const rng = mulberry32(33);
      const current = new Map(many);
      const c = corpusOf(current);
      let edits = 0;
      // Edits often land on a unit whose merge waits part-way (that work is dropped and started again).
      const steps = settleStepwise(c, (step) => {
        if (edits >= 400 || step % 3 !== 0) return false;
        randomChange(rng, c, current, many, pick(rng, ids), (t) => edit(t, 1300 + edits));
        edits++;
        return true;
      });
      assert.equal(edits, 400);
      const whole = corpusOf(current);
      let uncut = 0;
      mergeSlicing.passages = monthSlicing.passages = Infinity;
      whole.settle(Infinity, 'hover');
      while (!settleEvents(whole, 0)) uncut++;
      // The same texts settled without cuts take fewer steps: the cut did stop merges part-way.
      assert.ok(steps > uncut + edits, `${steps} steps cut, ${uncut} uncut`);
      assert.deepEqual(plain(c.events()), plain(whole.events()));
    });
  });

  it('drops a month\'s or a unit\'s merge left part-way when an article it reads is edited, and redoes it, to a fresh analysis', () => {
    withFineCuts(() => {
      const many = texts(120);
      const rng = mulberry32(34);
      const current = new Map(many);
      const c = corpusOf(current);
      // The events state's paused merges, read to aim the edits at exactly what a merge waits on.
      type Where = { article: string; start: number; end: number };
      type Paused = { monthJobs: Map<string, unknown>; unitJobs: Map<string, unknown>; unnamedByMonth: Map<string, Set<Where>>; unitNameMentions: Map<string, Map<string, Where | Where[]>> };
      // (unitNameMentions: unit -> name -> its passages)
      const st = () => (c as unknown as { states: Map<string, Paused> }).states.get('events');
      const aimed = { month: 0, unit: 0 };
      settleStepwise(c, () => {
        const s = st();
        // A paused month loses one of its unnamed passages; a paused unit gets an edit of an article it reads.
        const cuts: Where[] = [];
        const readers: string[] = [];
        if (s && aimed.month < 30) for (const month of s.monthJobs.keys()) cuts.push(...(s.unnamedByMonth.get(month) ?? []));
        if (s && aimed.unit < 60) {
          for (const unit of s.unitJobs.keys()) {
            for (const ms of s.unitNameMentions.get(unit)?.values() ?? []) for (const m of ([] as Where[]).concat(ms)) readers.push(m.article);
          }
        }
        if (!cuts.length && !readers.length) return false;
        const cut = cuts.length ? pick(rng, cuts) : undefined;
        const id = cut ? cut.article : pick(rng, readers);
        const old = current.get(id)!;
        const t = cut ? old.slice(0, cut.start) + old.slice(cut.end) : edit(old, 1500 + aimed.unit);
        c.upsert(id, t);
        current.set(id, t);
        aimed[cut ? 'month' : 'unit']++;
        return true;
      }, 20_000);
      assert.ok(aimed.month >= 10 && aimed.unit >= 10, `edits that landed on a paused merge: ${JSON.stringify(aimed)}`);
      mergeSlicing.passages = monthSlicing.passages = Infinity;
      assert.deepEqual(plain(c.events()), plain(corpusOf(current).events()));
    });
  });

  it('settles in short slices to the same list as one full settle', () => {
    const c = corpusOf(all);
    let rounds = 0;
    while (!c.settle(performance.now() + 2)) rounds++;
    assert.ok(rounds > 0 && rounds < 100_000);
    assert.deepEqual(plain(c.events()), plain(corpusOf(all).events()));
  });
});
