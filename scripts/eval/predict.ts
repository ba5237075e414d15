// Runs the project's analysis on MEANTIME: each topic folder is one Corpus, and its answers become plain predictions.
import { Corpus } from '../../src/core/corpus';
import type { EvalDoc, Topic } from './meantime';
import type { PredEvent, PredMention, PredTime } from './metrics/common';
import { relatedQueries, type PredRelated } from './metrics/related';

export interface Predictions {
  people: PredMention[];
  times: PredTime[];
  events: PredEvent[];
  /** Answers to the related-coverage queries the gold calls for (the gold picks the query sentences only). */
  related: PredRelated[];
  /** Articles whose publication date the article model read as the gold creation time. */
  datedRight: number;
  /** Articles whose text in the corpus differs from the rebuilt text (offsets would not line up). */
  textMismatch: string[];
  seconds: number;
}

export function predict(topics: Topic[]): Predictions {
  const out: Predictions = { people: [], times: [], events: [], related: [], datedRight: 0, textMismatch: [], seconds: 0 };
  const t0 = process.hrtime.bigint();
  for (const topic of topics) {
    const corpus = new Corpus();
    const docs = new Map<string, EvalDoc>();
    for (const d of topic.docs) {
      docs.set(d.id, d);
      const a = corpus.upsert(d.id, d.text);
      if (a.text !== d.text) out.textMismatch.push(d.id);
      if (d.dct && a.published === d.dct) out.datedRight++;
    }
    // Person ids are per corpus; prefix them with the topic so clusters never meet across topics.
    for (const p of corpus.people()) for (const m of p.mentions) if (docs.has(m.article)) out.people.push({ doc: m.article, start: m.start, end: m.end, cluster: `${topic.name}/${p.id}` });
    for (const t of corpus.times()) if (docs.has(t.article)) out.times.push({ doc: t.article, start: t.start, end: t.end, value: t.value });
    for (const query of relatedQueries(topic.docs)) {
      const a = corpus.get(query.doc);
      const s = a?.sentences.find((x) => x.start <= query.offset && query.offset < x.end);
      if (!s) continue;
      out.related.push({ query, answers: corpus.related(query.doc, s, 10).map((r) => ({ doc: r.article, start: r.start, end: r.end })) });
    }
    for (const e of corpus.events()) out.events.push({ id: `${topic.name}/${e.id}`, sources: e.sources.map((s) => ({ doc: s.article, start: s.start, end: s.end })) });
  }
  out.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return out;
}
