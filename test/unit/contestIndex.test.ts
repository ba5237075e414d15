// The incremental contested index: after removals, re-additions, edits and part-way settling it
// must give exactly what a fresh analysis of the same texts gives, and an edit must re-pair only
// the sentences near it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { contestProblems, contestStats, settleClaims } from '../../src/core/claims';
import { closeSlicing, coarse, maxDistinctiveDf } from '../../src/core/contestIndex';
import { decodeArticleBytes } from '../../src/core/decode';
import { generateCorpus } from '../../bench/generate';
import { int, mulberry32, pick } from '../../bench/prng';
import { corpusOf } from './helpers/history';
import { seedsDir } from './helpers/seeds';
import type { Claim } from '../../src/core/types';

function texts(generated: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(seedsDir)) {
    const d = decodeArticleBytes(fs.readFileSync(path.join(seedsDir, f)));
    if (d.ok) out.set(f, d.text);
  }
  for (const d of generateCorpus(generated)) out.set(`gen/${d.id}`, d.text);
  return out;
}

const plain = (claims: Claim[]) => JSON.parse(JSON.stringify(claims));

/** Every contested claim's linked passages are contested back, linking to it. */
function assertSymmetric(claims: Claim[]) {
  const contested = claims.filter((c) => c.kind === 'contested');
  const at = new Map(contested.map((c) => [`${c.article}@${c.start}`, c]));
  for (const c of contested) {
    for (const r of c.related) {
      const back = at.get(`${r.article}@${r.start}`);
      assert.ok(back, `${r.article}@${r.start} contested back`);
      assert.ok(back.related.some((x) => x.article === c.article && x.start === c.start));
    }
  }
}

describe('claims: the incremental contested index', function () {
  this.timeout(120_000);
  const all = texts(60);
  const seed = [...all.keys()].find((id) => id.startsWith('001'))!;

  it('removing an article drops its conflicts; adding it back restores them exactly', () => {
    const c = corpusOf(all);
    const before = plain(c.claims());
    assert.ok(before.some((x: Claim) => x.kind === 'contested' && x.related.some((r) => r.article === seed)), 'the seed takes part in a conflict');
    c.remove(seed);
    const without = plain(c.claims());
    assert.ok(!without.some((x: Claim) => x.article === seed || x.related.some((r) => r.article === seed)));
    const rest = new Map(all);
    rest.delete(seed);
    assert.deepEqual(without, plain(corpusOf(rest).claims()));
    c.upsert(seed, all.get(seed)!);
    assert.deepEqual(plain(c.claims()), before);
    assertSymmetric(c.claims());
  });

  it('edits that create, change and drop a conflict match a fresh analysis, also when settled in slices', () => {
    const c = corpusOf(all);
    c.claims();
    const current = new Map(all);
    const target = [...all.keys()].find((id) => id.startsWith('004'))!;
    // Another outlet's sentence copied with a different year: a new date conflict.
    const copy = 'In 2019, Trump accused Petro of failing to control drug trafficking.';
    const edits: [string, (t: string) => string][] = [
      [seed, (t) => t.replace(/\n\n/, `\n\n${copy}\n\n`)],
      [target, (t) => t.replace('Last year, Trump accused', 'In January, Trump accused')],
      [seed, (t) => t.replace(copy, '')],
      [[...all.keys()].find((id) => id.startsWith('gen/'))!, (t) => t.replace(/\d+/, '77')],
    ];
    for (const [k, [id, change]] of edits.entries()) {
      const text = change(current.get(id)!);
      assert.notEqual(text, current.get(id), `edit ${k} changes the text`);
      c.upsert(id, text);
      current.set(id, text);
      // A spent deadline still makes progress: settle to the end in the smallest slices.
      if (k % 2) while (!c.settle(performance.now())) { /* next slice */ }
      const got = plain(c.claims());
      assert.deepEqual(got, plain(corpusOf(current).claims()), `edit ${k}`);
      assertSymmetric(got);
    }
  });

  for (const seed of [11, 12, 13]) {
    it(`random edits that copy other articles' sentences with altered figures and dates match a fresh analysis (seed ${seed})`, () => {
      const rng = mulberry32(seed);
      const c = corpusOf(all);
      c.claims();
      const current = new Map(all);
      const ids = [...all.keys()];
      let contested = 0;
      for (let step = 0; step < 24; step++) {
        const id = pick(rng, ids);
        const r = rng();
        if (r < 0.15 && current.has(id)) {
          c.remove(id);
          current.delete(id);
        } else if (r < 0.3) {
          c.upsert(id, all.get(id)!);
          current.set(id, all.get(id)!);
        } else if (current.has(id)) {
          // A sentence of another article, its numbers and years changed: the same fact, disputed.
          const donor = c.get(pick(rng, [...current.keys()]))!;
          const s = pick(rng, donor.sentences);
          const altered = s.text.replace(/\b(19|20)\d\d\b/g, () => String(int(rng, 1990, 2030))).replace(/\b\d{1,3}\b/g, () => String(int(rng, 2, 999)));
          const text = current.get(id)!;
          const at = text.indexOf('\n\n', int(rng, 0, text.length - 1));
          const next = at < 0 ? `${text}\n\n${altered}\n` : `${text.slice(0, at)}\n\n${altered}${text.slice(at)}`;
          c.upsert(id, next);
          current.set(id, next);
        }
        if (step % 4 === 1) while (!c.settle(performance.now() + 1)) { /* next slice */ }
        assert.deepEqual(contestProblems(c).slice(0, 5), [], `step ${step}`);
        if (step % 5 === 4) contested += c.claims().filter((x) => x.kind === 'contested').length;
      }
      assert.ok(contested > 0, 'the edits made conflicts to track');
      const got = plain(c.claims());
      assert.deepEqual(got, plain(corpusOf(current).claims()));
      assertSymmetric(got);
    });
  }

  // Cut to one stem per step, a batch's close is still part-way when the next changes arrive.
  for (const [seed, cut] of [[21, 0], [22, 0], [23, 1], [24, 1]]) {
    it(`changes that arrive while settling is part-way (pairs not yet ranked or re-paired${cut ? ', a close part-way' : ''}) match a fresh analysis (seed ${seed})`, () => {
      const was = closeSlicing.stems;
      if (cut) closeSlicing.stems = cut;
      try {
        const rng = mulberry32(seed);
        const c = corpusOf(all);
        c.claims();
        const current = new Map(all);
        const ids = [...all.keys()];
        for (let step = 0; step < 16; step++) {
          const id = pick(rng, ids);
          if (rng() < 0.2 && current.has(id)) {
            c.remove(id);
            current.delete(id);
          } else {
            // Another article's sentence, its figures altered, added near the top: new candidates to rank and pair.
            const donor = c.get(pick(rng, [...current.keys()]))!;
            const altered = pick(rng, donor.sentences).text.replace(/\b\d{1,3}\b/g, () => String(int(rng, 2, 999)));
            const text = `${current.get(id) ?? all.get(id)!}\n\n${altered}\n`;
            c.upsert(id, text);
            current.set(id, text);
          }
          // A few claims steps with a spent deadline: the next change comes before settling is done.
          for (let k = int(rng, 0, 8); k > 0; k--) settleClaims(c, performance.now() - 1);
        }
        assert.deepEqual(contestProblems(c), []);
        const got = plain(c.claims());
        assert.deepEqual(got, plain(corpusOf(current).claims()));
        assertSymmetric(got);
      } finally {
        closeSlicing.stems = was;
      }
    });
  }

  // Dated articles arriving move the reference dates of undated ones, whose dates are then re-read
  // over several slices; more arriving part-way must start that re-read again.
  for (const steps of [3, 12, 40]) {
    it(`dated articles arriving while undated articles' dates are re-read part-way (${steps} steps) match a fresh analysis`, () => {
      const fresh = corpusOf(all);
      const dated = [...all.keys()].filter((id) => id.startsWith('gen/') && fresh.get(id)!.published);
      const late = new Set(dated.slice(-16));
      const current = new Map([...all].filter(([id]) => !late.has(id)));
      const c = corpusOf(current);
      c.claims();
      const [first, second] = [[...late].slice(0, 8), [...late].slice(8)];
      for (const id of first) { c.upsert(id, all.get(id)!); current.set(id, all.get(id)!); }
      for (let k = 0; k < steps; k++) settleClaims(c, performance.now() - 1);
      for (const id of second) { c.upsert(id, all.get(id)!); current.set(id, all.get(id)!); }
      for (let k = 0; k < steps; k++) settleClaims(c, performance.now() - 1);
      assert.deepEqual(plain(c.claims()), plain(fresh.claims()));
    });
  }

  it('a word crossing the postings cap is used again (or no longer) by every sentence holding it', () => {
    // 42 short reports of one toll: "#deaths" is in more than 40 candidates, so it is not used for
    // pairing until enough reports go; then the remaining ones pair on it, and disagree.
    const reports = new Map<string, string>();
    for (let i = 0; i < 42; i++) {
      reports.set(`r${String(i).padStart(2, '0')}.md`, `---\ntitle: Report ${i}\npublished: 2024-03-0${1 + (i % 2)}\n---\n\nThe flood killed ${10 + i} people in Riverton, officials said.\n`);
    }
    const c = corpusOf(reports);
    const before = plain(c.claims());
    assert.deepEqual(contestProblems(c), []);
    const rest = new Map(reports);
    for (const id of ['r00.md', 'r01.md']) { c.remove(id); rest.delete(id); }
    const after = plain(c.claims());
    assert.deepEqual(contestProblems(c), []);
    assert.deepEqual(after, plain(corpusOf(rest).claims()));
    assert.ok(after.filter((x: Claim) => x.kind === 'contested').length > before.filter((x: Claim) => x.kind === 'contested').length, 'pairing on the toll finds conflicts');
    c.upsert('r00.md', reports.get('r00.md')!);
    rest.set('r00.md', reports.get('r00.md')!);
    assert.deepEqual(contestProblems(c), []);
    assert.deepEqual(plain(c.claims()), plain(corpusOf(rest).claims()));
  });

  it('a shared word growing common shifts a two-date vote, and the pair is compared again', () => {
    // A's governing date is a vote of the shared words, weighted by rarity: at first the five words
    // near 2021 win, matching B. As other articles (same sentence count) take up those words, the
    // four words near 2019 win, and A now disagrees with B; nothing else about A or B changed.
    const doc = (title: string, body: string) => `---\ntitle: ${title}\npublished: 2024-03-05\n---\n\n${body}\n`;
    const texts = new Map<string, string>([
      ['a.md', doc('Spillway report', 'In 2019 the granite spillway cracked near Holloway, and in 2021 the reservoir basin flooded the valley orchards.')],
      ['b.md', doc('Basin report', 'The granite spillway cracked near Holloway and the reservoir basin flooded the valley orchards in 2021.')],
    ]);
    const rng = mulberry32(3);
    const word = () => Array.from({ length: 5 }, () => 'bcdfghklmnprstvz'[int(rng, 0, 15)] + 'aeiou'[int(rng, 0, 4)]).join('').slice(0, int(rng, 5, 9));
    for (let i = 0; i < 40; i++) texts.set(`pad${i}.md`, doc(`Note ${i}`, `${word()} ${word()} ${word()} ${word()}.`));
    const c = corpusOf(texts);
    const contested = () => c.claims().filter((x) => x.kind === 'contested').length;
    assert.equal(contested(), 0);
    let k = 0;
    while (contested() === 0 && k < 12) {
      const id = `pad${k++}.md`;
      texts.set(id, doc(`Filler ${k}`, 'The reservoir basin flooded the valley orchards.'));
      c.upsert(id, texts.get(id)!);
      assert.deepEqual(contestProblems(c), []);
    }
    assert.equal(contested(), 2, 'the vote moved to 2019');
    assert.deepEqual(plain(c.claims()), plain(corpusOf(texts).claims()));
  });

  it('words become distinctive as the corpus grows, and the sentences holding them pair then', () => {
    // The shared words of A and B are too common in a small corpus to show the same fact; unrelated
    // articles raise the sentence count, the distinctiveness threshold rises past their frequency,
    // and A and B are paired and found to disagree, though neither they nor their words changed.
    const doc = (title: string, body: string) => `---\ntitle: ${title}\npublished: 2024-03-05\n---\n\n${body}\n`;
    const texts = new Map<string, string>([
      ['a.md', doc('Spillway report', 'In 2019 the granite spillway cracked near Holloway.')],
      ['b.md', doc('Dam report', 'The granite spillway cracked near Holloway in 2021.')],
    ]);
    for (let i = 0; i < 4; i++) texts.set(`same${i}.md`, doc(`Same ${i}`, 'The granite spillway cracked near Holloway.'));
    const rng = mulberry32(4);
    const word = () => Array.from({ length: 5 }, () => 'bcdfghklmnprstvz'[int(rng, 0, 15)] + 'aeiou'[int(rng, 0, 4)]).join('').slice(0, int(rng, 5, 9));
    const sentence = () => `${word().replace(/^./, (x) => x.toUpperCase())} ${word()} ${word()} ${word()}.`;
    const c = corpusOf(texts);
    const contested = () => c.claims().filter((x) => x.kind === 'contested').length;
    assert.equal(contested(), 0);
    let k = 0;
    while (contested() === 0 && k < 40) {
      const id = `pad${k++}.md`;
      texts.set(id, doc(`Note ${k}`, Array.from({ length: 8 }, sentence).join(' ')));
      c.upsert(id, texts.get(id)!);
      assert.deepEqual(contestProblems(c), []);
    }
    assert.equal(contested(), 2, 'A and B paired once their words were distinctive');
    assert.deepEqual(plain(c.claims()), plain(corpusOf(texts).claims()));
  });

  it('an edit re-pairs only a small share of the candidates', () => {
    const c = corpusOf(all);
    const { candidates, repairs } = contestStats(c);
    assert.ok(candidates > 300, `${candidates} candidates`);
    assert.equal(repairs, candidates, 'the first pass pairs every candidate once');
    const id = [...all.keys()].filter((x) => x.startsWith('gen/'))[7];
    const a = c.get(id)!;
    const s = a.sentences[3];
    c.upsert(id, `${a.text.slice(0, s.end)} An editor added that ${a.title ?? 'it'} cost 42 million dollars.${a.text.slice(s.end)}`);
    const after = contestStats(c);
    const redone = after.repairs - repairs;
    assert.ok(redone > 0 && redone < candidates / 10, `${redone} of ${after.candidates} re-paired`);
  });

  it('rarity: one df threshold reproduces the idf test, and counts are rounded to four binary digits', () => {
    for (const n of [1, 2, 7, 150, 1000, 4321, 99_999, 250_000]) {
      const max = maxDistinctiveDf(n);
      const distinctive = (df: number) => Math.log(1 + n / (1 + df)) >= 0.6 * Math.log(1 + n);
      assert.ok(distinctive(max) && !distinctive(max + 1), `n=${n}`);
    }
    assert.deepEqual([0, 15, 16, 17, 31, 33, 150, 1000].map(coarse), [0, 15, 16, 16, 30, 32, 144, 960]);
  });
});
