// The Events view (issue 5): events grouped by date, with their sources.
import { assert, type Step } from '../step';

export const eventsSteps: Step[] = [
  {
    name: 'the Events view lists events, and the first one expands to its sources',
    feature: 'issue 5 (events and timeline)',
    async run({ ui }) {
      const pane = await ui.openView('Corroborate', 'Events');
      const rows = await ui.treeRows(pane);
      assert.ok(rows.some((r) => /\b20\d\d\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/.test(r)), `no row shows a date: ${rows.join(' | ')}`);
      const collapsed = pane.locator('.monaco-list-row[aria-expanded="false"]').first();
      assert.ok((await collapsed.count()) > 0, `no expandable row: ${rows.join(' | ')}`);
      await collapsed.click();
      await collapsed.press('ArrowRight');
      const after = await ui.treeRows(pane);
      assert.ok(after.length > rows.length, `expanding a row showed nothing new: ${after.join(' | ')}`);
    },
  },
  {
    name: 'the Events view expands the meeting reported by five outlets and a source opens its article',
    feature: 'issue 5 (events and timeline)',
    async run({ ui, page, screenshot }) {
      const pane = await ui.openView('Corroborate', 'Events');
      await ui.treeRows(pane);
      // Rows are virtualised: walk to the end of the timeline, where the latest events are.
      await pane.locator('.monaco-list-row').first().click();
      await page.keyboard.press('End');
      const meeting = pane.locator('.monaco-list-row').filter({ hasText: /2026-02-03 · 5 outlets/ }).first();
      await meeting.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
        throw new Error(`no event row dated 2026-02-03 with 5 outlets; rows: ${(await ui.treeRows(pane)).join(' | ')}`);
      });
      if ((await meeting.getAttribute('aria-expanded')) !== 'true') {
        await meeting.click();
        if ((await meeting.getAttribute('aria-expanded')) !== 'true') await meeting.press('ArrowRight');
      }
      const level = Number(await meeting.getAttribute('aria-level'));
      const sources = pane.locator(`.monaco-list-row[aria-level="${level + 1}"]`);
      await sources.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
        throw new Error('the meeting row did not expand to its sources');
      });
      const texts = (await sources.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      assert.ok(texts.length >= 5, `expected a source from each of the five articles, saw: ${texts.join(' | ')}`);
      await screenshot('events-meeting-expanded');
      // The first source is 000's opening sentence: clicking it opens that article at the passage.
      await sources.first().click();
      await page.locator('.editor-instance .view-lines').first().waitFor({ state: 'visible', timeout: 10_000 });
      const tab = await page.locator('.tab.active').first().innerText();
      assert.match(tab, /^000_/, `the active tab is ${tab}`);
      const text = await ui.editorText();
      assert.ok(text.includes('cordial meeting'), `the editor does not show the passage: ${text.slice(0, 200)}`);
      await screenshot('events-source-opened');
    },
  },
];
