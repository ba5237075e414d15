// "Compare Coverage": a webview with the passage and the other outlets' related passages side by
// side. The core builds the comparison; compareHtml renders it escaped under a strict CSP.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { comparePassages, type Comparison } from '../../core/compare';
import { compareHtml } from '../compareHtml';
import type { FeatureContext } from '../featureContext';
import type { CorpusService } from '../corpusService';
import { passageTarget } from './passageTarget';

let panel: vscode.WebviewPanel | undefined;

export function registerCompareView({ context, service }: FeatureContext) {
  context.subscriptions.push(
    vscode.commands.registerCommand('corroborate.compareCoverage', (what?: unknown, where?: unknown) => compareCoverage(context, service, what, where)),
    { dispose: () => panel?.dispose() },
  );
}

/** Opens (or updates) the comparison; returns its data so callers and tests can see what it shows. */
export async function compareCoverage(context: vscode.ExtensionContext, service: CorpusService, what?: unknown, where?: unknown): Promise<Comparison | undefined> {
  await service.ready;
  const target = await passageTarget(service, what, where);
  if (!target) {
    void vscode.window.showInformationMessage('Corroborate: put the cursor in a sentence of an indexed article to compare its coverage.');
    return undefined;
  }
  const data = comparePassages(service.corpus, target.id, target.span);
  if (!panel) {
    panel = vscode.window.createWebviewPanel('corroborate.compare', 'Compare Coverage', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    });
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage((m: unknown) => {
      const msg = m as { type?: string; article?: unknown; start?: unknown; end?: unknown };
      if (msg?.type === 'open' && typeof msg.article === 'string' && typeof msg.start === 'number' && typeof msg.end === 'number') {
        void service.reveal(msg.article, msg.start, msg.end, false);
      }
    });
  } else panel.reveal(vscode.ViewColumn.Beside, true);
  const origin = service.corpus.get(target.id);
  panel.title = `Compare: ${(origin?.outlet ?? target.id).slice(0, 40)}`;
  panel.webview.html = compareHtml(data, { cspSource: panel.webview.cspSource, nonce: crypto.randomBytes(16).toString('base64') });
  return data;
}
