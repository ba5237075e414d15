// People hover cards (issue 4): hovering a surname shows who that person is in this story.
import { assert, type Step } from '../step';

export const peopleSteps: Step[] = [
  {
    name: 'hovering "Petro" in 000 shows the person card for Gustavo Petro',
    feature: 'issue 4 (people and quotes)',
    async run({ ui, seed }) {
      await ui.openFile(seed('000').name);
      const hover = await ui.hoverWord('Petro');
      const says = `the hover card says: "${hover.slice(0, 400)}"`;
      assert.ok(hover.includes('Gustavo Petro'), says);
      // Rendered, not raw markdown: roles with outlets, coverage counts, a quote and the command links.
      assert.ok(hover.includes('Colombian President'), says);
      assert.ok(/Mentioned in 5 articles/.test(hover), says);
      assert.ok(hover.includes('Show all mentions') && hover.includes('Find related coverage'), says);
      assert.ok(!hover.includes('](command:'), `command links are rendered as links: ${says}`);
    },
  },
];
