// Claims diagnostics (issue 7): the Problems panel lists Corroborate's entries for the articles.
import { assert, type Step } from '../step';

export const claimsSteps: Step[] = [
  {
    name: 'the Problems panel lists Corroborate claims',
    feature: 'issue 7 (claims)',
    async run({ ui }) {
      const panel = await ui.openProblems();
      const rows = await ui.treeRows(panel, 20_000);
      const ours = rows.filter((r) => r.includes('Corroborate'));
      assert.ok(ours.length > 0, `no Corroborate entries in the Problems panel: ${rows.slice(0, 10).join(' | ')}`);
    },
  },
];
