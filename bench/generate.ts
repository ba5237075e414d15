// Synthetic news corpora for the benchmark: clusters of 3-8 outlets reporting one event, each
// article about 600 words with a header (title, byline, date line or front matter), quotes,
// figures, attributions, hedges, vague sources, relative and explicit dates, and sometimes a
// boilerplate tail. Names come from syllable tables, never from a list of real people.
import fs from 'node:fs';
import path from 'node:path';
import { type Rng, chance, int, mulberry32, pick, shuffle } from './prng';

/** Bump when the generator changes, so cached corpora on disk are rebuilt. */
export const GENERATOR_VERSION = 2;

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'ch', 'dr', 'gr', 'kr', 'st', 'tr', 'sh', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ia', 'io'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 'x', 'nd', 'rt', 'sk'];

function syllable(rng: Rng): string {
  return pick(rng, ONSETS) + pick(rng, VOWELS) + pick(rng, CODAS);
}
function word(rng: Rng, min = 2, max = 3): string {
  let w = '';
  for (let i = int(rng, min, max); i > 0; i--) w += syllable(rng);
  return w[0].toUpperCase() + w.slice(1);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ROLES = ['President', 'Prime Minister', 'Foreign Minister', 'Governor', 'Mayor', 'Senator', 'General', 'Finance Minister'];
const EPITHETS = ['a former union organiser', 'a veteran diplomat', 'a retired judge', 'a longtime ally of the government', 'an economist by training', 'a former army officer'];
const OUTLET_SUFFIX = ['Times', 'Herald', 'Post', 'Tribune', 'Gazette', 'Observer', 'Daily', 'Wire', 'Chronicle', 'News'];
const SPEECH = ['said', 'told reporters', 'said in a statement', 'told a news conference', 'wrote on social media'];
const HEDGES = ['reportedly', 'allegedly', 'apparently'];
const VAGUE = ['Analysts said', 'Critics say', 'Observers noted', 'Officials privately admit', 'Some reports suggest', 'Sources said', 'Experts say'];
const EVENTS = [
  { noun: 'meeting', verb: 'met', topic: ['trade', 'border security', 'tariffs', 'migration'] },
  { noun: 'summit', verb: 'held talks', topic: ['energy', 'climate finance', 'debt relief', 'fisheries'] },
  { noun: 'flood', verb: 'visited the flooded districts', topic: ['rainfall', 'evacuation', 'reconstruction', 'dams'] },
  { noun: 'strike', verb: 'negotiated with striking workers', topic: ['wages', 'pensions', 'port traffic', 'rail services'] },
  { noun: 'election', verb: 'conceded defeat', topic: ['turnout', 'ballots', 'coalition talks', 'runoff'] },
  { noun: 'agreement', verb: 'signed an agreement', topic: ['pipelines', 'grain exports', 'water rights', 'mining permits'] },
];
const NOUNS = ['officials', 'residents', 'lawmakers', 'investors', 'farmers', 'teachers', 'diplomats', 'negotiators', 'regulators', 'families', 'workers', 'police'];
const ADJ = ['cautious', 'tense', 'cordial', 'difficult', 'productive', 'unexpected', 'lengthy', 'brief', 'heated', 'constructive'];
const VERBS = ['expanded', 'reviewed', 'criticised', 'defended', 'delayed', 'approved', 'questioned', 'welcomed', 'rejected', 'funded'];
const THINGS = ['the budget', 'the new plan', 'the proposal', 'the inquiry', 'the reform', 'the contract', 'the ceasefire', 'the programme', 'the investigation', 'the report'];

interface Person { first: string; last: string; role: string; epithet: string }
interface Cluster {
  event: (typeof EVENTS)[number];
  city: string;
  country: string;
  org: string;
  date: Date;
  people: Person[];
  count: number;
  money: number;
  percent: number;
  minutes: number;
  quotes: string[];
}

function person(rng: Rng): Person {
  return { first: word(rng, 1, 2), last: word(rng, 2, 3), role: pick(rng, ROLES), epithet: pick(rng, EPITHETS) };
}

function quoteText(rng: Rng, c: Cluster): string {
  const topic = pick(rng, c.event.topic);
  return pick(rng, [
    () => `We ${pick(rng, VERBS)} ${pick(rng, THINGS)} and we will keep working on ${topic}`,
    () => `This was a ${pick(rng, ADJ)} day for ${c.country}, and nobody should pretend otherwise`,
    () => `I told them that ${topic} cannot wait another year`,
    () => `The ${c.event.noun} showed that ${pick(rng, NOUNS)} are ready to talk about ${topic}`,
  ])();
}

function cluster(rng: Rng): Cluster {
  const c: Cluster = {
    event: pick(rng, EVENTS),
    city: word(rng, 2, 3),
    country: word(rng, 2, 3) + pick(rng, ['ia', 'land', 'stan', 'a', '']),
    org: `the ${word(rng, 2, 2)} ${pick(rng, ['Institute', 'Council', 'Agency', 'Foundation', 'Commission'])}`,
    date: new Date(Date.UTC(int(rng, 2019, 2026), int(rng, 0, 11), int(rng, 1, 28))),
    people: Array.from({ length: int(rng, 2, 4) }, () => person(rng)),
    count: int(rng, 12, 900),
    money: int(rng, 2, 95),
    percent: int(rng, 3, 70),
    minutes: int(rng, 3, 12) * 10,
    quotes: [],
  };
  c.quotes = Array.from({ length: 4 }, () => quoteText(rng, c));
  return c;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const longDate = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;

function dateLine(rng: Rng, pub: Date): string {
  const m = pub.getUTCMonth() + 1;
  const d = pub.getUTCDate();
  return pick(rng, [
    () => `Published: ${d} ${MONTHS[m - 1]} ${pub.getUTCFullYear()}`,
    () => `Written on ${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${pub.getUTCFullYear()}`,
    () => `${MONTH_ABBR[m - 1]} ${d}, ${pub.getUTCFullYear()} ${int(rng, 1, 12)}:${String(int(rng, 0, 59)).padStart(2, '0')} ${pick(rng, ['a.m.', 'p.m.'])}`,
    () => `date ${iso(pub)}`,
  ])();
}

function sentences(rng: Rng, c: Cluster, outlet: string): string[] {
  const [a, b] = c.people;
  const full = (p: Person) => `${p.first} ${p.last}`;
  const wd = WEEKDAYS[c.date.getUTCDay()];
  // Outlets disagree on figures now and then: the "contested" case.
  const count = chance(rng, 0.2) ? c.count + int(rng, 1, 20) : c.count;
  const minutes = chance(rng, 0.2) ? c.minutes + 5 : c.minutes;
  const topic = () => pick(rng, c.event.topic);
  const anyone = () => pick(rng, c.people);
  const out: string[] = [
    `${a.role} ${full(a)} and ${b.role} ${full(b)} ${c.event.verb} on ${wd} in ${c.city}, in a ${pick(rng, ["long", "short", "closely watched", "tense"])} ${c.event.noun} that lasted about ${minutes} minutes.`,
    `"${c.quotes[0]}," ${a.last} ${pick(rng, SPEECH)}.`,
    `${b.last}, ${b.epithet}, ${pick(rng, SPEECH)} that the talks on ${topic()} would continue ${pick(rng, ['next week', 'next month', 'in the coming days'])}.`,
    `More than ${count} ${pick(rng, NOUNS)} ${pick(rng, ['attended', 'were affected by', 'protested outside', 'followed'])} the ${c.event.noun}, according to ${c.org}.`,
  ];
  const pool: (() => string)[] = [
    () => `"${pick(rng, c.quotes)}," ${full(anyone())} ${pick(rng, SPEECH)}.`,
    () => `${anyone().last} said: "${quoteText(rng, c)}."`,
    () => `The government ${pick(rng, HEDGES)} ${pick(rng, VERBS)} ${pick(rng, THINGS)} ${pick(rng, ['last month', 'last year', 'in ' + MONTHS[(c.date.getUTCMonth() + 11) % 12]])}.`,
    () => `${pick(rng, VAGUE)} the ${c.event.noun} could change how ${c.country} handles ${topic()}.`,
    () => `The plan is worth about $${c.money} billion, or ${c.percent}% of the annual budget, ${pick(rng, ['officials said', 'according to ' + c.org, 'the ministry said'])}.`,
    () => `On ${longDate(new Date(c.date.getTime() - int(rng, 20, 300) * 864e5))}, ${anyone().last} ${pick(rng, VERBS)} ${pick(rng, THINGS)} in ${word(rng, 2, 3)}.`,
    () => `${pick(rng, ['Last month', 'Last week', 'In January', 'Earlier this year'])}, ${full(anyone())} ${pick(rng, VERBS)} ${pick(rng, THINGS)} on ${topic()}.`,
    () => `${anyone().last} has ${pick(rng, ['denied', 'rejected', 'dismissed'])} the ${pick(rng, ['alleged', 'unproven', 'disputed'])} claims about ${topic()}.`,
    () => `${capital(pick(rng, NOUNS))} in ${c.city} ${pick(rng, VERBS)} ${pick(rng, THINGS)} after ${pick(rng, ['weeks', 'months', 'years'])} of ${pick(rng, ADJ)} debate about ${topic()}.`,
    () => `The ${pick(rng, ADJ)} mood in ${c.city} reflected ${pick(rng, ['growing', 'lingering', 'sudden'])} concern over ${topic()} and ${topic()}.`,
    () => `${c.country} ${pick(rng, ['has', 'had'])} ${pick(rng, VERBS)} ${pick(rng, THINGS)} ${int(rng, 2, 9)} times since ${int(rng, 1990, 2018)}, ${c.org} said.`,
    () => `${capital(pick(rng, NOUNS))} and ${pick(rng, NOUNS)} ${pick(rng, ['watched', 'waited', 'argued'])} as ${full(anyone())} ${pick(rng, ['left', 'arrived at', 'addressed'])} the ${pick(rng, ['palace', 'parliament', 'stadium', 'ministry'])} ${pick(rng, ['on ' + wd, 'that evening', 'on ' + longDate(c.date)])}.`,
    () => `It was the first ${c.event.noun} of its kind since ${MONTHS[int(rng, 0, 11)]} ${int(rng, 2001, 2018)}, ${outlet} reported.`,
  ];
  let words = out.join(' ').split(/\s+/).length;
  const target = int(rng, 540, 660);
  while (words < target) {
    const s = pick(rng, pool)();
    out.push(s);
    words += s.split(/\s+/).length;
  }
  return out;
}

function capital(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function article(rng: Rng, c: Cluster, outlet: string): string {
  const [a, b] = c.people;
  const title = pick(rng, [
    `${a.last} and ${b.last} ${c.event.verb} in ${c.city}`,
    `${capital(c.event.noun)} in ${c.city}: ${a.last} ${pick(rng, ['vows', 'promises', 'warns of'])} action on ${pick(rng, c.event.topic)}`,
    `${c.country}'s ${a.role.toLowerCase()} ${c.event.verb}`,
  ]);
  const pub = new Date(c.date.getTime() + int(rng, 0, 2) * 864e5);
  const byline = `${word(rng, 1, 2)} ${word(rng, 2, 3)}`;
  const paras: string[] = [];
  const ss = sentences(rng, c, outlet);
  for (let i = 0; i < ss.length;) {
    const n = int(rng, 1, 3);
    paras.push(ss.slice(i, i + n).join(' '));
    i += n;
  }
  let head: string;
  const style = int(rng, 0, 4);
  if (style === 0) head = `---\ntitle: "${title}"\noutlet: ${outlet}\nauthor: ${byline}\npublished: ${iso(pub)}\n---\n\n`;
  else if (style === 1) {
    head = `date ${iso(pub)} `;
    paras[0] = `${c.city.toUpperCase()} (${outlet}) -- ${paras[0]}`;
  } else if (style === 2) head = `${title}\n\nBy ${byline}\n${dateLine(rng, pub)}\n\n`;
  else if (style === 3) head = `${title}\n${outlet}\n\n`; // undated
  else head = `# ${title}\n\n*${byline}, ${outlet}*\n\n`; // undated markdown
  let tail = '';
  if (chance(rng, 0.3)) {
    tail = `\n\nRead More\n${word(rng)} ${pick(rng, VERBS)} ${pick(rng, THINGS)}\nSponsored\n${pick(rng, ['Trending Now', 'Share this article'])}\n#${word(rng)} #${c.city}\n`;
  }
  return head + paras.join('\n\n') + tail + '\n';
}

export interface GeneratedArticle {
  id: string;
  text: string;
}

/** A deterministic corpus of `size` articles. */
export function generateCorpus(size: number, seed = 42): GeneratedArticle[] {
  const rng = mulberry32(seed);
  const outlets = Array.from({ length: 40 }, () => `The ${word(rng, 2, 2)} ${pick(rng, OUTLET_SUFFIX)}`);
  const out: GeneratedArticle[] = [];
  let k = 0;
  while (out.length < size) {
    const c = cluster(rng);
    const n = Math.min(int(rng, 3, 8), size - out.length);
    for (const outlet of shuffle(rng, [...outlets]).slice(0, n)) {
      out.push({ id: `c${String(k).padStart(5, '0')}/${outlet.replace(/\W+/g, '_').toLowerCase()}.article`, text: article(rng, c, outlet) });
    }
    k++;
  }
  return out;
}

/** Writes the corpus under bench/corpora/<size>/ once; reuses it when the generator has not changed. */
export function ensureCorpusOnDisk(size: number, root = path.join(__dirname, 'corpora')): string {
  const dir = path.join(root, String(size));
  const marker = path.join(dir, '.generator');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === String(GENERATOR_VERSION)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  for (const a of generateCorpus(size)) {
    const f = path.join(dir, a.id);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, a.text);
  }
  fs.writeFileSync(marker, String(GENERATOR_VERSION));
  return dir;
}
