// Per-article claim analysis: every body sentence (headings skipped) is classified as
// unattributed, vague-source or hedged, or left alone. Direct quotes and plain description are
// never flagged; a claim with a named source is not "unattributed".
import { findAttributions, type Attribution } from './attribution';
import { assertionCues, hedgeCues, type Cue } from './claimCues';
import { maskQuotes, quoteRegions, quotedShare, tokenize } from './claimText';
import type { Article, Claim, Sentence, Span } from './types';

/** What the sentence-level pass learned about one sentence. */
interface SentenceInfo {
  sentence: Sentence;
  index: number;
  /** Share of the sentence inside direct quotes. */
  quoted: number;
}

/** A sentence's cues, needed only while its claims are made: not kept in the memo (they cost more than the claims). */
interface SentenceCues extends SentenceInfo {
  attributions: Attribution[];
  hedges: Cue[];
  assertions: Cue[];
}

export interface ArticleClaims {
  claims: Claim[];
  /** The analysed sentences not mostly inside direct quotes, by index: the ones contested claims compare. */
  open: number[];
}

const QUOTE_SHARE = 0.6;
/** Longer "sentences" are page debris or hostile input, not a claim a reader can check. */
export const MAX_SENTENCE_CHARS = 3000;
// A following sentence that carries on someone's reported speech ("He would also …").
const CONTINUES_SPEECH = /^(?:He|She|They|It)\s+(?:also\s+)?(?:would|will|had|could|was|were|wants?|wanted|hopes?|hoped)\b/;

const HEDGE_REASONS: Record<string, string> = {
  unproven: 'the text itself says the claim is not backed by evidence',
  alleged: 'the claim is presented as an allegation, not an established fact',
  disputed: 'the text says the claim is disputed',
  denied: 'someone involved denies the claim',
  reportedly: 'the claim is second-hand or inferred, not confirmed',
};
const ASSERTION_REASONS: Record<string, string> = {
  figure: 'states a figure',
  trend: 'asserts a change in a measured quantity',
  superlative: 'makes a superlative claim',
  causal: 'asserts a cause',
  evaluative: 'passes a judgement in the reporter\u2019s own voice',
};
const VAGUE_REASONS: Record<string, string> = {
  'weasel-subject': 'attributes the claim to an unnamed group',
  anonymous: 'attributes the claim to an anonymous source',
  quantifier: 'attributes the claim to an unspecified number of people',
  passive: 'a passive construction hides who holds the view',
};

export function analyzeArticleClaims(article: Article): ArticleClaims {
  const claims: Claim[] = [];
  const infos: SentenceCues[] = [];
  const text = article.text;
  const quotesByParagraph = new Map<number, Span[]>();
  const quotesOf = (p: number) => {
    let q = quotesByParagraph.get(p);
    if (!q) quotesByParagraph.set(p, (q = quoteRegions(text, article.paragraphs[p].start, article.paragraphs[p].end)));
    return q;
  };

  article.sentences.forEach((sentence, index) => {
    const para = article.paragraphs[sentence.paragraph];
    if (!para || para.heading || sentence.end - sentence.start > MAX_SENTENCE_CHARS) return;
    const quotes = quotesOf(sentence.paragraph);
    const quoted = quotedShare(text, sentence.start, sentence.end, quotes);
    const masked = maskQuotes(text, sentence.start, sentence.end, quotes);
    const tokens = tokenize(masked, sentence.start);
    const info: SentenceCues = {
      sentence,
      index,
      quoted,
      attributions: findAttributions(text, sentence, quotes, { masked, tokens }),
      hedges: quoted >= QUOTE_SHARE ? [] : hedgeCues(masked, sentence.start),
      assertions: quoted >= QUOTE_SHARE ? [] : assertionCues(masked, sentence.start, tokens),
    };
    infos.push(info);
    if (quoted >= QUOTE_SHARE) return; // a direct quote: the speaker's words, attributed by the quote itself

    const claim = (kind: Claim['kind'], rule: string, reason: string): Claim => ({
      article: article.id, start: sentence.start, end: sentence.end, text: sentence.text, kind, rule: ruleName(kind, rule), reason, related: [],
    });

    const vague = info.attributions.find((a) => !a.named);
    if (vague) {
      const who = vague.source?.text ?? vague.cue.text;
      claims.push(claim('vague-source', vague.vagueRule ?? 'weasel-subject', `${cap(VAGUE_REASONS[vague.vagueRule ?? 'weasel-subject'])} (\u201c${who}\u201d), not a named source.`));
    }

    if (info.hedges.length) {
      const first = info.hedges.slice().sort((a, b) => order(a.rule) - order(b.rule))[0];
      const words = [...new Set(info.hedges.map((h) => `\u201c${h.text}\u201d`))].join(', ');
      claims.push(claim('hedged', first.rule, `Hedged with ${words}: ${HEDGE_REASONS[first.rule]}.`));
    }

    const open = uncovered(info.assertions, info.attributions.map((a) => a.covers));
    // A vague source is the problem with such a sentence; flagging it unattributed too would say it twice.
    if (open.length && !vague && !continuesSpeech(article, infos, info)) {
      const first = open.slice().sort((a, b) => ASSERTION_ORDER.indexOf(a.rule) - ASSERTION_ORDER.indexOf(b.rule))[0];
      claims.push(claim('unattributed', first.rule, `${cap(ASSERTION_REASONS[first.rule])} (\u201c${first.text.trim()}\u201d) with no named source.`));
    }
  });
  return { claims, open: infos.filter((i) => i.quoted < QUOTE_SHARE).map((i) => i.index) };
}

/** "kind/rule", one string per rule for the whole process rather than one per claim (there are few rules). */
const RULE_NAMES = new Map<string, string>();
function ruleName(kind: Claim['kind'], rule: string): string {
  const key = `${kind}/${rule}`;
  let name = RULE_NAMES.get(key);
  if (name === undefined) RULE_NAMES.set(key, (name = key));
  return name;
}

/** The cues that no coverage span contains (sorted sweeps, so linear after sorting). */
function uncovered(cues: Cue[], covers: Span[]): Cue[] {
  if (!covers.length) return cues;
  const spans = covers.slice().sort((a, b) => a.start - b.start);
  // The furthest end reached by any span starting at or before each span's start.
  const reach: number[] = [];
  spans.forEach((s, i) => reach.push(Math.max(s.end, i ? reach[i - 1] : -1)));
  return cues.filter((c) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start <= c.start) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 || reach[lo - 1] < c.end;
  });
}

const ASSERTION_ORDER = ['figure', 'trend', 'superlative', 'causal', 'evaluative'];
const HEDGE_ORDER = ['unproven', 'alleged', 'disputed', 'denied', 'reportedly'];
const order = (rule: string) => HEDGE_ORDER.indexOf(rule);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Reported speech that runs on from a named attribution in the sentence before. */
function continuesSpeech(article: Article, infos: SentenceCues[], info: SentenceCues): boolean {
  if (info.attributions.length) return false;
  const prev = infos[infos.length - 2];
  if (!prev || prev.sentence.paragraph !== info.sentence.paragraph || prev.index !== info.index - 1) return false;
  if (!prev.attributions.some((a) => a.named && a.covers.end >= prev.sentence.end - 1)) return false;
  return CONTINUES_SPEECH.test(article.text.slice(info.sentence.start, info.sentence.end));
}
