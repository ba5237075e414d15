// What a user does in the workbench, as Playwright helpers over VS Code's DOM. Each helper fails with
// a message that says what was not seen, so a failing e2e step explains itself next to its screenshot.
import type { Locator, Page } from 'playwright-core';

const SHORT = 10_000;

/** Text as a reader sees it: Monaco renders spaces as NBSP. */
export const clean = (s: string) => s.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ').trim();
/** One line for an error message. */
export const oneLine = (s: string) => clean(s).split(/\s*\n\s*/).filter(Boolean).join(' / ');

export class Workbench {
  constructor(readonly page: Page) {}

  async waitForWorkbench(timeout = 90_000) {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
    await this.page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout });
  }

  /** Closes whatever widget is open (hover, quick input, find, peek). */
  async dismiss() {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  statusBar(): Locator {
    return this.page.locator('#workbench\\.parts\\.statusbar');
  }

  /** Waits for a status bar entry whose text matches, and returns that text. */
  async waitForStatusBarText(re: RegExp, timeout = 60_000): Promise<string> {
    const item = this.statusBar().locator('.statusbar-item').filter({ hasText: re }).first();
    try {
      await item.waitFor({ state: 'visible', timeout });
    } catch {
      throw new Error(`no status bar item matching ${re}; the status bar shows: ${oneLine(await this.statusBar().innerText())}`);
    }
    return clean(await item.innerText());
  }

  private quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Rows of the open quick input (palette, Quick Open, or an extension's quick pick). */
  async quickPickRows(timeout = SHORT): Promise<string[]> {
    const rows = this.quickInput().locator('.monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout });
    return (await rows.allInnerTexts()).map(clean);
  }

  /** Types into the quick input and accepts the row whose text contains `pick` (the first row if omitted). */
  private async typeAndAccept(prefixKey: string, text: string, pick: string, what: string) {
    await this.dismiss();
    await this.page.keyboard.press(prefixKey);
    const input = this.quickInput().locator('input');
    await input.waitFor({ state: 'visible', timeout: SHORT });
    await input.fill(prefixKey === 'F1' ? `>${text}` : text);
    const row = this.quickInput().locator('.monaco-list-row').filter({ hasText: pick }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: SHORT });
    } catch {
      const shown = await this.quickInput().locator('.monaco-list-row').allInnerTexts().catch(() => []);
      throw new Error(`${what} "${text}" is not offered; the list shows: ${shown.map(clean).join(' | ') || '(nothing)'}`);
    }
    await row.click();
    // Wait for the palette to go, so that what a command opens next is not mistaken for it.
    await row.waitFor({ state: 'hidden', timeout: SHORT }).catch(() => undefined);
  }

  /** Runs a command from the Command Palette (F1) by its title, e.g. "Corroborate: Find Related Coverage". */
  async runCommand(title: string) {
    await this.typeAndAccept('F1', title, title, 'the Command Palette command');
    // A command that throws (or is not registered) shows a modal dialog: report its text.
    const dialog = this.page.locator('.monaco-dialog-box');
    if (await dialog.waitFor({ state: 'visible', timeout: 1500 }).then(() => true, () => false)) {
      const text = oneLine((await dialog.locator('.dialog-message-text, .dialog-message-detail').allInnerTexts()).join('\n'));
      await this.page.keyboard.press('Escape');
      throw new Error(`"${title}" failed: ${text}`);
    }
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(name: string) {
    await this.typeAndAccept('Control+P', name, name, 'Quick Open file');
    const tab = this.page.locator('.tabs-container .tab.active').filter({ hasText: name });
    await tab.waitFor({ state: 'visible', timeout: SHORT }).catch(() => {
      throw new Error(`the editor for ${name} did not open`);
    });
    await this.page.locator('.editor-instance .view-lines').first().waitFor({ state: 'visible', timeout: SHORT });
  }

  /** The visible text of the active editor. */
  async editorText(): Promise<string> {
    return clean(await this.page.locator('.editor-instance .view-lines').first().innerText());
  }

  /** Uses the editor's find widget to scroll to and select the first occurrence of `text`. */
  async revealText(text: string) {
    await this.page.locator('.editor-instance .view-lines').first().click();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.find-widget textarea, .find-widget input').first();
    await find.waitFor({ state: 'visible', timeout: SHORT });
    await find.fill(text);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape'); // the match stays selected in the editor
    const line = this.page.locator('.view-lines .view-line').filter({ hasText: text.split(/\s+/)[0] }).first();
    await line.waitFor({ state: 'visible', timeout: SHORT }).catch(() => {
      throw new Error(`"${text}" is not in the active editor`);
    });
  }

  /** Moves the mouse over `word` in the active editor and returns the hover card's text. */
  async hoverWord(word: string, timeout = SHORT): Promise<string> {
    await this.revealText(word);
    const spans = this.page.locator('.view-lines .view-line span span');
    const n = await spans.count();
    for (let i = 0; i < n; i++) {
      const span = spans.nth(i);
      const text = (await span.textContent())?.replace(/\u00a0/g, ' ') ?? '';
      const at = text.search(new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
      if (at < 0) continue;
      const box = await span.boundingBox();
      if (!box || box.width === 0) continue;
      // Monaco's default font is monospace: a character's x is proportional to its index.
      const x = box.x + ((at + word.length / 2) / text.length) * box.width;
      await this.page.mouse.move(x, box.y + box.height / 2, { steps: 4 });
      const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).last();
      try {
        await hover.waitFor({ state: 'visible', timeout });
      } catch {
        throw new Error(`no hover card appeared over "${word}" within ${timeout / 1000} s`);
      }
      return clean(await hover.innerText());
    }
    throw new Error(`"${word}" is not visible in the active editor`);
  }

  /** Text of the references peek view, if one is open. */
  async peekText(timeout = SHORT): Promise<string> {
    const peek = this.page.locator('.peekview-widget');
    await peek.first().waitFor({ state: 'visible', timeout });
    return clean(await peek.first().innerText());
  }

  /** Opens a view container by its title with "View: Show <title>" and returns the pane holding `viewName`. */
  async openView(containerTitle: string, viewName: string): Promise<Locator> {
    await this.runCommand(`View: Show ${containerTitle}`);
    const pane = this.page.locator('.pane').filter({ has: this.page.locator('.pane-header', { hasText: viewName }) }).first();
    await pane.waitFor({ state: 'visible', timeout: SHORT }).catch(() => {
      throw new Error(`the ${viewName} view did not open`);
    });
    const header = pane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane;
  }

  /** The rows of a tree or list inside `container` (a view pane, the Problems panel...). */
  async treeRows(container: Locator, timeout = SHORT): Promise<string[]> {
    const rows = container.locator('.monaco-list-row');
    try {
      await rows.first().waitFor({ state: 'visible', timeout });
    } catch {
      throw new Error(`no rows appeared; the view shows: ${oneLine(await container.innerText().catch(() => '')) || '(nothing)'}`);
    }
    return (await rows.allInnerTexts()).map(clean);
  }

  /** Opens the Problems panel and returns its container. */
  async openProblems(): Promise<Locator> {
    await this.runCommand('View: Focus Problems');
    const panel = this.page.locator('.markers-panel-container, .markers-panel').first();
    await panel.waitFor({ state: 'visible', timeout: SHORT });
    return panel;
  }
}
