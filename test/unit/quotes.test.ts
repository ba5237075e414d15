import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { findQuoteSpans } from '../../src/core/quotes';
import { parseArticle } from '../../src/core/article';

import { seedCorpus } from './helpers/seeds';

function quotesOf(text: string) {
  const c = new Corpus();
  c.upsert('a.txt', text);
  return c.quotes().map((q) => ({ ...q, name: q.speaker && c.personById(q.speaker)?.name }));
}

describe('quotes on the seeds', () => {
  const c = seedCorpus();
  const quotes = c.quotes();
  const find = (prefix: string, words: string) => quotes.find((q) => q.article.startsWith(prefix) && q.text.includes(words));

  it('finds quotes with exact offsets and no quotation marks', () => {
    for (const q of quotes) {
      const text = c.get(q.article)!.text;
      assert.equal(text.slice(q.start, q.end), q.text);
      assert.ok(!/^["“”]|["“”]$/.test(q.text));
    }
  });

  it('attributes split, multi-sentence and scare quotes', () => {
    const cases: [string, string, string][] = [
      ['000', 'Yeah, we did', 'donald-trump'],
      ['000', 'We worked on it', 'donald-trump'],
      ['000', 'What I sensed or saw', 'gustavo-petro'],
      ['000', 'illegal drug leader', 'donald-trump'],
      ['000', 'kidnapping', 'gustavo-petro'],
      ['000', 'The design was spectacular', 'gustavo-petro'],
      ['001', 'but I wasn’t insulted', 'donald-trump'],
      ['002', 'watch his ass', 'donald-trump'],
      ['002', 'sounds good to me', 'donald-trump'],
      ['002', 'prioritizes life and peace', 'gustavo-petro'],
      ['002', 'The meeting could easily go off the rails', 'felipe-botero'],
    ];
    for (const [a, words, speaker] of cases) assert.equal(find(a, words)?.speaker, speaker, words);
  });

  it('does not take section headers for quotes', () => {
    assert.equal(find('002', 'Fight against drug trafficking'), undefined);
    assert.equal(find('002', 'Off the rails'), undefined);
  });
});

describe('quote edge cases', () => {
  it('resolves "He told reporters:" to the previous sentence subject', () => {
    const qs = quotesOf('Prime Minister Ana Kovacic arrived late on Monday. She told reporters: "We will not give in." The talks went on.');
    assert.equal(qs.length, 1);
    assert.equal(qs[0].text, 'We will not give in.');
    assert.equal(qs[0].name, 'Ana Kovacic');
    assert.equal(qs[0].speakerText, 'She');
  });

  it('takes the speaker after the verb: said X, a ...', () => {
    const qs = quotesOf('"Prices will rise," said Tomas Brenner, an economist at the central bank. "Nobody doubts it."');
    assert.deepEqual(qs.map((q) => q.name), ['Tomas Brenner', 'Tomas Brenner']);
  });

  it('handles curly quotes split around the attribution', () => {
    const qs = quotesOf('Mayor Lena Ortiz spoke first. “We tried,” Ortiz said, “and we will try again.”');
    assert.deepEqual(qs.map((q) => [q.text, q.name]), [['We tried,', 'Lena Ortiz'], ['and we will try again.', 'Lena Ortiz']]);
  });

  it('handles "according to X", a quote running on into the next paragraph, and an unnamed speaker', () => {
    const qs = quotesOf([
      'Senator Ana Kovacic arrived late.',
      '',
      '"We will win," she told CNN. According to Kovacic, "the vote is close."',
      '',
      'Mayor Tom Reyes, who leads the city council, said: "Nobody expected this. We are working around the clock.',
      '',
      '"The damage is enormous," he added.',
      '',
      '"It is over," the minister said.',
    ].join('\n'));
    assert.deepEqual(qs.map((q) => [q.text, q.name]), [
      ['We will win,', 'Ana Kovacic'],
      ['the vote is close.', 'Ana Kovacic'],
      ['Nobody expected this. We are working around the clock.', 'Tom Reyes'],
      ['The damage is enormous,', 'Tom Reyes'],
      ['It is over,', null],
    ]);
  });

  it('reads British-style ‘…’ quotes without taking apostrophes for quotation marks', () => {
    const qs = quotesOf('Governor Maria Lopez spoke. Lopez said ‘we don’t give up’ and left. Lopez’s aide said ‘no comment’.');
    assert.deepEqual(qs.map((q) => [q.text, q.name]), [['we don’t give up', 'Maria Lopez'], ['no comment', null]]);
  });

  it('skips quoted titles and never hangs on unbalanced or very many quotation marks', () => {
    assert.equal(quotesOf('She read "The Art Of War" twice.').length, 0);
    const marks = 'He said "'.repeat(5) + ' and then stopped.';
    assert.doesNotThrow(() => quotesOf(marks));
    const many = `Intro line.\n\n${'"a" '.repeat(50000)}"`;
    const t0 = Date.now();
    const spans = findQuoteSpans(parseArticle('x.txt', many));
    assert.ok(Date.now() - t0 < 5000, 'linear scan');
    assert.ok(spans.length <= 50000);
  });
});

describe('quotes and people on pathological input', () => {
  it('stay linear on a huge one-paragraph text full of quotes, capitals and names', () => {
    const chunk = 'Mayor Lena Ortiz said "We will TRY AGAIN" and "Sure" Ortiz added, "ok ';
    const text = `Headline\n\n${chunk.repeat(20000)}`; // about 1.4 MB, unbalanced at the end
    const c = new Corpus();
    const t0 = Date.now();
    c.upsert('big.txt', text);
    const people = c.people();
    const quotes = c.quotes();
    assert.ok(Date.now() - t0 < 20000, `took ${Date.now() - t0} ms`);
    assert.ok(people.some((p) => p.name === 'Lena Ortiz'));
    for (const q of quotes.slice(0, 100)) assert.equal(text.slice(q.start, q.end), q.text);
  });
});

describe('people and quotes on arbitrary text (fast-check)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');
  const pieces = ['"', '“', '”', '‘', '’', "'s", ' said ', 'Mr ', 'President ', 'Ana Kovacic', 'Kovacic', ', a spokeswoman, ', '. ', '\n\n', 'He ', 'the ', ' in ', 'Havana', 'É', '😀', '\u0000', 'ا'];
  const textArb = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 80 }).map((xs) => xs.join(''));

  it('never throw, and every span slices its text', () => {
    fc.assert(fc.property(fc.array(textArb, { minLength: 1, maxLength: 3 }), (texts) => {
      const c = new Corpus();
      texts.forEach((t, i) => c.upsert(`t${i}.txt`, t));
      for (const p of c.people()) {
        for (const m of p.mentions) assert.equal(c.get(m.article)!.text.slice(m.start, m.end), m.text);
        for (const r of p.roles) assert.equal(c.get(r.article)!.text.slice(r.start, r.end), r.text);
      }
      for (const q of c.quotes()) {
        assert.ok(q.start <= q.end);
        assert.equal(c.get(q.article)!.text.slice(q.start, q.end), q.text);
        if (q.speaker) assert.ok(c.personById(q.speaker));
      }
    }), { numRuns: 150 });
  });
});
