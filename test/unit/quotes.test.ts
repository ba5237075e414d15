import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../src/core/corpus';
import { decodeArticleBytes } from '../../src/core/decode';
import { findQuoteSpans } from '../../src/core/quotes';
import { parseArticle } from '../../src/core/article';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');

function seedCorpus(): Corpus {
  const c = new Corpus();
  for (const f of fs.readdirSync(seedsDir)) {
    const d = decodeArticleBytes(fs.readFileSync(path.join(seedsDir, f)));
    if (d.ok) c.upsert(f, d.text);
  }
  return c;
}

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
