import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { describeTime, eventsWithPerson, groupByArticle, groupByDate } from '../../src/core/timeline';
import type { NewsEvent, Person } from '../../src/core/types';

const ev = (id: string, date: string | null, article = 'a.txt', text = 'Someone did something.'): NewsEvent => ({ id, date, label: id, sources: [{ article, start: 0, end: text.length, text }] });

describe('timeline grouping', () => {
  it('groups by year then month, year-only events in the year, undated last', () => {
    const groups = groupByDate([ev('c', '2026-02-03'), ev('u', null), ev('a', '2025-10'), ev('y', '2022'), ev('b', '2026-01-07'), ev('d', '2026-02')]);
    assert.deepEqual(groups.map((g) => g.label), ['2022', '2025', '2026', 'Undated']);
    assert.deepEqual(groups[0].events.map((e) => e.id), ['y']);
    assert.deepEqual(groups[2].groups.map((g) => g.label), ['January 2026', 'February 2026']);
    assert.deepEqual(groups[2].groups[1].events.map((e) => e.id), ['d', 'c']);
    assert.deepEqual(groups[3].events.map((e) => e.id), ['u']);
  });

  it('groups by article, an event under every article that reports it', () => {
    const c = new Corpus();
    c.upsert('a.txt', 'Title A\n\nBody of A.');
    c.upsert('b.txt', 'Title B\n\nBody of B.');
    const shared: NewsEvent = { ...ev('s', '2026-01-01'), sources: [ev('x', null, 'a.txt').sources[0], ev('x', null, 'b.txt').sources[0]] };
    const groups = groupByArticle([shared, ev('o', '2025-01-01', 'b.txt')], c.articles());
    assert.deepEqual(groups.map((g) => g.key), ['article:a.txt', 'article:b.txt']);
    assert.deepEqual(groups[1].events.map((e) => e.id), ['o', 's']);
  });

  it('filters events by a person through mentions or names', () => {
    const p: Person = { id: 'ada-okafor', name: 'Ada Okafor', aliases: ['Okafor'], roles: [], mentions: [] };
    const events = [ev('1', '2026-01-01', 'a.txt', 'Okafor resigned.'), ev('2', '2026-01-02', 'a.txt', 'Okaforville flooded.')];
    assert.deepEqual(eventsWithPerson(events, p).map((e) => e.id), ['1']);
  });

  it('describes a time with the date it was resolved against', () => {
    const base = { article: 'a', start: 0, end: 10, text: 'last month', type: 'DATE' as const };
    assert.equal(describeTime({ ...base, value: '2026-01', inferred: false, anchor: '2026-02-04' }, '2026-02-04'), 'January 2026 (article published 2026-02-04)');
    assert.match(describeTime({ ...base, value: '2026-01', inferred: true, anchor: '2026-02-03' }, null), /January 2026 \(reference date 2026-02-03, inferred/);
  });
});
