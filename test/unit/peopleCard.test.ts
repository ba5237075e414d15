import './helpers/vscodeStub';
import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { personProfile } from '../../src/core/personProfile';
import { personCardMarkdown } from '../../src/extension/features/peopleCard';
import { HOVER_COMMANDS, safeMarkdown } from '../../src/extension/markdown';

const hostile = [
  '---',
  'outlet: "[x](command:workbench.action.terminal.new) <img src=https://evil.example/p.png>"',
  '---',
  'Mayor Lena Ortiz spoke on Monday.',
  '',
  '"Run [x](command:workbench.action.terminal.new) now <script>alert(1)</script> ![i](https://evil.example/a.png)," Ortiz said.',
  '',
  'Ortiz met Governor Tomas Brenner later. Brenner said nothing.',
].join('\n');

function card() {
  const c = new Corpus();
  c.upsert('hostile.txt', hostile);
  c.upsert('other.txt', 'Governor Tomas Brenner praised Mayor Lena Ortiz. "We agree," Brenner said.');
  const p = personProfile(c, 'lena-ortiz', 3);
  assert.ok(p, 'the person is found');
  return { p: p!, md: personCardMarkdown(p!, { article: 'hostile.txt', start: 0, end: 4 }) };
}

describe('person hover card markdown', () => {
  it('says who the person is: name, roles with outlets, article counts, quotes, co-mentions, commands', () => {
    const { p, md } = card();
    assert.ok(md.startsWith('**Lena Ortiz**'));
    assert.ok(md.includes('Mayor'));
    assert.match(md, /Mentioned in 2 articles/);
    assert.ok(p.quotes.length >= 1);
    assert.match(md, /Often mentioned with: Tomas Brenner \(2\)/);
    assert.ok(md.includes('command:corroborate.showMentions?'));
    assert.ok(md.includes('command:corroborate.findRelated?'));
    assert.ok(md.includes('command:corroborate.openPassage?'));
  });

  it('renders hostile article text as text: no foreign command links, HTML or images', () => {
    const { md } = card();
    const commands = [...md.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.ok(commands.length >= 3);
    for (const c of commands) assert.ok(HOVER_COMMANDS.includes(c), `unexpected command link ${c}`);
    assert.ok(!/(^|[^\\])</.test(md), 'no raw HTML');
    assert.ok(!/(^|[^\\])!\[/.test(md), 'no image');
    assert.ok(!/(^|[^\\])\[x\]/.test(md), 'the hostile link text is escaped');
    assert.ok(md.includes('workbench\\.action\\.terminal\\.new'), 'the hostile text is still shown, escaped');
  });

  it('is wrapped in a MarkdownString that trusts only our commands and no HTML', () => {
    const md = safeMarkdown();
    assert.deepEqual(md.isTrusted, { enabledCommands: HOVER_COMMANDS });
    assert.equal(md.supportHtml, false);
  });
});
