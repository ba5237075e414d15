// The foundation as a user meets it: the workbench loads the VSIX, the status bar counts the
// articles, and Quick Open opens one.
import { assert, type Step } from '../step';

export const foundationSteps: Step[] = [
  {
    name: 'the installed VSIX activates and the status bar counts 5 articles',
    feature: 'issue 2 (foundation)',
    timeoutMs: 120_000,
    async run({ ui }) {
      await ui.waitForWorkbench();
      const text = await ui.waitForStatusBarText(/\b\d+ articles?\b/, 90_000);
      assert.match(text, /\b5 articles\b/, `status bar shows "${text}"`);
    },
  },
  {
    name: 'Quick Open opens an article',
    feature: 'issue 2 (foundation)',
    async run({ ui, seed }) {
      const { name, text } = seed('000');
      await ui.openFile(name);
      const firstWords = text.trim().split(/\s+/).slice(0, 3).join(' ');
      const shown = await ui.editorText();
      assert.ok(shown.includes(firstWords), `the editor shows "${shown.slice(0, 80)}", not the article's opening "${firstWords}"`);
    },
  },
];
