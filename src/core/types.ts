// Shapes shared by the core, the CLI and the extension. The JSON contract (docs/cli-json.md)
// is built from these; fields may be added but never renamed.

/** A half-open range of UTF-16 code units in an article's text. */
export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  /** Always equal to the article text sliced at start..end. */
  text: string;
}

/** A place in a named article. */
export interface Location extends Span {
  article: string;
}

export interface Passage extends Location {
  text: string;
}

export interface ScoredPassage extends Passage {
  score: number;
}

export interface Sentence extends TextSpan {
  /** Index into Article.paragraphs. */
  paragraph: number;
}

export interface Paragraph extends Span {
  /** A short line without closing punctuation: a section header or sub-headline. */
  heading: boolean;
}

/** How the article writes numeric dates: month first (US) or day first. Null when it never says. */
export type DateOrder = 'mdy' | 'dmy' | null;

export interface Article {
  id: string;
  text: string;
  title: string | null;
  titleSpan: Span | null;
  outlet: string | null;
  byline: string | null;
  /** YYYY-MM-DD, or null when the article does not say. */
  published: string | null;
  url: string | null;
  dateOrder: DateOrder;
  /** The article proper; page furniture and boilerplate tails lie outside it. */
  body: Span;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

export interface Role {
  text: string;
  article: string;
  start: number;
  end: number;
}

export interface Person {
  id: string;
  name: string;
  aliases: string[];
  roles: Role[];
  mentions: Passage[];
}

export interface Quote extends Passage {
  speaker: string | null;
  speakerText: string | null;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpression extends Passage {
  /** TimeML TIMEX3 value: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn, PRESENT_REF, PAST_REF, FUTURE_REF, P… */
  value: string;
  type: TimexType;
  /** True when the reference date was inferred from other articles. */
  inferred: boolean;
  /** The reference date the value was resolved against (YYYY-MM-DD), or null. */
  anchor?: string | null;
}

export interface NewsEvent {
  id: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when undated. */
  date: string | null;
  label: string;
  sources: Passage[];
  /** True when the date rests on an inferred reference date. */
  inferred?: boolean;
}

export type ClaimKind = 'unattributed' | 'vague-source' | 'hedged' | 'contested';

export interface Claim extends Passage {
  kind: ClaimKind;
  reason: string;
  /** A stable rule id, e.g. 'vague-source/weasel-subject'; documented in the README. */
  rule: string;
  related: Location[];
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  body: Span;
}

export interface AnalysisReport {
  version: 1;
  articles: ArticleSummary[];
  people: Person[];
  quotes: Quote[];
  events: NewsEvent[];
  times: TimeExpression[];
  claims: Claim[];
}
