// Find Related Coverage (issue 6): from a sentence of 000, the other outlets' passages.
import { assert, type Step } from '../step';

export const relatedSteps: Step[] = [
  {
    name: '"Find Related Coverage" on a sentence of 000 shows passages from other articles',
    feature: 'issue 6 (search and related coverage)',
    async run({ ui, seed, page }) {
      await ui.openFile(seed('000').name);
      await ui.revealText('Petro arrived at the White House');
      await ui.runCommand('Corroborate: Find Related Coverage');
      // The peek view where it fits, a quick pick with previews otherwise: accept either.
      const shown = await Promise.any([
        ui.peekText(15_000),
        ui.quickPickRows(15_000).then((rows) => rows.join('\n')),
      ]).catch(() => {
        throw new Error('neither a references peek view nor a quick pick appeared');
      });
      const others = ['001', '002', '003', '004'].filter((p) => shown.includes(seed(p).name) || shown.includes(p + '_'));
      assert.ok(others.length >= 2, `expected passages from at least two other articles; the result shows: "${shown.slice(0, 400)}"`);
      await page.waitForTimeout(300); // let the peek view finish rendering for the screenshot
    },
  },
];
