// fast-check generators of hostile article text: arbitrary Unicode (lone surrogates, NUL, RTL,
// emoji), news-shaped token soup that reaches the deep paths of the analysis, and mutations of real
// articles (truncations, inserted quotes, deleted lines, line-ending changes, very long lines).
import fc from 'fast-check';

const QUOTES = ['"', '“', '”', "'", '‘', '’', '«', '»', '„', '‹', '›', '``', "''"];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\r', '\r\n\r\n', '\u2028', '\u2029', '\u0085'];
const ODD = ['\u0000', '\uFEFF', '\u200B', '\u200F', '\u202E', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\uFFFD', '\t', '\v', '\f', '\u00A0', '\u3000'];
const RTL = ['مرحبا', 'قال الرئيس', 'שלום', 'אמר', '\u202Bمرحبا\u202C'];
const EMOJI = ['😀', '👩🏽‍⚕️', '🇨🇴', '🏳️‍🌈', '#️⃣', '\u0301', 'é', 'ﬁ'];
const WORDS = [
  'said', 'told', 'according to', 'says', 'announced', 'President', 'Mr.', 'Dr.', 'Sen.', 'U.S.', 'Feb.', 'a.m.', 'p.m.',
  'Maria', 'Lopez', 'José', 'García-Peña', "O'Neil", 'de la Cruz', 'Van Buren', 'Smith', 'Ahmed', 'Li', 'Wei',
  'the', 'a', 'of', 'in', 'on', 'and', 'was', 'were', 'have', 'killed', 'more than', 'about', 'critics', 'analysts', 'sources',
  'officials', 'reportedly', 'alleged', 'denied', 'without evidence', 'experts say', 'on Monday', 'last week', 'yesterday',
  'January', 'Jan. 7', '7 July 2017', '2026-02-04', '02/03/2026', '3:15 p.m.', 'next year', 'in 2019', 'last month',
  '100', '1,000', '$30 billion', '35%', '30 minutes', 'No.', 'etc.', 'i.e.', '...', '…', '—', '--', '(', ')', '[', ']',
  'WASHINGTON (Reuters) --', 'By Jane Doe', 'Read More', 'Sponsored', '#Global News', '---', 'title: x', ':', ';', ',', '.', '?', '!',
];

const pick = (xs: string[]) => fc.constantFrom(...xs);

/** Any sequence of UTF-16 code units, lone surrogates and NUL included. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((cs) => String.fromCharCode(...cs)),
);

/** Token soup shaped like news: names, speech verbs, quotes, dates, figures, odd characters, mixed line breaks. */
export const newsyText = fc
  .array(
    fc.oneof(
      { weight: 10, arbitrary: pick(WORDS) },
      { weight: 3, arbitrary: pick(QUOTES) },
      { weight: 3, arbitrary: pick(BREAKS) },
      { weight: 1, arbitrary: pick(ODD) },
      { weight: 1, arbitrary: pick(RTL) },
      { weight: 1, arbitrary: pick(EMOJI) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    ),
    { maxLength: 250 },
  )
  .chain((tokens) => fc.array(fc.constantFrom(' ', ' ', ' ', '', '  '), { minLength: tokens.length, maxLength: tokens.length }).map((seps) => tokens.map((t, i) => t + seps[i]).join('')));

export const hostileText = fc.oneof({ weight: 1, arbitrary: anyText }, { weight: 2, arbitrary: newsyText });

/** A string inserted into an article by a mutation. */
const insertion = fc.oneof(
  pick(QUOTES),
  pick(ODD),
  pick(RTL),
  pick(EMOJI),
  pick(BREAKS),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('"'.repeat(50), '“'.repeat(33), '"He said', 'she said "', ' said said said ', '#a  #b  #c  !'),
  fc.integer({ min: 1, max: 20000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 2000 }).map((n) => 'Word '.repeat(n)),
);

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'lineEndings'; to: string }
  | { kind: 'deleteRange'; at: number; length: number };

const at = fc.double({ min: 0, max: 1, noNaN: true });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  at.map((a) => ({ kind: 'truncate' as const, at: a })),
  fc.record({ kind: fc.constant('insert' as const), at, text: insertion }),
  fc.record({ kind: fc.constant('insert' as const), at, text: insertion }),
  at.map((a) => ({ kind: 'deleteLine' as const, at: a })),
  at.map((a) => ({ kind: 'duplicateLine' as const, at: a })),
  pick(['\r', '\r\n', '\n', '\u2028']).map((to) => ({ kind: 'lineEndings' as const, to })),
  fc.record({ kind: fc.constant('deleteRange' as const), at, length: fc.integer({ min: 1, max: 400 }) }),
);

/** Applies mutations in order. Positions are fractions of the current length, so they stay valid. */
export function mutate(text: string, mutations: Mutation[]): string {
  for (const m of mutations) {
    const pos = 'at' in m ? Math.floor(m.at * text.length) : 0;
    switch (m.kind) {
      case 'truncate':
        text = text.slice(0, pos);
        break;
      case 'insert':
        text = text.slice(0, pos) + m.text + text.slice(pos);
        break;
      case 'deleteRange':
        text = text.slice(0, pos) + text.slice(pos + m.length);
        break;
      case 'deleteLine':
      case 'duplicateLine': {
        const lines = text.split('\n');
        const i = Math.floor(m.at * lines.length);
        if (m.kind === 'deleteLine') lines.splice(i, 1);
        else lines.splice(i, 0, lines[i] ?? '');
        text = lines.join('\n');
        break;
      }
      case 'lineEndings':
        text = text.replace(/\r\n|\r|\n/g, m.to);
        break;
    }
  }
  return text;
}
