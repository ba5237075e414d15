import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { stem, termBag } from '../../src/core/terms';

// Hand-written coverage of one invented story by three outlets; nothing here comes from the seeds.
const A = `Mayor Opens Harbor Bridge

The mayor, Elena Kowalczyk, arrived quietly at the harbor on Monday to open the new bridge.
She gave the police chief a list of smugglers operating near the docks.
The bridge cost 45 million dollars and took three years to build.
Kowalczyk asked the governor to mediate a dispute between the city and the port authority.
Local fishermen complained about the noise.
`;

const B = `City unveils bridge

Kowalczyk entered through a side gate with no ceremony as the bridge opened on Monday.
Officials said the span cost $45 million, roughly what was planned.
The mayor handed investigators the names of smuggling gangs working the docks.
She also wants the governor to act as a mediator in the row with the port authority.
Weather was mild and sunny.

Read More
Sponsored
`;

const C = `Harbor Bridge Opens

The long-awaited harbor bridge opened to traffic, three years after construction began.
Mayor Kowalczyk requested help from the governor to settle a quarrel with the port authority.
Teachers in the city began a strike over pay.
`;

function corpus() {
  const c = new Corpus();
  c.upsert('a.txt', A);
  c.upsert('b.txt', B);
  c.upsert('c.txt', C);
  return c;
}

function sentenceOf(c: Corpus, id: string, needle: string) {
  const a = c.get(id)!;
  const at = a.text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return a.sentences.find((s) => s.start <= at && at < s.end)!;
}

function rankOf(results: { article: string; text: string }[], id: string, needle: string) {
  return results.findIndex((r) => r.article === id && r.text.includes(needle));
}

describe('related coverage', () => {
  it('finds paraphrases that share little wording', () => {
    const c = corpus();
    const q = sentenceOf(c, 'a.txt', 'arrived quietly');
    const res = c.related('a.txt', q, 10);
    assert.equal(rankOf(res, 'b.txt', 'side gate'), 0, JSON.stringify(res.map((r) => r.text)));
  });

  it('matches "gave a list of smugglers" with "handed the names of smuggling gangs"', () => {
    const c = corpus();
    const res = c.related('a.txt', sentenceOf(c, 'a.txt', 'list of smugglers'), 10);
    assert.equal(rankOf(res, 'b.txt', 'names of smuggling'), 0);
  });

  it('finds the same mediation request in both other outlets, each outlet first', () => {
    const c = corpus();
    const res = c.related('a.txt', sentenceOf(c, 'a.txt', 'mediate a dispute'), 10);
    const top2 = res.slice(0, 2).map((r) => r.article).sort();
    assert.deepEqual(top2, ['b.txt', 'c.txt']);
    assert.ok(rankOf(res, 'b.txt', 'mediator') >= 0);
    assert.ok(rankOf(res, 'c.txt', 'quarrel') >= 0);
  });

  it('matches figures written differently ("45 million dollars" and "$45 million")', () => {
    const c = corpus();
    const res = c.related('a.txt', sentenceOf(c, 'a.txt', 'cost 45 million'), 10);
    assert.equal(rankOf(res, 'b.txt', '$45 million'), 0);
  });

  it('scores in [0, 1], best first per outlet, never the same article, nothing outside the body', () => {
    const c = corpus();
    for (const s of c.get('a.txt')!.sentences) {
      const res = c.related('a.txt', s, 10);
      for (const r of res) {
        assert.notEqual(r.article, 'a.txt');
        assert.ok(r.score >= 0 && r.score <= 1);
        const art = c.get(r.article)!;
        assert.equal(art.text.slice(r.start, r.end), r.text);
        assert.ok(r.start >= art.body.start && r.end <= art.body.end);
      }
    }
  });

  it('does not match unrelated sentences', () => {
    const c = corpus();
    const res = c.related('a.txt', sentenceOf(c, 'a.txt', 'fishermen complained'), 10);
    assert.equal(rankOf(res, 'c.txt', 'Teachers'), -1);
  });

  it('updates when one article changes or is removed', () => {
    const c = corpus();
    const q = sentenceOf(c, 'a.txt', 'mediate a dispute');
    assert.ok(rankOf(c.related('a.txt', q, 10), 'c.txt', 'quarrel') >= 0);
    c.upsert('c.txt', C.replace('Mayor Kowalczyk requested help from the governor to settle a quarrel with the port authority.', 'Nothing else happened.'));
    assert.equal(rankOf(c.related('a.txt', q, 10), 'c.txt', 'quarrel'), -1);
    c.remove('b.txt');
    assert.ok(c.related('a.txt', q, 10).every((r) => r.article !== 'b.txt'));
  });

  it('accepts a selection inside a sentence and an empty span (the sentence there)', () => {
    const c = corpus();
    const a = c.get('a.txt')!;
    const at = a.text.indexOf('list of smugglers');
    const sel = c.related('a.txt', { start: at, end: at + 'list of smugglers'.length }, 5);
    assert.ok(rankOf(sel, 'b.txt', 'smuggling') >= 0);
    const empty = c.related('a.txt', { start: at, end: at }, 5);
    assert.equal(rankOf(empty, 'b.txt', 'smuggling'), 0);
  });
});

describe('terms', () => {
  it('stems inflections together', () => {
    assert.equal(stem('mediator'), stem('mediate'));
    assert.equal(stem('seizures'), stem('seizure'));
    assert.equal(stem('traffickers'), stem('trafficker'));
  });

  it('gives paraphrases a shared concept and keeps figures', () => {
    const a = termBag('Petro arrived quietly at the side door on January 7.');
    const b = termBag('He entered through a side entrance.');
    assert.ok(a.terms.has('c:arrive') && b.terms.has('c:arrive'));
    assert.ok(a.terms.has('c:door') && b.terms.has('c:door'));
    assert.ok(a.terms.has('#7') && a.terms.has('@m1'));
  });
});

describe('index warm-up in slices', () => {
  it('indexes a little at a time, then answers as a full sync would', () => {
    const c = corpus();
    const steps: boolean[] = [];
    while (steps.length < 10 && !steps[steps.length - 1]) steps.push(c.relatedIndex.warm(0));
    assert.ok(steps.length >= 2 && steps[steps.length - 1], `steps ${steps}`);
    assert.ok(c.search.warm(0) === false || c.search.warm(0) === true);
    while (!c.search.warm(0));
    const q = sentenceOf(c, 'a.txt', 'mediate a dispute');
    assert.ok(rankOf(c.related('a.txt', q, 10), 'c.txt', 'quarrel') >= 0);
  });
});
