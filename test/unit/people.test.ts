import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../src/core/corpus';
import { articleCandidates } from '../../src/core/people';
import { decodeArticleBytes } from '../../src/core/decode';
import type { Person } from '../../src/core/types';

import { seedCorpus, seedsDir } from './helpers/seeds';

function corpusOf(texts: string[]): Corpus {
  const c = new Corpus();
  texts.forEach((t, i) => c.upsert(`a${i}.txt`, t));
  return c;
}

const names = (ps: Person[]) => ps.map((p) => p.name);
const idOf = (c: Corpus, prefix: string) => c.articles().find((a) => a.id.startsWith(prefix))!.id;

describe('people on the seeds', () => {
  const c = seedCorpus();
  const people = c.people();

  it('finds the twelve people of the story, each once', () => {
    for (const n of ['Donald Trump', 'Gustavo Petro', 'Daniel Noboa', 'Nicolas Maduro', 'JD Vance', 'Marco Rubio', 'Felipe Botero',
      'Rosa Villavicencio', 'Daniel Garcia-Peña', 'Pedro Sanchez', 'Bernie Moreno', 'Roy Barreras']) {
      assert.equal(people.filter((p) => p.name === n).length, 1, n);
    }
  });

  it('does not take places, organisations, documents or boilerplate names for people', () => {
    const all = people.flatMap((p) => [p.name, ...p.aliases]);
    for (const n of ['Clinton List', 'Clinton', 'Caracol', 'Reuters', 'Havana', 'Miami', 'Bogota', 'White House', 'Oval Office',
      'West Wing', 'University of the Andes', 'Free Trade Agreement', 'Shehbaz Sharif', 'Ajay Banga', 'AFP', 'Colombia', 'Washington']) {
      assert.ok(!all.includes(n), n);
    }
  });

  it('merges surnames into the full name and keeps mentions exact and inside the body', () => {
    const petro = people.find((p) => p.id === 'gustavo-petro')!;
    assert.ok(petro.aliases.includes('Petro'));
    assert.equal(new Set(petro.mentions.map((m) => m.article)).size, 5);
    for (const p of people) {
      for (const m of p.mentions) {
        const a = c.get(m.article)!;
        assert.equal(a.text.slice(m.start, m.end), m.text);
        assert.ok(m.start >= a.body.start && m.end <= a.body.end);
      }
      for (const r of p.roles) assert.equal(c.get(r.article)!.text.slice(r.start, r.end), r.text);
    }
  });

  it('reads roles from titles, apposition and "his counterpart, X"', () => {
    const roles = (id: string) => people.find((p) => p.id === id)!.roles.map((r) => r.text);
    assert.ok(roles('gustavo-petro').includes('Colombian President'));
    assert.ok(roles('gustavo-petro').some((r) => r.startsWith('a former anti-imperialist guerrilla')));
    assert.ok(roles('felipe-botero').includes('a political expert at the University of the Andes'));
    assert.ok(roles('rosa-villavicencio').includes('Foreign Minister'));
    assert.ok(roles('daniel-garcia-pena').includes('the ambassador in Washington'));
    assert.ok(roles('donald-trump').includes('his U.S. counterpart'));
    assert.ok(roles('marco-rubio').includes('Secretary of State'));
    assert.ok(!roles('rosa-villavicencio').some((r) => r.includes('ambassador')), 'the ambassador phrase belongs to the next name');
  });

  it('finds the person at an offset through the index', () => {
    const id = idOf(c, '002');
    const text = c.get(id)!.text;
    const at = text.indexOf('Felipe Botero') + 3;
    assert.equal(c.personAt(id, at)?.id, 'felipe-botero');
    assert.equal(c.personAt(id, text.indexOf('University of the Andes')), undefined);
    assert.equal(c.personNamed("Petro's")?.id, 'gustavo-petro');
  });
});

describe('alias resolution', () => {
  it('merges transliteration variants of a first name', () => {
    const c = corpusOf([
      'Russian Foreign Minister Sergei Lavrov said on Monday that talks would go on.',
      'Foreign Minister Sergey Lavrov told reporters the meeting was useful. Lavrov added nothing.',
    ]);
    const lavrovs = c.people().filter((p) => p.name.endsWith('Lavrov'));
    assert.equal(lavrovs.length, 1);
    assert.equal(lavrovs[0].mentions.length, 3);
  });

  it('never merges two people who share a surname', () => {
    const c = corpusOf([
      'President Donald Trump said the plan was ready. Trump spoke for an hour. Trump then left.',
      'First lady Melania Trump visited a school on Monday, where Melania Trump said children came first.',
    ]);
    assert.deepEqual(names(c.people().filter((p) => p.name.endsWith('Trump'))).sort(), ['Donald Trump', 'Melania Trump']);
    // A bare surname goes to the person named in full in that article.
    const bare = c.people().find((p) => p.name === 'Donald Trump')!;
    assert.equal(bare.mentions.length, 3);
  });

  it('takes a surname seen elsewhere with a first name as a person, even without other cues', () => {
    const c = corpusOf([
      'Officials met Ana Kovacic, a senior economist at the central bank, on Friday.',
      'The figures were checked twice. Kovacic disagreed with the forecast.',
    ]);
    const p = c.people().find((x) => x.name === 'Ana Kovacic')!;
    assert.ok(p, 'Ana Kovacic found');
    assert.ok(p.mentions.some((m) => m.article === 'a1.txt' && m.text === 'Kovacic'));
  });

  it('does not take a place seen after "in" for a person', () => {
    const c = corpusOf(['He lives in Tarnow and works in Tarnow. Tarnow argues for a new bridge.']);
    assert.equal(c.people().length, 0);
  });

  it('reads "Ecuador\'s president, X" and "X, the Y of Z"', () => {
    const c = corpusOf(["Talks went on. Ecuador's president, Daniel Noboa, said nothing. Maria Lopez, the head of the central bank, spoke later."]);
    const roles = (n: string) => c.people().find((p) => p.name === n)?.roles.map((r) => r.text);
    assert.deepEqual(roles('Daniel Noboa'), ["Ecuador's president"]);
    assert.deepEqual(roles('Maria Lopez'), ['the head of the central bank']);
  });

  it('handles initials and hyphenated names', () => {
    const c = corpusOf(['National security adviser H.R. McMaster met Daniel Garcia-Peña, the ambassador, on Monday, McMaster said.']);
    const ns = names(c.people());
    assert.ok(ns.includes('H.R. McMaster'), ns.join(','));
    assert.ok(ns.includes('Daniel Garcia-Peña'), ns.join(','));
  });
});

describe('people on an unseen story (test/fixtures/unseen)', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'unseen');
  const c = new Corpus();
  for (const f of fs.readdirSync(dir)) c.upsert(f, fs.readFileSync(path.join(dir, f), 'utf8'));
  const people = c.people();

  it('finds the named people, merges surnames across outlets, and leaves out bylines, places and companies', () => {
    assert.deepEqual(names(people).sort(), ['Katarzyna Wielgosz', 'Lars Emberg', 'Tomas Ferreira-Holm']);
    const pm = people.find((p) => p.name === 'Tomas Ferreira-Holm')!;
    assert.equal(new Set(pm.mentions.map((m) => m.article)).size, 3);
  });

  it('reads roles from titles and from apposition before and after the name', () => {
    const roles = (n: string) => people.find((p) => p.name === n)!.roles.map((r) => r.text);
    assert.ok(roles('Katarzyna Wielgosz').includes('Interior Minister'));
    assert.ok(roles('Katarzyna Wielgosz').includes('the interior minister'));
    assert.ok(roles('Lars Emberg').includes("Nordvolt's chief executive"));
    assert.ok(roles('Lars Emberg').includes("The company's chief executive"));
  });

  it('attributes quotes after "she said" and after a titled name', () => {
    const q = (words: string) => c.quotes().find((x) => x.text.includes(words));
    assert.equal(q('The water came down')?.speaker, 'katarzyna-wielgosz');
    assert.equal(q('We are still searching')?.speaker, 'katarzyna-wielgosz');
    assert.equal(q('No one will be left behind')?.speaker, 'tomas-ferreira-holm');
    assert.equal(q('deeply regrets')?.speaker, 'lars-emberg');
  });
});

describe('incremental people resolution', () => {
  it('after edits and removals gives the same answer as a fresh corpus', () => {
    const c = seedCorpus();
    c.people();
    const ids = c.articles().map((a) => a.id);
    const id2 = ids.find((i) => i.startsWith('002'))!;
    const id3 = ids.find((i) => i.startsWith('003'))!;
    const text2 = c.get(id2)!.text;
    // Edit: Botero's sentence goes; remove an article; add a new one naming a new person.
    c.upsert(id2, text2.replace(/"Both Trump[^\n]*/, ''));
    c.people();
    c.remove(id3);
    c.people();
    c.upsert('new.txt', 'Senator Ana Kovacic said on Monday that Petro would visit. Kovacic added nothing.');
    const incremental = JSON.stringify({ p: c.people(), q: c.quotes() });

    const fresh = new Corpus();
    for (const a of c.articles()) fresh.upsert(a.id, a.text);
    assert.equal(incremental, JSON.stringify({ p: fresh.people(), q: fresh.quotes() }));
    assert.ok(!c.people().some((p) => p.name === 'Felipe Botero'));
    assert.ok(!c.people().some((p) => p.name === 'Rosa Villavicencio'));
    assert.ok(c.people().some((p) => p.name === 'Ana Kovacic'));
  });
});

describe('people memory: evidence counted, then dropped', () => {
  it('keeps no name evidence per article once counted, and an edit still takes the old evidence back exactly', () => {
    const c = seedCorpus();
    c.people();
    for (const a of c.articles()) assert.equal(articleCandidates(c, a.id).found, null, `${a.id}: evidence kept after counting`);
    const id = c.articles()[0].id;
    const text = c.get(id)!.text;
    // A new spelling of a known name, and a name written another way: surfaces gain a second text.
    c.upsert(id, `${text}\n\nGUSTAVO Petro and Gustavo PETRO were both written here, as was Ana Kovacic, the minister.`);
    c.people();
    c.upsert(id, text.replace(/Petro/, 'Petró'));
    const incremental = JSON.stringify(c.people());
    const fresh = new Corpus();
    for (const a of c.articles()) fresh.upsert(a.id, a.text);
    assert.equal(incremental, JSON.stringify(fresh.people()));
  });

  it('counts evidence the memo still holds (as the indexing worker ships it), then drops it', () => {
    const c = seedCorpus();
    const id = c.articles()[0].id;
    assert.ok(articleCandidates(c, id).found, 'evidence present before the people state counts it');
    c.people();
    assert.equal(articleCandidates(c, id).found, null);
  });
});

describe('incremental people resolution (fast-check)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');
  const unseenDir = path.join(__dirname, '..', 'fixtures', 'unseen');
  const pool: { id: string; text: string }[] = [];
  for (const dir of [seedsDir, unseenDir]) {
    for (const f of fs.readdirSync(dir).sort()) {
      const d = decodeArticleBytes(fs.readFileSync(path.join(dir, f)));
      if (d.ok) pool.push({ id: f, text: d.text });
    }
  }
  const ids = [...pool.map((p) => p.id), 'extra-1.txt', 'extra-2.txt'];
  // Sentences that give a word of another article a new first name or a title: the alias table then
  // changes for articles nobody edited (a surname shared by two people, a word that becomes a name).
  const NEW_NAMES = [
    (w: string) => `Anna ${w} said on Monday that talks would continue. ${w} added nothing.`,
    (w: string) => `"We will not wait," said Senator ${w}, a former diplomat.`,
    (w: string) => `${w} told reporters he was ready.`,
  ];
  // An edit keeps the article's header and changes its body: drops, repeats or borrows paragraphs, or adds a sentence.
  const edit = fc.record({
    kind: fc.constantFrom('upsert', 'upsert', 'upsert', 'remove'),
    id: fc.constantFrom(...ids),
    from: fc.nat(pool.length - 1),
    op: fc.constantFrom('same', 'drop', 'borrow', 'name'),
    k: fc.nat(40),
  });
  const apply = (c: Corpus, e: { kind: string; id: string; from: number; op: string; k: number }) => {
    if (e.kind === 'remove') return void c.remove(e.id);
    const base = c.get(e.id)?.text ?? pool[e.from].text;
    const paras = base.split(/\n\s*\n/);
    const other = pool[e.from].text.split(/\n\s*\n/);
    let text = base;
    if (e.op === 'drop' && paras.length > 2) text = paras.filter((_, i) => i !== 1 + (e.k % (paras.length - 1))).join('\n\n');
    else if (e.op === 'borrow') text = `${base.trimEnd()}\n\n${other[e.k % other.length]}\n`;
    else if (e.op === 'name') {
      const words = pool[e.from].text.match(/\b\p{Lu}\p{Ll}{3,}\b/gu) ?? ['Kovacic'];
      text = `${base.trimEnd()}\n\n${NEW_NAMES[e.k % NEW_NAMES.length](words[(e.k * 7) % words.length])}\n`;
    }
    c.upsert(e.id, text);
  };
  const snapshot = (c: Corpus) => JSON.stringify({ p: c.people(), q: c.quotes() });

  it('gives the same people and quotes as a fresh corpus after any sequence of edits and removals', function () {
    this.timeout(600_000);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (edits, reads) => {
        const c = new Corpus();
        for (const a of pool) c.upsert(a.id, a.text);
        c.people();
        c.quotes();
        edits.forEach((e, i) => {
          apply(c, e);
          // Reading between edits exercises the incremental path; skipping reads batches several edits.
          if (reads[i]) { c.people(); c.quotes(); }
        });
        const fresh = new Corpus();
        for (const a of c.articles()) fresh.upsert(a.id, a.text);
        assert.deepEqual(c.articles().map((a) => a.id), fresh.articles().map((a) => a.id));
        assert.equal(snapshot(c), snapshot(fresh));
      }),
      { numRuns: 40, seed: 4242 },
    );
  });
});

describe('people in general news text', () => {
  const c = corpusOf([`Markets were calm on Monday.

Mr. Putin said on Tuesday that talks with Kyiv would continue. Vladimir Putin's spokesman, Dmitry Peskov, told reporters the Kremlin was ready. Putin later flew to Saudi Arabia.

North Korean leader Kim Jong Un met President Xi in Beijing. Xi Jinping said the meeting went well. Goldman Sachs said its profits rose. Analysts at Morgan Stanley said the deal was fair.

In Hong Kong, Los Angeles and New York, protesters gathered. The United Nations and the European Union issued statements. Prime Minister Keir Starmer told the BBC that Britain would help. Starmer added that Wall Street and Silicon Valley were watching.

Tim Cook, Apple's chief executive, said Apple would invest. Cook spoke in Cupertino.`]);
  const people = c.people();

  it('finds titled, possessive and family-name-first people, and no companies or places', () => {
    assert.deepEqual(names(people).sort(), ['Dmitry Peskov', 'Keir Starmer', 'Kim Jong Un', 'Tim Cook', 'Vladimir Putin', 'Xi Jinping']);
    assert.equal(people.find((p) => p.name === 'Vladimir Putin')!.mentions.length, 3);
    assert.ok(people.find((p) => p.name === 'Xi Jinping')!.aliases.includes('Xi'));
  });

  it('reads owner-possessive roles', () => {
    const roles = (n: string) => people.find((p) => p.name === n)!.roles.map((r) => r.text);
    assert.deepEqual(roles('Dmitry Peskov'), ["Vladimir Putin's spokesman"]);
    assert.deepEqual(roles('Tim Cook'), ["Apple's chief executive"]);
    assert.deepEqual(roles('Kim Jong Un'), ['North Korean leader']);
  });
});
