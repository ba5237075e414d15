// Events across articles. Gold: cross-document event instances (REFERS_TO an EVENT with an instance_id) with
// mentions in two or more articles of a topic. Ours: events whose sources come from two or more articles.
// - linked: the share of gold instances whose mentions land in one event of ours, in all their articles
//   (and, more leniently, in at least two of them);
// - pure: the share of our multi-article events whose sources, where they overlap gold event mentions at all
//   (in at least two articles), all overlap mentions of one and the same gold instance.
import type { EvalDoc, GoldMention } from '../meantime';
import { TokenIndex } from '../spans';
import { docsById, predTokens, type PredEvent } from './common';

export interface EventScore {
  /** Gold instances with mentions in ≥ 2 articles. */
  goldInstances: number;
  /** …whose mentions in every one of their articles are covered by a single event of ours. */
  linkedAll: number;
  /** …with mentions in at least two of their articles covered by a single event of ours. */
  linkedTwo: number;
  /** Our events with sources in ≥ 2 articles. */
  multiArticle: number;
  /** …of which overlap gold event mentions in ≥ 2 articles (the ones judged for purity). */
  judged: number;
  pure: number;
  linkedAllShare: number | null;
  linkedTwoShare: number | null;
  purity: number | null;
}

export function scoreEvents(docs: EvalDoc[], preds: PredEvent[]): EventScore {
  const byId = docsById(docs);
  const index = new Map(docs.map((d) => [d.id, new TokenIndex(d.events)]));
  const key = (d: EvalDoc, g: GoldMention) => `${d.topic}\u0000${g.instance}`;

  // The articles of each cross-document gold instance.
  const instanceDocs = new Map<string, Set<string>>();
  for (const d of docs) for (const g of d.events) {
    if (!g.crossDoc) continue;
    const k = key(d, g);
    if (!instanceDocs.has(k)) instanceDocs.set(k, new Set());
    instanceDocs.get(k)!.add(d.id);
  }
  const crossInstances = [...instanceDocs].filter(([, s]) => s.size >= 2);

  // For each event of ours: per article, the gold instances its sources there overlap.
  const covered = new Map<string, Map<string, Set<string>>>(); // instance -> event -> articles
  let multiArticle = 0;
  let judged = 0;
  let pure = 0;
  for (const e of preds) {
    const articles = new Set(e.sources.map((s) => s.doc));
    const sourceSets: { doc: string; instances: Set<string> }[] = [];
    for (const s of e.sources) {
      const d = byId.get(s.doc);
      if (!d) continue;
      const hits = index.get(s.doc)!.overlapping(predTokens(byId, s));
      const inst = new Set(hits.map((g) => key(d, g)));
      if (inst.size) sourceSets.push({ doc: s.doc, instances: inst });
      for (const k of inst) {
        if (!covered.has(k)) covered.set(k, new Map());
        const perEvent = covered.get(k)!;
        if (!perEvent.has(e.id)) perEvent.set(e.id, new Set());
        perEvent.get(e.id)!.add(s.doc);
      }
    }
    if (articles.size < 2) continue;
    multiArticle++;
    if (new Set(sourceSets.map((s) => s.doc)).size < 2) continue;
    judged++;
    let common = sourceSets[0].instances;
    for (const s of sourceSets.slice(1)) common = new Set([...common].filter((k) => s.instances.has(k)));
    if (common.size) pure++;
  }

  let linkedAll = 0;
  let linkedTwo = 0;
  for (const [k, docsOfInstance] of crossInstances) {
    const perEvent = [...(covered.get(k)?.values() ?? [])];
    if (perEvent.some((arts) => [...docsOfInstance].every((d) => arts.has(d)))) linkedAll++;
    if (perEvent.some((arts) => [...docsOfInstance].filter((d) => arts.has(d)).length >= 2)) linkedTwo++;
  }
  const n = crossInstances.length;
  return {
    goldInstances: n,
    linkedAll,
    linkedTwo,
    multiArticle,
    judged,
    pure,
    linkedAllShare: n ? linkedAll / n : null,
    linkedTwoShare: n ? linkedTwo / n : null,
    purity: judged ? pure / judged : null,
  };
}
