// Find Related Coverage and Compare Coverage (issue 6): from a sentence of 000, the other outlets' passages.
import { assert, type Step } from '../step';

export const relatedSteps: Step[] = [
  {
    name: '"Find Related Coverage" on a sentence of 000 shows passages from 001, 002 and 003',
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
      const has = (p: string) => shown.includes(seed(p).name) || shown.includes(p + '_');
      const missing = ['001', '002', '003'].filter((p) => !has(p));
      assert.ok(missing.length === 0, `expected passages from 001, 002 and 003; missing ${missing.join(', ')}; the result shows: "${shown.slice(0, 400)}"`);
      assert.ok(!has('000') || shown.indexOf(seed('000').name) === shown.lastIndexOf(seed('000').name), 'the article itself is not among the results');
      await page.waitForTimeout(300); // let the peek view finish rendering for the screenshot
      await page.keyboard.press('Escape');
    },
  },
  {
    name: '"Compare Coverage" opens the passages side by side',
    feature: 'issue 6 (search and related coverage)',
    async run({ ui, seed, page, screenshot }) {
      await ui.openFile(seed('000').name);
      await ui.revealText("the world's top producer of coca");
      await ui.runCommand('Corroborate: Compare Coverage');
      // The webview's document lives in nested iframes; find the one holding the comparison.
      let text = '';
      for (let i = 0; i < 60 && !text.includes('similarity'); i++) {
        for (const frame of page.frames()) {
          const body = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
          if (body.includes('similarity')) text = body;
        }
        if (!text) await page.waitForTimeout(250);
      }
      assert.ok(text, 'the Compare Coverage webview did not show a comparison');
      assert.ok(/this article/.test(text), `the origin column is missing: "${text.slice(0, 300)}"`);
      assert.ok(/Reuters/.test(text), `the origin outlet (Reuters) is missing: "${text.slice(0, 300)}"`);
      assert.ok(!/<script|<span/.test(text), 'article text must render as text, not markup');
      await screenshot('compare-coverage');
    },
  },
];
