// Commands that belong to no single feature: opening the sample corpus, re-indexing, the log.
import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';

export function registerCoreCommands({ context, service, output }: FeatureContext) {
  context.subscriptions.push(
    vscode.commands.registerCommand('corroborate.openSampleCorpus', async () => {
      const seeds = vscode.Uri.joinPath(context.extensionUri, 'seeds');
      // Opens the bundled seeds as a folder; the extension never writes to them.
      await vscode.commands.executeCommand('vscode.openFolder', seeds, { forceNewWindow: !!vscode.workspace.workspaceFolders?.length });
    }),
    vscode.commands.registerCommand('corroborate.reindex', async () => {
      await service.indexWorkspace();
      return service.corpus.size;
    }),
    vscode.commands.registerCommand('corroborate.showOutput', () => output.show()),
    // Used by hover and tree links: opens an article at a passage and selects it.
    vscode.commands.registerCommand('corroborate.openPassage', (id: string, start: number, end: number) => service.reveal(id, start, end, false)),
  );
}
