import type * as vscode from 'vscode';
import type { CorpusService } from './corpusService';

export interface FeatureContext {
  context: vscode.ExtensionContext;
  service: CorpusService;
  output: vscode.LogOutputChannel;
}
