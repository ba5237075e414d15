// Hostile text renders as plain text: the escaping behind every hover, tooltip, quick pick and webview.
// Rendered with markdown-it (CommonMark, raw HTML and linkify ON: stricter than VS Code's hover renderer),
// escaped article text must come out as one paragraph of the same text: no link, image, HTML or command.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Corpus } from '../../src/core/corpus';
import { HOVER_COMMANDS, commandLink, escapeHtml, escapeMarkdown, plainLabel } from '../../src/extension/escape';

// markdown-it comes with @vscode/vsce (a devDependency); it stands in for the hover renderer.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (o: object) => { render(src: string): string };
const md = new MarkdownIt({ html: true, linkify: true });

const HOSTILE = [
  '[x](command:workbench.action.terminal.new)',
  '[run](command:workbench.action.terminal.new?%5B%5D "title")',
  '<a href="command:corroborate.reindex">ours, but from the article</a>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>raw html</b> <!-- comment --> <iframe src="https://evil.example"></iframe>',
  '![img](https://evil.example/x.png)',
  '![img][ref]\n\n[ref]: https://evil.example/x.png',
  '<https://evil.example/autolink> <mailto:a@evil.example>',
  'https://evil.example/bare www.evil.example a@evil.example',
  '[ref link][1]\n[1]: command:workbench.action.terminal.new',
  '\\[escaped\\](command:evil) \\<b\\>',
  '`code` **bold** _em_ ~~strike~~ # heading\n- list\n> quote\n---\n| a | b |\n|---|---|',
  '$(terminal) $(alert) &lt;b&gt; &amp; &#60;script&#62;',
  'javascript:alert(1) data:text/html,<script>alert(1)</script>',
  'Supercalifragilistic' + 'A'.repeat(20_000),
  'line\r\nbreaks\rand\n\n\nblank\u2028lines',
];

const decode = (html: string) => html.replace(/&(lt|gt|quot|amp|#39);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'" })[e]!);
/** What a reader would see: CommonMark folds runs of space and trims each paragraph; NUL becomes U+FFFD. */
const visible = (s: string) => s.replace(/\u0000/g, '\uFFFD').replace(/[ \t\r\n\u2028\u2029\u0085]+/g, ' ').trim();

/** Renders escaped text and asserts it is exactly one paragraph of that same text. */
function assertPlain(text: string) {
  const html = md.render(escapeMarkdown(text)).trim();
  if (!visible(text)) return;
  const m = /^<p>([\s\S]*)<\/p>$/.exec(html);
  assert.ok(m, `not one plain paragraph: ${html.slice(0, 300)}`);
  assert.doesNotMatch(m[1], /</, `markup in the output: ${m[1].slice(0, 300)}`);
  assert.equal(visible(decode(m[1])), visible(text));
}

/** Scans a markdown string for live constructs outside backslash escapes: '<', and links not to our commands. */
function liveConstructs(markdown: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '<') found.push(`'<' at ${i}`);
    if (c === ']' && markdown[i + 1] === '(') {
      const dest = markdown.slice(i + 2, i + 200);
      if (!HOVER_COMMANDS.some((cmd) => dest.startsWith(`command:${cmd}?`))) found.push(`link to ${dest.slice(0, 60)}`);
    }
    if (c === '!' && markdown[i + 1] === '[') found.push(`image at ${i}`);
  }
  return found;
}

describe('hostile text: markdown escaping', () => {
  for (const text of HOSTILE) {
    it(`renders as plain text: ${JSON.stringify(text.slice(0, 50))}`, () => {
      assertPlain(text);
      assert.deepEqual(liveConstructs(escapeMarkdown(text)), []);
      assert.doesNotMatch(escapeMarkdown(text), /[\r\n]/, 'line breaks are folded: no block syntax');
    });
  }

  it('any string renders as plain text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...'[]()<>!`*_#\\:/"\'&;=$-|~ \n\r\tabcAZ09'.split(''), 'command:', 'https://', '&lt;', '<script>'), { maxLength: 60 }).map((xs) => xs.join(''))), (text) => {
        assertPlain(text);
        assert.deepEqual(liveConstructs(escapeMarkdown(text)), []);
      }),
      { numRuns: 300 },
    );
  });

  it('every sentence of the hostile fixture, as a hover would show it, is plain text', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'hostile', 'hostile.article'), 'utf8');
    const c = new Corpus();
    const a = c.upsert('hostile.article', text);
    assert.ok(a.sentences.length >= 4);
    for (const s of [...a.sentences, ...(a.title ? [{ text: a.title }] : []), { text: a.byline ?? '' }]) assertPlain(s.text);
  });
});

describe('hostile text: our own command links', () => {
  it('a hover card built of our links and escaped text has exactly our links live', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 1e6 }), (label, passage, id, start) => {
        const args = [id, start, start + 5];
        const card = `Person: ${escapeMarkdown(label)}\n\n${commandLink(label, 'corroborate.openPassage', args, passage)} — ${escapeMarkdown(passage)}`;
        assert.deepEqual(liveConstructs(card), []);
        const html = md.render(card);
        const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => decode(m[1]));
        assert.equal(hrefs.length, 1, `exactly one link in ${html}`);
        assert.ok(hrefs[0].startsWith('command:corroborate.openPassage?'), hrefs[0]);
        // The arguments survive the trip: the command receives what we meant, however hostile the id.
        assert.deepEqual(JSON.parse(decodeURIComponent(hrefs[0].slice('command:corroborate.openPassage?'.length))), args);
        assert.doesNotMatch(html, /<(?!\/?(p|a)\b)/, 'no other tags');
      }),
      { numRuns: 200 },
    );
  });

  it('an article id with ")" or a link in it cannot end our link early or add one', () => {
    const id = 'x) [evil](command:workbench.action.terminal.new) (y.article';
    const link = commandLink('Petro', 'corroborate.openPassage', [id, 0, 5]);
    const html = md.render(link);
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    assert.equal(hrefs.length, 1, html);
    assert.match(html, /^<p><a href="[^"]*">Petro<\/a><\/p>\s*$/, 'the hostile id stays inside the encoded arguments');
    assert.deepEqual(JSON.parse(decodeURIComponent(hrefs[0].split('?')[1])), [id, 0, 5]);
  });

  it('refuses to link to a command that is not ours', () => {
    assert.throws(() => commandLink('x', 'workbench.action.terminal.new' as (typeof HOVER_COMMANDS)[number], []));
  });
});

describe('hostile text: HTML and labels', () => {
  it('escapeHtml leaves nothing that opens a tag, an entity of the article, or leaves an attribute', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...HOSTILE)), (text) => {
        const out = escapeHtml(text);
        assert.doesNotMatch(out, /[<>"'`]/);
        assert.doesNotMatch(out, /&(?!#\d+;)/, 'every & starts one of our numeric entities');
        assert.equal(out.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(+n)), text, 'nothing lost');
      }),
      { numRuns: 200 },
    );
  });

  it('plainLabel: one line, no icon syntax, bounded length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom(...HOSTILE)), (text) => {
        const out = plainLabel(text, 120);
        assert.doesNotMatch(out, /\$\(/);
        assert.doesNotMatch(out, /[\r\n\u2028\u2029]/);
        assert.ok(out.length <= 120);
      }),
      { numRuns: 200 },
    );
  });
});
