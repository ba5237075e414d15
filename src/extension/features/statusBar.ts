// A status bar item with the article count; it says when indexing runs and when files were skipped.
import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';

export function registerStatusBar({ context, service }: FeatureContext) {
  const item = vscode.window.createStatusBarItem('corroborate.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Corroborate';
  item.command = 'corroborate.showOutput';
  const update = () => {
    const n = service.corpus.size;
    if (service.indexing) {
      item.text = `$(sync~spin) ${n} articles`;
      item.tooltip = 'Corroborate is indexing the articles of this workspace';
    } else {
      const skipped = service.skipped.size;
      item.text = `$(book) ${n} article${n === 1 ? '' : 's'}${skipped ? ` $(warning) ${skipped}` : ''}`;
      item.tooltip = `Corroborate: ${n} article(s) indexed${skipped ? `, ${skipped} file(s) skipped (see the log)` : ''}`;
    }
    if (n > 0 || service.indexing || service.skipped.size) item.show();
    else item.hide();
  };
  update();
  context.subscriptions.push(item, service.onDidChange(update));
}
