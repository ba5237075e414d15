// People hover cards (issue 4): hovering a surname shows who that person is in this story.
import { assert, type Step } from '../step';

export const peopleSteps: Step[] = [
  {
    name: 'hovering "Petro" in 000 shows the person card for Gustavo Petro',
    feature: 'issue 4 (people and quotes)',
    async run({ ui, seed }) {
      await ui.openFile(seed('000').name);
      const hover = await ui.hoverWord('Petro');
      assert.ok(hover.includes('Gustavo Petro'), `the hover card says: "${hover.slice(0, 300)}"`);
    },
  },
];
