// Manual probe, not run by mocha: times each Corpus family on each worst case at two sizes, so a
// superlinear family shows (4x the size should take about 4x the time; 16x means quadratic).
// npx tsx test/unit/support/probe.ts [smallSize] [caseFilter]
import { Corpus } from '../../../src/core/corpus';
import { CASES } from './worstCase';

const small = Number(process.argv[2] ?? 50_000);
const filter = process.argv[3] ?? '';
const lede = 'Worst case input for the analysis\n\nWASHINGTON (Reuters) -- ';
// The fixed-size cases, made to scale with n here.
const scaled: Record<string, (n: number) => string> = {
  '100,000 straight quote marks': (n) => lede + '"'.repeat(n),
  '100,000 curly quote marks, unbalanced': (n) => lede + '“'.repeat(n * 0.7) + ' he said ' + '”'.repeat(n * 0.3),
  '1M spaces': (n) => lede + 'Start. ' + ' '.repeat(n) + ' end.',
  '1M spaces then a failing tail': (n) => lede + ' '.repeat(n) + '!',
  'a date line then a long run of spaces': (n) => 'Feb. 3, 2026 ' + ' '.repeat(n) + 'x\n\nBody text said.\n',
  'an ISO date line then spaces and a bar': (n) => '2026-02-04' + ' \t'.repeat(n / 2) + '|x\n\nBody text said.\n',
  'a byline then a long run of spaces': (n) => 'A headline for the story\nBy Jane' + ' '.repeat(n) + 'Doe x\n\nBody text said.\n',
  'a date stamp with spaces before a tail marker': (n) => lede + 'Body said.\n\nFeb. 3, 2026' + ' '.repeat(n) + 'x\nRead More\n',
};

function times(text: string): Record<string, number> {
  const c = new Corpus();
  const out: Record<string, number> = {};
  const T = (l: string, f: () => unknown) => { const t = Date.now(); f(); out[l] = Date.now() - t; };
  T('upsert', () => c.upsert('big.txt', text));
  T('people', () => c.people()); T('quotes', () => c.quotes()); T('times', () => c.times()); T('events', () => c.events()); T('claims', () => c.claims());
  T('related', () => c.related('big.txt', c.get('big.txt')!.sentences[0] ?? { start: 0, end: 10 }, 10));
  T('search', () => c.search.search('Word said', 10));
  return out;
}

for (const name of Object.keys(CASES).filter((n) => n.includes(filter))) {
  const build = scaled[name] ?? CASES[name];
  const a = times(build(small));
  const b = times(build(small * 4));
  const worst = Object.keys(a).map((k) => [k, a[k], b[k]] as const).filter(([, x, y]) => y > 200 && y > 8 * Math.max(x, 5));
  console.log(`${name}: ${worst.length ? 'SUPERLINEAR ' + worst.map(([k, x, y]) => `${k} ${x}->${y} ms`).join(', ') : 'ok'}  [4x: ${Object.entries(b).filter(([, v]) => v > 100).map(([k, v]) => `${k} ${v}`).join(' ')}]`);
}
