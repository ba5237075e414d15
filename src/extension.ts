// Entry point: wires the corpus service and every feature into VS Code. Activation does no analysis;
// indexing starts after activate() returns.
import * as vscode from 'vscode';
import { CorpusService } from './extension/corpusService';
import { registerFeatures } from './extension/features';

export function activate(context: vscode.ExtensionContext) {
  const output = vscode.window.createOutputChannel('Corroborate', { log: true });
  const service = new CorpusService(context, output);
  context.subscriptions.push(output, service);
  const api: Record<string, unknown> = { service };
  registerFeatures({ context, service, output, api });
  // Index off the activation path so activate() returns at once.
  setTimeout(() => void service.indexWorkspace(), 0);
  return api as { service: CorpusService } & Record<string, unknown>;
}

export function deactivate() {}
