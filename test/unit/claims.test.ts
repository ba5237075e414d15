import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findAttributions } from '../../src/core/attribution';
import { figureCues, hedgeCues, superlativeCues, trendCues } from '../../src/core/claimCues';
import { fallbackDates } from '../../src/core/claimDates';
import { quoteRegions } from '../../src/core/claimText';
import { compareFacts, datesDisagree, extractQuantities, passageFacts, quantitiesCompatible, type DateMention } from '../../src/core/contest';
import { Corpus } from '../../src/core/corpus';
import { analyzeArticleClaims } from '../../src/core/sentenceClaims';
import { parseArticle } from '../../src/core/article';
import { decodeArticleBytes } from '../../src/core/decode';
import type { ScoredPassage, Span } from '../../src/core/types';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seedText = (f: string) => {
  const d = decodeArticleBytes(fs.readFileSync(path.join(seedsDir, f)));
  assert.ok(d.ok);
  return d.text;
};

/** Claims of a one-paragraph article. */
function claimsOf(body: string) {
  return analyzeArticleClaims(parseArticle('t.txt', `Headline here\n\n${body}\n`)).claims;
}
const kinds = (body: string) => claimsOf(body).map((c) => c.kind).sort();

function attributions(sentence: string) {
  return findAttributions(sentence, { start: 0, end: sentence.length }, quoteRegions(sentence, 0, sentence.length));
}

describe('claims: attribution', () => {
  const named = (s: string) => attributions(s).filter((a) => a.named).map((a) => a.source?.text);
  const vague = (s: string) => attributions(s).filter((a) => !a.named).map((a) => a.vagueRule);

  it('finds named sources in the usual forms', () => {
    assert.deepEqual(named('The economy shrank by 3 percent, the minister said.'), ['the minister']);
    assert.deepEqual(named('According to Reuters, 40 people died.'), ['Reuters']);
    assert.deepEqual(named('Maria Lopez told reporters that 40 people died.'), ['Maria Lopez']);
    assert.deepEqual(named("The governor's office said 40 people died."), ["The governor's office"]);
    assert.deepEqual(named('In an interview with the BBC, Lopez said 40 people died.'), ['Lopez']);
    assert.deepEqual(named('"We will win," said Felipe Botero, a professor.'), ['Felipe Botero']);
    assert.ok(named('Photos released by the Interior Ministry showed 40 bodies.').includes('the Interior Ministry'));
  });

  it('recognises weasel subjects, anonymous sources and passives as vague', () => {
    assert.deepEqual(vague('Critics say the plan will fail.'), ['weasel-subject']);
    assert.deepEqual(vague('U.S. analysts say the talks may go better.'), ['weasel-subject']);
    assert.deepEqual(vague('Officials privately admit the plan could fail.'), ['weasel-subject']);
    assert.deepEqual(vague('Some reports suggest the deal is off.').slice(0, 1).length, 1);
    assert.deepEqual(vague('Sources said the deal is off.'), ['anonymous']);
    assert.deepEqual(vague('A senior official said the deal is off.'), ['anonymous']);
    assert.deepEqual(vague('Many believe the deal is off.'), ['quantifier']);
    assert.deepEqual(vague('It is widely believed that the deal is off.'), ['passive']);
    assert.deepEqual(vague('People familiar with the matter said the deal is off.').includes('anonymous'), true);
  });

  it('does not take quoted words or objects as a source', () => {
    assert.deepEqual(attributions('"Critics say many things," he said.').map((a) => a.named), [true]);
    assert.deepEqual(attributions('The report was published on Monday.'), []);
  });

  it('limits a fronted phrase and a dash aside to their own scope', () => {
    const s = 'In a reference to strikes that killed 100 people, he added that he wanted peace.';
    const a = attributions(s).find((x) => x.named)!;
    assert.ok(a.covers.start > s.indexOf('100'), 'the fronted phrase is the reporter\u2019s');
    const t = 'He faces alleged ties — allegations he denies — and production has risen.';
    const b = attributions(t).find((x) => x.named)!;
    assert.ok(b.covers.end < t.indexOf('production'));
  });
});

describe('claims: cues', () => {
  const texts = (cs: { text: string }[]) => cs.map((c) => c.text.trim());
  it('figures are quantities, not dates, times or durations', () => {
    assert.deepEqual(texts(figureCues('The strikes have killed more than 100 people.', 0)), ['more than 100 people']);
    assert.deepEqual(texts(figureCues('Trade flows exceed US$30 billion annually.', 0)), ['US$30 billion']);
    assert.deepEqual(texts(figureCues('Prices rose 12.5% last year.', 0)), ['12.5%']);
    assert.deepEqual(figureCues('The two leaders met on January 15, 2026 at 11 a.m. for a two-hour meeting in 2022.', 0), []);
    assert.deepEqual(figureCues('It happened less than a month ago, after 30 minutes.', 0), []);
  });
  it('trends need a measured quantity as subject', () => {
    assert.equal(trendCues('Coca production in Colombia has climbed.', 0).length, 1);
    assert.equal(trendCues('Coca production and cocaine exports have surged.', 0).length, 1);
    assert.equal(trendCues('There is rising tension between them.', 0).length, 0);
  });
  it('superlatives need a scope', () => {
    assert.equal(superlativeCues("Colombia is the world's largest producer of coca.", 0).length, 1);
    assert.equal(superlativeCues('They are the best players in the world.', 0).length, 1);
    assert.equal(superlativeCues('It is one of the largest in the region.', 0).length, 0);
    assert.equal(superlativeCues('A reminder that even the most unlikely partners can talk.', 0).length, 0);
  });
  it('hedges', () => {
    const rules = (s: string) => hedgeCues(s, 0).map((c) => c.rule);
    assert.deepEqual(rules('He called him a liar though he provided no evidence.'), ['unproven']);
    assert.deepEqual(rules('The figures are a matter of dispute.'), ['disputed']);
    assert.deepEqual(rules('He reportedly left.'), ['reportedly']);
    assert.deepEqual(rules('The alleged bribe, which he has denied.').sort(), ['alleged', 'denied']);
    assert.deepEqual(rules('The meeting went well.'), []);
  });
});

describe('claims: per-sentence classification', () => {
  it('flags an unsourced figure but not the same figure with a named source', () => {
    assert.deepEqual(kinds('The strikes have killed more than 100 people.'), ['unattributed']);
    assert.deepEqual(kinds('The strikes have killed more than 100 people, the ministry said.'), []);
    assert.deepEqual(kinds('According to the UN, the strikes have killed more than 100 people.'), []);
  });
  it('a vague source is flagged as such, not as unattributed', () => {
    assert.deepEqual(kinds('The strikes have killed more than 100 people, sources said.'), ['vague-source']);
    assert.deepEqual(kinds('Critics blame the policy for the crisis.'), ['vague-source']);
  });
  it('leaves direct quotes and plain scene description alone', () => {
    assert.deepEqual(kinds('"We lost more than 100 people. It is the worst day in history," Lopez said.'), []);
    assert.deepEqual(kinds('The president arrived at the palace without fanfare, and no media attended the roughly two-hour meeting.'), []);
    assert.deepEqual(kinds('"It was the best meeting ever. It was also the longest in the world."'), []);
  });
  it('keeps reported speech that runs on over sentences', () => {
    assert.deepEqual(kinds('Lopez said the talks went well. He would ask for 500 million dollars in aid.'), []);
  });
  it('one claim per kind per sentence, with a rule id and a reason', () => {
    const cs = claimsOf('Petro is under sanctions for alleged ties \u2014 allegations he denies \u2014 and coca production has been rising.');
    assert.deepEqual(cs.map((c) => c.rule).sort(), ['hedged/alleged', 'unattributed/trend']);
    for (const c of cs) assert.ok(c.reason.length > 20);
  });
  it('skips run-on "sentences" too long to be one (page debris, hostile input)', () => {
    assert.deepEqual(kinds(`Critics say ${'the plan costs $30 billion and '.repeat(200)}more.`), []);
  });

  it('skips headings', () => {
    const a = parseArticle('t.txt', 'Title\n\nThe world\u2019s biggest producer of coca\n\nThe meeting went well.\n');
    assert.deepEqual(analyzeArticleClaims(a).claims, []);
  });
  it('every claim slices the text it claims to', () => {
    for (const f of fs.readdirSync(seedsDir)) {
      const a = parseArticle(f, seedText(f));
      for (const c of analyzeArticleClaims(a).claims) assert.equal(a.text.slice(c.start, c.end), c.text);
    }
  });
});

describe('claims: contested comparisons (pure)', () => {
  it('date ranges of different granularity', () => {
    assert.equal(datesDisagree('2026-01', '2025'), true);
    assert.equal(datesDisagree('2025-10', '2025'), false);
    assert.equal(datesDisagree('2026-01-07', '2026-01'), false);
    assert.equal(datesDisagree('2026-W02', '2026-01-07'), false);
    assert.equal(datesDisagree('2026-Q1', '2025-12'), true);
    assert.equal(datesDisagree('PAST_REF', '2025'), false);
  });

  it('numbers with units', () => {
    const q = (s: string) => extractQuantities(s)[0];
    assert.deepEqual([q('a 30-minute call').value, q('a 30-minute call').unit], [30, 'minute']);
    assert.equal(quantitiesCompatible(q('30 minutes'), q('35 minutes')), false);
    assert.equal(quantitiesCompatible(q('roughly two-hour'), q('nearly two-hour')), true);
    assert.equal(quantitiesCompatible(q('more than 100 people'), q('120 people')), true);
    assert.equal(quantitiesCompatible(q('more than 100 people'), q('80 people')), false);
    assert.equal(extractQuantities('the two leaders met in 2022').length, 0);
  });

  /** Facts of the last sentence of `text`; earlier text is the sentence before. */
  const facts = (text: string, dates: [string, string][] = [], inherited: [string, string] | null = null, published: string | null = null) => {
    const cut = text.lastIndexOf('. ', text.length - 3) + 2;
    const ds: DateMention[] = dates.map(([t, v]) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length, text: t, value: v }));
    const inh = inherited ? { start: 0, end: inherited[0].length, text: inherited[0], value: inherited[1] } : null;
    return passageFacts('x', text, { start: cut, end: text.length }, ds, inh, { previous: cut > 0 ? { start: 0, end: cut } : null, published });
  };

  it('dates: the date attached to the shared words is compared', () => {
    const a = facts('In October, Trump called Petro a drug leader, and in January, he mooted military action against the longtime ally.', [['In October', '2025-10'], ['in January', '2026-01']]);
    const b = facts('Last year, Trump accused Petro. He even hinted at possible military action against Colombia, a longtime ally.', [], ['Last year', '2025']);
    const c = facts('In October, Trump called Petro a drug leader.', [['In October', '2025-10']]);
    assert.equal(compareFacts(a, b)?.kind, 'date');
    assert.equal(compareFacts(a, c), null, 'October agrees with October');
  });

  it('dates: two articles each reporting their own day are two events, not a disagreement', () => {
    const a = facts('The Hang Seng index fell sharply in Hong Kong trading today.', [['today', '2008-10-08']], null, '2008-10-08');
    const b = facts('The Hang Seng index fell sharply in Hong Kong trading on Monday.', [['on Monday', '2008-10-27']], null, '2008-10-27');
    assert.equal(compareFacts(a, b), null);
    const c = facts('The Hang Seng index fell sharply in Hong Kong trading on Monday.', [['on Monday', '2008-10-06']], null, '2008-10-08');
    assert.equal(compareFacts(a, c)?.kind, 'date', 'the same day\'s news from two outlets can disagree');
  });

  it('numbers: 30 minutes against 35 minutes', () => {
    const a = facts('Lopez and Silva spoke by phone for 30 minutes on Friday.');
    const b = facts('Lopez spoke by phone with Silva for 35 minutes.');
    const c = facts('Lopez spoke by phone with Silva for about 30 minutes.');
    const d = facts('The Airbus jet spoke by phone for 35 minutes.');
    assert.equal(compareFacts(a, b)?.kind, 'number');
    assert.equal(compareFacts(a, c), null);
    assert.equal(compareFacts(a, d), null, 'numbers about different named things are not compared');
  });

  it('stance: accepted the denial against not confirmed', () => {
    const a = facts("The minister accepted the general's denial of the bribery report.");
    const b = facts("The general's denial of the bribery report has not been confirmed by the minister.");
    const c = facts("The minister rejected the general's bribery report.");
    assert.equal(compareFacts(a, b)?.kind, 'stance');
    assert.equal(compareFacts(a, c), null);
  });

  it('passages that share too little are not compared', () => {
    assert.equal(compareFacts(facts('It rained in 2024.', [['2024', '2024']]), facts('Sales fell in 2023.', [['2023', '2023']])), null);
  });

  it('fallback dates resolve plain forms against the publication date', () => {
    const t = 'In January, he called. Last year he left. It was in October and in 2022, on January 7.';
    assert.deepEqual(fallbackDates(t, 0, t.length, '2026-02-04').map((d) => d.value), ['2026-01', '2025', '2025-10', '2022', '2026-01-07']);
  });
});

/** A corpus whose related() is a plain word-overlap ranking, standing in for the search feature. */
class OverlapCorpus extends Corpus {
  related(id: string, span: Span, limit = 10): ScoredPassage[] {
    const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{4,}/g) ?? []);
    const q = words(this.get(id)!.text.slice(span.start, span.end));
    const out: ScoredPassage[] = [];
    for (const a of this.articles()) {
      if (a.id === id) continue;
      for (const s of a.sentences) {
        const w = words(s.text);
        const shared = [...q].filter((x) => w.has(x)).length;
        if (shared) out.push({ article: a.id, start: s.start, end: s.end, text: s.text, score: shared / Math.sqrt(q.size * w.size) });
      }
    }
    return out.sort((x, y) => y.score - x.score).slice(0, limit);
  }
}

describe('claims: contested across the seeds (stand-in related)', () => {
  const corpus = new OverlapCorpus();
  for (const f of fs.readdirSync(seedsDir)) corpus.upsert(f, seedText(f));
  const claims = corpus.claims();

  it('links the military-action date to both outlets that date it differently', () => {
    const a = corpus.articles()[0];
    const at = a.text.indexOf('he mooted military action');
    const c = claims.find((x) => x.kind === 'contested' && x.article === a.id && x.start <= at && at < x.end);
    assert.ok(c, 'contested claim in 000');
    assert.equal(c.rule, 'contested/date');
    const linked = new Set(c.related.map((r) => r.article.slice(0, 3)));
    assert.ok(linked.has('001') && linked.has('004'), `linked to ${[...linked]}`);
  });

  it('the linked passages are contested back', () => {
    const b = claims.filter((x) => x.kind === 'contested' && x.article.startsWith('001'));
    assert.ok(b.some((x) => x.related.some((r) => r.article.startsWith('000'))));
  });

  it('stays quiet: few claims, none on the clean sentences', () => {
    const sentences = corpus.articles().reduce((n, a) => n + a.sentences.length, 0);
    assert.ok(claims.length / sentences < 0.35, `${claims.length} claims for ${sentences} sentences`);
    for (const clean of ['Trump said the two leaders were working on it', 'Petro said he asked Trump to help capture', 'Pictures released by the Colombian presidency showed', 'Petro was accompanied by Foreign Minister']) {
      const a = corpus.articles().find((x) => x.text.includes(clean))!;
      const at = a.text.indexOf(clean);
      assert.deepEqual(claims.filter((c) => c.article === a.id && c.start <= at && at < c.end).map((c) => c.rule), [], clean);
    }
  });
});
