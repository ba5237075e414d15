// Child process of worstCase.test.ts: builds one worst-case article of about `size` characters,
// runs every Corpus query on it, and prints what each took. The parent kills it at its time limit,
// so a catastrophic regular expression fails the test instead of hanging mocha.
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../../src/core/corpus';
import { checkEverything } from './invariants';

/** Repeats `unit` up to `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const lede = 'Worst case input for the analysis\n\nWASHINGTON (Reuters) -- ';

export const CASES: Record<string, (size: number) => string> = {
  'one huge line without spaces': (n) => fill('a', n),
  'one huge line of words': (n) => lede + fill('lorem ipsum dolor sit amet ', n),
  '100,000 straight quote marks': () => lede + '"'.repeat(100_000),
  '100,000 curly quote marks, unbalanced': () => lede + '“'.repeat(70_000) + ' he said ' + '”'.repeat(30_000),
  'unbalanced quotes around words': (n) => lede + fill('"He said it ', n),
  '1M spaces': () => lede + 'Start. ' + ' '.repeat(1_000_000) + ' end.',
  '1M spaces then a failing tail': () => lede + ' '.repeat(1_000_000) + '!',
  'repeated capitalised words': (n) => lede + fill('Word ', n),
  'repeated capitalised names with titles': (n) => lede + fill('President Maria Lopez de la Cruz ', n),
  'said said said': (n) => lede + fill('said ', n),
  'attribution soup': (n) => lede + fill('according to officials, critics said experts say ', n),
  'a run of periods': (n) => lede + fill('.', n),
  'a run of digits': (n) => lede + fill('7', n),
  'digits and periods': (n) => lede + fill('1.', n),
  'initials': (n) => lede + fill('A.', n),
  'abbreviations': (n) => lede + fill('U.S. ', n),
  'dates everywhere': (n) => lede + fill('on Feb. 3, 2026 at 6:22 p.m. ', n),
  'numbers and figures': (n) => lede + fill('$30 billion, 35% of 1,000 people ', n),
  'a date line then a long run of spaces': () => 'Feb. 3, 2026 ' + ' '.repeat(1_000_000) + 'x\n\nBody text said.\n',
  'an ISO date line then spaces and a bar': () => '2026-02-04' + ' \t'.repeat(500_000) + '|x\n\nBody text said.\n',
  'a byline then a long run of spaces': () => 'A headline for the story\nBy Jane' + ' '.repeat(1_000_000) + 'Doe x\n\nBody text said.\n',
  'a date stamp with spaces before a tail marker': () => lede + 'Body said.\n\nFeb. 3, 2026' + ' '.repeat(1_000_000) + 'x\nRead More\n',
  'hashtag line': (n) => lede + 'Text.\n' + fill('#a  ', n) + '!',
  'many short lines': (n) => fill('a\n', n),
  'CR only lines': (n) => lede + fill('Word said.\r', n),
  'blank lines': (n) => lede + fill('\n', n),
  'front matter that never closes': (n) => '---\n' + fill('title: x\n', n),
  'nested brackets': (n) => lede + fill('(', n / 2) + fill(')', n / 2),
  'a seed repeated': (n) => {
    const seeds = path.join(__dirname, '..', '..', '..', 'seeds');
    const text = fs.readdirSync(seeds).sort().map((f) => fs.readFileSync(path.join(seeds, f), 'utf8')).join('\n\n');
    return fill(text + '\n\n', n);
  },
};

if (require.main === module) {
  const [name, sizeArg] = process.argv.slice(2);
  const build = CASES[name];
  if (!build) throw new Error(`unknown case ${name}`);
  const text = build(Number(sizeArg));
  const times: Record<string, number> = { chars: text.length };
  const time = <T>(label: string, fn: () => T): T => {
    const t = Date.now();
    const r = fn();
    times[label] = Date.now() - t;
    return r;
  };
  const c = new Corpus();
  time('upsert', () => c.upsert('big.txt', text));
  c.upsert('small.txt', 'Small article\n\nMaria Lopez said on Monday that "the plan works."\n');
  time('report', () => c.report());
  const a = c.get('big.txt')!;
  const first = a.sentences[0] ?? { start: 0, end: Math.min(200, text.length) };
  time('related', () => c.related('big.txt', first, 10));
  time('relatedFromSmall', () => c.related('small.txt', c.get('small.txt')!.sentences[0] ?? { start: 0, end: 10 }, 10));
  time('search', () => c.search.search('Word said Lopez', 10));
  time('personAt', () => c.personAt('big.txt', Math.floor(text.length / 2)));
  // Invariants on the huge answers too (related is capped per article inside).
  time('invariants', () => checkEverything(c));
  process.stdout.write(JSON.stringify(times) + '\n');
}
