// Scores predictions against the gold of every topic and lays the figures out as table rows.
import type { EvalDoc } from './meantime';
import type { PRF } from './metrics/common';
import { scoreCrossPeople, type PairScore } from './metrics/crossPeople';
import { scoreDates, type DateScore } from './metrics/dates';
import { scoreEvents, type EventScore } from './metrics/events';
import { isNamed, scorePeople } from './metrics/people';
import { scoreRelated, type RelatedScore } from './metrics/related';
import type { Predictions } from './predict';
import type { Row } from './table';

export interface Scores {
  people: PRF;
  peopleNamed: PRF;
  crossPeople: PairScore;
  crossPeopleNamed: PairScore;
  dates: DateScore;
  events: EventScore;
  related: RelatedScore;
}

export function scoreAll(docs: EvalDoc[], preds: Pick<Predictions, 'people' | 'times' | 'events' | 'related'>): Scores {
  return {
    people: scorePeople(docs, preds.people),
    peopleNamed: scorePeople(docs, preds.people, isNamed),
    crossPeople: scoreCrossPeople(docs, preds.people),
    crossPeopleNamed: scoreCrossPeople(docs, preds.people, isNamed),
    dates: scoreDates(docs, preds.times),
    events: scoreEvents(docs, preds.events),
    related: scoreRelated(docs, preds.related),
  };
}

const NOTHING_OURS = 'n/a: the analysis predicted nothing';
const NOTHING_GOLD = 'n/a: no gold items';

function why(value: number | null, gold: number | null, ours: number, note: string): string {
  // A zero that only says "the feature returned nothing" must not pass for a measured zero.
  if (value === 0 && !ours) return `0: the analysis predicted nothing${note ? ` (${note})` : ''}`;
  if (value !== null) return note;
  if (!gold) return NOTHING_GOLD;
  if (!ours) return NOTHING_OURS;
  return 'n/a';
}

function prfRows(family: string, s: PRF, what: string): Row[] {
  return [
    { family, measure: 'precision', value: s.precision, gold: s.gold, ours: s.predicted, matched: s.matchedPredicted, note: why(s.precision, s.gold, s.predicted, `our mentions overlapping a gold ${what}`) },
    { family, measure: 'recall', value: s.recall, gold: s.gold, ours: s.predicted, matched: s.matchedGold, note: why(s.recall, s.gold, s.predicted, `gold ${what}s overlapped by ours`) },
    { family, measure: 'F1', value: s.f1, gold: s.gold, ours: s.predicted, matched: s.matchedGold, note: why(s.f1, s.gold, s.predicted, '') },
  ];
}

function pairRows(family: string, s: PairScore): Row[] {
  return [
    { family, measure: 'pair precision', value: s.precision, gold: s.goldPairs, ours: s.predictedPairs, matched: s.correctPairs, note: why(s.precision, s.goldPairs, s.predictedPairs, `pairs of our aligned mentions (${s.aligned} aligned)`) },
    { family, measure: 'pair recall', value: s.recall, gold: s.goldPairs, ours: s.predictedPairs, matched: s.correctPairs, note: why(s.recall, s.goldPairs, s.predictedPairs, 'gold same-person pairs across articles') },
    { family, measure: 'pair F1', value: s.f1, gold: s.goldPairs, ours: s.predictedPairs, matched: s.correctPairs, note: why(s.f1, s.goldPairs, s.predictedPairs, '') },
  ];
}

export function rows(s: Scores): Row[] {
  const d = s.dates;
  const e = s.events;
  const r = s.related;
  return [
    ...prfRows('people (all PER mentions)', s.people, 'PER mention'),
    ...prfRows('people (named PER mentions)', s.peopleNamed, 'named PER mention'),
    ...pairRows('cross-article people (all)', s.crossPeople),
    ...pairRows('cross-article people (named)', s.crossPeopleNamed),
    { family: 'dates (TIMEX3 DATE, no DCT)', measure: 'accuracy', value: d.accuracy, gold: d.gold, ours: d.predicted, matched: d.correct, note: why(d.accuracy, d.gold, d.predicted, `right at gold precision; ${d.matched} overlapped; unmatched count as wrong`) },
    { family: 'dates (TIMEX3 DATE, no DCT)', measure: 'accuracy, headline left out', value: d.bodyAccuracy, gold: d.bodyGold, ours: d.predicted, matched: d.bodyCorrect, note: why(d.bodyAccuracy, d.bodyGold, d.predicted, 'as above, without the gold dates in headlines') },
    { family: 'dates (TIMEX3 DATE, no DCT)', measure: 'exact value', value: d.exactAccuracy, gold: d.gold, ours: d.predicted, matched: d.exact, note: why(d.exactAccuracy, d.gold, d.predicted, 'value identical to gold') },
    { family: 'events across articles', measure: 'linked (all articles)', value: e.linkedAllShare, gold: e.goldInstances, ours: e.multiArticle, matched: e.linkedAll, note: why(e.linkedAllShare, e.goldInstances, e.multiArticle, 'gold instances in ≥2 articles covered by one event of ours in all of them') },
    { family: 'events across articles', measure: 'linked (≥2 articles)', value: e.linkedTwoShare, gold: e.goldInstances, ours: e.multiArticle, matched: e.linkedTwo, note: why(e.linkedTwoShare, e.goldInstances, e.multiArticle, '…in at least two of them') },
    { family: 'events across articles', measure: 'pure', value: e.purity, gold: null, ours: e.judged, matched: e.pure, note: e.purity !== null ? `of our ${e.multiArticle} multi-article events, ${e.judged} overlap gold mentions in ≥2 articles` : e.multiArticle ? `n/a: none of our ${e.multiArticle} multi-article events overlaps gold event mentions in ≥2 articles` : 'n/a: the analysis found no multi-article events' },
    { family: 'related coverage', measure: 'same event in top 5', value: r.top5Share, gold: r.pairs, ours: r.queries, matched: r.top5, note: why(r.top5Share, r.pairs, r.queries, `(query sentence, other article) pairs of cross-document events; ${r.queries} queries`) },
    { family: 'related coverage', measure: 'MRR', value: r.mrr, gold: r.pairs, ours: r.queries, matched: r.top5, note: why(r.mrr, r.pairs, r.queries, 'reciprocal rank of the first passage on the same event, of ten') },
  ];
}
