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
];
