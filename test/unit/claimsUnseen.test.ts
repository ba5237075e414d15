// Defects found by running the claims pass on stories nobody wrote the code for; every case here
// uses hand-written sentences, not the fixtures' text.
import assert from 'node:assert/strict';
import { findAttributions } from '../../src/core/attribution';
import { quoteRegions } from '../../src/core/claimText';
import { compareFacts, extractMeasures, passageFacts, type DateMention } from '../../src/core/contest';
import { analyzeArticleClaims } from '../../src/core/sentenceClaims';
import { parseArticle } from '../../src/core/article';
import { Corpus } from '../../src/core/corpus';

function attributions(sentence: string) {
  return findAttributions(sentence, { start: 0, end: sentence.length }, quoteRegions(sentence, 0, sentence.length));
}
const named = (s: string) => attributions(s).filter((a) => a.named).map((a) => a.source?.text);
const kinds = (body: string) => analyzeArticleClaims(parseArticle('t.txt', `Headline here\n\n${body}\n`)).claims.map((c) => c.kind).sort();

describe('claims: attribution through appositions', () => {
  it('takes the name before a role apposition', () => {
    assert.deepEqual(named('Marta Oyelaran, the health minister, said 1,200 homes were destroyed.'), ['Marta Oyelaran']);
    assert.deepEqual(named('Piet Kovalenko, a former aide to the mayor, said the bridge cost $4 million.'), ['Piet Kovalenko']);
  });
  it('takes the name before an age', () => {
    assert.deepEqual(named('Selma Arkwright, 52, said about 600 workers lost their jobs.'), ['Selma Arkwright']);
  });
  it('keeps a role prefix with the name', () => {
    assert.ok(named('Lagos state governor Ade Bankole, 61, said repairs would cost 3 billion naira.').includes('Lagos state governor Ade Bankole'));
  });
  it('does not flag figures given by a named source behind an apposition', () => {
    assert.deepEqual(kinds('Marta Oyelaran, the health minister, said 1,200 homes were destroyed.'), []);
    assert.deepEqual(kinds('Selma Arkwright, 52, said about 600 workers lost their jobs.'), []);
  });
  it('still finds no name when the apposition follows a lower-case phrase', () => {
    assert.deepEqual(named('In the end, the committee, said nothing.').filter((s) => s === 'In the end'), []);
  });
});

describe('claims: one flag per problem', () => {
  it('a figure from a vague source is vague-source only', () => {
    assert.deepEqual(kinds('At least 30 people were injured, officials said, although hospitals gave a higher count.'), ['vague-source']);
    assert.deepEqual(kinds('Analysts said prices rose 12 percent in March.'), ['vague-source']);
  });
  it('a figure with no source at all is still unattributed', () => {
    assert.deepEqual(kinds('At least 30 people were injured in the blast.'), ['unattributed']);
  });
});

describe('claims: short factual sentences across outlets', () => {
  /** Facts of the last sentence of `text`; earlier text is the sentence before. */
  const facts = (text: string, published: string | null, dates: [string, string][] = []) => {
    const cut = Math.max(0, text.lastIndexOf('. ', text.length - 3) + 2);
    const ds: DateMention[] = dates.map(([t, v]) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length, text: t, value: v }));
    return passageFacts('x', text, { start: cut, end: text.length }, ds, null, { previous: cut > 0 ? { start: 0, end: cut } : null, published });
  };

  it('ties a count to what it counts, without a unit word after the number', () => {
    const m = extractMeasures('The death toll rose to 88, police said.');
    assert.deepEqual(m.map((x) => [x.measure, x.value]), [['deaths', 88]]);
    assert.deepEqual(extractMeasures('Killing at least 12 people, the storm hit on May 3.').map((x) => [x.measure, x.value, x.bound]), [['deaths', 12, 'gt']]);
    assert.deepEqual(extractMeasures('Some 4,500 residents fled their homes in 2023.').map((x) => [x.measure, x.value]), [['displaced', 4500]]);
    assert.equal(extractMeasures('The ferry sank on March 9 and the captain died.').length, 0, 'a day of the month is not a count');
  });

  it('same-day tolls that differ are contested; a rising toll on later days is not', () => {
    const a = facts('Governor Amaka Obi toured Lokoja. The death toll climbed to 64, rescuers said.', '2023-09-02');
    const b = facts('Amaka Obi visited the camps. The toll has reached 71, according to the emergency agency.', '2023-09-02');
    const later = facts('Amaka Obi visited the camps. The toll has reached 71, according to the emergency agency.', '2023-09-03');
    const atLeast = facts('Governor Amaka Obi toured Lokoja. At least 64 people died in the floods.', '2023-09-02');
    assert.equal(compareFacts(a, b)?.kind, 'number');
    assert.equal(compareFacts(a, later), null, 'an update a day later');
    assert.equal(compareFacts(atLeast, b), null, 'at least 64 fits 71');
  });

  it('a lower bound that fits the other count is not contested', () => {
    const a = facts('Governor Amaka Obi spoke on Friday. Obi said 9,000 people had left their homes.', '2023-09-02');
    const b = facts('Amaka Obi toured the camps. More than 8,000 people were displaced.', '2023-09-02');
    assert.equal(compareFacts(a, b), null);
  });

  // Only two shared words are rare in the corpus; the rest ("tunnel", the name) are the story's own.
  const thin = { minShared: 3, distinctive: (w: string) => w === 'warn' || w === 'leak' };

  it('two written-out years for a short shared fact are contested', () => {
    const a = facts('Mayor Lena Brandt opened an inquiry. Brandt said the council had been warned about leaks in the tunnel in 2016.', null, [['2016', '2016']]);
    const b = facts('The tunnel operator, Lena Brandt, was warned about tunnel leaks in 2018.', null, [['2018', '2018']]);
    assert.equal(compareFacts(a, b, thin)?.kind, 'date');
  });

  it('on thin evidence, shared names are not the rare words', () => {
    const names = { minShared: 3, distinctive: (w: string) => w === 'kovar' || w === 'institu' };
    const a = facts('Kovar has rejected the proposal since 2009, the Kovar Institute said.', null, [['2009', '2009']]);
    const b = facts('Kovar has welcomed the proposal since 2016, the Kovar Institute said.', null, [['2016', '2016']]);
    assert.equal(compareFacts(a, b, names), null);
  });

  it('on thin evidence, resolved relative dates are not compared', () => {
    const a = facts('Mayor Lena Brandt opened an inquiry. Brandt said the council had been warned about leaks in the tunnel in March.', null, [['March', '2016-03']]);
    const b = facts('The tunnel operator, Lena Brandt, was warned about tunnel leaks in March.', null, [['March', '2017-03']]);
    assert.equal(compareFacts(a, b, thin), null);
  });
});

describe('claims: contested after edits (memoised candidates)', () => {
  const a = 'Toll rises in Mirova\n\nPublished: 2 September 2023\n\nGovernor Amaka Obi toured Mirova. The death toll climbed to 64, rescuers said.\n';
  const b = 'Mirova floods\n\nPublished: 2 September 2023\n\nAmaka Obi visited Mirova. The toll has reached 71, according to the emergency agency.\n';
  const contested = (c: Corpus) => c.claims().filter((x) => x.kind === 'contested').map((x) => x.article).sort();

  it('follows an edit that makes two reports agree, and one that makes them disagree again', () => {
    const corpus = new Corpus();
    corpus.upsert('a.txt', a);
    corpus.upsert('b.txt', b);
    assert.deepEqual(contested(corpus), ['a.txt', 'b.txt']);
    corpus.upsert('b.txt', b.replace('71', '64'));
    assert.deepEqual(contested(corpus), []);
    corpus.upsert('b.txt', b.replace('71', '90'));
    assert.deepEqual(contested(corpus), ['a.txt', 'b.txt']);
    corpus.remove('a.txt');
    assert.deepEqual(contested(corpus), []);
  });
});
