import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = path.join(__dirname, '..', '..');

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(path.join(root, 'syntaxes/news-article.tmLanguage.json'), 'utf8'), 'grammar.json'),
  });
  return (await registry.loadGrammar('text.news-article'))!;
}

/** Tokenises `text` and returns the scopes covering each occurrence of `needle` (first occurrence). */
function scopesOf(grammar: vsctm.IGrammar, text: string, needle: string): string[] {
  let state = vsctm.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    const at = line.indexOf(needle);
    if (at >= 0) return r.tokens.find((t) => t.startIndex <= at && at < t.endIndex)!.scopes;
    state = r.ruleStack;
  }
  throw new Error(`${needle} not in text`);
}

describe('news-article grammar', () => {
  let g: vsctm.IGrammar;
  before(async () => { g = await loadGrammar(); });
  const doc = [
    'Storm Floods Coastal Towns',
    'By Jane Roe',
    'Published: 7 July 2017',
    'LONDON (Reuters) -- The storm killed 12 people, officials said on Tuesday.',
    '"We lost everything," a resident told reporters at 9 a.m. according to police.',
    'Damage reached US$3 billion, or 4% of output, and the mayor reportedly resigned in October.',
    'An “unbalanced quote runs to the end of this line',
    'The next line is not a string.',
  ].join('\n');
  const has = (needle: string, scope: string) => assert.ok(scopesOf(g, doc, needle).some((s) => s.startsWith(scope)), `${needle} should have ${scope}: ${scopesOf(g, doc, needle).join(' ')}`);
  it('marks the headline, byline and date line', () => {
    has('Storm Floods', 'markup.heading');
    has('Jane Roe', 'meta.byline');
    has('7 July 2017', 'meta.dateline.date');
  });
  it('marks the dateline and outlet', () => {
    has('LONDON', 'entity.name.section.dateline');
    has('(Reuters)', 'entity.name.tag.outlet');
  });
  it('marks quotes, attribution verbs, dates, times and figures', () => {
    has('We lost everything', 'string.quoted.double');
    has('said', 'keyword.other.attribution');
    has('according to', 'keyword.other.attribution');
    has('on Tuesday', 'constant.other.date');
    has('9 a.m.', 'constant.other.time');
    has('US$3 billion', 'constant.numeric.money');
    has('4%', 'constant.numeric.percentage');
    has('12', 'constant.numeric');
    has('reportedly', 'keyword.other.hedge');
    has('in October', 'constant.other.date');
  });
  it('an unbalanced quote stops at the end of its line', () => {
    has('unbalanced quote', 'string.quoted');
    assert.ok(!scopesOf(g, doc, 'next line is not').some((s) => s.startsWith('string')));
  });
});
