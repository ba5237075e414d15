// Content words for cheap similarity: lower-cased, crudely stemmed, without function words.
// A general English list; nothing here is specific to any corpus.

const STOP = new Set(`a about above after again against all almost also although am among an and another any are around as at
back be became because become been before being below between both but by can could did do does doing done down during each
either else even ever every few for from further had has have having he her here hers herself him himself his how however i if
in into is it its itself just last least less like made make many may me might more most much must my myself near neither never
new next no nor not now of off often on once one only or other others our ours ourselves out over own per perhaps put quite
rather really said same say says see seem seemed several shall she should since so some still such than that the their theirs
them themselves then there these they this those though through thus to too toward towards under until up upon us very via
was we well were what whatever when where whether which while who whom whose why will with within without would yet you your
yours mr mrs ms according told tell tells added also just time times year years month months week weeks day days today
yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december two three four five first second percent people`.split(/\s+/));

export function isStopWord(w: string): boolean {
  return STOP.has(w);
}

/** A crude stem: plural and verb endings folded so "meeting"/"meetings" and "sanction"/"sanctions" meet. */
export function stem(w: string): string {
  // Cached per word form: four regex replaces per word were a hot spot, and one shared string per
  // stem (instead of a fresh copy in every memo that keeps stems) saves memory at scale.
  // Only short words are cached: V8 keeps a longer slice as a view into the string it was cut from,
  // and a cached view would keep a whole lower-cased article alive.
  if (w.length >= MAX_CACHED_LENGTH) return stemOf(w);
  let s = STEMS.get(w);
  if (s === undefined) {
    s = w.length <= 4 ? w : stemOf(w);
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    STEMS.set(w, s);
  }
  return s;
}

function stemOf(w: string): string {
  return w.replace(/(?:ies)$/, 'y').replace(/(?:ing|ings)$/, '').replace(/(?:ed|es|s)$/, '').replace(/(.)\1$/, '$1');
}

const MAX_CACHED_LENGTH = 13;

const STEMS = new Map<string, string>();
/** Bounds the cache on hostile input (every token distinct); real vocabularies stay far below. */
const MAX_STEMS = 200_000;

const CONTENT_WORD = /[\p{L}][\p{L}'’-]*[\p{L}]|\p{L}/gu;

/** The content words of `text`, stemmed, in order. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  CONTENT_WORD.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = CONTENT_WORD.exec(lower)); ) {
    const w = m[0].charCodeAt(m[0].length - 1) === 115 ? m[0].replace(/['’]s$/, '') : m[0];
    if (w.length < 3 || STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

export const IRREGULAR: Record<string, string> = {
  did: 'do', sank: 'sink', shook: 'shake', grew: 'grow', fled: 'flee', froze: 'freeze', swept: 'sweep', overthrew: 'overthrow', upheld: 'uphold', withheld: 'withhold', was: 'be', were: 'be', had: 'have', has: 'have', is: 'be', are: 'be',
  met: 'meet', held: 'hold', said: 'say', told: 'tell', spoke: 'speak', took: 'take', made: 'make', gave: 'give', came: 'come', went: 'go',
  struck: 'strike', fought: 'fight', won: 'win', lost: 'lose', sent: 'send', left: 'leave', led: 'lead', began: 'begin', rose: 'rise', fell: 'fall',
  sought: 'seek', brought: 'bring', bought: 'buy', sold: 'sell', wrote: 'write', flew: 'fly', drove: 'drive', threw: 'throw', stood: 'stand', ran: 'run',
  kept: 'keep', paid: 'pay', built: 'build', spent: 'spend', felt: 'feel', heard: 'hear', saw: 'see', knew: 'know', thought: 'think', became: 'become',
};

/** Lemma of a verb form; crude but general. */
export function lemma(w: string): string {
  const l = w.toLowerCase();
  if (IRREGULAR[l]) return IRREGULAR[l];
  if (!/ed$/.test(l) || l.length <= 4) return l;
  if (/ied$/.test(l)) return l.replace(/ied$/, 'y');
  if (/ssed$/.test(l)) return l.slice(0, -2);
  if (/(?:[cgvzu]|[^s]s)ed$/.test(l)) return l.slice(0, -1);
  if (/([bdgklmnprt])\1ed$/.test(l)) return l.slice(0, -3);
  return l.slice(0, -2);
}
