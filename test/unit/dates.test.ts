import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { referenceDates, resolveTimes, tagTimes, tenseAt } from '../../src/core/dates';
import { compatible, eventDate, isoWeek, parseDay } from '../../src/core/timex';

/** The value of the first expression found in `sentence`, resolved against `ref`. */
function value(sentence: string, ref: string | null, order: 'mdy' | 'dmy' | null = null): string | undefined {
  return tagTimes(sentence, 0, sentence.length, ref, order)[0]?.value;
}
function values(sentence: string, ref: string): string[] {
  return tagTimes(sentence, 0, sentence.length, ref).map((t) => t.value);
}

describe('dates: TIMEX3 values', () => {
  // 2026-02-04 is a Wednesday.
  const ref = '2026-02-04';

  it('reads weekdays by tense: past by default, future with will/due to', () => {
    assert.equal(value('The two leaders agreed on Friday to meet.', ref), '2026-01-30');
    assert.equal(value('They will meet on Friday.', ref), '2026-02-06');
    assert.equal(value('The minister is due to arrive on Friday.', ref), '2026-02-06');
    assert.equal(value('Officials met Monday.', ref), '2026-02-02');
    assert.equal(value('Prices fell on Wednesday.', ref), '2026-02-04');
    assert.equal(value('He arrived last Wednesday.', ref), '2026-01-28');
  });

  it('keeps the main clause future when a reporting verb follows or precedes it', () => {
    // 2025-03-16 is a Sunday: "will ... on Monday" is the next day, not six days back.
    const sun = '2025-03-16';
    assert.equal(value('The mayor will visit the school on Monday, her spokesman said.', sun), '2025-03-17');
    assert.equal(value('The council is due to vote on Tuesday, aides said.', sun), '2025-03-18');
    assert.equal(value('The board is set to decide on Wednesday.', sun), '2025-03-19');
    assert.equal(value('The union plans to strike on Thursday, its leader says.', sun), '2025-03-20');
    assert.equal(value('A verdict is expected to come on Friday.', sun), '2025-03-21');
    assert.equal(value("We'll hear from them on Thursday, she said.", sun), '2025-03-20');
    assert.equal(value('The crew flies out next Monday.', sun), '2025-03-17');
    assert.equal(value('Police said the suspect will appear in court on Tuesday.', sun), '2025-03-18');
    // The reporting verb still governs a past clause and an expression attached to itself.
    assert.equal(value('The mayor visited the school on Monday, her spokesman said.', sun), '2025-03-10');
    assert.equal(value('He said on Friday that he will resign.', sun), '2025-03-14');
  });

  it('puts a bare month in the right year from the tense', () => {
    assert.equal(value('In October, Trump called him a liar.', '2026-02-04'), '2025-10');
    assert.equal(value('The vote took place in January.', '2017-07-07'), '2017-01');
    assert.equal(value('The summit will be held in October.', '2026-02-04'), '2026-10');
  });

  it('keeps month precision: never the first of the month', () => {
    const v = value('Sanctions were issued in October.', '2026-02-04');
    assert.equal(v, '2025-10');
    assert.equal(eventDate(v!), '2025-10');
  });

  it('resolves relative expressions', () => {
    assert.equal(value('The raid happened last month.', ref), '2026-01');
    assert.equal(value('She resigned last year.', ref), '2025');
    assert.equal(value('He spoke last week.', ref), isoWeek(parseDay('2026-01-28')!));
    assert.equal(value('They met this week.', ref), '2026-W06');
    assert.equal(value('He held a meeting a few days ago.', ref), 'PAST_REF');
    assert.equal(value('The ship sank three days ago.', ref), '2026-02-01');
    assert.equal(value('Trading resumed today.', ref), '2026-02-04');
    assert.equal(value('Trading resumed yesterday.', ref), '2026-02-03');
    assert.equal(value('He was elected in 2022.', ref), '2022');
    assert.equal(value('Profits rose in the first quarter of 2009.', ref), '2009-Q1');
    assert.equal(value('It happened in the 1980s.', ref), '198');
    assert.equal(value('Sales are currently weak.', ref), 'PRESENT_REF');
  });

  it('reads explicit dates in the article notation', () => {
    assert.equal(value('The deal was signed on 02/03/2026.', ref, 'mdy'), '2026-02-03');
    assert.equal(value('The deal was signed on 02/03/2026.', ref, 'dmy'), '2026-03-02');
    assert.equal(value('It was signed on Feb. 3, 2026 in Bogota.', ref), '2026-02-03');
    assert.equal(value('It was signed on 7 July 2017.', ref), '2017-07-07');
    assert.equal(value('Talks were held in February 2025.', ref), '2025-02');
    assert.equal(value('A call on January 7 eased tension.', ref), '2026-01-07');
  });

  it('types durations and sets', () => {
    const d = tagTimes('The strike lasted for two years.', 0, 32, ref);
    assert.deepEqual(d.map((t) => [t.value, t.type]), [['P2Y', 'DURATION']]);
    const s = tagTimes('The report is published every year.', 0, 35, ref);
    assert.deepEqual(s.map((t) => [t.value, t.type]), [['P1Y', 'SET']]);
  });

  it('does not take the verb "may", counts or money for dates', () => {
    assert.deepEqual(values('Officials may resign.', ref), []);
    assert.deepEqual(values('The fund holds $2020 million.', ref), []);
    assert.deepEqual(values('About 1500 troops were sent.', ref), []);
  });

  it('leaves relative values unresolved without a reference date', () => {
    assert.equal(value('They met on Friday.', null), 'XXXX-XX-XX');
    assert.equal(value('They met in 2019.', null), '2019');
  });

  it('detects tense around an expression', () => {
    const s = 'Trump said the two would meet on Friday.';
    assert.equal(tenseAt(s, s.indexOf('Friday'), s.indexOf('Friday') + 6), 'future');
    const p = 'The two met on Friday.';
    assert.equal(tenseAt(p, p.indexOf('Friday'), p.indexOf('Friday') + 6), 'past');
  });

  it('compares values by interval: a day is compatible with its month, not the next', () => {
    assert.ok(compatible('2026-01-07', '2026-01'));
    assert.ok(compatible('2026-02-03', '2026-W06'));
    assert.ok(!compatible('2026-01-07', '2026-02'));
    assert.ok(!compatible('2026-01-07', '2026-01-08'));
  });
});

describe('dates: the corpus', () => {
  const story = (extra: string) => `The finance ministers of Freedonia and Sylvania met in Geneva on Tuesday to discuss the tariff dispute. ${extra}`;

  it('infers an undated article\'s reference date from the dated articles reporting the same story', () => {
    const c = new Corpus();
    c.upsert('a.md', `---\npublished: 2031-05-08\n---\n${story('Ministers Okonkwo and Lindqvist agreed on a tariff truce in Geneva.')}\n`);
    c.upsert('b.md', `---\npublished: 2031-05-07\n---\n${story('Okonkwo and Lindqvist announced a tariff truce after the Geneva talks.')}\n`);
    c.upsert('c.md', `${story('Lindqvist said the Geneva tariff truce with Okonkwo would hold.')}\n`);
    c.upsert('d.md', `---\npublished: 1999-01-01\n---\nA recipe for bread with yeast, flour and water, baked on Sunday.\n`);
    const refs = referenceDates(c);
    assert.equal(refs.get('c.md')?.inferred, true);
    assert.ok(['2031-05-07', '2031-05-08'].includes(refs.get('c.md')!.date!));
    const tuesday = resolveTimes(c).find((t) => t.article === 'c.md' && t.text === 'Tuesday');
    assert.equal(tuesday?.value, '2031-05-06');
    assert.equal(tuesday?.inferred, true);
    const dated = resolveTimes(c).find((t) => t.article === 'a.md' && t.text === 'Tuesday');
    assert.equal(dated?.inferred, false);
    assert.equal(dated?.anchor, '2031-05-08');
  });

  it('keeps every span equal to its text', () => {
    const c = new Corpus();
    c.upsert('x.txt', 'Headline here\n\nOn Monday, the council voted. It will meet again in March 2032, officials said last week.\n');
    for (const t of resolveTimes(c)) assert.equal(c.get(t.article)!.text.slice(t.start, t.end), t.text);
  });
});
