// Defects found by running the claims pass on stories nobody wrote the code for; every case here
// uses hand-written sentences, not the fixtures' text.
import assert from 'node:assert/strict';
import { findAttributions } from '../../src/core/attribution';
import { quoteRegions } from '../../src/core/claimText';
import { analyzeArticleClaims } from '../../src/core/sentenceClaims';
import { parseArticle } from '../../src/core/article';

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
